"""Shared pieces of the command line: the typer app, common options, output helpers.

Heavy libraries (SQLAlchemy, migra) are imported inside the commands, never at start-up, so
``--help`` stays fast. Every ``CitrineError`` becomes one line on stderr and its exit code.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM, CheckFailed, CitrineError  # noqa: F401

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
manager_app = typer.Typer(
    help="Manage migrations: list, report, validate, batch, select, interactive, new-version, "
         "new-step (spec: migrate:manager).",
    no_args_is_help=True,
)
app.add_typer(manager_app, name="manager")

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
BackupOpt = Annotated[
    bool, typer.Option("--backup", help="Take a checked pg_dump backup first (see `backup`); "
                                        "stop if it fails.")
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Print the plan (SQL with hazards); change nothing.")
]
AllowHazardOpt = Annotated[
    list[str] | None,
    typer.Option("--allow-hazard", help="Accept a hazard the plan would otherwise refuse "
                                        "(deletes-data)."),
]
DropBaselineOpt = Annotated[
    bool,
    typer.Option("--drop-baseline",
                 help="Allow reverting the baseline (the first step), whose down drops every "
                      "table with all its rows; a checked backup is taken first."),
]
AcceptEditedOpt = Annotated[
    list[str] | None,
    typer.Option("--accept-edited", metavar="STEP",
                 help="Accept that this applied step's file was edited since it ran: re-stamp "
                      "its checksum in the ledger (recorded with a note), then go on. "
                      "Repeatable."),
]
LockWaitOpt = Annotated[
    float, typer.Option("--lock-wait", help="Seconds to wait for another runner's lock.")
]
LockTimeoutOpt = Annotated[
    str | None,
    typer.Option("--lock-timeout",
                 help="How long one statement may wait for a table lock, e.g. 200ms, 5s "
                      "(default: settings.lock_timeout); then the step is rolled back and "
                      "retried."),
]
LockRetriesOpt = Annotated[
    int | None,
    typer.Option("--lock-retries", min=0,
                 help="How many times a step that timed out on a table lock is retried, after "
                      "1s, 2s, 4s... (default: settings.lock_retries)."),
]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _say(text: str) -> None:
    """A progress line on stderr: dimmed on a terminal; elsewhere (logs, CI, pipes) plain text,
    written without importing rich."""
    if not sys.stderr.isatty():
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
        return
    _console(stderr=True).print(text, markup=False, style="dim")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _project(path: str | None) -> Any:
    from .. import api

    return api.open_project(path)


def _url(project: Any, explicit: str | None) -> Any:
    from .. import api

    return api.database_url(project, explicit, say=_say)


def _masked(url: Any) -> str:
    from ..db import mask

    return mask(url)


def _render_diff(out: Any, diff: Any) -> None:
    for item in diff.differences:
        out.print(f"  {item.change:10} {item.kind} {item.name}", markup=False)
    if diff.statements:
        out.print("\nSQL that would reconcile the live schema with the snapshot:", markup=False)
        for statement in diff.statements:
            out.print("  " + statement.replace("\n", "\n  "), markup=False)


def _render_plan(out: Any, plan: Any) -> None:
    """A plan as a DBA reads it: each statement with its phase and hazards, then a summary."""
    out.print(f"-- Plan: {plan.title}", markup=False)
    phase = None
    for stmt in plan.statements:
        if stmt.phase != phase:
            phase = stmt.phase
            out.print(f"\n-- == {phase}", markup=False)
        tags = ", ".join(stmt.hazards)
        if stmt.archived:
            tags += " (archived first)"
        if tags:
            out.print(f"-- hazards: {tags}", markup=False)
        out.print(_terminated(stmt.sql), markup=False)
    counts = ", ".join(f"{k}: {v}" for k, v in plan.counts().items() if v)
    unarchived = len(plan.unarchived_deletes())
    out.print(f"\n-- {len(plan.statements)} statement(s); {counts or 'no hazards'}; "
              f"{unarchived} delete(s) of data not archived first", markup=False)


def _terminated(sql: str) -> str:
    """A statement as ``psql -f`` runs it: with its ``;`` (on a line of its own when the last
    line holds a comment, which would swallow it); a statement of comments only stays as is."""
    from ..sqltext import strip_comments

    text = sql.strip()
    if not strip_comments(text).strip():
        return text
    return text + ("\n;" if "--" in text.rsplit("\n", 1)[-1] else ";")


def _backup_first(proj: Any, url: Any) -> None:
    from ..api import operations

    taken = operations.backup(proj, url, say=_say)
    _say(f"backup: {taken.path} ({taken.size} bytes, version {taken.version}, checked with "
         "pg_restore --list)")


def _lock_options(proj: Any, lock_timeout: str | None, lock_retries: int | None) -> None:
    """--lock-timeout / --lock-retries override the config's settings for this run."""
    import re

    from ..errors import UsageError

    if lock_timeout is not None:
        if not re.fullmatch(r"\s*\d+(\.\d+)?\s*(ms|s|min|h)?\s*", lock_timeout):
            raise UsageError(f"--lock-timeout {lock_timeout!r}: give a duration such as 200ms, "
                             "5s or 1min")
        proj.settings["lock_timeout"] = lock_timeout.strip()
    if lock_retries is not None:
        proj.settings["lock_retries"] = lock_retries
