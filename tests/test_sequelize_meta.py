"""SequelizeMeta both ways: what upstream's runners leave is adopted, and what this tool writes is
exactly what CitrineOS's own runner of the release the database lands at would have written, so
that runner finds nothing to do.

Upstream up to 1.8.0 runs the ``.ts`` sources; from 1.8.1 it runs compiled ``.js`` files, so a
database it made from empty names every file ``.js``, and one it upgraded from 1.8.0 keeps the
twelve ``.ts`` rows and names every file again as ``.js``
(``schemas/SequelizeMeta-upgraded-1.8.0-to-1.8.3.txt``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citrine_state import db

from .support.cli import citrine
from .support.reference import dump_for_step, psql_file, require_reference
from .support.stepping import repo_project, step_names

STEPS = step_names()
STEPS_180 = STEPS[:12]


def _names(url) -> list[str]:
    with db.connect(url) as conn:
        return [r[0] for r in conn.exec_driver_sql('SELECT name FROM "SequelizeMeta" ORDER BY 1')]


def _upto(version: str) -> list[str]:
    project = repo_project()
    return project.steps_up_to(project.version(version))


def _upstream_upgraded() -> list[str]:
    text = (require_reference() / "SequelizeMeta-upgraded-1.8.0-to-1.8.3.txt").read_text()
    return sorted(line.strip() for line in text.splitlines() if line.strip())


def _upstream_database(url, last: str, names: list[str]) -> None:
    """A database as upstream's runner leaves it after ``last``: its schema, the default tenant
    and the SequelizeMeta rows given."""
    psql_file(url, dump_for_step(last))
    with db.connect(url) as conn:
        conn.exec_driver_sql("""INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
                                VALUES (1, 'Default Tenant', now(), now())""")
        conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES '
                             + ", ".join(f"('{n}')" for n in names))
        conn.commit()


def _ok(run) -> None:  # noqa: ANN001
    assert run.code == 0, run.text


@pytest.mark.parametrize("version", ["1.8.0", "1.8.1", "1.8.3"])
def test_a_fresh_install_records_what_upstream_of_that_release_writes_from_empty(
    project: Path, database, version: str
) -> None:
    _ok(citrine("version", version, project=project, url=database))
    extension = ".ts" if version == "1.8.0" else ".js"
    assert _names(database) == [s + extension for s in _upto(version)]


@pytest.mark.parametrize("how", [("migrate",), ("version", "1.8.3")])
def test_an_upgrade_of_a_ts_database_keeps_those_rows_and_names_every_file_as_js(
    project: Path, database, how: tuple[str, ...]
) -> None:
    _ok(citrine("version", "1.8.0", project=project, url=database))
    _ok(citrine(*how, project=project, url=database))  # steps, or the consolidated files
    assert _names(database) == _upstream_upgraded()


def test_a_rollback_to_180_gives_its_runner_the_ts_names_it_looks_for(
    project: Path, database
) -> None:
    _ok(citrine("version", "1.8.3", project=project, url=database))
    _ok(citrine("rollback", "1.8.0", project=project, url=database))
    assert _names(database) == sorted([s + ".js" for s in STEPS_180]
                                      + [s + ".ts" for s in STEPS_180])
    _ok(citrine("migrate", project=project, url=database))
    assert _names(database) == _upstream_upgraded()


def test_a_database_upstream_upgraded_to_183_is_at_183_with_nothing_to_do(
    project: Path, database
) -> None:
    _upstream_database(database, STEPS[-1], _upstream_upgraded())
    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert (status["state"], status["version"]) == ("at-version", "1.8.3"), status
    run = citrine("migrate", project=project, url=database)
    _ok(run)
    assert "Applied" not in run.out
    assert _names(database) == _upstream_upgraded()


def test_a_database_upstream_made_from_empty_at_183_is_at_183(project: Path, database) -> None:
    _upstream_database(database, STEPS[-1], [s + ".js" for s in STEPS])
    status = json.loads(citrine("status", "--json", project=project, url=database).out)
    assert (status["state"], status["version"]) == ("at-version", "1.8.3"), status


def test_a_database_where_upstream_182_aborted_at_the_token_index_is_named_and_continued(
    project: Path, database
) -> None:
    # 1.8.2's runner committed 13-16 (and the .js names of the twelve) before the index failed
    index = STEPS.index("20260122000000-add-authorization-unique-index")
    names = sorted([s + ".ts" for s in STEPS_180] + [s + ".js" for s in STEPS[:index]])
    _upstream_database(database, STEPS[index - 1], names)
    run = citrine("status", "--json", project=project, url=database)
    assert run.code == 0, run.text
    status = json.loads(run.out)
    assert status["state"] == "between-versions", status
    assert status["summary"].endswith("1.8.1 + 2 step(s) of 1.8.2"), status["summary"]
    _ok(citrine("migrate", project=project, url=database))
    assert _names(database) == _upstream_upgraded()
    verify = citrine("verify", project=project, url=database)
    assert verify.code == 0, verify.text
