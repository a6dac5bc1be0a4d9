"""One plain function per operation, returning result objects; the CLI is a thin layer on top.

Usable from Python::

    from citrine_state import api
    project = api.open_project("path/to/project")
    result = api.verify(project, "postgresql://...")
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from .. import (
    db,
    journal,
    ledger,
    localpg,
    online,
    online_run,
    runner,
    setaside,
    snapshot,
    traffic,
)
from .. import steps as steps_mod
from ..diff import SchemaDiff
from ..errors import CheckFailed, UsageError
from ..project import Project, Version
from ..project import load as load_project
from ..steps import Step
from ..verify import verify_connection

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def open_project(path: str | Path | None = None) -> Project:
    return load_project(path)


# --- where the database is ----------------------------------------------------------------------


URL_VARIABLES = ("CITRINE_DATABASE_URL", "DATABASE_URL")


def given_database_url(explicit: str | None = None) -> URL | None:
    """The URL the user gave: ``--database-url`` (``explicit``), else CITRINE_DATABASE_URL,
    else DATABASE_URL; None when none of them is set. A source that is set but empty is
    refused (exit 2), never passed over for the next one: an empty ``DATABASE_URL=`` in a
    deployment's environment must not send the run to another database."""
    if explicit is not None:
        if not explicit.strip():
            raise UsageError("--database-url is empty: give a PostgreSQL URL, or leave the "
                             "option out (then CITRINE_DATABASE_URL, DATABASE_URL, else the "
                             "managed local cluster)")
        return db.parse_url(explicit, "--database-url")
    for name in URL_VARIABLES:
        value = os.environ.get(name)
        if value is None:
            continue
        if not value.strip():
            raise UsageError(f"{name} is set but empty: give it a PostgreSQL URL, or unset it "
                             "(`unset " + name + "`)")
        return db.parse_url(value, name)
    return None


def database_url(project: Project, explicit: str | None = None, say: Say = _quiet) -> URL:
    """``--database-url``, else CITRINE_DATABASE_URL, else DATABASE_URL, else the managed local
    cluster (created and started on first use)."""
    given = given_database_url(explicit)
    if given is not None:
        return given
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


# --- verify -------------------------------------------------------------------------------------


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
            target, source = project.version(version), "--version"
        else:
            found, source = _ledger_version(conn, project), "ledger"
            if found is None:  # CitrineOS's own runner recorded exactly a version?
                found = _version_with_exactly(project, set(plan(conn, project).applied))
                source = "SequelizeMeta"
                conn.rollback()
            if found is None:
                raise UsageError(_no_version_to_verify(conn, project))
            target = found
        if project.models_path(target) is None:
            raise UsageError(f"version {target.name} has no models in schema/ yet")
        result = verify_connection(project, target, conn, url, shadow_url)
        lags = None if schema_only else runner.sequence_lags(
            conn, project.settings["managed_schemas"])
        conn.rollback()
    return VerifyResult(target.name, source, result, lags)


def _no_version_to_verify(conn: Any, project: Project) -> str:
    """Why ``verify`` has no version to compare with, and the command that works here."""
    p = plan(conn, project)
    conn.rollback()
    if p.applied:
        base = _last_complete_version(project, set(p.applied))
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
    state: str  # empty | at-version | between-versions | in-progress | drifted | not-citrine
    summary: str
    release: str | None = None  # a known release this state is (config ``releases``)
    version: str | None = None
    recorded_by: str | None = None  # ledger | SequelizeMeta | schema
    applied: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    drift: SchemaDiff | None = None
    recommendation: str | None = None
    strategy: str | None = None  # a key of the config's migration_strategy
    advice: str | None = None  # why, in the words of the spec's decision tree
    warnings: list[str] = field(default_factory=list)  # found in passing, e.g. lagging sequences
    edited: list[str] = field(default_factory=list)  # applied step files changed since they ran
    vanished: list[str] = field(default_factory=list)  # applied steps whose file is gone
    missing_extensions: list[str] = field(default_factory=list)  # the snapshot needs, e.g. postgis
    # what the pending steps' pre-flights found: a run refuses until each is resolved
    preflight: list[steps_mod.Finding] = field(default_factory=list)
    # per pending step: online or a window, and how long each table is held (traffic.assess)
    traffic: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("drift", "preflight")}
        data["drift"] = self.drift.as_dict() if self.drift else None
        data["preflight"] = [f.as_dict() for f in self.preflight]
        return data


