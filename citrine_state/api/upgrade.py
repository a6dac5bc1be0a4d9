"""Operations between versions: consolidated upgrades, version targets, rollbacks, and the
generation of consolidated migrations (``manager batch``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from .. import consolidated_file, hazards, runner, setaside
from .. import status as status_mod
from ..errors import CheckFailed, CitrineError, Refused, UsageError
from ..progress import Say, quiet
from ..project import Project, Version, read_text
from ..snapshot import committed_sql, sql_hash
from ..status import Status
from ..steps import all_steps, check_resolutions, file_checksum
from ..verify import steps_target, verify_connection, verify_target
from . import history
from .basics import LockOptions, with_locks
from .individual import StepRun, apply_steps

# --- generation -------------------------------------------------------------------------------


@dataclass
class BatchFile:
    version: str
    path: Path
    stale: bool
    plan: hazards.Plan
    notes: list[str] = field(default_factory=list)  # what the reviewer must know (the header's)


def manager_batch(project: Project, url: URL, shadow_url: str | None = None,
                  check: bool = False) -> list[BatchFile]:
    """Generate ``versions/<V>/v<V>-consolidated.sql`` for each modelled version with a
    predecessor; with ``check``, write nothing and report which committed files are stale."""
    from ..autogen.consolidated import generate as generate_consolidated

    out: list[BatchFile] = []
    for version in project.modelled_versions:
        if project.previous(version) is None:
            continue
        generated = generate_consolidated(project, version, url, shadow_url)
        text = consolidated_file.render(generated)
        path = consolidated_file.path_for(project, version)
        current = read_text(path) if path.is_file() else None
        stale = current is None or current.replace("\r\n", "\n") != text
        if stale and not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        out.append(BatchFile(version.name, path, stale,
                             consolidated_file.plan(project, generated), list(generated.notes)))
    return out


def load_consolidated(
    project: Project, version: Version
) -> tuple[consolidated_file.Consolidated, str]:
    """The committed consolidated migration into ``version``, checked against the snapshots."""
    path = consolidated_file.path_for(project, version)
    if not path.is_file():
        raise UsageError(f"{path.relative_to(project.root)} does not exist: run "
                         "`citrine-migrate manager batch`")
    text = read_text(path)
    migration = consolidated_file.parse(text, str(path.relative_to(project.root)))
    previous = project.previous(version)
    expected = (previous.name if previous else None, version.name)
    if (migration.source, migration.target) != expected:
        raise UsageError(f"{path.name} migrates {migration.source} -> {migration.target}, "
                         f"expected {expected[0]} -> {expected[1]}")
    for _, item in migration.statements():
        if isinstance(item, consolidated_file.DataMove):
            moved = project.root / item.path
            if not moved.is_file() or file_checksum(moved) != item.sha256:
                raise Refused(f"{path.name} is stale: its data move {item.path} changed or is "
                              "gone; run `citrine-migrate manager batch`")
    for name, digest in ((migration.source, migration.source_hash),
                         (migration.target, migration.target_hash)):
        if sql_hash(committed_sql(project, project.version(name))) != digest:
            raise Refused(f"{path.name} was generated from another snapshot of {name}: run "
                          "`citrine-migrate manager batch` (it is stale)")
    return migration, sql_hash(text)


# --- running ----------------------------------------------------------------------------------

ALLOWABLE_HAZARDS = hazards.ALLOWABLE  # what --allow-hazard may accept


@dataclass
class ConsolidatedResult:
    action: str  # installed | up-to-date | upgraded | planned
    version: str
    install: runner.InstallResult | None = None
    upgrades: list[tuple[str, str, float]] = field(default_factory=list)
    plans: list[hazards.Plan] = field(default_factory=list)


def _known_hazards(allowed: tuple[str, ...]) -> None:
    """Only a hazard a run can refuse can be allowed: a typo must not pass as permission."""
    unknown = [h for h in allowed if h not in ALLOWABLE_HAZARDS]
    if unknown:
        raise UsageError(f"{unknown[0]!r} is not a hazard that can be allowed (known: "
                         f"{', '.join(ALLOWABLE_HAZARDS)})")


def _check_hazards(plans: list[hazards.Plan], allowed: tuple[str, ...]) -> None:
    if hazards.DELETES_DATA in allowed:
        return
    risky = [s for p in plans for s in p.unarchived_deletes()]
    if risky:
        shown = "; ".join(s.sql for s in risky[:3])
        raise Refused(
            f"the plan deletes data that is not archived first ({len(risky)} statement(s): "
            f"{shown}); pass --allow-hazard deletes-data to accept that"
        )


def _set_aside(conn: Any, project: Project, steps: list[str]) -> list[str]:
    """Archive tables in which a rollback set aside data of ``steps`` (their ups put it back)."""
    found = setaside.find(conn, str(project.settings["archive_schema"]))
    conn.rollback()
    return sorted(item.name for item in found if item.meta.get("step") in set(steps))


def _chain(project: Project, source: Version, target: Version) -> list[Version]:
    return [v for v in project.modelled_versions if source.key < v.key <= target.key]


def _upgrade(conn: Any, project: Project, state: Status, target: Version, url: URL,
             shadow_url: str | None, dry_run: bool, allow: tuple[str, ...],
             say: Say, resolutions: tuple[str, ...] = ()) -> ConsolidatedResult:
    """From exactly version ``state.version`` to ``target`` by consolidated migrations."""
    source = project.version(state.version or "")
    chain = _chain(project, source, target)
    waiting = _set_aside(conn, project, [s for v in chain for s in v.steps])
    if waiting:
        raise Refused(
            f"the archive holds what a rollback set aside for the steps of {target.name} "
            f"({len(waiting)} table(s), e.g. {project.settings['archive_schema']}."
            f'"{waiting[0]}"); a consolidated migration jumps over the steps that put it back, '
            "so nothing ran: use `citrine-migrate migrate` (or `version "
            f"{target.name}`), whose steps put it back")
    loaded = [(v, *load_consolidated(project, v)) for v in chain]
    plans = [consolidated_file.plan(project, m) for _, m, _ in loaded]
    if dry_run:
        return ConsolidatedResult("planned", target.name, plans=plans)
    _check_hazards(plans, allow)
    by_name = {s.name: s for s in all_steps(project)}
    runner.check_preflight(conn, project, [by_name[n] for v in chain for n in v.steps],
                           resolutions)
    if state.recorded_by != "ledger":
        # The schema was just verified to equal the source snapshot: record how it got there.
        runner.record_as_adopted(conn, project, project.steps_up_to(source),
                                 write_sequelize=state.recorded_by == "schema")
    upgrades = []
    for version, migration, checksum in loaded:
        say(f"consolidated {migration.source} -> {migration.target}")
        seconds = runner.run_consolidated(
            conn, project, migration, checksum,
            check=lambda c, v=version: verify_connection(project, v, c, url, shadow_url),
            label=f"snapshot {version.name}", say=say, resolutions=resolutions,
            lands_at=max(project.steps_up_to(target), default=None))
        upgrades.append((migration.source, migration.target, seconds))
    return ConsolidatedResult("upgraded", target.name, upgrades=upgrades, plans=plans)


def _refuse_state(state: Status, wanted: str) -> CitrineError:
    if state.state in ("between-versions", "in-progress"):
        return Refused(f"the database is {state.summary}; consolidated migrations start from an "
                       f"exact version: use `citrine-migrate migrate` (or `version {wanted}`)")
    if state.state == "drifted" and state.drift is not None and not state.drift.in_sync:
        # drift, as `verify` reports it: exit 1 (the rule for every command), with the diff
        err = CheckFailed(f"drift: the database is not exactly at a version ({state.summary}); "
                          "nothing ran: fix the drift, or use `citrine-migrate migrate`")
        err.result = state.drift  # type: ignore[attr-defined]
        return err
    if state.state == "drifted":
        return Refused(f"the database is not exactly at a version ({state.summary}); nothing "
                       "ran: `citrine-migrate status` says why")
    return Refused(f"not a database this project can migrate ({state.summary}); nothing ran")


def consolidated(
    project: Project,
    url: URL,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    dry_run: bool = False,
    allow_hazards: tuple[str, ...] = (),
    target_name: str | None = None,
    resolutions: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> ConsolidatedResult:
    """The spec's ``migrate:consolidated``: an empty database gets the latest snapshot; a database
    exactly at an older version gets each consolidated migration up to the latest, each in one
    transaction, verified against the source snapshot before and the target snapshot after.
    The pre-flights of the steps the migrations stand for run before the first one.
    ``locks``: this run's lock options (default: the config's settings)."""
    project = with_locks(project, locks)
    _known_hazards(allow_hazards)
    check_resolutions(project, resolutions)
    target = project.version(target_name) if target_name else project.latest
    with runner.migrating(url, project, lock_wait=lock_wait, say=say, target=target) as conn:
        if runner.is_empty(conn, project):
            return _install(conn, project, target, url, shadow_url, say, dry_run)
        state = status_mod.classify(conn, project, url, shadow_url)
        conn.rollback()
        return _consolidated_from(conn, project, state, target, url, shadow_url, dry_run,
                                  allow_hazards, say, resolutions)


def _install(conn: Any, project: Project, target: Version, url: URL, shadow_url: str | None,
             say: Say, dry_run: bool) -> ConsolidatedResult:
    """An empty database: ``target``'s snapshot (and its seed rows), verified."""
    if dry_run:
        sql = committed_sql(project, target)
        statements = [hazards.Statement(s, "snapshot", f"snapshots/{target.name}.sql",
                                        hazards.tags(s))
                      for s in hazards.split_script(sql)]
        seed = project.seed_path(target)
        if seed.is_file():  # the install inserts them too (the default tenant)
            rel = seed.relative_to(project.root).as_posix()
            statements += [hazards.Statement(s, "seed rows", rel, hazards.tags(s))
                           for s in hazards.split_script(seed.read_text(encoding="utf-8"))]
        return ConsolidatedResult("planned", target.name, plans=[
            hazards.Plan(f"fresh install of {target.name}", statements)])
    result = runner.install_snapshot(conn, project, target, url, shadow_url, say=say)
    return ConsolidatedResult("installed", target.name, result)


