"""Add ServerNetworkProfiles.dynamicTenantResolution and maxConnectionsPerTenant.

Upstream's ``20260211210000-add-dynamic-tenant-resolution`` (dump 22): ``"dynamicTenantResolution"
boolean DEFAULT false NOT NULL`` and ``"maxConnectionsPerTenant" integer``, with their column
comments. Like upstream it adds only what is missing, so it can run again on its own result.

Unlike upstream's, the ``down`` loses nothing: the profiles whose values differ from what a fresh
``up`` gives (false, NULL) go to ``citrine_archive."20260211210000_ServerNetworkProfiles"`` (id
and both values) before the columns are dropped, and ``up``, finding that table, puts the values
back on the profiles that still exist and drops it.
"""

DATA_MOVES = ("add-dynamic-tenant-resolution.restore.sql",)

# Columns with a constant default or none: catalog changes, beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."ServerNetworkProfiles"
    ADD COLUMN IF NOT EXISTS "dynamicTenantResolution" boolean DEFAULT false NOT NULL,
    ADD COLUMN IF NOT EXISTS "maxConnectionsPerTenant" integer;

COMMENT ON COLUMN public."ServerNetworkProfiles"."dynamicTenantResolution"
    IS 'Enable dynamic tenant resolution at WebSocket upgrade time';

COMMENT ON COLUMN public."ServerNetworkProfiles"."maxConnectionsPerTenant"
    IS 'Maximum number of concurrent connections allowed per tenant';
"""

DOWN_FILE = "add-dynamic-tenant-resolution.down.sql"


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("8823290f9a7c206172f51d39aa3ac13908deebecfcfd2a148f0bfa8731825006",)
