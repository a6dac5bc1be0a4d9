"""Enum values in generated migrations: migra recreates an enum type whenever its values change
(a rewrite of every table using it, broken by dependent views and defaults). Added values must
become ``ALTER TYPE ... ADD VALUE`` in the target's order; a value used in the transaction that
adds it (which PostgreSQL refuses) makes the type be recreated instead, said in the file; values
removed or reordered recreate the type after the data moves, with the rewrite's hazards."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import consolidated_file, db, diff, hazards
from citrine_state.autogen import consolidated as generation
from citrine_state.autogen import enums
from citrine_state.errors import CheckFailed

from .support.cli import citrine

HEADER = 6  # the fixed header lines of a rendered consolidated migration


def _build(server: URL, source: str, target: str) -> consolidated_file.Consolidated:
    c = consolidated_file.Consolidated("a", "b", "0" * 64, "1" * 64)
    return generation.build(c, source, target, server, None, diff.Scope())


def _body(c: consolidated_file.Consolidated) -> str:
    """The rendered file after its fixed header: notes and phases."""
    return "\n".join(consolidated_file.render(c).splitlines()[HEADER:]) + "\n"


def _rows(url, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _run_in_one_transaction(url, c: consolidated_file.Consolidated, before: str) -> None:
    """``before`` (schema and rows), committed; then every statement of ``c`` in one
    transaction, as the runner does."""
    with db.connect(url) as conn:
        db.run_script(conn, before)
        conn.commit()
        for _, item in c.statements():
            assert isinstance(item, str)
            db.run_script(conn, item)
        conn.commit()


# --- statements -----------------------------------------------------------------------------------


def test_add_value_statements_follow_the_targets_order_and_quote_values() -> None:
    change = enums.EnumChange("public", "Mood", ("sad", "ok"),
                              ("meh", "sad", "it's", "ok", "happy"))
    assert change.additive and change.added == ["meh", "it's", "happy"]
    assert enums.add_value_statements(change) == [
        """alter type "public"."Mood" add value 'meh' before 'sad'""",
        """alter type "public"."Mood" add value 'it''s' after 'sad'""",
        """alter type "public"."Mood" add value 'happy' after 'ok'""",
    ]
    empty = enums.EnumChange("public", "e", (), ("x", "y"))
    assert enums.add_value_statements(empty) == [
        """alter type "public"."e" add value 'x'""",
        """alter type "public"."e" add value 'y' after 'x'""",
    ]


def test_removed_or_reordered_values_are_not_additive() -> None:
    assert not enums.EnumChange("public", "e", ("a", "b"), ("a",)).additive
    assert not enums.EnumChange("public", "e", ("a", "b"), ("b", "a", "c")).additive


def test_the_type_postgresql_names_in_an_unsafe_use_error_is_found_quoted_or_not() -> None:
    changes = [enums.EnumChange("public", "enum_Connectors_status", ("a",), ("a", "b")),
               enums.EnumChange("public", "mood", ("a",), ("a", "b"))]
    assert enums.named(changes, '"enum_Connectors_status"') is changes[0]
    assert enums.named(changes, 'public."enum_Connectors_status"') is changes[0]
    assert enums.named(changes, "mood") is changes[1]
    assert enums.named(changes, "other.mood") is None
    assert enums.named(changes, "moody") is None


# --- generation on two small snapshots ------------------------------------------------------------

SOURCE = """
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id int PRIMARY KEY, feeling mood DEFAULT 'ok', history mood[]);
CREATE VIEW cheerful AS SELECT id FROM people WHERE feeling = 'ok';
"""
TARGET = SOURCE.replace("('sad', 'ok')", "('meh', 'sad', 'ok', 'happy')")
ROWS = "INSERT INTO people VALUES (1, 'sad', '{sad,ok}'), (2, 'ok', NULL), (3, NULL, '{}');"


def test_added_values_become_add_value_in_the_targets_order_and_nothing_else(
        pg_server: URL, make_database) -> None:
    c = _build(pg_server, SOURCE, TARGET)
    assert _body(c) == (
        "\n"
        "-- == phase: expand\n"
        "\n"
        """alter type "public"."mood" add value 'meh' before 'sad';\n"""
        "\n"
        """alter type "public"."mood" add value 'happy' after 'ok';\n"""
        "\n"
        "-- == phase: data\n"
        "\n"
        "-- == phase: contract\n"
        "\n"
        "-- == phase: finalize\n"
    )
    assert consolidated_file.parse(consolidated_file.render(c)).phases == c.phases
    assert all(not s.hazards for s in consolidated_file.plan(None, c).statements)  # type: ignore[arg-type]
    url = make_database("enumv")
    _run_in_one_transaction(url, c, SOURCE + ROWS)
    assert _rows(url, "SELECT enum_range(NULL::mood)::text") == [("{meh,sad,ok,happy}",)]
    assert _rows(url, "SELECT id, feeling::text, history::text FROM people ORDER BY id") == [
        (1, "sad", "{sad,ok}"), (2, "ok", None), (3, None, "{}")]


def test_a_new_value_used_in_the_same_transaction_recreates_the_type_and_says_why(
        pg_server: URL, make_database) -> None:
    target = TARGET.replace("DEFAULT 'ok'", "DEFAULT 'happy'")
    c = _build(pg_server, SOURCE, target)
    text = consolidated_file.render(c)
    notes = " ".join(ln[len("-- note: "):] if ln.startswith("-- note: ") else ln[len("--   "):]
                     for ln in text.splitlines()[HEADER:] if ln.startswith(("-- note:", "--   ")))
    assert 'enum type "public"."mood" is recreated in the expand phase' in notes
    assert "'meh', 'happy' are added and used in the same transaction" in notes
    assert "unsafe use of new value" in notes and "ACCESS EXCLUSIVE" in notes
    assert "add value" not in text
    expand = c.phases["expand"]
    assert expand[:6] == [
        'drop view if exists "public"."cheerful" cascade',
        'alter table "public"."people" alter column "feeling" drop default',
        'alter type "public"."mood" rename to "mood__citrine_old"',
        """create type "public"."mood" as enum ('meh', 'sad', 'ok', 'happy')""",
        'alter table "public"."people" alter column "feeling" type "public"."mood" '
        'using "feeling"::text::"public"."mood"',
        'alter table "public"."people" alter column "history" type "public"."mood"[] '
        'using "history"::text[]::"public"."mood"[]',
    ]
    assert hazards.tags(expand[4]) == (hazards.LOCKS_TABLE, hazards.REWRITES_TABLE)
    assert "-- hazards: locks-table, rewrites-table\n" + expand[4] + ";" in text
    assert any(s.startswith('create or replace view "public"."cheerful"')
               for s in c.phases["contract"])
    url = make_database("enumv")
    _run_in_one_transaction(url, c, SOURCE + ROWS)
    assert _rows(url, "SELECT enum_range(NULL::mood)::text") == [("{meh,sad,ok,happy}",)]
    assert _rows(url, "SELECT id, feeling::text, history::text FROM people ORDER BY id") == [
        (1, "sad", "{sad,ok}"), (2, "ok", None), (3, None, "{}")]
    assert _rows(url, "SELECT count(*) FROM cheerful") == [(1,)]


def test_removed_values_recreate_the_type_after_the_data_moves_with_its_hazards(
        pg_server: URL, make_database) -> None:
    source = SOURCE.replace("('sad', 'ok')", "('sad', 'ok', 'gone')")
    target = SOURCE.replace("('sad', 'ok')", "('ok', 'sad')")
    c = _build(pg_server, source, target)
    assert not any("type" in s for s in c.phases["expand"] if isinstance(s, str))
    contract = [s for s in c.phases["contract"] if isinstance(s, str)]
    assert """create type "public"."mood" as enum ('ok', 'sad')""" in contract
    assert 'drop type "public"."mood__citrine_old"' in contract
    # not migra's recreation
    assert "__old_version_to_be_dropped" not in consolidated_file.render(c)
    plan = consolidated_file.plan(None, c)  # type: ignore[arg-type]
    assert plan.counts()[hazards.REWRITES_TABLE] == 2
    assert "'gone' are removed" in " ".join(c.notes) and "no row may hold" in " ".join(c.notes)
    url = make_database("enumv")
    _run_in_one_transaction(url, c, source + ROWS)
    assert _rows(url, "SELECT enum_range(NULL::mood)::text") == [("{ok,sad}",)]
    assert _rows(url, "SELECT id, feeling::text FROM people ORDER BY id") == [
        (1, "sad"), (2, "ok"), (3, None)]


def test_a_recreation_that_a_constraint_depends_on_is_refused_clearly(pg_server: URL) -> None:
    source = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'gone');\n" \
             "CREATE TABLE people (id int PRIMARY KEY, feeling mood CHECK (feeling <> 'sad'));"
    with pytest.raises(CheckFailed, match=r'enum type "public"\."mood" must be recreated '
                       r"\(value\(s\) 'gone' are removed\), but constraint people_feeling_check"
                       r".* write this migration by hand"):
        _build(pg_server, source, source.replace(", 'gone'", ""))


# --- a new CitrineOS version that adds connector states ------------------------------------------
# 1.8.0 is the last CitrineOS version with enum types (1.8.1's remove-enums turns them into
# varchar), so these tests run on a copy of the project that ends at 1.8.0.

EVOLVE_ANCHOR = '    """1.8.0\'s models, copied: change them here to what 1.9.0 is."""\n'
NEW_STATES = '''    metadata.tables["Connectors"].c.status.type = Enum(
        "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Occupied",
        "Finishing", "Reserved", "Unavailable", "Faulted", "Unknown",
        name="enum_Connectors_status",
    )
'''
LATER = ("1.8.1", "1.8.2", "1.8.3")


