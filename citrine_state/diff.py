"""Schema comparison: inspect two databases with schemainspect and diff them with migra.

Only the managed schemas are compared. Extensions named as ignored, extension versions, the
engine's ledger and archive schemas and anything outside the managed schemas never count as
drift. Inspection is a separate step from comparison, so an expected inspection can be reused.

migra (and schemainspect) ignore column comments, but they are part of a version's schema (a
release may add a column with one, and the snapshot carries it). So ``inspect`` also reads them
(``column_comments``), and ``compare`` reports a missing, unexpected or different comment of a
column that both sides have, with the COMMENT ON statement that reconciles it after migra's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Inspector attributes that hold schema objects, and the word we use for each in reports.
from .sqltext import qualified, quote_literal

KINDS = {
    "schemas": "schema",
    "enums": "type",
    "tables": "table",
    "views": "view",
    "sequences": "sequence",
    "constraints": "constraint",
    "indexes": "index",
    "functions": "function",
    "triggers": "trigger",
    "extensions": "extension",
    "collations": "collation",
    "rlspolicies": "policy",
}
_OTHER_PROPS = ("relations", "selectables", "privileges")


@dataclass(frozen=True)
class Scope:
    """What a comparison looks at."""

    managed_schemas: tuple[str, ...] = ("public",)
    ignored_extensions: tuple[str, ...] = ()
    # Bookkeeping tables that live among the managed ones but are not part of any version.
    ignored_tables: tuple[str, ...] = ("SequelizeMeta",)

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Scope:
        return cls(
            managed_schemas=tuple(settings["managed_schemas"]),
            ignored_extensions=tuple(settings["ignored_extensions"]),
        )


def inspect(connection: Any, scope: Scope) -> Any:
    """A schemainspect inspection of the connection's database, cut down to the scope.

    ``connection`` may be inside an open transaction: the inspection then sees its changes.
    """
    from .inspectload import load

    inspected = load().get_inspector(connection)
    managed = set(scope.managed_schemas)
    ignored_ext = set(scope.ignored_extensions)
    for prop in (*KINDS, *_OTHER_PROPS):
        items = getattr(inspected, prop)
        if prop == "extensions":
            kept = {k: v for k, v in items.items() if v.name not in ignored_ext}
        elif prop == "schemas":
            kept = {k: v for k, v in items.items() if v.schema in managed}
        else:
            kept = {
                k: v
                for k, v in items.items()
                if getattr(v, "schema", None) in managed and not _ignored_table(v, scope)
            }
        setattr(inspected, prop, kept)
    inspected.column_comments = _column_comments(connection, scope)
    return inspected


def _column_comments(connection: Any, scope: Scope) -> dict[tuple[str, str, str], str]:
    """(schema, table, column) -> comment, for the managed schemas' tables and views."""
    rows = connection.exec_driver_sql(
        "SELECT n.nspname, c.relname, a.attname, d.description "
        "FROM pg_description d "
        "JOIN pg_class c ON c.oid = d.objoid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid "
        "WHERE d.classoid = 'pg_class'::regclass AND d.objsubid > 0 "
        "AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
        "AND n.nspname = ANY(%(schemas)s)",
        {"schemas": list(scope.managed_schemas)},
    )
    return {(str(r[0]), str(r[1]), str(r[2])): str(r[3]) for r in rows
            if r[1] not in scope.ignored_tables}


def _ignored_table(item: Any, scope: Scope) -> bool:
    """Is ``item`` an ignored table, or a constraint, index or sequence that belongs to one?"""
    table = getattr(item, "table_name", None)
    if table is None and getattr(item, "relationtype", None) is not None:
        table = item.name  # the table (or view) itself
    return table in scope.ignored_tables


@dataclass(frozen=True)
class Difference:
    kind: str
    name: str
    change: str  # missing (expected, absent) | unexpected (present, not expected) | different
    #              | column order (same columns, another order)

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "change": self.change}


@dataclass
class SchemaDiff:
    """How the live schema differs from the expected one, and the SQL that would reconcile it."""

    differences: list[Difference] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)

    @property
    def in_sync(self) -> bool:
        return not self.differences and not self.statements

    @property
    def sql(self) -> str:
        return "\n".join(self.statements)

    def as_dict(self) -> dict[str, Any]:
        return {
            "in_sync": self.in_sync,
            "differences": [d.as_dict() for d in self.differences],
            "sql": self.statements,
        }


