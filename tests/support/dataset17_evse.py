"""The EVSE side of a CitrineOS 1.7.x data set: every EVSE/transaction case of MIGRATIONS.md.

``load_evses(conn)`` inserts into a real 1.7.x schema (reference dump 05, tenant 1 present) the
way the application would have: explicit ids, sequences advanced past them afterwards (never
moved backwards). The same rows also load into the schemas of steps 06..10, whose EVSE tables are
unchanged; the token side (IdTokens, Authorizations, token links of TransactionEvents and
StopTransactions) belongs to ``dataset17.load_tokens`` (stations ``tok-``, transactions >= 1000),
so every token reference here is NULL.

Cases (see the constants below for the ids the tests rely on):
- stations ``evse-cs-1`` .. ``evse-cs-4``; Locations with PostGIS points in SRID 4326 and 3857
  and one without coordinates;
- old Evses with gaps in ``databaseId`` (1, 2, 5, 9, 12, 14) where ``(id 1, connectorId NULL)``
  and ``(id 1, connectorId 1)`` are the same EVSE 1, and its sequence above max(databaseId), as
  after deleted rows;
- several VariableAttributes per EVSE, station-level ones (no EVSE), Components with an EVSE;
- Transactions with an EVSE, without one, and with an EVSE but no station;
- ChargingNeeds whose transaction is known, one whose transaction is not (EVSE known, station
  not), and one without an EVSE;
- Reservations and TransactionEvents with ``evseId``, MeterValues, Start/StopTransactions,
  Connectors and Tariffs.
"""

from __future__ import annotations

from typing import Any

STATIONS = ("evse-cs-1", "evse-cs-2", "evse-cs-3", "evse-cs-4")

# Old Evses rows: databaseId -> (OCPP EVSE id, connectorId).
OLD_EVSES: dict[int, tuple[int, int | None]] = {
    1: (1, None),
    2: (1, 1),
    5: (2, None),
    9: (2, 1),
    12: (3, None),
    14: (4, None),
}
# The Evses sequence stands above max(databaseId), as after deleted rows.
EVSES_SEQUENCE_AT = 20

# (stationId, OCPP EVSE id) pairs that VariableAttributes or Transactions use: exactly the new
# Evses rows of 1.8.0.
EXPECTED_STATION_EVSES = {
    ("evse-cs-1", 1),
    ("evse-cs-1", 2),
    ("evse-cs-2", 1),
    ("evse-cs-2", 2),
    ("evse-cs-3", 3),
}
# Transaction id -> the (stationId, OCPP EVSE id) its new evseId must name (None: no Evse).
EXPECTED_TRANSACTION_EVSE: dict[int, tuple[str, int] | None] = {
    1: ("evse-cs-1", 1),
    2: ("evse-cs-3", 3),
    3: None,
    4: None,
    7: ("evse-cs-2", 2),
    8: None,  # EVSE known (databaseId 1), station not: the link stays in the archive only
}
# ChargingNeeds id -> expected (stationId, OCPP EVSE id) of its new evseId (None: NULL).
EXPECTED_CHARGING_NEEDS_EVSE: dict[int, tuple[str, int] | None] = {
    1: ("evse-cs-1", 1),
    2: None,  # EVSE known (databaseId 12), transaction unknown: no station, link archived
    3: None,
    4: ("evse-cs-2", 2),
}

_T0 = "2025-03-01 10:00:00+00"
_T1 = "2025-03-02 11:30:00+00"

