"""What a step's ``down`` removes goes to the archive first, and its ``up`` puts it back.

A down that drops a table or deletes rows sets the rows aside; one that drops columns sets
aside the key and those columns of every row whose value the next up would not give back by
itself (not NULL, or not the column's constant default). A set-aside is a table in the archive
schema named ``"<step timestamp>_<Table>_down"`` (``_down2``, ``_down3``... when that name is
taken), with a table comment that says what it is::

    citrine-state set-aside {"step": "...", "table": "public.Tenants", "kind": "rows", ...}

The step's up, once it has made the place again, restores every set-aside of that step
(``restore``, which ``steps.run_step`` calls after ``up``), newest set-aside first, each under
a savepoint: rows come back with their ids (a row that is already there is updated to the
set-aside values), columns are written back by key; the set-aside is dropped once everything
in it has a place. What has no place (the table or a column is gone, a constraint refuses it)
stays in the archive, and the step says so. A set-aside that turns out empty is dropped at
once. A consolidated migration jumps over the steps, so it refuses a database with
set-asides of its steps.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .sqltext import qualified, quote_ident, quote_literal

MARK = "citrine-state set-aside "
SUFFIX = "_down"
NAME_LIMIT = 63




def _split(table: str) -> tuple[str, str]:
    """``public."Tenants"`` / ``"Tenants"`` / ``Tenants`` -> (schema, name)."""
    parts = re.findall(r'"((?:[^"]|"")+)"|([^."]+)', table)
    names = [(a.replace('""', '"') if a else b) for a, b in parts]
    return (names[0], names[1]) if len(names) == 2 else ("public", names[0])


def table_name(table: str) -> str:
    """The unquoted table name of ``table`` (qualified or not)."""
    return _split(table)[1]


def _raw(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """Bookkeeping on the driver connection directly: in the same transaction, but not among
    the statements a dry run shows (they say what the step does, not how it keeps count)."""
    return conn.connection.driver_connection.execute(sql, params)


def _free_name(conn: Connection, archive: str, step: str, table: str) -> str:
    base = f"{step[:14]}_{table}{SUFFIX}"
    if len(base) > NAME_LIMIT:
        base = f"{step[:14]}_{table[: NAME_LIMIT - 22]}{SUFFIX}"
    name, n = base, 1
    while _raw(conn, "SELECT to_regclass(%s) IS NOT NULL",
               (f"{qualified(archive, name)}",)).fetchone()[0]:
        n += 1
        name = f"{base}{n}"
    return name


def _columns(conn: Connection, schema: str, table: str) -> list[tuple[str, str | None, bool]]:
    """(name, default expression, identity) of each column, in order."""
    rows = _raw(conn, """
        SELECT a.attname, pg_get_expr(d.adbin, d.adrelid), a.attidentity <> ''
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY a.attnum""", (f"{qualified(schema, table)}",)).fetchall()
    return [(r[0], r[1], bool(r[2])) for r in rows]


def _primary_key(conn: Connection, schema: str, table: str) -> list[str]:
    rows = _raw(conn, """
        SELECT a.attname FROM pg_index i
        JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass(%s) AND i.indisprimary
        ORDER BY k.n""", (f"{qualified(schema, table)}",)).fetchall()
    return [r[0] for r in rows]


def _sequences(conn: Connection, schema: str, table: str) -> dict[str, list[Any]]:
    """{column: [last_value, is_called]} of the sequences the table's columns own."""
    found = _raw(conn, """
        SELECT a.attname, format('%%I.%%I', sn.nspname, s.relname)
        FROM pg_depend d
        JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        JOIN pg_namespace sn ON sn.oid = s.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refobjid = to_regclass(%s)
          AND d.deptype IN ('a', 'i')""", (f"{qualified(schema, table)}",)).fetchall()
    out: dict[str, list[Any]] = {}
    for column, sequence in found:
        last, called = _raw(conn, f"SELECT last_value, is_called FROM {sequence}").fetchone()
        out[column] = [int(last), bool(called)]
    return out


def _constant(default: str | None) -> str | None:
    """The default when it is a constant (``1``, ``'Never'::character varying``, ``false``):
    a value equal to it comes back by itself. Function calls (``now()``, ``nextval(...)``)
    are not constants."""
    if default is None or "(" in default:
        return None
    return default


@dataclass(frozen=True)
class Kept:
    """What one set-aside kept: its table in the archive and how many rows."""

    name: str
    rows: int


