"""Custom batches without a terminal: `select --select ... --yes`, the files it writes, every
refusal, and `custom` / `custom:list` / `custom:rollback` on real databases, including the
spec's scenarios end to end.

Step numbers are those of the list `select` shows: every step of the project in timestamp order,
1 = 20250430103000-initial, 2 = create-tenants-table, 3 = create-default-tenant,
4 = update-existing-tables-to-include-default-tenant, 5 = ...-concurrenttransaction,
6 = ...-realtimeauth, 7 = flatten-authorization, 8 = create-tenant-partner-table,
9 = alter-tenants-table-add-ocpi-fields, 10 = create-async-job-status, 11 = schema-fix,
12 = create-evses. The spec's examples number a shorter list; each scenario below says which of
our numbers it picks and why they make sense on the database it runs on.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db

from .conftest import REPO, new_database
from .support import dataset17, dataset17_evse
from .support.cli import Run, citrine
from .support.reference import dump_for_step, psql_file

STEPS = [
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
    "20250618150800-update-existing-authorization-to-include-realtimeauth",
    "20250621120000-flatten-authorization",
    "20250714120500-create-tenant-partner-table",
    "20250714121000-alter-tenants-table-add-ocpi-fields",
    "20250715000000-create-async-job-status",
    "20250821103100-schema-fix",
    "20250903102900-create-evses",
]


def n(*numbers: int) -> list[str]:
    """Step names by their number in the list."""
    return [STEPS[i - 1] for i in numbers]


# --- helpers ------------------------------------------------------------------------------------


def select(project: Path, selection: str, name: str, description: str = "A test batch",
           *more: str) -> Run:
    return citrine("select", f"--select={selection}", f"--name={name}",
                   f"--description={description}", "--yes", *more, project=project)


def made(project: Path, selection: str, name: str, description: str = "A test batch") -> None:
    run = select(project, selection, name, description)
    assert run.code == 0, run.text


def rows(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def execute(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        conn.exec_driver_sql(sql)
        conn.commit()


def ledger(url: URL) -> list[tuple[str, str, str | None]]:
    if not rows(url, "SELECT to_regclass('citrine_state.applied') IS NOT NULL")[0][0]:
        return []
    return rows(url, "SELECT name, kind, batch FROM citrine_state.applied ORDER BY id")


def meta(url: URL) -> list[str]:
    if not rows(url, """SELECT to_regclass('public."SequelizeMeta"') IS NOT NULL""")[0][0]:
        return []
    return [r[0] for r in rows(url, 'SELECT name FROM "SequelizeMeta" ORDER BY name')]


def tables(url: URL, schema: str = "public") -> set[str]:
    return {r[0] for r in rows(url, f"SELECT tablename FROM pg_tables WHERE schemaname = "
                                    f"'{schema}'")} - {"spatial_ref_sys"}


def data_state(url: URL) -> tuple[dict, dict]:
    """Every row of public and the archive (hashed per table) and every sequence position."""
    with db.connect(url) as conn:
        return dataset17.snapshot_rows(conn), dataset17.snapshot_sequences(conn)


def custom_dir(project: Path) -> Path:
    return project / "versions" / "custom"


# --- databases ----------------------------------------------------------------------------------

# Rows of a CitrineOS 1.6/1.7.0 (pre-tenant) database: tokens with infos and a group token,
# authorizations, a location with a PostGIS point, a station; sequences where the app left them.
ROWS_170 = """
INSERT INTO "IdTokens" (id, "idToken", type, "createdAt", "updatedAt") VALUES
  (1, 'TOKEN-A', 'ISO14443', '2025-03-01 12:00:00+00', '2025-03-01 12:00:00+00'),
  (2, 'GROUP-1', 'Central', '2025-03-01 12:00:00+00', '2025-03-02 08:30:00+00');
INSERT INTO "IdTokenInfos" (id, status, "chargingPriority", language1, "groupIdTokenId",
    "personalMessage", "createdAt", "updatedAt") VALUES
  (1, 'Accepted', 3, 'en', 2, '{"format": "UTF8", "content": "Hallo"}',
   '2025-03-01 12:00:00+00', '2025-03-01 12:00:00+00');
INSERT INTO "Authorizations" (id, "allowedConnectorTypes", "idTokenId", "idTokenInfoId",
    "createdAt", "updatedAt") VALUES
  (1, '{cCCS1}', 1, 1, '2025-03-01 12:00:00+00', '2025-03-01 12:00:00+00'),
  (2, NULL, 2, NULL, '2025-03-01 12:00:00+00', '2025-03-01 12:00:00+00');
INSERT INTO "Locations" (id, name, coordinates, "createdAt", "updatedAt") VALUES
  (1, 'Depot', ST_SetSRID(ST_MakePoint(4.9, 52.37), 4326), '2025-03-01 12:00:00+00',
   '2025-03-01 12:00:00+00');
INSERT INTO "ChargingStations" (id, "isOnline", protocol, "locationId", "createdAt",
    "updatedAt") VALUES ('CS-1', true, 'ocpp2.0.1', 1, '2025-03-01 12:00:00+00',
    '2025-03-01 12:00:00+00');
