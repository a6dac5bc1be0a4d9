"""The spec's "Future Versions": `manager new-version` starts a version as changes to the
previous models (a delta: BASED_ON and evolve), `manager new-step` writes a step generated from
the composed models, and the result upgrades a 1.8.3 database (itself a delta on a delta) to the
new version both step by step and by the consolidated migration."""

from __future__ import annotations

import ast
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from citrine_state import db
from citrine_state.autogen import scaffold
from citrine_state.errors import Refused, UsageError
from citrine_state.project import load

from .support.cli import citrine
from .support.reference import assert_same_schema
from .test_enum_values import _end_at_1_8_0

EVOLVE_ANCHOR = '    """1.8.3\'s models, copied: change them here to what 1.9.0 is."""\n'
NOTES = '''    stations = metadata.tables["ChargingStations"]
    stations.append_column(Column("notes", String(255)))
    Table(
        "StationNotes", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("stationId", String(36), nullable=False),
        Column("body", String(1000), nullable=False),
        Column("createdAt", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("id", name="StationNotes_pkey"),
        ForeignKeyConstraint(["stationId"], ["ChargingStations.id"],
                             name="StationNotes_stationId_fkey", onupdate="CASCADE",
                             ondelete="CASCADE"),
    )
'''
IMPORTS = ("from sqlalchemy import (Column, DateTime, ForeignKeyConstraint, Integer, MetaData, "
           "PrimaryKeyConstraint, String, Table)\n")


def _edit_models(project: Path) -> None:
    """1.9.0 = 1.8.3 + a nullable ChargingStations.notes (last column) + a StationNotes table,
    written in the evolve() that new-version started."""
    path = project / "schema" / "v1_9_0.py"
    source = path.read_text(encoding="utf-8")
    assert source.count(EVOLVE_ANCHOR) == 1
    assert source.count("from sqlalchemy import MetaData\n") == 1
    source = source.replace("from sqlalchemy import MetaData\n", IMPORTS)
    path.write_text(source.replace(EVOLVE_ANCHOR, EVOLVE_ANCHOR + NOTES), encoding="utf-8")


def _config(project: Path) -> dict:
    return json.loads((project / "migration-config.json").read_text(encoding="utf-8"))


def _ok(run) -> None:
    assert run.code == 0, run.text


def _refused(run, *needles: str) -> None:
    assert run.code == 2, run.text
    errors = [ln for ln in run.err.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1 and run.err.rstrip().endswith(errors[0]), run.err  # one line, last
    assert "Traceback" not in run.text
    for needle in needles:
        assert needle in errors[0], errors[0]


def _column_orders(url) -> dict[str, list[str]]:
    """Every table's columns in order (migra's diff does not compare column order)."""
    with db.connect(url) as conn:
        rows = conn.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name <> 'SequelizeMeta' "
            "ORDER BY table_name, ordinal_position")).all()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def _add_station(url) -> None:
    with db.connect(url) as conn:
        conn.execute(text('INSERT INTO "ChargingStations" (id, "createdAt", "updatedAt") '
                          "VALUES ('cs-1', now(), now())"))
        conn.commit()


# --- the whole workflow -------------------------------------------------------------------------


