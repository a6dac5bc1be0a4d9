"""A fresh install applies the latest snapshot, seeds, records and verifies, all or nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citrine_state import db

from .support.cli import _render, citrine
from .support.stepping import repo_project, step_names

LATEST = repo_project().latest.name
STEPS = step_names(repo_project())
EXT = ".js"  # CitrineOS >= 1.8.1 runs compiled files: its runner records .js names


def _scalar(url, sql: str):
    with db.connect(url) as conn:
        return conn.exec_driver_sql(sql).scalar()


def _rows(url, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def test_fresh_install_then_verify_is_in_sync(project: Path, database) -> None:
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 0, run.text
    assert f"installed version {LATEST}" in run.out
    verify = citrine("verify", project=project, url=database)
    assert verify.code == 0, verify.text
    assert f"in sync with version {LATEST}" in verify.out


def test_fresh_install_records_what_upstream_records(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    names = [r[0] for r in _rows(database, 'SELECT name FROM "SequelizeMeta" ORDER BY name')]
    assert names == [s + EXT for s in STEPS]
    ledger = _rows(database, "SELECT name, kind, version, checksum FROM citrine_state.applied "
                             "ORDER BY name")
    assert [r[0] + EXT for r in ledger] == names
    assert {r[1] for r in ledger} == {"snapshot"}
    assert {r[3] for r in ledger} and len({r[3] for r in ledger}) == 1
    assert ledger[0][2] == "1.7.0" and ledger[-1][2] == LATEST


def test_fresh_install_seeds_the_default_tenant_and_advances_its_sequence(
    project: Path, database
) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    row = _rows(database, 'SELECT id, name, "partyId", "countryCode", "createdAt" IS NOT NULL, '
                          '"updatedAt" IS NOT NULL FROM "Tenants"')
    assert row == [(1, "Default Tenant", "default", "US", True, True)]
    assert _scalar(database, "SELECT nextval('\"Tenants_id_seq\"')") == 2


def test_out_of_band_alter_is_drift_naming_the_object(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    with db.connect(database) as conn:
        conn.exec_driver_sql('ALTER TABLE "Boots" ADD COLUMN sneaky integer')
        conn.commit()
    run = citrine("verify", project=project, url=database)
    assert run.code == 1
    assert '"public"."Boots"' in run.out
    assert 'drop column "sneaky"' in run.out
    data = json.loads(citrine("verify", "--json", project=project, url=database).out)
    assert data["in_sync"] is False
    assert {"kind": "table", "name": '"public"."Boots"', "change": "different"} in data[
        "differences"]


def test_second_run_says_nothing_to_do(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    again = citrine("consolidated", project=project, url=database)
    assert again.code == 0
    assert f"already at version {LATEST}" in again.out


def test_non_empty_database_is_refused_and_left_alone(project: Path, database) -> None:
    with db.connect(database) as conn:
        conn.exec_driver_sql("CREATE TABLE somebody_elses (id int)")
        conn.commit()
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 2
    assert "not a CitrineOS database" in run.err and "nothing ran" in run.err
    assert _scalar(database, "SELECT to_regclass('\"Tenants\"') IS NULL")
    assert _scalar(database, "SELECT to_regclass('citrine_state.applied') IS NULL")


def test_failed_verification_rolls_everything_back(project: Path, database) -> None:
    seed = project / "versions" / LATEST / "seed.sql"
    seed.write_text(seed.read_text() + '\nCREATE INDEX not_in_snapshot ON "Boots" (status);\n')
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 1
    assert "nothing was committed" in run.err
    assert "not_in_snapshot" in run.text
    assert _scalar(database, "SELECT to_regclass('\"Tenants\"') IS NULL")
    assert _scalar(database, "SELECT to_regclass('\"SequelizeMeta\"') IS NULL")


def test_two_installs_at_once_one_installs_the_other_finds_nothing(
    project: Path, database
) -> None:
    env = {"CITRINE_PROJECT": str(project), "CITRINE_DATABASE_URL": _render(database)}
    import os

    procs = [
        subprocess.Popen([sys.executable, "-m", "citrine_state", "consolidated"],
                         env={**os.environ, **env}, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    texts = [o[0] for o in outs]
    assert sum(f"installed version {LATEST}" in t for t in texts) == 1
    assert sum(f"already at version {LATEST}" in t for t in texts) == 1
    assert _scalar(database, 'SELECT count(*) FROM "SequelizeMeta"') == len(STEPS)


def test_a_runner_waiting_too_long_for_the_lock_names_the_holder(
    project: Path, database
) -> None:
    from citrine_state import lock

    with db.connect(database) as holder:
        assert lock.try_acquire(holder)
        started = time.monotonic()
        run = citrine("consolidated", "--lock-wait", "1", project=project, url=database)
        assert time.monotonic() - started < 60
    assert run.code == 2  # it did not run: an error, as a table lock it cannot get
    assert "holds the migration lock" in run.err
    assert "pid" in run.err


def test_role_without_createdb_gets_a_message_naming_the_privilege(
    project: Path, database
) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    role = "citrine_nocreatedb"
    with db.connect(db.server_url(database)) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'pw-for-test' NOCREATEDB")
    try:
        limited = database.set(username=role, password="pw-for-test")
        # Without the cached expected schema, it must be built in a shadow database.
        shutil.rmtree(project / ".citrine", ignore_errors=True)
        run = citrine("verify", "--version", "1.8.0", project=project, url=limited)
        assert run.code == 2
        assert "CREATEDB" in run.err and "--shadow-url" in run.err
        assert "pw-for-test" not in run.text
    finally:
        with db.connect(db.server_url(database)) as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")


@pytest.mark.parametrize("version", ["1.7.0", LATEST])
def test_verify_against_an_explicit_version(project: Path, database, version: str) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    run = citrine("verify", "--version", version, "--json", project=project, url=database)
    data = json.loads(run.out)
    assert data["version"] == version
    assert data["in_sync"] is (version == LATEST)
    assert run.code == (0 if version == LATEST else 1)


def test_the_printed_fresh_install_plan_runs_under_psql_and_makes_the_snapshot(
    project: Path, database, tmp_path: Path
) -> None:
    from .support.reference import psql_file

    run = citrine("consolidated", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    plan = tmp_path / "plan.sql"
    plan.write_text(run.out, encoding="utf-8")
    psql_file(database, plan)  # psql -v ON_ERROR_STOP=1 -f: every statement ends with its ;
    verify = citrine("verify", "--version", LATEST, project=project, url=database)
    assert verify.code == 0, verify.text
    # the plan shows the seed rows the install inserts, too
    assert _rows(database, 'SELECT id, name FROM "Tenants"') == [(1, "Default Tenant")]