def status(project: Project, url: URL, shadow_url: str | None = None) -> Status:
    """What the database is: empty, exactly at a version, drifted, or not CitrineOS."""
    with db.connect(url) as conn:
        needed = runner.needed_extensions(project)
        missing, major = db.missing_extensions(conn, needed[0]) if needed else ([], "")
        if missing:
            # No version's schema can be built here (nor compared with): say so rather than
            # recommend what would fail.
            assert needed is not None
            text = db.extensions_missing_text(missing, needed[1], major)
            if runner.is_empty(conn, project):
                result = Status(state="empty", summary="empty database",
                                pending=project.steps_up_to(project.latest))
            elif not _has_known_tables(conn, project):
                result = Status(state="not-citrine", summary="not a CitrineOS database: none "
                                "of its tables are here", pending=project.steps_up_to(
                                    project.latest))
            else:
                raise UsageError(f"{text}: without it this database cannot be compared with "
                                 "any version")
            conn.rollback()
            result.missing_extensions = missing
            result.warnings.append(f"{text} before installing anything")
            _advise(result, project)
            return result
        result = _classify(conn, project, url, shadow_url)
        waiting: set[str] = set()
        if result.state != "empty" and not (result.edited or result.vanished):
            history = history_of(conn, project)
            result.edited, result.vanished = history.edited, history.vanished
        if result.state != "empty":
            result.warnings += [lag.describe() for lag in
                                runner.sequence_lags(conn, project.settings["managed_schemas"])]
            waiting = {item.meta.get("step") for item in
                       setaside.find(conn, str(project.settings["archive_schema"]))}
        conn.rollback()
        if result.state not in ("empty", "not-citrine"):
            # what `migrate` would apply: every step not applied (also of versions without
            # models yet, which `pending` leaves out)
            ahead = [s for s in steps_mod.existing_steps(project)
                     if s.name not in set(result.applied)]
            result.preflight = steps_mod.preflight(conn, project, ahead)
            result.traffic = traffic.assess(conn, project, ahead)
            if result.preflight:
                offered = sorted({f.resolution for f in result.preflight if f.resolution})
                result.warnings.append(
                    f"the pre-flight of the pending steps found {len(result.preflight)} "
                    "problem(s) that stop migrate, version and consolidated until they are "
                    "settled (listed above; by hand"
                    + (f", or --resolve {' / '.join(offered)} where it says so" if offered
                       else "") + ")")
    _advise(result, project, waiting & set(result.pending))
    return result


