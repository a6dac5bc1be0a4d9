"""A real CitrineOS 1.7.x database at a scale factor, for the 1.7.x -> 1.8.0 upgrade benchmark.

The schema is what a 1.7.x install has (reference dump 05): our own steps ``20250430103000-initial``
.. ``20250618150000-update-authorizations-to-include-concurrenttransaction`` run one transaction
each, ``"SequelizeMeta"`` holds the five ``.ts`` names sequelize-cli recorded, and the default
tenant (id 1) is there with ``Tenants_id_seq`` NOT advanced past it, as upstream leaves it.

The data is made entirely by set-based SQL (``generate_series``; no row passes through Python).
At scale 1:

- 100 Locations (PostGIS points, SRID 4326; every 25th has none), 500 ChargingStations (every
  50th without a location), 2 Connectors each;
- the old Evses layout, which is global in 1.7.x (UNIQUE (id, "connectorId") and a unique
  index on id where "connectorId" IS NULL: stations share the rows, VariableAttributes and
  Transactions say which station): databaseId 1, 2, 3, 5, 6, 9 (gaps) for (OCPP EVSE id,
  connectorId) = (1, NULL), (1, 1), (1, 2), (2, NULL), (2, 1), (2, 2); a Component per Evses row
  plus three station-level ones; 27 VariableAttributes per station (24 on EVSEs, 3 without);
  every 7th station knows only EVSE 1 (so 1.8.0 has 929 Evses at scale 1);
- 200k Authorizations, each with its own IdToken and (except every 997th) its IdTokenInfo; every
  10th token is a group token (type Central) that other infos point to; some infos point to a
  group token that no Authorization owns; 4k orphan IdTokens (no Authorization), some of them
  group tokens, some with additional infos, some used only by transactions or local lists;
  10k AdditionalInfos linked through IdTokenAdditionalInfos (some shared by two tokens);
- 100k Transactions (stationId, evseDatabaseId; every 20th without an EVSE), 4 TransactionEvents
  each (400k, with evseId and, on Started/Ended, idTokenId), 10 MeterValues each (1M, linked to
  the transaction and an event, or to the StopTransaction); StartTransactions and
  StopTransactions with tokens for every 10th transaction; ChargingNeeds for every 100th (with
  its EVSE, plus two whose transaction is unknown); Reservations with an EVSE;
- 2k LocalListAuthorizations (copies of Authorizations' token and info, every 10th an orphan
  token without info), LocalListVersions for every 10th station and their link rows.

Every count is multiplied by ``scale`` (with small minimums, so 0.01 works). Explicit ids are
followed by advancing each sequence to max(id), except ``Tenants_id_seq`` (as upstream).

    .venv/bin/python -m bench.generate17 --scale 1 [--database-url URL] [--drop]

``build(url, scale)`` fills an existing empty database and returns the figures as a dict.
"""

from __future__ import annotations

import argparse
import math
import time
from typing import Any

import sqlalchemy as sa

from citrine_state import db, steps
from citrine_state.project import Project
from citrine_state.project import load as load_project

from .common import REPO, emit, new_database, server_url

# The steps a real 1.7.x database has applied (upstream's first five files).
STEPS_17 = (
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
)

# Tables whose row counts the benchmark reports (those present in 1.7.x).
MAIN_TABLES = (
    "Tenants", "Locations", "ChargingStations", "Connectors", "Evses", "Components", "Variables",
    "VariableAttributes", "IdTokens", "IdTokenInfos", "AdditionalInfos", "IdTokenAdditionalInfos",
    "Authorizations", "Transactions", "TransactionEvents", "MeterValues", "StartTransactions",
    "StopTransactions", "ChargingNeeds", "Reservations", "LocalListAuthorizations",
    "LocalListVersions", "LocalListVersionAuthorizations",
)

# Old Evses rows: databaseId (with gaps), OCPP EVSE id, connectorId.
OLD_EVSES = ((1, 1, None), (2, 1, 1), (3, 1, 2), (5, 2, None), (6, 2, 1), (9, 2, 2))