def _end_at_1_8_0(project: Path) -> None:
    """Drop the versions after 1.8.0 (not 1.9.0's planned entry) from the project copy."""
    path = project / "migration-config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    for name in LATER:
        gone = set(config["versions"][name]["migrations"])
        config["releases"] = {release: entry for release, entry in config["releases"].items()
                              if entry["steps_through"] not in gone}
        del config["versions"][name]
        (project / "schema" / f"v{name.replace('.', '_')}.py").unlink()
        (project / "snapshots" / f"{name}.sql").unlink()
        shutil.rmtree(project / "versions" / name, ignore_errors=True)
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


ADDS = [
    """alter type "public"."enum_Connectors_status" add value 'Occupied' after 'SuspendedEV'""",
    """alter type "public"."enum_Connectors_status" add value 'Unknown' after 'Faulted'""",
]
CONNECTORS = (
    """INSERT INTO "ChargingStations" (id, "createdAt", "updatedAt") VALUES ('cs-1', now(), now());
    INSERT INTO "Connectors" ("stationId", "connectorId", status, "errorCode", "createdAt",
                              "updatedAt")
    VALUES ('cs-1', 1, 'Charging', 'NoError', now(), now()),
           ('cs-1', 2, 'Faulted', 'GroundFailure', now(), now()),
           ('cs-1', 3, NULL, NULL, now(), now());"""
)
STATUS_ORDER = ("{Available,Preparing,Charging,SuspendedEVSE,SuspendedEV,Occupied,Finishing,"
                "Reserved,Unavailable,Faulted,Unknown}")


