"""What ran on a database: upstream's ``SequelizeMeta`` and the engine's own ledger.

``"SequelizeMeta"(name)`` is kept exactly as sequelize-cli keeps it (upstream step names with
their extension, one row per step), so CitrineOS's own runner and this one agree about what ran.
The engine's ledger (schema ``citrine_state`` by default) records every applied step, snapshot,
consolidated migration and batch with its checksum, who ran it, when and for how long.
"""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .sqltext import qualified, quote_ident

SEQUELIZE_META = "SequelizeMeta"
KNOWN_EXTENSIONS = (".ts", ".js")




def base_name(meta_name: str) -> str:
    """``20250430103000-initial.ts`` -> ``20250430103000-initial`` (also for .js)."""
    for ext in KNOWN_EXTENSIONS:
        if meta_name.endswith(ext):
            return meta_name[: -len(ext)]
    return meta_name


# --- SequelizeMeta ------------------------------------------------------------------------------


def sequelize_meta_exists(conn: Connection, schema: str = "public") -> bool:
    found = conn.execute(
        sa.text("SELECT to_regclass(:name) IS NOT NULL"),
        {"name": f"{qualified(schema, SEQUELIZE_META)}"},
    ).scalar()
    return bool(found)


def ensure_sequelize_meta(conn: Connection, schema: str = "public") -> None:
    """Create the table as sequelize-cli does: ``name varchar(255)`` primary key."""
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {qualified(schema, SEQUELIZE_META)} "
        f"(name character varying(255) NOT NULL PRIMARY KEY)"
    )


def sequelize_names(conn: Connection, schema: str = "public") -> list[str]:
    if not sequelize_meta_exists(conn, schema):
        return []
    rows = conn.exec_driver_sql(
        f"SELECT name FROM {qualified(schema, SEQUELIZE_META)} ORDER BY name"
    )
    return [row[0] for row in rows]


def record_sequelize(conn: Connection, steps: list[str], extension: str,
                     schema: str = "public") -> None:
    """Give each step (base name) the row ``step + extension`` unless it has it; rows another
    runner wrote (the other extension) are kept, as upstream's runners keep them."""
    ensure_sequelize_meta(conn, schema)
    present = set(sequelize_names(conn, schema))
    missing = [{"n": step + extension} for step in dict.fromkeys(steps)
               if step + extension not in present]
    if missing:
        conn.execute(
            sa.text(f"INSERT INTO {qualified(schema, SEQUELIZE_META)} (name) VALUES (:n)"),
            missing,
        )


def forget_sequelize(conn: Connection, step: str, schema: str = "public") -> None:
    if sequelize_meta_exists(conn, schema):
        conn.execute(
            sa.text(
                f"DELETE FROM {qualified(schema, SEQUELIZE_META)} "
                "WHERE name = :a OR name = :b OR name = :c"
            ),
            {"a": step, "b": step + ".ts", "c": step + ".js"},
        )


# --- the engine's ledger ------------------------------------------------------------------------

LEDGER_TABLE = "applied"


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str  # one of KINDS
    version: str | None
    checksum: str | None
    applied_at: datetime
    duration_ms: int
    applied_by: str
    batch: str | None
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["applied_at"] = self.applied_at.isoformat()
        return data


def ledger_exists(conn: Connection, schema: str) -> bool:
    found = conn.execute(
        sa.text("SELECT to_regclass(:name) IS NOT NULL"),
        {"name": f"{qualified(schema, LEDGER_TABLE)}"},
    ).scalar()
    return bool(found)


# What a ledger row records. ``repaired``: not a step; the engine moved sequences that lagged
# behind their column (its note says which), name ``sequences``. ``started``: an online step
# whose transaction committed while its online parts (indexes, validations) and its final
# ``step`` row are still to come; not applied (see ``in_progress``).
KINDS = ("step", "snapshot", "consolidated", "batch", "adopted", "reverted", "repaired",
         "started")
_KIND_CHECK = "kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")"


