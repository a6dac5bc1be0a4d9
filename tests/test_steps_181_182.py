"""The steps of CitrineOS 1.8.1 and 1.8.2 on a 1.8.0 database with data: nothing is lost.

Every test starts from a copy of one database: reference dump 12 (a real 1.8.0 database) loaded
with psql, plus two tenants (the default one without a url, a second one with OCPI fields),
stations, connectors with 1.8.0's enum values and NULLs, installed certificates, and
authorizations with tokens that differ only in case (different types) and tokens without a type
that repeat. The steps run directly, one transaction each, as the runner runs them.

Rows are compared by column name (each value as text), table by table, never by position.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from citrine_state import db
from citrine_state.errors import Refused

from .conftest import new_database
from .support import reference, stepping

ARCHIVE = "citrine_archive"
BEFORE = "20250903102900-create-evses"
REMOVE_ENUMS = "20251111160000-remove-enums"
USER_TENANT = "20251121170000-add-isUserTenant-to-tenants"
REALTIME = "20260112120000-alter-authorization-table-add-realtime-auth-fields"
CITEXT = "20260113000000-normalize-id-token-case"
UNIQUE = "20260122000000-add-authorization-unique-index"
USE16 = "20260202120000-add-use16-status-notification-0-to-charging-stations"
STEPS = [REMOVE_ENUMS, USER_TENANT, REALTIME, CITEXT, UNIQUE, USE16]
TABLES = ("Tenants", "ChargingStations", "Connectors", "InstalledCertificates", "Authorizations")

DATA_180 = """
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt") VALUES
    (1, 'Default Tenant', '2025-01-01', '2025-01-01');
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt", "partyId", "countryCode", url,
                       "serverProfileOCPI") VALUES
    (2, 'Second CPO', '2025-02-01', '2025-02-02', 'CPO', 'NL', 'https://cpo.example/ocpi',
     '{"versions": ["2.2.1"], "credentialsRole": "CPO"}');
SELECT setval('"Tenants_id_seq"', 2);

INSERT INTO "ChargingStations" (id, "isOnline", protocol, "createdAt", "updatedAt", "tenantId",
                                coordinates, capabilities) VALUES
    ('cs-1', true, 'ocpp2.0.1', '2025-03-01', '2025-03-01', 1, NULL, NULL),
    ('cs-2', false, 'ocpp1.6', '2025-03-01', '2025-03-02', 1,
     'SRID=4326;POINT(4.89 52.37)', '["RFID"]'),
    ('cs-3', NULL, 'ocpp2.0.1', '2025-03-03', '2025-03-03', 2, NULL, NULL);

INSERT INTO "Connectors" (id, "stationId", "connectorId", status, "errorCode", "timestamp",
                          info, "createdAt", "updatedAt", "tenantId") VALUES
    (1, 'cs-1', 1, 'Available', 'NoError', '2025-03-05 10:00:00+00', 'ok',
     '2025-03-01', '2025-03-05', 1),
    (2, 'cs-1', 2, 'Faulted', 'GroundFailure', NULL, NULL, '2025-03-01', '2025-03-05', 1),
    (3, 'cs-2', 1, NULL, NULL, NULL, NULL, '2025-03-01', '2025-03-01', 1),
    (4, 'cs-3', 1, 'Charging', NULL, NULL, NULL, '2025-03-03', '2025-03-04', 2);
SELECT setval('"Connectors_id_seq"', 4);

INSERT INTO "InstalledCertificates" (id, "stationId", "hashAlgorithm", "issuerNameHash",
    "issuerKeyHash", "serialNumber", "certificateType", "createdAt", "updatedAt", "tenantId")
VALUES
    (1, 'cs-1', 'SHA256', 'n1', 'k1', 's1', 'V2GRootCertificate', '2025-03-01', '2025-03-01', 1),
    (2, 'cs-3', 'SHA384', 'n2', 'k2', 's2', 'CSMSRootCertificate', '2025-03-03', '2025-03-03',
     2);
SELECT setval('"InstalledCertificates_id_seq"', 2);