def _finish(conn: Connection, archive: str, name: str, meta: dict[str, Any]) -> Kept | None:
    target = f"{qualified(archive, name)}"
    rows = int(_raw(conn, f"SELECT count(*) FROM {target}").fetchone()[0])
    if not rows:
        _raw(conn, f"DROP TABLE {target}")
        return None
    _raw(conn, f"COMMENT ON TABLE {target} IS {quote_literal(MARK + json.dumps(meta))}")
    return Kept(name, rows)


def set_aside_rows(conn: Connection, archive: str, step: str, table: str,
                   where: str | None = None, order: int = 0) -> Kept | None:
    """Copy the rows of ``table`` (those matching ``where``, an SQL condition) into the archive
    before a down drops the table or deletes them; with the positions of the sequences the
    table owns. Returns what was kept, or None when there was nothing to keep."""
    schema, name = _split(table)
    source = f"{qualified(schema, name)}"
    kept = _free_name(conn, archive, step, name)
    conn.execute(sa.text(f"CREATE TABLE {qualified(archive, kept)} AS SELECT * FROM {source}"
                         + (f" WHERE {where}" if where else "")))
    meta = {"step": step, "schema": schema, "table": name, "kind": "rows", "order": order,
            "key": _primary_key(conn, schema, name),
            "sequences": _sequences(conn, schema, name)}
    return _finish(conn, archive, kept, meta)


def set_aside_columns(conn: Connection, archive: str, step: str, table: str,
                      columns: list[str], order: int = 0, where: str | None = None
                      ) -> Kept | None:
    """Copy the primary key and ``columns`` of every row of ``table`` (matching ``where``, an
    SQL condition) that holds a value the next up would not give back by itself (not NULL, and
    not the column's constant default) into the archive, before a down drops those columns or
    clears them. Returns what was kept, or None when no row holds such a value."""
    schema, name = _split(table)
    key = _primary_key(conn, schema, name)
    if not key:
        raise ValueError(f"{schema}.{name} has no primary key: its columns cannot be set aside "
                         "by key (set its rows aside instead)")
    defaults = {c: d for c, d, _ in _columns(conn, schema, name)}
    missing = [c for c in columns if c not in defaults]
    if missing:
        raise ValueError(f"{schema}.{name} has no column {', '.join(missing)}")
    differs = " OR ".join(
        f"{quote_ident(c)} IS DISTINCT FROM {_constant(defaults[c])}" if _constant(defaults[c])
        else f"{quote_ident(c)} IS NOT NULL" for c in columns)
    kept = _free_name(conn, archive, step, name)
    picked = ", ".join(quote_ident(c) for c in [*key, *columns])
    conn.execute(sa.text(f"CREATE TABLE {qualified(archive, kept)} AS SELECT {picked} "
                         f"FROM {qualified(schema, name)} WHERE ({differs})"
                         + (f" AND ({where})" if where else "")))
    meta = {"step": step, "schema": schema, "table": name, "kind": "columns", "order": order,
            "key": key, "columns": list(columns)}
    return _finish(conn, archive, kept, meta)


# --- restoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetAside:
    name: str  # in the archive schema
    meta: dict[str, Any]

    @property
    def target(self) -> str:
        return f"{qualified(self.meta['schema'], self.meta['table'])}"


def find(conn: Connection, archive: str, step: str | None = None) -> list[SetAside]:
    """The set-asides in the archive (of ``step``, when given), newest first."""
    rows = _raw(conn, """
        SELECT c.relname, obj_description(c.oid, 'pg_class')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %s AND c.relkind = 'r'
          AND starts_with(coalesce(obj_description(c.oid, 'pg_class'), ''), %s)""",
                (archive, MARK)).fetchall()
    found = []
    for name, comment in rows:
        try:
            meta = json.loads(comment[len(MARK):])
        except ValueError:
            continue
        if isinstance(meta, dict) and (step is None or meta.get("step") == step):
            found.append(SetAside(name, meta))
    return sorted(found, key=lambda s: (-int(s.meta.get("order", 0)), s.name), reverse=False)


