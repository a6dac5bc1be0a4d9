"""Reliability (issue 8): blocked table locks, concurrent runners, killed runs, edited history.

Every test runs the real console script against a real PostgreSQL and tries to break a promise
of the README's "Guarantees" section.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from citrine_state import db

from .support.cli import _render, citrine
from .support.stepping import repo_project, step_names
from .test_migrate import ALL, STEPS_17X, _rows, real_17x

REALTIME = "20250618150800-update-existing-authorization-to-include-realtimeauth"
PENDING_17X = len(ALL) - len(STEPS_17X)
LATEST = repo_project().latest.name


def _popen(*args: str, project: Path, url: object) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CITRINE_DATABASE_URL", "DATABASE_URL", "CITRINE_PROJECT")}
    env.update(CITRINE_PROJECT=str(project), CITRINE_DATABASE_URL=_render(url))
    return subprocess.Popen([sys.executable, "-m", "citrine_state", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def _columns(url: object, table: str) -> list[tuple]:
    return _rows(url, "SELECT column_name, data_type, column_default FROM "
                      "information_schema.columns WHERE table_name = %(t)s ORDER BY 1",
                 {"t": table})


class _Probe(threading.Thread):
    """The stations' traffic: a plain SELECT on ``table``, again and again, timing each."""

    def __init__(self, url: object, table: str) -> None:
        super().__init__(daemon=True)
        self.url, self.table = url, table
        self.stop = threading.Event()
        self.latencies: list[float] = []

    def run(self) -> None:
        with db.connect(self.url) as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            while not self.stop.is_set():
                started = time.monotonic()
                conn.exec_driver_sql(f'SELECT count(*) FROM "{self.table}"').scalar()
                self.latencies.append(time.monotonic() - started)
                time.sleep(0.005)


# --- live traffic: lock_timeout, rollback, backoff, retry ---------------------------------------


def test_a_step_blocked_by_an_open_transaction_gives_up_cleanly_without_queueing_traffic(
    project: Path, database
) -> None:
    real_17x(database)
    before = _columns(database, "Authorizations")
    probe = _Probe(database, "Authorizations")
    with db.connect(database) as blocker:
        # A station's transaction that read Authorizations and is still open.
        blocker.exec_driver_sql('SELECT count(*) FROM "Authorizations"').scalar()
        probe.start()
        started = time.monotonic()
        proc = _popen("migrate", "--lock-timeout", "200ms", "--lock-retries", "2",
                      project=project, url=database)
        out, err = proc.communicate(timeout=300)
        elapsed = time.monotonic() - started
        probe.stop.set()
        probe.join()
        blocker.rollback()
    assert proc.returncode == 2, out + err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: step " + REALTIME + " (up) could not get table "
                           '"Authorizations" within lock_timeout 200ms on 3 attempt(s)'), err
    assert "nothing of it remains" in last and "idle in transaction" in last
    assert err.count("rolled back, retry") == 2  # 1s then 2s of backoff
    assert "Traceback" not in err
    assert elapsed < 60
    # The step left nothing: same columns, not in SequelizeMeta, no ledger row.
    assert _columns(database, "Authorizations") == before
    assert _rows(database, 'SELECT count(*) FROM "SequelizeMeta"') == [(5,)]
    assert _rows(database, "SELECT count(*) FROM citrine_state.applied WHERE name = %(n)s",
                 {"n": REALTIME}) == [(0,)]
    # The traffic queued behind the waiting ALTER (so the probe did meet it), but never for
    # much longer than lock_timeout.
    assert len(probe.latencies) > 20
    assert max(probe.latencies) > 0.1
    assert max(probe.latencies) < 1.5, sorted(probe.latencies)[-5:]


def _batch(project: Path, selection: str, name: str) -> None:
    run = citrine("select", "--select", selection, "--name", name, "--description", "d",
                  "--yes", project=project)
    assert run.code == 0, run.text