def test_a_new_version_upgrades_1_8_3_by_steps_and_by_consolidated_to_the_same_schema(
        project: Path, make_database) -> None:
    run = citrine("manager", "new-version", "1.9.0", "--description", "Notes on stations",
                  project=project)
    _ok(run)
    assert (project / "versions" / "1.9.0").is_dir()
    entry = _config(project)["versions"]["1.9.0"]
    assert entry["description"] == "Notes on stations"
    assert entry["timestamp_range"] == {"start": "20260221000000", "end": "20261231999999"}
    _ok(citrine("snapshot", project=project))
    # A delta that changes nothing yet: 1.9.0's snapshot is 1.8.3's.
    assert _snapshot_body(project, "1.9.0") == _snapshot_body(project, "1.8.3")

    server = make_database("nv_shadow")  # a server to build shadow databases on
    _refused(citrine("manager", "new-step", "add-notes", "--description", "Notes",
                     project=project, url=server),
             "the models and the steps agree: nothing to generate")

    _edit_models(project)
    _ok(citrine("snapshot", project=project))
    run = citrine("manager", "new-step", "add-notes", "--description",
                  "Notes on charging stations", project=project, url=server)
    _ok(run)

    steps = _config(project)["versions"]["1.9.0"]["migrations"]
    assert len(steps) == 1 and re.fullmatch(r"\d{14}-add-notes", steps[0])
    assert "20260221000000" <= steps[0][:14] <= "20261231999999"
    step_file = project / "versions" / "1.9.0" / f"{steps[0]}.py"
    source = step_file.read_text(encoding="utf-8")
    module = ast.parse(source)
    doc = ast.get_docstring(module) or ""
    assert doc.splitlines()[0] == "Notes on charging stations"
    assert "review" in doc.lower() and "DATA_MOVES" in doc
    values = {n.targets[0].id: n.value.value for n in module.body
              if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)}
    assert 'add column "notes" character varying(255)' in values["UP"]
    assert 'create table "public"."StationNotes"' in values["UP"]
    assert re.search(r'-- hazards: deletes-data[^\n]*\ndrop table "public"."StationNotes"',
                     values["DOWN"])
    assert re.search(r'-- hazards: deletes-data[^\n]*\nalter table "public"."ChargingStations" '
                     r'drop column "notes"', values["DOWN"])
    _ok(citrine("manager", "validate", project=project))
    _ok(citrine("snapshot", "--check", project=project))

    _ok(citrine("manager", "batch", project=project, url=server))
    consolidated = project / "versions" / "1.9.0" / "v1.9.0-consolidated.sql"
    assert consolidated.read_text(encoding="utf-8").startswith(
        "-- citrine-state consolidated migration 1.8.3 -> 1.9.0\n")
    assert '"StationNotes"' in consolidated.read_text(encoding="utf-8")

    by_steps = make_database("nv_steps")
    _ok(citrine("version", "1.8.3", project=project, url=by_steps))
    _add_station(by_steps)
    run = citrine("migrate", project=project, url=by_steps)
    _ok(run)
    assert steps[0] in run.text
    _ok(citrine("verify", "--version", "1.9.0", project=project, url=by_steps))
    with db.connect(by_steps) as conn:
        row = conn.execute(text('SELECT id, notes FROM "ChargingStations"')).one()
    assert tuple(row) == ("cs-1", None)
    orders = _column_orders(by_steps)
    assert orders["ChargingStations"][-1] == "notes"
    assert orders["StationNotes"] == ["id", "stationId", "body", "createdAt"]

    # A fresh install of 1.9.0 (its snapshot and the seed rows new-version copied) is the same.
    fresh = make_database("nv_fresh")
    _ok(citrine("consolidated", project=project, url=fresh))
    assert_same_schema(fresh, by_steps)
    assert _column_orders(fresh) == orders
    with db.connect(fresh) as conn:
        assert conn.execute(text('SELECT count(*) FROM "Tenants" WHERE id = 1')).scalar() == 1

    # The consolidated path starts from a database that status knows as exactly 1.8.3: that
    # takes 1.8.1-1.8.3's own steps in the config (on a branch without them, a 1.8.3 database
    # is recorded as 1.8.0's twelve steps).
    if not load(project).version("1.8.3").steps:
        pytest.skip("1.8.1-1.8.3 list no steps yet: a 1.8.3 database cannot be told from 1.8.0")
    by_consolidated = make_database("nv_cons")
    _ok(citrine("version", "1.8.3", project=project, url=by_consolidated))
    _add_station(by_consolidated)
    run = citrine("consolidated", project=project, url=by_consolidated)
    _ok(run)
    assert "1.8.3 -> 1.9.0" in run.text
    _ok(citrine("verify", "--version", "1.9.0", project=project, url=by_consolidated))
    with db.connect(by_consolidated) as conn:
        row = conn.execute(text('SELECT id, notes FROM "ChargingStations"')).one()
    assert tuple(row) == ("cs-1", None)
    assert_same_schema(by_steps, by_consolidated)
    assert _column_orders(by_consolidated) == orders


