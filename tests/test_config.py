"""migration-config.json is validated: every problem names its place, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citrine_state import project as project_mod
from citrine_state.errors import UsageError

from .support.cli import citrine


def _edit(project: Path, change) -> None:
    path = project / "migration-config.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def test_the_committed_config_is_valid() -> None:
    repo = Path(__file__).resolve().parents[1]
    proj = project_mod.load(repo)
    names = [v.name for v in proj.versions]
    assert names[:2] == ["1.7.0", "1.8.0"] and names[-2:] == ["1.8.3", "1.9.0"]
    assert proj.version("1.7.0").steps == ("20250430103000-initial",)
    assert len(proj.version("1.8.0").steps) == 11
    assert len(proj.version("1.8.3").steps) == 9
    planned = proj.version("1.9.0")  # after what upstream shipped, no steps yet
    assert (planned.start, planned.end, planned.steps) == ("20260221000000", "20261231999999", ())
    # the newest version with models: 1.8.3 once they exist
    assert proj.latest.name == ("1.8.3" if proj.models_path(proj.version("1.8.3")) else "1.8.0")


def test_malformed_json_names_line_and_column(project: Path) -> None:
    path = project / "migration-config.json"
    path.write_text(path.read_text()[:200])
    run = citrine("snapshot", "--check", project=project)
    assert run.code == 2
    assert "not valid JSON at line" in run.err
    assert "Traceback" not in run.text


def test_missing_field_names_its_path(project: Path) -> None:
    _edit(project, lambda d: d["versions"]["1.8.0"].pop("timestamp_range"))
    run = citrine("snapshot", "--check", project=project)
    assert run.code == 2
    assert '$.versions["1.8.0"]: \'timestamp_range\' is missing' in run.err


def test_overlapping_ranges_are_refused(project: Path) -> None:
    _edit(project, lambda d: d["versions"]["1.9.0"]["timestamp_range"].update(
        start="20250901000000"))
    with pytest.raises(UsageError, match=r'versions\["1.9.0"\].timestamp_range: overlaps version'):
        project_mod.load(project)


def test_step_outside_its_range_is_refused(project: Path) -> None:
    _edit(project, lambda d: d["versions"]["1.8.0"]["migrations"].append(
        "20260101000000-from-the-future"))
    with pytest.raises(UsageError, match=r"migrations\[11\]: step 20260101000000-from-the-future "
                                         r"lies outside"):
        project_mod.load(project)


def test_bad_timestamp_form_is_refused(project: Path) -> None:
    _edit(project, lambda d: d["versions"]["1.9.0"]["timestamp_range"].update(end="2025"))
    with pytest.raises(UsageError, match=r"timestamp_range.end: '2025' does not have"):
        project_mod.load(project)


def test_unknown_version_is_a_usage_error(project: Path) -> None:
    with pytest.raises(UsageError, match="unknown version '9.9.9'"):
        project_mod.load(project).version("9.9.9")
