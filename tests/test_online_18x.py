"""The 15 steps of 1.8.1-1.8.3 run online (issue 18): a real 1.8.0 database upgraded by
``migrate`` beside a writer, the plan that says which step needs a window, and a conflicting
token that arrives after 1.8.2's pre-flight.

Every test starts from a copy of one database: reference dump 12 (a real 1.8.0 database, its
SequelizeMeta as CitrineOS 1.8.0 leaves it) with a tenant, a station, OCPP messages and
authorizations.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from citrine_state import api, db
from citrine_state.online_run import OnlineStepFailed
from citrine_state.project import load as load_project

from .conftest import new_database
from .support import reference, stepping
from .support.cli import citrine

UNIQUE = "20260122000000-add-authorization-unique-index"

DATA = """
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt") VALUES
    (1, 'Default Tenant', '2025-01-01', '2025-01-01');
INSERT INTO "ChargingStations" (id, "isOnline", "createdAt", "updatedAt", "tenantId")
    VALUES ('CS1', true, now(), now(), 1);
INSERT INTO "OCPPMessages" ("stationId", "correlationId", origin, protocol, action, message,
    "timestamp", "createdAt", "updatedAt", "tenantId")
SELECT 'CS1', md5(k::text), 'cs', 'ocpp2.0.1', 'Heartbeat', '[2, "x", "Heartbeat", {}]'::jsonb,
       now(), now(), now(), 1 FROM generate_series(1, 2000) AS k;
INSERT INTO "Authorizations" ("idToken", "idTokenType", "createdAt", "updatedAt", "tenantId",
    status)