_ROWS = f"""
INSERT INTO "Locations" (id, name, address, city, "postalCode", state, country, coordinates,
                         "createdAt", "updatedAt", "tenantId") VALUES
 (1, 'EVSE Depot North', 'Hafenstr. 1', 'Berlin', '10115', 'BE', 'DEU',
  ST_SetSRID(ST_MakePoint(13.404954, 52.520008), 4326), '{_T0}', '{_T0}', 1),
 (2, 'EVSE Depot South', '1 Main St', 'Austin', '73301', 'TX', 'USA',
  ST_SetSRID(ST_MakePoint(-10880352.2, 3537238.5), 3857), '{_T0}', '{_T1}', 1),
 (3, 'EVSE Depot Nowhere', NULL, NULL, NULL, NULL, NULL, NULL, '{_T0}', '{_T0}', 1);

INSERT INTO "ChargingStations" (id, "isOnline", protocol, "chargePointVendor", "chargePointModel",
                                "firmwareVersion", "locationId", "createdAt", "updatedAt",
                                "tenantId") VALUES
 ('evse-cs-1', true, 'ocpp2.0.1', 'VendorA', 'ModelX', '1.2.3', 1, '{_T0}', '{_T0}', 1),
 ('evse-cs-2', false, 'ocpp2.0.1', 'VendorB', 'ModelY', '2.0', 2, '{_T0}', '{_T1}', 1),
 ('evse-cs-3', true, 'ocpp1.6', 'VendorA', 'ModelZ', NULL, NULL, '{_T0}', '{_T0}', 1),
 ('evse-cs-4', NULL, NULL, NULL, NULL, NULL, 3, '{_T0}', '{_T0}', 1);

INSERT INTO "Evses" ("databaseId", id, "connectorId", "createdAt", "updatedAt", "tenantId") VALUES
 (1, 1, NULL, '{_T0}', '{_T0}', 1),
 (2, 1, 1, '{_T0}', '{_T1}', 1),
 (5, 2, NULL, '{_T0}', '{_T0}', 1),
 (9, 2, 1, '{_T1}', '{_T1}', 1),
 (12, 3, NULL, '{_T1}', '{_T1}', 1),
 (14, 4, NULL, '{_T1}', '{_T1}', 1);

INSERT INTO "Variables" (id, name, instance, "createdAt", "updatedAt", "tenantId") VALUES
 (1, 'Power', NULL, '{_T0}', '{_T0}', 1),
 (2, 'AvailabilityState', NULL, '{_T0}', '{_T0}', 1),
 (3, 'SupplyPhases', NULL, '{_T0}', '{_T0}', 1);

INSERT INTO "Components" (id, name, instance, "evseDatabaseId", "createdAt", "updatedAt",
                          "tenantId") VALUES
 (1, 'EVSE', 'evse-1', 1, '{_T0}', '{_T0}', 1),
 (2, 'Connector', 'evse-1-1', 2, '{_T0}', '{_T0}', 1),
 (3, 'EVSE', 'evse-2', 5, '{_T0}', '{_T0}', 1),
 (4, 'Connector', 'evse-2-1', 9, '{_T0}', '{_T0}', 1),
 (5, 'ChargingStation', NULL, NULL, '{_T0}', '{_T0}', 1);

INSERT INTO "VariableAttributes" (id, "stationId", type, "dataType", value, mutability,
                                  persistent, constant, "generatedAt", "variableId",
                                  "componentId", "evseDatabaseId", "createdAt", "updatedAt",
                                  "tenantId") VALUES
 (1, 'evse-cs-1', 'Actual', 'decimal', '22000', 'ReadOnly', false, false, '{_T0}', 1, 1, 1,
  '{_T0}', '{_T0}', 1),
 (2, 'evse-cs-1', 'Actual', 'OptionList', 'Available', 'ReadOnly', false, false, '{_T0}', 2, 1,
  1, '{_T0}', '{_T0}', 1),
 (3, 'evse-cs-1', 'MaxSet', 'decimal', '32000', 'ReadWrite', true, false, '{_T0}', 1, 1, 1,
  '{_T0}', '{_T1}', 1),
 (4, 'evse-cs-1', 'Actual', 'OptionList', 'Occupied', 'ReadOnly', false, false, '{_T1}', 2, 2,
  2, '{_T1}', '{_T1}', 1),
 (5, 'evse-cs-1', 'Actual', 'decimal', '11000', 'ReadOnly', false, false, '{_T1}', 1, 3, 5,
  '{_T1}', '{_T1}', 1),
 (7, 'evse-cs-2', 'Actual', 'decimal', '7400', 'ReadOnly', false, false, '{_T1}', 1, 1, 1,
  '{_T1}', '{_T1}', 1),
 (8, 'evse-cs-2', 'Actual', 'OptionList', 'Faulted', 'ReadOnly', false, false, '{_T1}', 2, 4, 9,
  '{_T1}', '{_T1}', 1),
 (11, 'evse-cs-3', 'Actual', 'integer', '3', 'ReadOnly', false, true, NULL, 3, 5, NULL,
  '{_T1}', '{_T1}', 1),
 (12, 'evse-cs-4', 'Actual', 'integer', '1', 'ReadOnly', false, true, NULL, 3, 5, NULL,
  '{_T1}', '{_T1}', 1);

INSERT INTO "Transactions" (id, "stationId", "evseDatabaseId", "transactionId", "isActive",
                            "chargingState", "timeSpentCharging", "totalKwh", "stoppedReason",
                            "remoteStartId", "totalCost", "createdAt", "updatedAt",
                            "tenantId") VALUES
 (1, 'evse-cs-1', 2, 'evse-tx-1', false, 'Idle', 3600, 12.5, 'Local', NULL, 4.75, '{_T0}',
  '{_T1}', 1),
 (2, 'evse-cs-3', 12, 'evse-tx-2', true, 'Charging', 60, 0.4, NULL, 17, NULL, '{_T1}',
  '{_T1}', 1),
 (3, 'evse-cs-2', NULL, 'evse-tx-3', false, NULL, NULL, NULL, 'EVDisconnected', NULL, NULL,
  '{_T0}', '{_T0}', 1),
 (4, 'evse-cs-4', NULL, 'evse-tx-4', true, 'EVConnected', 0, 0, NULL, NULL, NULL, '{_T1}',
  '{_T1}', 1),
 (7, 'evse-cs-2', 5, 'evse-tx-7', false, 'Idle', 7200, 30.25, 'Remote', 3, 9.99, '{_T0}',
  '{_T1}', 1),
 (8, NULL, 1, 'evse-tx-8', false, NULL, NULL, 1.5, NULL, NULL, NULL, '{_T0}', '{_T0}', 1);

INSERT INTO "ChargingNeeds" (id, "acChargingParameters", "dcChargingParameters",
                             "departureTime", "requestedEnergyTransfer", "maxScheduleTuples",
                             "evseDatabaseId", "transactionDatabaseId", "createdAt",
                             "updatedAt", "tenantId") VALUES
 (1, '{{"energyAmount": 20000, "evMinCurrent": 6, "evMaxCurrent": 32, "evMaxVoltage": 400}}',
  NULL, '{_T1}', 'AC_three_phase', 12, 2, 1, '{_T0}', '{_T0}', 1),
 (2, NULL, '{{"evMaxCurrent": 125, "evMaxVoltage": 800}}', NULL, 'DC', NULL, 12, NULL, '{_T1}',
  '{_T1}', 1),
 (3, NULL, NULL, NULL, 'AC_single_phase', 3, NULL, 3, '{_T0}', '{_T0}', 1),
 (4, '{{"energyAmount": 5000}}', NULL, NULL, 'AC_single_phase', NULL, 9, 7, '{_T0}', '{_T0}',
  1);

INSERT INTO "Reservations" ("databaseId", id, "stationId", "expiryDateTime", "connectorType",
                            "reserveStatus", "isActive", "terminatedByTransaction", "idToken",
                            "groupIdToken", "createdAt", "updatedAt", "evseId",
                            "tenantId") VALUES
 (1, 501, 'evse-cs-1', '{_T1}', 'cType2', 'Accepted', true, NULL,
  '{{"idToken": "RES-1", "type": "ISO14443"}}', NULL, '{_T0}', '{_T0}', 1, 1),
 (2, 502, 'evse-cs-2', '{_T1}', NULL, 'Occupied', false, 'evse-tx-7',
  '{{"idToken": "RES-2", "type": "Central"}}', '{{"idToken": "GRP", "type": "Central"}}',
  '{_T0}', '{_T1}', 12, 1),
 (3, 503, 'evse-cs-3', NULL, NULL, NULL, false, NULL, NULL, NULL, '{_T1}', '{_T1}', NULL, 1);

INSERT INTO "TransactionEvents" (id, "stationId", "eventType", "timestamp", "triggerReason",
                                 "seqNo", offline, "numberOfPhasesUsed", "cableMaxCurrent",
                                 "reservationId", "transactionInfo", "createdAt", "updatedAt",
                                 "transactionDatabaseId", "evseId", "idTokenId",
                                 "tenantId") VALUES
 (1, 'evse-cs-1', 'Started', '{_T0}', 'Authorized', 0, false, 3, 32, 501,
  '{{"transactionId": "evse-tx-1", "chargingState": "Charging"}}', '{_T0}', '{_T0}', 1, 2, NULL,
  1),
 (2, 'evse-cs-1', 'Ended', '{_T1}', 'StopAuthorized', 1, false, 3, 32, NULL,
  '{{"transactionId": "evse-tx-1", "stoppedReason": "Local"}}', '{_T1}', '{_T1}', 1, 2, NULL, 1),
 (3, 'evse-cs-3', 'Started', '{_T1}', 'CablePluggedIn', 0, true, 1, 16.5, NULL,
  '{{"transactionId": "evse-tx-2"}}', '{_T1}', '{_T1}', 2, 12, NULL, 1),
 (4, 'evse-cs-2', 'Updated', '{_T1}', 'MeterValuePeriodic', 4, false, NULL, NULL, NULL,
  '{{"transactionId": "evse-tx-7"}}', '{_T1}', '{_T1}', 7, NULL, NULL, 1),
 (6, 'evse-cs-2', 'Started', '{_T0}', 'RemoteStart', 0, false, 1, NULL, NULL,
  '{{"transactionId": "evse-tx-7"}}', '{_T0}', '{_T0}', 7, 9, NULL, 1);

INSERT INTO "Connectors" (id, "stationId", "connectorId", status, "errorCode", "timestamp",
                          info, "vendorId", "vendorErrorCode", "createdAt", "updatedAt",
                          "tenantId") VALUES
 (1, 'evse-cs-1', 1, 'Available', 'NoError', '{_T0}', NULL, NULL, NULL, '{_T0}', '{_T0}', 1),
 (2, 'evse-cs-1', 2, 'Charging', 'NoError', '{_T1}', 'busy', NULL, NULL, '{_T0}', '{_T1}', 1),
 (3, 'evse-cs-3', 1, 'Faulted', 'GroundFailure', '{_T1}', NULL, 'VendorA', 'E42', '{_T1}',
  '{_T1}', 1);

INSERT INTO "StartTransactions" (id, "stationId", "meterStart", "timestamp", "reservationId",
                                 "transactionDatabaseId", "createdAt", "updatedAt",
                                 "idTokenDatabaseId", "connectorDatabaseId", "tenantId") VALUES
 (1, 'evse-cs-3', 1200, '{_T1}', NULL, 2, '{_T1}', '{_T1}', NULL, 3, 1);

INSERT INTO "StopTransactions" (id, "stationId", "transactionDatabaseId", "meterStop",
                                "timestamp", reason, "createdAt", "updatedAt",
                                "idTokenDatabaseId", "tenantId") VALUES
 (1, 'evse-cs-1', 1, 13700, '{_T1}', 'Local', '{_T1}', '{_T1}', NULL, 1),
 (2, 'evse-cs-2', 7, 30250, '{_T1}', 'Remote', '{_T1}', '{_T1}', NULL, 1);

INSERT INTO "MeterValues" (id, "transactionEventId", "transactionDatabaseId",
                           "stopTransactionDatabaseId", "sampledValue", "timestamp",
                           "connectorId", "createdAt", "updatedAt", "tenantId") VALUES
 (1, 1, 1, NULL, '[{{"value": 0, "measurand": "Energy.Active.Import.Register"}}]', '{_T0}',
  NULL, '{_T0}', '{_T0}', 1),
 (2, 2, 1, NULL, '[{{"value": 12500, "measurand": "Energy.Active.Import.Register"}}]', '{_T1}',
  NULL, '{_T1}', '{_T1}', 1),
 (3, 3, 2, NULL, '[{{"value": 400}}]', '{_T1}', 1, '{_T1}', '{_T1}', 1),
 (4, NULL, 7, 2, '[{{"value": 30250, "unitOfMeasure": {{"unit": "Wh"}}}}]', '{_T1}', 1,
  '{_T1}', '{_T1}', 1);

INSERT INTO "Tariffs" (id, "stationId", currency, "pricePerKwh", "pricePerMin",
                       "pricePerSession", "authorizationAmount", "paymentFee", "taxRate",
                       "createdAt", "updatedAt", "tenantId") VALUES
 (1, 'evse-cs-1', 'EUR', 0.35, 0.01, 1.00, 50, 0.5, 0.19, '{_T0}', '{_T0}', 1),
 (2, 'evse-cs-2', 'USD', 0.42, NULL, NULL, NULL, NULL, NULL, '{_T0}', '{_T1}', 1);
"""

