"""20250621120000-flatten-authorization: upstream's schema effect (dump 07), nothing lost.

Every test starts from reference dump 06 (a 1.7.x database plus the realTimeAuth columns)
loaded with psql, with tenant 1 and the token-side 1.7 data set of support/dataset17.py, and
runs the step directly (one transaction, as the runner does), so it depends on no other step.
"""

from __future__ import annotations

import json
import secrets
import time
from collections import defaultdict
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from citrine_state import db, steps

from .conftest import new_database
from .support import dataset17, reference, stepping

NAME = "20250621120000-flatten-authorization"
STEP_PATH = stepping.REPO / "versions" / "1.8.0" / f"{NAME}.py"
ARCHIVE = "citrine_archive"
# ctx.execute raises SQLAlchemy's wrapper, ctx.script the driver's own error
DATABASE_ERRORS = (sa.exc.DBAPIError, psycopg.Error)
A = f'{ARCHIVE}."20250621120000_'  # + Table"

FLAT = ('"idToken"', '"idTokenType"', '"additionalInfo"', "status", '"cacheExpiryDateTime"',
        '"chargingPriority"', "language1", "language2", '"personalMessage"::text',
        '"groupIdTokenId"', '"groupAuthorizationId"', '"concurrentTransaction"',
        '"allowedConnectorTypes"', '"disallowedEvseIdPrefixes"')


def run_step(url: URL, direction: str) -> list[str]:
    """up or down of this step in one transaction (rolled back if it raises)."""
    project = stepping.repo_project()
    step = steps.Step(NAME, "1.8.0", STEP_PATH)
    with db.connect(url) as conn, conn.begin():
        return steps.run_step(conn, project, step, direction, say=lambda _: None)


def rows(url: URL, sql: str, params: dict | None = None) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params or {})]


def scalar(url: URL, sql: str, params: dict | None = None):
    with db.connect(url) as conn:
        return conn.execute(sa.text(sql), params or {}).scalar()


def execute(url: URL, sql: str) -> None:
    with db.connect(url) as conn, conn.begin():
        conn.execute(sa.text(sql))


def snapshot(url: URL) -> tuple[dict, dict]:
    with db.connect(url) as conn:
        return dataset17.snapshot_rows(conn), dataset17.snapshot_sequences(conn)


SET_ASIDE = "20250621120000_Authorizations_down"


def without_set_aside(state: tuple[dict, dict]) -> tuple[dict, dict]:
    """A snapshot without the table in which the down set the flat columns aside (the next up
    puts them back)."""
    rows_, sequences = state
    return {k: v for k, v in rows_.items() if k != f"{ARCHIVE}.{SET_ASIDE}"}, sequences


def archive_tables(url: URL) -> list[str]:
    return [r[0] for r in rows(
        url,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = :s AND c.relkind = 'r' ORDER BY 1",
        {"s": ARCHIVE},
    )]


# --- databases ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def references(pg_server: URL):
    """Schema-only databases of dumps 06 and 07, and a template: dump 06 + the 1.7 data set."""
    made = []

    def load(prefix: str, dump: Path) -> URL:
        url = new_database(pg_server, prefix)
        made.append(url)
        reference.psql_file(url, dump)
        return url

    ref06 = load("tokref06", reference.dump_for_step(
        "20250618150800-update-existing-authorization-to-include-realtimeauth"))
    ref07 = load("tokref07", reference.dump_for_step(NAME))
    template = load("toktpl", reference.dump_for_step(
        "20250618150800-update-existing-authorization-to-include-realtimeauth"))
    with db.connect(template) as conn, conn.begin():
        dataset17.ensure_default_tenant(conn)
        dataset17.load_tokens(conn)
    try:
        yield {"06": ref06, "07": ref07, "template": template}
    finally:
        for url in made:
            db.drop_database(url)


