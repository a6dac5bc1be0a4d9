"""Schema comparison: inspect two databases with schemainspect and diff them with migra.

Only the managed schemas are compared. Extensions named as ignored, extension versions, the
engine's ledger and archive schemas and anything outside the managed schemas never count as
drift. Inspection is a separate step from comparison, so an expected inspection can be reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Inspector attributes that hold schema objects, and the word we use for each in reports.
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
    return inspected


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
    statements = [s.strip() for s in migration.statements if s.strip()]
    return SchemaDiff(differences=differences, statements=statements)


def _same(prop: str, a: Any, b: Any) -> bool:
    if prop == "extensions":
        return a.unversioned_copy() == b.unversioned_copy()
    return bool(a == b)


def _name(key: Any) -> str:
    return key if isinstance(key, str) else str(key)
