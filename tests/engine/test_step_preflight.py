"""The engine's step pre-flight and ``--resolve``, on a small project of its own (no CitrineOS).

The report fixture project (widgets at 1.0.0), with two pending steps in 1.1.0: a plain one
(``add-widget-size``) and, after it, one whose ``up`` adds a unique index on widget names, with
a pre-flight that names duplicate names and a resolution (``rename-duplicate-widgets``) that
settles them. The pre-flight must stop the run before the plain step, earlier in the run, ran.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import sqlalchemy as sa

from citrine_state import db

from ..support.cli import citrine

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "report-project"

PLAIN = '''"""Add widgets.size."""


def up(ctx):
    ctx.script("ALTER TABLE widgets ADD COLUMN size integer")


def down(ctx):
    ctx.script("ALTER TABLE widgets DROP COLUMN size")
'''

CHECKED = '''"""A unique index on widget names."""

from citrine_state.steps import Finding

RESOLUTIONS = {"rename-duplicate-widgets": "append the id to every duplicate name but the first"}


def preflight(ctx):
    rows = ctx.execute("SELECT name, array_agg(id ORDER BY id) FROM widgets GROUP BY name"
                       " HAVING count(*) > 1 ORDER BY name").all()
    return [Finding(ctx.step.name, f"name {name!r} is used by widgets {ids}", [f"ids {ids}"],
                    {"name": name, "ids": ids}, "rename-duplicate-widgets")
            for name, ids in rows]


def resolve(ctx, name):
    ctx.script("UPDATE widgets w SET name = w.name || '-' || w.id FROM widgets f"
               " WHERE f.name = w.name AND f.id < w.id")
    ctx.report("renamed duplicates")


def up(ctx):
    ctx.script("CREATE UNIQUE INDEX widgets_name ON widgets (name)")


def down(ctx):
    ctx.script("DROP INDEX widgets_name")
'''


def _project(tmp_path: Path) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(MINI, dest, ignore=shutil.ignore_patterns("__pycache__", ".citrine"))
    folder = dest / "versions" / "1.1.0"
    (folder / "20250201080000-add-widget-size.py").write_text(PLAIN, encoding="utf-8")
    (folder / "20250201100000-unique-widget-names.py").write_text(CHECKED, encoding="utf-8")
    config = json.loads((dest / "migration-config.json").read_text(encoding="utf-8"))
    config["versions"]["1.1.0"]["migrations"] = [
        "20250201080000-add-widget-size", "20250201090000-create-gadgets",
        "20250201100000-unique-widget-names"]
    (dest / "migration-config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return dest


def _query(url: object, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_a_step_preflight_stops_the_run_before_its_first_step_and_resolve_settles_it(
        tmp_path: Path, database) -> None:
    project = _project(tmp_path)
    assert citrine("version", "1.0.0", project=project, url=database).code == 0
    with db.connect(database) as conn:
        db.run_script(conn, "INSERT INTO widgets (name) VALUES ('a'), ('b'), ('a')")
        conn.commit()

    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert [(f["summary"], f["resolution"]) for f in status["preflight"]] == [
        ("name 'a' is used by widgets [1, 3]", "rename-duplicate-widgets")]

    refused = citrine("migrate", "--json", project=project, url=database)
    assert refused.code == 2, refused.text
    assert json.loads(refused.out)["preflight"][0]["data"] == {"name": "a", "ids": [1, 3]}
    assert _query(database, "SELECT count(*) FROM information_schema.columns WHERE "
                            "table_name = 'widgets' AND column_name = 'size'") == [(0,)]
    assert _query(database, "SELECT to_regclass('gadgets')") == [(None,)]

    unknown = citrine("migrate", "--resolve", "rename-all", project=project, url=database)
    assert unknown.code == 2
    assert "no step offers that resolution (offered: rename-duplicate-widgets)" in unknown.err

    done = citrine("migrate", "--resolve", "rename-duplicate-widgets", project=project,
                   url=database)
    assert done.code == 0, done.text
    assert _query(database, "SELECT id, name FROM widgets ORDER BY id") == [
        (1, "a"), (2, "b"), (3, "a-3")]


def test_without_findings_the_resolution_is_not_needed(tmp_path: Path, database) -> None:
    project = _project(tmp_path)
    assert citrine("version", "1.0.0", project=project, url=database).code == 0
    run = citrine("migrate", project=project, url=database)
    assert run.code == 0, run.text
    assert json.loads(citrine("status", "--json", project=project, url=database).out)[
        "preflight"] == []