def ensure_ledger(conn: Connection, schema: str) -> None:
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(schema)}")
    conn.exec_driver_sql(
        f"""
        CREATE TABLE IF NOT EXISTS {qualified(schema, LEDGER_TABLE)} (
            id          bigserial PRIMARY KEY,
            name        text NOT NULL,
            kind        text NOT NULL CONSTRAINT applied_kind_check CHECK ({_KIND_CHECK}),
            version     text,
            checksum    text,
            applied_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
            duration_ms integer NOT NULL DEFAULT 0,
            applied_by  text NOT NULL,
            batch       text,
            note        text
        )
        """
    )
    _widen_kinds(conn, schema)


def _widen_kinds(conn: Connection, schema: str) -> None:
    """A ledger made by an earlier version of the engine allows fewer kinds: its CHECK is
    replaced in place (same name, the old kinds still allowed, no row touched)."""
    table = f"{qualified(schema, LEDGER_TABLE)}"
    current = conn.execute(
        sa.text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                "CAST(:t AS regclass) AND conname = 'applied_kind_check'"),
        {"t": table},
    ).scalar()
    if current is None or all(f"'{k}'" in current for k in KINDS):
        return
    conn.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT applied_kind_check, "
                         f"ADD CONSTRAINT applied_kind_check CHECK ({_KIND_CHECK})")


def who() -> str:
    """``user@host`` of the process that runs the migration."""
    try:
        user = getpass.getuser()
    except Exception:
        user = str(os.getuid())
    return f"{user}@{socket.gethostname()}"


def record(
    conn: Connection,
    schema: str,
    *,
    name: str,
    kind: str,
    version: str | None,
    checksum: str | None,
    duration_ms: int = 0,
    batch: str | None = None,
    note: str | None = None,
) -> None:
    record_many(conn, schema, [dict(name=name, kind=kind, version=version, checksum=checksum,
                                    duration_ms=duration_ms, batch=batch, note=note)])


def record_many(conn: Connection, schema: str, rows: list[dict[str, Any]]) -> None:
    """Append ledger rows (keys as ``record``'s arguments) in one round trip."""
    if not rows:
        return
    ensure_ledger(conn, schema)
    by = who()
    conn.execute(
        sa.text(
            f"INSERT INTO {qualified(schema, LEDGER_TABLE)} "
            "(name, kind, version, checksum, duration_ms, applied_by, batch, note) "
            "VALUES (:name, :kind, :version, :checksum, :duration_ms, :who, :batch, :note)"
        ),
        [
            {"duration_ms": 0, "batch": None, "note": None, **row, "who": by}
            for row in rows
        ],
    )


def entries(conn: Connection, schema: str) -> list[Entry]:
    if not ledger_exists(conn, schema):
        return []
    rows = conn.exec_driver_sql(
        "SELECT name, kind, version, checksum, applied_at, duration_ms, applied_by, batch, note "
        f"FROM {qualified(schema, LEDGER_TABLE)} ORDER BY id"
    )
    return [Entry(*row) for row in rows]


def applied_steps(conn: Connection, schema: str) -> dict[str, Entry]:
    """The steps the ledger holds as applied (by a step run, a snapshot install, a consolidated
    migration, a batch or adoption), each with its latest entry."""
    applied: dict[str, Entry] = {}
    for entry in entries(conn, schema):
        if entry.kind == "reverted":
            applied.pop(entry.name, None)
        elif entry.kind in ("step", "snapshot", "consolidated", "batch", "adopted"):
            applied[entry.name] = entry
    return applied


def in_progress(conn: Connection, schema: str) -> dict[str, Entry]:
    """Online steps that started and neither finished nor were undone (killed, or stopped by
    a lock they could not get, between their transaction and their last row): each with its
    ``started`` entry. ``migrate`` goes on with them where they stopped."""
    found: dict[str, Entry] = {}
    for entry in entries(conn, schema):
        if entry.kind == "started":
            found[entry.name] = entry
        elif entry.kind != "repaired":
            found.pop(entry.name, None)
    return found
