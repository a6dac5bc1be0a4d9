"""version, rollback, manager batch: moving between versions and generating consolidated
migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import CheckFailed
from . import render
from .common import (
    AcceptEditedOpt,
    AllowHazardOpt,
    DropBaselineOpt,
    DryRunOpt,
    ResolveOpt,
    Shared,
    VersionArg,
    app,
    known_version,
    manager_app,
    shared,
)


@app.command("version")
@shared(url=True, shadow=True, locks=True, online=True, backup=True, json=True)
def version_cmd(
    version: VersionArg,
    opts: Shared,
    dry_run: DryRunOpt = False,
    allow_hazard: AllowHazardOpt = None,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
    resolve: ResolveOpt = None,
) -> None:
    """Bring the database to exactly VERSION by the fitting path (spec: migrate:version)."""
    from .. import api

    known_version(opts.project, version)
    url = opts.url()
    opts.backup_first(url, dry_run=dry_run)
    render.say(f"database: {render.masked(url)}")
    result = api.to_version(opts.project, url, version, opts.shadow_url,
                            lock_wait=opts.lock_wait, locks=opts.locks, say=render.say,
                            dry_run=dry_run, allow_hazards=tuple(allow_hazard or ()),
                            drop_baseline=drop_baseline,
                            accept_edited=tuple(accept_edited or ()),
                            resolutions=tuple(resolve or ()))
    render.upgrade(result, opts.json)


@app.command()
@shared(url=True, shadow=True, locks=True, backup=True, json=True)
def rollback(
    version: VersionArg,
    opts: Shared,
    dry_run: DryRunOpt = False,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
) -> None:
    """Go back down to VERSION through the steps' downs, restoring archived data, verified
    against VERSION's snapshot (spec: migrate:rollback)."""
    from .. import api

    known_version(opts.project, version)
    url = opts.url()
    opts.backup_first(url, dry_run=dry_run)
    render.say(f"database: {render.masked(url)}")
    result = api.rollback(opts.project, url, version, opts.shadow_url, lock_wait=opts.lock_wait,
                          locks=opts.locks, say=render.say, dry_run=dry_run,
                          drop_baseline=drop_baseline,
                          accept_edited=tuple(accept_edited or ()))
    render.upgrade(result, opts.json)


@manager_app.command("batch")
@shared(url=True, shadow=True, json=True)
def manager_batch(
    check: Annotated[bool, typer.Option(
        "--check", help="Exit 1 if a committed consolidated migration is stale; write nothing."
    )] = False,
    show_plan: Annotated[bool, typer.Option("--plan", help="Print each plan with its "
                                                           "hazards.")] = False,
    *,
    opts: Shared,
) -> None:
    """Generate each version's consolidated migration from a migra diff of the snapshots and
    the steps' data moves (spec: migrate:manager batch)."""
    from .. import api

    files = api.manager_batch(opts.project, opts.url(), opts.shadow_url, check=check)
    render.manager_batch(opts.project, files, check, show_plan, opts.json)
    stale = [f.version for f in files if f.stale]
    if check and stale:
        raise CheckFailed(f"consolidated migration of version {', '.join(stale)} is stale: run "
                          "`citrine-migrate manager batch` and commit the result")
