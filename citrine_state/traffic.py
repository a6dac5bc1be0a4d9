"""Before a run: can the pending steps run beside traffic, and how long will each table be held?

Read from what each step declares (``ONLINE`` operations, or the ``WINDOW`` tables it rewrites;
see ``online``) and the size of each table in the live database (``pg_class.reltuples``, the
planner's row estimate, and ``pg_total_relation_size``). The durations are estimates at stated
rates, measured on the 2-core development machine (an index on 3M OCPP messages and the check
of a foreign key over them: about 1.5 s together); a faster server takes less.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import online
from .project import Project
from .sqltext import quote_ident
from .steps import Step, load_step

SCAN_ROWS_PER_SECOND = 2_000_000  # an index build or a constraint validation, reading each row
REWRITE_BYTES_PER_SECOND = 50 * 1024 * 1024  # a table rewritten with its indexes
RESTORE_ROWS_PER_SECOND = 250_000  # archived rows an up writes back (an UPDATE ... FROM)
CATALOG_ONLY = 0.1  # seconds: what a step may add to its short lock and still run online
BYTES_PER_ROW = 100  # for a table never analyzed: rows guessed from its size
RATES = (f"scans {SCAN_ROWS_PER_SECOND / 1e6:g}M rows/s, rewrites "
         f"{REWRITE_BYTES_PER_SECOND // (1024 * 1024)} MB/s, restores "
         f"{RESTORE_ROWS_PER_SECOND // 1000}k rows/s, from pg_class.reltuples and "
         "pg_total_relation_size")


def _size(conn: Connection, table: str) -> tuple[int, int, bool] | None:
    """(rows, bytes, analyzed) of ``table``; None when it does not exist (yet)."""
    name = table if ("." in table or '"' in table) else quote_ident(table)
    row = conn.execute(sa.text(
        "SELECT c.reltuples::bigint, pg_total_relation_size(c.oid), pg_relation_size(c.oid) "
        "FROM pg_class c WHERE c.oid = to_regclass(:t)"), {"t": name}).first()
    if row is None:
        return None
    tuples, total, heap = int(row[0]), int(row[1]), int(row[2])
    if tuples < 0:  # never analyzed (PostgreSQL 14+)
        return heap // BYTES_PER_ROW, total, False
    return tuples, total, True


def _seconds(value: float) -> str:
    return "< 0.1 s" if value < 0.1 else f"~{value:.1f} s"


def _what(table: str, size: tuple[int, int, bool] | None) -> str:
    if size is None:
        return f"{table} (made by an earlier pending step: empty)"
    rows, total, analyzed = size
    guess = "" if analyzed else ", not analyzed: rows guessed from its size"
    return f"{table} ({rows} rows, {total // 1024} kB{guess})"


def _restores(conn: Connection, project: Project, step: Step) -> list[dict[str, Any]]:
    """The archived rows (``<archive>."<step timestamp>_..."``, what an earlier run of the
    step's ``down`` kept) that its ``up`` writes back inside its transaction, while it holds
    the tables it alters: a large archive turns an online step into one that needs a window."""
    archive = project.settings["archive_schema"]
    names = conn.execute(sa.text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s AND c.relkind = 'r' AND starts_with(c.relname, :p) "
        "ORDER BY 1"), {"s": archive, "p": f"{step.name[:14]}_"}).scalars().all()
    found = []
    for name in names:
        table = f"{archive}.{quote_ident(name)}"  # settings: a lower-case name
        size = _size(conn, table)
        seconds = (size[0] if size else 0) / RESTORE_ROWS_PER_SECOND
        verdict = ("no writes to them meanwhile: plan a window" if seconds >= CATALOG_ONLY
                   else "within its short lock")
        found.append({"table": table, "lock": online.ACCESS_EXCLUSIVE, "seconds": seconds,
                      "blocks_writes": True,
                      "text": f"ACCESS EXCLUSIVE on the tables it alters while it puts back "
                              f"the archived {_what(table, size)}, {_seconds(seconds)}, "
                              f"{verdict}"})
    return found


def assess(conn: Connection, project: Project, pending: list[Step]) -> list[dict[str, Any]]:
    """One entry per pending step: ``online`` (bool), and ``holds``: each table it holds,
    the lock, whether writes wait meanwhile, the estimated seconds, and a line saying it."""
    fast = project.settings["online_lock_timeout"]
    found = []
    for step in pending:
        module = load_step(step)
        holds: list[dict[str, Any]] = []
        if online.is_online(module):
            holds.append({"table": None, "lock": online.ACCESS_EXCLUSIVE, "seconds": 0.0,
                          "blocks_writes": True,
                          "text": "ACCESS EXCLUSIVE on the tables it alters: catalog changes "
                                  f"only, milliseconds, waiting at most {fast} "
                                  "(online_lock_timeout) at a time, retried"})
            restores = _restores(conn, project, step)
            holds.extend(restores)
            for op in online.declared(module):
                for part in op.parts():
                    if not part.scans:
                        continue
                    size = _size(conn, part.table)
                    seconds = (size[0] if size else 0) / SCAN_ROWS_PER_SECOND
                    verb = "builds" if "INDEX" in part.sql.split(" ON ")[0].upper() else \
                        "validates"
                    holds.append({"table": part.table, "lock": part.lock, "seconds": seconds,
                                  "blocks_writes": False,
                                  "text": f"{part.lock} on {_what(part.table, size)}: {verb} "
                                          f"{op.name} {_seconds(seconds)}, writes keep "
                                          "flowing"})
            slow = any(r["seconds"] >= CATALOG_ONLY for r in restores)
            found.append({"step": step.name, "online": not slow, "holds": holds,
                          "rates": RATES})
            continue
        declared = online.window(module)
        for table, what in declared.items():
            size = _size(conn, table)
            rewrite = what.startswith("rewrite")
            seconds = ((size[1] / REWRITE_BYTES_PER_SECOND) if rewrite
                       else (size[0] / SCAN_ROWS_PER_SECOND)) if size else 0.0
            holds.append({"table": table, "lock": online.ACCESS_EXCLUSIVE, "seconds": seconds,
                          "blocks_writes": True,
                          "text": f"ACCESS EXCLUSIVE on {_what(table, size)}: {what}, "
                                  f"{_seconds(seconds)}, no reads or writes meanwhile"})
        if not declared:
            holds.append({"table": None, "lock": online.ACCESS_EXCLUSIVE, "seconds": None,
                          "blocks_writes": True,
                          "text": "not declared online: plan a window (the step does not say "
                                  "which tables it holds)"})
        found.append({"step": step.name, "online": False, "holds": holds, "rates": RATES})
    conn.rollback()
    return found
