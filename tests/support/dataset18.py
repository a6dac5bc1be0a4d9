"""Rows only CitrineOS 1.8.0 can hold, as an application running on 1.8.0 writes them.

``load_18(conn)`` inserts into a database whose schema is 1.8.0 (however it got there: its
snapshot, the consolidated migration, the steps, CitrineOS's own runner) and whose tenant 1
exists: a second tenant with its OCPI fields, the default tenant renamed, tenant partners, an
async job, stations, locations, EVSE types, EVSEs with their eMI3 ids, connectors, tariffs,
authorizations with their 1.8 columns (real-time auth, custom data, a partner), a local-list
authorization, a transaction with every 1.8 link, its events, a stop, meter values and a
charging need. Every 1.8-only column and table gets a value that no default gives; ids start
at 5000 (clear of ``dataset17``), and the sequences are advanced past them as the application
leaves them.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .dataset17 import advance_sequence

T = "2025-10-01 09:00:00+00"

ROWS = f"""
UPDATE "Tenants" SET name = 'Operator One', "partyId" = 'OP1', "countryCode" = 'NL',
    url = 'https://op1.example/ocpi', "serverProfileOCPI" = '{{"versions": ["2.2.1"]}}'
WHERE id = 1;
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt", "partyId", "countryCode", url,
    "serverProfileOCPI")
VALUES (5002, 'Second Tenant', '{T}', '{T}', 'TWO', 'DE', 'https://two.example/ocpi',
        '{{"credentials": {{"token": "t2"}}}}');
INSERT INTO "TenantPartners" (id, "partyId", "countryCode", "tenantId", "partnerProfileOCPI",
    "createdAt", "updatedAt")
VALUES (5001, 'PTA', 'FR', 1, '{{"roles": ["CPO"]}}', '{T}', '{T}'),
       (5002, 'PTB', 'BE', 5002, NULL, '{T}', '{T}');
INSERT INTO "AsyncJobStatuses" ("jobId", "jobName", "tenantPartnerId", "finishedAt",
    "stopScheduled", "isFailed", "paginationParams", "totalObjects", "createdAt", "updatedAt")
VALUES ('job-v18-1', 'FETCH_OCPI_TOKENS', 5002, '{T}', true, false,
        '{{"limit": 50, "offset": 100}}', 1234, '{T}', '{T}');
INSERT INTO "Locations" (id, name, coordinates, "createdAt", "updatedAt", "tenantId",
    "publishUpstream", "timeZone", "parkingType", facilities, "openingHours")
VALUES (5001, 'Depot', 'SRID=4326;POINT(4.9 52.37)', '{T}', '{T}', 5002, false,
        'Europe/Amsterdam', 'PARKING_LOT', '["WIFI"]', '{{"twentyfourseven": true}}');
INSERT INTO "ChargingStations" (id, "isOnline", protocol, "locationId", "createdAt",
    "updatedAt", "tenantId", coordinates, "floorLevel", "parkingRestrictions", capabilities)
VALUES ('v18-CS1', true, 'ocpp2.0.1', 5001, '{T}', '{T}', 5002,
        'SRID=4326;POINT(4.91 52.371)', '-1', '["EV_ONLY"]', '["RFID_READER"]'),
       ('v18-CS2', false, 'ocpp1.6', NULL, '{T}', '{T}', 1, NULL, NULL, NULL, NULL);
INSERT INTO "EvseTypes" ("databaseId", id, "connectorId", "tenantId", "createdAt",
    "updatedAt")
VALUES (5001, 1, NULL, 5002, '{T}', '{T}'), (5002, 1, 1, 5002, '{T}', '{T}');
INSERT INTO "Evses" (id, "createdAt", "updatedAt", "tenantId", "stationId", "evseTypeId",
    "evseId", "physicalReference", removed)
VALUES (5001, '{T}', '{T}', 5002, 'v18-CS1', 1, 'NL*OP1*E5001', 'left', false),
       (5002, '{T}', '{T}', 1, 'v18-CS2', 1, NULL, NULL, true);
INSERT INTO "Connectors" (id, "stationId", "connectorId", "createdAt", "updatedAt",
    "tenantId", "evseId", "evseTypeConnectorId", type, format, "powerType",
    "maximumAmperage", "maximumVoltage", "maximumPowerWatts", "termsAndConditionsUrl")
VALUES (5001, 'v18-CS1', 1, '{T}', '{T}', 5002, 5001, 1, 'IEC_62196_T2', 'SOCKET', 'AC_3_PHASE',
        32, 400, 22000, 'https://two.example/terms');
INSERT INTO "Tariffs" (id, "stationId", currency, "pricePerKwh", "createdAt", "updatedAt",
    "tenantId", "connectorId", "tariffAltText")
