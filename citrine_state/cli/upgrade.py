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
    VersionArg,
    _backup_first,
    _known_version,
    _locks,
    _project,
    _url,
    app,
    manager_app,
)


@app.command("version")
def version_cmd(
    version: VersionArg,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    lock_timeout: LockTimeoutOpt = None,
    lock_retries: LockRetriesOpt = None,
    online_lock_timeout: OnlineLockTimeoutOpt = None,
    dry_run: DryRunOpt = False,
    allow_hazard: AllowHazardOpt = None,
    as_json: JsonOpt = False,
    backup: BackupOpt = False,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
    resolve: ResolveOpt = None,
) -> None:
    """Bring the database to exactly VERSION by the fitting path (spec: migrate:version)."""
    from .. import api

    proj = _project(project)
    _known_version(proj, version)
    url = _url(proj, database_url)
    if backup and not dry_run:
        _backup_first(proj, url)
    render.say(f"database: {render.masked(url)}")
    result = api.to_version(proj, url, version, shadow_url, lock_wait=lock_wait, say=render.say,
                            locks=_locks(lock_timeout, lock_retries, online_lock_timeout),
                            dry_run=dry_run, allow_hazards=tuple(allow_hazard or ()),
                            drop_baseline=drop_baseline,
                            accept_edited=tuple(accept_edited or ()),
                            resolutions=tuple(resolve or ()))
    render.upgrade(result, as_json)


@app.command()
def rollback(
    version: VersionArg,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    lock_timeout: LockTimeoutOpt = None,
    lock_retries: LockRetriesOpt = None,
    dry_run: DryRunOpt = False,
    as_json: JsonOpt = False,
    drop_baseline: DropBaselineOpt = False,
    accept_edited: AcceptEditedOpt = None,
    backup: BackupOpt = False,
) -> None:
    """Go back down to VERSION through the steps' downs, restoring archived data, verified
    against VERSION's snapshot (spec: migrate:rollback)."""
    from .. import api

    proj = _project(project)
    _known_version(proj, version)
    url = _url(proj, database_url)
    if backup and not dry_run:
        _backup_first(proj, url)
    render.say(f"database: {render.masked(url)}")
    result = api.rollback(proj, url, version, shadow_url, lock_wait=lock_wait, say=render.say,
                          locks=_locks(lock_timeout, lock_retries),
                          dry_run=dry_run, drop_baseline=drop_baseline,
                          accept_edited=tuple(accept_edited or ()))
    render.upgrade(result, as_json)


@manager_app.command("batch")
def manager_batch(
    check: Annotated[bool, typer.Option(
        "--check", help="Exit 1 if a committed consolidated migration is stale; write nothing."
    )] = False,
    show_plan: Annotated[bool, typer.Option("--plan", help="Print each plan with its "
                                                           "hazards.")] = False,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Generate each version's consolidated migration from a migra diff of the snapshots and
    the steps' data moves (spec: migrate:manager batch)."""
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    files = api.manager_batch(proj, url, shadow_url, check=check)
    render.manager_batch(proj, files, check, show_plan, as_json)
    stale = [f.version for f in files if f.stale]
    if check and stale:
        raise CheckFailed(f"consolidated migration of version {', '.join(stale)} is stale: run "
                          "`citrine-migrate manager batch` and commit the result")
