"""One plain function per operation, returning result objects; the CLI is a thin layer on top.

Usable from Python::

    from citrine_state import api
    project = api.open_project("path/to/project")
    result = api.verify(project, "postgresql://...")
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from . import db, ledger, localpg, runner, snapshot
from .diff import SchemaDiff
from .errors import UsageError
from .project import Project, Version
from .project import load as load_project
from .verify import verify_connection

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def open_project(path: str | Path | None = None) -> Project:
    return load_project(path)


# --- where the database is ----------------------------------------------------------------------


def database_url(project: Project, explicit: str | None = None, say: Say = _quiet) -> URL:
    """``--database-url``, else CITRINE_DATABASE_URL, else DATABASE_URL, else the managed local
    cluster (created and started on first use)."""
    chosen = explicit or os.environ.get("CITRINE_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if chosen:
        return db.parse_url(chosen)
    cluster = localpg.ensure(project.root, say=say)
    return db.parse_url(cluster.url())


# --- managed local cluster ---------------------------------------------------------------------


@dataclass
class ClusterStatus:
    created: bool
    running: bool
    datadir: str | None = None
    port: int | None = None
    version: str | None = None
    url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def db_start(project_root: Path, say: Say = _quiet) -> ClusterStatus:
    localpg.ensure(project_root, say=say)
    return db_status(project_root)


def db_stop(project_root: Path) -> bool:
    cluster = localpg.load(project_root)
    return bool(cluster and localpg.stop(cluster))


def db_status(project_root: Path) -> ClusterStatus:
    cluster = localpg.load(project_root)
    if cluster is None:
        return ClusterStatus(created=False, running=False)
    return ClusterStatus(
        created=True,
        running=localpg.is_running(cluster),
        datadir=cluster.datadir,
        port=cluster.port,
        version=cluster.version,
        url=cluster.url(with_password=False),
    )


def db_url(project_root: Path, show_password: bool = False) -> str:
    cluster = localpg.load(project_root)
    if cluster is None:
        raise UsageError("the managed PostgreSQL has not been created yet: `citrine-migrate db "
                         "start` creates it")
    return cluster.url(with_password=show_password)


# --- snapshots ----------------------------------------------------------------------------------


def render_snapshots(project: Project, check: bool = False) -> list[tuple[snapshot.Rendered, bool]]:
    """Render every modelled version; write the stale ones unless ``check``. Returns each
    rendering with whether its committed file was stale."""
    results = []
    for version in project.modelled_versions:
        rendered = snapshot.render(project, version)
        stale = rendered.stale
        if stale and not check:
            snapshot.write(rendered)
        results.append((rendered, stale))
    return results


# --- fresh install / consolidated ----------------------------------------------------------------


@dataclass
class ConsolidatedResult:
    action: str  # "installed" | "up-to-date"
    version: str
    install: runner.InstallResult | None = None


def consolidated(
    project: Project,
    url: URL,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = _quiet,
) -> ConsolidatedResult:
    """The spec's ``migrate:consolidated``: on an empty database, install the latest version from
    its snapshot (verified before COMMIT); on a database at the latest version, nothing to do."""
    target = project.latest
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        if runner.is_empty(conn, project):
            result = runner.install_snapshot(conn, project, target, url, shadow_url, say=say)
            return ConsolidatedResult("installed", target.name, result)
        state = _classify(conn, project, url, shadow_url)
        conn.rollback()
    if state.state == "at-version" and state.version == target.name:
        return ConsolidatedResult("up-to-date", target.name)
    raise runner_refusal(state)


def runner_refusal(state: Status) -> UsageError:
    from .errors import Refused

    return Refused(
        f"the database is not empty ({state.summary}); `consolidated` only installs into an "
        "empty database for now"
    )


# --- verify -------------------------------------------------------------------------------------


@dataclass
class VerifyResult:
    version: str
    source: str  # how the version was chosen
    diff: SchemaDiff

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "version_from": self.source, **self.diff.as_dict()}


def verify(
    project: Project,
    url: URL,
    version: str | None = None,
    shadow_url: str | None = None,
) -> VerifyResult:
    """Compare the live database with a version's snapshot (default: what the ledger says)."""
    with db.connect(url) as conn:
        if version is not None:
            target, source = project.version(version), "--version"
        else:
            found = _ledger_version(conn, project)
            if found is None:
                raise UsageError(
                    "the ledger records no version for this database: pass --version X "
                    "(or install with `citrine-migrate consolidated`)"
                )
            target, source = found, "ledger"
        if project.models_path(target) is None:
            raise UsageError(f"version {target.name} has no models in schema/ yet")
        result = verify_connection(project, target, conn, url, shadow_url)
        conn.rollback()
    return VerifyResult(target.name, source, result)


