"""Add ChargingStations.use16StatusNotification0 (boolean NOT NULL DEFAULT true).

Upstream's ``20260202120000-add-use16-status-notification-0-to-charging-stations`` (dump 18):
the column at the end of ChargingStations, true for every existing station (a constant default:
no table rewrite). The up adds it only when missing, so it also runs on its own result.

Upstream's down drops it with its values. This down first keeps the stations where it is false
(true is what the up gives every station) in
``citrine_archive."20260202120000_ChargingStations"``; the next up puts them back on the stations
that still exist and drops that archive table
(``sql/add-use16-status-notification-0-to-charging-stations.restore.sql``).
"""

from __future__ import annotations

from typing import Any

ARCHIVE_TABLE = "20260202120000_ChargingStations"

# A column with a constant default: a catalog change (no rewrite), beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."ChargingStations"
    ADD COLUMN IF NOT EXISTS "use16StatusNotification0" boolean DEFAULT true NOT NULL;
"""

# What the consolidated migration runs after its contract phase: the values an earlier down
# archived go back.
LATE_DATA_MOVES = (
    "add-use16-status-notification-0-to-charging-stations.restore.sql",
    "drop-empty-archive.sql",
)

DOWN = """
CREATE TABLE IF NOT EXISTS {archive}."20260202120000_ChargingStations" (
    id character varying(36) PRIMARY KEY,
    "use16StatusNotification0" boolean NOT NULL
);
INSERT INTO {archive}."20260202120000_ChargingStations" AS a (id, "use16StatusNotification0")
SELECT id, "use16StatusNotification0" FROM public."ChargingStations"
WHERE NOT "use16StatusNotification0"
ON CONFLICT (id) DO UPDATE SET "use16StatusNotification0" = EXCLUDED."use16StatusNotification0";
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM {archive}."20260202120000_ChargingStations") THEN
        DROP TABLE {archive}."20260202120000_ChargingStations";
    END IF;
END
$$;
ALTER TABLE public."ChargingStations" DROP COLUMN "use16StatusNotification0";
"""


def up(ctx: Any) -> None:
    ctx.script(UP)
    table = f'{ctx.archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    ctx.script(ctx.sql_file("add-use16-status-notification-0-to-charging-stations.restore.sql"))
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))
    if archived:
        ctx.report(f"put back use16StatusNotification0 = false on the stations of {table} "
                   f"({archived})")


def down(ctx: Any) -> None:
    archive = ctx.ensure_archive()
    ctx.script(DOWN.replace("{archive}", archive))
    table = f'{archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    if archived:
        ctx.report(f"kept the {archived} station(s) with use16StatusNotification0 = false in "
                   f"{table} (an upgrade puts the value back)")
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "fa9644b00a4802e0ae90bd72086f81dce232f57c816d0ea78b00a3e2e213db2c",
)
