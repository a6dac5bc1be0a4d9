"""Hazard tags a DBA relies on when reading a plan, and the script splitter under them."""

from __future__ import annotations

import pytest

from citrine_state import hazards as hz

CASES = [
    ('drop table "public"."IdTokens"', {hz.DELETES_DATA, hz.LOCKS_TABLE}),
    ('alter table "public"."Evses" drop column "connectorId"', {hz.DELETES_DATA, hz.LOCKS_TABLE}),
    ('alter table "public"."Boots" add column "x" integer', {hz.LOCKS_TABLE}),
    ('alter table "public"."Boots" add column "t" integer not null default 1',
     {hz.LOCKS_TABLE, hz.VALIDATES_CONSTRAINT}),
    ('alter table "public"."Authorizations" alter column "idToken" set not null',
     {hz.LOCKS_TABLE, hz.VALIDATES_CONSTRAINT}),
    ('alter table "public"."A" alter column "c" type bigint using "c"::bigint',
     {hz.LOCKS_TABLE, hz.REWRITES_TABLE}),
    ('alter table "public"."A" add constraint "A_b_fkey" FOREIGN KEY (b) REFERENCES "B"(id) '
     'not valid', set()),
    ('alter table "public"."A" validate constraint "A_b_fkey"', {hz.VALIDATES_CONSTRAINT}),
    ('alter table "public"."A" add constraint "A_b_key" UNIQUE (b)',
     {hz.LOCKS_TABLE, hz.BUILDS_INDEX}),
    ('alter table "public"."A" add constraint "A_pkey" PRIMARY KEY using index "A_pkey"',
     {hz.LOCKS_TABLE}),
    ('CREATE UNIQUE INDEX "Evses_pkey" ON public."Evses" USING btree (id)',
     {hz.BUILDS_INDEX, hz.LOCKS_TABLE}),
    ('CREATE INDEX CONCURRENTLY i ON t (c)', {hz.BUILDS_INDEX}),
    ('TRUNCATE "Evses" CASCADE', {hz.DELETES_DATA, hz.LOCKS_TABLE}),
    ('DELETE FROM "Authorizations" WHERE "idToken" IS NULL', {hz.DELETES_DATA}),
    ('UPDATE "Authorizations" SET status = \'Accepted\'', {hz.MOVES_DATA}),
    ('create sequence "public"."Tenants_id_seq"', set()),
    ('create table "public"."Tenants" (id integer not null)', set()),
]


@pytest.mark.parametrize("sql,expected", CASES)
def test_statement_hazards(sql: str, expected: set[str]) -> None:
    assert set(hz.tags(sql)) == expected


def test_dropped_objects_name_tables_and_columns() -> None:
    assert hz.dropped_objects('drop table "public"."IdTokens"') == [("IdTokens", None)]
    assert hz.dropped_objects('alter table "public"."Evses" drop column "connectorId"') == [
        ("Evses", "connectorId")]
    assert hz.dropped_objects('alter table "public"."Evses" add column x int') == []
    assert hz.dropped_objects('DELETE FROM public."Authorizations" p USING x') == [
        ("Authorizations", None)]


def test_archived_tables_are_read_from_archive_copies() -> None:
    sql = 'CREATE TABLE {archive}."20250621120000_IdTokens" AS TABLE "IdTokens";\n' \
          'create table if not exists "citrine_archive"."20250821103100_Evses" AS SELECT 1;'
    assert hz.archived_tables(sql) == {"IdTokens", "Evses"}
    assert hz.archived_tables('-- keeps: "Boots" (every row is in "Boots2")\nTRUNCATE "Boots";') \
        == {"Boots"}


def test_temporary_tables_a_script_makes_are_scratch_not_data() -> None:
    sql = ('CREATE TEMPORARY TABLE flatten_owners ON COMMIT DROP AS SELECT 1;\n'
           'create temp table "Scratch" (id int);\nDROP TABLE flatten_owners, "Scratch";')
    assert hz.archived_tables(sql) == {"flatten_owners", "Scratch"}
    statements = [hz.Statement(s, "data", hazards=hz.tags(s)) for s in (
        'DROP TABLE flatten_owners, "Scratch"', 'DROP TABLE flatten_owners, "Boots"')]
    hz.mark_archived(statements, hz.archived_tables(sql))
    # a list is archived only when every table in it is
    assert [s.archived for s in statements] == [True, False]


def test_a_drop_table_list_names_every_table() -> None:
    assert hz.dropped_objects('DROP TABLE public."A", b, "c""d"') == [
        ("A", None), ("b", None), ('c"d', None)]


def test_deletes_of_archived_tables_are_marked() -> None:
    statements = [hz.Statement(s, "contract", hazards=hz.tags(s)) for s in (
        'drop table "public"."IdTokens"', 'alter table "public"."Boots" drop column "x"')]
    hz.mark_archived(statements, {"IdTokens"})
    plan = hz.Plan("t", statements)
    assert [s.sql for s in plan.unarchived_deletes()] == ['alter table "public"."Boots" drop '
                                                          'column "x"']


def test_split_script_respects_quotes_comments_and_dollar_bodies() -> None:
    script = """
    -- a comment; with a semicolon
    INSERT INTO t VALUES ('a;b', 'it''s');
    DO $$ BEGIN PERFORM 1; END $$;
    /* block; comment */ SELECT "we;ird" FROM x;
    """
    parts = hz.split_script(script)
    assert len(parts) == 3
    assert parts[1].startswith("DO $$") and parts[1].endswith("END $$")
    assert "'it''s'" in parts[0]


def test_drop_schema_deletes_data_only_with_cascade() -> None:
    # Without CASCADE it fails unless the schema is empty: nothing can be lost.
    assert hz.DELETES_DATA not in hz.tags('DROP SCHEMA IF EXISTS "citrine_archive"')
    assert hz.DELETES_DATA in hz.tags('DROP SCHEMA "citrine_archive" CASCADE')


def test_what_a_down_sets_aside_counts_as_archived() -> None:
    sql = ('CREATE TABLE "citrine_archive"."20250714120500_TenantPartners_down" AS SELECT * '
           'FROM "public"."TenantPartners";\n'
           'CREATE TABLE "citrine_archive"."20250430130000_Boots_down2" AS SELECT id FROM x;')
    assert hz.archived_tables(sql) == {"TenantPartners", "Boots"}


def test_dropping_an_archive_table_that_was_read_back_first_loses_nothing() -> None:
    statements = [hz.Statement(s, "20250621120000-flatten-authorization (down)",
                               hazards=hz.tags(s)) for s in (
        'INSERT INTO public."IdTokens" SELECT * FROM citrine_archive."20250621120000_IdTokens"',
        'DROP TABLE citrine_archive."20250621120000_IdTokens"',
        'DROP TABLE citrine_archive."20250621120000_Other"',
        'DROP TABLE citrine_archive."20250621120000_IdTokens", public."Boots"',
    )]
    # a read the plan does not show (a bookkeeping SELECT) counts too
    statements[2].reads = ['SELECT count(*) FROM "citrine_archive"."20250621120000_Other"']
    hz.mark_archived(statements, set(), "citrine_archive")
    assert [s.archived for s in statements[1:]] == [True, True, False]
    # in another step's section the same drop was not read back
    other = hz.Statement('DROP TABLE citrine_archive."20250621120000_IdTokens"', "other (down)",
                         hazards=hz.tags('DROP TABLE x'))
    hz.mark_archived([statements[0], other], set(), "citrine_archive")
    assert other.archived is False
