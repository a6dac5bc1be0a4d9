"""Online steps (issue 18), as an engine capability, on a small project of its own (no CitrineOS).

The report fixture project (widgets at 1.0.0) with one pending step in 1.1.0 that declares
``ONLINE``: it adds a column and a table of colours in its transaction, then, online, an index
on ``slow_length(name)`` (an immutable function that sleeps 20 ms a row, so the concurrent
build lasts as long as a test needs) and a foreign key from widgets.colour to the colours
(``ONLINE_STEP`` and ``at_100`` in tests/support/fixture_project.py, shared with the engine
goldens).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from citrine_state import db

from ..support.cli import _render, citrine
from ..support.fixture_project import MINI, ONLINE_STEP
from ..support.fixture_project import ONLINE_STEP_NAME as STEP
from ..support.fixture_project import at_100 as _at_100
from ..support.fixture_project import query as _query

CATALOG = """
SELECT 'column', table_name || '.' || column_name FROM information_schema.columns
 WHERE table_schema = 'public'
UNION ALL SELECT 'index', indexrelid::regclass::text || ' valid=' || indisvalid FROM pg_index
 WHERE indrelid::regclass::text IN ('widgets', 'colours')
UNION ALL SELECT 'constraint', conname || ' validated=' || convalidated FROM pg_constraint
 WHERE connamespace = 'public'::regnamespace
UNION ALL SELECT 'function', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
ORDER BY 1, 2"""


def _ledger(url: object) -> list[tuple]:
    return _query(url, f"SELECT kind FROM citrine_state.applied WHERE name = '{STEP}' "
                       "ORDER BY id")


def test_an_online_step_builds_its_index_concurrently_validates_its_key_and_records_last(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    run = citrine("migrate", project=project, url=database)
    assert run.code == 0, run.text
    assert "online: CREATE INDEX CONCURRENTLY" in run.err
    assert "online: ALTER TABLE public.widgets ADD CONSTRAINT" in run.err
    assert "NOT VALID" in run.err and "VALIDATE CONSTRAINT" in run.err
    catalog = _query(database, CATALOG)
    assert ("index", "widgets_name_length valid=true") in catalog
    assert ("constraint", "widgets_colour_fkey validated=true") in catalog
    # started in the step's transaction, recorded as applied only at the end
    assert _ledger(database) == [("started",), ("step",)]
    assert (f"{STEP}.ts",) in _query(database, 'SELECT name FROM "SequelizeMeta"')


def test_the_dry_run_shows_what_runs_online_and_the_lock_each_statement_takes(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    run = citrine("migrate", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    out = run.out
    assert ("-- lock: ACCESS EXCLUSIVE\n-- hazards: locks-table\n"
            "ALTER TABLE widgets ADD COLUMN weight integer;") in out
    assert ("-- online, outside any transaction: SHARE UPDATE EXCLUSIVE on public.widgets, "
            "writes keep flowing; reads every row\n"
            "-- hazards: builds-index\n"
            'CREATE INDEX CONCURRENTLY "widgets_name_length" ON public.widgets USING btree '
            "(slow_length(name));") in out
    assert ("-- online, in a transaction of its own: SHARE ROW EXCLUSIVE on public.widgets, "
            "catalog only, under the online lock_timeout, retried\n") in out
    assert 'VALIDATE CONSTRAINT "widgets_colour_fkey";' in out
    assert "-- Beside traffic: every pending step runs online." in out
    assert "builds widgets_name_length" in out and "validates widgets_colour_fkey" in out
    assert _query(database, "SELECT to_regclass('colours')") == [(None,)]  # nothing ran


def _popen_migrate(project: Path, url: object) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CITRINE_DATABASE_URL", "DATABASE_URL", "CITRINE_PROJECT")}
    env.update(CITRINE_PROJECT=str(project), CITRINE_DATABASE_URL=_render(url))
    return subprocess.Popen([sys.executable, "-m", "citrine_state", "migrate"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def _waiting_for_a_lock(url: object) -> bool:
    return bool(_query(url, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            "AND application_name = 'citrine-migrate'"))


def _building(url: object) -> int | None:
    """The backend building the index concurrently, once it is at it."""
    rows = _query(url, "SELECT pid FROM pg_stat_activity WHERE query LIKE "
                       "'CREATE INDEX CONCURRENTLY%' AND pid <> pg_backend_pid()")
    return rows[0][0] if rows else None


def test_a_step_killed_during_its_concurrent_index_build_is_in_progress_and_a_rerun_completes_it(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 150)  # 150 x 20 ms: a build of about 3 s
    proc = _popen_migrate(project, database)
    deadline = time.monotonic() + 60
    pid = None
    while pid is None and time.monotonic() < deadline and proc.poll() is None:
        pid = _building(database)
        time.sleep(0.05)
    assert pid is not None, proc.communicate()
    time.sleep(0.3)
    # the runner dies, and the server ends its session with it (as a crash or a restart does)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    _query(database, f"SELECT pg_terminate_backend({pid})")
    while _building(database) is not None:
        time.sleep(0.05)

    assert ("index", "widgets_name_length valid=false") in _query(database, CATALOG)
    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert status["state"] == "in-progress", status
    assert f"{STEP} in progress: rerun `migrate`" in status["summary"]
    assert status["recommendation"] == "citrine-migrate migrate"
    assert _ledger(database) == [("started",)]

    again = citrine("migrate", project=project, url=database)
    assert again.code == 0, again.text
    assert "in progress since an earlier run" in again.err
    catalog = _query(database, CATALOG)
    assert ("index", "widgets_name_length valid=true") in catalog
    assert ("constraint", "widgets_colour_fkey validated=true") in catalog
    assert _ledger(database) == [("started",), ("step",)]
    after = json.loads(citrine("status", "--json", project=project, url=database).out)
    # the rerun's verification passed (it is the run's last step); status agrees
    assert after["state"] not in ("in-progress", "drifted") and after["pending"] == [], after


def test_a_key_that_bad_rows_break_leaves_the_database_as_before_with_one_line_naming_them(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    _query(database, "UPDATE widgets SET colour = 'mauve' WHERE id IN (1, 3)")
    before = _query(database, CATALOG)
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2, run.text
    errors = [line for line in run.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.err
    assert ("its foreign key widgets_colour_fkey on public.widgets does not hold: 2 row(s) of "
            "public.widgets break it (id 1, 3); the step was undone") in errors[0]
    assert "Traceback" not in run.text
    assert _query(database, CATALOG) == before
    assert _ledger(database) == [("started",), ("reverted",)]
    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert status["state"] == "at-version" and status["version"] == "1.0.0", status

    _query(database, "UPDATE widgets SET colour = 'red' WHERE colour = 'mauve'")
    assert citrine("migrate", project=project, url=database).code == 0


class _Writer(threading.Thread):
    """The stations' traffic: an INSERT into widgets every 5 ms, in autocommit, timed."""

    def __init__(self, url: object) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def run(self) -> None:
        with db.connect(self.url) as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    conn.exec_driver_sql(
                        "INSERT INTO widgets (name, colour) VALUES ('live', 'red')")
                except Exception as exc:  # noqa: BLE001 - any error is what the test counts
                    self.errors.append(str(exc).splitlines()[0])
                self.latencies.append(time.monotonic() - started)
                time.sleep(0.005)