def compare(live: Any, expected: Any) -> SchemaDiff:
    """Compare two inspections (see ``inspect``): what differs, and SQL to turn live into
    expected."""
    from .inspectload import load

    load()  # before migra imports it the slow way
    from migra import Migration

    differences: list[Difference] = []
    for prop, kind in KINDS.items():
        have, want = getattr(live, prop), getattr(expected, prop)
        for key in sorted(set(want) - set(have)):
            differences.append(Difference(kind, _name(key), "missing"))
        for key in sorted(set(have) - set(want)):
            differences.append(Difference(kind, _name(key), "unexpected"))
        for key in sorted(set(have) & set(want)):
            if not _same(prop, have[key], want[key]):
                differences.append(Difference(kind, _name(key), "different"))
            elif prop == "tables" and list(have[key].columns) != list(want[key].columns):
                # Same columns, another order: migra has no statement for it, but fresh and
                # upgraded databases must match column for column.
                differences.append(Difference(kind, _name(key), "column order"))
    migration = Migration(live, expected, ignore_extension_versions=True)
    migration.set_safety(False)
    migration.add_all_changes()
    statements = retype_before_default([s.strip() for s in migration.statements if s.strip()])
    comment_differences, comment_statements = _compare_comments(live, expected)
    return SchemaDiff(differences=differences + comment_differences,
                      statements=statements + comment_statements)


_ALTER_COLUMN = re.compile(
    r'^alter table (\S+) alter column ("(?:[^"]|"")*"|\S+) '
    r'(set default|drop default|set data type)\b', re.I)


def column_change(statement: str) -> tuple[tuple[str, str], str] | None:
    """((table, column), "set default" | "drop default" | "set data type") of a migra ALTER
    COLUMN statement that changes a default or a type."""
    match = _ALTER_COLUMN.match(statement.strip())
    return ((match[1], match[2]), match[3].lower()) if match else None


def retyped_columns(statements: list[str]) -> set[tuple[str, str]]:
    """The (table, column) pairs whose type the statements change."""
    return {change[0] for s in statements
            if (change := column_change(s)) and change[1] == "set data type"}


def retype_before_default(statements: list[str]) -> list[str]:
    """migra's statements, with a new default of a column whose type changes set after the
    type change (migra sets it first, which fails when the new default is not of the old type:
    an enum column that becomes varchar with a varchar default). The old default is dropped
    before the type change, so that it cannot stand in the way either."""
    retyped = retyped_columns(statements)
    moved = {change[0]: s for s in statements
             if (change := column_change(s)) and change[1] == "set default"
             and change[0] in retyped}
    if not moved:
        return statements
    out: list[str] = []
    for statement in statements:
        change = column_change(statement)
        if change and change[1] == "set default" and change[0] in moved:
            continue
        if change and change[1] == "set data type" and change[0] in moved:
            table, column = change[0]
            out.append(f"alter table {table} alter column {column} drop default;")
            out.append(statement)
            out.append(moved[change[0]])
            continue
        out.append(statement)
    return out


def _has_column(inspected: Any, key: tuple[str, str, str]) -> bool:
    table = inspected.tables.get(qualified(key[0], key[1]))
    return table is not None and key[2] in table.columns


def _compare_comments(live: Any, expected: Any) -> tuple[list[Difference], list[str]]:
    """Column comments that differ, and the COMMENT ON statements that make live's expected's.

    A comment counts as a difference where both sides have the column (elsewhere the column
    itself differs); a statement is also made for a column that migra's statements create."""
    have, want = live.column_comments, expected.column_comments
    differences: list[Difference] = []
    statements: list[str] = []
    for key in sorted(set(have) | set(want)):
        old, new = have.get(key), want.get(key)
        if old == new or not _has_column(expected, key):
            continue  # the same, or the column goes (migra drops it, comment and all)
        name = qualified(*key)
        if _has_column(live, key):
            change = "missing" if old is None else "unexpected" if new is None else "different"
            differences.append(Difference("comment", name, change))
        value = "NULL" if new is None else quote_literal(new)
        statements.append(f"comment on column {name} is {value};")
    return differences, statements


def _same(prop: str, a: Any, b: Any) -> bool:
    if prop == "extensions":
        return a.unversioned_copy() == b.unversioned_copy()
    return bool(a == b)


def _name(key: Any) -> str:
    return key if isinstance(key, str) else str(key)
