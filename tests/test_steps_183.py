"""The nine steps of CitrineOS 1.8.3 against the real upstream schemas, and their data round trips.

Schema: each step k starts from a database loaded from dump k-1 (a copy of it), and after its up
the schema equals dump k (empty migra diff both ways, the same column order and, which migra does
not compare, the same table and column comments); after its down, dump k-1 again. A step that
adds only what is missing, as upstream's does, is run twice first and must change nothing.

Data: a 1.8.2 database (dump 18) with stations, transactions, OCPP messages, network profiles,
certificates, installed certificates and connectors (some without an evseId) goes up to 1.8.3,
gets values in every new column and table, goes down to 1.8.2 and up again: every row of every
table these steps touch is compared, column by column by name, with what it was. Rows deleted
while at 1.8.2, a failing restore, the refused down of make-connector-columns-nullable and the
certificate cascade are pinned down too.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, diff, steps
from citrine_state.errors import Refused

from .conftest import new_database
from .support.cli import citrine
from .support.reference import SCOPE, dump_for_step, psql_file
from .support.stepping import repo_project
from .test_steps_golden import column_order

PROJECT = repo_project()
STEPS = [s for s in steps.all_steps(PROJECT) if s.version == "1.8.3"]
NAMES = [s.name for s in STEPS]
BEFORE = "20260202120000-add-use16-status-notification-0-to-charging-stations"  # dump 18
GUARDED = {"20260211210000-add-dynamic-tenant-resolution", "20260219091500-add-tenant-path-mapping"}
ARCHIVE = PROJECT.settings["archive_schema"]


def _run(url: URL, chosen: list[steps.Step], direction: str) -> None:
    """Each step in its own transaction, as the runner does (down: in reverse order)."""
    ordered = list(reversed(chosen)) if direction == "down" else chosen
    with db.connect(url) as conn:
        for step in ordered:
            with conn.begin():
                steps.run_step(conn, PROJECT, step, direction, say=lambda _: None)


def _sql(url: URL, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    import sqlalchemy as sa

    with db.connect(url) as conn:
        result = conn.execute(sa.text(sql), params or {})
        out = [tuple(r) for r in result] if result.returns_rows else []
        conn.commit()
        return out


def _script(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        db.run_script(conn, sql)
        conn.commit()


def comments(url: URL) -> list[tuple[str, str | None, str]]:
    """(table, column or None, text) of every comment on a public table or column: migra's
    diff does not compare them, and three of these steps add some."""
    return _sql(url, """
        SELECT c.relname::text, a.attname::text, d.description
        FROM pg_description d
        JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
        WHERE c.relnamespace = 'public'::regnamespace
        ORDER BY 1, 2 NULLS FIRST""")


def schema_of(url: URL) -> tuple[Any, list, list]:
    """What the comparison looks at: the inspection (migra's diff), the column order and the
    comments."""
    with db.connect(url) as conn:
        inspected = diff.inspect(conn, SCOPE)
    return inspected, column_order(url), comments(url)


def assert_same(url: URL, expected: tuple[Any, list, list]) -> None:
    """The test of tests/test_steps_golden.py (an empty diff both ways, the same column order),
    and the same comments; ``expected`` is inspected once per module (``schema_of``)."""
    live, order, notes = schema_of(url)
    forward, backward = diff.compare(live, expected[0]), diff.compare(expected[0], live)
    assert forward.in_sync, f"live -> expected differs: {forward.as_dict()}"
    assert backward.in_sync, f"expected -> live differs: {backward.as_dict()}"
    assert order == expected[1]
    assert notes == expected[2]


def _copy(pg_server: URL, template: URL, prefix: str) -> URL:
    url = pg_server.set(database=f"{prefix}_{secrets.token_hex(5)}")
    db.create_database(url, template=template.database)
    return url


@pytest.fixture(scope="module")
def reference(pg_server: URL) -> Iterator:
    """``reference(step)``: a database loaded from the upstream dump right after ``step``, once
    per module (a template for copies)."""
    made: dict[str, URL] = {}

    def get(step: str) -> URL:
        if step not in made:
            path = dump_for_step(step)  # skips (or fails under CI) before anything is made
            made[step] = new_database(pg_server, "ref183")
            psql_file(made[step], path)
        return made[step]

    yield get
    for url in made.values():
        db.drop_database(url)


@pytest.fixture(scope="module")
def dump(reference) -> Callable[[str], tuple[Any, list, list]]:
    """``dump(step)``: the upstream schema right after ``step``, inspected once per module."""
    seen: dict[str, tuple[Any, list, list]] = {}

    def get(step: str) -> tuple[Any, list, list]:
        if step not in seen:
            seen[step] = schema_of(reference(step))
        return seen[step]

    return get


# --- schema: load dump k-1, apply step k --------------------------------------------------------


@pytest.mark.parametrize("index", range(len(NAMES)), ids=NAMES)
def test_step_turns_the_previous_dump_into_its_own_and_down_gives_the_previous_back(
        index: int, pg_server: URL, reference, dump) -> None:
    step = STEPS[index]
    previous = NAMES[index - 1] if index else BEFORE
    url = _copy(pg_server, reference(previous), "s183")
    try:
        _run(url, [step], "up")
        assert_same(url, dump(step.name))
        if step.name in GUARDED:  # run again on its own result: nothing changes
            _run(url, [step], "up")
            assert_same(url, dump(step.name))
        _run(url, [step], "down")
        assert_same(url, dump(previous))
    finally:
        db.drop_database(url)


def test_the_config_lists_exactly_the_nine_upstream_files_of_1_8_3() -> None:
    numbered = sorted(p.name for p in dump_for_step(BEFORE).parent.glob("[0-9][0-9]-*.sql"))
    upstream = [re.sub(r"^\d\d-|\.sql$", "", n) for n in numbered if "19" <= n[:2] <= "27"]
    assert NAMES == upstream
    assert PROJECT.release_for(set(PROJECT.steps_up_to(PROJECT.version("1.8.3")))) == \
        "CitrineOS 1.8.3"


# --- data --------------------------------------------------------------------------------------

T0 = "'2026-01-15 08:00:00+00'"
DATA_182 = f"""
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
VALUES (1, 'Default Tenant', {T0}, {T0}), (2, 'Second', {T0}, {T0}) ON CONFLICT (id) DO NOTHING;
INSERT INTO "ChargingStations" (id, "isOnline", protocol, "createdAt", "updatedAt", "tenantId")
VALUES ('cs-1', true, 'ocpp2.0.1', {T0}, {T0}, 1),
       ('cs-2', false, 'ocpp1.6', {T0}, {T0}, 2),
       ('cs-3', true, 'ocpp2.0.1', {T0}, {T0}, 1);
INSERT INTO "Evses" (id, "stationId", "evseTypeId", "createdAt", "updatedAt")
VALUES (1, 'cs-1', 1, {T0}, {T0});
-- connectors 2 and 3 have no EVSE: 1.8.0 allows it, upstream's down of 1.8.3 fails on them
INSERT INTO "Connectors" (id, "stationId", "connectorId", "evseId", status, "createdAt",
                          "updatedAt", "tenantId")
VALUES (1, 'cs-1', 1, 1, 'Available', {T0}, {T0}, 1),
       (2, 'cs-1', 2, NULL, 'Faulted', {T0}, {T0}, 1),
       (3, 'cs-2', 1, NULL, DEFAULT, {T0}, {T0}, 2);
INSERT INTO "Transactions" (id, "stationId", "transactionId", "isActive", "totalKwh",
                            "createdAt", "updatedAt", "tenantId")
VALUES (1, 'cs-1', 'tx-1', false, 12.5, {T0}, {T0}, 1),
       (2, 'cs-1', 'tx-2', true, NULL, {T0}, {T0}, 1),
       (3, 'cs-2', 'tx-3', false, 3.25, {T0}, {T0}, 2);
INSERT INTO "OCPPMessages" (id, "stationId", "correlationId", origin, protocol, action, message,
                            "timestamp", "createdAt", "updatedAt", "tenantId")
VALUES (1, 'cs-1', 'c-1', 'csms', 'ocpp2.0.1', 'GetVariables', '[2, "c-1", "GetVariables", {{}}]',
        {T0}, {T0}, {T0}, 1),
       (2, 'cs-1', 'c-1', 'cs', 'ocpp2.0.1', NULL, '[3, "c-1", {{}}]', {T0}, {T0}, {T0}, 1),
       (3, 'cs-2', 'c-2', 'csms', 'ocpp1.6', 'Reset', '[2, "c-2", "Reset", {{}}]',
        {T0}, {T0}, {T0}, 2),
       (4, 'cs-2', 'c-2', 'cs', 'ocpp1.6', NULL, '[3, "c-2", {{}}]', {T0}, {T0}, {T0}, 2),
       (5, 'cs-3', 'c-3', 'cs', 'ocpp2.0.1', 'Heartbeat', '[2, "c-3", "Heartbeat", {{}}]',
        {T0}, {T0}, {T0}, 1);
INSERT INTO "ServerNetworkProfiles" (id, host, port, "securityProfile", "createdAt", "updatedAt",
                                     "tenantId")
VALUES ('ws-a', '0.0.0.0', 8080, 1, {T0}, {T0}, 1),
       ('ws-b', '0.0.0.0', 8443, 2, {T0}, {T0}, 1),
       ('ws-c', '0.0.0.0', 8444, 3, {T0}, {T0}, 2);
INSERT INTO "Certificates" (id, "serialNumber", "issuerName", "commonName", "isCA",
                            "createdAt", "updatedAt", "tenantId")
VALUES (1, 1001, 'CN=Root', 'root', true, {T0}, {T0}, 1),
       (2, 1002, 'CN=Root', 'csms', false, {T0}, {T0}, 1),
       (3, 1003, 'CN=Other', 'other', false, {T0}, {T0}, 2);
INSERT INTO "InstalledCertificates" (id, "stationId", "hashAlgorithm", "issuerNameHash",
                                     "issuerKeyHash", "serialNumber", "certificateType",
                                     "createdAt", "updatedAt", "tenantId")
VALUES (1, 'cs-1', 'SHA256', 'n1', 'k1', '1001', 'V2GRootCertificate', {T0}, {T0}, 1),
       (2, 'cs-2', 'SHA256', 'n1', 'k1', '1001', 'V2GRootCertificate', {T0}, {T0}, 2),
       (3, 'cs-1', 'SHA256', 'n2', 'k2', '1002', 'CSMSRootCertificate', {T0}, {T0}, 1),
       (4, 'cs-3', 'SHA256', 'n3', 'k3', '1003', 'ManufacturerRootCertificate', {T0}, {T0}, 1);
SELECT setval(pg_get_serial_sequence('"' || t || '"', 'id'), 10)
FROM unnest(ARRAY['Tenants', 'Evses', 'Connectors', 'Transactions', 'OCPPMessages',
                  'Certificates', 'InstalledCertificates']) AS t;
"""

T1 = "'2026-02-21 10:00:00+00'"
# What CitrineOS 1.8.3 writes: a value in every new column of some rows, rows in the new tables.
# Attempt 3 of each kind is deleted again, so each sequence stands past the last row.
FILL_183 = f"""
UPDATE "Transactions" SET "meterStart" = 1000.5 WHERE id = 1;
UPDATE "Transactions" SET "meterStart" = 0 WHERE id = 2;
UPDATE "ChargingStations" SET "latestOcppMessageTimestamp" = {T1} WHERE id IN ('cs-1', 'cs-3');
UPDATE "OCPPMessages" SET state = 'answered' WHERE id = 1;
UPDATE "OCPPMessages" SET state = 'response', "requestMessageId" = 1 WHERE id = 2;
UPDATE "OCPPMessages" SET "requestMessageId" = 3 WHERE id = 4;
UPDATE "ServerNetworkProfiles" SET "dynamicTenantResolution" = true,
    "maxConnectionsPerTenant" = 50, "tenantPathMapping" = '{{"north": 1, "south": 2}}'
WHERE id = 'ws-a';
UPDATE "ServerNetworkProfiles" SET "maxConnectionsPerTenant" = 10 WHERE id = 'ws-b';
UPDATE "ServerNetworkProfiles" SET "tenantPathMapping" = '{{}}' WHERE id = 'ws-c';
UPDATE "Certificates" SET "certificateFileHash" = 'sha256:aa' WHERE id = 1;
UPDATE "Certificates" SET "certificateFileHash" = 'sha256:bb' WHERE id = 2;
UPDATE "InstalledCertificates" SET "certificateId" = 1 WHERE id IN (1, 2);
UPDATE "InstalledCertificates" SET "certificateId" = 2 WHERE id = 3;
INSERT INTO "InstallCertificateAttempts" ("stationId", "certificateType", "certificateId",
                                          status, "tenantId", "createdAt", "updatedAt")
VALUES ('cs-1', 'V2GRootCertificate', 1, 'Accepted', 1, {T1}, {T1}),
       ('cs-2', 'CSMSRootCertificate', NULL, NULL, 2, {T1}, {T1}),
       ('cs-1', 'V2GRootCertificate', 2, 'Rejected', 1, {T1}, {T1}),
       ('cs-3', 'MORootCertificate', 2, 'Accepted', 1, {T1}, {T1});
DELETE FROM "InstallCertificateAttempts" WHERE id = 3;
INSERT INTO "DeleteCertificateAttempts" ("stationId", "hashAlgorithm", "issuerNameHash",
                                         "issuerKeyHash", "serialNumber", status, "tenantId",
                                         "createdAt", "updatedAt")
VALUES ('cs-1', 'SHA256', 'n1', 'k1', '1001', 'Accepted', 1, {T1}, {T1}),
       ('cs-3', 'SHA384', NULL, NULL, NULL, NULL, 1, {T1}, {T1}),
       ('cs-2', 'SHA256', 'n1', 'k1', '1001', 'Failed', 2, {T1}, {T1});
DELETE FROM "DeleteCertificateAttempts" WHERE id = 3;
"""

TOUCHED = ("Transactions", "ChargingStations", "OCPPMessages", "ServerNetworkProfiles",
           "Certificates", "InstalledCertificates", "Connectors", "InstallCertificateAttempts",
           "DeleteCertificateAttempts")
ATTEMPT_SEQUENCES = ("InstallCertificateAttempts_id_seq", "DeleteCertificateAttempts_id_seq")


def rows_of(url: URL) -> dict[str, Any]:
    """Every row of every touched table that exists, as {column name: value} in id order, and
    the attempt sequences' positions. Columns are named one by one from the catalog."""
    out: dict[str, Any] = {}
    for table in TOUCHED:
        columns = [c for (c,) in _sql(url, """
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = :t ORDER BY column_name""",
            {"t": table})]
        if not columns:
            continue
        listed = ", ".join(f'"{c}"' for c in columns)
        out[table] = [dict(zip(columns, r, strict=True))
                      for r in _sql(url, f'SELECT {listed} FROM public."{table}" ORDER BY id')]
    for seq in ATTEMPT_SEQUENCES:
        if _sql(url, "SELECT to_regclass(:s)", {"s": f'public."{seq}"'})[0][0]:
            out[seq] = _sql(url, f'SELECT last_value, is_called FROM public."{seq}"')
    return out


def archive_tables(url: URL) -> list[str]:
    return [t for (t,) in _sql(url, """
        SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = :a AND c.relkind = 'r' AND c.relname LIKE '2026%' ORDER BY 1""",
        {"a": ARCHIVE})]


@pytest.fixture(scope="module")
def data182(pg_server: URL, reference) -> Iterator[URL]:
    """A template: dump 18 (a real 1.8.2 schema) with the rows of DATA_182."""
    url = _copy(pg_server, reference(BEFORE), "d182")
    _script(url, DATA_182)
    yield url
    db.drop_database(url)


@pytest.fixture
def db182(pg_server: URL, data182: URL) -> Iterator[URL]:
    url = _copy(pg_server, data182, "t182")
    yield url
    db.drop_database(url)


def test_down_to_1_8_2_and_up_again_gives_back_every_row_and_value(db182: URL, dump) -> None:
    at_182 = rows_of(db182)
    _run(db182, STEPS, "up")
    up = rows_of(db182)  # the old columns keep their values, the new ones hold their defaults
    assert {t: [{c: row[c] for c in at_182[t][0]} for row in up[t]] for t in at_182} == at_182
    assert {row["dynamicTenantResolution"] for row in up["ServerNetworkProfiles"]} == {False}
    assert {row["meterStart"] for row in up["Transactions"]} == {None}
    assert up["InstallCertificateAttempts"] == up["DeleteCertificateAttempts"] == []
    _script(db182, FILL_183)
    at_183 = rows_of(db182)
    assert at_183["InstallCertificateAttempts_id_seq"] == [(4, True)]  # attempt 3 is deleted

    _run(db182, STEPS, "down")  # connectors without an EVSE do not stop it
    assert rows_of(db182) == at_182
    assert_same(db182, dump(BEFORE))
    assert archive_tables(db182) == sorted(
        f"{s.timestamp}_{t}" for s, t in [
            (STEPS[0], "Transactions"), (STEPS[1], "ChargingStations"),
            (STEPS[2], "OCPPMessages"), (STEPS[3], "ServerNetworkProfiles"),
            (STEPS[4], "Certificates"), (STEPS[5], "InstalledCertificates"),
            (STEPS[6], "InstallCertificateAttempts"), (STEPS[6], "DeleteCertificateAttempts"),
            (STEPS[6], "InstallCertificateAttempts_id_seq"),
            (STEPS[6], "DeleteCertificateAttempts_id_seq"),
            (STEPS[7], "ServerNetworkProfiles")])
    # Only what differs from what a fresh up gives is archived (a meter start of 0 is a value).
    assert _sql(db182, f'SELECT id, "meterStart" FROM {ARCHIVE}."20260204120000_Transactions" '
                       "ORDER BY id") == [(1, Decimal("1000.5")), (2, Decimal("0"))]
    assert _sql(db182, f"SELECT id FROM {ARCHIVE}.\"20260211210000_ServerNetworkProfiles\" "
                       "ORDER BY id") == [("ws-a",), ("ws-b",)]

    _run(db182, STEPS, "up")
    assert rows_of(db182) == at_183
    assert_same(db182, dump(NAMES[-1]))
    assert archive_tables(db182) == []
    # The sequences continue where they were, past the deleted attempt 3 of each table.
    assert _sql(db182, "SELECT nextval('\"InstallCertificateAttempts_id_seq\"'), "
                       "nextval('\"DeleteCertificateAttempts_id_seq\"')") == [(5, 4)]


def test_rows_deleted_while_at_1_8_2_leave_their_values_behind_and_orphans_stay_archived(
        db182: URL) -> None:
    _run(db182, STEPS, "up")
    _script(db182, FILL_183)
    at_183 = rows_of(db182)
    _run(db182, STEPS, "down")
    # CitrineOS 1.8.2 deletes things that 1.8.3's values point at.
    _script(db182, """
        DELETE FROM "Transactions" WHERE id = 2;
        DELETE FROM "OCPPMessages" WHERE id = 1;       -- the request message 2 answers
        DELETE FROM "ServerNetworkProfiles" WHERE id = 'ws-b';
        DELETE FROM "InstalledCertificates" WHERE id = 4;
        DELETE FROM "ChargingStations" WHERE id = 'cs-3';   -- it has attempts of both kinds
        DELETE FROM "Certificates" WHERE id = 1;       -- installed twice, one install attempt
    """)
    _run(db182, STEPS, "up")
    now = rows_of(db182)

    def by_id(table: str, rows: dict[str, Any]) -> dict[Any, dict]:
        return {r["id"]: r for r in rows[table]}

    assert [r["meterStart"] for r in now["Transactions"]] == [Decimal("1000.5"), None]
    assert by_id("ChargingStations", now).keys() == {"cs-1", "cs-2"}
    assert by_id("ChargingStations", now)["cs-1"] == by_id("ChargingStations", at_183)["cs-1"]
    msgs = by_id("OCPPMessages", now)
    assert (msgs[2]["state"], msgs[2]["requestMessageId"]) == ("response", None)  # SET NULL
    assert msgs[4] == by_id("OCPPMessages", at_183)[4]
    assert [r["id"] for r in now["ServerNetworkProfiles"]] == ["ws-a", "ws-c"]
    assert now["ServerNetworkProfiles"][0] == at_183["ServerNetworkProfiles"][0]
    assert [(r["id"], r["certificateFileHash"]) for r in now["Certificates"]] == [
        (2, "sha256:bb"), (3, None)]
    # The certificate went while no key tied them to it: the rows stay, without a link.
    assert [(r["id"], r["certificateId"]) for r in now["InstalledCertificates"]] == [
        (1, None), (2, None), (3, 2)]
    assert [r["id"] for r in now["InstallCertificateAttempts"]] == [2]
    assert [r["id"] for r in now["DeleteCertificateAttempts"]] == [1]
    # The attempts whose station or certificate is gone wait in the archive, whole.
    assert archive_tables(db182) == ["20260213120000_DeleteCertificateAttempts",
                                     "20260213120000_InstallCertificateAttempts"]
    kept = {r["id"]: r for r in at_183["InstallCertificateAttempts"]}
    assert _sql(db182, f"""SELECT id, "stationId", "certificateType", "certificateId", status,
                           "tenantId", "createdAt", "updatedAt"
                           FROM {ARCHIVE}."20260213120000_InstallCertificateAttempts"
                           ORDER BY id""") == [tuple(kept[i][c] for c in (
        "id", "stationId", "certificateType", "certificateId", "status", "tenantId",
        "createdAt", "updatedAt")) for i in (1, 4)]
    assert _sql(db182, f'SELECT id, "stationId" FROM '
                       f'{ARCHIVE}."20260213120000_DeleteCertificateAttempts"') == [(2, "cs-3")]
    # New attempts get ids past every archived one; a later round trip keeps both kinds.
    assert _sql(db182, "SELECT nextval('\"InstallCertificateAttempts_id_seq\"')") == [(5,)]
    before = rows_of(db182)
    _run(db182, STEPS, "down")
    _run(db182, STEPS, "up")
    assert rows_of(db182) == before
    assert _sql(db182, f"SELECT count(*) FROM {ARCHIVE}."
                       '"20260213120000_InstallCertificateAttempts"') == [(2,)]


def test_a_failing_restore_leaves_the_schema_and_the_archive_as_they_were(
        db182: URL, dump) -> None:
    _run(db182, STEPS, "up")
    _script(db182, FILL_183)
    _run(db182, STEPS, "down")
    archived = _sql(db182, f'SELECT id, "meterStart" FROM {ARCHIVE}."20260204120000_Transactions"'
                           " ORDER BY id")
    _script(db182, """
        CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'no updates now'; END $$;
        CREATE TRIGGER refuse BEFORE UPDATE ON "Transactions"
            FOR EACH ROW EXECUTE FUNCTION public.refuse();
    """)
    with pytest.raises(Exception, match="no updates now"):
        _run(db182, STEPS[:1], "up")
    _script(db182, 'DROP TRIGGER refuse ON "Transactions"; DROP FUNCTION public.refuse();')
    assert_same(db182, dump(BEFORE))  # no meterStart column
    assert _sql(db182, f'SELECT id, "meterStart" FROM {ARCHIVE}."20260204120000_Transactions"'
                       " ORDER BY id") == archived
    _run(db182, STEPS[:1], "up")
    assert [r["meterStart"] for r in rows_of(db182)["Transactions"]] == [
        Decimal("1000.5"), Decimal("0"), None]


def test_connectors_without_connector_id_refuse_the_down_by_name_and_nothing_changes(
        db182: URL, dump) -> None:
    _run(db182, STEPS, "up")
    _script(db182, """INSERT INTO "Connectors" (id, "stationId", "connectorId", "createdAt",
                                              "updatedAt")
                      SELECT 100 + n, CASE WHEN n % 2 = 0 THEN 'cs-1' ELSE 'cs-2' END, NULL,
                             now(), now()
                      FROM generate_series(1, 12) AS n;""")
    before = rows_of(db182)
    with pytest.raises(Refused) as refused:
        _run(db182, STEPS, "down")  # make-connector-columns-nullable's down runs first
    message = str(refused.value)
    assert message.startswith("20260220120000-make-connector-columns-nullable: cannot make "
                              "Connectors.connectorId NOT NULL again: 12 connector(s) have none: "
                              "id 101 (station cs-2), id 102 (station cs-1), ")
    assert "id 110 (station cs-1) and 2 more;" in message and "id 111" not in message
    assert "give them a connectorId or delete them" in message
    assert rows_of(db182) == before
    assert_same(db182, dump(NAMES[-1]))
    assert archive_tables(db182) == []

    _script(db182, 'UPDATE "Connectors" SET "connectorId" = id WHERE "connectorId" IS NULL')
    _run(db182, STEPS[-1:], "down")
    assert_same(db182, dump(NAMES[-2]))


def test_deleting_a_certificate_at_1_8_3_deletes_its_installed_certificates_and_attempts(
        db182: URL) -> None:
    """The breaking change the config names: upstream's foreign keys cascade."""
    _run(db182, STEPS, "up")
    _script(db182, FILL_183)
    _script(db182, 'DELETE FROM "Certificates" WHERE id = 1')
    assert _sql(db182, 'SELECT id, "certificateId" FROM "InstalledCertificates" ORDER BY id') \
        == [(3, 2), (4, None)]
    assert _sql(db182, 'SELECT id FROM "InstallCertificateAttempts" ORDER BY id') == [(2,), (4,)]


def test_rollback_to_1_8_2_and_the_consolidated_reupgrade_lose_nothing(
        project, database: URL) -> None:
    """The same round trip through the commands: ``rollback 1.8.2`` runs the downs, and the
    consolidated 1.8.2 -> 1.8.3 migration runs the steps' restore files in its data phase,
    before its contract phase adds the foreign keys."""
    from citrine_state.project import load

    proj = load(project)
    consolidated = project / "versions" / "1.8.3" / "v1.8.3-consolidated.sql"
    if not any(v.name == "1.8.2" for v in proj.modelled_versions) or not consolidated.is_file():
        pytest.skip("needs the 1.8.2 and 1.8.3 models and versions/1.8.3/v1.8.3-consolidated.sql")

    def ok(*args: str) -> str:
        run = citrine(*args, project=project, url=database)
        assert run.code == 0, run.text
        return run.text

    ok("version", "1.8.3")
    _script(database, DATA_182 + FILL_183)
    at_183 = rows_of(database)
    ok("rollback", "1.8.2")
    assert len(archive_tables(database)) == 11
    assert "1.8.2 -> 1.8.3" in ok("consolidated")
    assert rows_of(database) == at_183
    assert archive_tables(database) == []
    ok("verify", "--version", "1.8.3")