def counts_for(scale: float) -> dict[str, int]:
    """Row counts of the main generated populations at ``scale``."""
    if scale <= 0:
        raise ValueError("scale must be > 0")

    def n(base: int, minimum: int) -> int:
        return max(minimum, round(base * scale))

    stations = n(500, 2)
    authorizations = n(200_000, 40)
    return {
        "stations": stations,
        "locations": max(1, math.ceil(stations / 5)),
        "authorizations": authorizations,
        "orphan_tokens": max(8, authorizations // 50),
        "additional_infos": max(2, authorizations // 20),
        "transactions": n(100_000, 20),
        "local_list_authorizations": n(2_000, 10),
    }


def _steps_17(project: Project) -> list[steps.Step]:
    """The five 1.7.x steps, found without requiring every later step file to exist."""
    found: dict[str, steps.Step] = {}
    for version in project.versions:
        for name in version.steps:
            if name in STEPS_17:
                found[name] = steps.Step(name, version.name,
                                         steps.step_path(project, version, name))
    return [found[name] for name in STEPS_17]


def build_schema(conn: sa.Connection, project: Project) -> None:
    """Schema of a real 1.7.x database, its SequelizeMeta rows, upstream's Tenants sequence."""
    for step in _steps_17(project):
        with conn.begin():
            steps.run_step(conn, project, step, "up", say=lambda _: None)
    with conn.begin():
        conn.exec_driver_sql(
            'CREATE TABLE IF NOT EXISTS "SequelizeMeta" '
            '(name character varying(255) NOT NULL PRIMARY KEY)'
        )
        conn.execute(
            sa.text('INSERT INTO "SequelizeMeta" (name) VALUES (:n) ON CONFLICT DO NOTHING'),
            [{"n": f"{name}.ts"} for name in STEPS_17],
        )
        # Upstream inserts tenant 1 with an explicit id and never advances the sequence.
        conn.exec_driver_sql(
            """INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
               VALUES (1, 'Default Tenant', now(), now()) ON CONFLICT (id) DO NOTHING"""
        )
        conn.exec_driver_sql("""SELECT setval('"Tenants_id_seq"', 1, false)""")


def data_sql(c: dict[str, int]) -> list[tuple[str, str]]:
    """(label, statement) pairs that fill the 1.7.x tables; every number is an int from ``c``."""
    s, loc, a = c["stations"], c["locations"], c["authorizations"]
    o, ai, t, ll = (c["orphan_tokens"], c["additional_infos"], c["transactions"],
                    c["local_list_authorizations"])
    evse_values = ", ".join(
        f"({d}, {i}, {'NULL' if k is None else k})" for d, i, k in OLD_EVSES
    )
    # The token an event / start / stop of transaction i uses: an Authorization's token.
    def tx_token(i: str) -> str:
        return f"(({i})::bigint * 7919) % {a} + 1"

    # Stations: 'CS000001'...; k = station number.
    station = "'CS' || lpad(k::text, 6, '0')"
    t0 = "timestamptz '2025-01-01 00:00:00+00'"
    return [
        ("Locations", f"""
INSERT INTO "Locations" (id, name, address, city, "postalCode", state, country, coordinates,
                         "createdAt", "updatedAt", "tenantId")
SELECT k, 'Site ' || k, k || ' Main Street', 'City ' || (k % 37), lpad((k % 9999)::text, 4, '0'),
       'NH', 'NLD',
       CASE WHEN k % 25 = 0 THEN NULL
            ELSE ST_SetSRID(ST_MakePoint(4.0 + (k % 100) * 0.01, 52.0 + (k / 100) * 0.01), 4326)
       END,
       {t0} + k * interval '1 minute', {t0} + k * interval '2 minutes', 1
FROM generate_series(1, {loc}) AS k"""),
        ("ChargingStations", f"""
INSERT INTO "ChargingStations" (id, "isOnline", protocol, "chargePointVendor", "chargePointModel",
        "chargePointSerialNumber", "firmwareVersion", "locationId", "createdAt", "updatedAt",
        "tenantId")
SELECT {station}, k % 4 <> 0, CASE WHEN k % 5 = 0 THEN 'ocpp1.6' ELSE 'ocpp2.0.1' END,
       'Vendor' || (k % 7), 'Model-' || (k % 3), 'SN' || lpad(k::text, 10, '0'),
       '1.' || (k % 4) || '.0',
       CASE WHEN k % 50 = 0 THEN NULL ELSE ((k - 1) / 5) % {loc} + 1 END,
       {t0} + k * interval '1 minute', {t0} + k * interval '3 minutes', 1
FROM generate_series(1, {s}) AS k"""),
        ("Connectors", f"""
INSERT INTO "Connectors" (id, "stationId", "connectorId", status, "errorCode", "timestamp",
                          "createdAt", "updatedAt", "tenantId")
SELECT (k - 1) * 2 + n, {station}, n,
       (CASE WHEN (k + n) % 3 = 0 THEN 'Charging' ELSE 'Available' END)::"enum_Connectors_status",
       'NoError'::"enum_Connectors_errorCode", {t0}, {t0}, {t0}, 1
FROM generate_series(1, {s}) AS k, generate_series(1, 2) AS n"""),
        ("Evses", f"""
INSERT INTO "Evses" ("databaseId", id, "connectorId", "createdAt", "updatedAt", "tenantId")
SELECT d, i, cn, {t0}, {t0}, 1 FROM (VALUES {evse_values}) AS v(d, i, cn)"""),
        ("Components", f"""
INSERT INTO "Components" (id, name, instance, "evseDatabaseId", "createdAt", "updatedAt",
                          "tenantId")
SELECT row_number() OVER (ORDER BY d),
       CASE WHEN cn IS NULL THEN 'EVSE' ELSE 'Connector' END,
       'evse' || i || COALESCE('-connector' || cn, ''), d, {t0}, {t0}, 1
FROM (VALUES {evse_values}) AS v(d, i, cn)
UNION ALL
SELECT {len(OLD_EVSES)} + n, name, NULL, NULL, {t0}, {t0}, 1
FROM unnest(ARRAY['OCPPCommCtrlr', 'SecurityCtrlr', 'DeviceDataCtrlr']) WITH ORDINALITY
     AS x(name, n)"""),
        ("Variables", f"""
INSERT INTO "Variables" (id, name, instance, "createdAt", "updatedAt", "tenantId")
SELECT n, name, NULL, {t0}, {t0}, 1
FROM unnest(ARRAY['AvailabilityState', 'Power', 'SupplyPhases', 'HeartbeatInterval',
                  'SecurityProfile', 'ItemsPerMessage']) WITH ORDINALITY AS x(name, n)"""),
        # Per station: 4 attributes on each EVSE component (every 7th station: EVSE 1 only),
        # 3 on station-level components.
        ("VariableAttributes", f"""
INSERT INTO "VariableAttributes" (id, "stationId", type, "dataType", value, mutability,
        persistent, constant, "generatedAt", "variableId", "componentId", "evseDatabaseId",
        "createdAt", "updatedAt", "tenantId")
SELECT row_number() OVER (ORDER BY k, comp.id, va.var, va.typ), {station}, va.typ, va.dtype,
       CASE va.var WHEN 1 THEN 'Available' WHEN 2 THEN (11000 * (k % 3 + 1))::text
                   WHEN 3 THEN '3' WHEN 4 THEN '60' WHEN 5 THEN '1' ELSE '20' END,
       'ReadWrite', false, false, {t0} + k * interval '1 second', va.var, comp.id,
       comp."evseDatabaseId", {t0}, {t0}, 1
FROM generate_series(1, {s}) AS k
JOIN "Components" comp ON true
JOIN (VALUES (1, 'Actual', 'OptionList', true), (2, 'Actual', 'decimal', true),
             (2, 'MaxLimit', 'decimal', true), (3, 'Actual', 'integer', true),
             (4, 'Actual', 'integer', false), (5, 'Actual', 'integer', false),
             (6, 'Actual', 'integer', false)) AS va(var, typ, dtype, on_evse)
  ON va.on_evse = (comp."evseDatabaseId" IS NOT NULL)
 AND (va.on_evse OR va.var = comp.id - {len(OLD_EVSES)} + 3)
WHERE comp."evseDatabaseId" IS NULL OR k % 7 <> 0 OR comp."evseDatabaseId" IN (1, 2, 3)"""),
        # Tokens 1..a belong to Authorizations 1..a (every 10th is a group token); a+1..a+o are
        # orphans (every 4th of them a group token that no Authorization owns).
        ("IdTokens", f"""
INSERT INTO "IdTokens" (id, "idToken", type, "createdAt", "updatedAt", "tenantId")
SELECT i, 'RFID' || lpad(i::text, 10, '0'),
       CASE WHEN i % 1000 = 999 THEN NULL WHEN i % 10 = 0 THEN 'Central'
            WHEN i % 10 = 7 THEN 'eMAID' WHEN i % 10 = 8 THEN 'KeyCode'
            WHEN i % 10 = 9 THEN 'ISO15693' ELSE 'ISO14443' END,
       {t0} + i * interval '1 second', {t0} + i * interval '2 seconds', 1
FROM generate_series(1, {a}) AS i
UNION ALL
SELECT {a} + m, 'ORPH' || lpad(m::text, 10, '0'),
       CASE WHEN m % 4 = 1 THEN 'Central' ELSE 'ISO14443' END,
       {t0} + m * interval '1 second', {t0} + m * interval '1 second', 1
FROM generate_series(1, {o}) AS m"""),
        ("IdTokenInfos", f"""
INSERT INTO "IdTokenInfos" (id, status, "cacheExpiryDateTime", "chargingPriority", language1,
        "groupIdTokenId", language2, "personalMessage", "createdAt", "updatedAt", "tenantId")
SELECT i,
       CASE WHEN i % 1001 = 0 THEN NULL WHEN i % 20 = 16 THEN 'Blocked'
            WHEN i % 20 = 17 THEN 'Expired' WHEN i % 20 = 18 THEN 'Invalid'
            WHEN i % 20 = 19 THEN 'NoCredit' ELSE 'Accepted' END,
       CASE WHEN i % 3 = 0 THEN timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second'
       END,
       CASE WHEN i % 2 = 0 THEN i % 7 - 3 END,
       (ARRAY['en', 'de', 'fr', 'nl', NULL])[i % 5 + 1],
       CASE WHEN i % 10 <> 0 AND i % 8 = 1 THEN greatest(10, (i / 10) * 10)
            WHEN i % 10 <> 0 AND i % 8 = 3 THEN {a} + 1 + 4 * ((i / 8) % ({o} / 4))
       END,
       CASE WHEN i % 11 = 0 THEN 'es' END,
       CASE WHEN i % 13 = 0 THEN json_build_object('format', 'UTF8', 'language', 'en',
                                                   'content', 'Hello ' || i) END,
       {t0} + i * interval '1 second', {t0} + i * interval '2 seconds', 1
FROM generate_series(1, {a}) AS i
WHERE i % 997 <> 0"""),
        ("AdditionalInfos", f"""
INSERT INTO "AdditionalInfos" (id, "additionalIdToken", type, "createdAt", "updatedAt",
                               "tenantId")
SELECT j, 'ADD' || lpad(j::text, 8, '0'), (ARRAY['EMAID', 'ProviderX', NULL])[j % 3 + 1],
       {t0}, {t0}, 1
FROM generate_series(1, {ai}) AS j"""),
        # Token i (i % 20 = 5) has its own info; i % 40 = 5 also a shared one; every 10th orphan
        # token has one too.
        ("IdTokenAdditionalInfos", f"""
INSERT INTO "IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId", "createdAt", "updatedAt",
                                      "tenantId")
SELECT tok, info, {t0}, {t0}, 1 FROM (
  SELECT i AS tok, (i / 20) % {ai} + 1 AS info FROM generate_series(5, {a}, 20) AS i
  UNION ALL
  SELECT i, ((i / 40) * 7) % {ai} + 1 FROM generate_series(5, {a}, 40) AS i
  UNION ALL
  SELECT {a} + m, (m * 3) % {ai} + 1 FROM generate_series(1, {o}, 10) AS m
) x
ON CONFLICT DO NOTHING"""),
        ("Authorizations", f"""
INSERT INTO "Authorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
        "idTokenId", "idTokenInfoId", "createdAt", "updatedAt", "tenantId",
        "concurrentTransaction")
SELECT i,
       CASE WHEN i % 6 = 0 THEN ARRAY['Type2', 'CCS2']::varchar(255)[]
            WHEN i % 6 = 1 THEN ARRAY[]::varchar(255)[] END,
       CASE WHEN i % 9 = 0 THEN ARRAY['NL*XYZ']::varchar(255)[] END,
       i, CASE WHEN i % 997 <> 0 THEN i END,
       {t0} + i * interval '1 second', {t0} + i * interval '2 seconds', 1,
       CASE WHEN i % 50 = 0 THEN true WHEN i % 50 = 1 THEN NULL ELSE false END
FROM generate_series(1, {a}) AS i"""),
        # Transaction i at station k = (i - 1) % s + 1; every 20th without an EVSE.
        ("Transactions", f"""
INSERT INTO "Transactions" (id, "stationId", "evseDatabaseId", "transactionId", "isActive",
        "chargingState", "timeSpentCharging", "totalKwh", "stoppedReason", "remoteStartId",
        "totalCost", "createdAt", "updatedAt", "tenantId")
SELECT i, 'CS' || lpad(((i - 1) % {s} + 1)::text, 6, '0'),
       CASE WHEN i % 20 = 0 THEN NULL
            WHEN ((i - 1) % {s} + 1) % 7 = 0 THEN (ARRAY[1, 2, 3])[i % 3 + 1]
            ELSE (ARRAY[{", ".join(str(d) for d, _, _ in OLD_EVSES)}])[i % 6 + 1] END,
       'tx-' || i, i > {t} - greatest(1, {t} / 1000),
       CASE WHEN i > {t} - greatest(1, {t} / 1000) THEN 'Charging' ELSE 'Idle' END,
       600 + i % 7200, round((i % 1000) / 13.7, 3),
       CASE WHEN i % 3 = 0 THEN 'EVDisconnected' WHEN i % 3 = 1 THEN 'Local' END,
       CASE WHEN i % 4 = 0 THEN i END, round((i % 500) / 3.1, 2),
       {t0} + i * interval '5 minutes', {t0} + i * interval '5 minutes' + interval '1 hour', 1
FROM generate_series(1, {t}) AS i"""),
        ("TransactionEvents", f"""
INSERT INTO "TransactionEvents" (id, "stationId", "eventType", "timestamp", "triggerReason",
        "seqNo", offline, "numberOfPhasesUsed", "transactionInfo", "createdAt", "updatedAt",
        "transactionDatabaseId", "evseId", "idTokenId", "tenantId")
SELECT (tx.id - 1) * 4 + e + 1, tx."stationId",
       CASE e WHEN 0 THEN 'Started' WHEN 3 THEN CASE WHEN tx."isActive" THEN 'Updated'
                                                     ELSE 'Ended' END
              ELSE 'Updated' END,
       tx."createdAt" + e * interval '10 minutes',
       CASE e WHEN 0 THEN 'Authorized' WHEN 3 THEN 'StopAuthorized' ELSE 'MeterValuePeriodic' END,
       e, false, 3,
       json_build_object('transactionId', tx."transactionId", 'chargingState', 'Charging'),
       tx."createdAt" + e * interval '10 minutes', tx."createdAt" + e * interval '10 minutes',
       tx.id, tx."evseDatabaseId",
       CASE WHEN e IN (1, 2) THEN NULL
            WHEN e = 0 AND tx.id % 50 = 0 THEN {a} + 1 + tx.id % {o}
            ELSE {tx_token('tx.id')} END,
       1
FROM "Transactions" tx, generate_series(0, 3) AS e"""),
        ("StartTransactions", f"""
INSERT INTO "StartTransactions" (id, "stationId", "meterStart", "timestamp",
        "transactionDatabaseId", "createdAt", "updatedAt", "idTokenDatabaseId",
        "connectorDatabaseId", "tenantId")
SELECT i / 10, 'CS' || lpad(((i - 1) % {s} + 1)::text, 6, '0'), i % 10000,
       {t0} + i * interval '5 minutes', i, {t0} + i * interval '5 minutes',
       {t0} + i * interval '5 minutes',
       CASE WHEN i % 30 = 0 THEN {a} + 1 + (i / 30) % {o} ELSE {tx_token('i')} END,
       ((i - 1) % {s}) * 2 + 1, 1
FROM generate_series(10, {t}, 10) AS i"""),
        ("StopTransactions", f"""
INSERT INTO "StopTransactions" (id, "stationId", "transactionDatabaseId", "meterStop",
        "timestamp", reason, "createdAt", "updatedAt", "idTokenDatabaseId", "tenantId")
SELECT i / 10, 'CS' || lpad(((i - 1) % {s} + 1)::text, 6, '0'), i, i % 10000 + 5000,
       {t0} + i * interval '5 minutes' + interval '1 hour',
       CASE WHEN i % 20 = 0 THEN 'Remote' ELSE 'Local' END,
       {t0} + i * interval '5 minutes' + interval '1 hour',
       {t0} + i * interval '5 minutes' + interval '1 hour',
       CASE WHEN i % 40 = 0 THEN {a} + 1 + (i / 40 + 1) % {o}
            WHEN i % 70 = 0 THEN NULL ELSE {tx_token('i')} END,
       1
FROM generate_series(10, {t}, 10) AS i
WHERE i <= {t} - greatest(1, {t} / 1000)"""),
        # 10 per transaction: 3, 3, 3, 1 on its four events; the last one of a transaction
        # that has a StopTransaction hangs on that instead of an event.
        ("MeterValues", f"""
INSERT INTO "MeterValues" (id, "transactionEventId", "transactionDatabaseId",
        "stopTransactionDatabaseId", "sampledValue", "timestamp", "connectorId", "createdAt",
        "updatedAt", "tenantId")
SELECT (i - 1) * 10 + m + 1,
       CASE WHEN m = 9 AND st.id IS NOT NULL THEN NULL ELSE (i - 1) * 4 + m / 3 + 1 END,
       i, CASE WHEN m = 9 THEN st.id END,
       json_build_array(json_build_object(
           'value', round(((i % 1000) * 10 + m) / 7.0, 3),
           'measurand', 'Energy.Active.Import.Register',
           'unitOfMeasure', json_build_object('unit', 'kWh', 'multiplier', 0))),
       {t0} + i * interval '5 minutes' + m * interval '6 minutes',
       CASE WHEN ((i - 1) % {s} + 1) % 5 = 0 THEN 1 END,
       {t0} + i * interval '5 minutes' + m * interval '6 minutes',
       {t0} + i * interval '5 minutes' + m * interval '6 minutes', 1
FROM generate_series(1, {t}) AS i
CROSS JOIN generate_series(0, 9) AS m
LEFT JOIN "StopTransactions" st ON st."transactionDatabaseId" = i AND m = 9"""),
        # Every 100th transaction (1, 101, ...: they have an EVSE); two whose transaction is
        # unknown.
        ("ChargingNeeds", f"""
INSERT INTO "ChargingNeeds" (id, "acChargingParameters", "departureTime",
        "requestedEnergyTransfer", "maxScheduleTuples", "evseDatabaseId",
        "transactionDatabaseId", "createdAt", "updatedAt", "tenantId")
SELECT (tx.id - 1) / 100 + 1,
       jsonb_build_object('energyAmount', 20000, 'evMinCurrent', 6, 'evMaxCurrent', 32,
                          'evMaxVoltage', 400),
       tx."createdAt" + interval '8 hours', 'AC_three_phase', 12, tx."evseDatabaseId", tx.id,
       tx."createdAt", tx."createdAt", 1
FROM "Transactions" tx WHERE tx.id % 100 = 1
UNION ALL
SELECT ({t} + 99) / 100 + n, NULL, NULL, 'DC', NULL, (ARRAY[1, 5])[n], NULL, {t0}, {t0}, 1
FROM generate_series(1, 2) AS n"""),
        ("Reservations", f"""
INSERT INTO "Reservations" ("databaseId", id, "stationId", "expiryDateTime", "connectorType",
        "reserveStatus", "isActive", "idToken", "createdAt", "updatedAt", "evseId", "tenantId")
SELECT k, 1000 + k, {station}, {t0} + interval '1 day', 'cType2', 'Accepted', false,
       jsonb_build_object('idToken', 'RFID' || lpad(k::text, 10, '0'), 'type', 'ISO14443'),
       {t0}, {t0}, CASE WHEN k % 2 = 0 THEN 5 ELSE 1 END, 1
FROM generate_series(1, {s}, 10) AS k"""),
        ("LocalListAuthorizations", f"""
INSERT INTO "LocalListAuthorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
        "idTokenId", "idTokenInfoId", "authorizationId", "createdAt", "updatedAt", "tenantId")
SELECT j, au."allowedConnectorTypes", au."disallowedEvseIdPrefixes",
       CASE WHEN j % 10 = 0 THEN {a} + 1 + (j * 13) % {o} ELSE au."idTokenId" END,
       CASE WHEN j % 10 = 0 THEN NULL ELSE au."idTokenInfoId" END,
       CASE WHEN j % 10 = 0 THEN NULL ELSE au.id END, {t0}, {t0}, 1
FROM generate_series(1, {ll}) AS j
JOIN "Authorizations" au ON au.id = (j::bigint * 37) % {a} + 1"""),
        ("LocalListVersions", f"""
INSERT INTO "LocalListVersions" (id, "stationId", "versionNumber", "createdAt", "updatedAt",
                                 "tenantId")
SELECT (k - 1) / 10 + 1, {station}, 1 + k % 5, {t0}, {t0}, 1
FROM generate_series(1, {s}, 10) AS k"""),
        ("LocalListVersionAuthorizations", f"""
INSERT INTO "LocalListVersionAuthorizations" ("localListVersionId", "authorizationId",
                                              "createdAt", "updatedAt", "tenantId")
SELECT (j - 1) % (SELECT count(*) FROM "LocalListVersions") + 1, j, {t0}, {t0}, 1
FROM generate_series(1, {ll}) AS j"""),
    ]


# Every serial column of public except Tenants.id: move its sequence to max(column) when rows
# exist (the database is new, so this never moves one backwards).
ADVANCE_SEQUENCES = """
DO $$
DECLARE r record; top bigint;
BEGIN
  FOR r IN
    SELECT c.relname AS tbl, a.attname AS col,
           pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                                  a.attname) AS seq
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND c.relname <> 'Tenants'
      AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                                 a.attname) IS NOT NULL
  LOOP
    EXECUTE format('SELECT max(%I) FROM public.%I', r.col, r.tbl) INTO top;
    IF top IS NOT NULL THEN
      PERFORM setval(r.seq, top, true);
    END IF;
  END LOOP;
END $$
"""


def row_counts(conn: sa.Connection, tables: tuple[str, ...] = MAIN_TABLES) -> dict[str, int]:
    """Exact ``count(*)`` of each table that exists in public (missing ones are left out)."""
    present = set(conn.execute(sa.text(
        "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
    )).scalars())
    return {
        t: conn.execute(sa.text(f'SELECT count(*) FROM public."{t}"')).scalar_one()
        for t in tables if t in present
    }


def _run(conn: sa.Connection, sql: str) -> None:
    """One statement without parameters (the driver still reads ``%`` as a placeholder)."""
    conn.exec_driver_sql(sql.replace("%", "%%"))


def build(url: Any, scale: float = 1.0) -> dict[str, Any]:
    """Fill the empty database at ``url`` with a 1.7.x schema and data at ``scale``; returns
    ``{"scale", "generation_s", "schema_s", "data_s", "analyze_s", "per_table_s", "rows"}``."""
    project = load_project(REPO)
    counts = counts_for(scale)
    started = time.perf_counter()
    per_table: dict[str, float] = {}
    with db.connect(url) as conn:
        build_schema(conn, project)
        schema_s = time.perf_counter() - started
        with conn.begin():
            for label, sql in data_sql(counts):
                t = time.perf_counter()
                _run(conn, sql)
                per_table[label] = round(time.perf_counter() - t, 3)
            _run(conn, ADVANCE_SEQUENCES)
        data_s = time.perf_counter() - started - schema_s
        # A live database is vacuumed and analysed by autovacuum; do it now so the upgrade is
        # measured on the same footing.
        t = time.perf_counter()
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        auto.exec_driver_sql("VACUUM ANALYZE")
        analyze_s = time.perf_counter() - t
        generation_s = time.perf_counter() - started
        rows = row_counts(auto)
    return {
        "scale": scale,
        "generation_s": round(generation_s, 3),
        "schema_s": round(schema_s, 3),
        "data_s": round(data_s, 3),
        "vacuum_analyze_s": round(analyze_s, 3),
        "per_table_s": per_table,
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database-url", help="an existing EMPTY database to fill (default: a "
                        "new database on CITRINE_BENCH_SERVER_URL or the managed cluster)")
    parser.add_argument("--drop", action="store_true",
                        help="drop the new database afterwards (default: keep it)")
    args = parser.parse_args()
    if args.database_url:
        url: Any = db.parse_url(args.database_url)
        created = False
    else:
        url = new_database(server_url(), "bench_gen17")
        created = True
    try:
        figures = build(url, args.scale)
    except BaseException:
        if created:
            db.drop_database(url)
        raise
    if created and args.drop:
        db.drop_database(url)
    figures["database"] = None if (created and args.drop) else db.mask(url)
    emit("generate17", figures)


if __name__ == "__main__":
    main()
