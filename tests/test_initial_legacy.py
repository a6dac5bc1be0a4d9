"""`initial` on a database that CitrineOS 1.6.3's sync() made: it brings it to the 1.7.0
baseline by creating only what is missing, and touches no existing row.

The legacy database is the real dump `schemas/legacy-1.6.3-sync.sql` (45 tables, no
SequelizeMeta), loaded with psql, with rows inserted into its tables before the step runs.
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, steps

from .support.reference import (
    assert_same_schema,
    dump_for_step,
    legacy_dump,
    psql_file,
    schema_diff,
)
from .support.stepping import repo_project

INITIAL = "20250430103000-initial"

# Rows in the legacy tables, linked the way CitrineOS links them: tokens, infos and their
# additional infos, authorizations, a location with an SRID-4326 point, a station, EVSEs,
# device-model rows, a transaction with its events, connectors with enum values, and more.
LEGACY_ROWS = """
INSERT INTO "IdTokens" (id, "idToken", type, "createdAt", "updatedAt") VALUES
  (1, 'TOKEN-A', 'ISO14443', '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00'),
  (2, 'GROUP-1', 'Central', '2024-05-01 10:00:01+00', '2024-05-02 11:00:00+00'),
  (7, 'ORPHAN', NULL, '2024-05-01 10:00:02+00', '2024-05-01 10:00:02+00');
