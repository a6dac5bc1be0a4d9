"""The migration lock: a session advisory lock, so two runners never interleave.

It is taken with ``pg_try_advisory_lock`` and polled (never a blocking wait that nobody can
interrupt), and PostgreSQL releases it by itself when the session ends, also when the runner is
killed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .errors import LockTimeout

# "citrine-state" as a stable 63-bit key; both halves show in pg_locks (classid, objid).
LOCK_KEY = 0x6369_7472_696E_6573


def _halves() -> tuple[int, int]:
    return LOCK_KEY >> 32, LOCK_KEY & 0xFFFFFFFF


def holder(conn: Connection) -> str | None:
    """Who holds the lock: pid, role, application, client and since when."""
    high, low = _halves()
    row = conn.execute(
        sa.text(
            """
            SELECT a.pid, a.usename, a.application_name, a.client_addr,
                   date_trunc('second', a.backend_start) AS since
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND l.classid = :high AND l.objid = :low AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """
        ),
        {"high": high, "low": low},
    ).first()
    if row is None:
        return None
    pid, user, app, addr, since = row
    where = f" from {addr}" if addr else ""
    return f"pid {pid}, role {user}, {app or 'unknown application'}{where}, connected {since}"


def try_acquire(conn: Connection) -> bool:
    got = bool(conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar())
    conn.commit()  # the lock is session-level; end the implicit transaction
    return got


def acquire(
    conn: Connection,
    timeout: float,
    poll: float = 0.2,
    on_wait: Callable[[str], None] | None = None,
) -> None:
    """Take the lock, waiting at most ``timeout`` seconds; LockTimeout names the holder."""
    deadline = time.monotonic() + timeout
    told = False
    while not try_acquire(conn):
        who = holder(conn) or "a session that has just ended"
        conn.commit()
        if time.monotonic() >= deadline:
            raise LockTimeout(
                f"another runner holds the migration lock ({who}); gave up after {timeout:g}s "
                "(--lock-wait to wait longer)"
            )
        if not told and on_wait is not None:
            on_wait(f"waiting for the migration lock, held by {who} ...")
            told = True
        time.sleep(poll)


def release(conn: Connection) -> None:
    if conn.closed or conn.invalidated:
        return
    if conn.in_transaction():
        conn.rollback()
    conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
    conn.commit()