@pytest.fixture
def db17(references, pg_server: URL):
    """A fresh copy of the 1.7 data set on the step-06 schema."""
    url = pg_server.set(database=f"tok_{secrets.token_hex(5)}")
    db.create_database(url, template=references["template"].database)
    try:
        yield url
    finally:
        db.drop_database(url)


# --- what 1.8.0 must hold, computed independently from the 1.7 rows -----------------------------


def expected_flat(url: URL) -> dict[int, dict]:
    """For each Authorization that 1.8.0 can hold: the flat values, from the 1.7 tables."""
    tokens = {r[0]: (r[1], r[2]) for r in rows(url, 'SELECT id, "idToken", type FROM "IdTokens"')}
    infos = {r[0]: r[1:] for r in rows(
        url, 'SELECT id, status, "cacheExpiryDateTime", "chargingPriority", language1,'
             ' language2, "personalMessage"::text, "groupIdTokenId" FROM "IdTokenInfos"')}
    extras = {r[0]: (r[1], r[2]) for r in rows(
        url, 'SELECT id, "additionalIdToken", type FROM "AdditionalInfos"')}
    links = defaultdict(list)
    for token_id, extra_id in rows(
            url, 'SELECT "idTokenId", "additionalInfoId" FROM "IdTokenAdditionalInfos"'):
        links[token_id].append(extras[extra_id])
    auths = rows(url, 'SELECT id, "idTokenId", "idTokenInfoId", "concurrentTransaction",'
                      ' "allowedConnectorTypes", "disallowedEvseIdPrefixes" FROM "Authorizations"')
    kept = [a for a in auths if a[1] is not None and tokens[a[1]][0] is not None]
    owner = {a[1]: a[0] for a in kept}
    out = {}
    for auth_id, token_id, info_id, concurrent, allowed, disallowed in kept:
        info = infos.get(info_id, (None,) * 7)
        group = owner.get(info[6])
        out[auth_id] = {
            "idToken": tokens[token_id][0],
            "idTokenType": tokens[token_id][1],
            "additionalInfo": sorted(links.get(token_id, []), key=repr),
            "status": info[0] or "Accepted",
            "cacheExpiryDateTime": info[1],
            "chargingPriority": info[2],
            "language1": info[3],
            "language2": info[4],
            "personalMessage": info[5],
            "groupIdTokenId": group,
            "groupAuthorizationId": group,
            "concurrentTransaction": bool(concurrent),
            "allowedConnectorTypes": allowed,
            "disallowedEvseIdPrefixes": disallowed,
        }
    return out


def actual_flat(url: URL) -> dict[int, dict]:
    keys = [c.strip('"').split('"')[0] for c in FLAT]
    out = {}
    for row in rows(url, f'SELECT id, {", ".join(FLAT)} FROM "Authorizations"'):
        values = dict(zip(keys, row[1:], strict=True))
        values["additionalInfo"] = sorted(
            ((e["additionalIdToken"], e["type"]) for e in values["additionalInfo"] or []),
            key=repr,
        )
        out[row[0]] = values
    return out


# --- tests ---------------------------------------------------------------------------------------


def test_up_gives_exactly_the_schema_of_dump_07(db17, references) -> None:
    run_step(db17, "up")
    reference.assert_same_schema(db17, references["07"])


def test_every_authorization_gets_its_token_info_additional_infos_and_group(db17) -> None:
    expected = expected_flat(db17)
    run_step(db17, "up")
    actual = actual_flat(db17)
    assert actual == expected
    assert sorted(actual) == [1, 2, 3, 4, 5, 6, 8, 15]


