"""`migrate`, `check` and `undo`: individual steps, each in one transaction with its ledger rows,
adopting what CitrineOS's own runner applied, refusing edited history, verified after the run."""

from __future__ import annotations

import json
from pathlib import Path

from citrine_state import db

from .support.cli import citrine
from .support.reference import assert_same_schema, dump_for_step, psql_file
from .support.stepping import repo_project, step_names

STEPS_17X = [
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
]
LAST_180 = "20250903102900-create-evses"
ALL = step_names()  # every step of the config, in order
LAST = ALL[-1]


def _rows(url, sql: str, params=None) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


def _exec(url, *sqls: str) -> None:
    with db.connect(url) as conn:
        for sql in sqls:
            conn.exec_driver_sql(sql)
        conn.commit()


def real_17x(url) -> None:
    """A database as CitrineOS 1.7.x leaves it: its schema, its SequelizeMeta rows, and the
    default tenant inserted with an explicit id (sequence not advanced)."""
    psql_file(url, dump_for_step(STEPS_17X[-1]))
    names = ", ".join(f"('{n}.ts')" for n in STEPS_17X)
    _exec(url, f'INSERT INTO "SequelizeMeta" (name) VALUES {names}',
          """INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
             VALUES (1, 'Default Tenant', now(), now())""")


def test_migrate_on_an_empty_database_applies_every_step(project: Path, database) -> None:
    run = citrine("migrate", project=project, url=database)
    assert run.code == 0, run.text
    assert run.out.count("✅") == len(ALL)
    assert "verified" in run.out
    assert citrine("check", project=project, url=database).code == 0
    # an online step also has its `started` row (in progress until its last stage)
    ledger = _rows(database, "SELECT name, kind, checksum IS NOT NULL FROM "
                             "citrine_state.applied WHERE kind <> 'started' ORDER BY id")
    assert len(ledger) == len(ALL) and {r[1] for r in ledger} == {"step"}
    assert all(r[2] for r in ledger)
    # what CitrineOS >= 1.8.1 itself makes from empty: the .js name of every file, nothing else
    meta = _rows(database, 'SELECT name FROM "SequelizeMeta" ORDER BY name')
    assert meta == [(name + ".js",) for name in sorted(ALL)]


def test_real_17x_database_upgrades_to_the_real_180_schema(
    project: Path, database, make_database
) -> None:
    real_17x(database)
    pending = citrine("check", "--json", project=project, url=database)
    assert pending.code == 1
    assert len(json.loads(pending.out)["pending"]) == len(ALL) - 5
    run = citrine("migrate", project=project, url=database)
    assert run.code == 0, run.text
    assert "Adopted 5 step(s)" in run.out
    assert run.out.count("✅") == len(ALL) - 5
    reference = make_database("ref_last")
    psql_file(reference, dump_for_step(LAST))
    assert_same_schema(database, reference)
    # CitrineOS's own runner finds nothing to run: every base name is recorded.
    names = {r[0].rsplit(".", 1)[0] for r in _rows(database, 'SELECT name FROM "SequelizeMeta"')}
    assert names == set(ALL)
    # The default tenant's sequence was left behind by 1.7.x; it is now past id 1.
    assert _rows(database, "SELECT nextval('\"Tenants_id_seq\"')")[0][0] > 1
    adopted = _rows(database, "SELECT count(*) FROM citrine_state.applied WHERE kind='adopted'")
    assert adopted == [(5,)]


def test_real_180_database_has_only_the_later_steps_pending(project: Path, database) -> None:
    psql_file(database, dump_for_step(LAST_180))
    up_to_180 = ALL[: ALL.index(LAST_180) + 1]
    values = ", ".join(f"('{n}.ts')" for n in STEPS_17X) + ", " + ", ".join(
        f"('{n}.js')" for n in up_to_180 if n not in STEPS_17X)
    _exec(database, f'INSERT INTO "SequelizeMeta" (name) VALUES {values}')
    later = ALL[len(up_to_180):]
    check = citrine("check", "--json", project=project, url=database)
    assert json.loads(check.out)["pending"] == later
    if later:
        assert citrine("migrate", project=project, url=database).code == 0
    check = citrine("check", project=project, url=database)
    assert check.code == 0 and "Nothing pending" in check.out
    run = citrine("migrate", project=project, url=database)
    assert run.code == 0, run.text
    assert "No pending steps" in run.out


