"""The ``citrine-migrate`` command line: parse, call ``api``, render, exit.

Heavy libraries (SQLAlchemy, migra) are imported inside the commands, never at start-up, so
``--help`` stays fast. Every ``CitrineError`` becomes one line on stderr and its exit code.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import EXIT_PROBLEM, CheckFailed, CitrineError

app = typer.Typer(
    name="citrine-migrate",
    help="Declarative state-diff migrations for the CitrineOS PostgreSQL database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(help="The managed local PostgreSQL (used when no database URL is given).",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")

ProjectOpt = Annotated[
    str | None,
    typer.Option("--project", envvar="CITRINE_PROJECT", show_envvar=False,
                 help="Project folder (default: the first folder upwards with "
                      "migration-config.json)."),
]
DatabaseUrlOpt = Annotated[
    str | None,
    typer.Option("--database-url", envvar=["CITRINE_DATABASE_URL", "DATABASE_URL"],
                 show_envvar=False,
                 help="PostgreSQL URL (default: CITRINE_DATABASE_URL, DATABASE_URL, else the "
                      "managed local cluster)."),
]
ShadowUrlOpt = Annotated[
    str | None,
    typer.Option("--shadow-url",
                 help="Server on which to build shadow databases (default: the same server)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
LockWaitOpt = Annotated[
    float, typer.Option("--lock-wait", help="Seconds to wait for another runner's lock.")
]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _say(text: str) -> None:
    _console(stderr=True).print(text, markup=False, style="dim")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _project(path: str | None) -> Any:
    from . import api

    return api.open_project(path)


def _url(project: Any, explicit: str | None) -> Any:
    from . import api

    return api.database_url(project, explicit, say=_say)


# --- snapshot ------------------------------------------------------------------------------------


@app.command()
def snapshot(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a committed snapshot is "
                                                        "stale; write nothing.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Render each version's models to snapshots/<version>.sql."""
    from . import api

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
    as_json: JsonOpt = False,
) -> None:
    """Fresh install of the latest version from its snapshot (spec: migrate:consolidated)."""
    from . import api

    proj = _project(project)
    url = _url(proj, database_url)
    _say(f"database: {_masked(url)}")
    result = api.consolidated(proj, url, shadow_url, lock_wait=lock_wait, say=_say)
    if as_json:
        _print_json({
            "action": result.action,
            "version": result.version,
            "install": result.install.__dict__ if result.install else None,
        })
        return
    out = _console()
    if result.action == "up-to-date":
        out.print(f"✅ already at version {result.version}: nothing to do", markup=False)
        return
    install = result.install
    assert install is not None
    out.print(
        f"✅ installed version {result.version} from its snapshot "
        f"({len(install.steps)} steps recorded, {install.seconds:.2f}s, "
        f"verified in {install.verify_seconds:.2f}s)",
        markup=False,
    )


def _masked(url: Any) -> str:
    from .db import mask

    return mask(url)


def _render_diff(out: Any, diff: Any) -> None:
    for item in diff.differences:
        out.print(f"  {item.change:10} {item.kind} {item.name}", markup=False)
    if diff.statements:
        out.print("\nSQL that would reconcile the live schema with the snapshot:", markup=False)
        for statement in diff.statements:
            out.print("  " + statement.replace("\n", "\n  "), markup=False)


