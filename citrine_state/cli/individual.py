"""migrate, check, undo: the individual timestamped steps."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM
from . import render
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
    _locks,
    _project,
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
    out = render.console(stderr=as_json)
    # a dry run's stdout is the plan, SQL that psql -f runs: everything else is a comment
    out.print(f"{'-- ' if dry_run else ''}Database: {render.masked(url)}", markup=False)

    def progress(run: Any) -> None:
        out.print(f"  ✅ {run.name} ({run.seconds:.2f}s)", markup=False)

    result = api.migrate(proj, url, shadow_url, lock_wait=lock_wait, say=render.say,
                         locks=_locks(lock_timeout, lock_retries, online_lock_timeout),
                         progress=progress, allow_out_of_order=allow_out_of_order,
                         dry_run=dry_run, accept_edited=tuple(accept_edited or ()),
                         resolutions=tuple(resolve or ()))
    render.migrate(out, result, as_json)


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
    render.check(result, as_json)
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
    render.say(f"database: {render.masked(url)}")
    run = api.undo(proj, url, shadow_url, lock_wait=lock_wait, say=render.say, dry_run=dry_run,
                   locks=_locks(lock_timeout, lock_retries),
                   drop_baseline=drop_baseline,
                   accept_edited=tuple(accept_edited or ()))
    render.undo(run, dry_run, as_json)