def test_a_column_placed_mid_table_is_rebuilt_said_plainly_and_warned_of_no_loss(
        project: Path, make_database) -> None:
    # A nullable column declared after ChargingStations.isOnline: PostgreSQL appends it, so the
    # step rebuilds the 18 columns after it. That took 80 CONTRACT statements and a warning
    # that 18 of them delete data, though nothing is lost. A delta appends columns, so the
    # column is placed in a full model: 1.9.0 as a copy of 1.8.0's (the project ends there).
    _end_at_1_8_0(project)
    _ok(citrine("manager", "new-version", "1.9.0", "--description", "Notes", project=project))
    path = project / "schema" / "v1_9_0.py"
    anchor = "    isOnline: Mapped[bool | None] = mapped_column(Boolean)\n"
    source = (project / "schema" / "v1_8_0.py").read_text(encoding="utf-8")
    assert source.count(anchor) == 1
    path.write_text(source.replace(anchor, anchor + "    notes: Mapped[str | None] = "
                                   "mapped_column(String(255))\n"), encoding="utf-8")
    _ok(citrine("snapshot", project=project))
    server = make_database("nv_mid")
    run = citrine("manager", "new-step", "add-notes", "--description", "Notes", project=project,
                  url=server)
    _ok(run)
    assert "delete data" not in run.out
    assert "PostgreSQL adds a new column at the end of its table, but the models put notes " \
           "before existing columns of ChargingStations" in run.out
    assert "No value is lost" in run.out and "declare new columns last" in run.out
    step = next((project / "versions" / "1.9.0").glob("*-add-notes.py"))
    module = ast.parse(step.read_text(encoding="utf-8"))
    values = {n.targets[0].id: n.value.value for n in module.body
              if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)}
    assert "deletes-data" not in values["UP"] + values["CONTRACT"]
    # the drops of the old copies, and no hazard line calls them a loss
    assert len(re.findall(r'drop column "[^"]+__citrine_moved";', values["CONTRACT"])) == 18
    doc = ast.get_docstring(module) or ""
    assert "CONTRACT deletes data" not in doc and "sets NOT NULL" not in doc
    assert "rebuilds the 18 column(s) after it" in doc

    # The values survive: a station's protocol is still there after the upgrade.
    url = make_database("nv_mid_db")
    _ok(citrine("version", "1.8.0", project=project, url=url))
    with db.connect(url) as conn:
        conn.execute(text('INSERT INTO "ChargingStations" (id, protocol, "createdAt", '
                          "\"updatedAt\") VALUES ('cs-1', 'ocpp2.0.1', now(), now())"))
        conn.commit()
    plan = citrine("migrate", "--dry-run", project=project, url=url)
    _ok(plan)
    assert "0 delete(s) of data not archived first" in plan.out
    _ok(citrine("migrate", project=project, url=url))
    with db.connect(url) as conn:
        row = conn.execute(text('SELECT protocol, notes, "tenantId" FROM "ChargingStations"'))
        assert tuple(row.one()) == ("ocpp2.0.1", None, 1)
    assert _column_orders(url)["ChargingStations"][:3] == ["id", "isOnline", "notes"]


# --- new-version --------------------------------------------------------------------------------


def test_new_version_adds_an_entry_in_the_configs_own_layout_after_the_last_version(
        project: Path) -> None:
    before = (project / "migration-config.json").read_text(encoding="utf-8")
    _ok(citrine("manager", "new-version", "1.10.0", "--description", "Later things",
                project=project))
    after = (project / "migration-config.json").read_text(encoding="utf-8")
    inserted = (
        ',\n    "1.10.0": {\n'
        '      "description": "Later things",\n'
        '      "timestamp_range": {\n'
        '        "start": "20270101000000",\n'
        '        "end": "20271231235959"\n'
        "      },\n"
        '      "features": [],\n'
        '      "migrations": [],\n'
        '      "breaking_changes": [],\n'
        '      "upgrade_notes": []\n'
        "    }"
    )
    assert after.count(inserted) == 1 and after.replace(inserted, "") == before
    assert list(_config(project)["versions"]) == ["1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.8.3",
                                                  "1.9.0", "1.10.0"]
    models = (project / "schema" / "v1_10_0.py").read_text(encoding="utf-8")
    tree = ast.parse(models)
    doc = ast.get_docstring(tree) or ""
    assert doc.startswith("Version 1.10.0 models: what changes from version 1.8.3 "
                          "(schema/v1_8_3.py).")
    assert "append_column" in doc and "citrine-migrate manager new-step" in doc
    # A delta, not a copy: BASED_ON the latest modelled version, an evolve that does nothing.
    names = {n.targets[0].id: n.value.value for n in tree.body
             if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)}
    assert names == {"BASED_ON": "1.8.3"}
    (evolve,) = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert evolve.name == "evolve" and [a.arg for a in evolve.args.args] == ["metadata"]
    assert len(evolve.body) == 1 and ast.get_docstring(evolve)  # its docstring only
    assert not [n for n in tree.body if isinstance(n, ast.ClassDef)]
    assert len(models.splitlines()) < 60
    seed = (project / "versions" / "1.10.0" / "seed.sql").read_text(encoding="utf-8")
    assert seed.endswith((project / "versions" / "1.8.3" / "seed.sql").read_text("utf-8"))
    _ok(citrine("manager", "validate", project=project))


