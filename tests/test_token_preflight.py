"""1.8.2's global token index: the pre-flight before any step runs, and the merge (#17 item 4).

Every test starts from a copy of one database: reference dump 12 (a real 1.8.0 database, its
SequelizeMeta as CitrineOS 1.8.0 leaves it) with two tenants and Authorizations that the index
"idToken_type" cannot hold: a group of three in tenant 1 (tokens differing only in case; the
oldest by createdAt is not the lowest id), a token and type in both tenants, and tokens without
a type that repeat (no conflict). Transactions, local-list rows and group members point at the
duplicates. The real ``citrine-migrate`` runs in a subprocess, as a user runs it.

Rows are compared by column name, each value as text, table by table.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from citrine_state import db, steps
from citrine_state.project import load as load_project

from .conftest import new_database
from .support import reference, stepping
from .support.cli import citrine

UNIQUE = "20260122000000-add-authorization-unique-index"
MERGE = "merge-token-duplicates"
TABLES = ("Authorizations", "Transactions", "LocalListAuthorizations")
GOLDEN = Path(__file__).parent / "fixtures" / "token-preflight-report.txt"

DATA = """
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt") VALUES
    (1, 'Default Tenant', '2025-01-01', '2025-01-01'),
    (2, 'Second CPO', '2025-02-01', '2025-02-02');
SELECT setval('"Tenants_id_seq"', 2);

INSERT INTO "Authorizations" (id, "idToken", "idTokenType", "createdAt", "updatedAt",
    "tenantId", status, "personalMessage", "groupAuthorizationId") VALUES
    (1, 'DUP-A', 'ISO14443', '2025-04-02', '2025-04-02', 1, 'Accepted',
     '{ "content" : "Hoi",  "format": "UTF8" }', NULL),
    (2, 'dup-a', 'ISO14443', '2025-04-03', '2025-04-05', 1, 'Blocked', NULL, 1),
    (3, 'Dup-A', 'ISO14443', '2025-04-01', '2025-04-01', 1, 'Accepted', NULL, NULL),
    (4, 'MEMBER', 'Central', '2025-04-04', '2025-04-04', 1, 'Accepted', NULL, 2),
    (5, 'NOTYPE', NULL, '2025-04-05', '2025-04-05', 1, 'Accepted', NULL, NULL),
    (6, 'notype', NULL, '2025-04-05', '2025-04-05', 1, 'Accepted', NULL, NULL),
    (7, 'CROSS', 'Central', '2025-04-06', '2025-04-06', 1, 'Accepted', NULL, NULL),
    (8, 'cross', 'Central', '2025-04-07', '2025-04-07', 2, 'Accepted', NULL, NULL);
SELECT setval('"Authorizations_id_seq"', 8);

INSERT INTO "Transactions" (id, "transactionId", "createdAt", "updatedAt", "tenantId",
    "authorizationId") VALUES
    (1, 'tx-1', '2025-05-01', '2025-05-01', 1, 1),
    (2, 'tx-2', '2025-05-02', '2025-05-02', 1, 2),
    (3, 'tx-3', '2025-05-03', '2025-05-03', 1, 2),
    (4, 'tx-4', '2025-05-04', '2025-05-04', 1, 3),
    (5, 'tx-5', '2025-05-05', '2025-05-05', 2, 8);
SELECT setval('"Transactions_id_seq"', 5);

INSERT INTO "LocalListAuthorizations" (id, "authorizationId", "groupAuthorizationId",
    "idToken", "idTokenType", "createdAt", "updatedAt", "tenantId") VALUES
    (1, 2, 1, 'dup-a', 'ISO14443', '2025-05-01', '2025-05-01', 1),
    (2, 4, 2, 'MEMBER', 'Central', '2025-05-01', '2025-05-01', 1);