def test_a_writer_keeps_inserting_into_the_table_throughout_the_online_step(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 100)  # a build of about 2 s beside the writer
    writer = _Writer(database)
    writer.start()
    try:
        time.sleep(0.2)
        run = citrine("migrate", project=project, url=database)
    finally:
        writer.stop.set()
        writer.join(10)
    assert run.code == 0, run.text
    assert writer.errors == []
    # a plain CREATE INDEX would have held the inserts for the whole build (about 2 s)
    assert max(writer.latencies) < 1.0, max(writer.latencies)
    assert len(writer.latencies) > 100


PROBE = """
CREATE TABLE probed (name text);
INSERT INTO probed VALUES ('a'), ('b');
CREATE FUNCTION memory_seen(text) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'built with maintenance_work_mem %',
  current_setting('maintenance_work_mem'); END $$;
"""


def _probe_build(url: object, session_value: str | None, setting: str = "256MB") -> tuple[
        str, str]:
    """The maintenance_work_mem a concurrent build of ``memory_seen(name)`` ran with (its
    function fails, saying it), and the session's own value after the build."""
    from citrine_state import online, online_run
    from citrine_state.project import load

    project = load(MINI)
    project.settings["online_maintenance_work_mem"] = setting
    _query(url, PROBE)
    build = online.Index("probed_memory", "public.probed", "USING btree (memory_seen(name))")
    part = [p for p in build.parts() if p.sql.startswith("CREATE")][0]
    with db.connect(url) as conn:
        if session_value is not None:
            conn.exec_driver_sql(f"SET maintenance_work_mem = '{session_value}'")
            conn.commit()
        try:
            online_run.execute_part(conn, project, part, "probe")
        except sa.exc.DBAPIError as exc:
            seen = str(exc.orig).splitlines()[0]
        else:
            raise AssertionError("the probe's build did not fail")
        after = conn.exec_driver_sql("SHOW maintenance_work_mem").scalar()
        conn.rollback()
    return seen, str(after)


def test_a_concurrent_index_build_gets_the_online_maintenance_memory_and_the_session_its_own_back(
        database) -> None:
    seen, after = _probe_build(database, "64MB")
    assert seen == "built with maintenance_work_mem 256MB"
    assert after == "64MB"


def test_a_session_tuned_higher_than_the_setting_keeps_its_maintenance_memory(
        database) -> None:
    seen, after = _probe_build(database, "1GB", setting="128MB")
    assert seen == "built with maintenance_work_mem 1GB"
    assert after == "1GB"


CATALOG_ONLY_STEP = '''"""A column for widget weights: a catalog change only."""

ONLINE = ()


def up(ctx):
    ctx.script("ALTER TABLE widgets ADD COLUMN weight integer;")


def down(ctx):
    ctx.script("ALTER TABLE widgets DROP COLUMN weight;")
'''


