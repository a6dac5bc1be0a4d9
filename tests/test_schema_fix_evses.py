"""schema-fix and create-evses on 1.7 EVSE and token data, in the state right before schema-fix.

The database is reference dump 10 (after create-async-job-status) loaded with psql, tenant 1,
the EVSE data set of ``support.dataset17_evse`` and a token side in the flattened layout of
state 10, with the flatten step's archive of the old token tables made here by hand (so these
tests do not depend on the flatten step). Then: the schemas equal dumps 11 and 12 (same column
order), the upgrade keeps every EVSE/transaction/token fact that MIGRATIONS.md lists, every old
row is in the new tables or the archive, down gives dump 10 back row for row, and a failure
half-way leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from citrine_state import db, steps

from .conftest import new_database
from .support import dataset17_evse as evse_data
from .support.dataset17 import snapshot_rows, snapshot_sequences
from .support.reference import assert_same_schema, dump_for_step, psql_file, schema_diff
from .support.stepping import repo_project

REPO = Path(__file__).resolve().parents[1]
BEFORE = "20250715000000-create-async-job-status"
SCHEMA_FIX = "20250821103100-schema-fix"
CREATE_EVSES = "20250903102900-create-evses"
ARCHIVE = "citrine_archive"
OUR_ARCHIVE_TABLES = {
    f"{SCHEMA_FIX[:14]}_{t}"
    for t in ("Transactions", "ChargingNeeds", "TransactionEvents", "StopTransactions",
              "LocalListAuthorizations", "Authorizations")
} | {f"{CREATE_EVSES[:14]}_Evses"}

# The token side, in the layout of state 10 (flatten done). The archive tables are those the
# flatten step leaves: complete copies of the 1.7 token tables with their 1.7 columns.
FLATTEN_ARCHIVE = f"""
CREATE SCHEMA IF NOT EXISTS {ARCHIVE};
CREATE TABLE {ARCHIVE}."20250621120000_IdTokens" (
    id integer PRIMARY KEY, "idToken" character varying(255), type character varying(255),
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL);
CREATE TABLE {ARCHIVE}."20250621120000_IdTokenInfos" (
    id integer PRIMARY KEY, status character varying(255), "cacheExpiryDateTime" timestamptz,
    "chargingPriority" integer, language1 character varying(255), "groupIdTokenId" integer,
    language2 character varying(255), "personalMessage" json,
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL);
CREATE TABLE {ARCHIVE}."20250621120000_AdditionalInfos" (
    id integer PRIMARY KEY, "additionalIdToken" character varying(255),
    type character varying(255), "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL, "tenantId" integer DEFAULT 1 NOT NULL);
CREATE TABLE {ARCHIVE}."20250621120000_IdTokenAdditionalInfos" (
    "idTokenId" integer NOT NULL, "additionalInfoId" integer NOT NULL,
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL, PRIMARY KEY ("idTokenId", "additionalInfoId"));
CREATE TABLE {ARCHIVE}."20250621120000_Authorizations" (
    id integer PRIMARY KEY, "allowedConnectorTypes" character varying(255)[],
    "disallowedEvseIdPrefixes" character varying(255)[], "idTokenId" integer,
    "idTokenInfoId" integer, "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL, "tenantId" integer DEFAULT 1 NOT NULL,
    "concurrentTransaction" boolean DEFAULT false);

INSERT INTO {ARCHIVE}."20250621120000_IdTokens" (id, "idToken", type, "createdAt",
                                                  "updatedAt") VALUES
 (1, 'TOK-A', 'ISO14443', '2025-01-01', '2025-01-01'),
 (2, 'TOK-B', 'eMAID', '2025-01-01', '2025-01-01'),
 (3, 'GROUP-1', 'Central', '2025-01-01', '2025-01-01'),
 (4, 'TOK-LL', 'Local', '2025-01-01', '2025-01-01'),
 (5, 'GROUP-ORPHAN', 'Central', '2025-01-01', '2025-01-01'),
 (6, 'TOK-NOINFO', 'KeyCode', '2025-01-01', '2025-01-01');
INSERT INTO {ARCHIVE}."20250621120000_IdTokenInfos" (id, status, "cacheExpiryDateTime",
    "chargingPriority", language1, "groupIdTokenId", language2, "personalMessage", "createdAt",
    "updatedAt") VALUES
 (1, 'Accepted', '2026-01-01 00:00:00+00', 3, 'en', 3, 'de',
  '{{"format": "UTF8", "content": "Hallo Zoë"}}', '2025-01-01', '2025-01-01'),
 (2, 'Blocked', NULL, NULL, NULL, 5, NULL, NULL, '2025-01-01', '2025-01-01'),
 (3, 'Expired', NULL, 9, NULL, NULL, NULL, NULL, '2025-01-01', '2025-01-01');
INSERT INTO {ARCHIVE}."20250621120000_AdditionalInfos" (id, "additionalIdToken", type,
                                                         "createdAt", "updatedAt") VALUES
 (1, 'ADD-1', 'custom', '2025-01-01', '2025-01-01'),
 (2, 'ADD-2', 'other', '2025-01-01', '2025-01-01');
INSERT INTO {ARCHIVE}."20250621120000_IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId",
                                                               "createdAt", "updatedAt") VALUES
 (4, 1, '2025-01-01', '2025-01-01'), (4, 2, '2025-01-01', '2025-01-01'),
 (1, 1, '2025-01-01', '2025-01-01');
