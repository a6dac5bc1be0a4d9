"""What a database is, read from its records and its schema: the classification that ``status``
shows and every command that writes starts from.

``classify`` names the state (empty, exactly at a version, an online step in progress, between
versions, drifted, not CitrineOS) from the ledger, SequelizeMeta and, where they name a state, a
comparison of the live schema with it; ``history_of`` finds what the records say that the project
cannot stand behind (unknown names, edited or vanished step files); ``advise`` follows the spec's
decision tree to the strategy and command that fit; ``read`` is all of it, as ``status`` shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, Connection

from . import db, ledger, runner, setaside, traffic
from . import steps as steps_mod
from .diff import SchemaDiff
from .errors import UsageError
from .project import Project, Version
from .steps import Step
from .verify import steps_target, verify_connection, verify_target


def ledger_version(conn: Any, project: Project) -> Version | None:
    applied = set(ledger.applied_steps(conn, project.settings["ledger_schema"]))
    return version_with_exactly(project, applied)


def version_with_exactly(project: Project, applied: set[str]) -> Version | None:
    if not applied:
        return None
    for version in project.modelled_versions:
        if set(project.steps_up_to(version)) == applied:
            return version
    return None


@dataclass
class Status:
    # empty | at-version | between-versions (applied steps that are no modelled version, also
    # every step of one without models yet) | in-progress | drifted | not-citrine
    state: str
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


def advise(st: Status, project: Project, set_aside: set[str] | None = None,
           unmodelled: list[str] | None = None) -> None:
    """Follow the spec's decision tree: which strategy and command fit this database
    (``set_aside``: pending steps whose data a rollback set aside in the archive; only the
    steps put it back, so the individual path; ``unmodelled``: steps ``migrate`` would apply
    that belong to versions without models yet, which ``pending`` leaves out)."""
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
    elif st.state == "at-version" and not st.pending and unmodelled:
        st.strategy, st.recommendation = "individual", "citrine-migrate migrate"
        names = sorted({project.version_of_step(s).name for s in unmodelled})
        st.advice = (f"Exactly at {st.version}, the newest modelled version; {len(unmodelled)} "
                     f"step(s) of {', '.join(names)} (no models yet: a run is checked against a "
                     "replay of the steps, not a snapshot) are pending: migrate applies them.")
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
    elif st.state == "between-versions" and not st.pending and not unmodelled:
        st.strategy, st.recommendation = None, None
        st.advice = ("Up to date: every step is applied and the schema is what they produce; "
                     "nothing to run.")
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


def edited_since(entry: ledger.Entry, step: Step) -> bool:
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
        elif edited_since(entry, Step(name, listed[name].name, path)):
            found.edited.append(rel)
    return found


def classify(conn: Any, project: Project, url: URL, shadow_url: str | None) -> Status:
    """What the database is (see ``Status``), with the applied step files that were edited or
    are gone, whatever the state (the history is read once, here)."""
    if runner.is_empty(conn, project):
        return Status(
            state="empty",
            summary="empty database",
            pending=project.steps_up_to(project.latest),
        )
    history = history_of(conn, project)
    result = _classified(conn, project, url, shadow_url, history)
    result.edited, result.vanished = history.edited, history.vanished
    return result


def _classified(conn: Any, project: Project, url: URL, shadow_url: str | None,
                history: History) -> Status:
    latest = project.latest
    all_steps = project.steps_up_to(project.versions[-1])
    ledger_applied = ledger.applied_steps(conn, project.settings["ledger_schema"])
    meta = ledger.sequelize_names(conn)
    if ledger_applied:
        applied, recorded_by = sorted(n for n in ledger_applied if n in all_steps), "ledger"
    else:
        # a step upstream recorded as .ts and again as .js (>= 1.8.1) is one step
        bases = {ledger.base_name(n) for n in meta}
        applied = sorted(b for b in bases if b in all_steps)
        recorded_by = "SequelizeMeta" if meta else None
    pending = [s for s in project.steps_up_to(latest) if s not in applied]
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
        )
    started = sorted(ledger.in_progress(conn, project.settings["ledger_schema"]))
    if started:
        # An online step stopped between its transaction and its last row: the schema is
        # part-way through it by design, not drifted; migrate goes on where it stopped.
        base = last_complete_version(project, set(applied))
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
    version = version_with_exactly(project, set(applied))
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
        base = last_complete_version(project, set(applied))
        extra = [s for s in applied if base is None or s not in project.steps_up_to(base)]
        where = applied_where(project, applied)
        nxt = project.version_of_step(extra[0]).name if extra else None
        summary = f"between versions: {where}" + (f" of {nxt}" if nxt else "")
        if base is not None and not extra:
            # every step of a version that has no models yet: no snapshot to be exactly at
            summary = (f"{where} applied (no models yet: checked against a replay of its "
                       "steps, not a snapshot)")
        release = project.release_for(applied)
        if release:
            summary = f"{release} = {where}" + (f" of {nxt}" if nxt else "")
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
    if not has_known_tables(conn, project):
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


def applied_where(project: Project, applied: list[str]) -> str:
    """Where applied steps that match no modelled version stand, in words: ``1.0.0 + 2
    step(s)``, ``every step of 1.1.0`` (a version without models yet), ``3 step(s)``."""
    base = last_complete_version(project, set(applied))
    if base is None:
        return f"{len(applied)} step(s)"
    extra = [s for s in applied if s not in project.steps_up_to(base)]
    return f"{base.name} + {len(extra)} step(s)" if extra else f"every step of {base.name}"


def last_complete_version(project: Project, applied: set[str]) -> Version | None:
    found = None
    for version in project.versions:
        if set(project.steps_up_to(version)) <= applied:
            found = version
    return found


def has_known_tables(conn: Any, project: Project) -> bool:
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


def read(conn: Connection, project: Project, url: URL, shadow_url: str | None = None) -> Status:
    """What the database on ``conn`` is: empty, exactly at a version, in progress, between
    versions, drifted, or not CitrineOS; with the history problems, the warnings found in
    passing, and what the pending steps' pre-flights find and how they would hold tables."""
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
        elif not has_known_tables(conn, project):
            result = Status(state="not-citrine", summary="not a CitrineOS database: none "
                            "of its tables are here", pending=project.steps_up_to(
                                project.latest))
        else:
            raise UsageError(f"{text}: without it this database cannot be compared with "
                             "any version")
        conn.rollback()
        result.missing_extensions = missing
        result.warnings.append(f"{text} before installing anything")
        advise(result, project)
        return result
    result = classify(conn, project, url, shadow_url)
    waiting: set[str] = set()
    if result.state != "empty":
        result.warnings += [lag.describe() for lag in
                            runner.sequence_lags(conn, project.settings["managed_schemas"])]
        waiting = {item.meta.get("step") for item in
                   setaside.find(conn, str(project.settings["archive_schema"]))}
    conn.rollback()
    ahead: list[Step] = []
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
    pending = set(result.pending)
    advise(result, project, waiting & pending, [s.name for s in ahead if s.name not in pending])
    return result
