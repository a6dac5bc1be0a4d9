"""Operations around an upgrade: listing and reporting, config validation, backup and restore.

Usable from Python like the rest of ``api``::

    from citrine_state.api import operations
    taken = operations.backup(project, url)          # before a risky run
    report = operations.report(project, url)         # operations.report(project, None): offline
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from .. import backup as backup_mod
from .. import db, ledger, localpg
from .. import project as project_mod
from .. import report as report_mod
from ..backup import RestoreResult
from ..errors import CitrineError, LocalClusterError, UsageError
from ..progress import Say, quiet
from ..project import Project
from ..report import Report, VersionInfo
from ..report import stamp_text as stamp_text  # a step's timestamp as a reader reads it
from ..report import to_markdown as to_markdown  # the report as a change request's file
from .backups import BACKUP_DIR as BACKUP_DIR  # re-exported: operations.backup as before
from .backups import backup as backup
from .backups import ledger_version


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


# --- which database, if any ---------------------------------------------------------------------


def existing_database_url(project: Project, explicit: str | None = None,
                          say: Say = quiet) -> URL | None:
    """The database a read-only overview should consult: ``--database-url`` or the
    environment, else the managed cluster if it already exists (started if stopped); None
    when there is none. Never creates the managed cluster just to look."""
    from .basics import given_database_url

    given = given_database_url(explicit)
    if given is not None:
        return given
    if localpg.load(project.root) is None:
        return None
    try:
        cluster = localpg.ensure(project.root, create=False, say=say)
    except LocalClusterError as exc:
        say(f"the managed PostgreSQL cannot be used ({exc}); going on without a database")
        return None
    return db.parse_url(cluster.url())


def _applied(conn: Any, project: Project) -> dict[str, tuple[str | None, str]]:
    """``{step: (applied_at, how)}`` from the ledger, and from SequelizeMeta for steps
    CitrineOS's own runner applied that the ledger has not adopted yet."""
    found: dict[str, tuple[str | None, str]] = {
        name: (_utc(entry.applied_at), entry.kind)
        for name, entry in ledger.applied_steps(conn, project.settings["ledger_schema"]).items()
    }
    for meta in ledger.sequelize_names(conn):
        found.setdefault(ledger.base_name(meta), (None, "SequelizeMeta"))
    return found


def _mark(versions: list[VersionInfo], applied: dict[str, tuple[str | None, str]]) -> None:
    for version in versions:
        for step in version.steps:
            step.applied = step.name in applied
            if step.applied:
                step.applied_at, step.applied_how = applied[step.name]


# --- manager list -------------------------------------------------------------------------------


@dataclass
class Listing:
    versions: list[VersionInfo]
    database: str | None  # masked URL, when one was consulted
    # what SequelizeMeta or the ledger records as applied that the project does not know, as
    # `status` shows it (and migrate refuses it)
    unknown: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"database": self.database, "versions": [asdict(v) for v in self.versions],
                "unknown": self.unknown}


def list_steps(project: Project, url: URL | None) -> Listing:
    """Steps grouped by version (the spec's "List migrations by version"), with their applied
    state when ``url`` is given."""
    from ..status import history_of

    versions = report_mod.versions(project)
    unknown: list[str] = []
    if url is not None:
        with db.connect(url) as conn:
            applied = _applied(conn, project)
            history = history_of(conn, project)
            conn.rollback()
        _mark(versions, applied)
        unknown = history.unknown + history.not_in_project
    return Listing(versions, db.mask(url) if url is not None else None, unknown)


# --- manager report -----------------------------------------------------------------------------


def report(project: Project, url: URL | None, shadow_url: str | None = None) -> Report:
    """Versions with features, breaking changes and notes, steps, custom batches; with a
    database also what is applied, pending and drifted (``status`` and ``check``)."""
    from citrine_state import __version__

    from .individual import check
    from .inspection import status

    rep = report_mod.gather(project, _utc(datetime.now(UTC)), f"citrine-state {__version__}",
                            batch_problems(project))
    if url is None:
        return rep
    with db.connect(url) as conn:
        applied = _applied(conn, project)
        conn.rollback()
    _mark(rep.versions, applied)
    for batch in rep.batches:
        for item in batch.migrations:
            item.applied = item.step in applied
    state = status(project, url, shadow_url)
    listed = [s.name for s in rep.steps]
    try:
        checked = check(project, url)
        pending, problems = checked.pending, checked.problems
    except UsageError:  # a listed step without its file: already among the file problems
        pending, problems = [s for s in listed if s not in applied], []
    rep.database = report_mod.DatabaseInfo(
        url=db.mask(url),
        state=state.state,
        summary=state.summary,
        version=state.version,
        recorded_by=state.recorded_by,
        applied=[s for s in listed if s in applied],
        pending=pending,
        unknown=state.unknown,
        drift=state.drift.as_dict() if state.drift is not None else None,
        problems=problems,
        recommendation=state.recommendation or ("citrine-migrate migrate" if pending
                                                 and state.state != "drifted" else None),
    )
    return rep


# --- manager validate ---------------------------------------------------------------------------


@dataclass
class Validation:
    config: str
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"config": self.config, "valid": self.valid, "problems": self.problems}


def validate(explicit: str | Path | None = None) -> Validation:
    """Every problem of the config (JSON Schema shipped with the engine, then the rules
    between versions), of the step files against it, and of custom batch metadata; each as
    ``<json path>: <problem>``, the same text every other command shows for the first one."""
    root = project_mod.find_root(explicit)
    path = root / project_mod.CONFIG_FILE
    try:
        raw = project_mod.read_config(path)
    except UsageError as exc:
        return Validation(str(path), ["$: " + str(exc).removeprefix(f"{path}: ")])
    problems = project_mod.validate(raw)
    problems += report_mod.file_problems(root, raw)
    if not project_mod.validate(raw):
        problems += batch_problems(project_mod.build(root, raw))
    return Validation(str(path), problems)


def batch_problems(project: Project) -> list[str]:
    """What the batch loader (the one ``custom`` uses) says about each custom batch: bad
    metadata, the two files disagreeing, a step edited since the batch was made."""
    from .. import batches

    problems: list[str] = []
    for name in batches.names(project):
        try:
            batches.load(project, name)
        except CitrineError as exc:
            problems.append(str(exc))
    return problems


# --- backup and restore -------------------------------------------------------------------------


def restore(
    project: Project,
    url: URL,
    file: str | Path,
    into: str | None = None,
    over_existing: bool = False,
    confirm: str | None = None,
    no_owner: bool = False,
    say: Say = quiet,
) -> RestoreResult:
    """Restore a backup into a new database on ``url``'s server (``into``, default a name
    derived from the file; refused if it exists), or with ``over_existing`` replace ``url``'s
    database (``confirm`` must be its name; the old one is kept, renamed)."""
    path = Path(file).expanduser()
    if over_existing and into:
        raise UsageError("--into and --over-existing exclude each other: --over-existing "
                         "replaces the configured database")
    if over_existing:
        result = backup_mod.restore_over(url, path, confirm, no_owner=no_owner, say=say)
    else:
        result = backup_mod.restore(url, path, into, no_owner=no_owner, say=say)
    try:
        result.version = ledger_version(url.set(database=result.database), project)
    except CitrineError:  # the restore worked; only the label is unknown
        result.version = None
    return result