def _advise(st: Status, project: Project, set_aside: set[str] | None = None) -> None:
    """Follow the spec's decision tree: which strategy and command fit this database
    (``set_aside``: pending steps whose data a rollback set aside in the archive; only the
    steps put it back, so the individual path)."""
    latest = project.latest.name
    breaking = any(project.version_of_step(s).breaking_changes for s in st.pending)
    backup = " Back up first (citrine-migrate backup): this upgrade has breaking changes." \
        if breaking else ""
    if st.state == "empty" and st.missing_extensions:
        names = ", ".join(st.missing_extensions)
        st.strategy = "consolidated"
        st.recommendation = (f"install {names} on the database server, then "
                             "citrine-migrate consolidated")
        st.advice = (f"A fresh database, but the server lacks {names}, which the schema "
                     f"needs: install it on the server first, then install {latest} from its "
                     "snapshot.")
    elif st.state == "empty":
        st.strategy, st.recommendation = "consolidated", "citrine-migrate consolidated"
        st.advice = f"A fresh database: install {latest} directly from its snapshot."
    elif st.state == "at-version" and not st.pending:
        st.strategy, st.recommendation = None, None
        st.advice = "Up to date: nothing to run."
    elif st.state == "at-version" and set_aside:
        st.strategy, st.recommendation = "individual", "citrine-migrate migrate"
        st.advice = (f"Exactly at {st.version}, with data a rollback set aside in the archive "
                     "for the pending steps: they put it back, so upgrade step by step (a "
                     f"consolidated migration would jump over them).{backup}")
    elif st.state == "at-version":
        st.strategy, st.recommendation = "consolidated", "citrine-migrate consolidated"
        st.advice = (f"Exactly at {st.version}: upgrade with one verified consolidated migration "
                     f"per version (or step by step with citrine-migrate migrate).{backup}")
    elif st.state == "in-progress":
        st.strategy, st.recommendation = "individual", "citrine-migrate migrate"
        st.advice = ("An online step was stopped part-way (killed, or a lock it could not "
                     "get): every part of it is safe to run again, and migrate completes it, "
                     "then goes on with the rest.")
    elif st.state == "between-versions":
        st.strategy, st.recommendation = "individual", "citrine-migrate migrate"
        st.advice = ("Some steps of the next version are applied: continue with the individual "
                     f"steps.{backup}")
    elif st.state == "drifted" and st.unknown:
        st.strategy, st.recommendation = None, None
        st.advice = ("The database records steps this project does not know: migrate, undo, "
                     "rollback and consolidated refuse it until the project has them (use the "
                     "project, or the CitrineOS release, that applied them).")
    elif st.state == "drifted":
        st.strategy = None
        st.recommendation = (f"citrine-migrate verify --version {st.version}" if st.version
                             else None)
        st.advice = ("The schema is not what was recorded: back up, inspect the drift and fix it "
                     "before migrating.")
    else:
        st.strategy, st.recommendation = None, None
        st.advice = "Not a CitrineOS database: check --database-url."
    if st.edited or st.vanished:
        # migrate, undo, rollback and version refuse such a history: say so, and what works
        if st.edited:
            names = " ".join(f"--accept-edited {Path(p).stem}" for p in st.edited)
            st.recommendation = (f"git checkout {' '.join(st.edited)} (or accept the edit: "
                                 f"citrine-migrate migrate {names})")
        else:
            st.recommendation = f"restore {', '.join(st.vanished)} (git checkout)"
        st.advice = ((st.advice + " ") if st.advice else "") + (
            "But applied step files were edited or removed since they ran: migrate, undo, "
            "rollback and version refuse to run until they are restored (or an edit "
            "accepted).")


@dataclass
class History:
    """What the records say that the project cannot stand behind: the refusals of ``migrate``,
    ``undo`` and ``rollback``, read without loading any step (so ``status`` can always say
    them)."""

    unknown: list[str] = field(default_factory=list)  # SequelizeMeta names it does not know
    not_in_project: list[str] = field(default_factory=list)  # ledger names it does not list
    edited: list[str] = field(default_factory=list)  # step files changed since they ran
    vanished: list[str] = field(default_factory=list)  # listed, applied, file gone


def _edited_since(entry: ledger.Entry, step: Step) -> bool:
    """Whether the step file changed since the ledger recorded it (an earlier form the file
    declares in ``FORMER_CHECKSUMS`` is no edit). A row without a checksum (adopted because
    the schema was verified equal to a snapshot, not by running the file) has nothing to
    compare: it is no edit."""
    return entry.kind in ("step", "adopted", "batch") and entry.checksum is not None and \
        not steps_mod.is_former_form(step, entry.checksum)