INSERT INTO "Authorizations" (id, "idToken", "idTokenType", "createdAt", "updatedAt",
    "tenantId", "allowedConnectorTypes", "additionalInfo", "personalMessage", status,
    "concurrentTransaction", "realTimeAuth", "groupAuthorizationId") VALUES
    (1, 'TOKEN-A', 'ISO14443', '2025-04-01', '2025-04-01', 1, '{cType2}',
     '[{"type": "x", "additionalIdToken": "A-1"}]', '{ "content" : "Hoi",  "format": "UTF8" }',
     'Accepted', true, 'Never', NULL),
    (2, 'token-a', 'eMAID', '2025-04-01', '2025-04-01', 1, NULL, NULL, NULL, 'Blocked', false,
     'AllowedOffline', 1),
    (3, 'NOTYPE-1', NULL, '2025-04-02', '2025-04-02', 1, NULL, NULL, NULL, 'Accepted', NULL,
     'Never', NULL),
    (4, 'notype-1', NULL, '2025-04-02', '2025-04-02', 1, NULL, NULL, NULL, 'Accepted', NULL,
     'Never', NULL),
    (5, 'NOTYPE-1', NULL, '2025-04-03', '2025-04-03', 2, NULL, NULL, NULL, 'Invalid', NULL,
     'Never', NULL),
    (6, 'TOKEN-B', 'Central', '2025-04-04', '2025-04-04', 2, '{}', NULL, NULL, 'Accepted',
     false, 'Never', NULL),
    (7, 'Token-C', 'ISO14443', '2025-04-05', '2025-04-05', 2, NULL, NULL, NULL, 'Accepted',
     false, 'Never', NULL),
    (8, 'TOKEN-C', 'KeyCode', '2025-04-05', '2025-04-05', 1, NULL, NULL, NULL, 'Accepted',
     false, 'Never', NULL);