@app.command()
def verify(
    version: Annotated[str | None, typer.Option("--version", help="Version to compare with "
                                                "(default: what the ledger says).")] = None,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare the live schema with a version's snapshot: exit 0 in sync, 1 drift, 2 error."""
    from . import api

    proj = _project(project)
    url = _url(proj, database_url)
    result = api.verify(proj, url, version, shadow_url)
    if as_json:
        _print_json(result.as_dict())
    else:
        out = _console()
        if result.diff.in_sync:
            out.print(f"✅ in sync with version {result.version} ({_masked(url)})", markup=False)
        else:
            out.print(f"❌ drift from version {result.version} ({_masked(url)}):", markup=False)
            _render_diff(out, result.diff)
    if not result.diff.in_sync:
        raise typer.Exit(EXIT_PROBLEM)


def _status(project: str | None, database_url: str | None, shadow_url: str | None,
            as_json: bool) -> None:
    from . import api

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
        out.print("\nUnknown to this project (recorded in SequelizeMeta):", markup=False)
        for name in result.unknown:
            out.print(f"  ? {name}", markup=False)
    if result.drift is not None and not result.drift.in_sync:
        out.print("\nDrift:", markup=False)
        _render_diff(out, result.drift)
    if result.recommendation:
        out.print(f"\nNext: {result.recommendation}", markup=False)


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


# --- individual steps ----------------------------------------------------------------------------


@app.command()
def migrate(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
) -> None:
    """Apply every pending step in order, each in its own transaction (spec: npm run migrate)."""
    from . import api

    proj = _project(project)
    url = _url(proj, database_url)
    out = _console()
    out.print(f"Database: {_masked(url)}", markup=False)

    def progress(run: Any) -> None:
        out.print(f"  ✅ {run.name} ({run.seconds:.2f}s)", markup=False)

    result = api.migrate(proj, url, shadow_url, lock_wait=lock_wait, say=_say,
                         progress=progress)
    if result.adopted:
        out.print(f"Adopted {len(result.adopted)} step(s) that CitrineOS's own runner applied.",
                  markup=False)
    if not result.ran:
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
    from . import api

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
        else:
            out.print("Nothing pending.", markup=False)
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
) -> None:
    """Revert the last applied step, restoring archived data (spec: db:migrate:undo)."""
    from . import api

    proj = _project(project)
    url = _url(proj, database_url)
    run = api.undo(proj, url, shadow_url, lock_wait=lock_wait, say=_say)
    _console().print(f"⏪ reverted {run.name} ({run.seconds:.2f}s)", markup=False)


# --- db -----------------------------------------------------------------------------------------


def _project_root(project: str | None) -> Path:
    from .project import find_root

    return find_root(project)


@db_app.command("start")
def db_start(project: ProjectOpt = None) -> None:
    """Create (on first use) and start the managed local PostgreSQL."""
    from . import api

    status = api.db_start(_project_root(project), say=_say)
    _console().print(f"running: PostgreSQL {status.version} on 127.0.0.1:{status.port} "
                     f"({status.datadir})", markup=False)


@db_app.command("stop")
def db_stop(project: ProjectOpt = None) -> None:
    """Stop the managed local PostgreSQL."""
    from . import api

    stopped = api.db_stop(_project_root(project))
    _console().print("stopped" if stopped else "not running", markup=False)


@db_app.command("status")
def db_status(project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """Whether the managed cluster exists and runs, where, on which port."""
    from . import api

    status = api.db_status(_project_root(project))
    if as_json:
        _print_json(status.as_dict())
        return
    out = _console()
    if not status.created:
        out.print("not created (any command that needs a database creates it; or `db start`)",
                  markup=False)
        return
    state = "running" if status.running else "stopped"
    out.print(f"{state}: PostgreSQL {status.version}, port {status.port}, data {status.datadir}",
              markup=False)
    out.print(f"url: {status.url}", markup=False)


@db_app.command("url")
def db_url(
    project: ProjectOpt = None,
    show_password: Annotated[bool, typer.Option("--show-password",
                                                help="Include the password.")] = False,
) -> None:
    """Print the managed cluster's URL (without the password unless asked)."""
    from . import api

    sys.stdout.write(api.db_url(_project_root(project), show_password) + "\n")


def main() -> None:
    """Entry point: run the app, turning our errors into one line and an exit code."""
    try:
        app()
    except CitrineError as err:
        result = getattr(err, "result", None)
        if result is not None:
            _render_diff(_console(stderr=True), result)
        _fail(str(err), err.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted; nothing was committed by the step that was running", 130)
    except Exception as err:  # never a traceback for the user, unless asked
        if os.environ.get("CITRINE_DEBUG"):
            raise
        from .db import first_line

        if type(err).__module__.startswith(("sqlalchemy", "psycopg")):
            _fail(f"database error: {first_line(err)}", 2)
        _fail(f"internal error: {type(err).__name__}: {first_line(err)} "
              "(CITRINE_DEBUG=1 shows where)", 2)


def _fail(message: str, code: int) -> None:
    from .db import scrub

    sys.stderr.write(f"error: {scrub(message)}\n")
    sys.exit(code)


__all__ = ["app", "main", "EXIT_PROBLEM"]