def history_of(conn: Any, project: Project) -> History:
    """The ledger and SequelizeMeta read against the project's config and step files."""
    listed = {name: version for version in project.versions for name in version.steps}
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    found = History()
    seen: set[str] = set()
    for full in ledger.sequelize_names(conn):  # .ts and .js of one step: one unknown step
        base = ledger.base_name(full)
        if base not in listed and base not in entries and base not in seen:
            found.unknown.append(full)
        seen.add(base)
    for name, entry in sorted(entries.items()):
        if name not in listed:
            found.not_in_project.append(name)
            continue
        path = steps_mod.step_path(project, listed[name], name)
        rel = path.relative_to(project.root).as_posix()
        if not path.is_file():
            found.vanished.append(rel)
        elif _edited_since(entry, Step(name, listed[name].name, path)):
            found.edited.append(rel)
    return found


def _classify(conn: Any, project: Project, url: URL, shadow_url: str | None) -> Status:
    latest = project.latest
    all_steps = project.steps_up_to(project.versions[-1])
    if runner.is_empty(conn, project):
        return Status(
            state="empty",
            summary="empty database",
            pending=project.steps_up_to(latest),
        )
    ledger_applied = ledger.applied_steps(conn, project.settings["ledger_schema"])
    meta = ledger.sequelize_names(conn)
    history = history_of(conn, project)
    if ledger_applied:
        applied, recorded_by = sorted(n for n in ledger_applied if n in all_steps), "ledger"
    else:
        # a step upstream recorded as .ts and again as .js (>= 1.8.1) is one step
        bases = {ledger.base_name(n) for n in meta}
        applied = sorted(b for b in bases if b in all_steps)
        recorded_by = "SequelizeMeta" if meta else None
    pending = [s for s in project.steps_up_to(latest) if s not in applied]
    found = {"edited": history.edited, "vanished": history.vanished}
    if history.unknown or history.not_in_project:
        # What migrate, undo and rollback refuse: say it here too, whichever records it.
        parts = []
        if history.unknown:
            parts.append(f"SequelizeMeta names {len(history.unknown)} step(s) this project "
                         "does not know (a database from a newer CitrineOS?)")
        if history.not_in_project:
            parts.append(f"the ledger records {len(history.not_in_project)} applied step(s) "
                         "this project does not have (removed from it, or applied by a newer "
                         "version of the project?)")
        return Status(
            state="drifted",
            summary="; ".join(parts),
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
            unknown=history.unknown + history.not_in_project,
            **found,
        )
    started = sorted(ledger.in_progress(conn, project.settings["ledger_schema"]))
    if started:
        # An online step stopped between its transaction and its last row: the schema is
        # part-way through it by design, not drifted; migrate goes on where it stopped.
        base = _last_complete_version(project, set(applied))
        extra = [s for s in applied if base is None or s not in project.steps_up_to(base)]
        where = (f"{base.name} + {len(extra)} step(s)" if base else f"{len(applied)} step(s)")
        return Status(
            state="in-progress",
            summary=f"{where} applied; {', '.join(started)} in progress: rerun `migrate`",
            version=base.name if base else None,
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
        )
    version = _version_with_exactly(project, set(applied))
    if version is not None:
        drift = verify_connection(project, version, conn, url, shadow_url)
        if drift.in_sync:
            release = project.release_for(applied)
            return Status(
                state="at-version",
                summary=f"exactly at version {version.name}"
                + (f" ({release})" if release else ""),
                release=release,
                version=version.name,
                recorded_by=recorded_by,
                applied=applied,
                pending=pending,
            )
        return Status(
            state="drifted",
            summary=f"recorded as version {version.name}, but the schema differs from its snapshot",
            version=version.name,
            recorded_by=recorded_by,
            applied=applied,
            pending=pending,
            drift=drift,
        )
    if applied:
        base = _last_complete_version(project, set(applied))
        extra = [s for s in applied if base is None or s not in project.steps_up_to(base)]
        where = f"{base.name} + {len(extra)} step(s)" if base else f"{len(applied)} step(s)"
        nxt = project.version_of_step(extra[0]).name if extra else None
        summary = f"between versions: {where}" + (f" of {nxt}" if nxt else "")
        release = project.release_for(applied)
        if release:
            summary = f"{release} = {where}" + (f" of {nxt}" if nxt else "")
        from ..verify import steps_target, verify_target

        drift = verify_target(project, steps_target(project, applied), conn, url, shadow_url)
        if not drift.in_sync:
            return Status(
                state="drifted",
                summary=f"recorded as {where}, but the schema differs from what those steps "
                "produce",
                version=base.name if base else None,
                recorded_by=recorded_by,
                applied=applied,
                pending=pending,
                drift=drift,
            )
        return Status(
            state="between-versions",
            summary=summary,
            release=release,
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


# --- individual steps: migrate, check, undo ------------------------------------------------------


@dataclass
class StepRun:
    name: str
    direction: str
    seconds: float


@dataclass
class Plan:
    """Where a database stands with respect to the project's steps."""

    steps: list[Step]
    applied: list[str]
    pending: list[Step]
    adopt: list[Step] = field(default_factory=list)  # in SequelizeMeta, not in our ledger
    unknown: list[str] = field(default_factory=list)  # in SequelizeMeta, unknown to the project
    edited: list[str] = field(default_factory=list)  # applied, file changed since
    vanished: list[str] = field(default_factory=list)  # applied, file gone
    out_of_order: list[str] = field(default_factory=list)  # pending, older than an applied one
    in_progress: list[str] = field(default_factory=list)  # online steps a run left half-way


def plan(conn: Any, project: Project) -> Plan:
    """Read the ledger and SequelizeMeta and compare with the step files."""
    all_steps = steps_mod.all_steps(project)
    by_name = {s.name: s for s in all_steps}
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    meta = {ledger.base_name(n): n for n in ledger.sequelize_names(conn)}
    unknown = sorted(full for base, full in meta.items() if base not in by_name
                     and base not in entries)  # ours but gone: reported as vanished
    adopt = [by_name[b] for b in sorted(meta) if b in by_name and b not in entries]
    applied = sorted(set(entries) | {s.name for s in adopt})
    edited, vanished = [], []
    for name, entry in entries.items():
        step = by_name.get(name)
        if step is None:
            vanished.append(name)
        elif _edited_since(entry, step):
            edited.append(step.path.relative_to(project.root).as_posix())
    pending = [s for s in all_steps if s.name not in applied]
    newest = max(applied) if applied else ""
    out_of_order = [s.name for s in pending if s.name < newest]
    started = sorted(ledger.in_progress(conn, project.settings["ledger_schema"]))
    return Plan(all_steps, applied, pending, adopt, unknown, sorted(edited), sorted(vanished),
                out_of_order, started)


def _refuse_foreign(conn: Any, project: Project, p: Plan) -> None:
    """Nothing recorded, not empty, and none of the project's tables: not ours to migrate."""
    from ..errors import Refused

    if p.applied or p.adopt or runner.is_empty(conn, project):
        return
    if not _has_known_tables(conn, project):
        conn.rollback()
        raise Refused("not a CitrineOS database: it holds other tables and none of this "
                      "project's, and nothing records a migration; nothing ran")
    conn.rollback()


def _refuse_unsafe(p: Plan, allow_out_of_order: bool = False) -> None:
    from ..errors import Refused

    if p.unknown:
        raise Refused(
            "SequelizeMeta records step(s) this project does not know (a database from a newer "
            f"CitrineOS?): {', '.join(p.unknown)}; nothing ran"
        )
    if p.edited:
        raise Refused(
            f"applied step(s) were edited since they ran: {', '.join(p.edited)}; restore the "
            "files (git checkout), write a new step, or accept the edit with "
            "--accept-edited STEP (the ledger records it); nothing ran"
        )
    if p.vanished:
        raise Refused(
            f"applied step(s) have no file any more: {', '.join(p.vanished)}; nothing ran"
        )
    if p.out_of_order and not allow_out_of_order:
        raise Refused(
            f"pending step(s) are older than the newest applied one: {', '.join(p.out_of_order)}"
            " (from a parallel branch, or left out of a custom batch?); nothing ran; pass "
            "--allow-out-of-order to apply them"
        )


def _checker(project: Project, names: list[str], url: URL, shadow_url: str | None,
             label: str | None = None):
    from ..verify import steps_target, verify_target

    target = steps_target(project, names, label)
    return target.label, (lambda conn: verify_target(project, target, conn, url, shadow_url))


class HistoryDrift(CheckFailed):
    """The schema is not what the recorded history produces: nothing may claim the database
    is up to date, nor build on it (exit 1, with the drift)."""

    def __init__(self, label: str, result: SchemaDiff, doing: str) -> None:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in result.differences[:5])
        super().__init__(
            f"drift: the schema differs from what its history says ({label}); {doing}: "
            f"{names or 'see the SQL below'}; `citrine-migrate verify` shows it, fix it and "
            "run again")
        self.result = result