def test_a_custom_batch_blocked_by_an_open_transaction_gives_up_cleanly_without_queueing_traffic(
    project: Path, database
) -> None:
    real_17x(database)
    _batch(project, "6,7", "auth-hotfix")  # realTimeAuth, flatten-authorization
    before = _columns(database, "Authorizations")
    probe = _Probe(database, "Authorizations")
    with db.connect(database) as blocker:
        blocker.exec_driver_sql('SELECT count(*) FROM "Authorizations"').scalar()
        probe.start()
        proc = _popen("custom", "auth-hotfix", "--lock-timeout", "200ms", "--lock-retries", "2",
                      project=project, url=database)
        out, err = proc.communicate(timeout=300)
        probe.stop.set()
        probe.join()
        blocker.rollback()
    assert proc.returncode == 2, out + err
    last = err.strip().splitlines()[-1]
    assert last.startswith('error: custom batch auth-hotfix could not get table "Authorizations" '
                           "within lock_timeout 200ms on 3 attempt(s)"), err
    assert "nothing of it remains" in last and "idle in transaction" in last
    assert err.count("rolled back, retry") == 2
    assert "Traceback" not in err
    # Nothing of the batch remains: the adoption of CitrineOS's five steps (its own committed
    # transaction, before the batch) is all the ledger gained.
    assert _columns(database, "Authorizations") == before
    assert _rows(database, 'SELECT count(*) FROM "SequelizeMeta"') == [(5,)]
    # (and the repair of the sequence upstream's runner leaves behind, settled with it)
    assert _rows(database, "SELECT kind, count(*) FROM citrine_state.applied "
                           "WHERE kind <> 'repaired' GROUP BY kind") == [("adopted", 5)]
    assert len(probe.latencies) > 20 and max(probe.latencies) < 1.5, \
        sorted(probe.latencies)[-5:]


def test_a_custom_rollback_blocked_by_an_open_transaction_gives_up_cleanly(
    project: Path, database
) -> None:
    real_17x(database)
    _batch(project, "6", "realtime")
    assert citrine("custom", "realtime", project=project, url=database).code == 0
    applied = _columns(database, "Authorizations")
    with db.connect(database) as blocker:
        blocker.exec_driver_sql('SELECT count(*) FROM "Authorizations"').scalar()
        run = citrine("custom:rollback", "realtime", "--lock-timeout", "200ms",
                      "--lock-retries", "1", project=project, url=database)
        blocker.rollback()
    assert run.code == 2, run.text
    assert run.err.strip().splitlines()[-1].startswith(
        'error: the rollback of custom batch realtime could not get table "Authorizations" '
        "within lock_timeout 200ms on 2 attempt(s)"), run.err
    assert run.err.count("rolled back, retry") == 1
    assert _columns(database, "Authorizations") == applied
    assert _rows(database, "SELECT count(*) FROM citrine_state.applied WHERE kind = "
                           "'reverted'") == [(0,)]
    # Once the table is free, the same command completes.
    assert citrine("custom:rollback", "realtime", project=project, url=database).code == 0


def test_a_blocker_that_ends_during_the_backoff_lets_the_retry_succeed(
    project: Path, database
) -> None:
    real_17x(database)
    with db.connect(database) as blocker:
        blocker.exec_driver_sql('SELECT count(*) FROM "Authorizations"').scalar()
        proc = _popen("migrate", "--lock-timeout", "200ms", "--lock-retries", "3",
                      project=project, url=database)
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if "rolled back, retry 1/3" in line:
                break
        blocker.rollback()  # the station's transaction ends while migrate backs off
    out, err = proc.communicate(timeout=300)
    err = "".join(seen) + err
    assert proc.returncode == 0, out + err
    assert "rolled back, retry 1/3 in 1s" in err
    assert "retry 2/3" not in err
    assert f"Applied {PENDING_17X} step(s)" in out
    counts = _rows(database, "SELECT name, count(*) FROM citrine_state.applied "
                             "WHERE kind = 'step' GROUP BY name")
    assert len(counts) == PENDING_17X and all(n == 1 for _, n in counts)
    assert citrine("verify", project=project, url=database).code == 0


def test_lock_timeout_and_retries_come_from_the_config_too(project: Path, database) -> None:

    real_17x(database)
    config = project / "migration-config.json"
    data = json.loads(config.read_text())
    data["settings"].update(lock_timeout="100ms", lock_retries=0)
    config.write_text(json.dumps(data, indent=2))
    with db.connect(database) as blocker:
        blocker.exec_driver_sql('SELECT count(*) FROM "Authorizations"').scalar()
        run = citrine("migrate", project=project, url=database)
        blocker.rollback()
    assert run.code == 2, run.text
    assert "within lock_timeout 100ms on 1 attempt(s)" in run.err
    assert "retry" not in run.err


