"""Add Authorizations.realTimeAuth and realTimeAuthUrl.

Upstream's ``20250618150800-update-existing-authorization-to-include-realtimeauth``: adds, each
only when missing, ``"realTimeAuth" varchar(255) NOT NULL DEFAULT 'Never'`` (the
AuthorizationWhitelistType Never/Allowed/AllowedOffline, stored as a string; existing rows get
'Never') and ``"realTimeAuthUrl" varchar(255)``. ``down`` drops both columns, after setting
aside in the archive every value other than 'Never' and NULL, which the next ``up`` puts back.
"""

UP = """
ALTER TABLE "Authorizations"
    ADD COLUMN IF NOT EXISTS "realTimeAuth" character varying(255)
        DEFAULT 'Never'::character varying NOT NULL,
    ADD COLUMN IF NOT EXISTS "realTimeAuthUrl" character varying(255);
"""

DOWN = """
ALTER TABLE "Authorizations"
    DROP COLUMN IF EXISTS "realTimeAuthUrl",
    DROP COLUMN IF EXISTS "realTimeAuth";
"""


def down(ctx):
    present = ctx.present_columns('"Authorizations"', "realTimeAuth", "realTimeAuthUrl")
    if present:
        ctx.set_aside_columns('"Authorizations"', *present)
    ctx.script(DOWN)


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("48780bb1f75b4a8177f1f9ce970f7c6324c90787bca1f3fb09b183d30276b549",)