def _snapshot_body(project: Path, version: str) -> str:
    """A snapshot without its two-line header (which names the models it came from)."""
    return (project / "snapshots" / f"{version}.sql").read_text(encoding="utf-8").split(
        "\n\n", 1)[1]


def test_new_version_builds_on_a_models_package_with_a_delta_module(project: Path) -> None:
    package = project / "schema" / "v1_8_3"
    package.mkdir()
    (project / "schema" / "v1_8_3.py").rename(package / "__init__.py")
    body = _snapshot_body(project, "1.8.3")
    _ok(citrine("snapshot", project=project))  # a delta may be a package too
    assert _snapshot_body(project, "1.8.3") == body
    _ok(citrine("manager", "new-version", "1.9.0", "--description", "Notes", project=project))
    assert not (project / "schema" / "v1_9_0").exists()
    models = (project / "schema" / "v1_9_0.py").read_text(encoding="utf-8")
    assert (ast.get_docstring(ast.parse(models)) or "").startswith(
        "Version 1.9.0 models: what changes from version 1.8.3 (schema/v1_8_3/).")
    _ok(citrine("snapshot", project=project))
    assert _snapshot_body(project, "1.9.0") == _snapshot_body(project, "1.8.3")


def test_new_version_end_option_sets_the_range_end(project: Path) -> None:
    _ok(citrine("manager", "new-version", "1.10.0", "--description", "Later", "--end",
                "20270630235959", project=project))
    assert _config(project)["versions"]["1.10.0"]["timestamp_range"] == {
        "start": "20270101000000", "end": "20270630235959"}


@pytest.mark.parametrize(("args", "needle"), [
    (["1.9"], "not a version name"),
    (["v1.9.0"], "not a version name"),
    (["01.9.0"], "not a version name"),
    (["1.8.0"], "already has its models: schema/v1_8_0.py"),
    (["1.7.5"], "not newer than 1.8.3"),
    (["1.8.2"], "already has its models: schema/v1_8_2.py"),
    (["1.8.5"], "no room for version 1.8.5"),
    (["1.10.0", "--end", "20251301000000"], "20251301 is no date"),
    (["1.10.0", "--end", "20261231000000"], "is before 20270101000000"),
    (["1.9.0", "--end", "20251130000000"], "the config already gives 1.9.0 the range"),
    (["1.9.0", "--description", " "], "--description is empty"),
])
def test_new_version_refuses_with_one_line_and_changes_nothing(
        project: Path, args: list[str], needle: str) -> None:
    before = (project / "migration-config.json").read_text(encoding="utf-8")
    schema = sorted(p.name for p in (project / "schema").iterdir())
    if "--description" not in args:
        args = [*args, "--description", "Something"]
    _refused(citrine("manager", "new-version", *args, project=project), needle)
    assert (project / "migration-config.json").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in (project / "schema").iterdir()) == schema


def test_new_version_requires_a_description(project: Path) -> None:
    run = citrine("manager", "new-version", "1.9.0", project=project)
    assert run.code == 2 and "--description" in run.err
    assert not (project / "schema" / "v1_9_0.py").exists()


# --- new-step -----------------------------------------------------------------------------------


def test_new_step_empty_writes_a_hand_written_step_and_lists_it(project: Path) -> None:
    # a range that has passed, so that the stamps do not depend on today's date
    config = project / "migration-config.json"
    text = config.read_text(encoding="utf-8")
    assert text.count('"end": "20261231999999"') == 1  # 1.9.0's
    config.write_text(text.replace('"end": "20261231999999"', '"end": "20260331999999"'),
                      encoding="utf-8")
    _ok(citrine("manager", "new-version", "1.9.0", "--description", "Notes", project=project))
    _ok(citrine("manager", "new-step", "backfill-notes", "--empty", "--description",
                "Backfill notes by hand", project=project))
    steps = _config(project)["versions"]["1.9.0"]["migrations"]
    assert len(steps) == 1 and steps[0].endswith("-backfill-notes")
    source = (project / "versions" / "1.9.0" / f"{steps[0]}.py").read_text(encoding="utf-8")
    module = ast.parse(source)
    assert (ast.get_docstring(module) or "").startswith("Backfill notes by hand\n")
    values = {n.targets[0].id: n.value.value for n in module.body
              if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)}
    assert values["UP"] == values["CONTRACT"] == values["DOWN"] == ""
    _ok(citrine("manager", "validate", project=project))
    # A second step of the same name is refused; another name comes after it (one second
    # later, or now when the clock is inside 1.9.0's range and past that), inside the range.
    _refused(citrine("manager", "new-step", "backfill-notes", "--empty", "--description", "x",
                     project=project), "already has a step named backfill-notes")
    _ok(citrine("manager", "new-step", "more-notes", "--empty", "--description", "More",
                project=project))
    later = _config(project)["versions"]["1.9.0"]["migrations"]
    assert later[0] == steps[0] and later[1].endswith("-more-notes")
    assert scaffold.after(steps[0][:14]) <= later[1][:14] <= "20261231999999"


