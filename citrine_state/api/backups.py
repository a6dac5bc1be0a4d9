"""A checked backup, named for the version the ledger records: what ``backup``, ``--backup`` on
the writing commands, and the baseline's guard take before anything is dropped."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from .. import backup as backup_mod
from .. import db, ledger
from ..backup import BackupResult
from ..progress import Say, quiet
from ..project import Project
from ..status import version_with_exactly

BACKUP_DIR = "backups"


def ledger_version(url: URL, project: Project) -> str | None:
    with db.connect(url) as conn:
        applied = set(ledger.applied_steps(conn, project.settings["ledger_schema"]))
        conn.rollback()
    version = version_with_exactly(project, applied)
    return version.name if version else None


def backup(
    project: Project,
    url: URL,
    output_dir: str | Path | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
) -> BackupResult:
    """``pg_dump -Fc`` of the database into ``output_dir`` (default ``<project>/backups``),
    named ``<database>-<version>-<UTC time>.dump`` (version: what the ledger records exactly,
    else ``unversioned``), mode 0600, checked with ``pg_restore --list``. What ``--backup`` on
    the writing commands calls first."""
    version = ledger_version(url, project) or "unversioned"
    folder = Path(output_dir).expanduser() if output_dir else project.root / BACKUP_DIR
    return backup_mod.take(url, folder, version, lock_wait=lock_wait, say=say)
