"""snapshot, consolidated (fresh install), verify, status."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM, CheckFailed
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
    _console,
    _known_version,
    _locks,
    _masked,
    _print_json,
    _project,
    _render_diff,
    _render_plan,
    _result_json,
    _say,
    _url,
    app,
    parse_version,
    render_findings,
    traffic_lines,
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
    out = _console()
    stale = [r for r, was_stale in results if was_stale]
    for rendered, was_stale in results:
        rel = rendered.path.relative_to(proj.root)
        if check:
            word = "STALE" if was_stale else "ok"
        else:
            word = "wrote" if was_stale else "same"
        out.print(f"{word:6} {rel}", markup=False)
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
    _say(f"database: {_masked(url)}")
    result = api.consolidated(proj, url, shadow_url, lock_wait=lock_wait, say=_say,
                              locks=_locks(lock_timeout, lock_retries),
                              dry_run=dry_run, allow_hazards=tuple(allow_hazard or ()),
                              resolutions=tuple(resolve or ()))
    _report_upgrade(result, as_json)


def _report_upgrade(result: Any, as_json: bool) -> None:
    if as_json:
        _result_json(result.action, result.version, getattr(result, "ran", []), result.plans,
                     getattr(result, "install", None), result.upgrades)
        return
    out = _console()
    if result.action == "planned":
        for plan in result.plans:
            _render_plan(out, plan)
        out.print("-- Dry run: nothing was changed.", markup=False)
        return
    if result.action == "up-to-date":
        out.print(f"✅ already at version {result.version}: nothing to do", markup=False)
        return
    install = getattr(result, "install", None)
    if install is not None:
        out.print(
            f"✅ installed version {result.version} from its snapshot "
            f"({len(install.steps)} steps recorded, {install.seconds:.2f}s, "
            f"verified in {install.verify_seconds:.2f}s)",
            markup=False,
        )
        return
    for source, target, seconds in result.upgrades:
        out.print(f"✅ consolidated {source} -> {target} ({seconds:.2f}s, verified)",
                  markup=False)
    for run in getattr(result, "ran", []):
        mark = "✅" if run.direction == "up" else "⏪"
        out.print(f"  {mark} {run.name} ({run.seconds:.2f}s)", markup=False)
    out.print(f"Database is at version {result.version}.", markup=False)


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
    if as_json:
        _print_json(result.as_dict())
    else:
        out = _console()
        if result.diff.in_sync:
            out.print(f"✅ in sync with version {result.version} ({_masked(url)})", markup=False)
        else:
            out.print(f"❌ drift from version {result.version} ({_masked(url)}):", markup=False)
            _render_diff(out, result.diff)
        if result.sequences:
            out.print(f"❌ {len(result.sequences)} sequence(s) behind their ids (not drift: "
                      "the next insert fails with a duplicate key):", markup=False)
            for lag in result.sequences:
                out.print(f"  {lag.describe()}", markup=False)
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


def _status(project: str | None, database_url: str | None, shadow_url: str | None,
            as_json: bool) -> None:
    from .. import api
    from ..api.inspection import declared_resolutions

    proj = _project(project)
    url = _url(proj, database_url)
    result = api.status(proj, url, shadow_url)
    if as_json:
        _print_json({"database": _masked(url), **result.as_dict()})
        return
    out = _console()
    out.print(f"Database: {_masked(url)}", markup=False)
    out.print(f"State:    {result.summary}", markup=False)
    if result.recorded_by:
        out.print(f"Recorded: by {result.recorded_by}", markup=False)
    for version in proj.versions:
        steps = [s for s in version.steps]
        if not steps:
            continue
        done = sum(1 for s in steps if s in result.applied)
        out.print(f"\n{version.name}: {done}/{len(steps)} applied", markup=False)
        for step in steps:
            mark = "✅" if step in result.applied else "⏳"
            out.print(f"  {mark} {step}", markup=False)
    if result.unknown:
        out.print("\nUnknown to this project (recorded in SequelizeMeta or the ledger):",
                  markup=False)
        for name in result.unknown:
            out.print(f"  ? {name}", markup=False)
    if result.edited or result.vanished:
        out.print("\nHistory problems (migrate, undo, rollback and version refuse until they "
                  "are resolved):", markup=False)
        for path in result.edited:
            out.print(f"  ✎ {path}: edited since it was applied", markup=False)
        for path in result.vanished:
            out.print(f"  ✗ {path}: applied, but the file is gone", markup=False)
    if result.drift is not None and not result.drift.in_sync:
        out.print("\nDrift:", markup=False)
        _render_diff(out, result.drift)
    if result.preflight:
        out.print("\nPre-flight (a run that applies these steps refuses until each is "
                  "settled):", markup=False)
        render_findings(out, result.preflight, declared_resolutions(proj))
    if result.traffic:
        out.print("", markup=False)
        for line in traffic_lines(result.traffic):
            out.print(line, markup=False)
    if result.warnings:
        out.print("\nWarnings:", markup=False)
        for warning in result.warnings:
            out.print(f"  ⚠ {warning}", markup=False)
    if result.advice:
        out.print(f"\n{result.advice}", markup=False)
    if result.strategy:
        info = proj.raw.get("migration_strategy", {}).get(result.strategy, {})
        out.print(f"Strategy: {result.strategy}" + (
            f" ({info['description']}; recommended for: {info['recommended_for']})"
            if info else ""), markup=False)
    if result.recommendation:
        out.print(f"Next: {result.recommendation}", markup=False)


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