def _ok(run):
    assert run.code == 0, run.text
    return run


def _new_version_with_states(project: Path, server: URL) -> tuple[str, Path]:
    """1.9.0 = 1.8.0 + connector states 'Occupied' (in the middle) and 'Unknown' (last), with
    its generated step; the step's name and file."""
    _end_at_1_8_0(project)
    _ok(citrine("manager", "new-version", "1.9.0", "--description", "More connector states",
                project=project))
    models = project / "schema" / "v1_9_0.py"
    source = models.read_text(encoding="utf-8")
    assert source.count(EVOLVE_ANCHOR) == 1
    source = source.replace("from sqlalchemy import MetaData\n",
                            "from sqlalchemy import Enum, MetaData\n")
    models.write_text(source.replace(EVOLVE_ANCHOR, EVOLVE_ANCHOR + NEW_STATES),
                      encoding="utf-8")
    _ok(citrine("snapshot", project=project))
    _ok(citrine("manager", "new-step", "connector-states", "--description",
                "Occupied and Unknown connector states", project=project, url=server))
    config = json.loads((project / "migration-config.json").read_text(encoding="utf-8"))
    (step,) = config["versions"]["1.9.0"]["migrations"]
    return step, project / "versions" / "1.9.0" / f"{step}.py"


def _connectors(url) -> list[tuple]:
    return _rows(url, 'SELECT "connectorId", status::text, "errorCode"::text FROM "Connectors" '
                      'ORDER BY "connectorId"')


