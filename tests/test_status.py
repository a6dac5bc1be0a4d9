"""status says what a database is: empty, exactly at a version, between versions, drifted, or
not CitrineOS at all."""

from __future__ import annotations

import json
from pathlib import Path

from citrine_state import db

from .support.cli import citrine
from .support.reference import dump_for_step, psql_file
from .support.stepping import repo_project, step_names

LATEST = repo_project().latest.name
STEPS = step_names(repo_project())

STEPS_17X = [
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
]


def _status(project: Path, url) -> dict:
    run = citrine("status", "--json", project=project, url=url)
    assert run.code == 0, run.text
    return json.loads(run.out)


def _meta(url, names: list[str]) -> None:
    with db.connect(url) as conn:
        for name in names:
            conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES (%s)', (name,))
        conn.commit()


def test_empty_database(project: Path, database) -> None:
    data = _status(project, database)
    assert data["state"] == "empty"
    assert data["recommendation"] == "citrine-migrate consolidated"
    assert data["pending"] == STEPS


def test_fresh_install_is_exactly_at_the_latest_version(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    data = _status(project, database)
    assert (data["state"], data["version"], data["recorded_by"]) == ("at-version", LATEST,
                                                                     "ledger")
    assert data["pending"] == []
    assert data["warnings"] == []
    human = citrine("consolidated:status", project=project, url=database)
    assert f"exactly at version {LATEST}" in human.out
    assert "11/11 applied" in human.out


def test_real_citrineos_180_database_is_at_180(project: Path, database) -> None:
    psql_file(database, dump_for_step("20250903102900-create-evses"))
    _meta(database, [n + ".ts" for n in STEPS_17X] + [
        "20250618150800-update-existing-authorization-to-include-realtimeauth.ts",
        "20250621120000-flatten-authorization.ts",
        "20250714120500-create-tenant-partner-table.ts",
        "20250714121000-alter-tenants-table-add-ocpi-fields.ts",
        "20250715000000-create-async-job-status.ts",
        "20250821103100-schema-fix.js",
        "20250903102900-create-evses.js",
    ])
    data = _status(project, database)
    assert (data["state"], data["version"], data["recorded_by"]) == ("at-version", "1.8.0",
                                                                     "SequelizeMeta")
    assert data["warnings"] == []


def test_a_sequence_behind_its_ids_is_a_warning_with_its_fix(project: Path, database) -> None:
    # What CitrineOS 1.8.0's own runner leaves: the default tenant inserted with id 1 and
    # "Tenants_id_seq" never moved, so the next tenant collides with it.
    psql_file(database, dump_for_step("20250903102900-create-evses"))
    with db.connect(database) as conn:
        conn.exec_driver_sql("""INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
                                VALUES (1, 'Default Tenant', now(), now())""")
        conn.commit()
    data = _status(project, database)
    assert len(data["warnings"]) == 1, data["warnings"]
    warning = data["warnings"][0]
    assert warning.startswith('public."Tenants_id_seq" would hand out 1 next, but '
                              'public."Tenants" already has ids up to 1')
    human = citrine("status", project=project, url=database)
    assert "Warnings:" in human.out and "Tenants_id_seq" in human.out
    fix = warning.split("Fix: ", 1)[1]
    with db.connect(database) as conn:
        conn.exec_driver_sql(fix)
        conn.exec_driver_sql("""INSERT INTO "Tenants" (name, "createdAt", "updatedAt")
                                VALUES ('second', now(), now())""")
        conn.commit()
    assert _status(project, database)["warnings"] == []


def test_real_citrineos_17x_database_is_170_plus_four_steps(project: Path, database) -> None:
    psql_file(database, dump_for_step(STEPS_17X[-1]))
    _meta(database, [n + ".ts" for n in STEPS_17X])
    data = _status(project, database)
    assert data["state"] == "between-versions"
    assert data["summary"] == "CitrineOS 1.7.x = 1.7.0 + 4 step(s) of 1.8.0"
    assert data["release"] == "CitrineOS 1.7.x"
    assert (data["strategy"], data["recommendation"]) == ("individual", "citrine-migrate migrate")
    assert data["pending"] == STEPS[5:]


def test_unrecorded_schema_equal_to_a_version_is_named(project: Path, database) -> None:
    psql_file(database, dump_for_step("20250903102900-create-evses"))
    data = _status(project, database)
    assert (data["state"], data["version"], data["recorded_by"]) == ("at-version", "1.8.0",
                                                                     "schema")


def test_unknown_sequelize_names_are_listed(project: Path, database) -> None:
    psql_file(database, dump_for_step("20250903102900-create-evses"))
    _meta(database, [n + ".ts" for n in STEPS_17X] + ["20270101000000-from-a-newer-citrine.js"])
    data = _status(project, database)
    assert data["state"] == "drifted"
    assert data["unknown"] == ["20270101000000-from-a-newer-citrine.js"]


def test_not_a_citrineos_database(project: Path, database) -> None:
    with db.connect(database) as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id int primary key)")
        conn.commit()
    data = _status(project, database)
    assert data["state"] == "not-citrine"