def _consolidated_from(conn: Any, project: Project, state: Status, target: Version, url: URL,
                       shadow_url: str | None, dry_run: bool, allow: tuple[str, ...],
                       say: Say, resolutions: tuple[str, ...]) -> ConsolidatedResult:
    """From the classified ``state`` to ``target`` by consolidated migrations, or the refusal
    that says why not."""
    if state.state == "at-version" and state.version == target.name:
        return ConsolidatedResult("up-to-date", target.name)
    if state.state == "at-version" and state.version and \
            project.version(state.version).key < target.key:
        return _upgrade(conn, project, state, target, url, shadow_url, dry_run, allow, say,
                        resolutions)
    if state.state == "at-version":
        raise Refused(f"the database is at {state.version}, newer than {target.name}: "
                      f"use `citrine-migrate rollback {target.name}`")
    raise _refuse_state(state, target.name)


# --- version targets and rollback ------------------------------------------------------------


@dataclass
class VersionResult:
    action: str  # installed | upgraded | stepped | rolled-back | up-to-date | planned
    version: str
    install: runner.InstallResult | None = None
    ran: list[StepRun] = field(default_factory=list)
    upgrades: list[tuple[str, str, float]] = field(default_factory=list)
    plans: list[hazards.Plan] = field(default_factory=list)