def _require_in_sync(conn: Any, project: Project, applied: list[str], url: URL,
                     shadow_url: str | None, doing: str) -> None:
    """Raise HistoryDrift unless the live schema is what the ``applied`` steps produce."""
    if not applied:
        return
    label, check_fn = _checker(project, sorted(applied), url, shadow_url)
    drift = check_fn(conn)
    conn.rollback()
    if not drift.in_sync:
        raise HistoryDrift(label, drift, doing)


@dataclass
class MigrateResult:
    adopted: list[str]
    ran: list[StepRun]
    version: str | None
    plan: Any = None  # hazards.Plan of a dry run
    repaired: list[str] = field(default_factory=list)  # sequences moved with nothing pending


def migrate(
    project: Project,
    url: URL,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = _quiet,
    progress: Callable[[StepRun], None] | None = None,
    allow_out_of_order: bool = False,
    dry_run: bool = False,
    accept_edited: tuple[str, ...] = (),
    resolutions: tuple[str, ...] = (),
) -> MigrateResult:
    """The spec's ``npm run migrate``: adopt what CitrineOS's own runner applied (verified),
    then apply every pending step in order, each in its own transaction; the last one is
    verified against what the steps should produce before it commits. Before anything is
    written, the pending steps' pre-flights run (``resolutions``: what ``--resolve`` allows
    them to settle); any other finding refuses the run."""
    steps_mod.all_steps(project)  # every listed step has its file, before we connect
    steps_mod.check_resolutions(project, resolutions)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = plan(conn, project)
        _refuse_foreign(conn, project, p)
        conn.rollback()
        p = accept_edits(conn, project, p, accept_edited, dry_run)
        _refuse_unsafe(p, allow_out_of_order)
        if dry_run:
            from ..dryrun import plan_steps

            shown = plan_steps(project, p.applied, p.pending, "up", url, shadow_url,
                               title=f"migrate: {len(p.pending)} pending step(s)")
            shown.traffic = traffic.assess(conn, project, p.pending)
            return MigrateResult([s.name for s in p.adopt], [], None, shown)
        # an adoption checks the same itself; a step left in progress has changed the schema
        # part-way (the run's verification at its end checks the result)
        if not p.adopt and not p.in_progress:
            _require_in_sync(conn, project, p.applied, url, shadow_url,
                             "nothing ran" if p.pending
                             else "no step is pending, but the database is not up to date")
        runner.check_preflight(conn, project, p.pending, resolutions)
        adopted = _adopt(conn, project, p, url, shadow_url, say)
        ran = _apply_steps(conn, project, p.applied, p.pending, url, shadow_url, say, progress,
                           late=set(p.out_of_order), resolutions=resolutions)
        repaired = []
        if not ran:
            # Nothing pending: still repair what another runner left behind (upstream's own
            # leaves "Tenants_id_seq" behind the default tenant); the ledger names it.
            repaired = runner.repair_sequences(conn, project, say)
        version = _version_with_exactly(project, set(p.applied) | {r.name for r in ran})
    return MigrateResult(adopted, ran, version.name if version else None,
                         repaired=[lag.sequence for lag in repaired])


