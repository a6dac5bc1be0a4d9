"""A column whose type and default change together (1.8.1's remove-enums: an enum column becomes
varchar with a varchar default). migra sets the new default first, which PostgreSQL refuses on
the old enum type; the comparison's SQL and the consolidated migration change the type first."""

from __future__ import annotations

from pathlib import Path

from citrine_state import consolidated_file, db, diff
from citrine_state.autogen import consolidated as generation
from citrine_state.autogen import phases

from .support.reference import SCOPE, schema_diff

REPO = Path(__file__).resolve().parents[1]

LIVE = """
CREATE TYPE state AS ENUM ('On', 'Off');
CREATE TABLE t (id integer, s state DEFAULT 'On', e state, k integer DEFAULT 1);
INSERT INTO t VALUES (1, 'Off', 'On', 5);
"""
EXPECTED = """
CREATE TABLE t (id integer, s varchar(255) DEFAULT 'Unknown'::character varying,
                e varchar(255) DEFAULT 'NoError'::character varying, k bigint DEFAULT 2);
"""


def _database(make_database, sql: str):
    url = make_database("rt")
    with db.connect(url) as conn:
        db.run_script(conn, sql, whole=True)
        conn.commit()
    return url


def test_the_reconciling_sql_changes_the_type_before_setting_the_new_default(
        make_database) -> None:
    live, expected = _database(make_database, LIVE), _database(make_database, EXPECTED)
    statements = schema_diff(live, expected).statements
    for column in ('"s"', '"e"', '"k"'):
        mine = [s for s in statements if f"alter column {column} " in s]
        kinds = [diff.column_change(s)[1] for s in mine]  # type: ignore[index]
        assert kinds == ["drop default", "set data type", "set default"], mine
    with db.connect(live) as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
        conn.commit()
        row = conn.exec_driver_sql("SELECT id, s, e, k FROM t").one()
    assert tuple(row) == (1, "Off", "On", 5)
    assert schema_diff(live, expected).in_sync


def test_a_default_without_a_type_change_keeps_migras_order() -> None:
    statements = [
        'alter table "public"."t" alter column "a" set default 1;',
        'alter table "public"."t" alter column "b" set data type bigint using "b"::bigint;',
    ]
    assert diff.retype_before_default(statements) == statements
    assert phases.expand_statements(statements, set()) == [
        'alter table "public"."t" alter column "a" set default 1']


def test_the_consolidated_migration_of_1_8_0_to_1_8_1_reaches_1_8_1(make_database) -> None:
    server = make_database("rt_near")
    source = (REPO / "snapshots" / "1.8.0.sql").read_text(encoding="utf-8")
    target = (REPO / "snapshots" / "1.8.1.sql").read_text(encoding="utf-8")
    c = consolidated_file.Consolidated("1.8.0", "1.8.1", "", "")
    generation.build(c, source, target, server, None, SCOPE)  # raises if 1.8.1 is not reached
    expand = [str(s) for s in c.phases["expand"]]
    contract = [str(s) for s in c.phases["contract"]]
    assert not [s for s in expand if '"Connectors"' in s]
    status = [s for s in contract if 'alter column "status"' in s]
    assert [diff.column_change(s)[1] for s in status] == [  # type: ignore[index]
        "drop default", "set data type", "set default"]
    assert 'drop type "public"."enum_Connectors_status"' in contract
    assert """comment on column "public"."Tenants"."isUserTenant" is 'Indicates if this """ \
        """tenant is a user tenant'""" in contract
