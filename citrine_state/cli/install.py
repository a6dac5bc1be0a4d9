"""snapshot, consolidated (fresh install), verify, status."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_PROBLEM, CheckFailed
from . import render
from .common import (
    AllowHazardOpt,
    DryRunOpt,
    ResolveOpt,
    Shared,
    app,
    known_version,
    parse_version,
    shared,
)

# --- snapshot ------------------------------------------------------------------------------------


@app.command()
@shared()
def snapshot(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a committed snapshot is "
                                                        "stale; write nothing.")] = False,
    *,
    opts: Shared,
) -> None:
    """Render each version's models to snapshots/<version>.sql."""
    from .. import api

    results = api.render_snapshots(opts.project, check=check)
    render.snapshots(opts.project, results, check)
    stale = [r for r, was_stale in results if was_stale]
    if check and stale:
        names = ", ".join(r.version.name for r in stale)
        raise CheckFailed(
            f"snapshot of version {names} no longer matches its models: run "
            "`citrine-migrate snapshot` and commit the result"
        )


# --- install, verify, status -------------------------------------------------------------------


@app.command()
@shared(url=True, shadow=True, locks=True, backup=True, json=True)
def consolidated(
    opts: Shared,
    dry_run: DryRunOpt = False,
    allow_hazard: AllowHazardOpt = None,
    resolve: ResolveOpt = None,
) -> None:
    """Fresh install from the latest snapshot, or consolidated upgrades from an exact older
    version (spec: migrate:consolidated)."""
    from .. import api

    url = opts.url()
    opts.backup_first(url, dry_run=dry_run)
    render.say(f"database: {render.masked(url)}")
    result = api.consolidated(opts.project, url, opts.shadow_url, lock_wait=opts.lock_wait,
                              locks=opts.locks, say=render.say, dry_run=dry_run,
                              allow_hazards=tuple(allow_hazard or ()),
                              resolutions=tuple(resolve or ()))
    render.upgrade(result, opts.json)


@app.command()
@shared(url=True, shadow=True, json=True)
def verify(
    version: Annotated[str | None, typer.Option(
        "--version", parser=parse_version, metavar="VERSION",
        help="Version to compare with (default: what the ledger says).")] = None,
    *,
    opts: Shared,
    schema_only: Annotated[bool, typer.Option(
        "--schema-only", help="Compare the schema only; do not look for serial sequences "
                              "behind their ids.")] = False,
) -> None:
    """Compare the live schema with a version's snapshot, and find serial sequences behind
    their ids: exit 0 in sync, 1 drift or a sequence behind, 2 error."""
    from .. import api

    known_version(opts.project, version)
    url = opts.url()
    result = api.verify(opts.project, url, version, opts.shadow_url, schema_only=schema_only)
    render.verify(result, url, opts.json)
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


def _status(opts: Shared) -> None:
    from .. import api

    url = opts.url()
    result = api.status(opts.project, url, opts.shadow_url)
    render.status(opts.project, url, result, opts.json)


@app.command()
@shared(url=True, shadow=True, json=True)
def status(opts: Shared) -> None:
    """What the database is (empty, at a version, drifted, not CitrineOS), applied, pending."""
    _status(opts)


@app.command("consolidated:status")
@shared(url=True, shadow=True, json=True)
def consolidated_status(opts: Shared) -> None:
    """Status as the consolidated runner sees it (spec: migrate:consolidated:status)."""
    _status(opts)
