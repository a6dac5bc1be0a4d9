"""What the engine prints, pinned by golden files (tests/fixtures/engine), on a small project of
its own (the report fixture project, no CitrineOS): the plans of ``migrate --dry-run`` (an
online step), ``rollback --dry-run`` and ``version --dry-run``; what ``status`` says before an
online step, after ``undo`` and after an applied step was edited; ``undo``'s lines and its
ledger rows; ``verify`` on a drift; ``manager list``. A change to any of them is a reviewed
change of the golden (``CITRINE_UPDATE_GOLDEN=1`` rewrites them)."""

from __future__ import annotations

import re
from pathlib import Path

from ..support.cli import Run, citrine
from ..support.fixture_project import at_100, copy_project, query
from ..support.golden import assert_golden

EDITED = "versions/1.0.0/20250115120000-add-widget-colour.py"


def _normalise(text: str, project: Path | None = None) -> str:
    """Take out what differs from run to run and machine to machine: the database's URL (its
    port and name), the project's temporary folder, the planner's size estimates of the
    fixture's tables, durations, a PostgreSQL version."""
    text = re.sub(r"postgresql://[^\s)]+", "<database>", text)
    if project is not None:
        text = text.replace(str(project), "<project>")
    text = re.sub(r"\(\d+ rows, \d+ kB[^)]*\)", "(<size>)", text)
    text = re.sub(r"PostgreSQL \d+(\.\d+)*", "PostgreSQL <version>", text)
    return re.sub(r"\d+\.\d+s\b", "<seconds>", text)


def _ok(run: Run) -> Run:
    assert run.code == 0, run.text
    return run


def _at_110(tmp_path: Path, url: object) -> Path:
    """The fixture project, its database brought by ``migrate`` through every step (the two of
    1.0.0 and the gadgets of 1.1.0), one widget with one gadget in it."""
    project = copy_project(tmp_path)
    _ok(citrine("migrate", project=project, url=url))
    query(url, "INSERT INTO widgets (name, colour) VALUES ('w1', 'red'); "
               "INSERT INTO gadgets (widget) VALUES (1)")
    return project


def _at_100_by_steps(tmp_path: Path, url: object) -> Path:
    """At 1.0.0 by its two steps (so the ledger holds their checksums): ``migrate``, then
    ``undo`` of the gadgets."""
    project = _at_110(tmp_path, url)
    _ok(citrine("undo", project=project, url=url))
    return project


def test_the_dry_run_of_an_online_step_matches_the_golden(tmp_path: Path, database) -> None:
    project = at_100(tmp_path, database, 3)
    run = _ok(citrine("migrate", "--dry-run", project=project, url=database))
    assert_golden("engine/migrate-dry-run-online-step.sql", _normalise(run.out, project))


def test_status_before_an_online_step_matches_the_golden(tmp_path: Path, database) -> None:
    project = at_100(tmp_path, database, 3)
    run = _ok(citrine("status", project=project, url=database))
    assert_golden("engine/status-before-online-step.txt", _normalise(run.out, project))


def test_rollback_dry_run_plan_from_1_1_0_to_1_0_0_matches_the_golden_and_changes_nothing(
        tmp_path: Path, database) -> None:
    project = _at_110(tmp_path, database)
    run = _ok(citrine("rollback", "1.0.0", "--dry-run", project=project, url=database))
    assert_golden("engine/rollback-dry-run.sql", _normalise(run.out, project))
    assert query(database, "SELECT count(*) FROM gadgets") == [(1,)]


def test_undo_of_the_last_step_and_status_after_it_match_the_goldens(
        tmp_path: Path, database) -> None:
    project = _at_110(tmp_path, database)
    undo = _ok(citrine("undo", project=project, url=database))
    assert_golden("engine/undo.txt", _normalise(undo.out, project))
    ledger = query(database, "SELECT id, name, kind, version, note FROM citrine_state.applied "
                             "ORDER BY id")
    assert_golden("engine/undo-ledger.txt", "".join(f"{row}\n" for row in ledger))
    status = _ok(citrine("status", project=project, url=database))
    assert_golden("engine/status-after-undo.txt", _normalise(status.out, project))


