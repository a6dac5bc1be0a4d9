"""Going down loses nothing, whichever path made the state: every down sets aside in the archive
what it removes and the next up puts it back; the baseline is never dropped unless forced, and
then only after a checked backup; the plans of rollback, version and undo list the real
statements and count what is really deleted."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db

from .conftest import new_database
from .support import dataset17, dataset17_evse
from .support.cli import citrine
from .support.dataset18 import load_18
from .support.reference import dump_for_step, psql_file
from .test_consolidated import _pre_tenant_170_with_data

STEPS_17X = [
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
]
LAST = "20250903102900-create-evses"
ARCHIVE = "citrine_archive"


def rows(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def content(url: URL) -> dict[str, str]:
    """md5 of the rows of every public table, columns by name (SequelizeMeta aside: its names
    may carry .js or .ts)."""
    with db.connect(url) as conn:
        return {k: v for k, v in dataset17.snapshot_rows(conn).items()
                if k.startswith("public.") and k != "public.SequelizeMeta"}


def set_asides(url: URL) -> list[str]:
    return [r[0] for r in rows(url, f"SELECT tablename FROM pg_tables WHERE schemaname = "
                                    f"'{ARCHIVE}' AND tablename ~ '_down[0-9]*$' ORDER BY 1")]


def ok(run) -> None:  # noqa: ANN001
    assert run.code == 0, run.text


def _real_17x(url: URL) -> None:
    psql_file(url, dump_for_step(STEPS_17X[-1]))
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES '
                             + ", ".join(f"('{s}.ts')" for s in STEPS_17X))
        dataset17.ensure_default_tenant(conn)
        dataset17.load_tokens(conn)
        dataset17_evse.load_evses(conn)


def _load_18(url: URL) -> None:
    with db.connect(url) as conn, conn.begin():
        load_18(conn)


@pytest.fixture(scope="module")
def project_m(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Path:
    import shutil

    from .conftest import REPO

    dest = tmp_path_factory.mktemp("rollback") / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".citrine").mkdir()
    (dest / ".citrine" / "cache").symlink_to(shared_cache, target_is_directory=True)
    return dest


PATHS = ("snapshot", "consolidated", "steps", "adopted")


@pytest.fixture(scope="module")
def templates(pg_server: URL, project_m: Path) -> Iterator[dict[str, URL]]:
    """CitrineOS 1.8.0 databases with rows only 1.8.0 can hold (``dataset18``), made four ways:
    "snapshot" installed fresh (`version 1.8.0` on an empty database); "consolidated" upgraded
    from a 1.7.0 database with the 1.7 data set by the consolidated migration; "steps" upgraded
    from a real CitrineOS 1.7.x database with that data set by `migrate`; "adopted" as
    CitrineOS 1.8.0's own runner leaves it (dump 12, SequelizeMeta, no ledger, no archive). Also
    "17x", a real 1.7.x database with the 1.7 data set, and "170", version 1.7.0 with it."""
    made: dict[str, URL] = {}
    try:
        for name in (*PATHS, "17x", "170"):
            made[name] = new_database(pg_server, f"rbtpl_{name}")
        ok(citrine("version", "1.8.0", project=project_m, url=made["snapshot"]))
        _pre_tenant_170_with_data(project_m, made["consolidated"])
        _pre_tenant_170_with_data(project_m, made["170"])
        ok(citrine("version", "1.8.0", project=project_m, url=made["consolidated"]))
        _real_17x(made["steps"])
        _real_17x(made["17x"])
        ok(citrine("version", "1.8.0", project=project_m, url=made["steps"]))
        psql_file(made["adopted"], dump_for_step(LAST))
        with db.connect(made["adopted"]) as conn, conn.begin():
            conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES ' + ", ".join(
                f"('{name}.ts')" for name in _all_steps(project_m) if name <= LAST))
            dataset17.ensure_default_tenant(conn)
        for name in PATHS:
            _load_18(made[name])
        yield made
    finally:
        for url in made.values():
            db.drop_database(url)


def _all_steps(project: Path) -> list[str]:
    config = json.loads((project / "migration-config.json").read_text())
    return sorted(s for v in config["versions"].values() for s in v["migrations"])


@pytest.fixture
def clone(templates: dict[str, URL], pg_server: URL) -> Iterator[Callable[[str], URL]]:
    made: list[URL] = []

    def make(which: str) -> URL:
        url = pg_server.set(database=f"rb{which}_{secrets.token_hex(5)}")
        db.create_database(url, template=templates[which].database)
        made.append(url)
        return url

    yield make
    for url in made:
        db.drop_database(url)


# --- data loss on the way down -----------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_rollback_to_170_sets_aside_what_only_180_holds_and_the_upgrade_puts_it_back(
    project_m: Path, clone, path: str
) -> None:
    url = clone(path)
    before = content(url)
    down = citrine("rollback", "1.7.0", project=project_m, url=url)
    ok(down)
    assert rows(url, "SELECT to_regclass('public.\"Tenants\"') IS NULL") == [(True,)]
    # The second tenant, the tenant partners and the async job are in the archive, whole.
    assert rows(url, f'SELECT id, name FROM {ARCHIVE}."20250430105500_Tenants_down"') == [
        (5002, "Second Tenant")]
    assert rows(url, f'SELECT name FROM {ARCHIVE}."20250430110000_Tenants_down"') == [
        ("Operator One",)]
    assert rows(url, f'SELECT "partyId", "countryCode" FROM {ARCHIVE}.'
                     '"20250714121000_Tenants_down" ORDER BY id') == [("OP1", "NL"), ("TWO", "DE")]
    assert rows(url, f'SELECT id, "tenantId" FROM {ARCHIVE}."20250714120500_TenantPartners_down"'
                     " ORDER BY id") == [(5001, 1), (5002, 5002)]
    assert rows(url, f'SELECT "jobId", "totalObjects" FROM {ARCHIVE}.'
                     '"20250715000000_AsyncJobStatuses_down"') == [("job-v18-1", 1234)]
    assert rows(url, f'SELECT id, "evseId" FROM {ARCHIVE}."20250821103100_Evses_down" '
                     "WHERE id >= 5000 ORDER BY id") == [(5001, "NL*OP1*E5001"), (5002, None)]
    assert rows(url, f'SELECT id FROM {ARCHIVE}."20250430130000_ChargingStations_down" '
                     'WHERE "tenantId" = 5002') == [("v18-CS1",)]
    assert rows(url, f'SELECT "customData"::text FROM {ARCHIVE}.'
                     '"20250621120000_Authorizations_down" WHERE id = 5002') == [
        ('{"note": "1.8 only", "vendorId": "acme"}',)]
    ok(citrine("verify", "--version", "1.7.0", project=project_m, url=url))
    up = citrine("version", "1.8.0", project=project_m, url=url)  # the steps, not consolidated
    ok(up)
    assert "put back" in up.err
    assert content(url) == before
    assert set_asides(url) == []


def test_a_consolidated_upgrade_does_not_jump_over_what_a_rollback_set_aside(
    project_m: Path, clone
) -> None:
    url = clone("consolidated")
    before = content(url)
    ok(citrine("rollback", "1.7.0", project=project_m, url=url))
    kept = set_asides(url)
    refused = citrine("consolidated", project=project_m, url=url)
    assert refused.code == 2
    assert "use `citrine-migrate migrate`" in refused.err and "nothing ran" in refused.err
    assert set_asides(url) == kept
    status = json.loads(citrine("status", "--json", project=project_m, url=url).out)
    assert (status["strategy"], status["recommendation"]) == ("individual",
                                                              "citrine-migrate migrate")
    up = citrine("version", "1.8.0", project=project_m, url=url)  # takes the steps
    ok(up)
    assert content(url) == before
    assert set_asides(url) == []


def test_rollback_and_version_dry_runs_replay_the_downs_and_count_real_deletes(
    project_m: Path, clone
) -> None:
    url = clone("snapshot")
    before = content(url)
    for args in (("rollback", "1.7.0", "--dry-run"), ("version", "1.7.0", "--dry-run")):
        run = citrine(*args, project=project_m, url=url)
        ok(run)
        assert "-- step " not in run.out
        assert "-- == 20250903102900-create-evses (down)" in run.out
        assert f'CREATE TABLE "{ARCHIVE}"."20250714120500_TenantPartners_down" AS SELECT * ' \
               'FROM "public"."TenantPartners"' in run.out
        assert 'DROP TABLE IF EXISTS "TenantPartners";' in run.out
        drop = run.out.split('DROP TABLE IF EXISTS "AsyncJobStatuses";')[0].rsplit("\n", 2)[-2]
        assert drop == "-- hazards: deletes-data, locks-table (archived first)"
        assert "; 0 delete(s) of data not archived first" in run.out
        # schema-fix's down puts dropped columns back in their place: each statement shows
        assert 'ALTER TABLE "Transactions" ADD COLUMN "evseDatabaseId" integer, ADD COLUMN ' \
               '"transactionId__citrine_moving"' in run.out
    assert content(url) == before
    assert set_asides(url) == []


def test_a_version_dry_run_on_the_step_path_up_lists_the_statements(project_m: Path,
                                                                    clone) -> None:
    url = clone("17x")
    run = citrine("version", "1.8.0", "--dry-run", project=project_m, url=url)
    ok(run)
    assert "-- Plan: version 1.8.0: 7 pending step(s)" in run.out
    assert "-- == 20250621120000-flatten-authorization (up)" in run.out
    assert "(archived first)" in run.out and "0 delete(s) of data not archived first" in run.out
    assert rows(url, 'SELECT count(*) FROM "SequelizeMeta"') == [(5,)]


def test_rollback_of_a_real_17x_database_reverts_its_adopted_steps_and_keeps_their_data(
    project_m: Path, clone
) -> None:
    url = clone("17x")
    before = content(url)
    flagged = rows(url, 'SELECT id, "concurrentTransaction" FROM "Authorizations" WHERE '
                        '"concurrentTransaction" IS NOT FALSE ORDER BY id')
    assert flagged  # true and NULL values, which 1.7.0 has no column for
    run = citrine("rollback", "1.7.0", project=project_m, url=url)
    ok(run)
    assert run.out.count("⏪") == 4
    ok(citrine("verify", "--version", "1.7.0", project=project_m, url=url))
    assert rows(url, f'SELECT id, "concurrentTransaction" FROM {ARCHIVE}.'
                     '"20250618150000_Authorizations_down" ORDER BY id') == flagged
    assert rows(url, 'SELECT name FROM "SequelizeMeta"') == [(f"{STEPS_17X[0]}.ts",)]
    ok(citrine("migrate", project=project_m, url=url))
    # ... and upgrading again gives what upgrading it directly gives
    direct = clone("17x")
    ok(citrine("migrate", project=project_m, url=direct))
    for table in ("Authorizations", "Tenants", "Transactions", "TransactionEvents"):
        assert content(url)[f"public.{table}"] == content(direct)[f"public.{table}"], table
    assert content(url) != before


# --- the baseline ----------------------------------------------------------------------------


def test_undo_of_the_baseline_is_refused_and_changes_nothing(project_m: Path, clone) -> None:
    url = clone("170")
    before = content(url)
    tables = rows(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    run = citrine("undo", project=project_m, url=url)
    assert run.code == 2
    assert "20250430103000-initial, the baseline" in run.err
    assert "--drop-baseline" in run.err and "nothing was changed" in run.err
    assert "Traceback" not in run.text
    assert content(url) == before
    assert rows(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == tables
    assert rows(url, 'SELECT name FROM "SequelizeMeta"') == [(f"{STEPS_17X[0]}.ts",)]
    plan = citrine("undo", "--dry-run", project=project_m, url=url)
    ok(plan)
    assert 'DROP TABLE IF EXISTS\n    "AdditionalInfos",' in plan.out
    assert "; 1 delete(s) of data not archived first" in plan.out
    assert content(url) == before


def test_undo_of_the_baseline_with_drop_baseline_takes_a_checked_backup_first(
    project_m: Path, clone
) -> None:
    url = clone("170")
    authorizations = rows(url, 'SELECT count(*) FROM "Authorizations"')
    assert authorizations != [(0,)]
    backups = project_m / "backups"
    had = set(backups.glob("*.dump")) if backups.is_dir() else set()
    run = citrine("undo", "--drop-baseline", project=project_m, url=url)
    ok(run)
    assert "checked with pg_restore --list" in run.err
    made = set(backups.glob(f"{url.database}-1.7.0-*.dump")) - had
    assert len(made) == 1 and next(iter(made)).stat().st_size > 0
    status = json.loads(citrine("status", "--json", project=project_m, url=url).out)
    assert status["state"] == "empty"
    # The backup holds the dropped rows: restore it next to the emptied database.
    restored = f"rbrestored_{secrets.token_hex(4)}"
    back = citrine("restore", str(next(iter(made))), "--into", restored, project=project_m,
                   url=url)
    try:
        ok(back)
        assert rows(url.set(database=restored), 'SELECT count(*) FROM "Authorizations"') \
            == authorizations
    finally:
        db.drop_database(url.set(database=restored))
    ok(citrine("consolidated", project=project_m, url=url))  # an empty database again