SELECT setval(pg_get_serial_sequence('"IdTokens"', 'id'), 7);
SELECT setval(pg_get_serial_sequence('"IdTokenInfos"', 'id'), 1);
SELECT setval(pg_get_serial_sequence('"Authorizations"', 'id'), 2);
SELECT setval(pg_get_serial_sequence('"Locations"', 'id'), 1);
INSERT INTO "SequelizeMeta" (name) VALUES ('20250430103000-initial.ts');
"""


@pytest.fixture(scope="module")
def templates(pg_server: URL) -> Iterator[dict[str, URL]]:
    """Template databases, built once: "170" a real pre-tenant 1.7.0 database with rows (dump 01,
    SequelizeMeta records the initial step); "17x" a real CitrineOS 1.7.x database with the
    1.7 data set (dump 05, SequelizeMeta records steps 1-5, the default tenant, every token and
    EVSE case of MIGRATIONS.md)."""
    made_: list[URL] = []
    try:
        t170 = new_database(pg_server, "btpl170")
        made_.append(t170)
        psql_file(t170, dump_for_step(STEPS[0]))
        execute(t170, ROWS_170)
        t17x = new_database(pg_server, "btpl17x")
        made_.append(t17x)
        psql_file(t17x, dump_for_step(STEPS[4]))
        with db.connect(t17x) as conn, conn.begin():
            conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES '
                                 + ", ".join(f"('{s}.ts')" for s in STEPS[:5]))
            dataset17.ensure_default_tenant(conn)
            dataset17.load_tokens(conn)
            dataset17_evse.load_evses(conn)
        yield {"170": t170, "17x": t17x}
    finally:
        for url in made_:
            db.drop_database(url)


@pytest.fixture
def clone(templates: dict[str, URL], pg_server: URL) -> Iterator[Callable[[str], URL]]:
    """A fresh copy of a template database ("170", "17x") or an empty one ("empty")."""
    made_: list[URL] = []

    def make(which: str) -> URL:
        url = pg_server.set(database=f"b{which}_{secrets.token_hex(5)}")
        template = templates[which].database if which != "empty" else None
        db.create_database(url, template=template)
        made_.append(url)
        return url

    yield make
    for url in made_:
        db.drop_database(url)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project copy for the database tests of this module, so they share the verifier's
    cache of shadow builds (each test uses batch names of its own)."""
    dest = tmp_path_factory.mktemp("batches") / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


# --- select without a terminal: files -----------------------------------------------------------


def test_select_writes_both_files_in_the_specs_format(project: Path) -> None:
    run = select(project, "1-3,5", "tenant-auth-hotfix",
                 "Tenant setup and authorization flattening for hotfix deployment")
    assert run.code == 0, run.text
    assert "✅ Selected 4 migrations:" in run.out
    assert "   • 20250430105500-create-tenants-table.py" in run.out
    assert ("✅ Custom batch migration created: "
            "versions/custom/tenant-auth-hotfix-consolidated.py") in run.out
    assert "📄 Metadata file created: versions/custom/tenant-auth-hotfix-metadata.json" in run.out
    assert "🚀 To run this custom batch migration:\n   citrine-migrate custom tenant-auth-hotfix" \
        in run.out
    data = json.loads((custom_dir(project) / "tenant-auth-hotfix-metadata.json").read_text())
    assert list(data) == ["batchName", "description", "createdAt", "migrations", "checksums"]
    assert data["batchName"] == "tenant-auth-hotfix"
    assert data["description"] == "Tenant setup and authorization flattening for hotfix deployment"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["createdAt"])
    assert data["migrations"][1] == {
        "filename": "20250430105500-create-tenants-table.py",
        "description": "Create the Tenants table.",
        "timestamp": "20250430105500",
    }
    assert [m["filename"] for m in data["migrations"]] == [f"{s}.py" for s in n(1, 2, 3, 5)]
    for entry in data["migrations"]:
        version = "1.7.0" if entry["filename"].startswith(STEPS[0]) else "1.8.0"
        step_file = project / "versions" / version / entry["filename"]
        assert data["checksums"][entry["filename"]] == hashlib.sha256(
            step_file.read_bytes()).hexdigest()


def test_the_batch_file_lists_steps_by_reference_not_copies(project: Path) -> None:
    made(project, "7", "auth-flatten")
    text = (custom_dir(project) / "auth-flatten-consolidated.py").read_text()
    namespace: dict = {}
    exec(compile(text, "auth-flatten-consolidated.py", "exec"), namespace)
    step_file = project / "versions" / "1.8.0" / f"{STEPS[6]}.py"
    assert namespace["BATCH"] == "auth-flatten"
    assert namespace["STEPS"] == [
        (STEPS[6], "1.8.0", hashlib.sha256(step_file.read_bytes()).hexdigest())
    ]
    assert namespace["UP"].strip() == "" and namespace["DOWN"].strip() == ""
    assert "def up" not in text and "ALTER TABLE" not in text  # no copy of the step
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ([], "--select, --name, --description, --yes"),
        (["--select", "1-3"], "--name, --description, --yes"),
        (["--select", "1-3", "--name", "x", "--description", "d"], "--yes"),
        (["--name", "x", "--description", "d", "--yes"], "--select"),
    ],
)
def test_without_a_terminal_missing_answers_exit_2_at_once(project: Path, given: list[str],
                                                            missing: str) -> None:
    run = citrine("select", *given, project=project, timeout=30)
    assert run.code == 2
    assert f"no terminal to ask on, and {missing} not given" in run.err
    assert len(run.err.strip().splitlines()) == 1
    assert not custom_dir(project).exists() or not any(custom_dir(project).glob("x-*"))