def test_drift_after_install_is_reported_with_the_object(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0
    with db.connect(database) as conn:
        conn.exec_driver_sql('DROP INDEX "event_data_station_id"')
        conn.commit()
    data = _status(project, database)
    assert data["state"] == "drifted"
    assert {"kind": "index", "name": '"public"."event_data_station_id"',
            "change": "missing"} in data["drift"]["differences"]


def test_a_role_that_may_not_read_the_sequences_gets_a_status_without_those_warnings(
    project: Path, database
) -> None:
    import secrets

    role = f"monitor_{secrets.token_hex(4)}"
    psql_file(database, dump_for_step("20250903102900-create-evses"))
    with db.connect(database) as conn:
        conn.exec_driver_sql("""INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
                                VALUES (1, 'Default Tenant', now(), now())""")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'monitor-pw'")
        conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database.database}" TO {role}')
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {role}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        conn.commit()
    try:
        as_monitor = database.set(username=role, password="monitor-pw")
        # shadow databases are the owner's to make: this role may not create databases
        shadow = database.set(database="postgres").render_as_string(hide_password=False)
        run = citrine("status", "--json", "--shadow-url", shadow, project=project,
                      url=as_monitor)
        assert run.code == 0, run.text
        data = json.loads(run.out)
        assert data["state"] == "at-version", data["summary"]
        assert data["warnings"] == []  # Tenants_id_seq lags, but this role cannot read it
        assert _status(project, database)["warnings"] != []  # the owner sees it
    finally:
        with db.connect(database) as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
            conn.commit()


# --- history the project cannot stand behind: shown, never an error -----------------------------


def test_a_ledger_row_of_a_step_the_project_does_not_have_is_shown_by_status_and_list(
    project: Path, database
) -> None:
    # A database migrated by a newer version of the project: status used to stop at it (exit
    # 2), and manager list said nothing of it.
    assert citrine("consolidated", project=project, url=database).code == 0
    with db.connect(database) as conn:
        conn.exec_driver_sql("INSERT INTO citrine_state.applied (name, kind, version, applied_by)"
                             " VALUES ('20260101000000-from-a-newer-project', 'step', '1.9.0',"
                             " 'someone@elsewhere')")
        conn.commit()
    data = _status(project, database)
    assert data["state"] == "drifted"
    assert data["unknown"] == ["20260101000000-from-a-newer-project"]
    assert "the ledger records 1 applied step(s) this project does not have" in data["summary"]
    assert data["recommendation"] is None  # migrate would refuse: nothing to recommend
    listing = citrine("manager", "list", "--json", project=project, url=database)
    assert listing.code == 0, listing.text
    assert json.loads(listing.out)["unknown"] == ["20260101000000-from-a-newer-project"]


def test_unknown_sequelize_names_next_to_a_ledger_are_shown_by_status_and_list(
    project: Path, database
) -> None:
    # With a ledger, status used to ignore SequelizeMeta names it did not know ("exactly at
    # 1.8.0") while migrate refused them; manager list ignored them always.
    assert citrine("consolidated", project=project, url=database).code == 0
    _meta(database, ["20270101000000-from-a-newer-citrine.js"])
    data = _status(project, database)
    assert data["state"] == "drifted"
    assert data["unknown"] == ["20270101000000-from-a-newer-citrine.js"]
    human = citrine("manager", "list", project=project, url=database)
    assert human.code == 0, human.text
    assert "Unknown to this project (recorded in SequelizeMeta or the ledger):\n" \
           "   ? 20270101000000-from-a-newer-citrine.js" in human.out
    assert f"{len(STEPS)} of {len(STEPS)} step(s) applied; 1 unknown to this project." \
        in human.out
    migrate = citrine("migrate", project=project, url=database)
    assert migrate.code == 2 and "20270101000000-from-a-newer-citrine.js" in migrate.err


def test_status_names_applied_step_files_that_were_edited_or_are_gone(
    project: Path, database
) -> None:
    assert citrine("migrate", project=project, url=database).code == 0
    edited = project / "versions" / "1.8.0" / "20250430105500-create-tenants-table.py"
    edited.write_text(edited.read_text() + "\n# edited after it ran\n")
    data = _status(project, database)
    assert data["edited"] == ["versions/1.8.0/20250430105500-create-tenants-table.py"]
    assert "--accept-edited 20250430105500-create-tenants-table" in data["recommendation"]
    human = citrine("status", project=project, url=database)
    assert "✎ versions/1.8.0/20250430105500-create-tenants-table.py: edited since it was " \
           "applied" in human.out
    gone = project / "versions" / "1.8.0" / "20250715000000-create-async-job-status.py"
    gone.unlink()
    data = _status(project, database)
    assert data["vanished"] == ["versions/1.8.0/20250715000000-create-async-job-status.py"]