INSERT INTO {ARCHIVE}."20250621120000_Authorizations" (id, "idTokenId", "idTokenInfoId",
                                                        "createdAt", "updatedAt") VALUES
 (1, 1, 1, '2025-01-01', '2025-01-01'),
 (2, 2, NULL, '2025-01-01', '2025-01-01'),
 (3, 3, 3, '2025-01-01', '2025-01-01');
"""

TOKEN_ROWS = """
INSERT INTO "Authorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
    "createdAt", "updatedAt", "concurrentTransaction", "idToken", "idTokenType",
    "additionalInfo", status, "cacheExpiryDateTime", "chargingPriority", language1, language2,
    "personalMessage", "groupIdTokenId", "groupAuthorizationId") VALUES
 (1, '{cType2}', NULL, '2025-01-01', '2025-01-01', false, 'TOK-A', 'ISO14443',
  '[{"additionalIdToken": "ADD-1", "type": "custom"}]', 'Accepted', '2026-01-01 00:00:00+00',
  3, 'en', 'de', '{"format": "UTF8", "content": "Hallo Zoë"}', 3, NULL),
 (2, NULL, '{NL*}', '2025-01-01', '2025-01-01', NULL, 'TOK-B', 'eMAID', NULL, 'Accepted',
  NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, NULL, NULL, '2025-01-01', '2025-01-01', false, 'GROUP-1', 'Central', NULL, 'Expired',
  NULL, 9, NULL, NULL, NULL, NULL, NULL),
 (4, NULL, NULL, '2025-01-01', '2025-01-01', false, 'TOK-PRESET', 'Central', NULL, 'Accepted',
  NULL, NULL, NULL, NULL, NULL, NULL, 2),
 (5, NULL, NULL, '2025-01-01', '2025-01-01', false, 'TOK-DANGLING', 'Central', NULL,
  'Accepted', NULL, NULL, NULL, NULL, NULL, NULL, 999);
SELECT setval(pg_get_serial_sequence('"Authorizations"', 'id'), 5);

INSERT INTO "LocalListAuthorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
    "idTokenId", "idTokenInfoId", "authorizationId", "createdAt", "updatedAt") VALUES
 (1, '{cCCS2}', NULL, 4, 1, 1, '2025-01-01', '2025-01-01'),
 (2, NULL, '{DE*}', 6, NULL, 2, '2025-01-01', '2025-01-01'),
 (3, NULL, NULL, 1, 2, NULL, '2025-01-01', '2025-01-01'),
 (4, NULL, NULL, NULL, NULL, 3, '2025-01-01', '2025-01-01'),
 (5, NULL, NULL, 77, NULL, NULL, '2025-01-01', '2025-01-01');
SELECT setval(pg_get_serial_sequence('"LocalListAuthorizations"', 'id'), 5);

