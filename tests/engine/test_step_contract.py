"""The step contract (``citrine_state/steps.py``), on a small project of its own (no CitrineOS):
a step that only declares SQL is run by the engine both ways, a step with no way up or down is
refused when it is loaded, and ``ctx.refuse`` stops a run with one line and nothing changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa

from citrine_state import db

from ..support.cli import citrine
from ..support.fixture_project import MINI

STEP = "20250201090000-create-gadgets"

SQL_ONLY = '''"""Create the gadgets table, each gadget belonging to a widget: SQL only."""

UP = """
CREATE TABLE gadgets (id serial NOT NULL, widget integer NOT NULL REFERENCES widgets (id),
    CONSTRAINT gadgets_pkey PRIMARY KEY (id));
"""
DATA_MOVES = ("one-gadget-per-widget.sql",)
DOWN_FILE = "drop-gadgets.sql"
'''


def _project(tmp_path: Path, step_text: str) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(MINI, dest, ignore=shutil.ignore_patterns("__pycache__", ".citrine"))
    folder = dest / "versions" / "1.1.0"
    (folder / f"{STEP}.py").write_text(step_text, encoding="utf-8")
    (folder / "sql").mkdir()
    (folder / "sql" / "one-gadget-per-widget.sql").write_text(
        "INSERT INTO gadgets (widget) SELECT id FROM widgets ORDER BY id;\n", encoding="utf-8")
    (folder / "sql" / "drop-gadgets.sql").write_text(
        "CREATE TABLE {archive}.gadgets_kept AS SELECT * FROM gadgets;\nDROP TABLE gadgets;\n",
        encoding="utf-8")
    return dest


def _rows(url: object, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        rows = [tuple(r) for r in conn.execute(sa.text(sql))]
        conn.rollback()
        return rows


def _at_100_with_widgets(tmp_path: Path, url: object, step_text: str) -> Path:
    project = _project(tmp_path, step_text)
    assert citrine("version", "1.0.0", project=project, url=url).code == 0
    with db.connect(url) as conn:
        conn.exec_driver_sql("INSERT INTO widgets (name, colour) VALUES ('a', 'red'), "
                             "('b', 'blue')")
        conn.commit()
    return project


def test_a_step_that_only_declares_sql_is_run_up_and_down_by_the_engine(
        tmp_path: Path, database) -> None:
    project = _at_100_with_widgets(tmp_path, database, SQL_ONLY)
    up = citrine("migrate", project=project, url=database)
    assert up.code == 0, up.text
    # UP, then the data move
    assert _rows(database, "SELECT widget FROM gadgets ORDER BY id") == [(1,), (2,)]
    down = citrine("undo", project=project, url=database)
    assert down.code == 0, down.text
    # DOWN_FILE, with the archive schema made first and {archive} filled in
    assert _rows(database, "SELECT to_regclass('gadgets')") == [(None,)]
    assert _rows(database, "SELECT widget FROM citrine_archive.gadgets_kept ORDER BY id") == [
        (1,), (2,)]


def test_a_step_with_no_way_down_is_refused_when_it_is_loaded(tmp_path: Path) -> None:
    project = _project(tmp_path, SQL_ONLY.replace('DOWN_FILE = "drop-gadgets.sql"\n', ""))
    run = citrine("manager", "validate", project=project)
    assert run.code == 1, run.text
    assert f"versions/1.1.0/{STEP}.py has no `down(ctx)` function" in run.out, run.out


def test_ctx_refuse_stops_the_run_with_one_line_and_nothing_changed(
        tmp_path: Path, database) -> None:
    refusing = SQL_ONLY + '''

def down(ctx):
    kept = ctx.execute("SELECT count(*) FROM gadgets").scalar_one()
    if kept:
        ctx.refuse(f"{ctx.step.name}: {kept} gadget(s) would be lost; delete them first")
    ctx.script("DROP TABLE gadgets")
'''
    project = _at_100_with_widgets(tmp_path, database, refusing)
    assert citrine("migrate", project=project, url=database).code == 0
    run = citrine("undo", project=project, url=database)
    assert run.code == 2, run.text
    errors = [line for line in run.err.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {STEP}: 2 gadget(s) would be lost; delete them first"], run.err
    assert _rows(database, "SELECT count(*) FROM gadgets") == [(2,)]
    applied = _rows(database, "SELECT name FROM citrine_state.applied WHERE kind = 'step'")
    assert (STEP,) in applied
