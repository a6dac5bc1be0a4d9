"""Enum types whose values change between two schemas, and the SQL that changes them.

migra recreates a type whenever its values change (rename it, create the new one, cast every
column, drop the old one: a rewrite of every table using it), so generation does not leave enums
to it. Added values become ``ALTER TYPE ... ADD VALUE``. PostgreSQL 12+ runs that inside the
migration's transaction but refuses to *use* a value added in the same transaction ("unsafe use
of new value"): generation replays in one transaction like the runner, so such a use (a data
move, a default) shows up there, and that type is then recreated early instead (a type created
in the transaction may use all its values). Types whose values are removed or reordered cannot
change in place: they are recreated after the data moves (which must move rows off removed
values). Recreations carry the hazards of the column rewrites (locks-table, rewrites-table).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from ..errors import CheckFailed
from ..sqltext import qualified, quote_ident, quote_literal

UNSAFE_NEW_ENUM_VALUE = "55P04"  # SQLSTATE of "unsafe use of new value ... of enum type"
_OLD_SUFFIX = "__citrine_old"


@dataclass(frozen=True)
class EnumChange:
    """An enum type present on both sides whose values differ."""

    schema: str
    name: str
    old: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def qualified(self) -> str:
        return f"{qualified(self.schema, self.name)}"

    @property
    def additive(self) -> bool:
        """Only values added, the old ones kept in their order: ADD VALUE can do it."""
        return [v for v in self.new if v in self.old] == list(self.old)

    @property
    def added(self) -> list[str]:
        return [v for v in self.new if v not in self.old]


def enum_changes(current: Any, target: Any) -> list[EnumChange]:
    """The enum types of both inspections whose values differ, by name."""
    out = []
    for key in sorted(set(current.enums) & set(target.enums)):
        have, want = current.enums[key], target.enums[key]
        if list(have.elements) != list(want.elements):
            out.append(EnumChange(str(want.schema), str(want.name), tuple(have.elements),
                                  tuple(want.elements)))
    return out


def add_value_statements(change: EnumChange) -> list[str]:
    """``ALTER TYPE ... ADD VALUE`` for each added value, placed so that the order of the
    values ends up the target's."""
    out: list[str] = []
    previous: str | None = None
    for value in change.new:
        if value not in change.old:
            if previous is not None:
                where = f" after {quote_literal(previous)}"
            elif change.old:
                where = f" before {quote_literal(change.old[0])}"
            else:
                where = ""
            out.append(f"alter type {change.qualified} add value {quote_literal(value)}{where}")
        previous = value
    return out


_USERS = """
SELECT CASE
         WHEN d.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p') AND d.objsubid > 0
           THEN 'column'
         WHEN d.classid = 'pg_attrdef'::regclass THEN 'default'
         WHEN v.relkind IN ('v', 'm') THEN 'view'
         ELSE 'other'
       END AS kind,
       pg_describe_object(d.classid, d.objid, d.objsubid) AS what,
       n.nspname, c.relname, a.attname, a.atttypid = t.typarray AS is_array,
       pg_get_expr(ad.adbin, ad.adrelid) AS column_default
FROM pg_type t
JOIN pg_depend d ON d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                AND d.deptype = 'n'
LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
LEFT JOIN pg_class v ON v.oid = COALESCE(r.ev_class, c.oid)
WHERE t.oid = to_regtype(%s)
ORDER BY n.nspname, c.relname, a.attnum, what
"""

# Views and materialized views that use the type, or a table column of the type.
_VIEWS = """
SELECT DISTINCT n.nspname, v.relname, v.relkind
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.deptype = 'n'
JOIN pg_rewrite r ON r.oid = d.objid
JOIN pg_class v ON v.oid = r.ev_class AND v.relkind IN ('v', 'm')
JOIN pg_namespace n ON n.oid = v.relnamespace
LEFT JOIN pg_attribute a ON d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid
                        AND a.attnum = d.refobjsubid
WHERE t.oid = to_regtype(%s)
  AND ((d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray))
       OR a.atttypid IN (t.oid, t.typarray))
UNION
SELECT n.nspname, c.relname, c.relkind
FROM pg_type t
JOIN pg_depend d ON d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                AND d.classid = 'pg_class'::regclass AND d.deptype = 'n'
JOIN pg_class c ON c.oid = d.objid AND c.relkind IN ('v', 'm')
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE t.oid = to_regtype(%s)
ORDER BY 1, 2
"""