@pytest.mark.parametrize("selection", ["none", "", "  "])
def test_none_or_empty_selection_cancels_and_writes_nothing(project: Path,
                                                            selection: str) -> None:
    before = sorted(p.name for p in custom_dir(project).iterdir())
    run = select(project, selection, "never")
    assert run.code == 0, run.text
    assert "No migrations selected: nothing was written." in run.out
    assert sorted(p.name for p in custom_dir(project).iterdir()) == before


@pytest.mark.parametrize(
    ("selection", "says"),
    [
        ("0", "the list starts at 1"),
        ("13", "13 is out of range, there are 12 migrations (1-12)"),
        ("5-3", "reversed range"),
        ("1-", "is not a range"),
        ("abc", "is not a number"),
    ],
)
def test_a_bad_selection_exits_2_with_the_reason(project: Path, selection: str,
                                                 says: str) -> None:
    run = select(project, selection, "never")
    assert run.code == 2
    assert says in run.err and "Traceback" not in run.text
    assert not (custom_dir(project) / "never-metadata.json").exists()


@pytest.mark.parametrize(
    "name",
    ["../escape", "a/b", "Upper", "-dash-first", "x;rm -rf", "sp ace", "a" * 101, "ünï",
     "$(whoami)"],
)
def test_batch_names_that_are_no_safe_file_name_are_refused(project: Path, name: str) -> None:
    run = select(project, "2", name)
    assert run.code == 2
    assert "is not a batch name" in run.err or "at most 100 characters" in run.err
    assert sorted(p.name for p in custom_dir(project).iterdir()) == ["README.md"]
    assert not (project / "versions" / "escape-metadata.json").exists()


def test_names_with_dots_digits_and_underscores_are_accepted(project: Path) -> None:
    made(project, "2", "custom-v1.8.0_2")
    assert (custom_dir(project) / "custom-v1.8.0_2-metadata.json").is_file()


def test_an_existing_name_is_refused_unless_force(project: Path) -> None:
    made(project, "2", "hotfix-auth", "first")
    again = select(project, "3", "hotfix-auth", "second")
    assert again.code == 2
    assert "a batch named hotfix-auth exists already" in again.err and "--force" in again.err
    data = json.loads((custom_dir(project) / "hotfix-auth-metadata.json").read_text())
    assert data["description"] == "first"
    forced = select(project, "3", "hotfix-auth", "second", "--force")
    assert forced.code == 0, forced.text
    data = json.loads((custom_dir(project) / "hotfix-auth-metadata.json").read_text())
    assert data["description"] == "second"
    assert [m["filename"] for m in data["migrations"]] == [f"{STEPS[2]}.py"]


@pytest.mark.parametrize("description", ["", "   ", "two\nlines", "bell\x07"])
def test_a_description_is_required_and_one_line(project: Path, description: str) -> None:
    run = select(project, "2", "described", description)
    assert run.code == 2
    assert "description" in run.err
    assert not (custom_dir(project) / "described-metadata.json").exists()


def test_manager_select_is_select(project: Path) -> None:
    run = citrine("manager", "select", "--select", "8-10", "--name", "feature-async-jobs",
                  "--description", "Async job processing feature rollout", "--yes",
                  project=project)
    assert run.code == 0, run.text
    data = json.loads((custom_dir(project) / "feature-async-jobs-metadata.json").read_text())
    assert [m["filename"] for m in data["migrations"]] == [f"{s}.py" for s in n(8, 9, 10)]


def test_manager_interactive_previews_and_writes_nothing(project: Path) -> None:
    run = citrine("manager", "interactive", "--select", "1,3-5", project=project)
    assert run.code == 0, run.text
    assert "✅ Selected 4 migrations:" in run.out
    assert "Preview only: nothing was written" in run.out
    assert 'citrine-migrate select --select "1,3-5"' in run.out
    as_json = citrine("manager", "interactive", "--json", "--select", "2,4", project=project)
    data = json.loads(as_json.out)
    assert data["selected"] == [2, 4]
    assert [m["step"] for m in data["migrations"]] == STEPS
    assert data["migrations"][0]["description"].startswith("Create the 1.7.0 baseline")
    assert sorted(p.name for p in custom_dir(project).iterdir()) == ["README.md"]
    no_terminal = citrine("manager", "interactive", project=project, timeout=30)
    assert no_terminal.code == 2 and "no terminal" in no_terminal.err


def test_a_template_is_an_empty_batch_and_running_it_empty_is_refused(project: Path,
                                                                     database: URL) -> None:
    run = citrine("select", "--template", "data-fix", "--description", "Hand-written fix",
                  project=project)
    assert run.code == 0, run.text
    assert "✅ Custom batch template created: versions/custom/data-fix-consolidated.py" in run.out
    data = json.loads((custom_dir(project) / "data-fix-metadata.json").read_text())
    assert data["migrations"] == [] and data["checksums"] == {}
    text = (custom_dir(project) / "data-fix-consolidated.py").read_text()
    assert 'UP = r"""' in text and 'DOWN = r"""' in text
    empty = citrine("custom", "data-fix", project=project, url=database)
    assert empty.code == 2
    assert "custom batch data-fix is an empty template: write its SQL in UP" in empty.err
    assert ledger(database) == [] and tables(database) == set()
    no_description = citrine("select", "--template", "other", project=project, timeout=30)
    assert no_description.code == 2 and "--description" in no_description.err