SELECT 'TOKEN-' || k, 'ISO14443', now(), now(), 1, 'Accepted' FROM generate_series(1, 200) AS k;
"""


def _exec(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        result = conn.execute(sa.text(sql))
        rows = [tuple(r) for r in result] if result.returns_rows else []
        conn.commit()
        return rows


@pytest.fixture(scope="module")
def base(pg_server: URL) -> Iterator[URL]:
    url = new_database(pg_server, "onl")
    reference.psql_file(url, reference.dump_for_step("20250903102900-create-evses"))
    project = load_project(stepping.REPO)
    names = ", ".join(f"('{n}.ts')" for n in
                      project.version("1.7.0").steps + project.version("1.8.0").steps)
    with db.connect(url) as conn:
        db.run_script(conn, f'INSERT INTO "SequelizeMeta" (name) VALUES {names};' + DATA)
        conn.commit()
    yield url
    db.drop_database(url)


@pytest.fixture
def database(pg_server: URL, base: URL) -> Iterator[URL]:
    url = pg_server.set(database=f"onl_{secrets.token_hex(5)}")
    db.create_database(url, template=base.database)
    yield url
    db.drop_database(url)


class _Station(threading.Thread):
    """A station's traffic in autocommit: an OCPP message inserted and a token read, every
    10 ms; every error is kept."""

    def __init__(self, url: URL) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.errors: list[str] = []
        self.rounds = 0
        self.worst = 0.0

    def run(self) -> None:
        with db.connect(self.url) as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    conn.exec_driver_sql(
                        'INSERT INTO "OCPPMessages" ("stationId", "correlationId", origin, '
                        'protocol, action, message, "timestamp", "createdAt", "updatedAt", '
                        "\"tenantId\") VALUES ('CS1', 'live', 'cs', 'ocpp2.0.1', 'Heartbeat', "
                        "'[2, \"live\", \"Heartbeat\", {}]'::jsonb, now(), now(), now(), 1)")
                    conn.exec_driver_sql(
                        'SELECT id FROM "Authorizations" WHERE "idToken" = \'TOKEN-7\'').all()
                except Exception as exc:  # noqa: BLE001 - any error is what the test counts
                    self.errors.append(str(exc).splitlines()[0])
                self.worst = max(self.worst, time.monotonic() - started)
                self.rounds += 1
                time.sleep(0.01)


def test_a_180_database_goes_to_183_beside_a_station_that_never_sees_an_error(
        project, database: URL) -> None:
    station = _Station(database)
    station.start()
    try:
        time.sleep(0.2)
        run = citrine("migrate", project=project, url=database)
    finally:
        station.stop.set()
        station.join(10)
    assert run.code == 0, run.text
    assert "now at version 1.8.3, verified" in run.out
    assert station.errors == []
    assert station.rounds > 50
    # the online parts ran outside the steps' transactions
    assert 'online: CREATE INDEX CONCURRENTLY "idx_ocpp_messages_request_message_id"' in run.err
    assert 'VALIDATE CONSTRAINT "OCPPMessages_requestMessageId_fkey"' in run.err
    assert 'CREATE UNIQUE INDEX CONCURRENTLY "idToken_type"' in run.err
    assert "UNIQUE USING INDEX" in run.err
    assert _exec(database, "SELECT count(*) FROM pg_index WHERE NOT indisvalid") == [(0,)]


def test_status_and_the_dry_run_say_that_remove_enums_needs_a_window_and_name_its_tables(
        project, database: URL) -> None:
    proj = api.open_project(project)
    status = api.status(proj, database)
    by_step = {t["step"]: t for t in status.traffic}
    assert len(by_step) == 15
    window = [name for name, t in by_step.items() if not t["online"]]
    assert window == ["20251111160000-remove-enums"]
    texts = [h["text"] for h in by_step["20251111160000-remove-enums"]["holds"]]
    assert any(t.startswith("ACCESS EXCLUSIVE on Connectors (") and "rewrite" in t
               for t in texts), texts
    assert any(t.startswith("ACCESS EXCLUSIVE on InstalledCertificates (") for t in texts)
    ocpp = by_step["20260210120000-add-request-message-id-to-ocpp-messages"]["holds"]
    assert [h["lock"] for h in ocpp] == ["ACCESS EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
                                         "SHARE UPDATE EXCLUSIVE"]
    assert all(not h["blocks_writes"] for h in ocpp[1:])
    assert 'public."OCPPMessages" (' in ocpp[1]["text"]

    shown = citrine("status", project=project, url=database)
    assert "Needs a window: 1 of 15 pending step(s)" in shown.out
    assert "  WINDOW  20251111160000-remove-enums" in shown.out
    planned = citrine("migrate", "--dry-run", project=project, url=database)
    assert planned.code == 0, planned.text
    assert "-- Needs a window: 1 of 15 pending step(s)" in planned.out
    assert ("-- online, outside any transaction: SHARE UPDATE EXCLUSIVE on "
            'public."OCPPMessages", writes keep flowing; reads every row') in planned.out


def test_a_conflicting_token_after_the_preflight_fails_the_index_cleanly_and_a_rerun_continues(
        project, database: URL) -> None:
    proj = api.open_project(project)

    def say(line: str) -> None:
        # a station's new token arrives between the pre-flight and the concurrent build
        if 'CREATE UNIQUE INDEX CONCURRENTLY "idToken_type"' in line:
            _exec(database, 'INSERT INTO "Authorizations" ("idToken", "idTokenType", '
                            '"createdAt", "updatedAt", "tenantId", status) VALUES '
                            "('token-7', 'ISO14443', now(), now(), 1, 'Accepted')")

    with pytest.raises(OnlineStepFailed) as failed:
        api.migrate(proj, database, say=say)
    text = str(failed.value)
    assert f"step {UNIQUE}: its index idToken_type on public.\"Authorizations\" does not " \
           "hold" in text and "the step was undone" in text
    # the same report as the pre-flight's (status shows it too, below)
    summaries = [f.summary for f in failed.value.findings]
    assert summaries == ["token 'TOKEN-7' / 'token-7' type 'ISO14443': 2 Authorizations in "
                         "tenant 1 (ids 7, 201)"], summaries
    assert _exec(database, "SELECT to_regclass('public.\"idToken_type\"')") == [(None,)]
    status = api.status(proj, database)
    assert status.state == "between-versions", status.summary
    assert "1.8.1 + 2 step(s) of 1.8.2" in status.summary
    assert [f.summary for f in status.preflight] == summaries

    _exec(database, 'UPDATE "Authorizations" SET "idTokenType" = NULL WHERE id = 201')
    assert api.migrate(proj, database).version == "1.8.3"