def to_version(
    project: Project,
    url: URL,
    name: str,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    dry_run: bool = False,
    allow_hazards: tuple[str, ...] = (),
    drop_baseline: bool = False,
    accept_edited: tuple[str, ...] = (),
    resolutions: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> VersionResult:
    """Bring the database to exactly version ``name`` by the fitting path: a snapshot on an empty
    database, consolidated migrations from an exact older version, the remaining steps from
    between versions, the steps' downs from a newer state (the baseline's only with
    ``drop_baseline``, as ``rollback``). Upwards, the steps' pre-flights run first. One
    connection, which takes the migration lock once, and one classification of the database,
    passed down to the path that fits. ``locks``: as ``consolidated``."""
    project = with_locks(project, locks)
    _known_hazards(allow_hazards)
    check_resolutions(project, resolutions)
    target = runner.require_known_version(project, name)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say, target=target) as conn:
        if runner.is_empty(conn, project):
            result = _install(conn, project, target, url, shadow_url, say, dry_run)
            return VersionResult(result.action, name, install=result.install,
                                 plans=result.plans)
        # What a rollback set aside only the steps put back: then no consolidated migration.
        state = None
        if not _set_aside(conn, project, project.steps_up_to(target)):
            state = status_mod.classify(conn, project, url, shadow_url)
            conn.rollback()
            if state.state == "at-version" and state.version is not None and \
                    project.version(state.version).key < target.key:
                result = _consolidated_from(conn, project, state, target, url, shadow_url,
                                            dry_run, allow_hazards, say, resolutions)
                return VersionResult(result.action, name, upgrades=result.upgrades,
                                     plans=result.plans)
        return _by_steps(conn, project, target, state, url, shadow_url, say, dry_run,
                         drop_baseline, accept_edited, resolutions)


def _verified(state: Status | None, p: history.Plan) -> bool:
    """Whether the classification already compared the schema with what ``p.applied`` produce
    (and found it so), on this connection under the migration lock: no second comparison."""
    return state is not None and state.state in ("at-version", "between-versions") and \
        sorted(state.applied) == sorted(p.applied)


