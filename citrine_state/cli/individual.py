"""migrate, check, undo: the individual timestamped steps."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM
from . import render
from .common import (
    AcceptEditedOpt,
    DropBaselineOpt,
    DryRunOpt,
    ResolveOpt,
    Shared,
    app,
    shared,
)

# --- individual steps ----------------------------------------------------------------------------


@app.command()
@shared(url=True, shadow=True, locks=True, online=True, backup=True, json=True)
def migrate(
    opts: Shared,
    allow_out_of_order: Annotated[bool, typer.Option(
        "--allow-out-of-order",
        help="Apply pending steps older than the newest applied one (recorded in the ledger).",
    )] = False,
    dry_run: DryRunOpt = False,
    accept_edited: AcceptEditedOpt = None,
    resolve: ResolveOpt = None,
) -> None:
    """Apply every pending step in order, each in its own transaction, online steps beside
    traffic (spec: npm run migrate)."""
    from .. import api

    url = opts.url()
    opts.backup_first(url, dry_run=dry_run)
    out = render.console(stderr=opts.json)
    # a dry run's stdout is the plan, SQL that psql -f runs: everything else is a comment
    out.print(f"{'-- ' if dry_run else ''}Database: {render.masked(url)}", markup=False)

    def progress(run: Any) -> None:
        out.print(f"  ✅ {run.name} ({run.seconds:.2f}s)", markup=False)

    result = api.migrate(opts.project, url, opts.shadow_url, lock_wait=opts.lock_wait,
                         locks=opts.locks, say=render.say, progress=progress,
                         allow_out_of_order=allow_out_of_order, dry_run=dry_run,
                         accept_edited=tuple(accept_edited or ()),
                         resolutions=tuple(resolve or ()))
    render.migrate(out, result, opts.json)


@app.command()
@shared(url=True, json=True)
def check(opts: Shared) -> None:
    """List pending steps: exit 0 when nothing is pending, 1 when something is (spec:
    migrate:check)."""
    from .. import api

    result = api.check(opts.project, opts.url())
    render.check(result, opts.json)
    if result.pending or result.problems:
        raise typer.Exit(EXIT_PROBLEM)


@app.command()
@shared(url=True, shadow=True, locks=True, backup=True, json=True)
def undo(
    opts: Shared,
    dry_run: DryRunOpt = False,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
) -> None:
    """Revert the last applied step, restoring archived data (spec: db:migrate:undo). The
    baseline (the first step) only with --drop-baseline, after a checked backup."""
    from .. import api

    url = opts.url()
    opts.backup_first(url, dry_run=dry_run)
    render.say(f"database: {render.masked(url)}")
    run = api.undo(opts.project, url, opts.shadow_url, lock_wait=opts.lock_wait,
                   locks=opts.locks, say=render.say, dry_run=dry_run,
                   drop_baseline=drop_baseline, accept_edited=tuple(accept_edited or ()))
    render.undo(run, dry_run, opts.json)