def test_a_version_adding_enum_values_upgrades_by_add_value_keeping_rows(
        project: Path, make_database) -> None:
    server = make_database("enumv_shadow")
    step, step_file = _new_version_with_states(project, server)
    module = ast.parse(step_file.read_text(encoding="utf-8"))
    values = {n.targets[0].id: n.value.value for n in module.body
              if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)}
    assert values["UP"] == "\n" + "\n\n".join(f"{s};" for s in ADDS) + "\n"
    assert values["CONTRACT"] == ""
    # PostgreSQL cannot drop an enum value: DOWN recreates the type, and says so.
    assert """create type "public"."enum_Connectors_status" as enum ('Available',""" in \
        values["DOWN"]
    assert re.search(r'-- hazards: locks-table, rewrites-table\nalter table "public"."Connectors" '
                     r'alter column "status" type "public"."enum_Connectors_status"',
                     values["DOWN"])
    doc = " ".join((ast.get_docstring(module) or "").split())
    assert "ALTER TYPE ... ADD VALUE" in doc and "no data move of this step may use them" in doc
    assert "PostgreSQL cannot remove a value from an enum type" in doc
    _ok(citrine("manager", "validate", project=project))

    _ok(citrine("manager", "batch", project=project, url=server))
    text = (project / "versions" / "1.9.0" / "v1.9.0-consolidated.sql").read_text("utf-8")
    expand = text.split("-- == phase: expand\n", 1)[1].split("-- == phase: data", 1)[0]
    assert expand == "\n" + "\n\n".join(f"{s};" for s in ADDS) + "\n\n"
    assert "create type" not in text and "rename to" not in text and "-- note:" not in text
    assert "rewrites-table" not in text

    by_consolidated, by_steps = make_database("enumv_cons"), make_database("enumv_steps")
    for url in (by_consolidated, by_steps):
        _ok(citrine("version", "1.8.0", project=project, url=url))
        with db.connect(url) as conn:
            db.run_script(conn, CONNECTORS)
            conn.commit()
    before = _connectors(by_consolidated)
    assert before == [(1, "Charging", "NoError"), (2, "Faulted", "GroundFailure"),
                      (3, None, None)]
    run = citrine("consolidated", project=project, url=by_consolidated)
    _ok(run)
    assert "1.8.0 -> 1.9.0" in run.text
    _ok(citrine("migrate", project=project, url=by_steps))
    for url in (by_consolidated, by_steps):
        _ok(citrine("verify", "--version", "1.9.0", project=project, url=url))
        assert _connectors(url) == before
        assert _rows(url, 'SELECT enum_range(NULL::"enum_Connectors_status")::text') == [
            (STATUS_ORDER,)]
    # Committed, the new values are usable.
    with db.connect(by_consolidated) as conn:
        conn.exec_driver_sql("""UPDATE "Connectors" SET status = 'Occupied'
                                WHERE "connectorId" = 1""")
        conn.commit()
    # Back to 1.8.0 through the step's DOWN: the type without the new values, rows kept.
    _ok(citrine("rollback", "1.8.0", project=project, url=by_steps))
    _ok(citrine("verify", "--version", "1.8.0", project=project, url=by_steps))
    assert _connectors(by_steps) == before


def test_a_data_move_using_a_new_enum_value_gets_the_type_recreated_in_the_consolidated_path(
        project: Path, make_database) -> None:
    server = make_database("enumv_shadow")
    step, step_file = _new_version_with_states(project, server)
    # The step's data move maps Charging to the new Occupied state.
    sql_dir = project / "versions" / "1.9.0" / "sql"
    sql_dir.mkdir()
    (sql_dir / "occupied.sql").write_text(
        """UPDATE "Connectors" SET status = 'Occupied' WHERE status = 'Charging';\n""",
        encoding="utf-8")
    source = step_file.read_text(encoding="utf-8")
    assert source.count("\nDATA_MOVES: tuple[str, ...] = ()") == 1
    step_file.write_text(source.replace("\nDATA_MOVES: tuple[str, ...] = ()",
                                        '\nDATA_MOVES: tuple[str, ...] = ("occupied.sql",)'),
                         encoding="utf-8")

    generated = _ok(citrine("manager", "batch", project=project, url=server))
    # the reviewer is told on the terminal too, not only in the file's header
    assert 'note: enum type "public"."enum_Connectors_status" is recreated' in generated.out
    text = (project / "versions" / "1.9.0" / "v1.9.0-consolidated.sql").read_text("utf-8")
    assert "add value" not in text
    assert '-- note: enum type "public"."enum_Connectors_status" is recreated in the expand' \
        in text
    expand = text.split("-- == phase: expand\n", 1)[1].split("-- == phase: data", 1)[0]
    assert 'alter type "public"."enum_Connectors_status" rename to' in expand
    assert "-- hazards: locks-table, rewrites-table\n" in expand

    url = make_database("enumv_cons")
    _ok(citrine("version", "1.8.0", project=project, url=url))
    with db.connect(url) as conn:
        db.run_script(conn, CONNECTORS)
        conn.commit()
    _ok(citrine("consolidated", project=project, url=url))
    _ok(citrine("verify", "--version", "1.9.0", project=project, url=url))
    assert _connectors(url) == [(1, "Occupied", "NoError"), (2, "Faulted", "GroundFailure"),
                                (3, None, None)]

    # The step itself adds the value and uses it in one transaction: PostgreSQL refuses, the
    # step rolls back, as its docstring warns.
    steps_db = make_database("enumv_steps")
    _ok(citrine("version", "1.8.0", project=project, url=steps_db))
    run = citrine("migrate", project=project, url=steps_db)
    assert run.code != 0 and "unsafe use of new value" in run.text, run.text
    _ok(citrine("verify", "--version", "1.8.0", project=project, url=steps_db))