def restore(conn: Connection, archive: str, step: str,
            say: Callable[[str], None] = lambda _: None) -> list[str]:
    """After ``step``'s up: put back its set-asides where the schema now has a place for them,
    and drop each one that is fully back (see the module's docstring); returns one line per
    set-aside for the step's report. Each step's up undoes its own down, so this runs right
    after it: a later step's data moves then work on the data as it was (the tenant of an old
    EVSE goes on into EvseTypes)."""
    notes = []
    for item in find(conn, archive, step):
        note, placed = _restore_one(conn, archive, item)
        if placed:
            conn.execute(sa.text(f"DROP TABLE {qualified(archive, item.name)}"))
        say(note)
        notes.append(note)
    return notes


def _restore_one(conn: Connection, archive: str, item: SetAside) -> tuple[str, bool]:
    """Put one set-aside back; returns the line to report and whether all of it had a place."""
    schema, table = item.meta["schema"], item.meta["table"]
    source = f"{qualified(archive, item.name)}"
    here = {c: identity for c, _d, identity in _columns(conn, schema, table)}
    kept = [c for c, _d, _i in _columns(conn, archive, item.name)]
    if not here:
        return f"{archive}.{item.name}: {schema}.{table} is not there; kept in the archive", False
    key = [c for c in item.meta.get("key", []) if c in here]
    placed = [c for c in kept if c in here]
    unplaced = [c for c in kept if c not in here]
    if item.meta["kind"] == "rows" and unplaced:
        # Another layout of the table (rows of 1.8.0 Evses while Evses has its 1.7 layout):
        # not the place these rows had.
        return (f"{archive}.{item.name}: {schema}.{table} has no column "
                f"{', '.join(unplaced)}; kept in the archive"), False
    savepoint = conn.begin_nested()
    try:
        if item.meta["kind"] == "rows":
            count = _put_rows(conn, source, item, placed, key, here)
        else:
            if len(key) != len(item.meta.get("key", [])) or not key:
                savepoint.rollback()
                return (f"{archive}.{item.name}: the key of {schema}.{table} is gone; kept in "
                        "the archive"), False
            count = _put_columns(conn, source, item, [c for c in placed if c not in key], key)
    except sa.exc.DBAPIError as exc:
        savepoint.rollback()
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return f"{archive}.{item.name} could not be put back ({first}); kept in the archive", \
            False
    savepoint.commit()
    if unplaced:
        return (f"put back {count} row(s) of {archive}.{item.name} into {schema}.{table}; "
                f"kept in the archive: {', '.join(unplaced)} (no place for them)"), False
    return f"put back {count} row(s) that a rollback set aside into {schema}.{table}", True


def _put_rows(conn: Connection, source: str, item: SetAside, placed: list[str],
              key: list[str], identity: dict[str, bool]) -> int:
    cols = ", ".join(quote_ident(c) for c in placed)
    conflict = ""
    if key and set(key) <= set(placed):
        rest = [c for c in placed if c not in key]
        conflict = (f" ON CONFLICT ({', '.join(quote_ident(c) for c in key)}) DO "
                    + ("UPDATE SET " + ", ".join(f"{quote_ident(c)} = EXCLUDED.{quote_ident(c)}"
                                                 for c in rest)
                       if rest else "NOTHING"))
    overriding = " OVERRIDING SYSTEM VALUE" if any(identity.get(c) for c in placed) else ""
    done = conn.execute(sa.text(f"INSERT INTO {item.target} ({cols}){overriding} "
                                f"SELECT {cols} FROM {source}{conflict}"))
    for column, (last, called) in item.meta.get("sequences", {}).items():
        sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": item.target, "c": column}).scalar()
        if column not in placed or sequence is None:
            continue
        now_last, now_called = conn.execute(
            sa.text(f"SELECT last_value, is_called FROM {sequence}")).one()
        # Never backwards: only when the set-aside position is further than the sequence is.
        if last - (not called) > now_last - (not now_called):
            conn.execute(sa.text("SELECT setval(CAST(:s AS regclass), :v, :c)"),
                         {"s": sequence, "v": last, "c": called})
    return int(done.rowcount or 0)


def _put_columns(conn: Connection, source: str, item: SetAside, columns: list[str],
                 key: list[str]) -> int:
    if not columns:
        return 0
    sets = ", ".join(f"{quote_ident(c)} = a.{quote_ident(c)}" for c in columns)
    match = " AND ".join(f"t.{quote_ident(c)} = a.{quote_ident(c)}" for c in key)
    done = conn.execute(sa.text(f"UPDATE {item.target} AS t SET {sets} FROM {source} AS a "
                                f"WHERE {match}"))
    return int(done.rowcount or 0)