SELECT setval('"Authorizations_id_seq"', 8);
"""


@pytest.fixture(scope="module")
def base_180(pg_server: URL) -> Iterator[URL]:
    """A real 1.8.0 schema with the data above; tests work on copies."""
    url = new_database(pg_server, "d180")
    reference.psql_file(url, reference.dump_for_step(BEFORE))
    execute(url, DATA_180)
    yield url
    db.drop_database(url)


@pytest.fixture
def database_180(pg_server: URL, base_180: URL) -> Iterator[URL]:
    url = pg_server.set(database=f"d180_{secrets.token_hex(5)}")
    db.create_database(url, template=base_180.database)
    yield url
    db.drop_database(url)


# --- helpers -------------------------------------------------------------------------------------


def execute(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        db.run_script(conn, sql)
        conn.commit()


def query(url: URL, sql: str, params: dict | None = None) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params or {})]


def run(url: URL, names: list[str], direction: str = "up") -> list[str]:
    """The named steps, one transaction each (down: in reverse order); their notes."""
    return stepping.run(url, names, direction)


def table_rows(url: URL, table: str, schema: str = "public") -> list[dict[str, str | None]]:
    """Every row of the table as {column name: value as text}, ordered by the first key."""
    with db.connect(url) as conn:
        columns = conn.execute(sa.text(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t)"
            " AND attnum > 0 AND NOT attisdropped ORDER BY attname"
        ), {"t": f'{schema}."{table}"'}).scalars().all()
        listed = ", ".join(f'"{c}"::text' for c in columns)
        result = conn.execute(sa.text(f'SELECT {listed} FROM {schema}."{table}" ORDER BY 1'))
        return sorted((dict(zip(columns, r, strict=True)) for r in result),
                      key=lambda r: str(r.get("id")))


def all_rows(url: URL) -> dict[str, list[dict[str, str | None]]]:
    return {t: table_rows(url, t) for t in TABLES}


def column_type(url: URL, table: str, column: str) -> tuple[str, bool, str | None] | None:
    """(type, nullable, default) of a public column, None when there is no such column."""
    found = query(url, """
        SELECT format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = to_regclass(:t) AND a.attname = :c AND NOT a.attisdropped""",
        {"t": f'public."{table}"', "c": column})
    return found[0] if found else None


def archive_tables(url: URL) -> list[str]:
    return [r[0] for r in query(
        url, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
             " WHERE n.nspname = :s AND c.relkind = 'r' ORDER BY 1", {"s": ARCHIVE})]


def has_schema(url: URL, name: str) -> bool:
    return bool(query(url, "SELECT 1 FROM pg_namespace WHERE nspname = :s", {"s": name}))


def has_citext(url: URL) -> bool:
    return bool(query(url, "SELECT 1 FROM pg_extension WHERE extname = 'citext'"))


def by_id(rows: list[dict[str, str | None]]) -> dict[str, dict[str, str | None]]:
    return {str(r["id"]): r for r in rows}


# --- the whole way: up, down, up ------------------------------------------------------------------


def test_up_down_up_on_180_data_gives_back_every_row(database_180: URL) -> None:
    before = all_rows(database_180)

    run(database_180, STEPS)
    upgraded = all_rows(database_180)
    assert column_type(database_180, "Connectors", "status") == (
        "character varying(255)", True, "'Unknown'::character varying")
    assert column_type(database_180, "Authorizations", "idToken") == ("citext", False, None)
    # 1.8.0's values as they were, the new columns at their defaults
    assert [(r["id"], r["status"], r["errorCode"]) for r in upgraded["Connectors"]] == [
        ("1", "Available", "NoError"), ("2", "Faulted", "GroundFailure"), ("3", None, None),
        ("4", "Charging", None)]
    assert {r["id"]: r["isUserTenant"] for r in upgraded["Tenants"]} == {"1": "false",
                                                                          "2": "false"}
    assert {r["use16StatusNotification0"] for r in upgraded["ChargingStations"]} == {"true"}
    # tokens that differ only in case (other types) and NULL-type repeats: the index takes them
    assert query(database_180, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idToken_type'"
                 ) == [(1,)]
    for table in TABLES:
        kept = [{k: v for k, v in r.items() if k in before[table][0]} for r in upgraded[table]]
        assert kept == before[table], table

    run(database_180, STEPS, "down")
    assert all_rows(database_180) == before
    assert column_type(database_180, "Connectors", "status") == (
        '"enum_Connectors_status"', True, None)
    assert column_type(database_180, "Tenants", "partyId") == (
        "character varying(255)", False, "'default'::character varying")
    assert not has_citext(database_180)
    assert not has_schema(database_180, ARCHIVE)  # nothing needed keeping, nothing left behind

    run(database_180, STEPS)
    assert all_rows(database_180) == upgraded


# Values only 1.8.1 / 1.8.2 can hold, written after the upgrade.
DATA_18X = """
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt", "isUserTenant") VALUES
    (3, 'User tenant', '2026-01-10', '2026-01-10', true);
UPDATE "Tenants" SET "isUserTenant" = true WHERE id = 2;
UPDATE "Tenants" SET "countryCode" = NULL WHERE id = 1;
INSERT INTO "ChargingStations" (id, "createdAt", "updatedAt", "tenantId",
                                "use16StatusNotification0") VALUES
    ('cs-4', '2026-01-11', '2026-01-11', 3, false);
UPDATE "ChargingStations" SET "use16StatusNotification0" = false WHERE id = 'cs-2';
INSERT INTO "Connectors" (id, "stationId", "connectorId", "createdAt", "updatedAt", "tenantId")
VALUES (5, 'cs-4', 1, '2026-01-11', '2026-01-11', 3);
UPDATE "Connectors" SET "errorCode" = 'SomeVendorError' WHERE id = 2;
UPDATE "Connectors" SET status = 'Occupied' WHERE id = 4;
UPDATE "Authorizations" SET "realTimeAuthLastAttempt" = '{"at": "2026-01-12T10:00:00Z",
    "result": "Accepted"}', "realTimeAuthTimeout" = 30 WHERE id = 1;
UPDATE "Authorizations" SET "realTimeAuthTimeout" = 0 WHERE id = 6;
INSERT INTO "Authorizations" (id, "idToken", "idTokenType", "createdAt", "updatedAt",
                              "tenantId", "realTimeAuthLastAttempt") VALUES
    (9, 'NEW-TOKEN', 'ISO14443', '2026-01-13', '2026-01-13', 3, '{"at": null}');