SELECT setval('"LocalListAuthorizations_id_seq"', 2);
"""

# Only the group within tenant 1 conflicts (the cross-tenant token gets another type).
WITHIN_ONLY = """UPDATE "Authorizations" SET "idTokenType" = 'KeyCode' WHERE id = 8"""


def _exec(url: URL, sql: str) -> None:
    with db.connect(url) as conn:
        db.run_script(conn, sql)
        conn.commit()


def _query(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


@pytest.fixture(scope="module")
def base(pg_server: URL) -> Iterator[URL]:
    url = new_database(pg_server, "tok")
    reference.psql_file(url, reference.dump_for_step("20250903102900-create-evses"))
    names = ", ".join(f"('{n}.ts')" for n in
                      load_project(stepping.REPO).version("1.7.0").steps
                      + load_project(stepping.REPO).version("1.8.0").steps)
    _exec(url, f'INSERT INTO "SequelizeMeta" (name) VALUES {names};' + DATA)
    yield url
    db.drop_database(url)


@pytest.fixture
def database(pg_server: URL, base: URL) -> Iterator[URL]:
    url = pg_server.set(database=f"tok_{secrets.token_hex(5)}")
    db.create_database(url, template=base.database)
    yield url
    db.drop_database(url)


def rows(url: URL, table: str, schema: str = "public") -> list[dict[str, str | None]]:
    with db.connect(url) as conn:
        columns = conn.execute(sa.text(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t)"
            " AND attnum > 0 AND NOT attisdropped ORDER BY attname"
        ), {"t": f'{schema}."{table}"'}).scalars().all()
        listed = ", ".join(f'"{c}"::text' for c in columns)
        found = conn.execute(sa.text(f'SELECT {listed} FROM {schema}."{table}"'))
        return sorted((dict(zip(columns, r, strict=True)) for r in found),
                      key=lambda r: int(r["id"] or 0))


def data(url: URL) -> dict[str, list[dict[str, str | None]]]:
    return {t: rows(url, t) for t in TABLES}


def catalog(url: URL) -> list[tuple]:
    """Schemas, columns (with types and defaults), indexes and extensions: any change shows."""
    return _query(url, """
        SELECT 'schema', nspname, '', '' FROM pg_namespace WHERE nspname NOT LIKE 'pg_%'
        UNION ALL
        SELECT 'column', table_schema || '.' || table_name || '.' || column_name,
               data_type || coalesce(character_maximum_length::text, ''),
               coalesce(column_default, '') || is_nullable
        FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog',
                                                                   'information_schema')
        UNION ALL
        SELECT 'index', schemaname || '.' || indexname, indexdef, '' FROM pg_indexes
        UNION ALL
        SELECT 'extension', extname, '', '' FROM pg_extension
        ORDER BY 1, 2, 3, 4""")


def sequelize_meta(url: URL) -> list[str]:
    return [r[0] for r in _query(url, 'SELECT name FROM "SequelizeMeta" ORDER BY 1')]


# --- the pre-flight: refusal before anything changed ------------------------------------------


def test_migrate_on_a_180_database_with_conflicts_refuses_before_any_step(
        project: Path, database: URL) -> None:
    before_rows, before_catalog = data(database), catalog(database)
    before_meta = sequelize_meta(database)

    run = citrine("migrate", project=project, url=database)

    assert run.code == 2, run.text
    if os.environ.get("CITRINE_UPDATE_GOLDEN"):
        GOLDEN.write_text(run.err, encoding="utf-8")
    assert run.err == GOLDEN.read_text(encoding="utf-8")  # the whole report, word for word
    assert f"to do: --resolve {MERGE} keeps id 3 (the oldest)" in run.err
    assert "to do, by hand:" in run.err and "give ids 8 (tenant 2) another token" in run.err
    assert "NOTYPE" not in run.err  # a NULL type is no conflict
    assert run.err.strip().splitlines()[-1].startswith(
        f"error: the pre-flight of {UNIQUE} found what would stop the run, so nothing ran")
    # Nothing changed: not the 13 earlier steps, not the ledger (no adoption), no archive.
    assert data(database) == before_rows
    assert catalog(database) == before_catalog
    assert sequelize_meta(database) == before_meta


def test_the_refusal_report_as_json(project: Path, database: URL) -> None:
    run = citrine("migrate", "--json", project=project, url=database)

    assert run.code == 2, run.text
    report = json.loads(run.out)
    assert report["action"] == "refused"
    assert report["resolutions"][MERGE]["step"] == UNIQUE
    within, cross = report["preflight"]
    assert within["step"] == UNIQUE and within["resolution"] == MERGE
    assert within["data"]["tenants"] == [1] and within["data"]["keep"] == 3
    assert within["data"]["type"] == "ISO14443"
    assert {r["id"]: r["references"] for r in within["data"]["rows"]} == {
        1: {"Authorizations.groupAuthorizationId": 1, "LocalListAuthorizations.authorizationId": 0,
            "LocalListAuthorizations.groupAuthorizationId": 1, "Transactions.authorizationId": 1},
        2: {"Authorizations.groupAuthorizationId": 1, "LocalListAuthorizations.authorizationId": 1,
            "LocalListAuthorizations.groupAuthorizationId": 1, "Transactions.authorizationId": 2},
        3: {"Authorizations.groupAuthorizationId": 0, "LocalListAuthorizations.authorizationId": 0,
            "LocalListAuthorizations.groupAuthorizationId": 0, "Transactions.authorizationId": 1},
    }
    assert cross["resolution"] is None and cross["data"]["tenants"] == [1, 2]
    assert cross["data"]["keep"] is None
    assert [r["id"] for r in cross["data"]["rows"]] == [7, 8]


def test_consolidated_and_version_refuse_before_anything_too(project: Path,
                                                             database: URL) -> None:
    before_rows, before_catalog = data(database), catalog(database)
    for args in (("consolidated",), ("version", "1.8.2")):
        run = citrine(*args, project=project, url=database)
        assert run.code == 2, (args, run.text)
        assert f"error: the pre-flight of {UNIQUE}" in run.err
        assert data(database) == before_rows
        assert catalog(database) == before_catalog


def test_status_shows_the_conflicts_ahead_of_time(project: Path, database: URL) -> None:
    text = citrine("status", project=project, url=database)
    assert text.code == 0, text.text
    assert "Pre-flight (a run that applies these steps refuses until each is settled):" \
        in text.out
    assert f"settled by: --resolve {MERGE}" in text.out and "settled by: hand only" in text.out
    assert f"  --resolve {MERGE}: merge each group of one tenant into its oldest" in text.out

    as_json = citrine("status", "--json", project=project, url=database)
    found = json.loads(as_json.out)["preflight"]
    assert [(f["step"], f["resolution"], f["data"]["tenants"]) for f in found] == [
        (UNIQUE, MERGE, [1]), (UNIQUE, None, [1, 2])]


def test_null_types_and_other_types_are_no_conflict(database: URL) -> None:
    """Only the NULL-type repeats and tokens of different types are left: nothing found."""
    _exec(database, WITHIN_ONLY + """;
        UPDATE "Authorizations" SET "idTokenType" = NULL WHERE id IN (1, 2);""")
    project = stepping.repo_project()
    with db.connect(database) as conn:
        assert steps.preflight(conn, project, steps.all_steps(project)) == []


def test_resolve_names_only_what_a_step_offers(project: Path, database: URL) -> None:
    run = citrine("migrate", "--resolve", "merge-everything", project=project, url=database)
    assert run.code == 2
    assert run.err.strip() == ("error: --resolve 'merge-everything': no step offers that "
                               f"resolution (offered: {MERGE})")


def test_a_17x_database_is_checked_through_its_id_tokens(pg_server: URL) -> None:
    """Before the flatten the tokens are in IdTokens: the pre-flight reads them there."""
    url = new_database(pg_server, "tok17")
    try:
        reference.psql_file(url, reference.dump_for_step(
            "20250430130000-update-existing-tables-to-include-default-tenant"))
        _exec(url, """
            INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
                VALUES (1, 'Default Tenant', now(), now());
            INSERT INTO "IdTokens" (id, "idToken", type, "createdAt", "updatedAt") VALUES
                (1, 'abc', 'ISO14443', now(), now()), (2, 'ABC', 'ISO14443', now(), now()),
                (3, 'xyz', NULL, now(), now()), (4, 'XYZ', NULL, now(), now());
            INSERT INTO "Authorizations" (id, "idTokenId", "createdAt", "updatedAt") VALUES
                (10, 1, '2025-01-02', now()), (11, 2, '2025-01-01', now()),
                (12, 3, now(), now()), (13, 4, now(), now());""")
        project = stepping.repo_project()
        with db.connect(url) as conn:
            found = steps.preflight(conn, project, steps.all_steps(project))
        assert [(f.step, f.data["tenants"], [r["id"] for r in f.data["rows"]], f.data["keep"])
                for f in found] == [(UNIQUE, [1], [10, 11], 11)]
    finally:
        db.drop_database(url)


# --- the merge ------------------------------------------------------------------------------------


def test_cross_tenant_groups_are_never_merged(project: Path, database: URL) -> None:
    before_rows, before_catalog = data(database), catalog(database)

    run = citrine("version", "1.8.2", "--resolve", MERGE, project=project, url=database)

    assert run.code == 2, run.text
    assert "2 Authorizations in tenants 1, 2 (ids 7, 8)" in run.err
    assert "DUP-A" not in run.err  # the merge settles that one: not in the report
    assert data(database) == before_rows
    assert catalog(database) == before_catalog


def test_merge_then_down_then_reup_gives_back_every_row_and_link(
        project: Path, database: URL) -> None:
    _exec(database, WITHIN_ONLY)
    original = data(database)

    first = citrine("version", "1.8.2", "--resolve", MERGE, project=project, url=database)
    assert first.code == 0, first.text
    merged = data(database)
    auth = {r["id"]: r for r in merged["Authorizations"]}
    assert "1" not in auth and "2" not in auth  # merged into 3, the oldest
    assert auth["4"]["groupAuthorizationId"] == "3"
    assert {r["id"]: r["authorizationId"] for r in merged["Transactions"]} == {
        "1": "3", "2": "3", "3": "3", "4": "3", "5": "8"}
    assert [(r["authorizationId"], r["groupAuthorizationId"])
            for r in merged["LocalListAuthorizations"]] == [("3", "3"), ("4", "3")]
    archived = rows(database, "20260122000000_merged_Authorizations", "citrine_archive")
    assert [(r["id"], r["keptId"]) for r in archived] == [("1", "3"), ("2", "3")]
    assert _query(database, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idToken_type'"
                  ) == [(1,)]

    down = citrine("rollback", "1.8.1", project=project, url=database)
    assert down.code == 0, down.text
    assert data(database) == original  # every row and link, json text and timestamps too
    assert not _query(database, "SELECT 1 FROM pg_namespace WHERE nspname = 'citrine_archive'"
                      " AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = "
                      "pg_namespace.oid AND c.relname LIKE '20260122000000_merged%')")

    again = citrine("version", "1.8.2", "--resolve", MERGE, project=project, url=database)
    assert again.code == 0, again.text
    assert data(database) == merged
    assert rows(database, "20260122000000_merged_Authorizations", "citrine_archive") == archived


def test_consolidated_merges_in_the_migration_that_builds_the_index(
        project: Path, database: URL) -> None:
    """The consolidated path settles the group in the 1.8.1 -> 1.8.2 transaction, as the step
    path does before the index step's up; the down (rollback) still puts everything back."""
    _exec(database, WITHIN_ONLY)
    original = data(database)

    run = citrine("consolidated", "--resolve", MERGE, project=project, url=database)

    assert run.code == 0, run.text
    assert [r["id"] for r in data(database)["Authorizations"]] == ["3", "4", "5", "6", "7", "8"]
    assert {r["authorizationId"] for r in data(database)["Transactions"]} == {"3", "8"}
    down = citrine("rollback", "1.8.1", project=project, url=database)
    assert down.code == 0, down.text
    assert data(database) == original


