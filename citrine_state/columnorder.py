"""Putting columns back in their old place: PostgreSQL only appends columns.

A down that gives back a column an up dropped must give it back where it was, or the schema
differs from the older version's in column order (``pg_dump`` and migra see it). This re-creates
the column that should follow the new ones, and every column after it, behind them, keeping
what they hold and what hangs on them. Every statement goes through ``db.run_statement``, so a
dry run shows each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .db import run_statement
from .sqltext import quote_ident, quote_literal

# The column ``before`` and every column after it, with what re-creating them must keep.
_TAIL = """
SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS dflt,
       col_description(a.attrelid, a.attnum) AS comment,
       a.attidentity <> '' OR a.attgenerated <> '' AS special,
       CASE WHEN a.attcollation <> t.typcollation
            THEN quote_ident(n.nspname) || '.' || quote_ident(c.collname) END AS coll
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation c ON c.oid = a.attcollation
LEFT JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE a.attrelid = CAST(:rel AS regclass) AND NOT a.attisdropped AND a.attnum >=
      (SELECT attnum FROM pg_attribute
       WHERE attrelid = CAST(:rel AS regclass) AND attname = :before AND NOT attisdropped)
ORDER BY a.attnum"""

# Constraints on those columns, and foreign keys of any table that point at them.
_CONSTRAINTS = """
SELECT conrelid::regclass::text AS rel, quote_ident(conname) AS name,
       pg_get_constraintdef(oid) AS def, contype
FROM pg_constraint
WHERE (conrelid = CAST(:rel AS regclass) AND conkey && CAST(:nums AS int2[]))
   OR (contype = 'f' AND confrelid = CAST(:rel AS regclass)
       AND confkey && CAST(:nums AS int2[]))
ORDER BY contype = 'f', oid"""

# Indexes on those columns that no constraint owns (a constraint brings its own back).
_INDEXES = """
SELECT DISTINCT quote_ident(ns.nspname) || '.' || quote_ident(ic.relname) AS name,
       pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace ns ON ns.oid = ic.relnamespace
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid
                AND d.refobjid = i.indrelid AND d.refobjsubid = ANY(:nums)
WHERE i.indrelid = CAST(:rel AS regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)"""

# Sequences those columns own (serial columns).
_SEQUENCES = """
SELECT d.objid::regclass::text AS seq, a.attname
FROM pg_depend d
JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_class'::regclass AND d.refobjid = CAST(:rel AS regclass)
  AND d.refobjsubid = ANY(:nums) AND d.deptype = 'a'"""

_MOVING = "__citrine_moving"


def insert_columns(conn: Connection, table: str, before: str,
                   columns: Sequence[tuple[str, str]]) -> None:
    """Add ``columns`` ((name, SQL type), all NULL) to ``table`` (as SQL: ``"Tenants"`` or
    ``public."Tenants"``) just before its column ``before``.

    ``before`` and every column after it are re-created behind the new ones with their values
    (one table rewrite, no triggers fired), defaults, NOT NULL, comments, collations, owned
    sequences, constraints, indexes and the foreign keys of other tables that reference them.
    Identity and generated columns cannot be moved this way and are refused."""
    tail = conn.execute(sa.text(_TAIL), {"rel": table, "before": before}).mappings().all()
    if not tail:
        raise ValueError(f"{table} has no column {before}")
    if any(c["special"] for c in tail):
        raise ValueError(f"{table}: cannot move identity or generated columns")
    nums = [int(c["attnum"]) for c in tail]
    found = {"rel": table, "nums": nums}
    constraints = conn.execute(sa.text(_CONSTRAINTS), found).mappings().all()
    indexes = conn.execute(sa.text(_INDEXES), found).mappings().all()
    sequences = conn.execute(sa.text(_SEQUENCES), found).mappings().all()
    for statement in _statements(table, columns, tail, constraints, indexes, sequences):
        run_statement(conn, statement)


def _statements(table: str, columns: Sequence[tuple[str, str]], tail: Sequence[Any],
                constraints: Sequence[Any], indexes: Sequence[Any],
                sequences: Sequence[Any]) -> list[str]:
    """The statements that put ``columns`` before ``tail``, in the order they must run."""
    def moving(name: str) -> str:
        return quote_ident(f"{name[:40]}{_MOVING}")

    def typed(c: Any) -> str:
        return c["type"] + (f" COLLATE {c['coll']}" if c["coll"] else "")

    out: list[str] = []
    # Foreign keys first: they may depend on a unique key that goes next.
    out += [f"ALTER TABLE {k['rel']} DROP CONSTRAINT {k['name']}" for k in reversed(constraints)]
    out += [f"DROP INDEX {ix['name']}" for ix in indexes]
    out += [f"ALTER SEQUENCE {s['seq']} OWNED BY NONE" for s in sequences]
    adds = [f"ADD COLUMN {quote_ident(name)} {sqltype}" for name, sqltype in columns]
    adds += [f"ADD COLUMN {moving(c['attname'])} {typed(c)}" for c in tail]
    out.append(f"ALTER TABLE {table} " + ", ".join(adds))
    # ALTER COLUMN ... TYPE ... USING copies the values in one rewrite, without firing triggers.
    out.append(f"ALTER TABLE {table} " + ", ".join(
        f"ALTER COLUMN {moving(c['attname'])} TYPE {typed(c)} USING {quote_ident(c['attname'])}"
        for c in tail))
    out.append(f"ALTER TABLE {table} " + ", ".join(
        f"DROP COLUMN {quote_ident(c['attname'])}" for c in tail))
    out += [f"ALTER TABLE {table} RENAME COLUMN {moving(c['attname'])} TO "
            f"{quote_ident(c['attname'])}" for c in tail]
    settings = []
    for c in tail:
        if c["dflt"] is not None:
            settings.append(f"ALTER COLUMN {quote_ident(c['attname'])} SET DEFAULT {c['dflt']}")
        if c["attnotnull"]:
            settings.append(f"ALTER COLUMN {quote_ident(c['attname'])} SET NOT NULL")
    if settings:
        out.append(f"ALTER TABLE {table} " + ", ".join(settings))
    out += [f"COMMENT ON COLUMN {table}.{quote_ident(c['attname'])} IS "
            f"{quote_literal(c['comment'])}" for c in tail if c["comment"] is not None]
    out += [f"ALTER SEQUENCE {s['seq']} OWNED BY {table}.{quote_ident(s['attname'])}"
            for s in sequences]
    out += [f"ALTER TABLE {k['rel']} ADD CONSTRAINT {k['name']} {k['def']}" for k in constraints]
    out += [ix["def"] for ix in indexes]
    return out