def _ledger_version(conn: Any, project: Project) -> Version | None:
    applied = set(ledger.applied_steps(conn, project.settings["ledger_schema"]))
    return _version_with_exactly(project, applied)


def _version_with_exactly(project: Project, applied: set[str]) -> Version | None:
    if not applied:
        return None
    for version in project.modelled_versions:
        if set(project.steps_up_to(version)) == applied:
            return version
    return None


# --- status -------------------------------------------------------------------------------------


@dataclass
class Status:
    state: str  # empty | at-version | between-versions | drifted | not-citrine
    summary: str
    version: str | None = None
    recorded_by: str | None = None  # ledger | SequelizeMeta | schema
    applied: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    drift: SchemaDiff | None = None
    recommendation: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "drift"}
        data["drift"] = self.drift.as_dict() if self.drift else None
        return data


def status(project: Project, url: URL, shadow_url: str | None = None) -> Status:
    """What the database is: empty, exactly at a version, drifted, or not CitrineOS."""
    with db.connect(url) as conn:
        result = _classify(conn, project, url, shadow_url)
        conn.rollback()
    return result


def _classify(conn: Any, project: Project, url: URL, shadow_url: str | None) -> Status:
    latest = project.latest
    all_steps = project.steps_up_to(project.versions[-1])
    if runner.is_empty(conn, project):
        return Status(
            state="empty",
            summary="empty database",
            pending=project.steps_up_to(latest),
            recommendation="citrine-migrate consolidated",
        )
    ledger_applied = ledger.applied_steps(conn, project.settings["ledger_schema"])
    meta = ledger.sequelize_names(conn)
    if ledger_applied:
        applied, recorded_by, unknown = sorted(ledger_applied), "ledger", []
    else:
        bases = [ledger.base_name(n) for n in meta]
        applied = sorted(b for b in bases if b in all_steps)
        unknown = [n for n in meta if ledger.base_name(n) not in all_steps]
        recorded_by = "SequelizeMeta" if meta else None
    pending = [s for s in project.steps_up_to(latest) if s not in applied]
    if unknown:
        return Status(
            state="drifted",
            summary=f"SequelizeMeta names {len(unknown)} step(s) this project does not know "
            "(a database from a newer CitrineOS?)",
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
            unknown=unknown,
        )
    version = _version_with_exactly(project, set(applied))
    if version is not None:
        drift = verify_connection(project, version, conn, url, shadow_url)
        if drift.in_sync:
            return Status(
                state="at-version",
                summary=f"exactly at version {version.name}",
                version=version.name,
                recorded_by=recorded_by,
                applied=applied,
                pending=pending,
                recommendation=None if not pending else "citrine-migrate consolidated",
            )
        return Status(
            state="drifted",
            summary=f"recorded as version {version.name}, but the schema differs from its snapshot",
            version=version.name,
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
            drift=drift,
            recommendation=f"citrine-migrate verify --version {version.name}",
        )
    if applied:
        base = _last_complete_version(project, set(applied))
        extra = [s for s in applied if base is None or s not in project.steps_up_to(base)]
        where = f"{base.name} + {len(extra)} step(s)" if base else f"{len(applied)} step(s)"
        nxt = project.version_of_step(extra[0]).name if extra else None
        summary = f"between versions: {where}" + (f" of {nxt}" if nxt else "")
        return Status(
            state="between-versions",
            summary=summary,
            version=base.name if base else None,
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
        )
    # Nothing recorded: is it one of our versions, unrecorded?
    for candidate in reversed(project.modelled_versions):
        drift = verify_connection(project, candidate, conn, url, shadow_url)
        if drift.in_sync:
            return Status(
                state="at-version",
                summary=f"exactly at version {candidate.name}, but nothing records it",
                version=candidate.name,
                recorded_by="schema",
                pending=pending,
            )
    if not _has_known_tables(conn, project):
        return Status(
            state="not-citrine",
            summary="not a CitrineOS database: none of its tables are here",
            pending=pending,
        )
    return Status(
        state="drifted",
        summary="CitrineOS tables are here, but the schema matches no version and nothing "
        "records what ran",
        pending=pending,
    )


def _last_complete_version(project: Project, applied: set[str]) -> Version | None:
    found = None
    for version in project.versions:
        if set(project.steps_up_to(version)) <= applied:
            found = version
    return found


def _has_known_tables(conn: Any, project: Project) -> bool:
    names: set[str] = set()
    for version in project.modelled_versions:
        names |= set(project.models(version).Base.metadata.tables)
    schemas = project.settings["managed_schemas"]
    rows = conn.exec_driver_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(%(s)s)",
        {"s": list(schemas)},
    )
    return any(row[0] in names for row in rows)
