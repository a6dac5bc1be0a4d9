"""Serial and identity sequences that lag behind the column they feed, and their repair.

A sequence "lags" when the next value it hands out is already taken in its column: the next
insert that relies on it fails with a duplicate key. Rows inserted with explicit ids (upstream's
default tenant, a data move that keeps old ids, a restore) leave sequences behind. Every write
of the engine repairs them before COMMIT (``runner.transaction``); ``status`` and ``verify``
report them.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .sqltext import quote_ident


@dataclass(frozen=True)
class SequenceLag:
    """A sequence whose next value is already taken in the column it feeds."""

    sequence: str  # qualified, quoted
    table: str  # qualified, quoted
    column: str
    next_value: int
    max_value: int

    @property
    def fix(self) -> str:
        return (f"SELECT setval('{self.sequence}', (SELECT max({quote_ident(self.column)}) "
                f"FROM {self.table}))")

    def describe(self) -> str:
        return (f"{self.sequence} would hand out {self.next_value} next, but {self.table} "
                f"already has ids up to {self.max_value}: the next insert fails with a "
                f"duplicate key. Fix: {self.fix}")

    def as_dict(self) -> dict[str, object]:
        return {"sequence": self.sequence, "table": self.table, "column": self.column,
                "next_value": self.next_value, "max_value": self.max_value, "fix": self.fix}


_OWNED = """
SELECT format('%I.%I', sn.nspname, s.relname), format('%I.%I', tn.nspname, t.relname),
       a.attname
FROM pg_depend d
JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_sequence ps ON ps.seqrelid = s.oid AND ps.seqincrement = 1
JOIN pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_class t ON t.oid = d.refobjid AND t.relkind IN ('r', 'p')
JOIN pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
  AND d.deptype IN ('a', 'i') AND tn.nspname = ANY(:schemas)
  -- a role that may not read one (a monitoring role) skips it, never fails
  -- (CASE: the planner may test rows before the join has kept only sequences)
  AND CASE WHEN s.relkind = 'S' THEN has_sequence_privilege(s.oid, 'SELECT') END
  AND CASE WHEN t.relkind IN ('r', 'p')
           THEN has_column_privilege(t.oid, a.attnum, 'SELECT') END
  AND EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_am am ON am.oid = ic.relam
              WHERE i.indrelid = t.oid AND i.indkey[0] = a.attnum
                AND am.amname = 'btree')
ORDER BY 2, 3
"""


def lags(conn: Connection, schemas: list[str]) -> list[SequenceLag]:
    """Serial and identity sequences of ``schemas`` that lag behind their column.

    Only columns that lead a btree index are read (max() is then one index probe), so this is
    cheap on any table size; all of them are read in one round trip. A database made by
    CitrineOS 1.8.0's own runner has one: the default tenant is inserted with an explicit id
    and "Tenants_id_seq" is left at 1.
    """
    owned = conn.execute(sa.text(_OWNED), {"schemas": list(schemas)}).all()
    if not owned:
        return []
    probes = " UNION ALL ".join(
        f"SELECT {i} AS i, (SELECT max({quote_ident(column)})::bigint FROM {table}) AS top,"
        f" (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END"
        f" FROM {sequence}) AS next"
        for i, (sequence, table, column) in enumerate(owned)
    )
    found: list[SequenceLag] = []
    for i, top, nxt in conn.exec_driver_sql(probes).all():
        if top is not None and nxt <= top:
            sequence, table, column = owned[i]
            found.append(SequenceLag(sequence, table, column, int(nxt), int(top)))
    return found


def repair(conn: Connection, schemas: list[str]) -> list[SequenceLag]:
    """Move every lagging sequence of ``schemas`` just past its column's max (``setval(seq,
    max, true)``): forwards only, a sequence already past its ids is never touched. Runs on
    ``conn`` inside its transaction; returns what it moved."""
    moved = []
    for lag in lags(conn, schemas):
        # A role that may not move it (setval needs UPDATE) leaves it to `status`/`verify`.
        if conn.execute(sa.text("SELECT has_sequence_privilege(CAST(:s AS regclass), 'UPDATE')"),
                        {"s": lag.sequence}).scalar():
            conn.execute(sa.text("SELECT setval(CAST(:s AS regclass), :v, true)"),
                         {"s": lag.sequence, "v": lag.max_value})
            moved.append(lag)
    return moved


def describe_repair(moved: list[SequenceLag]) -> str:
    """One ledger note naming what ``repair`` moved."""
    return "sequence(s) moved past their column's max: " + "; ".join(
        f"{lag.sequence} from {lag.next_value} to {lag.max_value + 1} (max {lag.table}."
        f"{quote_ident(lag.column)} = {lag.max_value})" for lag in moved)
