"""One row in every table that has a serial sequence, inserted with an explicit id past the
sequence, as a data-only import or an application that sets ids itself leaves them.

``fill_past_sequences(conn)`` works on whatever schema ``public`` holds (it reads the catalog):
for each table with an owned sequence, one row whose serial column is 100 past both the
table's max and the sequence, every other NOT NULL column a plain value of its type, NOT NULL
foreign keys pointing at a row of the parent (made first when the parent has none), nullable
foreign keys NULL. Afterwards every such sequence lags behind its column.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

SEQUENCED = """
SELECT t.relname, a.attname
FROM pg_depend d
JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_class t ON t.oid = d.refobjid AND t.relkind = 'r'
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
  AND d.deptype IN ('a', 'i') AND t.relnamespace = 'public'::regnamespace
ORDER BY 1
"""

COLUMNS = """
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       a.atthasdef, t.typtype, a.atttypid
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = CAST(:rel AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""

FOREIGN_KEYS = """
SELECT c.confrelid::regclass::text,
       array(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY o),
       array(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY o)
FROM pg_constraint c
WHERE c.contype = 'f' AND c.conrelid = CAST(:rel AS regclass)
"""


_SERIAL = itertools.count(1)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(conn: Connection, type_name: str, typtype: str, typid: int) -> Any:
    if typtype == "e":
        return conn.execute(sa.text(
            "SELECT enumlabel FROM pg_enum WHERE enumtypid = :t ORDER BY enumsortorder LIMIT 1"),
            {"t": typid}).scalar_one()
    if type_name.endswith("[]"):
        return "{}"
    if type_name in ("integer", "bigint", "smallint"):
        return 7000 + next(_SERIAL)  # distinct on every call, as the text values
    if type_name.startswith(("numeric", "real", "double")):
        return 1.5
    if type_name == "boolean":
        return False
    if type_name.startswith(("timestamp", "date")):
        return "2025-06-01 10:00:00+00"
    if type_name in ("json", "jsonb"):
        return "{}"
    if type_name.startswith("geometry"):
        return "SRID=4326;POINT(1 2)"
    # distinct on every call, so that unique keys (stationId, key) hold when filled twice
    text = f"f{next(_SERIAL)}"
    length = re.search(r"\((\d+)\)$", type_name)
    return text[-int(length.group(1)):] if length else text


def _row_of(conn: Connection, table: str, made: dict[str, dict[str, Any]],
            columns: list[str]) -> dict[str, Any]:
    """Values of ``columns`` from some row of ``table`` (a new one if it has none)."""
    row = conn.execute(sa.text(
        f"SELECT {', '.join(_q(c) for c in columns)} FROM {table} LIMIT 1")).first()
    if row is None:
        made_row = _insert(conn, table, made, None)
        return {c: made_row[c] for c in columns}
    return dict(zip(columns, row, strict=True))


def _insert(conn: Connection, table: str, made: dict[str, dict[str, Any]],
            serial: str | None) -> dict[str, Any]:
    columns = conn.execute(sa.text(COLUMNS), {"rel": table}).all()
    fks = conn.execute(sa.text(FOREIGN_KEYS), {"rel": table}).all()
    values: dict[str, Any] = {}
    notnull = {name for name, _t, nn, _d, _tt, _id in columns if nn}
    for parent, cols, refcols in fks:
        if not set(cols) & notnull or parent == table:
            continue
        ref = _row_of(conn, parent, made, list(refcols))
        values.update({c: ref[r] for c, r in zip(cols, refcols, strict=True)})
    if serial is not None:
        sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": table, "c": serial}).scalar_one()
        top = conn.execute(sa.text(
            f"SELECT GREATEST(COALESCE(max({_q(serial)}), 0),"
            f" (SELECT last_value FROM {sequence})) FROM {table}")).scalar_one()
        values[serial] = int(top) + 100
    for name, type_name, nn, hasdef, typtype, typid in columns:
        if name in values or not nn or hasdef:
            continue
        values[name] = _value(conn, type_name, typtype, typid)
    cols = list(values)
    conn.execute(sa.text(
        f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) "
        f"VALUES ({', '.join(f':v{i}' for i in range(len(cols)))})"),
        {f"v{i}": values[c] for i, c in enumerate(cols)})
    made[table] = values
    return values


def fill_past_sequences(conn: Connection) -> list[str]:
    """Insert the rows (the caller commits); returns the tables filled."""
    made: dict[str, dict[str, Any]] = {}
    filled = []
    for table, column in conn.execute(sa.text(SEQUENCED)).all():
        _insert(conn, f"public.{_q(table)}", made, column)
        filled.append(table)
    return filled