@pytest.mark.parametrize(("args", "needle"), [
    (["Add_Notes", "--empty"], "not a step name"),
    (["add notes", "--empty"], "not a step name"),
    (["notes", "--empty", "--version", "1.9.0"], "version 1.9.0 has no models"),
    (["notes", "--empty", "--version", "2.0.0"], "unknown version '2.0.0'"),
])
def test_new_step_refuses_with_one_line_and_changes_nothing(
        project: Path, args: list[str], needle: str) -> None:
    before = (project / "migration-config.json").read_text(encoding="utf-8")
    listing = sorted(p.relative_to(project).as_posix() for p in project.rglob("*.py"))
    _refused(citrine("manager", "new-step", *args, "--description", "Notes", project=project),
             needle)
    assert (project / "migration-config.json").read_text(encoding="utf-8") == before
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*.py")) == listing


# --- timestamps and config edits (no database) --------------------------------------------------


def test_after_is_the_next_second_and_the_next_day_after_an_end_of_day_mark() -> None:
    assert scaffold.after("20250930999999") == "20251001000000"
    assert scaffold.after("20251231235959") == "20260101000000"
    assert scaffold.after("20240228235959") == "20240229000000"
    assert scaffold.after("20250228235959") == "20250301000000"
    assert scaffold.after("20250430103000") == "20250430103001"
    assert scaffold.before("20251001000000") == "20250930235959"
    with pytest.raises(UsageError, match="no date"):
        scaffold.after("20250231000000")
    with pytest.raises(UsageError, match="no time of day"):
        scaffold.after("20250101126099")
    with pytest.raises(UsageError, match="14 digits"):
        scaffold.after("2025")


def test_step_stamps_stay_inside_the_versions_range_and_after_its_last_step(
        project: Path) -> None:
    version = load(project).version("1.9.0")  # 20260221000000 .. 20261231999999, no steps
    inside = datetime(2026, 5, 2, 10, 30, 5)
    assert scaffold.step_stamp(version, inside) == "20260502103005"
    assert scaffold.step_stamp(version, datetime(2027, 1, 1)) == "20260221000000"
    with_steps = version.__class__(**{**version.__dict__,
                                      "steps": ("20260221000000-a", "20260605000000-b")})
    assert scaffold.step_stamp(with_steps, datetime(2027, 1, 1)) == "20260605000001"
    assert scaffold.step_stamp(with_steps, inside) == "20260605000001"
    last = version.__class__(**{**version.__dict__, "steps": ("20261231235959-z",)})
    with pytest.raises(Refused, match="after the version's range ends"):
        scaffold.step_stamp(last, datetime(2027, 1, 1))


def test_the_open_version_is_the_newest_modelled_one_whose_range_holds_now(
        project: Path) -> None:
    proj = load(project)
    assert scaffold.open_version(proj, datetime(2025, 6, 1)).name == "1.8.0"
    assert scaffold.open_version(proj, datetime(2025, 2, 1)).name == "1.7.0"
    assert scaffold.open_version(proj, datetime(2025, 11, 1)).name == "1.8.1"
    assert scaffold.open_version(proj, datetime(2026, 2, 1)).name == "1.8.2"
    assert scaffold.open_version(proj, datetime(2026, 2, 10)).name == "1.8.3"
    assert scaffold.open_version(proj, datetime(2026, 6, 1)).name == "1.8.3"  # 1.9.0: no models
    assert scaffold.open_version(proj, datetime(2027, 1, 1)).name == "1.8.3"  # newest modelled


def test_appending_to_a_config_array_keeps_its_layout() -> None:
    source = '{\r\n  "a": [],\r\n  "b": ["x"],\r\n  "c": [\r\n    "x"\r\n  ]\r\n}\r\n'
    out = scaffold.config_with_appended(source, ["a"], "y")
    assert out == source.replace('"a": []', '"a": [\r\n    "y"\r\n  ]')
    out = scaffold.config_with_appended(source, ["b"], "y")
    assert '"b": ["x", "y"],' in out
    out = scaffold.config_with_appended(source, ["c"], "y")
    assert '"c": [\r\n    "x",\r\n    "y"\r\n  ]' in out
