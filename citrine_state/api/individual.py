"""The step path (the spec's individual steps): ``migrate`` applies every pending step in order,
each in its own transaction (online steps in parts, see ``online_run``), the last one verified
before it commits; ``check`` lists what is pending and what would stop it; ``undo`` reverts the
last applied step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import URL

from .. import db, online, online_run, runner, status, traffic
from .. import steps as steps_mod
from ..progress import Say, quiet
from ..project import Project
from ..steps import Step
from . import history
from .basics import LockOptions, with_locks


@dataclass
class StepRun:
    name: str
    direction: str
    seconds: float


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
    say: Say = quiet,
    progress: Callable[[StepRun], None] | None = None,
    allow_out_of_order: bool = False,
    dry_run: bool = False,
    accept_edited: tuple[str, ...] = (),
    resolutions: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> MigrateResult:
    """The spec's ``npm run migrate``: adopt what CitrineOS's own runner applied (verified),
    then apply every pending step in order, each in its own transaction; the last one is
    verified against what the steps should produce before it commits. Before anything is
    written, the pending steps' pre-flights run (``resolutions``: what ``--resolve`` allows
    them to settle); any other finding refuses the run. ``locks``: this run's lock options
    (default: the config's settings)."""
    project = with_locks(project, locks)
    steps_mod.all_steps(project)  # every listed step has its file, before we connect
    steps_mod.check_resolutions(project, resolutions)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = history.plan(conn, project)
        history.refuse_foreign(conn, project, p)
        conn.rollback()
        p = history.accept_edits(conn, project, p, accept_edited, dry_run)
        history.refuse_unsafe(p, allow_out_of_order)
        if dry_run:
            from ..dryrun import plan_steps

            shown = plan_steps(project, p.applied, p.pending, "up", url, shadow_url,
                               title=f"migrate: {len(p.pending)} pending step(s)")
            shown.traffic = traffic.assess(conn, project, p.pending)
            return MigrateResult([s.name for s in p.adopt], [], None, shown)
        # an adoption checks the same itself; a step left in progress has changed the schema
        # part-way (the run's verification at its end checks the result)
        if not p.adopt and not p.in_progress:
            history.require_in_sync(conn, project, p.applied, url, shadow_url,
                             "nothing ran" if p.pending
                             else "no step is pending, but the database is not up to date")
        runner.check_preflight(conn, project, p.pending, resolutions)
        adopted = history.adopt(conn, project, p, url, shadow_url, say)
        ran = apply_steps(conn, project, p.applied, p.pending, url, shadow_url, say, progress,
                           late=set(p.out_of_order), resolutions=resolutions)
        repaired = []
        if not ran:
            # Nothing pending: still repair what another runner left behind (upstream's own
            # leaves "Tenants_id_seq" behind the default tenant); the ledger names it.
            repaired = runner.repair_sequences(conn, project, say)
        version = status.version_with_exactly(project, set(p.applied) | {r.name for r in ran})
    return MigrateResult(adopted, ran, version.name if version else None,
                         repaired=[lag.sequence for lag in repaired])


def apply_steps(
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
            label, check = history.checker(project, done, url, shadow_url)
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
        p = history.plan(conn, project)
        conn.rollback()
    problems = (
        [f"unknown to this project: {n}" for n in p.unknown]
        + [f"edited after it was applied: {n}" for n in p.edited]
        + [f"applied, file missing: {n}" for n in p.vanished]
        + [f"older than the newest applied step: {n}" for n in p.out_of_order]
    )
    return CheckResult(p.applied, [s.name for s in p.pending], problems)


def undo(
    project: Project,
    url: URL,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    dry_run: bool = False,
    drop_baseline: bool = False,
    accept_edited: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> StepRun | Any:
    """Revert the last applied step (the spec's ``db:migrate:undo``), verified against what the
    remaining steps produce. None when no step is applied (nothing to undo). The baseline (the
    first step) only with ``drop_baseline``, after a checked backup. ``locks``: as
    ``migrate``."""
    from ..errors import Refused

    project = with_locks(project, locks)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = history.plan(conn, project)
        conn.rollback()
        history.refuse_foreign(conn, project, p)
        p = history.accept_edits(conn, project, p, accept_edited, dry_run)
        history.refuse_unsafe(p)
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
        forced = history.baseline_first(conn, project, url, [last], drop_baseline, say, "undo")
        label, check_fn = (None, None)
        if remaining:
            label, check_fn = history.checker(project, remaining, url, shadow_url)
        seconds = runner.revert_step(conn, project, last, say=say, check=check_fn,
                                     label=label or "", drop_baseline=forced)
    return StepRun(last.name, "down", seconds)