def test_flattened_values_of_the_special_cases(db17) -> None:
    run_step(db17, "up")
    flat = actual_flat(db17)
    assert flat[2]["status"] == "Accepted"  # no IdTokenInfo
    assert flat[8]["status"] == "Accepted"  # an IdTokenInfo without status
    assert flat[8]["idTokenType"] is None
    assert flat[1]["groupAuthorizationId"] == 3 and flat[1]["groupIdTokenId"] == 3
    assert flat[6]["groupAuthorizationId"] == 1
    assert flat[4]["groupAuthorizationId"] is None  # group token that no authorization owns
    assert flat[15]["groupAuthorizationId"] is None  # group token of a removed authorization
    assert flat[5]["additionalInfo"] == sorted(
        [("ADD-1", "typeA"), ("ADD-2", "typeB"), ("ADD-3", None), ("SHARED", "z")], key=repr)
    assert flat[1]["additionalInfo"] == [("SHARED", "z")]
    assert flat[2]["additionalInfo"] == []
    assert flat[5]["personalMessage"] == dataset17.PERSONAL_5  # json text kept byte for byte
    assert flat[1]["chargingPriority"] == 5 and flat[6]["chargingPriority"] == -5
    assert (flat[1]["language1"], flat[1]["language2"]) == ("en", "de")
    assert flat[4]["allowedConnectorTypes"] == [] and flat[1]["allowedConnectorTypes"] == [
        "cType2", "cCCS2"]
    assert flat[2]["concurrentTransaction"] is False  # was NULL
    assert rows(db17, 'SELECT "customData" FROM "Authorizations" WHERE "customData" IS NOT NULL'
                ) == []


def test_old_tables_and_authorizations_are_archived_complete(db17) -> None:
    before, _ = snapshot(db17)
    run_step(db17, "up")
    after, _ = snapshot(db17)
    for table in ("IdTokens", "IdTokenInfos", "AdditionalInfos", "IdTokenAdditionalInfos",
                  "Authorizations"):
        assert after[f"{ARCHIVE}.20250621120000_{table}"] == before[f"public.{table}"], table
    for table in ("IdTokens", "IdTokenInfos", "AdditionalInfos", "IdTokenAdditionalInfos"):
        assert f"public.{table}" not in after
    # what the spec names explicitly: lone tokens, tokens of StartTransactions with their id
    assert rows(db17, f'SELECT id, "idToken", type FROM {A}IdTokens" WHERE id IN (4, 6, 7, 15)'
                      " ORDER BY id") == [(4, "GROUP-ORPHAN", "Central"),
                                          (6, "ORPHAN-1", "ISO15693"),
                                          (7, "START-ONLY", "ISO14443"), (15, "ORPHAN-2", None)]
    assert rows(db17, f'SELECT status FROM {A}IdTokenInfos" WHERE id = 9') == [("Unknown",)]
    assert rows(db17, f'SELECT "additionalIdToken" FROM {A}AdditionalInfos" WHERE id IN (4, 5)'
                      " ORDER BY id") == [("UNUSED",), ("ORPHAN-ADD",)]


def test_archived_token_tables_are_moved_whole_and_tied_to_nothing(db17) -> None:
    oid_before = scalar(db17, """SELECT 'public."IdTokens"'::regclass::oid""")
    run_step(db17, "up")
    # moved, not copied: the same relation, now in the archive
    assert scalar(db17, f"""SELECT '{A}IdTokens"'::regclass::oid""") == oid_before
    # plain data: its primary key and nothing else -- no foreign key into or out of the
    # archive (a tenant can still be deleted), no sequence, no default drawing from one
    assert rows(db17, """SELECT c.conrelid::regclass::text, c.contype FROM pg_constraint c
                         JOIN pg_class r ON r.oid = c.conrelid
                         JOIN pg_namespace n ON n.oid = r.relnamespace
                         WHERE n.nspname = :s AND c.contype <> 'p'
                            OR c.confrelid IN (SELECT r2.oid FROM pg_class r2
                                               JOIN pg_namespace n2 ON n2.oid = r2.relnamespace
                                               WHERE n2.nspname = :s)""", {"s": ARCHIVE}) == []
    assert rows(db17, """SELECT c.relname FROM pg_class c JOIN pg_namespace n
                         ON n.oid = c.relnamespace WHERE n.nspname = :s AND c.relkind = 'S'""",
                {"s": ARCHIVE}) == []
    assert rows(db17, """SELECT d.adrelid::regclass::text FROM pg_attrdef d
                         JOIN pg_class r ON r.oid = d.adrelid
                         JOIN pg_namespace n ON n.oid = r.relnamespace
                         WHERE n.nspname = :s AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval%'
                      """, {"s": ARCHIVE}) == []
    assert rows(db17, """SELECT conname FROM pg_constraint
                         WHERE conrelid = 'citrine_archive."20250621120000_IdTokens"'::regclass
                      """) == [("20250621120000_IdTokens_pkey",)]