def test_a_step_with_nothing_to_build_online_is_one_transaction_with_no_started_row(
        tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    (project / "versions" / "1.1.0" / f"{STEP}.py").write_text(CATALOG_ONLY_STEP,
                                                               encoding="utf-8")
    # a session holding the table: the step waits the online lock_timeout, not 5s, and retries
    with db.connect(database) as holder:
        holder.exec_driver_sql("LOCK TABLE widgets IN ACCESS SHARE MODE")
        proc = _popen_migrate(project, database)
        try:
            deadline = time.monotonic() + 60
            while not _waiting_for_a_lock(database) and time.monotonic() < deadline \
                    and proc.poll() is None:
                time.sleep(0.05)
            time.sleep(0.5)  # longer than the online lock_timeout: it gives up at least once
        finally:
            holder.rollback()
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    assert "waited lock_timeout 200ms" in err and "retry 1/3" in err, err
    assert _ledger(database) == [("step",)]
    assert ("column", "widgets.weight") in _query(database, CATALOG)


def test_a_failed_verification_after_an_online_step_undoes_it(tmp_path: Path,
                                                               database) -> None:
    """The step's result depends on the data (an extra index where there are widgets), so the
    live schema differs from the one its replay on an empty shadow gives: by then its index
    is built and its key validated, committed; the run undoes them, not only its last
    transaction."""
    project = _at_100(tmp_path, database, 3)
    path = project / "versions" / "1.1.0" / f"{STEP}.py"
    path.write_text(ONLINE_STEP.replace(
        'ALTER TABLE widgets ADD COLUMN weight integer;\n',
        "ALTER TABLE widgets ADD COLUMN weight integer;\n"
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM widgets) THEN "
        "CREATE INDEX widgets_by_weight ON widgets (weight); END IF; END $$;\n").replace(
        "ALTER TABLE widgets DROP COLUMN weight;", "DROP INDEX IF EXISTS widgets_by_weight;\n"
        "ALTER TABLE widgets DROP COLUMN weight;"), encoding="utf-8")
    before = _query(database, CATALOG)
    run = citrine("migrate", project=project, url=database)
    assert run.code == 1, run.text
    assert f"so step {STEP} was undone (the database is as before it" in run.err, run.err
    assert "widgets_by_weight" in run.text
    assert "Traceback" not in run.text
    assert _query(database, CATALOG) == before
    assert _ledger(database) == [("started",), ("reverted",)]
    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert status["state"] == "at-version" and status["version"] == "1.0.0", status


def test_the_plan_says_a_step_that_puts_back_many_archived_rows_needs_a_window(
        tmp_path: Path, database) -> None:
    """What an earlier run of the step's down archived, its up writes back in its transaction,
    under the locks of its ALTERs: a few rows stay online, many need a window."""
    project = _at_100(tmp_path, database, 3)
    _query(database, 'CREATE SCHEMA citrine_archive; CREATE TABLE citrine_archive.'
                     '"20250201100000_widgets" AS SELECT k AS id FROM generate_series(1, 10) k; '
                     'ANALYZE citrine_archive."20250201100000_widgets"')
    few = citrine("migrate", "--dry-run", project=project, url=database)
    assert few.code == 0, few.text
    assert "Beside traffic: every pending step runs online." in few.out
    assert ('while it puts back the archived citrine_archive."20250201100000_widgets" (10 rows'
            in few.out)
    assert "< 0.1 s, within its short lock" in few.out

    _query(database, 'INSERT INTO citrine_archive."20250201100000_widgets" '
                     'SELECT k FROM generate_series(11, 100000) k; '
                     'ANALYZE citrine_archive."20250201100000_widgets"')
    many = json.loads(citrine("status", "--json", project=project, url=database).out)
    [step] = many["traffic"]
    assert step["online"] is False, step
    held = [h for h in step["holds"] if h["table"] == 'citrine_archive."20250201100000_widgets"']
    assert held and held[0]["seconds"] >= 0.1 and "plan a window" in held[0]["text"], held
    dry = citrine("migrate", "--dry-run", project=project, url=database)
    assert "Needs a window: 1 of 1 pending step(s)" in dry.out
    assert f"  WINDOW  {STEP}" in dry.out


def test_an_applied_step_whose_file_names_its_former_checksum_is_no_edit(
        tmp_path: Path, database) -> None:
    from citrine_state.steps import file_checksum

    project = _at_100(tmp_path, database, 3)
    assert citrine("migrate", project=project, url=database).code == 0
    path = project / "versions" / "1.1.0" / f"{STEP}.py"
    ran = file_checksum(path)
    path.write_text(ONLINE_STEP + f'\n# a comment\nFORMER_CHECKSUMS = ("{ran}",)\n',
                    encoding="utf-8")
    check = json.loads(citrine("check", "--json", project=project, url=database).out)
    assert check["problems"] == [], check
    path.write_text(ONLINE_STEP + f'\n# another\nFORMER_CHECKSUMS = ("{"0" * 64}",)\n',
                    encoding="utf-8")
    check = json.loads(citrine("check", "--json", project=project, url=database).out)
    assert check["problems"] == [f"edited after it was applied: versions/1.1.0/{STEP}.py"], check