INSERT INTO "AdditionalInfos" (id, "additionalIdToken", type, "createdAt", "updatedAt") VALUES
  (1, 'EXTRA-1', 'custom', '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId", "createdAt", "updatedAt")
  VALUES (1, 1, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "IdTokenInfos" (id, status, "cacheExpiryDateTime", "chargingPriority", language1,
    "groupIdTokenId", language2, "personalMessage", "createdAt", "updatedAt") VALUES
  (1, 'Accepted', '2030-01-01 00:00:00+00', 3, 'en', 2, 'de',
   '{"format": "UTF8", "content": "Hallo \\u00e9"}', '2024-05-01 10:00:00+00',
   '2024-05-01 10:00:00+00');
INSERT INTO "Authorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
    "idTokenId", "idTokenInfoId", "createdAt", "updatedAt") VALUES
  (1, '{cCCS1,cType2}', '{FR*ABC}', 1, 1, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00'),
  (2, NULL, NULL, 2, NULL, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Locations" (id, name, address, city, "postalCode", state, country, coordinates,
    "createdAt", "updatedAt") VALUES
  (1, 'Depot', 'Main St 1', 'Springfield', '12345', 'IL', 'US',
   ST_SetSRID(ST_MakePoint(-89.65, 39.78), 4326), '2024-05-01 10:00:00+00',
   '2024-05-01 10:00:00+00');
INSERT INTO "ChargingStations" (id, "isOnline", protocol, "chargePointVendor", "locationId",
    "createdAt", "updatedAt") VALUES
  ('cp001', true, 'ocpp2.0.1', 'Vendor', 1, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Evses" ("databaseId", id, "connectorId", "createdAt", "updatedAt") VALUES
  (5, 1, NULL, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00'),
  (9, 1, 1, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Components" (id, name, instance, "evseDatabaseId", "createdAt", "updatedAt") VALUES
  (1, 'EVSE', NULL, 5, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Variables" (id, name, instance, "createdAt", "updatedAt") VALUES
  (1, 'Power', NULL, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "VariableAttributes" (id, "stationId", type, value, "variableId", "componentId",
    "evseDatabaseId", "createdAt", "updatedAt") VALUES
  (1, 'cp001', 'Actual', '22000', 1, 1, 5, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Transactions" (id, "stationId", "evseDatabaseId", "transactionId", "isActive",
    "totalKwh", "createdAt", "updatedAt") VALUES
  (1, 'cp001', 5, 'tx-1', false, 12.345678, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "TransactionEvents" (id, "stationId", "eventType", "timestamp", "seqNo",
    "transactionInfo", "createdAt", "updatedAt", "transactionDatabaseId", "evseId", "idTokenId")
  VALUES (1, 'cp001', 'Started', '2024-05-01 10:00:00+00', 0, '{"transactionId": "tx-1"}',
          '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00', 1, 9, 1);
INSERT INTO "Connectors" (id, "stationId", "connectorId", status, "errorCode", "createdAt",
    "updatedAt") VALUES
  (1, 'cp001', 1, 'Charging', 'WeakSignal', '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
INSERT INTO "Boots" (id, status, "statusInfo", "createdAt", "updatedAt") VALUES
  ('cp001', 'Accepted', '{"reasonCode": "ok"}', '2024-05-01 10:00:00+00',
   '2024-05-01 10:00:00+00');
INSERT INTO "Tariffs" (id, "stationId", currency, "pricePerKwh", "createdAt", "updatedAt") VALUES
  (1, 'cp001', 'EUR', 0.3900, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
SELECT setval('"IdTokens_id_seq"', 40);
SELECT setval('"Evses_databaseId_seq"', 9);
"""

# For every public table: its row count and an md5 over the text form of all its rows (a
# record's text form keeps every column exactly, PostGIS points with their SRID included).
FINGERPRINT = """
DO $$
DECLARE r record; n bigint; h text;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS fingerprint (tbl text PRIMARY KEY, n bigint, h text);
    DELETE FROM fingerprint;
    FOR r IN SELECT c.oid::regclass AS rel, c.relname FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
               AND c.relname <> 'spatial_ref_sys' LOOP
        EXECUTE 'SELECT count(*), '
             || 'md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), ''''))'
             || ' FROM ' || r.rel::text || ' AS t' INTO n, h;
        INSERT INTO fingerprint VALUES (r.relname, n, h);
    END LOOP;
END $$;
"""


def fingerprint(url: URL) -> dict[str, tuple[int, str]]:
    with db.connect(url) as conn:
        conn.exec_driver_sql(FINGERPRINT)
        rows = conn.exec_driver_sql("SELECT tbl, n, h FROM fingerprint").all()
        conn.commit()
    return {tbl: (n, h) for tbl, n, h in rows}


def sequences(url: URL) -> dict[str, tuple[int, bool]]:
    """last_value and is_called of every public sequence."""
    with db.connect(url) as conn:
        names = conn.exec_driver_sql(
            "SELECT c.oid::regclass::text FROM pg_class c "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'"
        ).scalars().all()
        return {
            name: tuple(conn.exec_driver_sql(f"SELECT last_value, is_called FROM {name}").one())
            for name in names
        }


def column_order(url: URL) -> list[tuple[str, str, int]]:
    with db.connect(url) as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, a.attname, "
            "       row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND NOT a.attisdropped "
            "AND c.relname NOT IN ('SequelizeMeta', 'spatial_ref_sys') ORDER BY 1, 3"
        )
        return [tuple(r) for r in rows]


def run_initial(url: URL, direction: str = "up") -> None:
    project = repo_project()
    version = project.version("1.7.0")
    step = steps.Step(INITIAL, version.name, steps.step_path(project, version, INITIAL))
    with db.connect(url) as conn, conn.begin():
        steps.run_step(conn, project, step, direction, say=lambda _: None)


def execute(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        conn.exec_driver_sql(sql)
        conn.commit()


@pytest.fixture
def legacy(make_database) -> URL:
    """A CitrineOS 1.6.3 sync() database with rows in its tables."""
    url = make_database("legacy")
    psql_file(url, legacy_dump())
    execute(url, LEGACY_ROWS)
    return url


@pytest.fixture
def baseline(make_database) -> URL:
    url = make_database("baseline")
    psql_file(url, dump_for_step(INITIAL))
    return url


def test_initial_brings_a_legacy_sync_database_to_the_baseline(legacy, baseline) -> None:
    assert not schema_diff(legacy, baseline).in_sync  # the 5 local-list tables are missing
    run_initial(legacy)
    assert_same_schema(legacy, baseline)
    assert column_order(legacy) == column_order(baseline)


def test_initial_keeps_every_legacy_row_and_sequence(legacy) -> None:
    rows_before, seqs_before = fingerprint(legacy), sequences(legacy)
    assert rows_before["IdTokens"][0] == 3 and rows_before["Locations"][0] == 1

    run_initial(legacy)

    rows_after = fingerprint(legacy)
    assert {t: rows_after[t] for t in rows_before} == rows_before
    new_tables = set(rows_after) - set(rows_before)
    assert new_tables == {
        "LocalListAuthorizations", "LocalListVersions", "LocalListVersionAuthorizations",
        "SendLocalLists", "SendLocalListAuthorizations",
    }
    assert all(rows_after[t][0] == 0 for t in new_tables)
    seqs_after = sequences(legacy)
    assert {s: seqs_after[s] for s in seqs_before} == seqs_before


def test_initial_twice_changes_nothing_more(legacy, baseline) -> None:
    run_initial(legacy)
    rows, seqs = fingerprint(legacy), sequences(legacy)
    run_initial(legacy)
    assert fingerprint(legacy) == rows
    assert sequences(legacy) == seqs
    assert_same_schema(legacy, baseline)


def test_initial_on_the_baseline_itself_is_a_no_op(baseline, make_database) -> None:
    execute(baseline, LEGACY_ROWS)
    reference = make_database("ref")
    psql_file(reference, dump_for_step(INITIAL))
    rows, seqs = fingerprint(baseline), sequences(baseline)
    run_initial(baseline)
    assert fingerprint(baseline) == rows
    assert sequences(baseline) == seqs
    assert_same_schema(baseline, reference)
    assert column_order(baseline) == column_order(reference)


def test_initial_adds_what_an_older_sync_database_lacks(legacy, baseline) -> None:
    """A column, constraint, index, foreign key and enum label missing from existing tables are
    added; the rows stay."""
    execute(legacy, """
        ALTER TABLE "Boots" DROP COLUMN "getConfigurationsOnPending";
        ALTER TABLE "Authorizations" DROP CONSTRAINT "Authorizations_idTokenId_key";
        ALTER TABLE "Authorizations" DROP CONSTRAINT "Authorizations_idTokenInfoId_fkey";
        DROP INDEX variables_name;
        DROP INDEX variable_attributes_station_id_type_variable_id;
    """)
    # An enum without its last label, as before 'WeakSignal' existed.
    execute(legacy, """
        UPDATE "Connectors" SET "errorCode" = 'NoError';
        ALTER TYPE "enum_Connectors_errorCode" RENAME TO old_error_code;
        CREATE TYPE "enum_Connectors_errorCode" AS ENUM (
            'ConnectorLockFailure', 'EVCommunicationError', 'GroundFailure', 'HighTemperature',
            'InternalError', 'LocalListConflict', 'NoError', 'OtherError', 'OverCurrentFailure',
            'PowerMeterFailure', 'PowerSwitchFailure', 'ReaderFailure', 'ResetFailure',
            'UnderVoltage', 'OverVoltage');
        ALTER TABLE "Connectors" ALTER COLUMN "errorCode" TYPE "enum_Connectors_errorCode"
            USING "errorCode"::text::"enum_Connectors_errorCode";
        DROP TYPE old_error_code;
    """)
    rows_before = fingerprint(legacy)

    run_initial(legacy)

    # Schema equal to the baseline but for one thing PostgreSQL cannot do in place: the
    # re-added column sits at the end of its table, which verify reports as column order.
    for a, b in ((legacy, baseline), (baseline, legacy)):
        left = schema_diff(a, b)
        assert left.statements == []
        assert [d.as_dict() for d in left.differences] == [
            {"kind": "table", "name": '"public"."Boots"', "change": "column order"}]
    boots = [c for t, c, _ in column_order(legacy) if t == "Boots"]
    assert boots[-1] == "getConfigurationsOnPending"
    rows_after = fingerprint(legacy)
    assert {t: rows_after[t] for t in rows_before if t != "Boots"} == {
        t: v for t, v in rows_before.items() if t != "Boots"
    }
    with db.connect(legacy) as conn:
        boot = conn.exec_driver_sql(
            'SELECT id, status, "getConfigurationsOnPending" FROM "Boots"'
        ).all()
    assert boot == [("cp001", "Accepted", None)]


def test_initial_leaves_a_column_of_another_type_alone(legacy) -> None:
    """A column whose type differs from the baseline cannot be reconciled without touching its
    values: initial does not alter it (the verifier reports it), and keeps its rows."""
    execute(legacy, 'ALTER TABLE "Boots" ALTER COLUMN status TYPE text')
    rows_before = fingerprint(legacy)

    run_initial(legacy)

    with db.connect(legacy) as conn:
        kind = conn.exec_driver_sql(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = 'Boots' AND column_name = 'status'"
        ).scalar()
    assert kind == "text"
    rows_after = fingerprint(legacy)
    assert {t: rows_after[t] for t in rows_before} == rows_before
