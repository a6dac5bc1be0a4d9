"""snapshot, consolidated (fresh install), verify, status."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_PROBLEM, CheckFailed
from . import render
from .common import (
    AllowHazardOpt,
    BackupOpt,
    DatabaseUrlOpt,
    DryRunOpt,
    JsonOpt,
    LockRetriesOpt,
    LockTimeoutOpt,
    LockWaitOpt,
    ProjectOpt,
    ResolveOpt,
    ShadowUrlOpt,
    _backup_first,
    _known_version,
    _locks,
    _project,
    _url,
    app,
    parse_version,
)

# --- snapshot ------------------------------------------------------------------------------------


@app.command()
def snapshot(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a committed snapshot is "
                                                        "stale; write nothing.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Render each version's models to snapshots/<version>.sql."""
    from .. import api

    proj = _project(project)
    results = api.render_snapshots(proj, check=check)
    render.snapshots(proj, results, check)
    stale = [r for r, was_stale in results if was_stale]
    if check and stale:
        names = ", ".join(r.version.name for r in stale)
        raise CheckFailed(
            f"snapshot of version {names} no longer matches its models: run "
            "`citrine-migrate snapshot` and commit the result"
        )


# --- install, verify, status -------------------------------------------------------------------


@app.command()
def consolidated(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    lock_timeout: LockTimeoutOpt = None,
    lock_retries: LockRetriesOpt = None,
    dry_run: DryRunOpt = False,
    allow_hazard: AllowHazardOpt = None,
    as_json: JsonOpt = False,
    backup: BackupOpt = False,
    resolve: ResolveOpt = None,
) -> None:
    """Fresh install from the latest snapshot, or consolidated upgrades from an exact older
    version (spec: migrate:consolidated)."""
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    if backup and not dry_run:
        _backup_first(proj, url)
    render.say(f"database: {render.masked(url)}")
    result = api.consolidated(proj, url, shadow_url, lock_wait=lock_wait, say=render.say,
                              locks=_locks(lock_timeout, lock_retries),
                              dry_run=dry_run, allow_hazards=tuple(allow_hazard or ()),
                              resolutions=tuple(resolve or ()))
    render.upgrade(result, as_json)


@app.command()
def verify(
    version: Annotated[str | None, typer.Option(
        "--version", parser=parse_version, metavar="VERSION",
        help="Version to compare with (default: what the ledger says).")] = None,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
    schema_only: Annotated[bool, typer.Option(
        "--schema-only", help="Compare the schema only; do not look for serial sequences "
                              "behind their ids.")] = False,
) -> None:
    """Compare the live schema with a version's snapshot, and find serial sequences behind
    their ids: exit 0 in sync, 1 drift or a sequence behind, 2 error."""
    from .. import api

    proj = _project(project)
    _known_version(proj, version)
    url = _url(proj, database_url)
    result = api.verify(proj, url, version, shadow_url, schema_only=schema_only)
    render.verify(result, url, as_json)
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


def _status(project: str | None, database_url: str | None, shadow_url: str | None,
            as_json: bool) -> None:
    from .. import api

    proj = _project(project)
    url = _url(proj, database_url)
    result = api.status(proj, url, shadow_url)
    render.status(proj, url, result, as_json)


@app.command()
def status(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What the database is (empty, at a version, drifted, not CitrineOS), applied, pending."""
    _status(project, database_url, shadow_url, as_json)


@app.command("consolidated:status")
def consolidated_status(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Status as the consolidated runner sees it (spec: migrate:consolidated:status)."""
    _status(project, database_url, shadow_url, as_json)


