"""``ctx.insert_columns``: a down gives dropped columns back in their old place, keeping what the
columns behind them hold and what hangs on them, and a dry run sees every statement."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from citrine_state import db
from citrine_state.errors import Refused
from citrine_state.project import load
from citrine_state.sqltext import quote_literal
from citrine_state.steps import StepContext, all_steps

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "report-project"

TABLES = r"""
CREATE TABLE "Parks" (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE "Sites" (
    id serial PRIMARY KEY,
    code text NOT NULL DEFAULT 'x-' || 'y' CHECK (code NOT LIKE 'bad%'),
    label text COLLATE "C" UNIQUE,
    "parkId" integer REFERENCES "Parks"(id) ON DELETE SET NULL,
    note text
);
CREATE INDEX sites_lower_label ON "Sites" (lower(label)) WHERE note IS NOT NULL;
CREATE TABLE "Visits" (id serial PRIMARY KEY,
                       "siteLabel" text REFERENCES "Sites"(label) ON UPDATE CASCADE);
COMMENT ON COLUMN "Sites".code IS 'it''s the code \ with a backslash';
INSERT INTO "Parks" (name) VALUES ('north');
INSERT INTO "Sites" (code, label, "parkId", note)
    VALUES ('a1', 'one', 1, 'n'), ('a2', 'two', NULL, NULL);
INSERT INTO "Visits" ("siteLabel") VALUES ('one'), ('two');
"""


def _ctx(conn: sa.Connection) -> StepContext:
    project = load(FIXTURE)
    return StepContext(conn=conn, project=project, step=all_steps(project)[0],
                       say=lambda _: None)


def _columns(conn: sa.Connection, table: str) -> list[str]:
    return list(conn.execute(sa.text(
        "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) AND attnum > 0"
        " AND NOT attisdropped ORDER BY attnum"), {"t": table}).scalars())


def _definition(conn: sa.Connection) -> dict[str, object]:
    """What hangs on the Sites columns, by name (not by position)."""
    one = conn.execute(sa.text("""
        SELECT
          (SELECT array_agg(pg_get_constraintdef(oid) ORDER BY conname) FROM pg_constraint
           WHERE conrelid IN ('"Sites"'::regclass, '"Visits"'::regclass)) AS constraints,
          (SELECT array_agg(indexdef ORDER BY indexname) FROM pg_indexes
           WHERE tablename = 'Sites') AS indexes,
          (SELECT array_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                            || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                            || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                            || coalesce(' collate ' || c.collname, '')
                            || coalesce(' comment ' || col_description(a.attrelid, a.attnum), '')
                            ORDER BY a.attname)
           FROM pg_attribute a
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           LEFT JOIN pg_collation c ON c.oid = a.attcollation AND c.collname <> 'default'
           WHERE a.attrelid = '"Sites"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attname <> 'oldRef') AS columns,
          pg_get_serial_sequence('"Sites"', 'id') AS sequence
    """)).mappings().one()
    return dict(one)


def test_columns_come_back_before_the_named_column_with_everything_behind_them_kept(
        database: URL) -> None:
    with db.connect(database) as conn:
        db.run_script(conn, TABLES)
        before = _definition(conn)
        rows = conn.execute(sa.text('SELECT * FROM "Sites" ORDER BY id')).mappings().all()
        # code moves with its default, NOT NULL, CHECK (with a %) and comment (quote, backslash)
        _ctx(conn).insert_columns('"Sites"', "code", (("oldRef", "integer"),))
        assert _columns(conn, '"Sites"') == ["id", "oldRef", "code", "label", "parkId", "note"]
        assert _definition(conn) == before
        after = conn.execute(sa.text('SELECT id, code, label, "parkId", note FROM "Sites" '
                                     "ORDER BY id")).mappings().all()
        assert [dict(r) for r in after] == [dict(r) for r in rows]
        assert conn.execute(sa.text('SELECT count(*) FROM "Sites" WHERE "oldRef" IS NULL')
                            ).scalar_one() == 2
        # the keys still hold: a visit of an unknown site and a second 'one' are refused
        for bad in ("""INSERT INTO "Visits" ("siteLabel") VALUES ('nowhere')""",
                    """INSERT INTO "Sites" (code, label) VALUES ('a3', 'one')"""):
            with pytest.raises(sa.exc.IntegrityError):
                with conn.begin_nested():
                    conn.execute(sa.text(bad))
        # the sequence still belongs to id and goes on (the refused second 'one' took 3)
        new = conn.execute(sa.text("""INSERT INTO "Sites" (label) VALUES ('three')
                                      RETURNING id, code""")).one()
        assert tuple(new) == (4, "x-y")


def test_a_dry_run_sees_every_statement_of_insert_columns(database: URL) -> None:
    with db.connect(database) as conn:
        db.run_script(conn, TABLES)
        with db.capture_scripts() as captured:
            _ctx(conn).insert_columns('"Sites"', "parkId", (("oldRef", "integer"),))
        assert captured[0].startswith('ALTER TABLE "Sites" DROP CONSTRAINT')
        assert 'ALTER TABLE "Sites" ADD COLUMN "oldRef" integer, ADD COLUMN ' \
            '"parkId__citrine_moving" integer, ADD COLUMN "note__citrine_moving" text' \
            in captured
        assert not any(s.startswith("COMMENT ON COLUMN") for s in captured)  # code stays
        assert any(s.startswith('ALTER TABLE "Sites" ADD CONSTRAINT "Sites_parkId_fkey"')
                   for s in captured)
        assert captured[-1].startswith("CREATE INDEX sites_lower_label")  # it reads note


def test_a_column_that_cannot_move_is_refused_in_one_line(database: URL) -> None:
    with db.connect(database) as conn:
        db.run_script(conn, 'CREATE TABLE "Plain" (a integer, b integer GENERATED ALWAYS AS '
                            "(a * 2) STORED)")
        ctx = _ctx(conn)
        with pytest.raises(Refused, match="cannot move identity or generated columns"):
            ctx.insert_columns('"Plain"', "b", (("c", "integer"),))
        with pytest.raises(Refused, match='"Plain" has no column missing'):
            ctx.insert_columns('"Plain"', "missing", (("c", "integer"),))


@pytest.mark.parametrize("text", ["plain", "it's", "back\\slash", "both ' and \\", ""])
def test_quote_literal_writes_what_postgresql_writes(database: URL, text: str) -> None:
    with db.connect(database) as conn:
        assert quote_literal(text) == conn.execute(sa.text("SELECT quote_literal(:t)"),
                                                   {"t": text}).scalar_one()
        assert conn.execute(sa.text(f"SELECT {quote_literal(text)}")).scalar_one() == text


def test_exists_and_count_rows_answer_for_missing_tables(database: URL) -> None:
    with db.connect(database) as conn:
        db.run_script(conn, TABLES)
        ctx = _ctx(conn)
        assert ctx.exists('"Sites"') and not ctx.exists('"Nowhere"')
        assert ctx.count_rows('"Sites"') == 2
        assert ctx.count_rows('citrine_archive."Nowhere"') == 0
