"""Running a consolidated migration: its phases in order, data moves read from the files they
name (checked against their checksums). The runner owns the transaction, the SequelizeMeta and
ledger rows and the verification; nothing here generates or compares schemas."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.engine import Connection

from . import db
from . import steps as steps_mod
from .consolidated_file import PHASES, Consolidated, DataMove
from .errors import Refused, UsageError
from .project import Project, read_text
from .sqltext import quote_ident

_ADD_VALUE = re.compile(r"^\s*alter\s+type\s+\S+\s+add\s+value\b", re.I)


def run_move(conn: Connection, project: Project, move: DataMove) -> None:
    """Run one data move, refusing a file that changed since the migration was generated."""
    path = project.root / move.path
    if not path.is_file():
        raise UsageError(f"data move {move.path} of {move.step} is missing")
    if steps_mod.file_checksum(path) != move.sha256:
        raise UsageError(
            f"data move {move.path} changed since the consolidated migration was generated: "
            "run `citrine-migrate manager batch`"
        )
    archive = str(project.settings["archive_schema"])
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(archive)}")
    db.run_script(conn, read_text(path).replace("{archive}", archive))


def execute(conn: Connection, project: Project, c: Consolidated,
            say: Callable[[str], None] = lambda _: None) -> None:
    """Run every phase on ``conn`` (the caller owns the transaction)."""
    if any(isinstance(item, str) and _ADD_VALUE.match(item) for _, item in c.statements()):
        version = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
        if version < 120000:
            raise Refused(
                f"consolidated migration {c.source} -> {c.target} adds enum values with ALTER "
                "TYPE ... ADD VALUE inside its transaction, which needs PostgreSQL 12 or newer "
                f"(the server is {version // 10000}); nothing ran"
            )
    for phase in PHASES:
        items = c.phases[phase]
        if items:
            say(f"{phase}: {len(items)} item(s)")
        for item in items:
            if isinstance(item, DataMove):
                run_move(conn, project, item)
            else:
                db.run_script(conn, item)