def _keys_of_authorizations(url: URL) -> list[tuple]:
    return rows(url, """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                        FROM pg_constraint
                        WHERE (contype = 'p' AND conrelid = '"Authorizations"'::regclass)
                           OR (contype = 'f' AND confrelid = '"Authorizations"'::regclass
                               AND conname <> 'Authorizations_groupIdTokenId_fkey')
                        ORDER BY 1, 2""")


def test_the_keys_lifted_for_the_fill_come_back_alike(db17) -> None:
    before = _keys_of_authorizations(db17)
    assert ('"LocalListAuthorizations"', "LocalListAuthorizations_authorizationId_fkey",
            'FOREIGN KEY ("authorizationId") REFERENCES "Authorizations"(id) ON UPDATE CASCADE'
            ) in before
    run_step(db17, "up")
    assert _keys_of_authorizations(db17) == before


def test_a_primary_key_with_a_comment_is_left_in_place(db17) -> None:
    execute(db17, """COMMENT ON CONSTRAINT "Authorizations_pkey" ON "Authorizations"
                     IS 'kept by the operator'""")
    index_before = scalar(db17, """SELECT conindid FROM pg_constraint
                                   WHERE conname = 'Authorizations_pkey'""")
    run_step(db17, "up")
    assert scalar(db17, """SELECT conindid FROM pg_constraint
                           WHERE conname = 'Authorizations_pkey'""") == index_before
    assert scalar(db17, """SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint
                           WHERE conname = 'Authorizations_pkey'""") == "kept by the operator"


def test_a_view_over_the_old_token_tables_stops_up_and_is_named(db17, references) -> None:
    execute(db17, 'CREATE VIEW token_report AS SELECT "idToken" FROM "IdTokens"')
    before = snapshot(db17)
    with pytest.raises(DATABASE_ERRORS, match="used by token_report"):
        run_step(db17, "up")
    assert snapshot(db17) == before
    assert archive_tables(db17) == []


def test_token_ids_of_other_tables_are_kept_and_resolve_in_the_archive(db17) -> None:
    queries = {
        "TransactionEvents": 'SELECT id, "idTokenId" FROM "TransactionEvents" ORDER BY id',
        "StartTransactions": 'SELECT id, "idTokenDatabaseId" FROM "StartTransactions" ORDER BY id',
        "StopTransactions": 'SELECT id, "idTokenDatabaseId" FROM "StopTransactions" ORDER BY id',
        "LocalListAuthorizations":
            'SELECT id, "idTokenId", "idTokenInfoId" FROM "LocalListAuthorizations" ORDER BY id',
    }
    before = {t: rows(db17, q) for t, q in queries.items()}
    run_step(db17, "up")
    assert {t: rows(db17, q) for t, q in queries.items()} == before
    assert rows(db17, f'SELECT s.id, t."idToken" FROM "StartTransactions" s JOIN {A}IdTokens" t'
                      ' ON t.id = s."idTokenDatabaseId" ORDER BY s.id'
                ) == [(1000, "START-ONLY"), (1001, "TOKEN-A")]
    assert rows(db17, f'SELECT e.id, t."idToken" FROM "TransactionEvents" e JOIN {A}IdTokens" t'
                      ' ON t.id = e."idTokenId" ORDER BY e.id'
                ) == [(1000, "TOKEN-A"), (1001, "TE-ONLY"), (1003, None)]