def accept_edits(conn: Any, project: Project, p: Plan, names: tuple[str, ...],
                 dry_run: bool = False) -> Plan:
    """``--accept-edited`` of migrate, undo, rollback and version: the named edited applied
    steps are re-stamped in the ledger (a dry run only checks the names and plans as if they
    were), so the refusal that suggests the option is followed by what it says."""
    if not names:
        return p
    wanted = _accepted(project, p, names)
    if dry_run:
        by_name = {s.name: s for s in p.steps}
        kept = {by_name[n].path.relative_to(project.root).as_posix() for n in wanted}
        return replace(p, edited=[e for e in p.edited if e not in kept])
    _restamp(conn, project, p, wanted)
    p = plan(conn, project)
    conn.rollback()
    return p


def _accepted(project: Project, p: Plan, names: tuple[str, ...]) -> set[str]:
    """The step names ``--accept-edited`` gives (a name, or a path to the file), each an
    edited applied step."""
    from ..errors import Refused

    by_name = {s.name: s for s in p.steps}
    edited = {by_name[n].path.relative_to(project.root).as_posix(): n
              for n in by_name if by_name[n].path.relative_to(project.root).as_posix() in p.edited}
    wanted = {n.removesuffix(".py").split("/")[-1] for n in names}
    unknown = sorted(wanted - set(edited.values()))
    if unknown:
        raise Refused(f"--accept-edited names step(s) that are not edited applied steps: "
                      f"{', '.join(unknown)}")
    return wanted


