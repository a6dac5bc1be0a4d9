"""Add Authorizations.realTimeAuthLastAttempt (jsonb) and realTimeAuthTimeout (integer).

Upstream's ``20260112120000-alter-authorization-table-add-realtime-auth-fields`` (dump 15): two
nullable columns at the end of Authorizations. The up adds them only when missing, so it also
runs on its own result.

Upstream's down drops them with their values. This down first keeps every authorization's
non-NULL values in ``citrine_archive."20260112120000_Authorizations"``; the next up puts them
back on the authorizations that still exist and drops that archive table
(``sql/alter-authorization-table-add-realtime-auth-fields.restore.sql``).
"""

from __future__ import annotations

from typing import Any

ARCHIVE_TABLE = "20260112120000_Authorizations"

# Nullable columns: catalog changes, beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."Authorizations"
    ADD COLUMN IF NOT EXISTS "realTimeAuthLastAttempt" jsonb,
    ADD COLUMN IF NOT EXISTS "realTimeAuthTimeout" integer;
"""

# What the consolidated migration runs after its contract phase: the values an earlier down
# archived go back.
LATE_DATA_MOVES = (
    "alter-authorization-table-add-realtime-auth-fields.restore.sql",
    "drop-empty-archive.sql",
)

DOWN = """
CREATE TABLE IF NOT EXISTS {archive}."20260112120000_Authorizations" (
    id integer PRIMARY KEY,
    "tenantId" integer,
    "idToken" text,
    "realTimeAuthLastAttempt" jsonb,
    "realTimeAuthTimeout" integer
);
INSERT INTO {archive}."20260112120000_Authorizations" AS a
    (id, "tenantId", "idToken", "realTimeAuthLastAttempt", "realTimeAuthTimeout")
SELECT id, "tenantId", "idToken", "realTimeAuthLastAttempt", "realTimeAuthTimeout"
FROM public."Authorizations"
WHERE "realTimeAuthLastAttempt" IS NOT NULL OR "realTimeAuthTimeout" IS NOT NULL
ON CONFLICT (id) DO UPDATE SET
    "tenantId" = EXCLUDED."tenantId", "idToken" = EXCLUDED."idToken",
    "realTimeAuthLastAttempt" = EXCLUDED."realTimeAuthLastAttempt",
    "realTimeAuthTimeout" = EXCLUDED."realTimeAuthTimeout";
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM {archive}."20260112120000_Authorizations") THEN
        DROP TABLE {archive}."20260112120000_Authorizations";
    END IF;
END
$$;
ALTER TABLE public."Authorizations"
    DROP COLUMN "realTimeAuthLastAttempt",
    DROP COLUMN "realTimeAuthTimeout";
"""


def up(ctx: Any) -> None:
    ctx.script(UP)
    table = f'{ctx.archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    ctx.script(ctx.sql_file("alter-authorization-table-add-realtime-auth-fields.restore.sql"))
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))
    if archived:
        ctx.report(f"put back the real-time authorization fields of {archived} "
                   f"authorization(s) from {table}")


def down(ctx: Any) -> None:
    archive = ctx.ensure_archive()
    ctx.script(DOWN.replace("{archive}", archive))
    table = f'{archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    if archived:
        ctx.report(f"kept the real-time authorization fields of {archived} authorization(s) in "
                   f"{table} (an upgrade puts them back)")
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "ba86edb607231969e7c56359d6c749e3b65e0ff6197149cfce7348f3d86af65c",
)