def test_a_custom_batch_with_the_index_step_refuses_first_and_merges_when_asked(
        project: Path, database: URL) -> None:
    number = stepping.step_names().index(UNIQUE) + 1
    made = citrine("select", f"--select=13-{number}", "--name=to-the-index",
                   "--description=1.8.1 and 1.8.2 up to the token index", "--yes",
                   project=project)
    assert made.code == 0, made.text
    before_rows, before_catalog = data(database), catalog(database)

    refused = citrine("custom", "to-the-index", project=project, url=database)
    assert refused.code == 2, refused.text
    assert f"error: the pre-flight of {UNIQUE}" in refused.err
    assert data(database) == before_rows and catalog(database) == before_catalog

    _exec(database, WITHIN_ONLY)
    run = citrine("custom", "to-the-index", "--resolve", MERGE, project=project, url=database)
    assert run.code == 0, run.text
    assert [r["id"] for r in data(database)["Authorizations"]] == ["3", "4", "5", "6", "7", "8"]


def test_an_aborted_upstream_182_is_continued_once_the_conflicts_are_settled(
        project: Path, pg_server: URL) -> None:
    """Upstream's 1.8.2 runner on a 1.8.0 database with duplicate tokens: 13-16 committed and
    recorded (the old files again as .js), the index step threw. `status` names the state and
    the conflicts; `migrate` refuses until they are settled, then goes on at the index."""
    url = new_database(pg_server, "tok_abort")
    try:
        reference.psql_file(url, reference.dump_for_step("20260113000000-normalize-id-token-case"))
        config = load_project(stepping.REPO)
        old = config.version("1.7.0").steps + config.version("1.8.0").steps
        done = old + config.version("1.8.1").steps + config.version("1.8.2").steps[:2]
        names = [f"{n}.ts" for n in old] + [f"{n}.js" for n in done]
        _exec(url, 'INSERT INTO "SequelizeMeta" (name) VALUES '
              + ", ".join(f"('{n}')" for n in names) + ";" + DATA + ";" + WITHIN_ONLY)
        original = data(url)

        state = json.loads(citrine("status", "--json", project=project, url=url).out)
        assert state["summary"].endswith("1.8.1 + 2 step(s) of 1.8.2")
        assert [(f["resolution"], f["data"]["keep"]) for f in state["preflight"]] == [(MERGE, 3)]

        refused = citrine("migrate", project=project, url=url)
        assert refused.code == 2, refused.text
        assert data(url) == original

        run = citrine("migrate", "--resolve", MERGE, project=project, url=url)
        assert run.code == 0, run.text
        assert [r["id"] for r in data(url)["Authorizations"]] == ["3", "4", "5", "6", "7", "8"]
        assert json.loads(citrine("status", "--json", project=project, url=url).out)[
            "summary"].startswith("exactly at version 1.8.3")
    finally:
        db.drop_database(url)
