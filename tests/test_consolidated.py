"""Consolidated migrations: generated from the snapshots' migra diff plus the steps' data moves,
deterministic, checked for staleness, run verified before and after, with dry runs and hazards;
version targets and rollback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from citrine_state import db

from .support.cli import citrine
from .support.reference import assert_same_schema, dump_for_step, psql_file
from .support.stepping import repo_project, step_names

CONSOLIDATED = Path("versions/1.8.0/v1.8.0-consolidated.sql")


def _rows(url, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _exec(url, *sqls: str) -> None:
    with db.connect(url) as conn:
        for sql in sqls:
            conn.exec_driver_sql(sql)
        conn.commit()


def test_committed_consolidated_migration_is_current(project: Path, database) -> None:
    run = citrine("manager", "batch", "--check", project=project, url=database)
    assert run.code == 0, run.text
    assert "ok" in run.out and "v1.8.0-consolidated.sql" in run.out


def test_generation_is_deterministic_and_check_notices_edits(project: Path, database) -> None:
    path = project / CONSOLIDATED
    committed = path.read_text()
    assert citrine("manager", "batch", project=project, url=database).code == 0
    assert path.read_text() == committed
    path.write_text(committed.replace("-- == phase: contract", "-- == phase: contract\n"
                                      "alter table \"Boots\" add column hand_edit int;"))
    stale = citrine("manager", "batch", "--check", project=project, url=database)
    assert stale.code == 1
    assert "STALE" in stale.out and "1.8.0" in stale.err


def test_header_names_both_snapshot_hashes(project: Path) -> None:
    from citrine_state.snapshot import sql_hash

    head = (project / CONSOLIDATED).read_text().splitlines()[:3]
    assert head[0] == "-- citrine-state consolidated migration 1.7.0 -> 1.8.0"
    assert sql_hash((project / "snapshots/1.7.0.sql").read_text()) in head[1]
    assert sql_hash((project / "snapshots/1.8.0.sql").read_text()) in head[2]


def test_upgrade_from_exact_170_by_consolidated(project: Path, database, make_database) -> None:
    first = citrine("version", "1.7.0", project=project, url=database)
    assert first.code == 0, first.text
    assert "installed version 1.7.0" in first.out
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 0, run.text
    for hop in ("1.7.0 -> 1.8.0", "1.8.0 -> 1.8.1", "1.8.1 -> 1.8.2", "1.8.2 -> 1.8.3"):
        assert f"consolidated {hop}" in run.out, hop
    reference = make_database("ref27")
    steps = step_names()
    psql_file(reference, dump_for_step(steps[-1]))
    assert_same_schema(database, reference)
    assert citrine("check", project=project, url=database).code == 0
    # the run's target names the steps: 1.7.0's .ts rows kept, the .js name of every file
    project_ = repo_project()
    first = len(project_.steps_up_to(project_.version("1.7.0")))
    assert _rows(database, 'SELECT name FROM "SequelizeMeta" ORDER BY 1') == sorted(
        [(s + ".ts",) for s in steps[:first]] + [(s + ".js",) for s in steps])
    kinds = dict(_rows(database, "SELECT kind, count(*) FROM citrine_state.applied GROUP BY 1"))
    assert kinds == {"snapshot": 1, "consolidated": len(steps) - 1}
    assert _rows(database, 'SELECT id, name FROM "Tenants"') == [(1, "Default Tenant")]
    assert _rows(database, "SELECT nextval('\"Tenants_id_seq\"')")[0][0] > 1


def test_after_upgrading_a_170_that_sequelizemeta_records_check_finds_nothing(
    project: Path, database
) -> None:
    # The schema was verified equal to 1.7.0, and its step recorded without a checksum: check
    # called that an edit ("Nothing pending." and exit 1) and migrate refused it.
    psql_file(database, dump_for_step("20250430103000-initial"))
    _exec(database, """INSERT INTO "SequelizeMeta" VALUES ('20250430103000-initial.ts')""")
    assert citrine("consolidated", project=project, url=database).code == 0
    check = citrine("check", project=project, url=database)
    assert check.code == 0 and check.out == "Nothing pending.\n", check.text
    assert citrine("migrate", project=project, url=database).code == 0


def test_dry_run_prints_the_plan_with_hazards_and_changes_nothing(project: Path,
                                                                   database) -> None:
    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    run = citrine("consolidated", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    assert "-- Plan: consolidated 1.7.0 -> 1.8.0" in run.out
    assert "-- == expand" in run.out and "-- == contract" in run.out
    assert "-- hazards: deletes-data, locks-table (archived first)" in run.out
    assert "Dry run: nothing was changed." in run.out
    assert _rows(database, "SELECT to_regclass('\"Tenants\"') IS NULL") == [(True,)]
    data = json.loads(citrine("consolidated", "--dry-run", "--json", project=project,
                              url=database).out)
    assert data["action"] == "planned" and data["plans"][0]["counts"]["deletes-data"] > 0


def test_a_plan_that_deletes_unarchived_data_is_refused_unless_allowed(
    project: Path, database
) -> None:
    path = project / CONSOLIDATED
    text = "\n".join(line for line in path.read_text().splitlines()
                     if not line.startswith("-- @data"))
    path.write_text(text + "\n")
    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    refused = citrine("consolidated", project=project, url=database)
    assert refused.code == 2
    assert "deletes data that is not archived first" in refused.err
    assert "--allow-hazard deletes-data" in refused.err
    assert _rows(database, "SELECT to_regclass('\"Tenants\"') IS NULL") == [(True,)]


def test_a_drifted_source_stops_and_points_to_migrate(project: Path, database) -> None:
    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    _exec(database, 'ALTER TABLE "Boots" ADD COLUMN out_of_band int')
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 1  # drift, as verify reports it
    assert "migrate" in run.err
    assert "out_of_band" in run.err


def test_between_versions_is_refused_with_the_right_command(project: Path, database) -> None:
    psql_file(database, dump_for_step(
        "20250618150000-update-authorizations-to-include-concurrenttransaction"))
    _exec(database, """INSERT INTO "SequelizeMeta" VALUES ('20250430103000-initial.ts'),
        ('20250430105500-create-tenants-table.ts'), ('20250430110000-create-default-tenant.ts'),
        ('20250430130000-update-existing-tables-to-include-default-tenant.ts'),
        ('20250618150000-update-authorizations-to-include-concurrenttransaction.ts')""")
    run = citrine("consolidated", project=project, url=database)
    assert run.code == 2
    assert "citrine-migrate migrate" in run.err


def test_version_then_rollback_round_trip(project: Path, database, make_database) -> None:
    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    up = citrine("version", "1.8.0", project=project, url=database)
    assert up.code == 0, up.text
    down = citrine("rollback", "1.7.0", project=project, url=database)
    assert down.code == 0, down.text
    assert down.out.count("⏪") == 11
    # each down measured on its own (it used to print the total divided by 11, eleven times)
    printed = [float(s) for s in re.findall(r"⏪ \S+ \((\d+\.\d\d)s\)", down.out)]
    assert len(printed) == 11 and len(set(printed)) > 1, down.out
    reference = make_database("ref01")
    psql_file(reference, dump_for_step("20250430103000-initial"))
    assert_same_schema(database, reference)
    assert _rows(database, 'SELECT name FROM "SequelizeMeta"') == [("20250430103000-initial.ts",)]
    again = citrine("rollback", "1.7.0", project=project, url=database)
    assert again.code == 0 and "already at version 1.7.0" in again.out


@pytest.mark.parametrize("bad", ["9.9.9", "1.9.0"])
def test_unknown_or_unmodelled_version_is_a_usage_error(project: Path, database,
                                                         bad: str) -> None:
    run = citrine("version", bad, project=project, url=database)
    assert run.code == 2
    assert bad in run.err


def _pre_tenant_170_with_data(project: Path, url) -> None:
    """Version 1.7.0 (pre-tenant) holding the steps issue's data set: the loaders write
    ``tenantId`` and ``concurrentTransaction`` (they target 1.7.x), so the tables get those
    columns for the load only."""
    from .support.dataset17 import load_tokens
    from .support.dataset17_evse import load_evses

    assert citrine("version", "1.7.0", project=project, url=url).code == 0
    with db.connect(url) as conn:
        tables = [r[0] for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT IN ('SequelizeMeta', 'spatial_ref_sys')")]
        for table in tables:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" ADD COLUMN "tenantId" integer DEFAULT 1')
        conn.exec_driver_sql('ALTER TABLE "Authorizations" ADD COLUMN "concurrentTransaction" '
                             "boolean")
        load_tokens(conn)
        load_evses(conn)
        for table in tables:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "tenantId"')
        conn.exec_driver_sql('ALTER TABLE "Authorizations" DROP COLUMN "concurrentTransaction"')
        conn.commit()
    run = citrine("verify", "--version", "1.7.0", project=project, url=url)
    assert run.code == 0, run.text


def _content(url) -> dict[str, str]:
    """md5 of every table's rows in public and the archive, columns by name, without the
    createdAt/updatedAt stamps that data moves set to now()."""
    out: dict[str, str] = {}
    with db.connect(url) as conn:
        tables = conn.exec_driver_sql(
            "SELECT table_schema, table_name, array_agg(column_name::text ORDER BY column_name) "
            "FROM information_schema.columns WHERE table_schema IN ('public', 'citrine_archive') "
            "AND table_name NOT IN ('spatial_ref_sys', 'geometry_columns', 'geography_columns') "
            "AND column_name NOT IN ('createdAt', 'updatedAt') GROUP BY 1, 2").all()
        for schema, table, columns in tables:
            cols = ", ".join(f'"{c}"' for c in columns)
            out[f"{schema}.{table}"] = conn.exec_driver_sql(
                f"SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM "
                f'(SELECT row({cols})::text AS r FROM "{schema}"."{table}") AS t').scalar()
    return out


def test_consolidated_and_migrate_give_the_same_schema_and_content(
    project: Path, make_database
) -> None:
    by_consolidated, by_steps = make_database("cons"), make_database("steps")
    for url in (by_consolidated, by_steps):
        _pre_tenant_170_with_data(project, url)
    assert _content(by_consolidated) == _content(by_steps)
    run = citrine("consolidated", project=project, url=by_consolidated)
    assert run.code == 0, run.text
    steps = citrine("migrate", project=project, url=by_steps)
    assert steps.code == 0, steps.text
    assert_same_schema(by_consolidated, by_steps)
    left, right = _content(by_consolidated), _content(by_steps)
    assert left.keys() == right.keys()
    assert {k for k in left if left[k] != right[k]} == set()
    # And the upgraded data is where MIGRATIONS.md says: tokens flattened, nothing vanished.
    assert _rows(by_consolidated, 'SELECT count(*) FROM "Authorizations" WHERE "idToken" IS '
                                  "NULL") == [(0,)]
