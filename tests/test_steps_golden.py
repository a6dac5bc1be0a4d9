"""Golden tests of every step against the real upstream schemas.

For each step NN that has a reference dump (``schemas/NN-<step>.sql``): from an empty database,
apply steps 1..NN and the schema equals that dump (empty migra diff both ways, same column
order); then ``down`` of step NN alone gives the schema of dump NN-1 again (for the first step:
an empty database with PostGIS installed). A step that only adds what is missing (GUARDED) is
also run a second time before its down, and must change nothing.

The states 1..NN come from a chain of databases (``chain``): the database of case NN is a copy
(CREATE DATABASE ... TEMPLATE) of the one case NN-1 started from, with step NN applied, so each
step runs up once per module rather than once per later case. Each dump is loaded and inspected
once.

The steps are run one transaction each, straight from their files (like tests/support/stepping,
but built from the config without requiring every step file to exist, so a step that is still
missing fails only the cases that need it).

At the end, the data effects of the tenant steps that a schema comparison cannot show: the
default tenant's sequence, and its down refusing while rows still belong to it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, diff, steps

from .conftest import new_database
from .support.reference import SCHEMAS, SCOPE, dump_for_step, psql_file
from .support.stepping import repo_project

PROJECT = repo_project()
ALL_STEPS = [
    steps.Step(name, version.name, steps.step_path(PROJECT, version, name))
    for version in PROJECT.versions
    for name in version.steps
]
ALL_STEPS.sort(key=lambda s: s.name)


def _has_dump(name: str) -> bool:
    return any(SCHEMAS.glob(f"[0-9][0-9]-{name}.sql")) if SCHEMAS.is_dir() else True


CASES = [s.name for s in ALL_STEPS if _has_dump(s.name)]


def _apply(url: URL, chosen: list[steps.Step], direction: str) -> None:
    for step in chosen:
        if not step.path.is_file():
            pytest.fail(f"step file {step.path} does not exist (yet)")
    with db.connect(url) as conn:
        for step in chosen:
            with conn.begin():
                steps.run_step(conn, PROJECT, step, direction, say=lambda _: None)


def column_order(url: URL) -> list[tuple[str, str, int]]:
    """(table, column, rank) of every column of the public tables. The rank, not attnum: a
    migrated table keeps gaps where columns were dropped, a freshly loaded dump has none."""
    with db.connect(url) as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, a.attname, "
            "       row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v') "
            "AND a.attnum > 0 AND NOT a.attisdropped "
            "AND c.relname NOT IN ('SequelizeMeta', 'spatial_ref_sys', 'geometry_columns', "
            "                      'geography_columns') "
            "ORDER BY 1, 3"
        )
        return [tuple(r) for r in rows]


def _inspect(url: URL):
    with db.connect(url) as conn:
        inspected = diff.inspect(conn, SCOPE)
        conn.rollback()
    for attr in ("c", "engine", "dialect"):  # no live connection kept (as verify does)
        if hasattr(inspected, attr):
            setattr(inspected, attr, None)
    return inspected


@dataclass(frozen=True)
class Expected:
    """An upstream schema, inspected once: what ``assert_schema_is`` compares with."""

    inspection: object
    columns: list[tuple[str, str, int]]


def assert_schema_is(live: URL, expected: Expected) -> None:
    """An empty migra diff in both directions and the same column order."""
    inspected = _inspect(live)
    forward = diff.compare(inspected, expected.inspection)
    backward = diff.compare(expected.inspection, inspected)
    assert forward.in_sync, f"live -> expected differs: {forward.as_dict()}"
    assert backward.in_sync, f"expected -> live differs: {backward.as_dict()}"
    assert column_order(live) == expected.columns


@pytest.fixture(scope="module")
def expected_schema(pg_server: URL) -> Iterator:
    """``expected_schema(step_or_None)``: the upstream schema right after that step (None: an
    empty database with PostGIS), loaded from its dump and inspected once per module. Each dump
    is loaded into a copy of one database with PostGIS (the dumps create it IF NOT EXISTS), which
    saves creating the extension for every dump."""
    made: dict[str | None, Expected] = {}
    postgis: list[URL] = []

    def get(step: str | None) -> Expected:
        if step not in made:
            if not postgis:
                postgis.append(new_database(pg_server, "golden_postgis"))
                with db.connect(postgis[0]) as conn:
                    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
                    conn.commit()
            if step is None:
                made[step] = Expected(_inspect(postgis[0]), column_order(postgis[0]))
                return made[step]
            url = _copy(pg_server, postgis[0], "golden_ref")
            try:
                psql_file(url, dump_for_step(step))
                made[step] = Expected(_inspect(url), column_order(url))
            finally:
                db.drop_database(url)
        return made[step]

    yield get
    for url in postgis:
        db.drop_database(url)


@pytest.fixture(scope="module")
def chain(pg_server: URL) -> Iterator:
    """``chain(i)``: a new database in which steps 1..i+1 ran, in order, one transaction each,
    from an empty database; the caller owns it (and drops it). Behind it, a spare copy is kept
    that the next call continues with the next step: the same transactions in the same order as
    applying them all to one database, without replaying the whole history for every case."""
    spare: list[tuple[int, URL]] = []  # (index of the last step applied, database)

    def get(index: int) -> URL:
        if spare and spare[0][0] <= index:
            done, url = spare.pop()
        else:
            for _, old in spare:
                db.drop_database(old)
            spare.clear()
            done, url = -1, new_database(pg_server, "golden")
        try:
            _apply(url, ALL_STEPS[done + 1: index + 1], "up")
            spare.append((index, _copy(pg_server, url, "golden_chain")))
        except BaseException:
            db.drop_database(url)
            raise
        return url

    yield get
    for _, url in spare:
        db.drop_database(url)


def _copy(server: URL, template: URL, prefix: str) -> URL:
    url = server.set(database=f"{prefix}_{secrets.token_hex(5)}")
    db.create_database(url, template=template.database)
    return url


# Steps that add only when missing, as upstream guards them (and, here, the OCPI columns and
# the 1.8.1/1.8.2 steps too): running one again on a database that already has its effect
# changes nothing. A database that CitrineOS itself half-migrated relies on this.
GUARDED = [
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
    "20250618150800-update-existing-authorization-to-include-realtimeauth",
    "20250714120500-create-tenant-partner-table",
    "20250714121000-alter-tenants-table-add-ocpi-fields",
    "20250715000000-create-async-job-status",
    "20251111160000-remove-enums",
    "20251121170000-add-isUserTenant-to-tenants",
    "20260112120000-alter-authorization-table-add-realtime-auth-fields",
    "20260113000000-normalize-id-token-case",
    "20260122000000-add-authorization-unique-index",
    "20260202120000-add-use16-status-notification-0-to-charging-stations",
]


@pytest.mark.parametrize("step", CASES)
def test_step_reproduces_upstream_schema_and_down_restores_previous(
    step: str, chain, expected_schema
) -> None:
    index = [s.name for s in ALL_STEPS].index(step)
    previous = ALL_STEPS[index - 1].name if index else None
    url = chain(index)  # steps 1..index+1 applied
    try:
        assert_schema_is(url, expected_schema(step))

        if step in GUARDED:  # run again on its own result: nothing changes
            _apply(url, [ALL_STEPS[index]], "up")
            assert_schema_is(url, expected_schema(step))

        _apply(url, [ALL_STEPS[index]], "down")
        assert_schema_is(url, expected_schema(previous))
    finally:
        db.drop_database(url)


# --- data effects of the simple steps that the schema alone does not show --------------------

TENANTS = "20250430105500-create-tenants-table"
DEFAULT_TENANT = "20250430110000-create-default-tenant"
TENANT_COLUMNS = "20250430130000-update-existing-tables-to-include-default-tenant"


def _steps_through(last: str) -> list[steps.Step]:
    names = [s.name for s in ALL_STEPS]
    return ALL_STEPS[: names.index(last) + 1]


def _step(name: str) -> steps.Step:
    return next(s for s in ALL_STEPS if s.name == name)


def _sql(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        result = conn.exec_driver_sql(sql)
        rows = [tuple(r) for r in result] if result.returns_rows else []
        conn.commit()
        return rows


@pytest.mark.parametrize(
    "before,expected_next",
    [
        ("", 2),  # empty table, fresh sequence: id 1 is inserted, the next serial id is 2
        ("INSERT INTO \"Tenants\" VALUES (5, 'five', now(), now())", 6),  # explicit id 5
        ("SELECT setval('\"Tenants_id_seq\"', 40)", 41),  # already past: left alone
    ],
    ids=["empty-table", "explicit-id-5", "sequence-already-past"],
)
def test_default_tenant_moves_the_sequence_past_every_id_and_never_back(
    before: str, expected_next: int, database: URL
) -> None:
    _apply(database, _steps_through(TENANTS), "up")
    if before:
        _sql(database, before)
    _apply(database, [_step(DEFAULT_TENANT)], "up")
    assert _sql(database, 'SELECT name FROM "Tenants" WHERE id = 1') == [("Default Tenant",)]
    # A serial insert now gets a fresh id instead of colliding with an explicit one.
    assert _sql(database, "SELECT nextval('\"Tenants_id_seq\"')") == [(expected_next,)]


def test_default_tenant_keeps_an_existing_tenant_1(database: URL) -> None:
    _apply(database, _steps_through(TENANTS), "up")
    _sql(database, "INSERT INTO \"Tenants\" VALUES (1, 'Mine', '2024-01-01', '2024-01-01')")
    _apply(database, [_step(DEFAULT_TENANT)], "up")
    assert _sql(database, 'SELECT id, name FROM "Tenants"') == [(1, "Mine")]


def test_default_tenant_down_refuses_while_rows_reference_it(database: URL) -> None:
    from citrine_state.errors import Refused

    _apply(database, _steps_through(TENANT_COLUMNS), "up")
    _sql(database, "INSERT INTO \"Boots\" (id, \"createdAt\", \"updatedAt\") "
                   "VALUES ('cp001', now(), now())")
    with pytest.raises(Refused, match=r'default tenant.*rows of "Boots"\."tenantId"'):
        _apply(database, [_step(DEFAULT_TENANT)], "down")
    assert _sql(database, 'SELECT count(*) FROM "Tenants"') == [(1,)]

    _apply(database, [_step(TENANT_COLUMNS)], "down")  # Boots keeps its row, loses tenantId
    _apply(database, [_step(DEFAULT_TENANT)], "down")
    assert _sql(database, 'SELECT count(*) FROM "Tenants"') == [(0,)]
    assert _sql(database, 'SELECT id FROM "Boots"') == [("cp001",)]


def test_existing_rows_get_the_default_tenant(database: URL) -> None:
    _apply(database, _steps_through(DEFAULT_TENANT), "up")
    _sql(database, "INSERT INTO \"Boots\" (id, \"createdAt\", \"updatedAt\") "
                   "VALUES ('cp001', now(), now())")
    _apply(database, [_step(TENANT_COLUMNS)], "up")
    assert _sql(database, 'SELECT id, "tenantId" FROM "Boots"') == [("cp001", 1)]