def test_a_malformed_lock_timeout_is_a_usage_error(project: Path, database) -> None:
    run = citrine("migrate", "--lock-timeout", "soon", project=project, url=database)
    assert run.code == 2
    assert "'--lock-timeout': 'soon' is not a duration" in run.err
    assert _rows(database, "SELECT to_regclass('\"SequelizeMeta\"') IS NULL") == [(True,)]


# --- concurrent runners ---------------------------------------------------------------------------


def test_four_runners_at_once_apply_each_step_exactly_once(project: Path, database) -> None:
    real_17x(database)
    procs = [_popen("migrate", project=project, url=database) for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    texts = [out for out, _ in outs]
    assert sum(f"Applied {PENDING_17X} step(s)" in t for t in texts) == 1, texts
    assert sum("No pending steps" in t for t in texts) == 3, texts
    assert sum("Adopted 5 step(s)" in t for t in texts) == 1, texts
    ledger = _rows(database, "SELECT name, kind, count(*) FROM citrine_state.applied "
                             "WHERE kind NOT IN ('repaired', 'started') GROUP BY name, kind "
                             "ORDER BY name")
    assert [(n, k) for n, k, _ in ledger][:5] == [(s, "adopted") for s in STEPS_17X]
    assert len(ledger) == 5 + PENDING_17X and all(c == 1 for _, _, c in ledger)
    # the five .ts rows of 1.7.x's runner kept, and the .js name of every step (1.8.1's runner)
    meta = _rows(database, 'SELECT name FROM "SequelizeMeta"')
    assert len(meta) == len(STEPS_17X) + len(ALL) == len(set(meta))
    assert citrine("verify", project=project, url=database).code == 0


def test_migrate_waiting_longer_than_lock_wait_names_the_holder(project: Path,
                                                               database) -> None:
    from citrine_state import lock

    real_17x(database)
    with db.connect(database) as holder:
        assert lock.try_acquire(holder)
        pid = holder.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        started = time.monotonic()
        run = citrine("migrate", "--lock-wait", "1", project=project, url=database)
        waited = time.monotonic() - started
    assert run.code == 2, run.text  # it did not run: an error (the rule for every command)
    assert f"holds the migration lock (pid {pid}," in run.err
    assert "gave up after 1s" in run.err
    assert waited < 30
    assert _rows(database, "SELECT to_regclass('citrine_state.applied') IS NULL") == [(True,)]



def _sleeping_in_the_third_step(project: Path, database) -> subprocess.Popen[str]:
    """``migrate`` started, once its third step sleeps on the server inside its transaction,
    after its own work (a signal sent then lands in the middle of a statement)."""
    step = project / "versions" / "1.8.0" / "20250430110000-create-default-tenant.py"
    step.write_text(step.read_text() + """

def up(ctx):  # the engine's up of this SQL-only step (its DATA_MOVES), then a long sleep
    for name in DATA_MOVES:
        ctx.script(ctx.sql_file(name))
    ctx.say("test: sleeping inside create-default-tenant")
    ctx.execute("SELECT pg_sleep(120)")
""")
    proc, _seen = _start_and_wait_for(database, project, ("migrate",), "test: sleeping")
    # Signal once the sleep runs on the server: a cancel that reaches the server before the
    # statement does cancels nothing, and the sleep would then run its 120 s (under load the
    # line above can come well before the statement starts)
    deadline = time.monotonic() + 60
    while not _sleeping(database):
        assert time.monotonic() < deadline, "the step's sleep never started"
        time.sleep(0.05)
    return proc


def _sleeping(database) -> int:
    return _rows(database, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                           "AND query = 'SELECT pg_sleep(120)'")[0][0]


@pytest.mark.parametrize(("signame", "code", "said"), [
    ("SIGINT", 130, "interrupted"),  # Ctrl-C
    ("SIGTERM", 143, "interrupted by SIGTERM"),  # kill, systemd stop, a CI runner's cancel
    ("SIGHUP", 129, "interrupted by SIGHUP"),  # the terminal closed
])
def test_ctrl_c_or_a_stop_signal_says_what_was_committed_and_what_was_rolled_back(
        project: Path, database, signame: str, code: int, said: str) -> None:
    import signal

    proc = _sleeping_in_the_third_step(project, database)
    proc.send_signal(getattr(signal, signame))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, out + err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {said}: step 20250430110000-create-default-tenant (up) was running and was "
        "rolled back, nothing of it remains; committed before the interrupt, and kept: step "
        "20250430103000-initial (up), step 20250430105500-create-tenants-table (up)"], err
    # the statement was cancelled on the server, not left running with its locks
    assert _sleeping(database) == 0
    assert _rows(database, 'SELECT name FROM "SequelizeMeta" ORDER BY name') == [
        ("20250430103000-initial.js",), ("20250430105500-create-tenants-table.js",)]
    assert _rows(database, 'SELECT count(*) FROM "Tenants"') == [(0,)]


