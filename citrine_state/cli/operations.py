"""backup, restore, manager list, manager report, manager validate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM, Refused, UsageError
from . import render
from .common import (
    Shared,
    app,
    manager_app,
    parse_database_name,
    parse_existing_file,
    parse_output_dir,
    parse_output_file,
    parse_report_format,
    shared,
)

NoDatabaseOpt = Annotated[
    bool,
    typer.Option("--no-database", help="Do not consult any database (no applied state)."),
]


def _overview_url(opts: Shared, no_database: bool) -> Any:
    return None if no_database else opts.existing_url()


# --- backup / restore ---------------------------------------------------------------------------


@app.command()
@shared(url=True, lock_wait=True, json=True)
def backup(
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", parser=parse_output_dir, metavar="DIR",
        help="Folder for the file (default: <project>/backups); folders it makes are 0700."
    )] = None,
    *,
    opts: Shared,
) -> None:
    """pg_dump -Fc of the database: <database>-<version>-<UTC time>.dump, mode 0600, checked
    with pg_restore --list."""
    from ..api import operations

    url = opts.existing_url()
    if url is None:
        raise UsageError("no database to back up: pass --database-url (or set "
                         "CITRINE_DATABASE_URL), or create the managed one first (`citrine-migrate "
                         "db start`)")
    result = operations.backup(opts.project, url, output_dir, lock_wait=opts.lock_wait,
                               say=render.say)
    render.backup(result, opts.json)


@app.command()
@shared(url=True, json=True)
def restore(
    file: Annotated[Path, typer.Argument(
        parser=parse_existing_file, metavar="FILE",
        help="A backup written by `citrine-migrate backup` (or any pg_dump -Fc file).")],
    into: Annotated[str | None, typer.Option(
        "--into", parser=parse_database_name, metavar="NAME",
        help="Name of the new database (default: derived from the file).")] = None,
    over_existing: Annotated[bool, typer.Option(
        "--over-existing", help="Replace the configured database (the old one is kept, "
                                "renamed); asks you to type its name.")] = False,
    confirm: Annotated[str | None, typer.Option(
        "--confirm", help="The configured database's name, for --over-existing without a "
                          "terminal.")] = None,
    no_owner: Annotated[bool, typer.Option(
        "--no-owner", help="Do not restore ownership and privileges (the restoring role owns "
                           "everything).")] = False,
    *,
    opts: Shared,
) -> None:
    """Restore a backup into a new database, or with --over-existing over the configured one."""
    from ..api import operations

    url = opts.url()
    if over_existing and into:
        raise UsageError("--into and --over-existing exclude each other: --over-existing "
                         "replaces the configured database")
    if over_existing and confirm is None:
        confirm = _typed_confirmation(str(url.database), render.masked(url))
    result = operations.restore(opts.project, url, file, into=into, over_existing=over_existing,
                                confirm=confirm, no_owner=no_owner, say=render.say)
    render.restore(result, url, over_existing, opts.json)


def _typed_confirmation(name: str, where: str) -> str:
    if not sys.stdin.isatty():
        raise Refused(f"restoring over {name!r} replaces it and needs a typed confirmation: run "
                      f"in a terminal, or pass --confirm {name}; nothing was restored")
    sys.stderr.write(
        f"This replaces the database {where} with the backup (the current one is kept, "
        "renamed). Stop the application first.\n"
        f"Type the database name ({name}) to continue: "
    )
    sys.stderr.flush()
    typed = sys.stdin.readline().strip()
    if typed != name:
        raise Refused(f"confirmation {typed!r} does not match {name!r}; nothing was restored")
    return typed


# --- manager list -------------------------------------------------------------------------------


@manager_app.command("list")
@shared(url=True, json=True)
def manager_list(opts: Shared, no_database: NoDatabaseOpt = False) -> None:
    """Steps grouped by version, with applied state when a database is at hand (spec:
    migrate:manager list)."""
    from ..api import operations

    url = _overview_url(opts, no_database)
    render.step_list(operations.list_steps(opts.project, url), opts.json)


# --- manager report -----------------------------------------------------------------------------


@manager_app.command("report")
@shared(url=True, shadow=True, json=True)
def manager_report(
    output_format: Annotated[str, typer.Option(
        "--format", parser=parse_report_format, metavar="FORMAT",
        help="rich (terminal), md (a file for a change request) or json.")] = "rich",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", parser=parse_output_file, metavar="FILE",
        help="Write to this file instead of the terminal.")] = None,
    *,
    opts: Shared,
    no_database: NoDatabaseOpt = False,
) -> None:
    """Versions (features, breaking changes, upgrade notes), steps, custom batches; with a
    database applied, pending and drift (spec: migrate:manager report)."""
    import json

    from ..api import operations

    fmt = "json" if opts.json else output_format
    if fmt == "rich" and output is not None:
        raise UsageError("--output needs --format md or json")
    url = _overview_url(opts, no_database)
    rep = operations.report(opts.project, url, opts.shadow_url)
    if fmt == "json":
        text = json.dumps(rep.as_dict(), indent=2, default=str) + "\n"
    elif fmt == "md":
        text = operations.to_markdown(rep)
    else:
        render.report(rep)
        return
    if output is None:
        sys.stdout.write(text)
        return
    _write_file(output, text)
    render.say(f"wrote {output}")


def _write_file(path: Path, text: str) -> None:
    """Write a file the user named: any failure is one line naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


# --- manager validate ---------------------------------------------------------------------------


@manager_app.command("validate")
@shared(json=True)
def manager_validate(opts: Shared) -> None:
    """Check migration-config.json against the engine's JSON Schema, and the step files
    against the config: every problem with its JSON path; exit 1 when there is any."""
    from ..api import operations

    result = operations.validate(opts.project_dir)  # every problem, not the first one
    render.validation(result, opts.json)
    if not result.valid:
        raise typer.Exit(EXIT_PROBLEM)
