"""Reading a database without changing it: ``status`` (what it is, and what to run) and
``verify`` (the live schema against a version's snapshot, and the sequences behind their ids)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL

from .. import db, runner
from .. import status as status_mod
from ..diff import SchemaDiff
from ..errors import UsageError
from ..project import Project
from ..status import Status
from ..steps import declared_resolutions as declared_resolutions  # what --resolve may name
from ..verify import verify_connection
from . import history


def status(project: Project, url: URL, shadow_url: str | None = None) -> Status:
    """What the database is: empty, exactly at a version, drifted, or not CitrineOS."""
    with db.connect(url) as conn:
        return status_mod.read(conn, project, url, shadow_url)


@dataclass
class VerifyResult:
    version: str
    source: str  # how the version was chosen
    diff: SchemaDiff
    # Serial sequences behind their ids: not drift (the schema is right), a finding of its own.
    # None: not checked (--schema-only).
    sequences: list[runner.SequenceLag] | None = None

    @property
    def ok(self) -> bool:
        return self.diff.in_sync and not self.sequences

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "version_from": self.source, **self.diff.as_dict(),
                "sequences_behind": None if self.sequences is None
                else [lag.as_dict() for lag in self.sequences],
                "ok": self.ok}


def verify(
    project: Project,
    url: URL,
    version: str | None = None,
    shadow_url: str | None = None,
    schema_only: bool = False,
) -> VerifyResult:
    """Compare the live database with a version's snapshot (default: what the ledger says),
    and (unless ``schema_only``) find serial sequences that lag behind their ids."""
    with db.connect(url) as conn:
        if version is not None:
            target, source = runner.require_known_version(project, version), "--version"
        else:
            found, source = status_mod.ledger_version(conn, project), "ledger"
            if found is None:  # CitrineOS's own runner recorded exactly a version?
                applied = set(history.plan(conn, project).applied)
                found = status_mod.version_with_exactly(project, applied)
                source = "SequelizeMeta"
                conn.rollback()
            if found is None:
                raise UsageError(_no_version_to_verify(conn, project))
            target = found
        target = runner.require_known_version(project, target.name)
        result = verify_connection(project, target, conn, url, shadow_url)
        lags = None if schema_only else runner.sequence_lags(
            conn, project.settings["managed_schemas"])
        conn.rollback()
    return VerifyResult(target.name, source, result, lags)


def _no_version_to_verify(conn: Any, project: Project) -> str:
    """Why ``verify`` has no version to compare with, and the command that works here."""
    p = history.plan(conn, project)
    conn.rollback()
    if p.applied:
        base = status_mod.last_complete_version(project, set(p.applied))
        where = f"{base.name} + {len(p.applied) - len(project.steps_up_to(base))} step(s)" \
            if base else f"{len(p.applied)} step(s)"
        return (f"the database is between versions ({where} applied), so there is no version "
                f"to compare with: `citrine-migrate migrate` applies the remaining steps (to "
                f"{project.latest.name}), or pass --version X")
    if runner.is_empty(conn, project):
        return ("the database is empty: nothing to verify (`citrine-migrate consolidated` "
                "installs the latest version)")
    return ("nothing records what ran on this database: pass --version X (`citrine-migrate "
            "status` says which version its schema equals, if any)")