def test_verify_of_a_column_added_by_hand_reports_the_drift_and_exits_1(
        tmp_path: Path, database) -> None:
    project = copy_project(tmp_path)
    _ok(citrine("version", "1.0.0", project=project, url=database))
    query(database, "ALTER TABLE widgets ADD COLUMN weight integer")
    run = citrine("verify", project=project, url=database)
    assert run.code == 1, run.text
    assert_golden("engine/verify-drift.txt", _normalise(run.out, project))


def test_status_after_an_applied_step_was_edited_gives_the_edited_step_advice_and_migrate_refuses(
        tmp_path: Path, database) -> None:
    project = _at_100_by_steps(tmp_path, database)
    with (project / EDITED).open("a", encoding="utf-8") as step:
        step.write("\n# edited after it ran\n")
    status = _ok(citrine("status", project=project, url=database))
    assert_golden("engine/status-edited-step.txt", _normalise(status.out, project))
    ledger = query(database, "SELECT count(*) FROM citrine_state.applied")
    migrate = citrine("migrate", project=project, url=database)
    assert migrate.code == 2, migrate.text
    errors = [line for line in migrate.err.splitlines() if line.startswith("error:")]
    assert_golden("engine/migrate-refused-edited-step.txt",
                  _normalise("".join(f"{line}\n" for line in errors), project))
    assert query(database, "SELECT count(*) FROM citrine_state.applied") == ledger
    assert query(database, "SELECT to_regclass('gadgets')") == [(None,)]


def test_manager_list_of_the_fixture_project_without_a_database_matches_the_golden(
        tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    run = _ok(citrine("manager", "list", "--no-database", project=project))
    assert_golden("engine/manager-list-no-database.txt", _normalise(run.out, project))


def test_manager_list_of_the_fixture_project_at_1_0_0_marks_applied_and_pending_steps(
        tmp_path: Path, database) -> None:
    project = copy_project(tmp_path)
    _ok(citrine("version", "1.0.0", project=project, url=database))
    run = _ok(citrine("manager", "list", project=project, url=database))
    assert_golden("engine/manager-list-at-1.0.0.txt", _normalise(run.out, project))


def test_version_1_0_0_dry_run_from_empty_is_the_plan_of_its_snapshot_install(
        tmp_path: Path, database) -> None:
    project = copy_project(tmp_path)
    run = _ok(citrine("version", "1.0.0", "--dry-run", project=project, url=database))
    assert_golden("engine/version-1.0.0-dry-run-from-empty.sql", _normalise(run.out, project))
    assert query(database, "SELECT to_regclass('widgets')") == [(None,)]


def test_every_step_of_a_version_without_models_applied_is_up_to_date_and_verifies_by_replay(
        tmp_path: Path, database) -> None:
    """1.1.0 has steps but no models yet: once ``migrate`` applied them, ``status`` says so
    and that nothing is left to run, and ``verify`` compares with a replay of the steps (in
    sync, then a drift once a column is added by hand), where there is no snapshot."""
    project = _at_110(tmp_path, database)
    status = _ok(citrine("status", project=project, url=database))
    assert_golden("engine/status-every-step-of-an-unmodelled-version.txt",
                  _normalise(status.out, project))
    same = _ok(citrine("verify", project=project, url=database))
    assert_golden("engine/verify-replay-in-sync.txt", _normalise(same.out, project))
    query(database, "ALTER TABLE gadgets ADD COLUMN weight integer")
    drift = citrine("verify", project=project, url=database)
    assert drift.code == 1, drift.text
    assert_golden("engine/verify-replay-drift.txt", _normalise(drift.out, project))
    target = citrine("version", "1.1.0", "--dry-run", project=project, url=database)
    assert target.code == 2, target.text
    assert target.err.splitlines()[-1] == (
        "error: version 1.1.0 has no models in schema/ yet, so no snapshot to go to or compare "
        "with: `citrine-migrate migrate` applies its steps (checked against a replay of them)")
