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


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("0a048bce8b2804b475f2db231d1361d8738e8248d54bcbe0f1ef90adc13c2241",)
