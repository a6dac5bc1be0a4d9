"""One exit-code rule for every command (README "Exit codes"), pinned command by command.

- 0: done, or already in the state asked for (nothing pending, nothing to roll back, in sync);
  a report (status, lists) that could report, whatever it reports;
- 1: pending steps, drift, or a verification that failed, and the output says which;
- 2: refused, bad input, or an error (cannot connect, a lock it could not get).

Each row runs the real console script on a template database (rows that change the database
first get a copy of their own; the others only read it, or refuse). The codes of
``manager batch --check`` are pinned in tests/test_consolidated.py (generating the migration
takes a while); the other cases of each command are in the command's own test file.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db

from .support.cli import citrine
from .support.reference import dump_for_step, psql_file
from .support.stepping import repo_project, step_names
from .test_migrate import STEPS_17X

UNREACHABLE = "postgresql://someone:not-this-pw@127.0.0.1:1/citrine"
LATEST = repo_project().latest.name
ALL_STEPS = len(step_names())


def _exec(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        conn.exec_driver_sql(sql)
        conn.commit()


@pytest.fixture(scope="module")
def templates(pg_server: URL, tmp_path_factory: pytest.TempPathFactory,
              shared_cache: Path) -> Iterator[dict[str, URL]]:
    """Databases to copy from: "atlatest" (the latest version, installed by consolidated),
    "drifted" (the same without an index), "17x" (a real CitrineOS 1.7.x database: its dump
    and SequelizeMeta), "empty", "foreign" (another application's table)."""
    import shutil

    from .conftest import REPO

    source = tmp_path_factory.mktemp("exit-codes") / "project"  # the install's own copy
    source.mkdir()
    shutil.copy(REPO / "migration-config.json", source)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (source / ".citrine").mkdir()
    (source / ".citrine" / "cache").symlink_to(shared_cache, target_is_directory=True)
    made: dict[str, URL] = {}
    try:
        for name in ("atlatest", "drifted", "17x", "empty", "foreign"):
            made[name] = pg_server.set(database=f"exit_{name}_{secrets.token_hex(4)}")
            db.create_database(made[name])
        assert citrine("consolidated", project=source, url=made["atlatest"]).code == 0
        db.drop_database(made["drifted"])
        db.create_database(made["drifted"], template=made["atlatest"].database)
        _exec(made["drifted"], 'DROP INDEX "event_data_station_id"')
        psql_file(made["17x"], dump_for_step(STEPS_17X[-1]))
        _exec(made["17x"], 'INSERT INTO "SequelizeMeta" (name) VALUES '
              + ", ".join(f"('{n}.ts')" for n in STEPS_17X))
        _exec(made["foreign"], "CREATE TABLE invoices (id int PRIMARY KEY)")
        yield made
    finally:
        for url in made.values():
            db.drop_database(url)


def _batch(project: Path) -> None:
    made = citrine("select", "--select", "2", "--name", "b", "--description", "tenants",
                   "--yes", project=project)
    assert made.code == 0, made.text


def _stale_models(project: Path) -> None:
    path = project / "schema" / "v1_8_0.py"
    anchor = "    capabilities: Mapped[Any | None] = mapped_column(JSONB)\n"
    source = path.read_text(encoding="utf-8")
    assert source.count(anchor) == 1
    path.write_text(source.replace(anchor, anchor + "    extra: Mapped[str | None] = "
                                   "mapped_column(String(9))\n"), encoding="utf-8")


def _unlisted_step(project: Path) -> None:
    (project / "versions" / "1.8.0" / "20250920000000-not-listed.py").write_text(
        '"""Not in the config."""\n\ndef up(ctx):\n    pass\n\n\ndef down(ctx):\n    pass\n')


def _added_column(url: URL) -> None:
    _exec(url, 'ALTER TABLE "Tenants" ADD COLUMN "byHand" integer')


def _unknown_name(url: URL) -> None:
    _exec(url, """INSERT INTO "SequelizeMeta" VALUES ('20990101000000-from-the-future.js')""")


@dataclass
class Row:
    """``citrine-migrate ARGS`` on a copy of ``database`` exits ``code`` and says ``says``."""

    args: tuple[str, ...]
    database: str  # a template's name, "unreachable", or "none" (no database at all)
    code: int
    says: str
    prepare: Callable[[Path], None] | None = None  # on the project copy
    alter: Callable[[URL], None] | None = None  # on the database copy
    quiet: bool = False  # a refusal before anything is printed: stdout stays empty


ROWS: dict[str, Row] = {
    # --- reports: 0 whenever they could report, 2 when they could not -------------------------
    "status-drift": Row(("status",), "drifted", 0, "differs from its snapshot"),
    "status-unreachable": Row(("status",), "unreachable", 2, "cannot connect"),
    "consolidated:status": Row(("consolidated:status",), "atlatest", 0,
                               f"exactly at version {LATEST}"),
    "manager-list": Row(("manager", "list"), "atlatest", 0,
                        f"{ALL_STEPS} of {ALL_STEPS} step(s) applied."),
    "manager-list-unreachable": Row(("manager", "list"), "unreachable", 2, "cannot connect"),
    "manager-report-drift": Row(("manager", "report", "--format", "json"), "drifted", 0,
                                '"state": "drifted"'),
    "manager-report-unreachable": Row(("manager", "report"), "unreachable", 2,
                                      "cannot connect"),
    "custom:list": Row(("custom:list",), "none", 0, "No custom batch migrations yet"),
    "custom:list-unreachable": Row(("custom:list",), "unreachable", 2,
                                   "listed without their applied state", prepare=_batch),
    "manager-interactive": Row(("manager", "interactive", "--select", "1-2"), "none", 0,
                               "Preview only: nothing was written"),
    "manager-interactive-bad": Row(("manager", "interactive", "--select", "0"), "none", 2,
                                   "0"),
    "db-status": Row(("db", "status"), "none", 0, "not created"),
    # --- checks: 0 nothing found, 1 found (and said), 2 could not check ------------------------
    "check": Row(("check",), "atlatest", 0, "Nothing pending."),
    "check-pending": Row(("check",), "17x", 1, f"{ALL_STEPS - len(STEPS_17X)} pending step(s):"),
    "check-history": Row(("check",), "atlatest", 1, "Nothing pending, but 1 history problem stops",
                         alter=_unknown_name),
    "verify": Row(("verify",), "atlatest", 0, f"in sync with version {LATEST}"),
    "verify-drift": Row(("verify",), "drifted", 1, f"drift from version {LATEST}"),
    "verify-between": Row(("verify",), "17x", 0, "in sync with the applied steps (1.7.0 + 4 "
                          "step(s), replayed"),
    "verify-between-drift": Row(("verify",), "17x", 1, "drift from the applied steps",
                                alter=_added_column),
    "verify-unreplayable": Row(("verify",), "17x", 2, "records step(s) this project cannot "
                               "replay (20990101000000-from-the-future.js)", alter=_unknown_name),
    "snapshot-check": Row(("snapshot", "--check"), "none", 0, "ok     snapshots/1.8.0.sql"),
    "snapshot-check-stale": Row(("snapshot", "--check"), "none", 1,
                                "no longer matches its models", prepare=_stale_models),
    "manager-validate": Row(("manager", "validate"), "none", 0, "valid"),
    "manager-validate-problems": Row(("manager", "validate"), "none", 1, "1 problem(s)",
                                     prepare=_unlisted_step),
    # --- writing commands: 0 done or already so, 1 drift or failed verification, 2 refused ---
    "migrate": Row(("migrate",), "atlatest", 0, "No pending steps: the database is up to date."),
    "migrate-drift": Row(("migrate",), "drifted", 1, "drift: the schema differs from what "
                         "its history says"),
    "migrate-unknown": Row(("migrate",), "atlatest", 2, "20990101000000-from-the-future.js",
                           alter=_unknown_name),
    "consolidated": Row(("consolidated",), "atlatest", 0, f"already at version {LATEST}"),
    "consolidated-drift": Row(("consolidated",), "drifted", 1, "drift: the database is not "
                              "exactly at a version"),
    "consolidated-between": Row(("consolidated",), "17x", 2, "use `citrine-migrate migrate`"),
    "version": Row(("version", LATEST), "atlatest", 0, f"already at version {LATEST}"),
    "version-drift": Row(("version", LATEST), "drifted", 1,
                          f"not exactly at version {LATEST}"),
    "version-unknown": Row(("version", "9.9.9"), "atlatest", 2, "unknown version '9.9.9'"),
    "rollback": Row(("rollback", LATEST), "atlatest", 0, f"already at version {LATEST}"),
    "rollback-drift": Row(("rollback", LATEST), "drifted", 1,
                          f"not exactly at version {LATEST}"),
    "rollback-refused": Row(("rollback", "1.8.0"), "17x", 2,
                            "does not have every step of 1.8.0 applied"),
    "undo": Row(("undo",), "empty", 0, "No step is applied: nothing to undo."),
    "undo-foreign": Row(("undo",), "foreign", 2, "not a CitrineOS database"),
    "custom-done": Row(("custom", "b"), "atlatest", 0, "nothing to do", prepare=_batch),
    "custom-unknown": Row(("custom", "nosuch"), "atlatest", 2, "no custom batch named nosuch",
                          quiet=True),
    "custom:rollback-nothing": Row(("custom:rollback", "b"), "atlatest", 0,
                                   "nothing to roll back", prepare=_batch),
    "custom:rollback-path": Row(("custom:rollback", "../../etc/passwd"), "atlatest", 2,
                                "is not a batch name", quiet=True),
    "custom:rollback-unknown": Row(("custom:rollback", "nosuch"), "atlatest", 2,
                                   "no custom batch named nosuch", quiet=True),
    "backup": Row(("backup",), "atlatest", 0, "checked with pg_restore --list"),
    "backup-unreachable": Row(("backup",), "unreachable", 2, "cannot connect"),
    "restore-directory": Row(("restore", "versions"), "atlatest", 2,
                             "versions is a folder, not a backup file", quiet=True),
    "select": Row(("select", "--select", "2", "--name", "b", "--description", "d", "--yes"),
                  "none", 0, "Custom batch migration created"),
    "select-bad": Row(("select", "--select", "0", "--name", "b", "--description", "d",
                       "--yes"), "none", 2, "0"),
    "new-step": Row(("manager", "new-step", "x", "--description", "d", "--empty"), "none", 0,
                    "empty, for hand-written SQL"),
    "new-version-bad": Row(("manager", "new-version", "1.9", "--description", "d"), "none", 2,
                           "'1.9' is not a version name"),
}


@pytest.mark.parametrize("name", list(ROWS))
def test_every_command_follows_the_exit_code_rule(name: str, project: Path,
                                                  templates: dict[str, URL]) -> None:
    row = ROWS[name]
    if row.prepare is not None:
        row.prepare(project)
    url: object = None
    copy: URL | None = None
    if row.database == "unreachable":
        url = UNREACHABLE
    elif row.database != "none" and row.alter is None:
        url = templates[row.database]  # read, or refused: it stays as it is
    elif row.database != "none":
        template = templates[row.database]
        copy = template.set(database=f"exit_case_{secrets.token_hex(5)}")
        db.create_database(copy, template=template.database)
        url = copy
        row.alter(copy)
    try:
        run = citrine(*row.args, project=project, url=url, timeout=600)
    finally:
        if copy is not None:
            db.drop_database(copy)
    assert run.code == row.code, run.text
    assert row.says in run.text, run.text
    assert "Traceback" not in run.text
    assert "not-this-pw" not in run.text
    if row.code == 2:
        errors = [line for line in run.err.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1 and run.err.rstrip().endswith(errors[0]), run.err
    if row.quiet:
        assert run.out == "", run.out
