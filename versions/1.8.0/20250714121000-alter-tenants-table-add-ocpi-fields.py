"""Add the OCPI fields partyId, countryCode, url and serverProfileOCPI to Tenants.

Upstream's ``20250714121000-alter-tenants-table-add-ocpi-fields``: ``"partyId" varchar(255) NOT
NULL DEFAULT 'default'``, ``"countryCode" varchar(255) NOT NULL DEFAULT 'US'``, ``url
varchar(255)`` and ``"serverProfileOCPI" jsonb``; existing tenants get 'default' and 'US'.
Upstream does not guard these (running it twice fails); here each column is added only when it is
missing, so a partly migrated database still works. ``down`` drops the four columns, after
setting aside in the archive every value other than the defaults ('default', 'US', NULL),
which the next ``up`` puts back.

It also moves ``Tenants_id_seq`` past every tenant id (``sql/tenants-sequence.sql``, never
backwards): on a database made by CitrineOS 1.7.x, create-default-tenant was adopted from
SequelizeMeta rather than run, so upstream's stale sequence would otherwise survive the upgrade.
"""

UP = """
ALTER TABLE "Tenants"
    ADD COLUMN IF NOT EXISTS "partyId" character varying(255)
        DEFAULT 'default'::character varying NOT NULL,
    ADD COLUMN IF NOT EXISTS "countryCode" character varying(255)
        DEFAULT 'US'::character varying NOT NULL,
    ADD COLUMN IF NOT EXISTS url character varying(255),
    ADD COLUMN IF NOT EXISTS "serverProfileOCPI" jsonb;
"""

DOWN = """
ALTER TABLE "Tenants"
    DROP COLUMN IF EXISTS "serverProfileOCPI",
    DROP COLUMN IF EXISTS url,
    DROP COLUMN IF EXISTS "countryCode",
    DROP COLUMN IF EXISTS "partyId";
"""


def up(ctx):
    ctx.script(UP)
    ctx.script(ctx.sql_file("tenants-sequence.sql"))


def down(ctx):
    present = ctx.present_columns('"Tenants"', "partyId", "countryCode", "url", "serverProfileOCPI")
    if present:
        ctx.set_aside_columns('"Tenants"', *present)
    ctx.script(DOWN)