"""


def test_values_written_by_18x_survive_rollback_and_reupgrade(database_180: URL) -> None:
    run(database_180, STEPS)
    execute(database_180, DATA_18X)
    written = all_rows(database_180)
    assert by_id(written["Connectors"])["5"]["status"] == "Unknown"  # 1.8.1's default

    notes = run(database_180, STEPS, "down")
    rolled = all_rows(database_180)
    connectors = by_id(rolled["Connectors"])
    # outside 1.8.0's enums: NULL in 1.8.0, kept in the archive
    assert (connectors["5"]["status"], connectors["5"]["errorCode"]) == (None, "NoError")
    assert (connectors["2"]["status"], connectors["2"]["errorCode"]) == ("Faulted", None)
    assert (connectors["4"]["status"], connectors["4"]["errorCode"]) == (None, None)
    assert table_rows(database_180, "20251111160000_Connectors", ARCHIVE) == [
        {"id": "2", "stationId": "cs-1", "connectorId": "2", "status": None,
         "errorCode": "SomeVendorError"},
        {"id": "4", "stationId": "cs-3", "connectorId": "1", "status": "Occupied",
         "errorCode": None},
        {"id": "5", "stationId": "cs-4", "connectorId": "1", "status": "Unknown",
         "errorCode": None}]
    # the NULL countryCode got 1.8.0's default; isUserTenant and the NULL are archived
    assert by_id(rolled["Tenants"])["1"]["countryCode"] == "US"
    assert by_id(rolled["Tenants"])["3"]["partyId"] == "default"
    assert table_rows(database_180, "20251121170000_Tenants", ARCHIVE) == [
        {"id": "1", "isUserTenant": "false", "partyIdWasNull": "false",
         "countryCodeWasNull": "true"},
        {"id": "2", "isUserTenant": "true", "partyIdWasNull": "false",
         "countryCodeWasNull": "false"},
        {"id": "3", "isUserTenant": "true", "partyIdWasNull": "true",
         "countryCodeWasNull": "true"}]
    assert [(r["id"], r["realTimeAuthLastAttempt"], r["realTimeAuthTimeout"]) for r in
            table_rows(database_180, "20260112120000_Authorizations", ARCHIVE)] == [
        ("1", '{"at": "2026-01-12T10:00:00Z", "result": "Accepted"}', "30"),
        ("6", None, "0"), ("9", '{"at": null}', None)]
    assert table_rows(database_180, "20260202120000_ChargingStations", ARCHIVE) == [
        {"id": "cs-2", "use16StatusNotification0": "false"},
        {"id": "cs-4", "use16StatusNotification0": "false"}]
    assert any("3 connector(s)" in n for n in notes), notes
    assert not has_citext(database_180)

    run(database_180, STEPS)
    assert all_rows(database_180) == written
    # every archive table went back; what stays is the note that the upgrade created citext
    assert archive_tables(database_180) == ["20260113000000_citext"]


def test_reupgrade_keeps_what_180_wrote_after_the_rollback(database_180: URL) -> None:
    run(database_180, STEPS)
    execute(database_180, DATA_18X)
    run(database_180, STEPS, "down")
    # CitrineOS 1.8.0 runs again for a while: a status, a countryCode, a station goes
    execute(database_180, """
        UPDATE "Connectors" SET status = 'Available' WHERE id = 5;
        UPDATE "Tenants" SET "countryCode" = 'DE' WHERE id = 3;
        DELETE FROM "ChargingStations" WHERE id = 'cs-2';""")
    run(database_180, STEPS)
    rows = all_rows(database_180)
    connectors, tenants = by_id(rows["Connectors"]), by_id(rows["Tenants"])
    assert connectors["5"]["status"] == "Available"  # 1.8.0's newer value wins
    assert connectors["4"]["status"] == "Occupied"  # still NULL there: put back
    assert (tenants["3"]["partyId"], tenants["3"]["countryCode"]) == (None, "DE")
    assert tenants["3"]["isUserTenant"] == "true"
    assert tenants["1"]["countryCode"] is None
    assert {r["id"]: r["use16StatusNotification0"] for r in rows["ChargingStations"]} == {
        "cs-1": "true", "cs-3": "true", "cs-4": "false"}
    assert archive_tables(database_180) == ["20260113000000_citext"]


# --- refusals ---------------------------------------------------------------------------------


def test_remove_enums_down_refuses_a_certificate_type_180_does_not_know(
        database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS])
    execute(database_180, """
        INSERT INTO "Connectors" (id, "stationId", "connectorId", "createdAt", "updatedAt")
        VALUES (6, 'cs-2', 2, now(), now());
        INSERT INTO "InstalledCertificates" (id, "stationId", "hashAlgorithm", "issuerNameHash",
            "issuerKeyHash", "serialNumber", "certificateType", "createdAt", "updatedAt")
        VALUES (7, 'cs-2', 'SHA256', 'n', 'k', 's', 'OEMRootCertificate', now(), now());""")
    before = all_rows(database_180)

    with pytest.raises(Refused) as refused:
        run(database_180, [REMOVE_ENUMS], "down")
    message = str(refused.value)
    assert "\n" not in message
    assert "1 installed certificate(s)" in message
    assert "id 7 (station cs-2): 'OEMRootCertificate'" in message
    # nothing changed: rows, types, archive
    assert all_rows(database_180) == before
    assert column_type(database_180, "InstalledCertificates", "certificateType") == (
        "character varying(255)", False, None)
    assert query(database_180, "SELECT count(*) FROM pg_type WHERE typname LIKE 'enum_%'"
                 ) == [(0,)]
    assert not has_schema(database_180, ARCHIVE)


DUPLICATES = """
INSERT INTO "Authorizations" (id, "idToken", "idTokenType", "createdAt", "updatedAt", "tenantId")
VALUES
    (20, 'dup-x', 'ISO14443', now(), now(), 1),
    (21, 'DUP-X', 'ISO14443', now(), now(), 1),
    (22, 'Dup-X', 'ISO14443', now(), now(), 1),
    (23, 'CROSS', 'Central', now(), now(), 1),
    (24, 'CROSS', 'Central', now(), now(), 2),
    (25, 'cross', NULL, now(), now(), 2);
