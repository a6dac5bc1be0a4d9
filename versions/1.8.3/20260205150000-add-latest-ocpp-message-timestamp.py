"""Add ChargingStations.latestOcppMessageTimestamp and its index.

Upstream's ``20260205150000-add-latest-ocpp-message-timestamp``: ``ChargingStations.
"latestOcppMessageTimestamp" timestamp with time zone`` (nullable), when the station last sent an
OCPP message, and the btree index ``idx_charging_stations_latest_ocpp_message_timestamp`` on it
(dump 20).

The index is built after the archived values are back (``ONLINE``): by ``migrate``
CONCURRENTLY after the step's transaction (which holds ChargingStations only for the catalog
change), in one transaction with the rest where steps share one (custom batches).

Unlike upstream's, the ``down`` loses nothing: the timestamps go to
``citrine_archive."20260205150000_ChargingStations"`` (id, latestOcppMessageTimestamp) before the
column is dropped, and ``up``, finding that table, puts them back on the stations that still
exist and drops it.
"""

from citrine_state.online import Index

DATA_MOVES = ("add-latest-ocpp-message-timestamp.restore.sql",)

UP = """
ALTER TABLE public."ChargingStations" ADD COLUMN "latestOcppMessageTimestamp"
    timestamp with time zone;
"""

# The index, built beside traffic (see citrine_state.online).
ONLINE = (
    Index("idx_charging_stations_latest_ocpp_message_timestamp", 'public."ChargingStations"',
          'USING btree ("latestOcppMessageTimestamp")'),
)

DOWN_FILE = "add-latest-ocpp-message-timestamp.down.sql"


def up(ctx):
    ctx.script(UP)
    for name in DATA_MOVES:
        ctx.script(ctx.sql_file(name))


def down(ctx):
    ctx.run_sql_file(DOWN_FILE)