VALUES (5001, 'v18-CS1', 'EUR', 0.39, '{T}', '{T}', 5002, 5001, '39 ct/kWh');
INSERT INTO "Authorizations" (id, "createdAt", "updatedAt", "tenantId",
    "concurrentTransaction", "realTimeAuth", "realTimeAuthUrl", "idToken", "idTokenType",
    "additionalInfo", status, "cacheExpiryDateTime", "chargingPriority", language1, language2,
    "personalMessage", "customData", "groupAuthorizationId", "tenantPartnerId")
VALUES (5001, '{T}', '{T}', 5002, true, 'Allowed', 'https://two.example/auth', 'V18-GROUP',
        'Central', NULL, 'Accepted', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
       (5002, '{T}', '{T}', 5002, NULL, 'AllowedOffline', NULL, 'V18-TOKEN', 'ISO14443',
        '[{{"additionalIdToken": "V18-ADD", "type": "x"}}]', 'Blocked',
        '2026-01-01 00:00:00+00', 3, 'nl', 'en', '{{"content": "Hoi"}}',
        '{{"vendorId": "acme", "note": "1.8 only"}}', 5001, 5002);
INSERT INTO "LocalListAuthorizations" (id, "authorizationId", "createdAt", "updatedAt",
    "tenantId", "groupAuthorizationId", "idToken", "idTokenType", status, language1,
    "customData")
VALUES (5001, 5002, '{T}', '{T}', 5002, 5001, 'V18-TOKEN', 'ISO14443', 'Blocked', 'nl',
        '{{"list": true}}');
INSERT INTO "Transactions" (id, "stationId", "transactionId", "isActive", "createdAt",
    "updatedAt", "tenantId", "locationId", "evseId", "connectorId", "authorizationId",
    "tariffId", "startTime", "endTime", "customData")
VALUES (5001, 'v18-CS1', 'v18-tx-1', false, '{T}', '{T}', 5002, 5001, 5001, 5001, 5002, 5001,
        '{T}', '2025-10-01 10:00:00+00', '{{"session": "s1"}}');
INSERT INTO "TransactionEvents" (id, "stationId", "eventType", "timestamp", "triggerReason",
    "seqNo", "createdAt", "updatedAt", "transactionDatabaseId", "evseId", "tenantId",
    "idTokenValue", "idTokenType")
VALUES (5001, 'v18-CS1', 'Started', '{T}', 'Authorized', 0, '{T}', '{T}', 5001, 5002, 5002,
        'V18-TOKEN', 'ISO14443');
INSERT INTO "StopTransactions" (id, "stationId", "transactionDatabaseId", "meterStop",
    "timestamp", reason, "createdAt", "updatedAt", "tenantId", "idTokenValue", "idTokenType")
VALUES (5001, 'v18-CS1', 5001, 9000, '{T}', 'Local', '{T}', '{T}', 5002, 'V18-TOKEN',
        'ISO14443');
INSERT INTO "MeterValues" (id, "transactionDatabaseId", "sampledValue", "timestamp",
    "createdAt", "updatedAt", "tenantId", "customData", "tariffId", "transactionId")
VALUES (5001, 5001, '[{{"value": 1.5}}]', '{T}', '{T}', '{T}', 5002, '{{"phase": "L1"}}', 5001,
        'v18-tx-1');
INSERT INTO "ChargingNeeds" (id, "requestedEnergyTransfer", "evseId", "transactionDatabaseId",
    "createdAt", "updatedAt", "tenantId")
VALUES (5001, 'AC_three_phase', 5001, 5001, '{T}', '{T}', 5002);
"""

SEQUENCED = ("Tenants", "TenantPartners", "Locations", "Evses", "Connectors", "Tariffs",
             "Authorizations", "LocalListAuthorizations", "Transactions", "TransactionEvents",
             "StopTransactions", "MeterValues", "ChargingNeeds")


def load_18(conn: Connection) -> None:
    """Insert the 1.8-only rows (the caller commits)."""
    from citrine_state.db import run_script

    run_script(conn, ROWS)
    for table in SEQUENCED:
        advance_sequence(conn, table)
    advance_sequence(conn, "EvseTypes", "databaseId")


def second_tenant_rows(conn: Connection) -> dict[str, int]:
    """How many rows of each public table belong to the second tenant (5002)."""
    tables = conn.execute(sa.text(
        "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
        " AND a.attname = 'tenantId' AND NOT a.attisdropped ORDER BY 1")).scalars().all()
    return {t: int(conn.execute(sa.text(
        f'SELECT count(*) FROM public."{t}" WHERE "tenantId" = 5002')).scalar_one())
        for t in tables}