UPDATE "TransactionEvents" SET "idTokenId" = 1 WHERE id IN (1, 2);
UPDATE "TransactionEvents" SET "idTokenId" = 2 WHERE id = 3;
UPDATE "TransactionEvents" SET "idTokenId" = 88 WHERE id = 6;
UPDATE "StopTransactions" SET "idTokenDatabaseId" = 1 WHERE id = 1;
UPDATE "StopTransactions" SET "idTokenDatabaseId" = 6 WHERE id = 2;
UPDATE "StartTransactions" SET "idTokenDatabaseId" = 5 WHERE id = 1;
"""


def _step(name: str) -> steps.Step:
    return steps.Step(name, "1.8.0", REPO / "versions" / "1.8.0" / f"{name}.py")


def run(url: Any, names: list[str], direction: str = "up") -> list[str]:
    """``up`` of the named steps in order (``down`` in reverse), each in its own transaction,
    straight from their files (independent of the other steps' files)."""
    project = repo_project()
    notes: list[str] = []
    with db.connect(url) as conn:
        for name in (names if direction == "up" else list(reversed(names))):
            with conn.begin():
                notes += steps.run_step(conn, project, _step(name), direction,
                                        say=lambda _: None)
    return notes


def load_state10(url: Any, *, flatten_archive: bool = True) -> None:
    psql_file(url, dump_for_step(BEFORE))
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql(
            """INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
               VALUES (1, 'Default Tenant', '2025-01-01', '2025-01-01')"""
        )
        evse_data.load_evses(conn)
        conn.exec_driver_sql(FLATTEN_ARCHIVE if flatten_archive
                             else f"CREATE SCHEMA {ARCHIVE}")
        conn.exec_driver_sql(TOKEN_ROWS)
        # The state-10 rows, for comparisons after the upgrade (outside public and the archive).
        conn.exec_driver_sql("CREATE SCHEMA test_before")
        for (table,) in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).all():
            conn.exec_driver_sql(f'CREATE TABLE test_before."{table}" AS TABLE public."{table}"')


def column_order(url: Any) -> dict[str, list[str]]:
    with db.connect(url) as conn:
        rows = conn.exec_driver_sql(
            """SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum)
               FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
               WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                 AND a.attnum > 0 AND NOT a.attisdropped
                 AND c.relname NOT IN ('SequelizeMeta', 'spatial_ref_sys')
               GROUP BY c.relname"""
        ).all()
    return {r[0]: list(r[1]) for r in rows}


def archive_tables(url: Any) -> set[str]:
    with db.connect(url) as conn:
        return {r[0] for r in conn.exec_driver_sql(
            f"SELECT tablename FROM pg_tables WHERE schemaname = '{ARCHIVE}'")}


def state(url: Any) -> tuple[dict[str, str], dict[str, Any]]:
    with db.connect(url) as conn:
        return snapshot_rows(conn), snapshot_sequences(conn)


def query(url: Any, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql)).all()]