def _restamp(conn: Any, project: Project, p: Plan, wanted: set[str]) -> None:
    """Accept edits of applied step files: the ledger records the new checksum, saying so."""
    by_name = {s.name: s for s in p.steps}
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    conn.rollback()
    with journal.transaction(f"the re-stamp of {len(wanted)} edited step(s)"), conn.begin():
        ledger.record_many(conn, project.settings["ledger_schema"], [
            dict(name=n, kind=entries[n].kind, version=entries[n].version,
                 checksum=by_name[n].checksum,
                 note=f"checksum re-stamped after an edit (was {entries[n].checksum}); "
                      "accepted with --accept-edited")
            for n in sorted(wanted)
        ])


def _adopt(conn: Any, project: Project, p: Plan, url: URL, shadow_url: str | None,
           say: Say) -> list[str]:
    """Record in the ledger what SequelizeMeta says CitrineOS's own runner applied, after
    checking that the schema is what those steps produce."""
    if not p.adopt:
        return []
    names = sorted(set(p.applied))
    label, check = _checker(project, names, url, shadow_url,
                            f"{len(names)} step(s) applied by CitrineOS's own runner")
    say(f"adopting {len(p.adopt)} step(s) from SequelizeMeta after checking the schema "
        f"against {label}")
    runner.adopt(conn, project, p.adopt, check, label)
    return [s.name for s in p.adopt]


def _apply_steps(
    conn: Any,
    project: Project,
    applied: list[str],
    pending: list[Step],
    url: URL,
    shadow_url: str | None,
    say: Say,
    progress: Callable[[StepRun], None] | None = None,
    late: set[str] | None = None,
    resolutions: tuple[str, ...] = (),
) -> list[StepRun]:
    """Apply steps in order, one transaction each; the last is verified before it commits.
    Steps in ``late`` were accepted out of order: the ledger says so."""
    ran: list[StepRun] = []
    done = list(applied)
    for index, step in enumerate(pending):
        done.append(step.name)
        check = label = None
        if index == len(pending) - 1:
            label, check = _checker(project, done, url, shadow_url)
        note = "applied out of order (--allow-out-of-order)" if step.name in (late or ()) \
            else None
        apply = online_run.apply_online_step if online.is_online(steps_mod.load_step(step)) \
            else runner.apply_step
        seconds = apply(conn, project, step, say=say, check=check, label=label or "",
                        note=note, resolutions=resolutions, lands_at=pending[-1].name)
        ran.append(StepRun(step.name, "up", seconds))
        if progress:
            progress(ran[-1])
    return ran


