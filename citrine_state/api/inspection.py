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
from ..verify import steps_target, verify_connection, verify_target
from . import history


def status(project: Project, url: URL, shadow_url: str | None = None) -> Status:
    """What the database is: empty, exactly at a version, drifted, or not CitrineOS."""
    with db.connect(url) as conn:
        return status_mod.read(conn, project, url, shadow_url)


@dataclass
class VerifyResult:
    # the version compared with; with ``replayed``, the last version all of whose steps are
    # applied (None: none is)
    version: str | None
    source: str  # how the version was chosen: --version, ledger, SequelizeMeta, steps
    diff: SchemaDiff
    # Serial sequences behind their ids: not drift (the schema is right), a finding of its own.
    # None: not checked (--schema-only).
    sequences: list[runner.SequenceLag] | None = None
    # where the applied steps stand when they are no modelled version (``1.0.0 + 2 step(s)``,
    # ``every step of 1.1.0``): the schema was compared with a replay of those steps
    replayed: str | None = None

    @property
    def ok(self) -> bool:
        return self.diff.in_sync and not self.sequences

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "version_from": self.source,
                "replayed_steps": self.replayed, **self.diff.as_dict(),
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
    """Compare the live database with a version's snapshot (default: what the ledger says;
    applied steps that are no modelled version, with a replay of those steps, as ``status``
    does), and (unless ``schema_only``) find serial sequences that lag behind their ids."""
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
                return _verify_applied_steps(project, conn, url, shadow_url, schema_only)
            target = found
        target = runner.require_known_version(project, target.name)
        result = verify_connection(project, target, conn, url, shadow_url)
        lags = None if schema_only else runner.sequence_lags(
            conn, project.settings["managed_schemas"])
        conn.rollback()
    return VerifyResult(target.name, source, result, lags)


def _verify_applied_steps(project: Project, conn: Any, url: URL, shadow_url: str | None,
                          schema_only: bool) -> VerifyResult:
    """No version fits what ran (between versions, or every step of a version without models
    yet): compare with what the applied steps produce, replayed on a shadow database. Refused
    where there is nothing to replay or the records cannot be replayed."""
    p = history.plan(conn, project)
    conn.rollback()
    if not p.applied or p.unknown or p.vanished or p.in_progress:
        raise UsageError(_no_version_to_verify(conn, project, p))
    base = status_mod.last_complete_version(project, set(p.applied))
    result = verify_target(project, steps_target(project, p.applied), conn, url, shadow_url)
    lags = None if schema_only else runner.sequence_lags(
        conn, project.settings["managed_schemas"])
    conn.rollback()
    return VerifyResult(base.name if base else None, "steps", result, lags,
                        status_mod.applied_where(project, p.applied))


def _no_version_to_verify(conn: Any, project: Project, p: history.Plan) -> str:
    """Why ``verify`` has nothing to compare with, and the command that works here."""
    if p.in_progress:
        return (f"an online step is in progress ({', '.join(p.in_progress)}): the schema is "
                "part-way through it; rerun `citrine-migrate migrate` to complete it, or pass "
                "--version X")
    if p.unknown or p.vanished:
        names = p.unknown + p.vanished
        return (f"the database records step(s) this project cannot replay ({names[0]}"
                + (f" and {len(names) - 1} more" if len(names) > 1 else "")
                + "): pass --version X (`citrine-migrate status` says more)")
    if runner.is_empty(conn, project):
        return ("the database is empty: nothing to verify (`citrine-migrate consolidated` "
                "installs the latest version)")
    return ("nothing records what ran on this database: pass --version X (`citrine-migrate "
            "status` says which version its schema equals, if any)")