def test_a_killed_run_frees_its_locks_within_seconds_not_when_its_statement_ends(
        project: Path, database) -> None:
    """SIGKILL (the OOM killer, a lost machine) leaves no handler to cancel anything: the
    session's client_connection_check_interval makes the server end the statement (and roll
    back, and free the tables and the migration lock) once it sees the client gone."""
    import signal

    if _rows(database, "SELECT current_setting('server_version_num')::int")[0][0] < 140000:
        pytest.skip("client_connection_check_interval needs PostgreSQL 14 or newer")
    proc = _sleeping_in_the_third_step(project, database)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 15
    while _sleeping(database):
        assert time.monotonic() < deadline, "the server still runs the killed run's statement"
        time.sleep(0.1)
    assert _rows(database, 'SELECT name FROM "SequelizeMeta" ORDER BY name') == [
        ("20250430103000-initial.js",), ("20250430105500-create-tenants-table.js",)]
    assert _rows(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == [(0,)]


# --- killed mid-run -------------------------------------------------------------------------------

KILL_POINTS = 12  # at least 10 must land while migrate is still running
KILL_POINTS_ONE_TRANSACTION = 10  # consolidated, custom: quicker runs, fewer places to be


def _copy(base: object, name: str) -> object:
    url = base.set(database=name)  # type: ignore[attr-defined]
    db.create_database(url, template=base.database)  # type: ignore[attr-defined]
    return url


def _table_counts(url: object) -> dict[str, int]:
    """Rows of every table in public and in the archive schema, by schema-qualified name."""
    with db.connect(url) as conn:
        tables = conn.exec_driver_sql(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN "
            "('public', 'citrine_archive') AND tablename NOT IN ('SequelizeMeta', "
            "'spatial_ref_sys')").all()
        return {f"{s}.{t}": conn.exec_driver_sql(f'SELECT count(*) FROM "{s}"."{t}"').scalar()
                for s, t in tables}


# schema-fix renames 1.7's Evses (the EVSE types) to EvseTypes, keeping their ids.
RENAMED = {"public.Evses": "public.EvseTypes"}


def _missing_rows(base_counts: dict[str, int], now: dict[str, int]) -> dict[str, tuple]:
    """Old tables whose rows are neither still in public (under their name or the one a step
    renamed them to) nor archived (as citrine_archive."<step>_<Table>")."""
    missing = {}
    for name, count in base_counts.items():
        table = name.split(".", 1)[1]
        here = max(now.get(name, 0), now.get(RENAMED.get(name, ""), 0))
        kept = here + sum(n for k, n in now.items()
                                      if k.startswith("citrine_archive.")
                                      and k.endswith("_" + table))
        if kept < count:
            missing[name] = (count, kept)
    return missing


# Columns whose values depend on the run, not on the data: what a step stamps with now(), and
# the ids create-evses draws from the Evses sequence (and the links to them): a killed run's
# rolled-back transaction still used up sequence values, as PostgreSQL sequences do.
STAMPED_BY_THE_RUN = {
    "public.Tenants": ("createdAt", "updatedAt"),  # the default tenant, made by consolidated
    "public.Evses": ("createdAt", "updatedAt", "id"),
    "public.Transactions": ("evseId",),
    "public.ChargingNeeds": ("evseId",),
    "citrine_archive.20250903102900_Evses": ("id", "evseId"),
    "citrine_archive.20260113000000_citext": ("createdAt",),  # when the step made citext
}


def _content(url: object) -> dict[str, str]:
    """dataset17.snapshot_rows, without the columns a step stamps with the time it ran."""
    from .support.dataset17 import _literal, _quote, _tables

    result = {}
    with db.connect(url) as conn:
        for schema, table, columns in _tables(conn, ("public", "citrine_archive")):
            skip = STAMPED_BY_THE_RUN.get(f"{schema}.{table}", ())
            parts = " || ',' || ".join(
                f"{_literal(c)} || '=' || quote_nullable(t.{_quote(c)}::text)"
                for c in columns if c not in skip) or "''"  # then only the count counts
            result[f"{schema}.{table}"] = conn.exec_driver_sql(
                f"SELECT md5(COALESCE(string_agg(r, E'\\n' ORDER BY r COLLATE \"C\"), ''))"
                f" FROM (SELECT {parts} AS r FROM {_quote(schema)}.{_quote(table)} t) x"
            ).scalar()
    return result


def _start_and_wait_for(url: object, project: Path, args: tuple[str, ...],
                        marker: str) -> tuple[subprocess.Popen[str], list[str]]:
    """Start ``citrine-migrate ARGS``; return it once its stderr shows ``marker`` (the first
    database work), with the stderr lines read so far."""
    proc = _popen(*args, project=project, url=url)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if marker in line:
            break
    return proc, seen


def _ledger_counts(url: object) -> list[tuple]:
    """How often the ledger records each step as applied (by any kind but a revert; sequence
    repairs are no steps; an online step's `started` row only says it is in progress)."""
    if not _rows(url, "SELECT to_regclass('citrine_state.applied') IS NOT NULL")[0][0]:
        return []
    return _rows(url, "SELECT name, count(*) FROM citrine_state.applied WHERE kind NOT IN "
                      "('reverted', 'repaired', 'started') GROUP BY name ORDER BY name")


def _where(err: str) -> str:
    """Where a killed run was caught: the first word of its last progress line ("adopting",
    "expand:", "up", "verifying" ...)."""
    lines = [line.split()[0] for line in err.splitlines() if line.strip()]
    return lines[-1] if lines else "-"


@dataclass
class Killed:
    """One kill: whether the run was still going, the steps the ledger held after it, and the
    progress line it was caught at."""

    running: bool
    applied: int
    where: str


def _kill_at_many_moments(project: Path, base: object, args: tuple[str, ...], marker: str,
                          states: tuple[str, ...], again: Callable[[object], object],
                          points: int = KILL_POINTS) -> list[Killed]:
    """Run ``citrine-migrate ARGS`` on copies of ``base``: once to warm the verification cache
    (as any earlier run on a machine would), once timed from ``marker`` to its end, then
    ``points`` times SIGKILLed at moments spread over that time. After every kill: ``status``
    finds one of ``states`` (the schema is what the ledger records, never drifted), no step is
    recorded twice, every row of every old table is still there or archived, and ``again`` (the
    same command, in-process) completes with the content of the uninterrupted run."""
    import secrets

    from citrine_state import api

    proj = api.open_project(project)
    made: list[object] = []

    def copy() -> object:
        url = _copy(base, f"kill_{secrets.token_hex(5)}")
        made.append(url)
        return url

    def drop(url: object) -> None:
        db.drop_database(url)
        made.remove(url)

    try:
        base_counts = _table_counts(base)
        assert citrine(*args, project=project, url=copy()).code == 0
        reference = copy()
        proc, _ = _start_and_wait_for(reference, project, args, marker)
        began = time.monotonic()
        out, err = proc.communicate(timeout=300)
        work = time.monotonic() - began
        assert proc.returncode == 0, out + err
        expected_rows = _content(reference)

        results: list[Killed] = []
        attempts = 0
        while len([k for k in results if k.running]) < points and attempts < points + 10:
            attempts += 1
            i = len([k for k in results if k.running])
            url = copy()
            proc, seen = _start_and_wait_for(url, project, args, marker)
            time.sleep(work * (i + 0.5) / points)
            running = proc.poll() is None
            if not running:  # this run was faster than the timed one: aim earlier from now on
                work *= 0.9
            proc.kill()
            _, err = proc.communicate()
            state = api.status(proj, url).state
            assert state in states, (i, state, err)
            steps = _ledger_counts(url)
            assert all(n == 1 for _, n in steps), steps
            assert _missing_rows(base_counts, _table_counts(url)) == {}, i
            again(url)
            assert all(n == 1 for _, n in _ledger_counts(url)), i
            assert _content(url) == expected_rows, i
            drop(url)
            results.append(Killed(running, len(steps), _where("".join(seen) + err)))
        killed = [k for k in results if k.running]
        assert len(killed) == points >= 10, results
        return killed
    finally:
        for url in list(made):
            db.drop_database(url)


@pytest.fixture(scope="module")
def real_17x_with_data(pg_server) -> Iterator[object]:
    """A real 1.7.x database holding the issues' data set (tokens, EVSEs), to copy from."""
    import secrets

    from .support import dataset17, dataset17_evse

    base = pg_server.set(database=f"killbase_{secrets.token_hex(5)}")
    db.create_database(base)
    try:
        real_17x(base)
        with db.connect(base) as conn:
            dataset17.load_tokens(conn)
            dataset17_evse.load_evses(conn)
            conn.commit()
        yield base
    finally:
        db.drop_database(base)


@pytest.mark.slow
def test_migrate_killed_at_many_moments_leaves_a_consistent_database_with_all_its_data(
    project: Path, real_17x_with_data
) -> None:
    from citrine_state import api

    proj = api.open_project(project)

    def again(url: object) -> None:
        assert api.migrate(proj, url).version == LATEST

    # From the adoption check through the seven steps (each its own transaction) to the
    # verification of the last one before COMMIT.
    killed = _kill_at_many_moments(project, real_17x_with_data, ("migrate",),
                                   "adopting 5 step(s)",
                                   ("between-versions", "at-version", "in-progress"),
                                   again)
    # The kills caught the run in several different places: before, between and after steps.
    assert len({k.applied for k in killed}) >= 3, killed


@pytest.mark.slow
def test_consolidated_killed_at_many_moments_leaves_a_consistent_database_with_all_its_data(
    project: Path, pg_server
) -> None:
    import secrets

    from citrine_state import api
    from citrine_state.api import upgrade

    from .test_consolidated import _pre_tenant_170_with_data

    proj = api.open_project(project)

    def again(url: object) -> None:
        assert upgrade.consolidated(proj, url).version == LATEST

    base = pg_server.set(database=f"killbase_{secrets.token_hex(5)}")
    db.create_database(base)
    try:
        _pre_tenant_170_with_data(project, base)
        # One transaction per consolidated migration (1.7.0 -> 1.8.0 -> ... -> the latest):
        # from the check of the source through expand, the data moves and contract to the
        # verification before COMMIT.
        killed = _kill_at_many_moments(project, base, ("consolidated",), "database:",
                                       ("at-version",), again, KILL_POINTS_ONE_TRANSACTION)
    finally:
        db.drop_database(base)
    assert len({k.where for k in killed}) >= 3, killed
    # One transaction each: a kill leaves the database at one version or the next, never between.
    boundaries = {len(step_names()[:step_names().index(v.steps[-1]) + 1])
                  for v in repo_project().versions if v.steps}
    assert {k.applied for k in killed} <= boundaries, killed  # 1.7.0 is its one step


@pytest.mark.slow
def test_custom_killed_at_many_moments_leaves_a_consistent_database_with_all_its_data(
    project: Path, real_17x_with_data
) -> None:
    from citrine_state import api
    from citrine_state.api import batches

    proj = api.open_project(project)
    _batch(project, "6-12", "rest-of-180")  # the seven steps 1.7.x lacks, in one transaction

    def again(url: object) -> None:
        batches.run(proj, url, "rest-of-180")
        assert api.status(proj, url).version == "1.8.0"

    killed = _kill_at_many_moments(project, real_17x_with_data, ("custom", "rest-of-180"),
                                   "database:", ("between-versions", "at-version"), again,
                                   KILL_POINTS_ONE_TRANSACTION)
    assert len({k.where for k in killed}) >= 3, killed
    # The adoption commits on its own, then the batch all at once.
    assert {k.applied for k in killed} <= {0, 5, 12}, killed