def test_authorizations_without_a_token_value_are_archived_removed_and_reported(db17) -> None:
    removed = rows(db17, 'SELECT * FROM "Authorizations" WHERE id IN (7, 9, 10) ORDER BY id')
    notes = run_step(db17, "up")
    assert rows(db17, 'SELECT id FROM "Authorizations" WHERE id IN (7, 9, 10)') == []
    assert rows(db17, f'SELECT * FROM {A}Authorizations" WHERE id IN (7, 9, 10) ORDER BY id'
                ) == removed
    # the local-list row that pointed to 7 lost the link here, not in the archive
    assert rows(db17, 'SELECT "authorizationId" FROM "LocalListAuthorizations" WHERE id = 1002'
                ) == [(None,)]
    assert rows(db17, f'SELECT id, "authorizationId" FROM {A}LocalListAuthorizations"'
                ) == [(1002, 7)]
    assert any("removed 3 authorizations" in n and "2 without an idTokenId" in n
               and "1 whose token has no value" in n and "1 LocalListAuthorizations" in n
               for n in notes), notes


def test_report_counts_what_was_archived(db17) -> None:
    notes = run_step(db17, "up")
    # tokens of no kept authorization: 4, 6, 7, 9, 10, 11, 13, 15; infos: 6, 9, 11;
    # additional infos linked to no kept authorization's token: 4, 5
    assert notes[0] == (
        "archived to citrine_archive: 16 IdTokens (8 that no authorization uses),"
        " 10 IdTokenInfos (3 unused), 6 AdditionalInfos (2 unused)"
        " and 6 IdTokenAdditionalInfos links"
    )


def test_up_then_down_gives_back_the_06_schema_and_the_same_rows(db17, references) -> None:
    before = snapshot(db17)
    run_step(db17, "up")
    flat = rows(db17, 'SELECT id, "idToken", status, "groupAuthorizationId" FROM '
                      '"Authorizations" ORDER BY id')
    assert snapshot(db17) != before
    run_step(db17, "down")
    reference.assert_same_schema(db17, references["06"])
    # rows of public and archive, and sequence positions; the flat columns, which 1.7 has no
    # place for, are set aside (the next up puts them back)
    assert without_set_aside(snapshot(db17)) == before
    assert archive_tables(db17) == [SET_ASIDE]
    assert scalar(db17, f'SELECT count(*) FROM {ARCHIVE}."{SET_ASIDE}"') == scalar(
        db17, 'SELECT count(*) FROM "Authorizations" WHERE id NOT IN (7, 9, 10)')
    run_step(db17, "up")
    assert rows(db17, 'SELECT id, "idToken", status, "groupAuthorizationId" FROM '
                      '"Authorizations" ORDER BY id') == flat


def test_sequences_stay_ahead_through_up_and_down(db17) -> None:
    run_step(db17, "up")
    run_step(db17, "down")
    assert scalar(db17, """SELECT nextval('"IdTokens_id_seq"')""") == (
        dataset17.IDTOKENS_SEQUENCE_AHEAD + 1)
    assert scalar(db17, """SELECT nextval('"IdTokenInfos_id_seq"')""") == 12
    assert scalar(db17, """SELECT nextval('"AdditionalInfos_id_seq"')""") == 7


