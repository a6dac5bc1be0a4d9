"""Add Tenants.isUserTenant and make the OCPI fields url, partyId and countryCode optional.

Upstream's ``20251121170000-add-isUserTenant-to-tenants`` (dump 14): ``"isUserTenant" boolean
NOT NULL DEFAULT false`` with the comment 'Indicates if this tenant is a user tenant', and url,
partyId and countryCode nullable. Upstream's changeColumn also drops 1.8.0's defaults
``partyId 'default'`` and ``countryCode 'US'``; so does this up, since dump 14 is what a real
1.8.1 database has. The up also runs on its own result (the column is added only when missing).

Upstream's down drops the column and then fails on every standard database (it makes url NOT
NULL, and the default tenant has no url), so a retry fails too. This down gives back exactly
dump 13: url stays nullable, partyId and countryCode get their defaults and NOT NULL back. A
tenant that 1.8.1 left without a partyId or countryCode gets 'default' / 'US'; that it had NULL
there is kept in ``citrine_archive."20251121170000_Tenants"``, together with every
``isUserTenant`` that is true (false is what the up gives every other tenant). The next up puts
both back on the tenants that still exist (a partyId / countryCode changed under 1.8.0 since
stays) and drops that archive table (``sql/add-isUserTenant-to-tenants.restore.sql``).
"""

from __future__ import annotations

from typing import Any

ARCHIVE_TABLE = "20251121170000_Tenants"

# A column with a constant default, dropped NOT NULLs and defaults: catalog changes, beside
# traffic.
ONLINE = ()

UP = """
ALTER TABLE public."Tenants"
    ADD COLUMN IF NOT EXISTS "isUserTenant" boolean DEFAULT false NOT NULL,
    ALTER COLUMN url DROP NOT NULL,
    ALTER COLUMN "partyId" DROP NOT NULL,
    ALTER COLUMN "partyId" DROP DEFAULT,
    ALTER COLUMN "countryCode" DROP NOT NULL,
    ALTER COLUMN "countryCode" DROP DEFAULT;
COMMENT ON COLUMN public."Tenants"."isUserTenant" IS 'Indicates if this tenant is a user tenant';
"""

# What the consolidated migration runs after its contract phase (partyId and countryCode are
# nullable by then): what an earlier down archived goes back.
LATE_DATA_MOVES = ("add-isUserTenant-to-tenants.restore.sql", "drop-empty-archive.sql")

DOWN = """
CREATE TABLE IF NOT EXISTS {archive}."20251121170000_Tenants" (
    id integer PRIMARY KEY,
    "isUserTenant" boolean NOT NULL,
    "partyIdWasNull" boolean NOT NULL,
    "countryCodeWasNull" boolean NOT NULL
);
INSERT INTO {archive}."20251121170000_Tenants"
    (id, "isUserTenant", "partyIdWasNull", "countryCodeWasNull")
SELECT id, "isUserTenant", "partyId" IS NULL, "countryCode" IS NULL
FROM public."Tenants"
WHERE "isUserTenant" OR "partyId" IS NULL OR "countryCode" IS NULL
ON CONFLICT (id) DO UPDATE SET
    "isUserTenant" = EXCLUDED."isUserTenant",
    "partyIdWasNull" = EXCLUDED."partyIdWasNull",
    "countryCodeWasNull" = EXCLUDED."countryCodeWasNull";
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM {archive}."20251121170000_Tenants") THEN
        DROP TABLE {archive}."20251121170000_Tenants";
    END IF;
END
$$;
UPDATE public."Tenants" SET
    "partyId" = COALESCE("partyId", 'default'),
    "countryCode" = COALESCE("countryCode", 'US')
WHERE "partyId" IS NULL OR "countryCode" IS NULL;
ALTER TABLE public."Tenants"
    DROP COLUMN "isUserTenant",
    ALTER COLUMN "partyId" SET DEFAULT 'default'::character varying,
    ALTER COLUMN "partyId" SET NOT NULL,
    ALTER COLUMN "countryCode" SET DEFAULT 'US'::character varying,
    ALTER COLUMN "countryCode" SET NOT NULL;
"""


def up(ctx: Any) -> None:
    ctx.script(UP)
    table = f'{ctx.archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    ctx.script(ctx.sql_file("add-isUserTenant-to-tenants.restore.sql"))
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))
    if archived:
        ctx.report(f"put back isUserTenant / the empty partyId and countryCode of {archived} "
                   f"tenant(s) from {table}")


def down(ctx: Any) -> None:
    archive = ctx.ensure_archive()
    ctx.script(DOWN.replace("{archive}", archive))
    table = f'{archive}."{ARCHIVE_TABLE}"'
    if ctx.count_rows(table):
        users, filled = ctx.execute(
            f'SELECT count(*) FILTER (WHERE "isUserTenant"),'
            f' count(*) FILTER (WHERE "partyIdWasNull" OR "countryCodeWasNull") FROM {table}'
        ).one()
        ctx.report(f"kept in {table}: {users} user tenant(s), and {filled} tenant(s) without a "
                   "partyId or countryCode, which now have 'default' / 'US' (an upgrade puts "
                   "both back)")
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "6774a02e9b274de1fefd769f9480c9325f96a8170431f50412ce2f5fdd8d9a3b",
)