# --- bad batch files ------------------------------------------------------------------------------


def _corrupt_truncated(path: Path) -> None:
    path.write_text(path.read_text()[:120])


def _corrupt_not_object(path: Path) -> None:
    path.write_text("[1, 2]")


def _corrupt_name(path: Path) -> None:
    data = json.loads(path.read_text())
    data["batchName"] = "someone-else"
    path.write_text(json.dumps(data))


def _corrupt_created(path: Path) -> None:
    data = json.loads(path.read_text())
    data["createdAt"] = "yesterday"
    path.write_text(json.dumps(data))


def _corrupt_checksum(path: Path) -> None:
    data = json.loads(path.read_text())
    data["checksums"].popitem()
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("corrupt", "says"),
    [
        (_corrupt_truncated, "not valid JSON (truncated or edited?) at line"),
        (_corrupt_not_object, "the top level must be a JSON object"),
        (_corrupt_name, "$.batchName is 'someone-else', but the file is named for 'broken'"),
        (_corrupt_created, "$.createdAt must be an ISO-8601 time"),
        (_corrupt_checksum, "$.checksums has no sha256 for"),
    ],
)
def test_malformed_metadata_is_one_line_and_exit_2(project: Path, corrupt, says: str) -> None:
    made(project, "2-3", "broken")
    corrupt(custom_dir(project) / "broken-metadata.json")
    run = citrine("custom", "broken", project=project,
                  url="postgresql://nobody:pw@127.0.0.1:1/never")
    assert run.code == 2
    assert "versions/custom/broken-metadata.json: " in run.err and says in run.err
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.text
    listed = citrine("custom:list", project=project)
    assert listed.code == 0 and "🎯 broken" in listed.out and says in listed.out


def test_a_step_file_changed_since_the_batch_was_made_is_refused_naming_it(
    project: Path, database: URL
) -> None:
    made(project, "2-3", "tenants")
    step_file = project / "versions" / "1.8.0" / f"{STEPS[1]}.py"
    step_file.write_text(step_file.read_text() + "\n# edited\n")
    run = citrine("custom", "tenants", project=project, url=database)
    assert run.code == 2
    assert f"versions/1.8.0/{STEPS[1]}.py changed since custom batch tenants was created" \
        in run.err
    assert ledger(database) == [] and tables(database) == set()


def test_batch_files_that_disagree_are_refused(project: Path) -> None:
    made(project, "2-3", "split")
    path = custom_dir(project) / "split-consolidated.py"
    text = path.read_text()
    start = text.index("    (\n", text.index(STEPS[1]) - 20)
    path.write_text(text.replace(text[start:text.index("    ),\n", start) + 7], "", 1))
    run = citrine("custom", "split", project=project, url="postgresql://x@127.0.0.1:1/never")
    assert run.code == 2
    assert "list different steps or checksums" in run.err


def test_an_unknown_batch_is_refused_naming_the_known_ones(project: Path) -> None:
    made(project, "2", "known-one")
    run = citrine("custom", "unknown-one", project=project, url="postgresql://x@127.0.0.1:1/n")
    assert run.code == 2
    assert "no custom batch named unknown-one" in run.err and "known-one" in run.err
    bad = citrine("custom", "../../etc/passwd", project=project, url="postgresql://x@h:1/n")
    assert bad.code == 2 and "is not a batch name" in bad.err


# --- custom:list without a database -------------------------------------------------------------


def test_custom_list_without_a_database_is_the_specs_list_and_creates_no_cluster(
    project: Path,
) -> None:
    empty = citrine("custom:list", project=project)
    assert empty.code == 0 and "No custom batch migrations yet" in empty.out
    made(project, "1-3,5", "tenant-auth-hotfix",
         "Tenant setup and authorization flattening for hotfix deployment")
    made(project, "5,6", "auth-emergency-hotfix", "Critical authorization security fixes")
    run = citrine("custom:list", project=project)
    assert run.code == 0, run.text
    assert run.out.startswith("📋 Available Custom Batch Migrations:\n\n🎯 tenant-auth-hotfix\n"
                              "   Description: Tenant setup and authorization flattening for "
                              "hotfix deployment\n   Created: ")
    assert "🎯 auth-emergency-hotfix\n   Description: Critical authorization security fixes\n" \
        in run.out
    assert "   Migrations: 4 files" in run.out and "   Migrations: 2 files" in run.out
    assert run.out.index("tenant-auth-hotfix") < run.out.index("auth-emergency-hotfix")
    assert "Applied:" not in run.out
    assert "applied state not shown" in run.err
    assert not (project / ".citrine" / "cluster.json").exists()
    data = json.loads(citrine("custom:list", "--json", project=project).out)
    assert [b["batchName"] for b in data["batches"]] == ["tenant-auth-hotfix",
                                                         "auth-emergency-hotfix"]
    assert data["batches"][1]["migrations"] == [f"{s}.py" for s in n(5, 6)]
    assert data["batches"][0]["state"] is None and data["database"] is None


