"""migrate, check, undo: the individual timestamped steps."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM
from .common import (
    AcceptEditedOpt,
    BackupOpt,
    DatabaseUrlOpt,
    DropBaselineOpt,
    DryRunOpt,
    JsonOpt,
    LockRetriesOpt,
    LockTimeoutOpt,
    LockWaitOpt,
    OnlineLockTimeoutOpt,
    ProjectOpt,
    ResolveOpt,
    ShadowUrlOpt,
    _backup_first,
    _console,
    _locks,
    _masked,
    _print_json,
    _project,
    _render_plan,
    _result_json,
    _say,
    _url,
    app,
)

# --- individual steps ----------------------------------------------------------------------------


@app.command()
def migrate(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    lock_timeout: LockTimeoutOpt = None,
    lock_retries: LockRetriesOpt = None,
    online_lock_timeout: OnlineLockTimeoutOpt = None,
    backup: BackupOpt = False,
    allow_out_of_order: Annotated[bool, typer.Option(
        "--allow-out-of-order",
        help="Apply pending steps older than the newest applied one (recorded in the ledger).",
    )] = False,
    dry_run: DryRunOpt = False,
    accept_edited: AcceptEditedOpt = None,
    resolve: ResolveOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply every pending step in order, each in its own transaction, online steps beside
    traffic (spec: npm run migrate)."""
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    if backup and not dry_run:
        _backup_first(proj, url)
    out = _console(stderr=as_json)
    # a dry run's stdout is the plan, SQL that psql -f runs: everything else is a comment
    out.print(f"{'-- ' if dry_run else ''}Database: {_masked(url)}", markup=False)

    def progress(run: Any) -> None:
        out.print(f"  ✅ {run.name} ({run.seconds:.2f}s)", markup=False)

    result = api.migrate(proj, url, shadow_url, lock_wait=lock_wait, say=_say,
                         locks=_locks(lock_timeout, lock_retries, online_lock_timeout),
                         progress=progress, allow_out_of_order=allow_out_of_order,
                         dry_run=dry_run, accept_edited=tuple(accept_edited or ()),
                         resolutions=tuple(resolve or ()))
    if as_json:
        action = "planned" if result.plan is not None else "migrated" if result.ran \
            else "up-to-date"
        _result_json(action, result.version, result.ran,
                     [result.plan] if result.plan is not None else [], adopted=result.adopted)
        return
    if result.plan is not None:
        _render_plan(out, result.plan)
        out.print("-- Dry run: nothing was changed.", markup=False)
        return
    if result.adopted:
        out.print(f"Adopted {len(result.adopted)} step(s) that CitrineOS's own runner applied.",
                  markup=False)
    if not result.ran:
        if result.repaired:
            out.print(f"Moved {len(result.repaired)} sequence(s) that lagged behind their ids "
                      f"past them ({', '.join(result.repaired)}; recorded in the ledger).",
                      markup=False)
        out.print("No pending steps: the database is up to date.", markup=False)
        return
    where = f" (now at version {result.version}, verified)" if result.version else " (verified)"
    total = sum(r.seconds for r in result.ran)
    out.print(f"Applied {len(result.ran)} step(s) in {total:.2f}s{where}.", markup=False)


@app.command()
def check(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List pending steps: exit 0 when nothing is pending, 1 when something is (spec:
    migrate:check)."""
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    result = api.check(proj, url)
    if as_json:
        _print_json(result.__dict__)
    else:
        out = _console()
        if result.pending:
            out.print(f"{len(result.pending)} pending step(s):", markup=False)
            for name in result.pending:
                out.print(f"  ⏳ {name}", markup=False)
        elif not result.problems:
            out.print("Nothing pending.", markup=False)
        if result.problems:
            lead = "" if result.pending else "Nothing pending, but "
            count = len(result.problems)
            out.print(f"{lead}{count} history problem{'' if count == 1 else 's'} "
                      f"{'stops' if count == 1 else 'stop'} `citrine-migrate migrate` "
                      "(exit 1):", markup=False)
            for problem in result.problems:
                out.print(f"  ⚠️  {problem}", markup=False)
    if result.pending or result.problems:
        raise typer.Exit(EXIT_PROBLEM)


@app.command()
def undo(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    lock_timeout: LockTimeoutOpt = None,
    lock_retries: LockRetriesOpt = None,
    dry_run: DryRunOpt = False,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
    backup: BackupOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Revert the last applied step, restoring archived data (spec: db:migrate:undo). The
    baseline (the first step) only with --drop-baseline, after a checked backup."""
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    if backup and not dry_run:
        _backup_first(proj, url)
    _say(f"database: {_masked(url)}")
    run = api.undo(proj, url, shadow_url, lock_wait=lock_wait, say=_say, dry_run=dry_run,
                   locks=_locks(lock_timeout, lock_retries),
                   drop_baseline=drop_baseline,
                   accept_edited=tuple(accept_edited or ()))
    if run is None:
        if as_json:
            _result_json("up-to-date", None)
        else:
            _console().print("No step is applied: nothing to undo.", markup=False)
        return
    if as_json:
        if dry_run:
            _result_json("planned", None, plans=[run])
        else:
            _result_json("reverted", None, [run])
        return
    if dry_run:
        _render_plan(_console(), run)
        _console().print("-- Dry run: nothing was changed.", markup=False)
        return
    _console().print(f"⏪ reverted {run.name} ({run.seconds:.2f}s)", markup=False)
