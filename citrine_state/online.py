"""Online parts of a step: indexes and constraints on existing tables, built beside traffic.

A step declares them in ``ONLINE`` (a tuple of ``Index``, ``Unique``, ``ForeignKey``,
``Check``); declaring ``ONLINE`` (even empty) also says that the rest of its ``up`` only holds
tables for a catalog change (no rewrite, no scan), so the whole step can run beside traffic.
A step that cannot (a type change that rewrites a table) names those tables in ``WINDOW``
(table: what it does, e.g. ``"rewrite"``), so plans can say a window is needed and for how long.

Each operation has two forms. *Inline*: the plain statements, run at the end of ``up`` in the
step's transaction (custom batches, rollbacks' replays, shadow builds: wherever steps share
one transaction). *Online*: parts that the runner executes after the step's transaction has
committed, each alone, each safe to run again: an index is built ``CONCURRENTLY`` outside any
transaction (an INVALID leftover of a killed or failed build is dropped first), a foreign key
or CHECK is added ``NOT VALID`` (a short lock) and validated in a separate statement
(SHARE UPDATE EXCLUSIVE: writes keep flowing). Each part knows how to tell that it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .sqltext import qualified, quote_ident, quote_literal

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"




@dataclass(frozen=True)
class Part:
    """One statement of an online operation."""

    sql: str
    table: str  # the table it locks (as written in the SQL)
    lock: str  # the strongest table lock it takes
    blocks_writes: bool  # its lock conflicts with INSERT/UPDATE/DELETE: short lock_timeout
    autocommit: bool  # must run outside any transaction (CONCURRENTLY)
    done: str  # SQL expression, true when this part has already happened (a rerun skips it)
    scans: bool = False  # reads every row of ``table``: lasts in proportion to its size

    @property
    def note(self) -> str:
        how = "outside any transaction" if self.autocommit else "in a transaction of its own"
        if self.blocks_writes:
            return (f"online, {how}: {self.lock} on {self.table}, catalog only, under the "
                    "online lock_timeout, retried")
        return f"online, {how}: {self.lock} on {self.table}, writes keep flowing" + (
            "; reads every row" if self.scans else "")


@dataclass(frozen=True)
class Index:
    """``CREATE [UNIQUE] INDEX name ON table using``; ``schema`` is where the index lives
    (its table's schema)."""

    name: str
    table: str  # e.g. public."OCPPMessages"
    using: str  # e.g. USING btree ("requestMessageId")
    unique: bool = False
    schema: str = "public"

    @property
    def qualified(self) -> str:
        return f"{qualified(self.schema, self.name)}"

    def _create(self, concurrently: bool) -> str:
        unique = "UNIQUE " if self.unique else ""
        # inline, an index of that name is kept (a step may run on its own result)
        how = "CONCURRENTLY " if concurrently else "IF NOT EXISTS "
        return f"CREATE {unique}INDEX {how}{quote_ident(self.name)} ON {self.table} {self.using}"

    def inline(self) -> list[str]:
        return [self._create(False)]

    def parts(self) -> list[Part]:
        exists = f"to_regclass('{self.qualified}')"
        return [
            # a killed or failed concurrent build leaves an INVALID index: gone before a rebuild
            Part(f"DROP INDEX CONCURRENTLY IF EXISTS {self.qualified}", self.table,
                 SHARE_UPDATE_EXCLUSIVE, False, True,
                 f"NOT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = {exists} "
                 "AND NOT (indisvalid AND indisready))"),
            Part(self._create(True), self.table, SHARE_UPDATE_EXCLUSIVE, False, True,
                 f"{exists} IS NOT NULL", scans=True),
        ]

    def undo(self) -> list[Part]:
        return [Part(f"DROP INDEX CONCURRENTLY IF EXISTS {self.qualified}", self.table,
                     SHARE_UPDATE_EXCLUSIVE, False, True, "false")]

    def violations(self) -> str | None:
        return None


def _constraint_exists(table: str, name: str, validated: bool = False) -> str:
    extra = " AND convalidated" if validated else ""
    return (f"EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = "
            f"to_regclass({quote_literal(table)}) AND conname = {quote_literal(name)}{extra})")


def _drop_constraint(table: str, name: str) -> Part:
    return Part(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {quote_ident(name)}", table,
                ACCESS_EXCLUSIVE, True, False, "false")


def _not_valid_then_validate(table: str, name: str, definition: str, lock: str) -> list[Part]:
    """A constraint added ``NOT VALID`` (catalog only, under ``lock``), then validated under
    SHARE UPDATE EXCLUSIVE, so the scan of the rows lets writes through."""
    return [
        Part(f"ALTER TABLE {table} ADD CONSTRAINT {quote_ident(name)} {definition} NOT VALID",
             table, lock, True, False, _constraint_exists(table, name)),
        Part(f"ALTER TABLE {table} VALIDATE CONSTRAINT {quote_ident(name)}", table,
             SHARE_UPDATE_EXCLUSIVE, False, False,
             _constraint_exists(table, name, validated=True), scans=True),
    ]


@dataclass(frozen=True)
class Unique:
    """``ALTER TABLE table ADD CONSTRAINT name UNIQUE columns``; online: the unique index is
    built concurrently, then attached as the constraint (a catalog change)."""

    name: str
    table: str
    columns: str  # e.g. ("certificateFileHash")
    schema: str = "public"

    def _index(self) -> Index:
        return Index(self.name, self.table, f"USING btree {self.columns}", True, self.schema)

    def inline(self) -> list[str]:
        return [f"ALTER TABLE {self.table} ADD CONSTRAINT {quote_ident(self.name)} UNIQUE "
                f"{self.columns}"]

    def parts(self) -> list[Part]:
        attach = Part(f"ALTER TABLE {self.table} ADD CONSTRAINT {quote_ident(self.name)} UNIQUE "
                      f"USING INDEX {quote_ident(self.name)}", self.table, ACCESS_EXCLUSIVE, True,
                      False, _constraint_exists(self.table, self.name))
        index = self._index().parts()
        # once attached, the index is the constraint's: nothing to drop or build
        guarded = [Part(p.sql, p.table, p.lock, p.blocks_writes, p.autocommit,
                        f"({attach.done}) OR ({p.done})", p.scans) for p in index]
        return [*guarded, attach]

    def undo(self) -> list[Part]:
        return [_drop_constraint(self.table, self.name), *self._index().undo()]

    def violations(self) -> str | None:
        return None


@dataclass(frozen=True)
class ForeignKey:
    """``ALTER TABLE table ADD CONSTRAINT name FOREIGN KEY (columns) REFERENCES references
    (ref_columns) actions``."""

    name: str
    table: str
    columns: tuple[str, ...]
    references: str
    ref_columns: tuple[str, ...]
    actions: str = ""

    def _definition(self) -> str:
        cols = ", ".join(quote_ident(c) for c in self.columns)
        refs = ", ".join(quote_ident(c) for c in self.ref_columns)
        actions = f" {self.actions}" if self.actions else ""
        return f"FOREIGN KEY ({cols}) REFERENCES {self.references}({refs}){actions}"

    def inline(self) -> list[str]:
        return [f"ALTER TABLE {self.table} ADD CONSTRAINT {quote_ident(self.name)} "
                f"{self._definition()}"]

    def parts(self) -> list[Part]:
        return _not_valid_then_validate(self.table, self.name, self._definition(),
                                        SHARE_ROW_EXCLUSIVE)

    def undo(self) -> list[Part]:
        return [_drop_constraint(self.table, self.name)]

    def violations(self) -> str | None:
        """The rows that break the key: every column set, no referenced row."""
        match = " AND ".join(f"r.{quote_ident(rc)} = t.{quote_ident(c)}"
                             for c, rc in zip(self.columns, self.ref_columns, strict=True))
        given = " AND ".join(f"t.{quote_ident(c)} IS NOT NULL" for c in self.columns)
        return (f"FROM {self.table} AS t WHERE {given} AND NOT EXISTS "
                f"(SELECT 1 FROM {self.references} AS r WHERE {match})")


@dataclass(frozen=True)
class Check:
    """``ALTER TABLE table ADD CONSTRAINT name CHECK (expression)``."""

    name: str
    table: str
    expression: str

    def inline(self) -> list[str]:
        return [f"ALTER TABLE {self.table} ADD CONSTRAINT {quote_ident(self.name)} CHECK "
                f"({self.expression})"]

    def parts(self) -> list[Part]:
        return _not_valid_then_validate(self.table, self.name, f"CHECK ({self.expression})",
                                        ACCESS_EXCLUSIVE)

    def undo(self) -> list[Part]:
        return [_drop_constraint(self.table, self.name)]

    def violations(self) -> str | None:
        return f"FROM {self.table} AS t WHERE ({self.expression}) IS FALSE"


Operation = Index | Unique | ForeignKey | Check


def declared(module: ModuleType) -> tuple[Operation, ...]:
    """The online operations a step module declares (none: an empty tuple)."""
    return tuple(getattr(module, "ONLINE", None) or ())


def is_online(module: ModuleType) -> bool:
    """Whether the step says it can run beside traffic (it declares ``ONLINE``)."""
    return getattr(module, "ONLINE", None) is not None


def window(module: ModuleType) -> dict[str, str]:
    """What a step that cannot run online does to which existing table (``WINDOW``)."""
    return {str(k): str(v) for k, v in dict(getattr(module, "WINDOW", None) or {}).items()}


def run_inline(conn: Any, ops: tuple[Operation, ...]) -> None:
    """The plain statements of ``ops``, on the caller's transaction."""
    for op in ops:
        for sql in op.inline():
            conn.exec_driver_sql(sql)