def _by_steps(conn: Any, project: Project, target: Version, state: Status | None, url: URL,
              shadow_url: str | None, say: Say, dry_run: bool, drop_baseline: bool,
              accept_edited: tuple[str, ...], resolutions: tuple[str, ...]) -> VersionResult:
    """The steps up to ``target`` that are not applied, or the downs of those past it."""
    name = target.name
    wanted = set(project.steps_up_to(target))
    p = history.plan(conn, project)
    history.refuse_foreign(conn, project, p)
    conn.rollback()
    p = history.accept_edits(conn, project, p, accept_edited, dry_run)
    history.refuse_unsafe(p)
    applied = set(p.applied)
    if applied == wanted:
        if not p.adopt and not _verified(state, p):  # "at X" by the history: the schema too
            history.require_in_sync(conn, project, p.applied, url, shadow_url,
                                    f"it is not exactly at version {name}")
        return VersionResult("up-to-date", name)
    if applied < wanted:
        pending = [s for s in p.pending if s.name in wanted]
        if dry_run:
            from .. import traffic

            shown = _steps_plan(project, p.applied, pending, "up", url, shadow_url,
                                f"version {name}: {len(pending)} pending step(s)")
            shown.traffic = traffic.assess(conn, project, pending)
            return VersionResult("planned", name, plans=[shown])
        if not p.adopt and not p.in_progress and not _verified(state, p):
            # as migrate: never on a drifted schema
            history.require_in_sync(conn, project, p.applied, url, shadow_url, "nothing ran")
        runner.check_preflight(conn, project, pending, resolutions)
        history.adopt(conn, project, p, url, shadow_url, say)
        ran = apply_steps(conn, project, p.applied, pending, url, shadow_url, say,
                          resolutions=resolutions)
        return VersionResult("stepped", name, ran=ran)
    return _rollback_on(conn, project, target, p, url, shadow_url, say, dry_run, drop_baseline)


def _steps_plan(project: Project, applied: list[str], chosen: list[Any], direction: str,
                url: URL, shadow_url: str | None, title: str) -> hazards.Plan:
    """Every statement the steps would run, with its hazards: replayed on a shadow database
    built to the applied steps, as migrate's dry run does."""
    from ..dryrun import plan_steps

    return plan_steps(project, applied, chosen, direction, url, shadow_url, title=title)


def rollback(
    project: Project,
    url: URL,
    name: str,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    dry_run: bool = False,
    drop_baseline: bool = False,
    accept_edited: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> VersionResult:
    """The spec's ``migrate:rollback X``: revert, newest first, every applied step that version X
    does not have, through the steps' downs (restoring archived data), in one transaction,
    verified against X's snapshot before COMMIT. The baseline (the first step) only with
    ``drop_baseline``, after a checked backup. ``locks``: as ``consolidated``."""
    project = with_locks(project, locks)
    target = runner.require_known_version(project, name)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say, target=target) as conn:
        p = history.plan(conn, project)
        conn.rollback()
        p = history.accept_edits(conn, project, p, accept_edited, dry_run)
        history.refuse_unsafe(p)
        return _rollback_on(conn, project, target, p, url, shadow_url, say, dry_run,
                            drop_baseline)


def _rollback_on(conn: Any, project: Project, target: Version, p: history.Plan, url: URL,
                 shadow_url: str | None, say: Say, dry_run: bool,
                 drop_baseline: bool) -> VersionResult:
    """The downs of every applied step that ``target`` does not have, in one transaction."""
    name = target.name
    keep = set(project.steps_up_to(target))
    by_name = {s.name: s for s in all_steps(project)}
    if not keep <= set(p.applied):
        raise Refused(f"the database does not have every step of {name} applied: use "
                      f"`citrine-migrate version {name}`")
    revert = [by_name[n] for n in sorted(set(p.applied) - keep, reverse=True)]
    if not revert:
        if not p.adopt:
            history.require_in_sync(conn, project, p.applied, url, shadow_url,
                                    f"it is not exactly at version {name}")
        return VersionResult("up-to-date", name)
    if dry_run:
        return VersionResult("planned", name, plans=[_steps_plan(
            project, p.applied, revert, "down", url, shadow_url,
            f"rollback {name}: the downs of {len(revert)} step(s)")])
    forced = history.baseline_first(conn, project, url, revert, drop_baseline, say,
                                    f"rollback {name}")
    history.adopt(conn, project, p, url, shadow_url, say)
    target_check = steps_target(project, sorted(keep))
    durations = runner.revert_steps(
        conn, project, revert,
        check=lambda c: verify_target(project, target_check, c, url, shadow_url),
        label=target_check.label, say=say, drop_baseline=forced)
    return VersionResult("rolled-back", name,
                         ran=[StepRun(s.name, "down", d) for s, d in zip(revert, durations,
                                                                          strict=True)])
