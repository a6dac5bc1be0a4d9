"""`manager validate`: every problem of migration-config.json (JSON Schema shipped with the
engine, rules between versions) and of the step files against it, each with its JSON path;
exit 1 when there is any, 0 and "valid" when there is none. Other commands stop at the first
problem with the same text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .support.cli import citrine

MINI = Path(__file__).resolve().parent / "fixtures" / "report-project"


def _edit(project: Path, change) -> None:
    path = project / "migration-config.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def _problems(project: Path) -> list[str]:
    run = citrine("manager", "validate", "--json", project=project)
    assert run.code == 1, run.text
    data = json.loads(run.out)
    assert data["valid"] is False
    return data["problems"]


def test_the_citrineos_project_is_valid(project: Path) -> None:
    run = citrine("manager", "validate", project=project)
    assert run.code == 0, run.text
    assert run.out.startswith("✅ valid: ")


def test_the_report_fixture_project_is_valid(tmp_path: Path) -> None:
    copy = tmp_path / "mini"
    shutil.copytree(MINI, copy)
    assert citrine("manager", "validate", project=copy).code == 0


def test_every_schema_problem_is_reported_with_its_json_path(project: Path) -> None:
    def breakit(d: dict) -> None:
        d["versions"]["1.7.0"].pop("timestamp_range")
        d["versions"]["1.8.0"]["features"] = "not a list"
        d["versions"]["1.9.0"]["migrations"] = ["Not-A-Step"]
        d["settings"]["lock_timeout"] = 5

    _edit(project, breakit)
    run = citrine("manager", "validate", project=project)
    assert run.code == 1
    assert "4 problem(s)" in run.out
    for text in ('$.versions["1.7.0"]: \'timestamp_range\' is missing',
                 '$.versions["1.8.0"].features: \'not a list\' is not of type \'array\'',
                 '$.versions["1.9.0"].migrations[0]: \'Not-A-Step\' does not have the expected '
                 'form',
                 "$.settings.lock_timeout: 5 is not of type 'string'"):
        assert text in run.out, text


def test_other_commands_stop_at_the_first_problem_with_the_same_text(project: Path) -> None:
    _edit(project, lambda d: (d["versions"]["1.8.0"].pop("upgrade_notes"),
                              d["versions"]["1.9.0"]["timestamp_range"].update(end="2025")))
    problems = _problems(project)
    assert len(problems) == 2
    config = project.resolve() / "migration-config.json"
    for command in (["status"], ["snapshot", "--check"], ["manager", "list"],
                    ["manager", "report", "--no-database"], ["backup"]):
        run = citrine(*command, project=project)
        assert run.code == 2, command
        assert run.err == (f"error: {config}: {problems[0]} (and 1 more: run "
                           "`citrine-migrate manager validate`)\n"), command


def test_rules_between_versions_are_checked_after_the_schema(project: Path) -> None:
    _edit(project, lambda d: d["versions"]["1.9.0"]["timestamp_range"].update(
        start="20260215000000"))
    problems = _problems(project)
    assert problems == [
        '$.versions["1.9.0"].timestamp_range: overlaps version 1.8.3 '
        "(20260204000000..20260220999999 vs 20260215000000..20261231999999)"
    ]


def test_a_listed_step_without_its_file(project: Path) -> None:
    (project / "versions" / "1.8.0" / "20250903102900-create-evses.py").unlink()
    assert _problems(project) == [
        '$.versions["1.8.0"].migrations[10]: step 20250903102900-create-evses has no file: '
        "expected versions/1.8.0/20250903102900-create-evses.py"
    ]


def test_a_step_file_the_config_does_not_list(project: Path) -> None:
    extra = project / "versions" / "1.8.0" / "20250801000000-forgotten-step.py"
    extra.write_text('"""Forgotten."""\n\n\ndef up(ctx):\n    pass\n\n\ndef down(ctx):\n'
                     "    pass\n")
    assert _problems(project) == [
        '$.versions["1.8.0"].migrations: versions/1.8.0/20250801000000-forgotten-step.py is '
        "a step file the config does not list"
    ]


def test_a_step_file_in_the_wrong_version_folder(project: Path) -> None:
    src = project / "versions" / "1.8.0" / "20250903102900-create-evses.py"
    src.rename(project / "versions" / "1.7.0" / src.name)
    assert _problems(project) == [
        '$.versions["1.8.0"].migrations[10]: step 20250903102900-create-evses has no file: '
        "expected versions/1.8.0/20250903102900-create-evses.py (it is in versions/1.7.0/)",
        '$.versions["1.7.0"].migrations: versions/1.7.0/20250903102900-create-evses.py is '
        "listed under version 1.8.0, not 1.7.0",
    ]


def test_badly_named_and_incomplete_step_files(project: Path) -> None:
    folder = project / "versions" / "1.8.0"
    (folder / "20250801000000-Bad_Name.py").write_text("def up(ctx):\n    pass\n")
    step = folder / "20250715000000-create-async-job-status.py"
    step.write_text(step.read_text().replace("def down(ctx)", "def down_(ctx)"))
    (project / "versions" / "2.0.0").mkdir()
    (project / "versions" / "2.0.0" / "20260101000000-future.py").write_text("")
    assert _problems(project) == [
        '$.versions["1.8.0"].migrations[8]: '
        "versions/1.8.0/20250715000000-create-async-job-status.py has no `down(ctx)` function",
        '$.versions["1.8.0"].migrations: versions/1.8.0/20250801000000-Bad_Name.py is not '
        "named <14-digit timestamp>-<lower-case words joined by dashes>.py",
        "$.versions: versions/2.0.0/ holds step files, but the config has no version 2.0.0",
    ]


def test_custom_batch_problems_are_the_batch_loaders(project: Path) -> None:
    custom = project / "versions" / "custom"
    custom.mkdir(exist_ok=True)
    (custom / "hotfix-metadata.json").write_text(json.dumps({
        "batchName": "hotfix",
        "description": "spec format, but no migration file next to it",
        "createdAt": "2025-07-25T10:30:00.000Z",
        "migrations": [{"filename": "20250621120000-flatten-authorization.ts",
                        "description": "flatten-authorization", "timestamp": "20250621120000"}],
    }))
    problems = _problems(project)
    assert problems == ["custom batch hotfix has no versions/custom/hotfix-consolidated.py: "
                        "recreate it with `citrine-migrate select --force`"]
    run = citrine("custom", "hotfix", project=project,
                  url="postgresql://nobody@127.0.0.1:1/nothing")
    assert run.code == 2 and problems[0] in run.err


def test_malformed_json_is_a_problem_not_a_crash(project: Path) -> None:
    path = project / "migration-config.json"
    path.write_text(path.read_text()[:300])
    problems = _problems(project)
    assert len(problems) == 1 and problems[0].startswith("$: not valid JSON at line ")


def test_no_project_is_a_usage_error(tmp_path: Path) -> None:
    run = citrine("manager", "validate", env={"CITRINE_PROJECT": str(tmp_path)})
    assert run.code == 2
    assert "has no migration-config.json" in run.err