def test_down_builds_token_rows_for_authorizations_created_after_up(db17) -> None:
    run_step(db17, "up")
    extra = json.dumps([{"additionalIdToken": "ADD-1", "type": "typeA"},
                        {"additionalIdToken": "NEW-ADD", "type": "n"}])
    with db.connect(db17) as conn, conn.begin():
        new_id = conn.execute(sa.text(
            'INSERT INTO "Authorizations" ("idToken", "idTokenType", "additionalInfo", status,'
            ' "chargingPriority", "personalMessage", "groupAuthorizationId", "groupIdTokenId",'
            ' "createdAt", "updatedAt")'
            " VALUES ('NEW-1', 'ISO14443', CAST(:x AS jsonb), 'Blocked', 3,"
            """ CAST('{"content":"hi"}' AS json), 1, 1, now(), now()) RETURNING id"""
        ), {"x": extra}).scalar_one()
    run_step(db17, "down")
    row = rows(db17, 'SELECT t.id, t."idToken", t.type, i.status, i."chargingPriority",'
                     ' i."personalMessage"::text, i."groupIdTokenId", i.id'
                     ' FROM "Authorizations" a JOIN "IdTokens" t ON t.id = a."idTokenId"'
                     ' JOIN "IdTokenInfos" i ON i.id = a."idTokenInfoId" WHERE a.id = :id',
               {"id": new_id})
    assert row == [(dataset17.IDTOKENS_SEQUENCE_AHEAD + 1, "NEW-1", "ISO14443", "Blocked", 3,
                    '{"content":"hi"}', 1, 12)]
    assert rows(db17, 'SELECT x."additionalIdToken", x.type, x.id FROM "IdTokenAdditionalInfos" l'
                      ' JOIN "AdditionalInfos" x ON x.id = l."additionalInfoId"'
                      ' WHERE l."idTokenId" = :t ORDER BY 1',
                {"t": dataset17.IDTOKENS_SEQUENCE_AHEAD + 1}
                ) == [("ADD-1", "typeA", 1), ("NEW-ADD", "n", 7)]


def _add_failing_trigger(url: URL, nth: int) -> None:
    execute(url, f"""
        CREATE SEQUENCE tok_fail_counter;
        CREATE FUNCTION tok_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF nextval('tok_fail_counter') = {nth} THEN
                RAISE EXCEPTION 'injected failure on row %', NEW.id;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER tok_fail BEFORE UPDATE ON "Authorizations"
            FOR EACH ROW EXECUTE FUNCTION tok_fail();
    """)


def _drop_failing_trigger(url: URL) -> None:
    execute(url, 'DROP TRIGGER tok_fail ON "Authorizations"; DROP FUNCTION tok_fail();'
                 " DROP SEQUENCE tok_fail_counter;")


def test_a_failure_in_the_middle_of_up_leaves_the_database_as_before(db17, references) -> None:
    before = snapshot(db17)
    _add_failing_trigger(db17, 5)
    with pytest.raises(DATABASE_ERRORS, match="injected failure"):
        run_step(db17, "up")
    _drop_failing_trigger(db17)
    assert snapshot(db17) == before
    assert archive_tables(db17) == []
    reference.assert_same_schema(db17, references["06"])


def test_a_failure_in_the_middle_of_down_leaves_the_database_flattened(db17, references) -> None:
    run_step(db17, "up")
    flattened = snapshot(db17)
    _add_failing_trigger(db17, 4)
    with pytest.raises(DATABASE_ERRORS, match="injected failure"):
        run_step(db17, "down")
    _drop_failing_trigger(db17)
    assert snapshot(db17) == flattened
    reference.assert_same_schema(db17, references["07"])
    run_step(db17, "down")  # and a clean down still works afterwards
    reference.assert_same_schema(db17, references["06"])


def test_up_refuses_when_its_archive_tables_already_exist(db17) -> None:
    execute(db17, f'CREATE SCHEMA {ARCHIVE}; CREATE TABLE {A}IdTokens" (id int)')
    with pytest.raises(Exception, match="already holds"):
        run_step(db17, "up")
    assert rows(db17, 'SELECT count(*) FROM "IdTokens"') == [(16,)]


def test_the_data_set_loads_on_a_real_17_schema(database) -> None:
    reference.psql_file(database, reference.dump_for_step(
        "20250618150000-update-authorizations-to-include-concurrenttransaction"))
    with db.connect(database) as conn, conn.begin():
        dataset17.ensure_default_tenant(conn)
        dataset17.load_tokens(conn)
    assert scalar(database, 'SELECT count(*) FROM "Authorizations"') == len(
        dataset17.AUTHORIZATIONS)
    assert scalar(database, """SELECT nextval('"Authorizations_id_seq"')""") == 16
    assert scalar(database, """SELECT nextval('"Transactions_id_seq"')""") == 1003
    assert scalar(database, """SELECT nextval('"Tenants_id_seq"')""") == 1  # as upstream leaves it


