"""The small fixture project of the engine tests (tests/fixtures/report-project, no CitrineOS):
widgets at 1.0.0 (two steps, modelled, with a snapshot), gadgets planned in 1.1.0 (one step, no
models yet). Copies of it, plain or with the online step of tests/engine/test_online_steps.py
in place of the gadgets, and a database at 1.0.0 with widgets in it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import sqlalchemy as sa

from citrine_state import db

from .cli import citrine

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "report-project"
ONLINE_STEP_NAME = "20250201100000-widget-colours"

ONLINE_STEP = '''"""Widget colours from a list, and an index on name lengths."""

from citrine_state.online import ForeignKey, Index

ONLINE = (
    Index("widgets_name_length", "public.widgets", "USING btree (slow_length(name))"),
    ForeignKey("widgets_colour_fkey", "public.widgets", ("colour",), "public.colours",
               ("name",)),
)


def up(ctx):
    ctx.script("""
CREATE FUNCTION slow_length(text) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_sleep(0.02); RETURN length($1); END $$;
CREATE TABLE colours (name varchar(20) PRIMARY KEY);
INSERT INTO colours VALUES ('red'), ('green'), ('blue');
ALTER TABLE widgets ADD COLUMN weight integer;
""")


def down(ctx):
    ctx.script("""
ALTER TABLE widgets DROP CONSTRAINT IF EXISTS widgets_colour_fkey;
DROP INDEX IF EXISTS widgets_name_length;
ALTER TABLE widgets DROP COLUMN weight;
DROP TABLE colours;
DROP FUNCTION slow_length(text);
""")
'''


def copy_project(tmp_path: Path) -> Path:
    """A private copy of the fixture project as it is (no verifier cache)."""
    dest = tmp_path / "mini"
    shutil.copytree(MINI, dest, ignore=shutil.ignore_patterns("__pycache__", ".citrine"))
    return dest


def online_project(tmp_path: Path) -> Path:
    """A copy whose 1.1.0 is the one online step ``ONLINE_STEP`` instead of the gadgets."""
    dest = copy_project(tmp_path)
    folder = dest / "versions" / "1.1.0"
    (folder / "20250201090000-create-gadgets.py").unlink()
    (folder / f"{ONLINE_STEP_NAME}.py").write_text(ONLINE_STEP, encoding="utf-8")
    config = json.loads((dest / "migration-config.json").read_text(encoding="utf-8"))
    config["versions"]["1.1.0"]["migrations"] = [ONLINE_STEP_NAME]
    (dest / "migration-config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return dest


def query(url: object, sql: str) -> list[tuple]:
    """Run ``sql`` and commit; its rows, if it returns any."""
    with db.connect(url) as conn:
        result = conn.execute(sa.text(sql))
        rows = [tuple(r) for r in result] if result.returns_rows else []
        conn.commit()
        return rows


def at_100(tmp_path: Path, url: object, widgets: int, colour: str = "red") -> Path:
    """The online project, its database installed at 1.0.0 with ``widgets`` widgets."""
    project = online_project(tmp_path)
    assert citrine("version", "1.0.0", project=project, url=url).code == 0
    query(url, f"INSERT INTO widgets (name, colour) SELECT 'w' || k, '{colour}' "
               f"FROM generate_series(1, {widgets}) AS k")
    return project