@dataclass
class Migrated:
    url: Any
    notes_fix: list[str]
    notes_evses: list[str]
    fix_forward: Any = None
    fix_backward: Any = None
    fix_order: dict[str, list[str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def references(pg_server: Any) -> Iterator[dict[str, Any]]:
    made = {}
    try:
        for step in (BEFORE, SCHEMA_FIX, CREATE_EVSES):
            made[step] = new_database(pg_server, "evsefix_ref")
            psql_file(made[step], dump_for_step(step))
        yield made
    finally:
        for url in made.values():
            db.drop_database(url)


@pytest.fixture(scope="module")
def migrated(pg_server: Any, references: dict[str, Any]) -> Iterator[Migrated]:
    """State 10 with the data set, after schema-fix (schema compared there) and create-evses."""
    url = new_database(pg_server, "evsefix")
    try:
        load_state10(url)
        notes_fix = run(url, [SCHEMA_FIX])
        result = Migrated(url, notes_fix, [])
        result.fix_forward = schema_diff(url, references[SCHEMA_FIX])
        result.fix_backward = schema_diff(references[SCHEMA_FIX], url)
        result.fix_order = column_order(url)
        result.notes_evses = run(url, [CREATE_EVSES])
        yield result
    finally:
        db.drop_database(url)


# --- the data set --------------------------------------------------------------------------


def test_evse_data_set_loads_into_a_real_1_7_database(make_database) -> None:
    url = make_database("evsefix")
    psql_file(url, dump_for_step(
        "20250618150000-update-authorizations-to-include-concurrenttransaction"))
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql("""INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
                                VALUES (1, 'Default Tenant', now(), now())""")
        evse_data.load_evses(conn)
    assert query(url, 'SELECT "databaseId" FROM "Evses" ORDER BY 1') \
        == [(k,) for k in sorted(evse_data.OLD_EVSES)]
    # Sequences as the application leaves them: past every id (Evses beyond, as after deletes).
    assert query(url, 'SELECT last_value, is_called FROM "Evses_databaseId_seq"') \
        == [(evse_data.EVSES_SEQUENCE_AT, True)]
    assert query(url, 'SELECT last_value, is_called FROM "Transactions_id_seq"') == [(8, True)]
    # Clear of the token side: transactions < 1000, stations evse-*.
    assert query(url, 'SELECT max(id) < 1000 FROM "Transactions"') == [(True,)]
    assert query(url, "SELECT count(*) FROM \"ChargingStations\" WHERE id NOT LIKE 'evse-%'") \
        == [(0,)]


# --- schema --------------------------------------------------------------------------------


def test_schema_fix_alone_gives_dump_11(migrated: Migrated, references: dict) -> None:
    assert migrated.fix_forward.in_sync, migrated.fix_forward.as_dict()
    assert migrated.fix_backward.in_sync, migrated.fix_backward.as_dict()
    assert migrated.fix_order == column_order(references[SCHEMA_FIX])


def test_create_evses_gives_dump_12(migrated: Migrated, references: dict) -> None:
    assert_same_schema(migrated.url, references[CREATE_EVSES])
    assert column_order(migrated.url) == column_order(references[CREATE_EVSES])


# --- EVSEs ---------------------------------------------------------------------------------


def test_evse_types_keep_old_database_ids_gaps_included(migrated: Migrated) -> None:
    rows = query(migrated.url, 'SELECT "databaseId", id, "connectorId", "tenantId" '
                               'FROM "EvseTypes" ORDER BY 1')
    assert rows == [(k, v[0], v[1], 1) for k, v in sorted(evse_data.OLD_EVSES.items())]
    before = query(migrated.url, 'SELECT "databaseId", "createdAt", "updatedAt" '
                                 'FROM test_before."Evses" ORDER BY 1')
    after = query(migrated.url, 'SELECT "databaseId", "createdAt", "updatedAt" '
                                'FROM "EvseTypes" ORDER BY 1')
    assert after == before


def test_evse_types_sequence_never_moves_back(migrated: Migrated) -> None:
    # The old Evses sequence stood at 20 (rows 15..20 deleted); EvseTypes continues from there.
    assert query(migrated.url, 'SELECT last_value, is_called FROM "EvseTypes_databaseId_seq"') \
        == [(evse_data.EVSES_SEQUENCE_AT, True)]


def test_one_evse_per_station_evse_without_invented_ids(migrated: Migrated) -> None:
    rows = query(migrated.url, 'SELECT "stationId", "evseTypeId", "evseId", "tenantId", '
                               'removed, "physicalReference" FROM "Evses"')
    assert len(rows) == len(evse_data.EXPECTED_STATION_EVSES)
    assert {(r[0], r[1]) for r in rows} == evse_data.EXPECTED_STATION_EVSES
    assert all(r[2:] == (None, 1, None, None) for r in rows)
    made = query(migrated.url, f'SELECT id FROM {ARCHIVE}."20250903102900_Evses"')
    assert sorted(made) == sorted(query(migrated.url, 'SELECT id FROM "Evses"'))


def test_evses_sequence_is_past_every_id(migrated: Migrated) -> None:
    [(top,)] = query(migrated.url, 'SELECT max(id) FROM "Evses"')
    [(last, called)] = query(migrated.url, 'SELECT last_value, is_called FROM "Evses_id_seq"')
    assert called and last >= top


def _evse_of(url: Any, table: str) -> dict[int, tuple[str, int] | None]:
    rows = query(url, f'SELECT x.id, e."stationId", e."evseTypeId" FROM "{table}" x '
                      f'LEFT JOIN "Evses" e ON e.id = x."evseId" WHERE x.id < 1000')
    return {r[0]: (r[1], r[2]) if r[1] is not None else None for r in rows}


def test_transactions_point_at_the_evse_of_their_station(migrated: Migrated) -> None:
    assert _evse_of(migrated.url, "Transactions") == evse_data.EXPECTED_TRANSACTION_EVSE


def test_charging_needs_point_at_their_evse_or_keep_the_link_in_the_archive(
    migrated: Migrated,
) -> None:
    assert _evse_of(migrated.url, "ChargingNeeds") == evse_data.EXPECTED_CHARGING_NEEDS_EVSE
    # Need 2 names EVSE databaseId 12 but has no transaction, so no station: archived.
    assert query(migrated.url, f'SELECT id, "evseDatabaseId" FROM {ARCHIVE}.'
                               f'"20250821103100_ChargingNeeds" ORDER BY id') \
        == [(1, 2), (2, 12), (4, 9)]
    assert any("1 charging need(s) name an old EVSE but no station" in n
               for n in migrated.notes_evses)


def test_evse_references_keep_their_values_now_on_evse_types(migrated: Migrated) -> None:
    for table, column in (("Components", "evseDatabaseId"),
                          ("VariableAttributes", "evseDatabaseId"),
                          ("TransactionEvents", "evseId"), ("Reservations", "evseId")):
        key = "databaseId" if table == "Reservations" else "id"
        sql = f'SELECT "{key}", "{column}" FROM {{}}"{table}" ORDER BY 1'
        assert query(migrated.url, sql.format("")) == query(migrated.url,
                                                            sql.format("test_before."))
        [(target,)] = query(migrated.url, f"""
            SELECT confrelid::regclass::text FROM pg_constraint
            WHERE conrelid = '"{table}"'::regclass AND contype = 'f'
              AND conkey = ARRAY[(SELECT attnum FROM pg_attribute
                                  WHERE attrelid = '"{table}"'::regclass
                                    AND attname = '{column}')]""")
        assert target == '"EvseTypes"'


# --- tokens --------------------------------------------------------------------------------


def test_transaction_events_and_stop_transactions_keep_their_token(migrated: Migrated) -> None:
    assert query(migrated.url, 'SELECT id, "idTokenValue", "idTokenType" '
                               'FROM "TransactionEvents" ORDER BY id') == [
        (1, "TOK-A", "ISO14443"), (2, "TOK-A", "ISO14443"), (3, "TOK-B", "eMAID"),
        (4, None, None), (6, None, None),  # 6 named token 88, which never existed
    ]
    assert query(migrated.url, 'SELECT id, "idTokenValue", "idTokenType" '
                               'FROM "StopTransactions" ORDER BY id') == [
        (1, "TOK-A", "ISO14443"), (2, "TOK-NOINFO", "KeyCode")]
    assert query(migrated.url, f'SELECT id, "idTokenId" FROM {ARCHIVE}.'
                               f'"20250821103100_TransactionEvents" ORDER BY id') == [
        (1, 1), (2, 1), (3, 2), (6, 88)]
    # StartTransactions keep their idTokenDatabaseId.
    assert query(migrated.url, 'SELECT id, "idTokenDatabaseId" FROM "StartTransactions"') \
        == [(1, 5)]


def test_local_list_authorizations_are_flattened_like_authorizations(migrated: Migrated) -> None:
    rows = query(migrated.url, """
        SELECT id, "idToken", "idTokenType", "additionalInfo", status,
               "cacheExpiryDateTime" IS NOT NULL, "chargingPriority", language1, language2,
               "personalMessage"::text, "groupAuthorizationId", "authorizationId",
               "allowedConnectorTypes", "disallowedEvseIdPrefixes"
        FROM "LocalListAuthorizations" ORDER BY id""")
    add1 = {"additionalIdToken": "ADD-1", "type": "custom"}
    add2 = {"additionalIdToken": "ADD-2", "type": "other"}
    pm = '{"format": "UTF8", "content": "Hallo Zoë"}'
    assert rows[0][:3] == (1, "TOK-LL", "Local")
    assert sorted(rows[0][3], key=str) == sorted([add1, add2], key=str)
    assert rows[0][4:] == ("Accepted", True, 3, "en", "de", pm, 3, 1, ["cCCS2"], None)
    assert rows[1] == (2, "TOK-NOINFO", "KeyCode", None, "Accepted", False, None, None, None,
                       None, None, 2, None, ["DE*"])
    # Group token 5 belongs to no Authorization: no group.
    assert rows[2] == (3, "TOK-A", "ISO14443", [add1], "Blocked", False, None, None, None,
                       None, None, None, None, None)
    # No token at all, and a token id that never existed: '' (1.8.0 requires a value).
    assert rows[3][:2] == (4, "") and rows[4][:2] == (5, "")
    assert query(migrated.url, f'SELECT * FROM {ARCHIVE}."20250821103100_LocalListAuthorizations"'
                               ' ORDER BY id') == [(1, 4, 1), (2, 6, None), (3, 1, 2),
                                                   (5, 77, None)]


def test_group_link_is_carried_into_group_authorization_id(migrated: Migrated) -> None:
    assert query(migrated.url, 'SELECT id, "groupAuthorizationId" FROM "Authorizations" '
                               'ORDER BY id') == [(1, 3), (2, None), (3, None), (4, 2),
                                                  (5, None)]
    # 5 named Authorization 999, which does not exist: only the archive keeps it.
    assert query(migrated.url, f'SELECT * FROM {ARCHIVE}."20250821103100_Authorizations" '
                               'ORDER BY id') == [(1, 3, None), (4, None, 2), (5, None, 999)]


# --- nothing lost --------------------------------------------------------------------------

# Columns whose value changes meaning on purpose (checked by the tests above).
CHANGED = {("ChargingNeeds", "evseDatabaseId"), ("ChargingNeeds", "evseId"),
           ("Authorizations", "groupAuthorizationId")}


def test_every_old_row_is_in_the_new_tables_or_the_archive(migrated: Migrated) -> None:
    url = migrated.url
    tables = {r[0] for r in query(url, "SELECT tablename FROM pg_tables "
                                       "WHERE schemaname = 'test_before'")}
    for table in sorted(tables - {"Evses"}):
        old = {r[0] for r in query(url, f"""SELECT attname FROM pg_attribute
            WHERE attrelid = 'test_before."{table}"'::regclass AND attnum > 0""")}
        new = {r[0] for r in query(url, f"""SELECT attname FROM pg_attribute
            WHERE attrelid = 'public."{table}"'::regclass AND attnum > 0
              AND NOT attisdropped""")}
        common = sorted(c for c in old & new if (table, c) not in CHANGED)
        row = "md5(ROW(" + ", ".join(f'"{c}"' for c in common) + ")::text)"
        missing = query(url, f'SELECT {row} FROM test_before."{table}" EXCEPT ALL '
                             f'SELECT {row} FROM public."{table}"')
        extra = query(url, f'SELECT {row} FROM public."{table}" EXCEPT ALL '
                           f'SELECT {row} FROM test_before."{table}"')
        assert (table, missing, extra) == (table, [], [])
    # Old Evses rows: all columns in EvseTypes.
    cols = '"databaseId", id, "connectorId", "createdAt", "updatedAt", "tenantId"'
    assert query(url, f'SELECT {cols} FROM test_before."Evses" EXCEPT SELECT {cols} '
                      f'FROM "EvseTypes"') == []
    # Dropped columns: every non-NULL value is archived with the row id.
    for table, column in (("Transactions", "evseDatabaseId"),
                          ("ChargingNeeds", "evseDatabaseId"),
                          ("TransactionEvents", "idTokenId"),
                          ("StopTransactions", "idTokenDatabaseId"),
                          ("LocalListAuthorizations", "idTokenId"),
                          ("LocalListAuthorizations", "idTokenInfoId"),
                          ("Authorizations", "groupIdTokenId"),
                          ("Authorizations", "groupAuthorizationId")):
        lost = query(url, f"""SELECT id, "{column}" FROM test_before."{table}"
                              WHERE "{column}" IS NOT NULL EXCEPT
                              SELECT id, "{column}" FROM {ARCHIVE}."20250821103100_{table}" """)
        assert (table, column, lost) == (table, column, [])


def test_locations_keep_their_points_with_srid(migrated: Migrated) -> None:
    assert query(migrated.url, 'SELECT id, ST_AsEWKT(coordinates) FROM "Locations" '
                               'ORDER BY id') == [
        (1, "SRID=4326;POINT(13.404954 52.520008)"),
        (2, "SRID=3857;POINT(-10880352.2 3537238.5)"), (3, None)]


def test_steps_report_what_they_did(migrated: Migrated) -> None:
    text = "\n".join(migrated.notes_fix + migrated.notes_evses)
    assert "kept 6 old Evses row(s) as EvseTypes" in text
    assert "created 5 Evses row(s)" in text
    assert "2 local list authorization(s) have no known token" in text


# --- down ----------------------------------------------------------------------------------


def _public(rows: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in rows.items() if k.startswith("public.")}


def test_down_gives_back_dump_10_and_the_same_rows(make_database, references: dict) -> None:
    url = make_database("evsefix")
    load_state10(url)
    rows, sequences = state(url)
    archived = archive_tables(url)
    run(url, [SCHEMA_FIX, CREATE_EVSES])
    upgraded = _public(state(url)[0])
    evses = query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY id')
    # create-evses alone first: back to what schema-fix left. It changes no schema, and its
    # down keeps the rows and links it made (something may point at them by now).
    run(url, [CREATE_EVSES], "down")
    assert_same_schema(url, references[SCHEMA_FIX])
    assert f"{CREATE_EVSES[:14]}_Evses" not in archive_tables(url)
    assert query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY id') == evses
    after_fix_rows = state(url)[0]
    run(url, [SCHEMA_FIX], "down")
    assert_same_schema(url, references[BEFORE])
    assert column_order(url) == column_order(references[BEFORE])
    after_rows, after_sequences = state(url)
    assert _public(after_rows) == _public(rows)
    assert {k: v for k, v in after_sequences.items() if k.startswith("public.")} == \
        {k: v for k, v in sequences.items() if k.startswith("public.")}
    assert _public(after_fix_rows) != _public(rows)  # the round trip really went through 1.8.0
    # What 1.7 has no place for is set aside, not dropped: the 1.8.0 Evses rows among it.
    set_aside = archive_tables(url) - archived
    assert set_aside and all(t.startswith(f"{SCHEMA_FIX[:14]}_") and t.endswith("_down")
                             for t in set_aside)
    assert query(url, f'SELECT id, "stationId", "evseTypeId" FROM {ARCHIVE}.'
                      f'"{SCHEMA_FIX[:14]}_Evses_down" ORDER BY id') == evses
    # Up again: the same 1.8.0 rows as the first time, and nothing left aside.
    run(url, [SCHEMA_FIX, CREATE_EVSES])
    assert _public(state(url)[0]) == upgraded
    assert not any(t.endswith("_down") for t in archive_tables(url))


def test_create_evses_down_then_up_again_gives_the_same_evses(make_database) -> None:
    url = make_database("evsefix")
    load_state10(url)
    run(url, [SCHEMA_FIX, CREATE_EVSES])
    first = query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY 1')
    run(url, [CREATE_EVSES], "down")
    run(url, [CREATE_EVSES])
    # the rows are reused, none doubled, and the links are the same
    assert query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY 1') == first
    assert _evse_of(url, "Transactions") == evse_data.EXPECTED_TRANSACTION_EVSE


def test_create_evses_down_works_without_its_list(make_database) -> None:
    """A 1.8.0 database installed from the snapshot (or made by CitrineOS's own runner) has no
    list of the Evses rows create-evses made: its down keeps every row and succeeds."""
    url = make_database("evsefix")
    load_state10(url)
    run(url, [SCHEMA_FIX, CREATE_EVSES])
    first = query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY 1')
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql(f'DROP TABLE {ARCHIVE}."{CREATE_EVSES[:14]}_Evses"')
    run(url, [CREATE_EVSES], "down")
    assert query(url, 'SELECT id, "stationId", "evseTypeId" FROM "Evses" ORDER BY 1') == first


def test_without_the_flatten_archive_tokens_stay_empty_but_ids_are_kept(
    make_database, references: dict,
) -> None:
    url = make_database("evsefix")
    load_state10(url, flatten_archive=False)
    rows, _ = state(url)
    notes = run(url, [SCHEMA_FIX])
    assert_same_schema(url, references[SCHEMA_FIX])
    assert any("no archive of the old tokens" in n for n in notes)
    assert query(url, 'SELECT count(*) FROM "TransactionEvents" '
                      'WHERE "idTokenValue" IS NOT NULL') == [(0,)]
    assert query(url, 'SELECT DISTINCT "idToken", status FROM "LocalListAuthorizations"') \
        == [("", "Accepted")]
    run(url, [SCHEMA_FIX], "down")
    assert_same_schema(url, references[BEFORE])
    assert _public(state(url)[0]) == _public(rows)


# --- all or nothing ------------------------------------------------------------------------

INJECT = """
CREATE SCHEMA IF NOT EXISTS test_inject;
CREATE SEQUENCE test_inject.calls;
CREATE FUNCTION test_inject.fail_at_{n}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF nextval('test_inject.calls') >= {n} THEN
        RAISE EXCEPTION USING MESSAGE = 'injected failure at row {n} of ' || TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER test_inject_failure BEFORE {event} ON "{table}"
    FOR EACH ROW EXECUTE FUNCTION test_inject.fail_at_{n}();
"""


@pytest.mark.parametrize(
    "done,step,event,table,n",
    [
        ([], SCHEMA_FIX, "UPDATE", "TransactionEvents", 2),
        ([], SCHEMA_FIX, "UPDATE", "LocalListAuthorizations", 3),
        ([SCHEMA_FIX], CREATE_EVSES, "INSERT", "Evses", 3),
        ([SCHEMA_FIX], CREATE_EVSES, "UPDATE", "Transactions", 2),
    ],
    ids=["schema-fix-token-update", "schema-fix-local-list", "create-evses-insert",
         "create-evses-link"],
)
def test_a_failure_half_way_leaves_the_database_as_it_was(
    make_database, references: dict, done: list[str], step: str, event: str, table: str,
    n: int,
) -> None:
    url = make_database("evsefix")
    load_state10(url)
    run(url, done)
    rows, sequences = state(url)
    archived = archive_tables(url)
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql(INJECT.format(n=n, event=event, table=table))
    with pytest.raises(sa.exc.DBAPIError, match="injected failure"):
        run(url, [step])
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql(f'DROP TRIGGER test_inject_failure ON "{table}"')
        [(calls,)] = conn.exec_driver_sql("SELECT last_value FROM test_inject.calls").all()
        conn.exec_driver_sql("DROP SCHEMA test_inject CASCADE")
    assert calls >= n  # the trigger did fire half-way
    expected = references[done[-1] if done else BEFORE]
    assert_same_schema(url, expected)
    assert column_order(url) == column_order(expected)
    assert archive_tables(url) == archived
    after_rows, after_sequences = state(url)
    assert after_rows == rows
    # Sequences are not transactional in PostgreSQL: a failed insert may have used ids, but
    # none moved backwards, and none that the step only sets explicitly moved at all.
    assert after_sequences.keys() == sequences.keys()
    for name, (value, called) in sequences.items():
        if name == "public.Evses_id_seq":
            assert after_sequences[name][0] >= value
        else:
            assert after_sequences[name] == (value, called), name


# --- how create-evses updates Transactions ------------------------------------------------


def _unique_keys(url: Any) -> list[tuple]:
    return query(url, """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                         WHERE conrelid = '"Transactions"'::regclass AND contype = 'u'
                         ORDER BY 1""")


def test_create_evses_rebuilds_the_unique_key_it_lifts_and_leaves_settings_as_they_were(
    make_database,
) -> None:
    url = make_database("evsefix")
    load_state10(url)
    run(url, [SCHEMA_FIX])
    keys = _unique_keys(url)
    assert keys == [("Transactions_stationId_transactionId_key",
                     'UNIQUE ("stationId", "transactionId")')]
    with db.connect(url) as conn, conn.begin():
        steps.run_step(conn, repo_project(), _step(CREATE_EVSES), "up", say=lambda _: None)
        # the planner setting it lowers for the foreign-key checks is back, in the same
        # transaction (a consolidated migration runs more after this file)
        assert conn.exec_driver_sql("SHOW enable_nestloop").scalar() == "on"
    assert _unique_keys(url) == keys
    # the key still holds
    with pytest.raises(sa.exc.IntegrityError), db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql("""INSERT INTO "Transactions" ("stationId", "transactionId",
                                    "createdAt", "updatedAt", "tenantId")
                                SELECT "stationId", "transactionId", now(), now(), 1
                                FROM "Transactions" WHERE "transactionId" IS NOT NULL
                                LIMIT 1""")


def test_create_evses_keeps_a_unique_key_that_a_foreign_key_uses(make_database) -> None:
    url = make_database("evsefix")
    load_state10(url)
    run(url, [SCHEMA_FIX])
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql("""CREATE TABLE test_before.tx_notes (
            "stationId" varchar(255), "transactionId" varchar(255),
            FOREIGN KEY ("stationId", "transactionId")
                REFERENCES "Transactions" ("stationId", "transactionId"))""")
    index_before = query(url, """SELECT conindid FROM pg_constraint
                                 WHERE conname = 'Transactions_stationId_transactionId_key'""")
    run(url, [CREATE_EVSES])
    # the same index, never dropped (the foreign key depends on it)
    assert query(url, """SELECT conindid FROM pg_constraint
                         WHERE conname = 'Transactions_stationId_transactionId_key'""") \
        == index_before
    assert _evse_of(url, "Transactions") == evse_data.EXPECTED_TRANSACTION_EVSE
