"""`manager validate`: every problem of migration-config.json (JSON Schema shipped with the
engine, rules between versions) and of the step files against it, each with its JSON path;
exit 1 when there is any, 0 and "valid" when there is none. Other commands stop at the first
problem with the same text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .support.cli import citrine

MINI = Path(__file__).resolve().parent / "fixtures" / "report-project"
REPO = Path(__file__).resolve().parents[1]


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
    _edit(project, lambda d: d["versions"]["1.8.1"]["timestamp_range"].update(
        start="20250901000000"))
    problems = _problems(project)
    assert problems == [
        '$.versions["1.8.1"].timestamp_range: overlaps version 1.8.0 '
        "(20250430105500..20250930999999 vs 20250901000000..20260109999999)"
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
        "named <14-digit timestamp>-<words of letters and digits joined by dashes>.py",
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


# --- settings: what PostgreSQL would refuse is refused here (issue 15, item 11) ------------------


@pytest.mark.parametrize(("settings", "says"), [
    ({"lock_timeout": "abc"}, "$.settings.lock_timeout: 'abc' is not a duration PostgreSQL "
                              "takes"),
    ({"lock_timeout": "5 sec"}, "$.settings.lock_timeout: '5 sec' is not a duration"),
    ({"lock_timeout": "-1s"}, "$.settings.lock_timeout: '-1s' is not a duration"),
    ({"lock_timeout": "5S"}, "$.settings.lock_timeout: '5S' is not a duration"),
    ({"lock_timeout": "0.2ms"}, "$.settings.lock_timeout: '0.2ms' rounds to 0 ms"),
    ({"statement_timeout": "25d"}, "$.settings.statement_timeout: '25d' is more than "
                                   "PostgreSQL's limit of 2147483647 ms"),
    ({"statement_timeout": ""}, "$.settings.statement_timeout: '' is not a duration"),
    ({"online_maintenance_work_mem": "lots"}, "$.settings.online_maintenance_work_mem: "
                                              "'lots' is not a memory size PostgreSQL takes"),
    ({"online_maintenance_work_mem": "256mb"}, "$.settings.online_maintenance_work_mem: "
                                               "'256mb' is not a memory size"),
    ({"online_maintenance_work_mem": "512kB"}, "$.settings.online_maintenance_work_mem: "
                                               "'512kB' is less than PostgreSQL's minimum of 1MB"),
    ({"online_maintenance_work_mem": "3TB"}, "$.settings.online_maintenance_work_mem: '3TB' is "
                                             "more than PostgreSQL's limit"),
    ({"lock_retries": -1}, "$.settings.lock_retries: -1 is less than the minimum of 0"),
    ({"lock_retries": 1001}, "$.settings.lock_retries: 1001 is greater than the maximum of 1000"),
    ({"ledger_schema": "pg_ledger"}, "$.settings.ledger_schema: 'pg_ledger' names a schema "
                                     "PostgreSQL reserves"),
    ({"archive_schema": "information_schema"}, "$.settings.archive_schema: "
                                               "'information_schema' names a schema"),
    ({"managed_schemas": ["public", "Mixed"]}, "$.settings.managed_schemas[1]: 'Mixed' must be "
                                               "a lower-case PostgreSQL name"),
    ({"archive_schema": "a" * 64}, "$.settings.archive_schema: '" + "a" * 64 + "' must be a "
                                   "lower-case PostgreSQL name"),
    ({"ledger_schema": "public"}, "$.settings.ledger_schema: 'public' is also a managed schema"),
    ({"archive_schema": "citrine_state"}, "$.settings.archive_schema: the archive and the "
                                          "ledger share the schema 'citrine_state'"),
])
def test_a_setting_postgresql_would_refuse_is_a_problem_of_the_config(settings: dict,
                                                                      says: str) -> None:
    from citrine_state import project as project_mod

    raw = json.loads((REPO / "migration-config.json").read_text())
    raw.setdefault("settings", {}).update(settings)
    problems = project_mod.validate(raw)
    assert any(p.startswith(says) for p in problems), problems


def test_lock_timeout_abc_fails_validation_and_then_every_command_before_connecting(
    project: Path,
) -> None:
    """It used to pass `manager validate`, and then every writing command failed with a
    database error."""
    _edit(project, lambda d: d.setdefault("settings", {}).update(lock_timeout="abc"))
    assert _problems(project)[0].startswith("$.settings.lock_timeout: 'abc' is not a duration")
    for command in (["migrate"], ["custom:list"], ["status"]):
        run = citrine(*command, project=project, url="postgresql://u@127.0.0.1:1/x")
        assert run.code == 2, run.text
        assert "$.settings.lock_timeout: 'abc' is not a duration" in run.err, run.err


ACCEPTED = ["0", "1", "200", "200ms", "5s", " 5 s ", "1min", "1.5min", "2h", "1d", "24d",
            "1000us", "1.5ms", "2147483647", "2147483647ms"]
REFUSED = ["abc", "", "5 sec", "5S", "-1s", "1e3", "+5s", "0x10", "5s5", "25d", "2147483648",
           "0.2ms", "0.5ms", "100us"]


def test_the_duration_rule_agrees_with_postgresql(database) -> None:
    """Every duration the config and --lock-timeout take is one PostgreSQL takes for
    lock_timeout as the same number of milliseconds; every one refused, PostgreSQL refuses
    too, or takes as 0 ("no timeout"), which is no lock timeout at all."""
    import sqlalchemy as sa

    from citrine_state import db, durations

    with db.connect(database) as conn:
        for text in ACCEPTED:
            ms = durations.milliseconds(text)
            conn.execute(sa.text("SELECT set_config('lock_timeout', :v, false)"), {"v": text})
            shown = conn.exec_driver_sql(
                "SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'").scalar()
            assert shown == ms, (text, shown, ms)
        for text in REFUSED:
            with pytest.raises(ValueError):
                durations.milliseconds(text)
            try:
                with conn.begin_nested():
                    conn.execute(sa.text("SELECT set_config('lock_timeout', :v, false)"),
                                 {"v": text})
                    shown = conn.exec_driver_sql(
                        "SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'"
                    ).scalar()
            except sa.exc.DBAPIError:
                continue
            assert shown == 0 or text in ("1e3", "+5s", "0x10"), (text, shown)


def test_the_schema_and_the_duration_rule_share_one_shape() -> None:
    import re

    from citrine_state import durations

    schema = json.loads((Path(durations.__file__).parent / "config.schema.json").read_text())
    pattern = schema["$defs"]["duration"]["pattern"]
    assert pattern == durations.PATTERN
    for text in ACCEPTED:
        assert re.search(pattern, text), text


MEMORY_ACCEPTED = ["1MB", "1024", "1024kB", "256MB", " 1 GB ", "1048576B", "1TB", "2147483647",
                   "1.5GB"]
MEMORY_REFUSED = ["", "lots", "256mb", "-1MB", "512kB", "1023", "3TB", "1e3", "2TB"]


def test_the_memory_rule_agrees_with_postgresql(database) -> None:
    """Every size settings.online_maintenance_work_mem takes, PostgreSQL takes for
    maintenance_work_mem as the same number of kilobytes; every one refused, it refuses too."""
    import re

    import sqlalchemy as sa

    from citrine_state import db, memory

    schema = json.loads((Path(memory.__file__).parent / "config.schema.json").read_text())
    assert schema["$defs"]["memory"]["pattern"] == memory.PATTERN
    with db.connect(database) as conn:
        for text in MEMORY_ACCEPTED:
            assert re.search(memory.PATTERN, text), text
            kb = memory.kilobytes(text)
            conn.execute(sa.text("SELECT set_config('maintenance_work_mem', :v, false)"),
                         {"v": text.replace(" ", "")})
            shown = conn.exec_driver_sql("SELECT setting::bigint FROM pg_settings "
                                         "WHERE name = 'maintenance_work_mem'").scalar()
            assert shown == kb, (text, shown, kb)
        for text in MEMORY_REFUSED:
            with pytest.raises(ValueError):
                memory.kilobytes(text)
            try:
                with conn.begin_nested():
                    conn.execute(sa.text("SELECT set_config('maintenance_work_mem', :v, false)"),
                                 {"v": text})
            except sa.exc.DBAPIError:
                continue
            raise AssertionError(f"PostgreSQL took {text!r}")


def test_a_python_caller_s_memory_setting_is_checked_before_connecting() -> None:
    from citrine_state import runner
    from citrine_state.errors import UsageError
    from citrine_state.project import load

    proj = load(REPO)
    proj.settings["online_maintenance_work_mem"] = "lots"
    with pytest.raises(UsageError, match=r"^settings.online_maintenance_work_mem: 'lots' is not"):
        with runner.migrating("postgresql://u@127.0.0.1:1/x", proj):
            pass


def test_an_ignored_schemas_setting_of_an_older_config_is_accepted_and_changes_nothing() -> None:
    """settings.ignored_schemas was never read (only managed_schemas are compared): a config
    that still has it stays valid, whatever it names."""
    from citrine_state import project as project_mod

    raw = json.loads((REPO / "migration-config.json").read_text())
    raw.setdefault("settings", {})["ignored_schemas"] = ["topology", "tiger", "public"]
    assert project_mod.validate(raw) == []