def test_unknown_sequelize_names_stop_everything(project: Path, database) -> None:
    real_17x(database)
    _exec(database, """INSERT INTO "SequelizeMeta" VALUES ('20990101000000-from-the-future.js')""")
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2
    assert "20990101000000-from-the-future.js" in run.err
    assert _rows(database, "SELECT to_regclass('citrine_state.applied') IS NULL") == [(True,)]
    assert _rows(database, "SELECT to_regclass('\"TenantPartners\"') IS NULL") == [(True,)]


def test_adoption_of_a_drifted_database_stops_and_shows_the_drift(project: Path,
                                                                   database) -> None:
    real_17x(database)
    _exec(database, 'ALTER TABLE "Boots" DROP COLUMN "getConfigurationsOnPending"')
    run = citrine("migrate", project=project, url=database)
    assert run.code == 1
    assert "differs from what those steps produce" in run.err
    assert "getConfigurationsOnPending" in run.err
    assert _rows(database, "SELECT to_regclass('\"TenantPartners\"') IS NULL") == [(True,)]


def test_an_applied_step_that_was_edited_is_refused(project: Path, database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    step = project / "versions" / "1.8.0" / "20250430105500-create-tenants-table.py"
    step.write_text(step.read_text() + "\n# edited after it ran\n")
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2
    assert "versions/1.8.0/20250430105500-create-tenants-table.py" in run.err
    assert "edited" in run.err
    problems = json.loads(citrine("check", "--json", project=project, url=database).out)
    assert problems["problems"]


def test_line_endings_do_not_count_as_edits(project: Path, database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    step = project / "versions" / "1.8.0" / "20250430105500-create-tenants-table.py"
    step.write_bytes(step.read_bytes().replace(b"\n", b"\r\n"))
    assert citrine("check", project=project, url=database).code == 0


def test_a_listed_step_without_a_file_is_named(project: Path, database) -> None:
    (project / "versions" / "1.8.0" / "20250714120500-create-tenant-partner-table.py").unlink()
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2
    assert "versions/1.8.0/20250714120500-create-tenant-partner-table.py" in run.err


def test_undo_reverts_the_last_step_and_migrate_reapplies_it(
    project: Path, database, make_database
) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    run = citrine("undo", project=project, url=database)
    assert run.code == 0, run.text
    assert f"reverted {LAST}" in run.out
    assert (LAST + ".ts",) not in _rows(database, 'SELECT name FROM "SequelizeMeta"')
    pending = json.loads(citrine("check", "--json", project=project, url=database).out)
    assert pending["pending"] == [LAST]
    reference = make_database("ref_before_last")
    psql_file(reference, dump_for_step(ALL[-2]))
    assert_same_schema(database, reference)
    again = citrine("migrate", project=project, url=database)
    assert again.code == 0 and again.out.count("✅") == 1


def test_a_failing_step_leaves_nothing_behind_and_names_the_statement(
    project: Path, database
) -> None:
    real_17x(database)
    step = project / "versions" / "1.8.0" / (
        "20250618150800-update-existing-authorization-to-include-realtimeauth.py")
    step.write_text(step.read_text() + '''

def up(ctx):  # the engine's up of this SQL-only step (UP), then a statement that fails
    ctx.script(UP)
    ctx.execute('ALTER TABLE "Authorizations" ADD COLUMN broken_by_test nosuchtype')
''')
    before = _rows(database, "SELECT column_name FROM information_schema.columns "
                             "WHERE table_name = 'Authorizations' ORDER BY 1")
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2
    assert "step 20250618150800-update-existing-authorization-to-include-realtimeauth" in run.err
    assert "nosuchtype" in run.err
    after = _rows(database, "SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = 'Authorizations' ORDER BY 1")
    assert after == before
    meta = _rows(database, 'SELECT count(*) FROM "SequelizeMeta"')
    assert meta == [(5,)]


def test_migrate_dry_run_shows_every_statement_and_changes_nothing(project: Path,
                                                                  database) -> None:
    real_17x(database)
    before = _rows(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    run = citrine("migrate", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    assert f"-- Plan: migrate: {len(ALL) - 5} pending step(s)" in run.out
    assert "-- == 20250621120000-flatten-authorization (up)" in run.out
    assert "DROP TABLE" in run.out and "(archived first)" in run.out
    assert "0 delete(s) of data not archived first" in run.out
    assert "Dry run: nothing was changed." in run.out
    # each step makes sure of the archive schema once, not once per SQL file it runs
    for section in run.out.split("-- == ")[1:]:
        assert section.count('CREATE SCHEMA IF NOT EXISTS "citrine_archive"') <= 1, section[:80]
    assert _rows(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == before
    assert _rows(database, 'SELECT count(*) FROM "SequelizeMeta"') == [(5,)]


def test_undo_dry_run_shows_the_down(project: Path, database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    run = citrine("undo", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    assert f"-- == {LAST} (down)" in run.out
    assert (LAST + ".js",) in _rows(database, 'SELECT name FROM "SequelizeMeta"')


def test_an_accepted_edit_is_restamped_and_recorded(project: Path, database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    name = "20250430105500-create-tenants-table"
    step = project / "versions" / "1.8.0" / f"{name}.py"
    step.write_text(step.read_text() + "\n# a comment added after it ran\n")
    refused = citrine("migrate", project=project, url=database)
    assert refused.code == 2 and "--accept-edited" in refused.err
    wrong = citrine("migrate", "--accept-edited", "20250430110000-create-default-tenant",
                    project=project, url=database)
    assert wrong.code == 2 and "not edited applied steps" in wrong.err
    run = citrine("migrate", "--accept-edited", name, project=project, url=database)
    assert run.code == 0, run.text
    note = _rows(database, "SELECT note FROM citrine_state.applied WHERE name = "
                           f"'{name}' ORDER BY id DESC LIMIT 1")[0][0]
    assert "re-stamped" in note and "--accept-edited" in note
    assert citrine("check", project=project, url=database).code == 0


def test_a_deleted_applied_step_is_reported_before_anything_runs(project: Path,
                                                                 database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    import json as _json

    config = project / "migration-config.json"
    data = _json.loads(config.read_text())
    gone = "20250715000000-create-async-job-status"
    data["versions"]["1.8.0"]["migrations"].remove(gone)
    config.write_text(_json.dumps(data, indent=2))
    (project / "versions" / "1.8.0" / f"{gone}.py").unlink()
    run = citrine("migrate", project=project, url=database)
    assert run.code == 2
    assert f"no file any more: {gone}" in run.err


def test_out_of_order_with_the_flag_is_recorded(project: Path, database) -> None:
    names = [n for n in STEPS_17X] + ["20250618150800-update-existing-authorization-to-"
                                      "include-realtimeauth"]
    real_17x(database)
    # Apply create-tenant-partner-table (newer) first, as a custom batch would.
    batch = citrine("select", "--select", "8", "--name", "partner-first", "--description",
                    "tenant partners first", "--yes", project=project, url=database)
    assert batch.code == 0, batch.text
    assert citrine("custom", "partner-first", project=project, url=database).code == 0
    refused = citrine("migrate", project=project, url=database)
    assert refused.code == 2 and "--allow-out-of-order" in refused.err
    run = citrine("migrate", "--allow-out-of-order", project=project, url=database)
    assert run.code == 0, run.text
    notes = _rows(database, "SELECT name, note FROM citrine_state.applied WHERE "
                            "position('out of order' in note) > 0 ORDER BY name")
    assert [n for n, _ in notes][:1] == [names[-1]]


def test_undo_and_rollback_accept_the_edit_they_suggest_accepting(project: Path,
                                                                  database) -> None:
    # They refused an edited applied step with "accept the edit with --accept-edited STEP",
    # an option only migrate had.
    assert citrine("migrate", project=project, url=database).code == 0
    tenants = "20250430105500-create-tenants-table"
    step = project / "versions" / "1.8.0" / f"{tenants}.py"
    step.write_text(step.read_text() + "\n# a comment added after it ran\n")
    refused = citrine("undo", project=project, url=database)
    assert refused.code == 2 and "--accept-edited STEP" in refused.err
    run = citrine("undo", "--accept-edited", tenants, project=project, url=database)
    assert run.code == 0, run.text
    assert f"reverted {LAST}" in run.out
    default_tenant = "20250430110000-create-default-tenant"
    step = project / "versions" / "1.8.0" / f"{default_tenant}.py"
    step.write_text(step.read_text() + "\n# another comment\n")
    refused = citrine("rollback", "1.7.0", project=project, url=database)
    assert refused.code == 2 and "--accept-edited STEP" in refused.err
    plan = citrine("rollback", "1.7.0", "--dry-run", "--accept-edited", default_tenant,
                   project=project, url=database)
    assert plan.code == 0, plan.text
    # a dry run re-stamps nothing: only undo's acceptance is in the ledger
    assert _rows(database, "SELECT count(*) FROM citrine_state.applied WHERE "
                           "position('re-stamped' in note) > 0") == [(1,)]
    run = citrine("rollback", "1.7.0", "--accept-edited", default_tenant, project=project,
                  url=database)
    assert run.code == 0, run.text
    # 1.7.0's runner looks for the .ts name; the .js row of the 1.8.x runner stays
    assert sorted(_rows(database, 'SELECT name FROM "SequelizeMeta"')) == [
        ("20250430103000-initial.js",), ("20250430103000-initial.ts",)]


def test_migrate_on_a_drifted_database_reports_the_drift_instead_of_up_to_date(
    project: Path, database
) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    _exec(database, 'DROP INDEX "event_data_station_id"')
    run = citrine("migrate", project=project, url=database)
    assert run.code == 1, run.text
    assert "up to date" not in run.out
    latest = repo_project().latest.name
    assert f"drift: the schema differs from what its history says (version {latest}); no " \
           "step is pending, but the database is not up to date" in run.err
    assert "event_data_station_id" in run.err
    for args in (("version", latest), ("rollback", latest)):
        again = citrine(*args, project=project, url=database)
        assert again.code == 1 and f"not exactly at version {latest}" in again.err, args


def test_migrate_refuses_to_build_pending_steps_on_a_drifted_schema(project: Path,
                                                                    database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    assert citrine("undo", project=project, url=database).code == 0
    _exec(database, 'ALTER TABLE "Boots" ADD COLUMN out_of_band int')
    run = citrine("migrate", project=project, url=database)
    assert run.code == 1, run.text
    assert "nothing ran" in run.err and "out_of_band" in run.err
    # a run from empty to the latest writes the .js names only; the undone last step's is gone
    assert _rows(database, 'SELECT count(*) FROM "SequelizeMeta"') == [
        (len(step_names()) - 1,)]


def test_check_says_why_it_exits_1_when_nothing_is_pending(project: Path, database) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    step = project / "versions" / "1.8.0" / "20250430105500-create-tenants-table.py"
    step.write_text(step.read_text() + "\n# edited after it ran\n")
    run = citrine("check", project=project, url=database)
    assert run.code == 1
    assert run.out.startswith("Nothing pending, but 1 history problem stops "
                              "`citrine-migrate migrate` (exit 1):\n")
    assert "edited after it was applied: versions/1.8.0/20250430105500-create-tenants-table.py" \
        in run.out