def test_snapshot_rows_sees_a_changed_value_and_ignores_column_order(db17) -> None:
    before, _ = snapshot(db17)
    execute(db17, """UPDATE "IdTokens" SET type = 'X' WHERE id = 1""")
    changed, _ = snapshot(db17)
    assert changed["public.IdTokens"] != before["public.IdTokens"]
    execute(db17, """UPDATE "IdTokens" SET type = 'ISO14443' WHERE id = 1;
        ALTER TABLE "IdTokens" ADD COLUMN type2 varchar(255);
        UPDATE "IdTokens" SET type2 = type; ALTER TABLE "IdTokens" DROP COLUMN type;
        ALTER TABLE "IdTokens" RENAME COLUMN type2 TO type""")
    assert snapshot(db17)[0] == before


@pytest.mark.slow
def test_200k_authorizations_flatten_and_restore_in_seconds(db17) -> None:
    n = 200_000
    execute(db17, f"""
        INSERT INTO "IdTokens" (id, "idToken", type, "createdAt", "updatedAt")
            SELECT 100 + g, 'BULK-' || g, 'ISO14443', now(), now()
            FROM generate_series(1, {n}) g;
        INSERT INTO "IdTokenInfos" (id, status, "chargingPriority", "groupIdTokenId",
                                    "personalMessage", "createdAt", "updatedAt")
            SELECT 100 + g, 'Accepted', g / 7, CASE WHEN g > 10 THEN 100 + g / 10 END,
                   CAST('{{"content":"m"}}' AS json), now(), now()
            FROM generate_series(1, {n}) g;
        INSERT INTO "IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId",
                                              "createdAt", "updatedAt")
            SELECT 100 + g, 1 + g / 3 % 3, now(), now() FROM generate_series(1, {n}) g;
        INSERT INTO "Authorizations" (id, "idTokenId", "idTokenInfoId", "createdAt", "updatedAt")
            SELECT 100 + g, 100 + g, CASE WHEN g % 2 = 0 THEN 100 + g END, now(), now()
            FROM generate_series(1, {n}) g;
        ANALYZE;
    """)
    with db.connect(db17) as conn, conn.begin():
        for table in ("IdTokens", "IdTokenInfos", "Authorizations"):
            dataset17.advance_sequence(conn, table)
    # every bulk info with a group names a bulk token, and every bulk token has an owner
    expected_groups = scalar(db17, """SELECT count(*) FROM "Authorizations" a
        JOIN "IdTokenInfos" i ON i.id = a."idTokenInfoId"
        WHERE a.id > 100 AND i."groupIdTokenId" IS NOT NULL""")
    before = snapshot(db17)
    start = time.monotonic()
    run_step(db17, "up")
    up_seconds = time.monotonic() - start
    assert scalar(db17, 'SELECT count(*) FROM "Authorizations"'
                        ' WHERE id > 100 AND "groupAuthorizationId" = "groupIdTokenId"'
                        ' AND "groupAuthorizationId" = 100 + (id - 100) / 10'
                        ) == expected_groups
    assert scalar(db17, """SELECT count(*) FROM "Authorizations" WHERE "idToken" LIKE 'BULK-%'
                           AND jsonb_array_length("additionalInfo") = 1""") == n
    start = time.monotonic()
    run_step(db17, "down")
    down_seconds = time.monotonic() - start
    assert without_set_aside(snapshot(db17)) == before
    # Set-based, so seconds; a row-at-a-time move would take many minutes. The bound is loose
    # because a plain full-table UPDATE of these 200k rows alone takes 2-10 s on a busy CI box.
    assert up_seconds < 90 and down_seconds < 90, (up_seconds, down_seconds)
