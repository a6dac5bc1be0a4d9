"""The spec's "Future Versions": `manager new-version` starts a version from the previous
models, `manager new-step` writes a step generated from the models, and the result upgrades a
database of the latest modelled version (1.8.3 once its models are in) to the new version both
step by step and by the consolidated migration. The planned 1.9.0 starts right after 1.8.3
(20260221000000..20261231999999)."""

from __future__ import annotations

import ast
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from citrine_state import db, scaffold
from citrine_state.errors import Refused, UsageError
from citrine_state.project import load

from .support.cli import citrine
from .support.reference import assert_same_schema

REPO = Path(__file__).resolve().parents[1]
# The version new-version copies: the newest one with models.
LATEST = load(REPO).latest.name

STATION_ANCHOR = "    capabilities: Mapped[Any | None] = mapped_column(JSONB)\n"
NOTES_TABLE = '''

class StationNote(Base):
    __tablename__ = "StationNotes"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StationNotes_pkey"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="StationNotes_stationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(String(1000))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
'''


def _edit_models(project: Path) -> None:
    """1.9.0 = the latest version + a nullable ChargingStations.notes (last column) + a
    StationNotes table."""
    path = project / "schema" / "v1_9_0.py"
    source = path.read_text(encoding="utf-8")
    assert source.count(STATION_ANCHOR) == 1
    notes = "    notes: Mapped[str | None] = mapped_column(String(255))\n"
    source = source.replace(STATION_ANCHOR, STATION_ANCHOR + notes)
    path.write_text(source + NOTES_TABLE, encoding="utf-8")


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


def test_a_new_version_upgrades_the_latest_by_steps_and_by_consolidated_to_the_same_schema(
        project: Path, make_database) -> None:
    run = citrine("manager", "new-version", "1.9.0", "--description", "Notes on stations",
                  project=project)
    _ok(run)
    assert (project / "schema" / "v1_9_0.py").is_file()
    assert (project / "versions" / "1.9.0").is_dir()
    entry = _config(project)["versions"]["1.9.0"]
    assert entry["description"] == "Notes on stations"
    assert entry["timestamp_range"] == {"start": "20260221000000", "end": "20261231999999"}
    _ok(citrine("snapshot", project=project))

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
        f"-- citrine-state consolidated migration {LATEST} -> 1.9.0\n")
    assert '"StationNotes"' in consolidated.read_text(encoding="utf-8")

    by_steps, by_consolidated = make_database("nv_steps"), make_database("nv_cons")
    for url in (by_steps, by_consolidated):
        _ok(citrine("version", LATEST, project=project, url=url))
        _add_station(url)
    run = citrine("migrate", project=project, url=by_steps)
    _ok(run)
    assert steps[0] in run.text
    run = citrine("consolidated", project=project, url=by_consolidated)
    _ok(run)
    assert f"{LATEST} -> 1.9.0" in run.text
    for url in (by_steps, by_consolidated):
        _ok(citrine("verify", "--version", "1.9.0", project=project, url=url))
        with db.connect(url) as conn:
            row = conn.execute(text('SELECT id, notes FROM "ChargingStations"')).one()
        assert tuple(row) == ("cs-1", None)
    assert_same_schema(by_steps, by_consolidated)
    orders = _column_orders(by_steps)
    assert orders["ChargingStations"][-1] == "notes"
    assert orders["StationNotes"] == ["id", "stationId", "body", "createdAt"]
    assert _column_orders(by_consolidated) == orders

    # A fresh install of 1.9.0 (its snapshot and the seed rows new-version copied) is the same.
    fresh = make_database("nv_fresh")
    _ok(citrine("consolidated", project=project, url=fresh))
    assert_same_schema(fresh, by_steps)
    assert _column_orders(fresh) == orders
    with db.connect(fresh) as conn:
        assert conn.execute(text('SELECT count(*) FROM "Tenants" WHERE id = 1')).scalar() == 1


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
    names = list(json.loads(before)["versions"])
    assert names[-1] == "1.9.0" and list(_config(project)["versions"]) == [*names, "1.10.0"]
    models = (project / "schema" / "v1_10_0.py").read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(models)) or ""
    source = load(project).models_path(load(project).version(LATEST))
    assert source is not None
    assert doc.startswith(f"Version 1.10.0 models, started as a copy of version {LATEST}'s "
                          f"({source.relative_to(project).as_posix()}).")
    assert "Declarative base of the 1.10.0 models" in models
    assert (project / "versions" / "1.10.0" / "seed.sql").is_file()
    _ok(citrine("manager", "validate", project=project))


def test_new_version_copies_a_models_package_as_a_package(project: Path) -> None:
    module = "v" + LATEST.replace(".", "_")
    package = project / "schema" / module
    if not package.is_dir():
        package.mkdir()
        (project / "schema" / f"{module}.py").rename(package / "__init__.py")
    _ok(citrine("manager", "new-version", "1.9.0", "--description", "Notes", project=project))
    init = (project / "schema" / "v1_9_0" / "__init__.py").read_text(encoding="utf-8")
    assert (ast.get_docstring(ast.parse(init)) or "").startswith(
        f"Version 1.9.0 models, started as a copy of version {LATEST}'s (schema/{module}/).")
    _ok(citrine("snapshot", project=project))
    body = (project / "snapshots" / "1.9.0.sql").read_text(encoding="utf-8").split("\n\n", 1)
    assert body[1] == (project / "snapshots" / f"{LATEST}.sql").read_text(
        encoding="utf-8").split("\n\n", 1)[1]


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
    (["1.7.5"], f"not newer than {LATEST}"),
    (["1.8.5"], "no room for version 1.8.5"),  # 1.8.3 ends where 1.9.0 starts
    (["1.10.0", "--end", "20271301000000"], "20271301 is no date"),
    (["1.10.0", "--end", "20261231000000"], "is before 20270101000000"),
    (["1.9.0", "--end", "20261130000000"], "the config already gives 1.9.0 the range"),
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
    # A second step of the same name is refused; another name comes after the first: one
    # second later, or now when now lies in 1.9.0's range (test_step_stamps_... pins the rule).
    _refused(citrine("manager", "new-step", "backfill-notes", "--empty", "--description", "x",
                     project=project), "already has a step named backfill-notes")
    _ok(citrine("manager", "new-step", "more-notes", "--empty", "--description", "More",
                project=project))
    later = _config(project)["versions"]["1.9.0"]["migrations"]
    assert later[0] == steps[0] and later[1].endswith("-more-notes")
    now = scaffold.stamp_of(datetime.now(UTC))
    assert scaffold.after(steps[0][:14]) <= later[1][:14] <= max(now, "20260221000001")


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
    assert scaffold.open_version(proj, datetime(2028, 1, 1)).name == LATEST  # newest modelled


def test_appending_to_a_config_array_keeps_its_layout() -> None:
    source = '{\r\n  "a": [],\r\n  "b": ["x"],\r\n  "c": [\r\n    "x"\r\n  ]\r\n}\r\n'
    out = scaffold.config_with_appended(source, ["a"], "y")
    assert out == source.replace('"a": []', '"a": [\r\n    "y"\r\n  ]')
    out = scaffold.config_with_appended(source, ["b"], "y")
    assert '"b": ["x", "y"],' in out
    out = scaffold.config_with_appended(source, ["c"], "y")
    assert '"c": [\r\n    "x",\r\n    "y"\r\n  ]' in out