def recreate_statements(conn: Connection, change: EnumChange, keep_defaults: bool) -> list[str]:
    """Recreate an enum type with the target's values: drop the views that use it (the diff
    that follows creates them again), rename it aside, create it anew, cast every table column
    (and array column) using it, drop the old one. Columns' defaults are dropped first and,
    with ``keep_defaults``, set again on the new type (otherwise the diff that follows sets the
    target's). Anything else that depends on the type (a constraint or index expression, a
    function, a domain) is refused: that needs a hand-written migration."""
    rows = conn.exec_driver_sql(_USERS, (change.qualified,)).all()
    other = sorted({r.what for r in rows if r.kind == "other"})
    if other:
        raise CheckFailed(
            f"enum type {change.qualified} must be recreated ({_why(change)}), but "
            f"{', '.join(other[:5])} depend(s) on it; write this migration by hand"
        )
    views = conn.exec_driver_sql(_VIEWS, (change.qualified, change.qualified)).all()
    columns = [r for r in rows if r.kind == "column"]
    aside = (change.name[: 63 - len(_OLD_SUFFIX)] + _OLD_SUFFIX)
    new_values = ", ".join(quote_literal(v) for v in change.new)
    out: list[str] = []
    for nspname, relname, relkind in views:
        word = "materialized view" if relkind == "m" else "view"
        out.append(f"drop {word} if exists {qualified(nspname, relname)} cascade")
    for r in columns:
        if r.column_default is not None:
            out.append(f"alter table {qualified(r.nspname, r.relname)} alter column "
                       f"{quote_ident(r.attname)} drop default")
    out.append(f"alter type {change.qualified} rename to {quote_ident(aside)}")
    out.append(f"create type {change.qualified} as enum ({new_values})")
    for r in columns:
        cast = f"{change.qualified}[]" if r.is_array else change.qualified
        via = "text[]" if r.is_array else "text"
        out.append(f"alter table {qualified(r.nspname, r.relname)} alter column "
                   f"{quote_ident(r.attname)} type {cast} "
                   f"using {quote_ident(r.attname)}::{via}::{cast}")
    if keep_defaults:
        for r in columns:
            if r.column_default is not None:
                out.append(f"alter table {qualified(r.nspname, r.relname)} alter column "
                           f"{quote_ident(r.attname)} set default {r.column_default}")
    out.append(f"drop type {qualified(change.schema, aside)}")
    return out


def _why(change: EnumChange) -> str:
    if change.additive:
        return f"value(s) {', '.join(map(quote_literal, change.added))} are added and used"
    removed = [v for v in change.old if v not in change.new]
    if removed:
        return f"value(s) {', '.join(map(quote_literal, removed))} are removed"
    return "its values are reordered"


def unsafe_enum_use(exc: BaseException) -> tuple[str, str] | None:
    """(value, type name as PostgreSQL printed it) when ``exc`` is PostgreSQL refusing to use
    an enum value added earlier in the same transaction."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != UNSAFE_NEW_ENUM_VALUE:
        return None
    message = str(getattr(getattr(orig, "diag", None), "message_primary", None) or orig)
    match = re.search(r'unsafe use of new value "(.*)" of enum type (.+)$', message)
    return (match.group(1), match.group(2).strip()) if match else ("?", "?")


def named(changes: list[EnumChange], printed: str) -> EnumChange | None:
    """The change whose type PostgreSQL printed as ``printed`` (maybe qualified, maybe
    quoted)."""
    parts = re.findall(r'"((?:[^"]|"")*)"|([^".]+)', printed)
    names = [(quoted.replace('""', '"') if quoted else bare) for quoted, bare in parts]
    for change in changes:
        if names and names[-1] == change.name and (len(names) == 1 or
                                                   names[-2] == change.schema):
            return change
    return None


@contextmanager
def masked_enums(target: Any, changes: list[EnumChange]) -> Iterator[None]:
    """Let migra see these enum types of ``target`` with their old values, so that its diff
    leaves them alone (they are recreated separately)."""
    saved = {}
    for change in changes:
        key = change.qualified
        enum = target.enums[key]
        saved[key] = enum.elements
        enum.elements = list(change.old)
    try:
        yield
    finally:
        for key, elements in saved.items():
            target.enums[key].elements = elements


def mentions_enum(statement: str, changes: list[EnumChange]) -> bool:
    """Does this ALTER TABLE cast to one of these types (a default with a value they gain)?"""
    if not statement.lower().startswith("alter table"):
        return False
    return any(re.search(rf'::(?:\S+\.)?"?{re.escape(c.name)}"?(?![\w$])', statement)
               for c in changes)


def enum_notes(early: list[EnumChange], late: list[EnumChange]) -> list[str]:
    notes = [
        f"enum type {c.qualified} is recreated in the expand phase, rewriting the tables that "
        f"use it under an ACCESS EXCLUSIVE lock: {_why(c)} in the same transaction, which "
        "PostgreSQL refuses after ALTER TYPE ... ADD VALUE (\"unsafe use of new value\")"
        for c in early
    ]
    notes += [
        f"enum type {c.qualified} is recreated after the data moves, rewriting the tables that "
        f"use it under an ACCESS EXCLUSIVE lock: {_why(c)}, which PostgreSQL cannot do in place"
        + ("; no row may hold a removed value by then" if not c.additive else "")
        for c in late
    ]
    return notes



T = TypeVar("T")


def retrying_enum_uses(conn: Connection, changes: list[EnumChange],
                       attempt: Callable[[list[EnumChange]], T], what: str) -> T:
    """Run ``attempt(early)``; when it fails because it used a value that ADD VALUE added in
    the same transaction, roll back and run it again with that type in ``early`` (to be
    recreated instead). Each type is retried once; the transaction must start from a committed
    state."""
    early: list[EnumChange] = []
    while True:
        try:
            return attempt(early)
        except sa_exc.DBAPIError as exc:
            unsafe = unsafe_enum_use(exc)
            conn.rollback()
            if unsafe is None:
                raise
            change = named(changes, unsafe[1])
            if change is None or change in early or not change.additive:
                raise CheckFailed(
                    f"{what} uses enum value {quote_literal(unsafe[0])} of {unsafe[1]} in the "
                    "transaction that adds it, which PostgreSQL refuses; use it in a later "
                    "version") from None
            early.append(change)