"""


def test_unique_index_refuses_real_duplicates_and_changes_nothing(database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME, CITEXT])
    execute(database_180, DUPLICATES)
    before = all_rows(database_180)

    with pytest.raises(Refused) as refused:
        run(database_180, [UNIQUE])
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{UNIQUE}: 2 group(s) of Authorizations share a token")
    assert "tenant 1 ids 20, 21, 22 token 'dup-x' / 'DUP-X' / 'Dup-X' type 'ISO14443'" in message
    assert "tenants 1, 2 ids 23, 24 token 'CROSS' type 'Central'" in message
    assert ", 25" not in message and "ids 25" not in message  # a NULL type is no conflict
    assert all_rows(database_180) == before
    assert query(database_180, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idToken_type'"
                 ) == [(0,)]


def test_unique_index_refusal_names_the_first_three_groups_and_counts_the_rest(
        database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME, CITEXT])
    execute(database_180, DUPLICATES + """
        INSERT INTO "Authorizations" (id, "idToken", "idTokenType", "createdAt", "updatedAt")
        VALUES (30, 'g3', 'Local', now(), now()), (31, 'G3', 'Local', now(), now()),
               (32, 'g4', 'Local', now(), now()), (33, 'g4', 'Local', now(), now());""")
    with pytest.raises(Refused, match=r": 4 group\(s\) .*ids 30, 31 .*; and 1 more;"):
        run(database_180, [UNIQUE])


def test_the_conflict_query_finds_the_same_groups_before_citext(database_180: URL) -> None:
    """The query is meant for a check ahead of the run too, while idToken is still varchar."""
    execute(database_180, DUPLICATES)
    sql = (stepping.REPO / "versions" / "1.8.2" / "sql" / "authorization-token-conflicts.sql"
           ).read_text(encoding="utf-8")
    assert [r[:6] for r in query(database_180, sql)] == [
        (1, 20, 1, "dup-x", "ISO14443", 3), (1, 21, 1, "DUP-X", "ISO14443", 3),
        (1, 22, 1, "Dup-X", "ISO14443", 3),
        (2, 23, 1, "CROSS", "Central", 2), (2, 24, 2, "CROSS", "Central", 2)]


def test_token_too_long_for_varchar_refuses_the_citext_down(database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME, CITEXT])
    execute(database_180, f"""
        INSERT INTO "Authorizations" (id, "idToken", "createdAt", "updatedAt")
        VALUES (40, '{"x" * 300}', now(), now());""")
    with pytest.raises(Refused, match=r"1 token\(s\) are longer \(id 40 \(tenant 1, 300 "):
        run(database_180, [CITEXT], "down")
    assert column_type(database_180, "Authorizations", "idToken") == ("citext", False, None)


# --- citext: who creates it, who drops it -------------------------------------------------------


def test_citext_down_keeps_an_extension_that_was_there_before(database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME])
    execute(database_180, "CREATE EXTENSION citext")
    run(database_180, [CITEXT])
    assert ARCHIVE not in query(database_180, "SELECT nspname FROM pg_namespace")
    run(database_180, [CITEXT], "down")
    assert has_citext(database_180)
    assert column_type(database_180, "Authorizations", "idToken") == (
        "character varying(255)", False, None)


def test_citext_down_keeps_the_extension_when_something_else_uses_it(database_180: URL) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME, CITEXT])
    execute(database_180, 'CREATE SCHEMA mine; CREATE TABLE mine.emails (a public.citext);')
    notes = run(database_180, [CITEXT], "down")
    assert has_citext(database_180)
    assert any("kept the citext extension" in n for n in notes), notes
    assert "20260113000000_citext" not in archive_tables(database_180)


@pytest.fixture
def app_role(pg_server: URL, database_180: URL) -> Iterator[str]:
    """A role that is no superuser (as CitrineOS's own database user usually is not); what it
    owns or was granted in the test database goes before the role."""
    role = f"app_{secrets.token_hex(4)}"
    execute(pg_server, f"CREATE ROLE {role} LOGIN PASSWORD 'app-pw' NOSUPERUSER")
    yield role
    execute(database_180, f"REASSIGN OWNED BY {role} TO CURRENT_USER; DROP OWNED BY {role}")
    execute(pg_server, f"DROP ROLE {role}")


def test_a_role_that_may_not_create_citext_is_told_what_a_superuser_must_run(
        database_180: URL, app_role: str) -> None:
    run(database_180, [REMOVE_ENUMS, USER_TENANT, REALTIME])
    # the app role owns the table but not the database: no CREATE on it, so no extension
    execute(database_180, f'ALTER TABLE "Authorizations" OWNER TO {app_role};'
                          f"GRANT USAGE ON SCHEMA public TO {app_role};")
    as_app = database_180.set(username=app_role, password="app-pw")
    before = all_rows(database_180)

    with pytest.raises(Refused) as refused:
        run(as_app, [CITEXT])
    message = str(refused.value)
    assert "\n" not in message
    assert f"role '{app_role}' may not create the citext extension" in message
    assert f"`CREATE EXTENSION citext;` in database '{database_180.database}'" in message
    assert all_rows(database_180) == before
    assert not has_citext(database_180)
    assert not has_schema(database_180, ARCHIVE)
    assert column_type(database_180, "Authorizations", "idToken") == (
        "character varying(255)", False, None)

    # citext is a trusted extension: CREATE on the database is enough, and the down, which
    # knows this step created it, drops it again
    execute(database_180, f'GRANT CREATE ON DATABASE "{database_180.database}" TO {app_role}')
    run(as_app, [CITEXT])
    assert column_type(database_180, "Authorizations", "idToken") == ("citext", False, None)
    run(as_app, [CITEXT], "down")
    assert not has_citext(database_180)
