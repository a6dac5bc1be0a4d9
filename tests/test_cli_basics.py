"""The command line starts fast, lists its commands, and turns bad input into one line."""

from __future__ import annotations

import subprocess
import sys

from .support.cli import citrine


def test_help_does_not_import_database_libraries() -> None:
    code = (
        "import sys, citrine_state.cli as c; "
        "print(sorted(m for m in ('sqlalchemy', 'migra', 'schemainspect', 'psycopg') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_the_commands() -> None:
    run = citrine("--help")
    assert run.code == 0
    for name in ("consolidated", "consolidated:status", "verify", "status", "snapshot", "db"):
        assert name in run.out


def test_unknown_project_folder_is_one_line_and_exit_2(tmp_path) -> None:
    run = citrine("status", env={"CITRINE_PROJECT": str(tmp_path)})
    assert run.code == 2
    assert "has no migration-config.json" in run.err
    assert "Traceback" not in run.text
    assert len(run.err.strip().splitlines()) == 1


def test_unreachable_database_is_one_line_exit_2_without_password(project) -> None:
    url = "postgresql://someone:s3cret-pw@127.0.0.1:1/citrine"
    run = citrine("verify", "--version", "1.8.0", project=project, url=url)
    assert run.code == 2
    assert "cannot connect" in run.err
    assert "s3cret-pw" not in run.text
    assert "Traceback" not in run.text


def test_malformed_database_url_is_rejected(project) -> None:
    run = citrine("status", project=project, url="mysql://x@y/z")
    assert run.code == 2
    assert "not a PostgreSQL URL" in run.err


def test_version_prints_the_installed_package_version() -> None:
    from importlib import metadata

    run = citrine("--version")
    assert run.code == 0, run.text
    assert run.out == f"citrine-migrate (citrine-state) {metadata.version('citrine-state')}\n"


WRITING = ("migrate", "consolidated", "version", "rollback", "undo", "custom", "custom:rollback")


def test_every_writing_command_takes_backup_and_json() -> None:
    for command in WRITING:
        run = citrine(command, "--help")
        assert run.code == 0, run.text
        assert "--backup" in run.out and "--json" in run.out, (command, run.out)


def test_a_usage_error_is_one_error_line_with_exit_2() -> None:
    run = citrine("migrate", "--no-such-option")
    assert run.code == 2
    assert run.err == ("error: No such option: --no-such-option (see `python -m citrine_state "
                       "migrate --help`)\n")