# (table, serial column) of every table above whose sequence the application would have moved.
_SERIALS = (
    ("Locations", "id"),
    ("Evses", "databaseId"),
    ("Variables", "id"),
    ("Components", "id"),
    ("VariableAttributes", "id"),
    ("Transactions", "id"),
    ("ChargingNeeds", "id"),
    ("Reservations", "databaseId"),
    ("TransactionEvents", "id"),
    ("StartTransactions", "id"),
    ("StopTransactions", "id"),
    ("MeterValues", "id"),
    ("Connectors", "id"),
    ("Tariffs", "id"),
)


def advance_sequence(conn: Any, table: str, column: str, at_least: int = 0) -> None:
    """Move the column's sequence past max(column) and ``at_least``, never backwards
    (``conn`` is a SQLAlchemy Connection)."""
    seq = conn.exec_driver_sql(
        f"SELECT pg_get_serial_sequence('\"{table}\"', '{column}')"
    ).scalar_one()
    last_value, is_called = conn.exec_driver_sql(
        f"SELECT last_value, is_called FROM {seq}"
    ).one()
    highest = conn.exec_driver_sql(f'SELECT max("{column}") FROM "{table}"').scalar() or 0
    target = max(highest, last_value if is_called else last_value - 1, at_least)
    if target >= 1:
        conn.exec_driver_sql(f"SELECT setval('{seq}', {int(target)}, true)")


def load_evses(conn: Any) -> None:
    """Insert the EVSE side of the 1.7.x data set (see the module docstring) into a SQLAlchemy
    Connection and advance the sequences of the tables it wrote to. The caller commits."""
    conn.exec_driver_sql(_ROWS)
    for table, column in _SERIALS:
        at_least = EVSES_SEQUENCE_AT if table == "Evses" else 0
        advance_sequence(conn, table, column, at_least)
