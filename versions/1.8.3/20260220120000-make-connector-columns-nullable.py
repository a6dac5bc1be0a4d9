"""Make Connectors.connectorId nullable.

Upstream's ``20260220120000-make-connector-columns-nullable`` (dump 27): ``Connectors.
"connectorId"`` drops NOT NULL (``evseId`` and ``evseTypeConnectorId``, which upstream's up also
names, are nullable already). The unique key (stationId, connectorId) stays: several connectors of
a station may then have no connectorId.

Upstream's down sets all three columns NOT NULL: two of them stricter than they ever were, and
it fails on any connector without an ``evseId``, which 1.8.0 allows. This down gives back exactly
dump 26 (only ``connectorId`` NOT NULL again). A connector without a ``connectorId`` has no place
in 1.8.2, and there is no value to invent for it: the down then refuses before changing
anything, naming those connectors, for the operator to give them a connectorId or delete them.
"""


# DROP NOT NULL: a catalog change, beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."Connectors" ALTER COLUMN "connectorId" DROP NOT NULL;
"""

DOWN = """
ALTER TABLE public."Connectors" ALTER COLUMN "connectorId" SET NOT NULL;
"""

# The connectors 1.8.2 cannot hold, the first few by id, and how many there are.
WITHOUT_CONNECTOR_ID = """
SELECT id, "stationId", count(*) OVER () AS total
FROM public."Connectors" WHERE "connectorId" IS NULL
ORDER BY id LIMIT :shown
"""
SHOWN = 10


def down(ctx):
    rows = ctx.execute(WITHOUT_CONNECTOR_ID, {"shown": SHOWN}).all()
    if rows:
        total = rows[0].total
        named = ", ".join(f"id {r.id} (station {r.stationId})" for r in rows)
        more = f" and {total - len(rows)} more" if total > len(rows) else ""
        ctx.refuse(
            f"{ctx.step.name}: cannot make Connectors.connectorId NOT NULL again: {total} "
            f"connector(s) have none: {named}{more}; give them a connectorId or delete them, "
            "then roll back again"
        )
    ctx.script(DOWN)


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = (
    "1aa765c79142636f2d56815ed67ad5e0cfd2fb03845a4ba0e5a2a45f29d2b81f",
)
