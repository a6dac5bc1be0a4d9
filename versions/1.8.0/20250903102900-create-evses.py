"""Create one Evses row per EVSE of a station, and link Transactions and ChargingNeeds to it.

Upstream inserts one Evse per VariableAttribute with invented eMI3 ids and explicit ids that
leave the sequence behind. Here (``sql/create-evses.up.sql``): exactly one row per distinct
(stationId, OCPP EVSE id) that VariableAttributes or Transactions use, ``evseTypeId`` = that
OCPP id, ``evseId`` NULL, ids from the sequence; ``Transactions.evseId`` and
``ChargingNeeds.evseId`` are set from the links schema-fix archived. The ids made are listed in
``citrine_archive."20250903102900_Evses"``.

The step changes no schema (dumps 11 and 12 are equal), so its ``down`` only drops that list
and keeps the rows and links (``sql/create-evses.down.sql``): a transaction made since may
point at one of them, an EVSE may have been given its eMI3 id; the next ``up`` reuses them.
The down works whichever way the 1.8.0 state was made (with no list after a snapshot install
or CitrineOS's own runner). schema-fix's down, which removes ``Evses`` from the schema, sets
every row aside first.
"""

from __future__ import annotations

from typing import Any

# The consolidated migration runs this file after its contract phase (it needs 1.8.0's Evses).
LATE_DATA_MOVES = ("create-evses.up.sql",)


def up(ctx: Any) -> None:
    ctx.run_sql_file("create-evses.up.sql")
    archive = ctx.archive
    made = ctx.execute(f'SELECT count(*) FROM {archive}."20250903102900_Evses"').scalar_one()
    ctx.report(f"created {made} Evses row(s), one per EVSE of a station (evseTypeId = the OCPP "
               "EVSE id, no invented evseId)")
    for table, label in (("Transactions", "transaction"), ("ChargingNeeds", "charging need")):
        source = f'{archive}."20250821103100_{table}"'
        if not ctx.exists(source):
            ctx.report(f"no archive {source}: no {label} got an EVSE link")
            continue
        linked, unlinked = ctx.execute(
            f"""SELECT count(*) FILTER (WHERE x."evseId" IS NOT NULL),
                       count(*) FILTER (WHERE x."evseId" IS NULL)
                FROM {source} AS a JOIN "{table}" AS x ON x.id = a.id"""
        ).one()
        if linked:
            ctx.report(f"linked {linked} {label}(s) to their new Evse")
        if unlinked:
            ctx.report(f"{unlinked} {label}(s) name an old EVSE but no station: evseId stays "
                       f"NULL, the link is kept in {source}")


def down(ctx: Any) -> None:
    rows = ctx.execute('SELECT count(*) FROM "Evses"').scalar_one()
    ctx.run_sql_file("create-evses.down.sql")
    if rows:
        ctx.report(f"kept the {rows} Evses row(s) and the links to them (the next up reuses "
                   "them)")


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "79aff20da8125efc26719196d2e9b9ee14ae572d98ab00f9f7d8855990a2a436",
)