@dataclass
class CheckResult:
    applied: list[str]
    pending: list[str]
    problems: list[str]


def check(project: Project, url: URL) -> CheckResult:
    """Pending steps (the spec's ``migrate:check``), and history problems that would stop
    ``migrate``."""
    with db.connect(url) as conn:
        p = plan(conn, project)
        conn.rollback()
    problems = (
        [f"unknown to this project: {n}" for n in p.unknown]
        + [f"edited after it was applied: {n}" for n in p.edited]
        + [f"applied, file missing: {n}" for n in p.vanished]
        + [f"older than the newest applied step: {n}" for n in p.out_of_order]
    )
    return CheckResult(p.applied, [s.name for s in p.pending], problems)


def _baseline_first(conn: Any, project: Project, url: URL, reverting: list[Step],
                    drop_baseline: bool, say: Say, command: str) -> bool:
    """Reverting the baseline (the project's first step) drops the whole schema with its rows:
    refused (exit 2, nothing changed) unless ``drop_baseline``, and then only after a checked
    backup (``pg_dump``, ``pg_restore --list``), taken while this runner holds the migration
    lock. Returns whether the baseline is among ``reverting`` (and may now go)."""
    first = steps_mod.baseline(project)
    if first is None or all(s.name != first for s in reverting):
        return False
    if not drop_baseline:
        raise runner.baseline_refusal(conn, project, first, command)
    from .operations import backup

    conn.rollback()
    say(f"{first} is the baseline: taking a checked backup before its down drops the schema")
    taken = backup(project, url, say=say)
    say(f"backup: {taken.path} ({taken.size} bytes, {taken.tables} tables, checked with "
        "pg_restore --list)")
    return True


def undo(
    project: Project,
    url: URL,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = _quiet,
    dry_run: bool = False,
    drop_baseline: bool = False,
    accept_edited: tuple[str, ...] = (),
) -> StepRun | Any:
    """Revert the last applied step (the spec's ``db:migrate:undo``), verified against what the
    remaining steps produce. None when no step is applied (nothing to undo). The baseline (the
    first step) only with ``drop_baseline``, after a checked backup."""
    from ..errors import Refused

    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = plan(conn, project)
        conn.rollback()
        _refuse_foreign(conn, project, p)
        p = accept_edits(conn, project, p, accept_edited, dry_run)
        _refuse_unsafe(p)
        if p.adopt:
            raise Refused("SequelizeMeta records steps the ledger does not have yet: run "
                          "`citrine-migrate migrate` (or `status`) first; nothing was undone")
        if not p.applied:
            return None  # no step to revert: already as far down as undo goes (exit 0)
        by_name = {s.name: s for s in p.steps}
        last = by_name[p.applied[-1]]
        remaining = p.applied[:-1]
        if dry_run:
            from ..dryrun import plan_steps

            return plan_steps(project, p.applied, [last], "down", url, shadow_url,
                              title=f"undo {last.name}")
        forced = _baseline_first(conn, project, url, [last], drop_baseline, say, "undo")
        label, check_fn = (None, None)
        if remaining:
            label, check_fn = _checker(project, remaining, url, shadow_url)
        seconds = runner.revert_step(conn, project, last, say=say, check=check_fn,
                                     label=label or "", drop_baseline=forced)
    return StepRun(last.name, "down", seconds)


from .upgrade import ConsolidatedResult as ConsolidatedResult  # noqa: E402
from .upgrade import consolidated as consolidated  # noqa: E402
from .upgrade import manager_batch as manager_batch  # noqa: E402
from .upgrade import rollback as rollback  # noqa: E402
from .upgrade import to_version as to_version  # noqa: E402