def test_custom_list_with_an_unreachable_database_lists_and_exits_2(project: Path) -> None:
    # The listing from the files still shows, but an unreachable database is an error, as
    # for `manager list`: exit 2, one error line, last.
    made(project, "2", "somewhere")
    run = citrine("custom:list", project=project,
                  url="postgresql://someone:s3cret@127.0.0.1:1/citrine")
    assert run.code == 2 and "🎯 somewhere" in run.out
    errors = [line for line in run.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and run.err.rstrip().endswith(errors[0])
    assert "cannot connect" in errors[0] and "listed without their applied state" in errors[0]
    assert "s3cret" not in run.text


# --- custom on databases: errors ---------------------------------------------------------------


def test_a_missing_prerequisite_is_named_on_the_shadow_before_the_live_database_is_touched(
    shared: Path, clone
) -> None:
    # On a pre-tenant 1.7.0 database, flatten-authorization (7) alone: it needs the
    # Authorizations columns that the tenant steps add (tenantId first, concurrentTransaction).
    url = clone("170")
    before = data_state(url)
    made(shared, "7", "flatten-alone")
    run = citrine("custom", "flatten-alone", project=shared, url=url)
    assert run.code == 2, run.text
    assert ("custom batch flatten-alone: step 20250621120000-flatten-authorization fails on a "
            "shadow copy of this database's schema") in run.err
    assert '"tenantId" does not exist' in run.err
    assert "nothing ran on the live database" in run.err
    assert "completed successfully" not in run.out
    assert data_state(url) == before
    assert [r for r in ledger(url) if r[1] == "batch"] == []
    assert meta(url) == [f"{STEPS[0]}.ts"]


def test_a_failure_in_the_live_transaction_leaves_nothing_of_the_batch(shared: Path,
                                                                      clone) -> None:
    # 2,4 without 3 on a 1.7.0 database with rows: the shadow (no rows) passes, but the live
    # rows cannot point to a default tenant that does not exist; Tenants (step 2) goes too.
    url = clone("170")
    before = data_state(url)
    made(shared, "2,4", "tenant-without-default")
    run = citrine("custom", "tenant-without-default", project=shared, url=url)
    assert run.code == 2, run.text
    assert f"step {STEPS[3]} (up) failed and was rolled back" in run.err
    assert "Tenants" not in tables(url)
    assert data_state(url) == before
    assert [r for r in ledger(url) if r[1] == "batch"] == []


def test_a_drifted_schema_is_refused_before_anything_runs(shared: Path, clone) -> None:
    url = clone("17x")
    execute(url, 'ALTER TABLE "Tenants" ADD COLUMN "hand_made" text')
    made(shared, "6", "on-drift")
    run = citrine("custom", "on-drift", project=shared, url=url)
    assert run.code == 1, run.text
    assert "schema differs from what" in run.err and "nothing ran" in run.err
    assert "realTimeAuth" not in str(rows(url, """SELECT array_agg(attname::text) FROM
        pg_attribute WHERE attrelid = '"Authorizations"'::regclass"""))


def test_a_non_empty_database_without_history_is_refused(shared: Path, clone) -> None:
    url = clone("170")
    execute(url, 'DROP TABLE "SequelizeMeta"')
    made(shared, "2", "no-history")
    run = citrine("custom", "no-history", project=shared, url=url)
    assert run.code == 1
    assert "the database is not empty, but neither the ledger nor SequelizeMeta records" \
        in run.err
    assert "Tenants" not in tables(url)


def test_rolling_back_what_was_never_applied_finds_nothing_to_do(shared: Path, clone) -> None:
    # As `custom NAME` twice: already in the state asked for, exit 0, nothing changed.
    url = clone("17x")
    made(shared, "6", "never-ran")
    before = rows(url, 'SELECT name FROM "SequelizeMeta" ORDER BY name')
    run = citrine("custom:rollback", "never-ran", project=shared, url=url)
    assert run.code == 0, run.text
    assert "never-ran: nothing to roll back, none of it is applied" in run.out
    assert "Rolling back" not in run.out
    assert rows(url, 'SELECT name FROM "SequelizeMeta" ORDER BY name') == before


def test_rolling_back_a_batch_that_does_not_exist_is_a_usage_error(shared: Path,
                                                                   clone) -> None:
    url = clone("17x")
    run = citrine("custom:rollback", "no-such-batch", project=shared, url=url)
    assert run.code == 2
    assert "no custom batch named no-such-batch" in run.err
    assert run.out == ""


# --- hand-written SQL ---------------------------------------------------------------------------


def _fill(project: Path, name: str, up: str, down: str) -> None:
    path = custom_dir(project) / f"{name}-consolidated.py"
    text = path.read_text()
    up_at = text.index('UP = r"""') + len('UP = r"""')
    text = text[:up_at] + up + text[text.index('"""', up_at):]
    down_at = text.index('DOWN = r"""') + len('DOWN = r"""')
    text = text[:down_at] + down + text[text.index('"""', down_at):]
    path.write_text(text)


def test_a_filled_template_runs_its_sql_in_one_transaction_and_rolls_it_back(
    shared: Path, clone
) -> None:
    url = clone("17x")
    before = data_state(url)
    assert citrine("select", "--template", "rename-tenant", "--description",
                   "Name the default tenant", project=shared).code == 0
    _fill(shared, "rename-tenant",
          """\nUPDATE "Tenants" SET name = 'ACME 100%' WHERE id = 1;\n""",
          """\nUPDATE "Tenants" SET name = 'Default Tenant' WHERE id = 1;\n""")
    run = citrine("custom", "rename-tenant", project=shared, url=url)
    assert run.code == 0, run.text
    assert "✅ hand-written SQL" in run.out
    assert "✅ Custom batch migration rename-tenant completed successfully" in run.out
    assert rows(url, 'SELECT name FROM "Tenants" WHERE id = 1') == [("ACME 100%",)]
    again = citrine("custom", "rename-tenant", project=shared, url=url)
    assert again.code == 0 and "already applied by this batch, skipped" in again.out
    listed = citrine("custom:list", project=shared, url=url)
    assert "Migrations: 0 files + hand-written SQL" in listed.out
    assert "SQL applied" in listed.out
    back = citrine("custom:rollback", "rename-tenant", project=shared, url=url)
    assert back.code == 0, back.text
    assert "✅ Custom batch migration rename-tenant rolled back successfully" in back.out
    assert data_state(url)[0]["public.Tenants"] == before[0]["public.Tenants"]


def test_template_sql_that_changes_the_schema_is_refused_on_the_shadow(shared: Path,
                                                                       clone) -> None:
    url = clone("17x")
    assert citrine("select", "--template", "sneaky-ddl", "--description", "Adds a column",
                   project=shared).code == 0
    _fill(shared, "sneaky-ddl", '\nALTER TABLE "Tenants" ADD COLUMN note text;\n', "")
    run = citrine("custom", "sneaky-ddl", project=shared, url=url)
    assert run.code == 2
    assert "its UP SQL changes the schema" in run.err
    assert "schema changes belong in a step" in run.err
    assert "note" not in str(rows(url, """SELECT array_agg(attname::text) FROM pg_attribute
        WHERE attrelid = '"Tenants"'::regclass"""))


# --- the spec's scenarios ------------------------------------------------------------------------


def test_scenario_emergency_hotfix(shared: Path, clone) -> None:
    """Spec: "deploy only authorization-related fixes", select 4,5. On a real 1.7.x database
    (steps 1-5 applied by CitrineOS) the authorization steps not yet applied are 6
    (realTimeAuth) and 7 (flatten-authorization): `6,7`. Its data is archived, and the
    rollback gives back every row and sequence position."""
    url = clone("17x")
    before = data_state(url)
    made(shared, "6,7", "auth-emergency-hotfix", "Critical authorization security fixes")
    run = citrine("custom", "auth-emergency-hotfix", project=shared, url=url)
    assert run.code == 0, run.text
    assert run.out.startswith(
        "🎯 Running custom batch migration: auth-emergency-hotfix\n"
        "Description: Critical authorization security fixes\nCreated: ")
    assert "Migrations included: 2\n" in run.out
    assert (f"  • {STEPS[6]}.py: Flatten IdTokens and IdTokenInfos into Authorizations, "
            "archiving the old token tables.") in run.out
    assert "Adopted 5 step(s) that CitrineOS's own runner applied." in run.out
    assert "✅ Custom batch migration auth-emergency-hotfix completed successfully" in run.out
    assert "archived to citrine_archive" in run.err  # the step's own report
    assert {"IdTokens", "IdTokenInfos"} & tables(url) == set()
    assert rows(url, 'SELECT "idToken" FROM "Authorizations" WHERE id = 1') == [("TOKEN-A",)]
    assert ledger(url)[-2:] == [(STEPS[5], "batch", "auth-emergency-hotfix"),
                                (STEPS[6], "batch", "auth-emergency-hotfix")]
    assert meta(url) == [f"{s}.ts" for s in STEPS[:7]]
    back = citrine("custom:rollback", "auth-emergency-hotfix", project=shared, url=url)
    assert back.code == 0, back.text
    assert back.out.startswith("⏪ Rolling back custom batch migration: auth-emergency-hotfix\n")
    assert back.out.index(STEPS[6]) < back.out.index(STEPS[5])  # reverse order
    assert "✅ Custom batch migration auth-emergency-hotfix rolled back successfully" in back.out
    # Every row back; the flat token columns, which 1.7 has no place for, are set aside for the
    # next up (it puts them back).
    after = data_state(url)
    set_aside = "citrine_archive.20250621120000_Authorizations_down"
    assert set_aside in after[0]
    assert {k: v for k, v in after[0].items() if k != set_aside} == before[0]
    # Sequence positions as before, but for the one CitrineOS 1.7.x left behind its ids
    # (Tenants_id_seq at the default tenant): the batch moved it past them.
    moved = {k for k in before[1] if after[1][k] != before[1][k]}
    assert moved == {"public.Tenants_id_seq"}
    assert after[1]["public.Tenants_id_seq"] == (1, True)
    assert ledger(url)[-2:] == [(STEPS[6], "reverted", "auth-emergency-hotfix"),
                                (STEPS[5], "reverted", "auth-emergency-hotfix")]
    assert meta(url) == [f"{s}.ts" for s in STEPS[:5]]


def test_scenario_tenant_only_setup(shared: Path, clone) -> None:
    """Spec: "multi-tenancy without other features", select 1-3,6 (tenants, default tenant,
    tenantId everywhere, tenant partners). On a pre-tenant 1.7.0 database that is 2-4 and 8,
    with 9 (the tenants' OCPI fields) that the partner side uses: `2-4,8,9`."""
    url = clone("170")
    before = data_state(url)
    made(shared, "2-4,8,9", "tenant-only-setup", "Multi-tenant architecture setup")
    run = citrine("custom", "tenant-only-setup", project=shared, url=url)
    assert run.code == 0, run.text
    assert "Migrations included: 5" in run.out
    assert rows(url, 'SELECT DISTINCT "tenantId" FROM "Authorizations"') == [(1,)]
    assert rows(url, 'SELECT "tenantId" FROM "ChargingStations"') == [(1,)]
    assert rows(url, 'SELECT id, name, "countryCode" FROM "Tenants"') == [
        (1, "Default Tenant", "US")]
    assert "TenantPartners" in tables(url) and "AsyncJobStatuses" not in tables(url)
    status = json.loads(citrine("status", "--json", project=shared, url=url).out)
    assert status["state"] == "between-versions"
    assert status["applied"] == [STEPS[0], *n(2, 3, 4, 8, 9)]
    listed = citrine("custom:list", project=shared, url=url)
    assert "🎯 tenant-only-setup" in listed.out
    assert "   Applied: 5/5 migrations (5 by this batch)" in listed.out
    back = citrine("custom:rollback", "tenant-only-setup", project=shared, url=url)
    assert back.code == 0, back.text
    after = data_state(url)
    # everything as before, but the default tenant waits in the archive for a re-up
    kept = "citrine_archive.20250430110000_Tenants_down"
    assert {k: v for k, v in after[0].items() if k != kept} == before[0]
    assert after[1] == before[1]
    assert rows(url, 'SELECT id, name FROM citrine_archive."20250430110000_Tenants_down"') == [
        (1, "Default Tenant")]
    assert "Tenants" not in tables(url)


def test_scenario_feature_rollout_then_the_comprehensive_update(shared: Path, clone) -> None:
    """Spec: "feature-async-jobs", select 1,3,7-9. Async job statuses (10) belong to tenant
    partners (8), which use the tenants' OCPI fields (9): on a real 1.7.x database, `8-10`
    without the authorization steps. Later the spec's "comprehensive-update" selects everything
    (`all`): the applied steps are skipped and reported, and the database ends exactly at
    version 1.8.0."""
    url = clone("17x")
    made(shared, "8-10", "feature-async-jobs", "Async job processing feature rollout")
    run = citrine("custom", "feature-async-jobs", project=shared, url=url)
    assert run.code == 0, run.text
    assert {"TenantPartners", "AsyncJobStatuses"} <= tables(url)
    assert "IdTokens" in tables(url)  # the authorization steps did not run
    made(shared, "all", "comprehensive-update", "Complete set")
    full = citrine("custom", "comprehensive-update", project=shared, url=url)
    assert full.code == 0, full.text
    assert "Migrations included: 12" in full.out
    for step in n(1, 2, 3, 4, 5):
        assert f"  ↷ {step}.py: already applied (by CitrineOS's own runner), skipped" in full.out
    for step in n(8, 9, 10):
        assert f"  ↷ {step}.py: already applied (by custom batch feature-async-jobs), skipped" \
            in full.out
    assert re.findall(r"  ✅ (\S+)\.py \(", full.out) == n(6, 7, 11, 12)
    status = json.loads(citrine("status", "--json", project=shared, url=url).out)
    assert status["state"] == "at-version" and status["version"] == "1.8.0"
    assert citrine("verify", project=shared, url=url).code == 0
    nothing = citrine("custom", "comprehensive-update", project=shared, url=url)
    assert nothing.code == 0
    assert "nothing to do, everything in it is already applied" in nothing.out


def test_scenario_development_subset(shared: Path, clone) -> None:
    """Spec: "dev-test-subset", select 2,4,6, on an empty development database. Taken literally
    that is Tenants, tenantId everywhere and realTimeAuth without the baseline (1) they alter:
    the shadow replay names the step that fails and the database stays empty. The subset that
    stands is `1,2,4,6`; its rollback empties the database again."""
    url = clone("empty")
    made(shared, "2,4,6", "dev-test-literal", "Development testing of specific migrations")
    literal = citrine("custom", "dev-test-literal", project=shared, url=url)
    assert literal.code == 2
    assert f"step {STEPS[3]} fails on a shadow copy" in literal.err
    assert tables(url) == set()
    made(shared, "1,2,4,6", "dev-test-subset", "Development testing of specific migrations")
    run = citrine("custom", "dev-test-subset", project=shared, url=url)
    assert run.code == 0, run.text
    assert re.findall(r"  ✅ (\S+)\.py \(", run.out) == n(1, 2, 4, 6)
    assert "realTimeAuth" in str(rows(url, """SELECT array_agg(attname::text) FROM pg_attribute
        WHERE attrelid = '"Authorizations"'::regclass"""))
    # Its rollback reverts the baseline: refused unless forced, then only after a backup.
    before = data_state(url)
    refused = citrine("custom:rollback", "dev-test-subset", project=shared, url=url)
    assert refused.code == 2
    assert "the baseline" in refused.err and "--drop-baseline" in refused.err
    assert data_state(url) == before
    back = citrine("custom:rollback", "dev-test-subset", "--drop-baseline", project=shared,
                   url=url)
    assert back.code == 0, back.text
    assert "checked with pg_restore --list" in back.err
    assert tables(url) == set()  # empty again: no leftover SequelizeMeta


def test_scenario_phased_production_deployment(shared: Path, clone) -> None:
    """Spec: phase 1 "1-3" (core infrastructure), phase 2 "4,5", phase 3 "6-9", in our numbers
    on a pre-tenant 1.7.0 production database with rows: phase 1 = baseline (already applied:
    skipped), Tenants, default tenant; phase 2 = tenantId everywhere, concurrentTransaction;
    phase 3 = realTimeAuth, flatten, tenant partners, OCPI fields. A phase that later phases
    build on cannot be rolled back alone. Phase 4 (`10-12`) completes version 1.8.0."""
    url = clone("170")
    phases = [("phase-1-infrastructure", "1-3"), ("phase-2-features", "4,5"),
              ("phase-3-advanced", "6-9")]
    for name, selection in phases:
        made(shared, selection, name, f"Phase {name[6]}")
    first = citrine("custom", "phase-1-infrastructure", project=shared, url=url)
    assert first.code == 0, first.text
    assert f"  ↷ {STEPS[0]}.py: already applied (by CitrineOS's own runner), skipped" \
        in first.out
    assert re.findall(r"  ✅ (\S+)\.py \(", first.out) == n(2, 3)
    second = citrine("custom", "phase-2-features", project=shared, url=url)
    assert second.code == 0, second.text
    before_refusal = data_state(url)
    early = citrine("custom:rollback", "phase-1-infrastructure", project=shared, url=url)
    assert early.code == 2
    assert ("rolling back custom batch phase-1-infrastructure would leave step "
            f"{STEPS[3]} without what it needs") in early.err
    assert data_state(url) == before_refusal
    third = citrine("custom", "phase-3-advanced", project=shared, url=url)
    assert third.code == 0, third.text
    assert rows(url, 'SELECT id, "idToken", "tenantId", "concurrentTransaction" FROM '
                     '"Authorizations" ORDER BY id') == [(1, "TOKEN-A", 1, False),
                                                         (2, "GROUP-1", 1, False)]
    made(shared, "10-12", "phase-4-completion", "Phase 4")
    fourth = citrine("custom", "phase-4-completion", project=shared, url=url)
    assert fourth.code == 0, fourth.text
    status = json.loads(citrine("status", "--json", project=shared, url=url).out)
    assert status["state"] == "at-version" and status["version"] == "1.8.0"
    assert citrine("verify", project=shared, url=url).code == 0
    kinds = {(name, kind, batch) for name, kind, batch in ledger(url)}
    assert (STEPS[6], "batch", "phase-3-advanced") in kinds
    assert (STEPS[0], "adopted", None) in kinds


# --- listing reads, never runs (issue 15, item 20) ----------------------------------------------


def test_listing_reporting_and_validating_batches_run_no_code_from_them(
    project: Path, tmp_path: Path
) -> None:
    """A line added to a batch file used to run when `custom:list` merely listed the batch.
    Batch files are read as data now: listing, reporting and validating run nothing, name the
    line, and `custom` refuses the file (one line) instead of running it."""
    marker = tmp_path / "ran"
    # A step that would say so if it were imported (listings parse steps, never import them).
    step = project / "versions" / "1.8.0" / f"{STEPS[1]}.py"
    step.write_text(step.read_text() + f"\nopen({str(marker)!r} + '-step', 'w').write('x')\n")
    made(project, "2", "plain")
    made(project, "3", "tampered")
    path = custom_dir(project) / "tampered-consolidated.py"
    path.write_text(path.read_text() + f"\nopen({str(marker)!r}, 'w').write('ran')\n")
    for command in (("custom:list",), ("custom:list", "--json"), ("manager", "list"),
                    ("manager", "report", "--no-database"),
                    ("manager", "report", "--no-database", "--format", "md"),
                    ("manager", "validate"), ("manager", "interactive", "--select", "1-3")):
        run = citrine(*command, project=project)
        assert run.code in (0, 1), (command, run.text)
        assert "Traceback" not in run.text, run.text
        assert not marker.exists() and not Path(f"{marker}-step").exists(), command
    listing = citrine("custom:list", "--json", project=project)
    problems = {b["batchName"]: b["problem"] for b in json.loads(listing.out)["batches"]}
    line = len(path.read_text().splitlines())
    assert problems["plain"] is None
    assert problems["tampered"] == (
        f"versions/custom/tampered-consolidated.py, line {line}: a batch file holds only its "
        "docstring and BATCH, STEPS, UP, DOWN as literal values (it is read, never run); "
        "recreate it with `citrine-migrate select --force`")
    validate = citrine("manager", "validate", project=project)
    assert validate.code == 1 and problems["tampered"] in validate.out
    run = citrine("custom", "tampered", project=project, url="postgresql://u@127.0.0.1:1/x")
    assert run.code == 2 and run.err == f"error: {problems['tampered']}\n", run.err
    assert not marker.exists()


def test_a_batch_value_that_is_not_a_literal_is_named(project: Path) -> None:
    made(project, "2", "computed")
    path = custom_dir(project) / "computed-consolidated.py"
    path.write_text(path.read_text().replace('UP = r"""\n"""', 'UP = "SELECT " + "1"'))
    run = citrine("custom", "computed", project=project, url="postgresql://u@127.0.0.1:1/x")
    assert run.code == 2
    assert "computed-consolidated.py, line" in run.err and "UP must be a literal value" in run.err
