"""Add ServerNetworkProfiles.tenantPathMapping.

Upstream's ``20260219091500-add-tenant-path-mapping`` (dump 26): ``"tenantPathMapping" jsonb``,
which URL path segment of a station's WebSocket connection means which tenant, with its column
comment. Like upstream it adds the column only when it is missing, so it can run again on its
own result.

Unlike upstream's, the ``down`` loses nothing: the mappings go to
``citrine_archive."20260219091500_ServerNetworkProfiles"`` (id, tenantPathMapping) before the
column is dropped, and ``up``, finding that table, puts them back on the profiles that still
exist and drops it.
"""

DATA_MOVES = ("add-tenant-path-mapping.restore.sql",)

# A nullable column: a catalog change, beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."ServerNetworkProfiles" ADD COLUMN IF NOT EXISTS "tenantPathMapping" jsonb;

COMMENT ON COLUMN public."ServerNetworkProfiles"."tenantPathMapping"
    IS 'Mapping of URL path segments to tenant IDs';
"""

DOWN_FILE = "add-tenant-path-mapping.down.sql"


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("aaeee849cc05ce529f74b25081d92c0b61461a9565799951f5ff0c87901ec05b",)
