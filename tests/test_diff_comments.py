"""Column comments count in a comparison: migra ignores them, so ``diff.compare`` reports a
missing, unexpected or different one with the COMMENT ON statement that reconciles it, and the
verifier sees a database whose comments are not its version's."""

from __future__ import annotations

import json
from pathlib import Path

from citrine_state import db, diff

from .support.cli import citrine
from .support.reference import psql_file, schema_diff

LIVE = """
CREATE TABLE t (a integer, b integer, c integer, d integer, gone integer);
COMMENT ON COLUMN t.a IS 'same';
COMMENT ON COLUMN t.b IS 'old';
COMMENT ON COLUMN t.c IS 'extra';
COMMENT ON COLUMN t.gone IS 'its column goes';
CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY);
COMMENT ON COLUMN "SequelizeMeta".name IS 'bookkeeping, never compared';
"""
EXPECTED = """
CREATE TABLE t (a integer, b integer, c integer, d integer);
COMMENT ON COLUMN t.a IS 'same';
COMMENT ON COLUMN t.b IS 'new';
COMMENT ON COLUMN t.d IS 'it''s new';
CREATE TABLE u (x integer);
COMMENT ON COLUMN u.x IS 'in a new table';
"""


def _database(make_database, sql: str):
    url = make_database("cmt")
    with db.connect(url) as conn:
        db.run_script(conn, sql, whole=True)
        conn.commit()
    return url


def test_compare_reports_column_comments_and_reconciles_them(make_database) -> None:
    live, expected = _database(make_database, LIVE), _database(make_database, EXPECTED)
    result = schema_diff(live, expected)
    comments = sorted((d.name, d.change) for d in result.differences if d.kind == "comment")
    assert comments == [('"public"."t"."b"', "different"), ('"public"."t"."c"', "unexpected"),
                        ('"public"."t"."d"', "missing")]
    assert ("table", '"public"."u"', "missing") in [
        (d.kind, d.name, d.change) for d in result.differences]
    assert result.statements[-4:] == [
        """comment on column "public"."t"."b" is 'new';""",
        """comment on column "public"."t"."c" is NULL;""",
        """comment on column "public"."t"."d" is 'it''s new';""",
        """comment on column "public"."u"."x" is 'in a new table';""",
    ]
    with db.connect(live) as conn:
        for statement in result.statements:
            conn.exec_driver_sql(statement)
        conn.commit()
    assert schema_diff(live, expected).in_sync


def test_comments_alone_make_two_schemas_differ(make_database) -> None:
    plain = "CREATE TABLE t (a integer);"
    live = _database(make_database, plain)
    expected = _database(make_database, plain + "COMMENT ON COLUMN t.a IS 'why a is here';")
    assert schema_diff(expected, expected).in_sync
    result = schema_diff(live, expected)
    assert not result.in_sync
    assert [d.as_dict() for d in result.differences] == [
        {"kind": "comment", "name": '"public"."t"."a"', "change": "missing"}]
    assert diff.SchemaDiff(result.differences, result.statements).sql == (
        """comment on column "public"."t"."a" is 'why a is here';""")


def test_verify_reports_a_1_8_1_database_that_lost_a_comment(project: Path,
                                                             make_database) -> None:
    url = make_database("cmt_v")
    psql_file(url, project / "snapshots" / "1.8.1.sql")
    run = citrine("verify", "--version", "1.8.1", "--json", project=project, url=url)
    assert run.code == 0, run.text
    with db.connect(url) as conn:
        conn.exec_driver_sql('COMMENT ON COLUMN "Tenants"."isUserTenant" IS NULL')
        conn.commit()
    run = citrine("verify", "--version", "1.8.1", "--json", project=project, url=url)
    assert run.code == 1, run.text
    report = json.loads(run.out)
    assert report["differences"] == [
        {"kind": "comment", "name": '"public"."Tenants"."isUserTenant"', "change": "missing"}]
    assert report["sql"] == ["""comment on column "public"."Tenants"."isUserTenant" is """
                             "'Indicates if this tenant is a user tenant';"]
