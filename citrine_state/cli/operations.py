"""backup, restore, manager list, manager report, manager validate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import EXIT_PROBLEM, Refused, UsageError
from .common import (
    DatabaseUrlOpt,
    JsonOpt,
    LockWaitOpt,
    ProjectOpt,
    ShadowUrlOpt,
    _console,
    _masked,
    _print_json,
    _project,
    _say,
    _url,
    app,
    manager_app,
    parse_database_name,
    parse_existing_file,
    parse_output_dir,
    parse_output_file,
    parse_report_format,
)

NoDatabaseOpt = Annotated[
    bool,
    typer.Option("--no-database", help="Do not consult any database (no applied state)."),
]


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def _overview_url(proj: Any, database_url: str | None, no_database: bool) -> Any:
    from ..api import operations

    if no_database:
        return None
    return operations.existing_database_url(proj, database_url, say=_say)


# --- backup / restore ---------------------------------------------------------------------------


@app.command()
def backup(
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", parser=parse_output_dir, metavar="DIR",
        help="Folder for the file (default: <project>/backups); folders it makes are 0700."
    )] = None,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    lock_wait: LockWaitOpt = 60.0,
    as_json: JsonOpt = False,
) -> None:
    """pg_dump -Fc of the database: <database>-<version>-<UTC time>.dump, mode 0600, checked
    with pg_restore --list."""
    from ..api import operations

    proj = _project(project)
    url = operations.existing_database_url(proj, database_url, say=_say)
    if url is None:
        raise UsageError("no database to back up: pass --database-url (or set "
                         "CITRINE_DATABASE_URL), or create the managed one first (`citrine-migrate "
                         "db start`)")
    result = operations.backup(proj, url, output_dir, lock_wait=lock_wait, say=_say)
    if as_json:
        _print_json(result.as_dict())
        return
    _console().print(
        f"✅ backup of {result.database} (version {result.version}): {result.path} "
        f"({_size(result.size)}, {result.tables} tables, checked with pg_restore --list, "
        f"{result.seconds:.1f}s)",
        markup=False,
    )


@app.command()
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
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Restore a backup into a new database, or with --over-existing over the configured one."""
    from ..api import operations

    proj = _project(project)
    url = _url(proj, database_url)
    if over_existing and into:
        raise UsageError("--into and --over-existing exclude each other: --over-existing "
                         "replaces the configured database")
    if over_existing and confirm is None:
        confirm = _typed_confirmation(str(url.database), _masked(url))
    result = operations.restore(proj, url, file, into=into, over_existing=over_existing,
                                confirm=confirm, no_owner=no_owner, say=_say)
    if as_json:
        _print_json(result.as_dict())
        return
    out = _console()
    version = f"version {result.version}" if result.version else "no version recorded"
    out.print(f"✅ restored {result.file} into {result.database} ({result.tables} tables, "
              f"{version}, {result.seconds:.1f}s)", markup=False)
    if result.kept_as:
        out.print(f"   the replaced database is kept as {result.kept_as}: drop it when you "
                  f"are satisfied (DROP DATABASE \"{result.kept_as}\")", markup=False)
    for note in result.notes:
        out.print(f"   ⚠️  {note}", markup=False)
    if not over_existing:
        out.print(f"   check it: citrine-migrate status --database-url "
                  f"{_masked(url.set(database=result.database))}", markup=False)


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
def manager_list(
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    no_database: NoDatabaseOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Steps grouped by version, with applied state when a database is at hand (spec:
    migrate:manager list)."""
    from ..api import operations

    proj = _project(project)
    url = _overview_url(proj, database_url, no_database)
    listing = operations.list_steps(proj, url)
    if as_json:
        _print_json(listing.as_dict())
        return
    out = _console()
    if listing.database:
        out.print(f"Database: {listing.database}", markup=False)
    else:
        out.print("No database consulted (pass --database-url for the applied state).",
                  markup=False)
    for version in listing.versions:
        count = len(version.steps)
        out.print(f"\n📦 {version.name}  {version.description} ({count} step"
                  f"{'' if count == 1 else 's'})", markup=False)
        if not version.steps:
            out.print("   (no steps yet)", markup=False)
        for step in version.steps:
            mark = "•" if step.applied is None else "✅" if step.applied else "⏳"
            missing = "  (file missing)" if step.file is None else ""
            out.print(f"   {mark} {step.name}{missing}", markup=False)
            out.print(f"      {operations.stamp_text(step.timestamp)}  {step.description}",
                      markup=False)
    if listing.unknown:
        out.print("\nUnknown to this project (recorded in SequelizeMeta or the ledger):",
                  markup=False)
        for name in listing.unknown:
            out.print(f"   ? {name}", markup=False)
    if listing.database:
        steps = [s for v in listing.versions for s in v.steps]
        done = sum(1 for s in steps if s.applied)
        more = f"; {len(listing.unknown)} unknown to this project" if listing.unknown else ""
        out.print(f"\n{done} of {len(steps)} step(s) applied{more}.", markup=False)


# --- manager report -----------------------------------------------------------------------------


@manager_app.command("report")
def manager_report(
    output_format: Annotated[str, typer.Option(
        "--format", parser=parse_report_format, metavar="FORMAT",
        help="rich (terminal), md (a file for a change request) or json.")] = "rich",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", parser=parse_output_file, metavar="FILE",
        help="Write to this file instead of the terminal.")] = None,
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    no_database: NoDatabaseOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Versions (features, breaking changes, upgrade notes), steps, custom batches; with a
    database applied, pending and drift (spec: migrate:manager report)."""
    import json

    from ..api import operations

    fmt = "json" if as_json else output_format
    if fmt == "rich" and output is not None:
        raise UsageError("--output needs --format md or json")
    proj = _project(project)
    url = _overview_url(proj, database_url, no_database)
    rep = operations.report(proj, url, shadow_url)
    if fmt == "json":
        text = json.dumps(rep.as_dict(), indent=2, default=str) + "\n"
    elif fmt == "md":
        text = operations.to_markdown(rep)
    else:
        _render_report(rep)
        return
    if output is None:
        sys.stdout.write(text)
        return
    _write_file(output, text)
    _say(f"wrote {output}")


def _write_file(path: Path, text: str) -> None:
    """Write a file the user named: any failure is one line naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def _render_report(rep: Any) -> None:
    """The report for a terminal of any width: no table columns to squeeze, each step on a line
    of its own with its state and description below (a narrow terminal wraps long lines, it
    never cuts them)."""
    out = _console()
    dbi = rep.database
    from rich.markup import escape

    out.print(f"[bold]Migration report: {escape(rep.project)}[/bold]  ({rep.generated_at})")
    if dbi is None:
        out.print("No database consulted (pass --database-url for applied, pending and drift).",
                  markup=False)
    else:
        out.print(f"Database: {dbi.url}", markup=False)
        out.print(f"State:    {dbi.summary}", markup=False)
        out.print(f"Applied:  {len(dbi.applied)} of {len(rep.steps)}; pending: "
                  f"{len(dbi.pending)}", markup=False)
        if dbi.recommendation:
            out.print(f"Next:     {dbi.recommendation}", markup=False)
    for version in rep.versions:
        out.print()
        out.rule(style="cyan")
        out.print(f"[bold]{escape(version.name)}: {escape(version.description)}[/bold]")
        models = version.models or "none yet (planned)"
        out.print(f"step timestamps {version.start}..{version.end} · models: "
                  f"{models} · snapshot: {version.snapshot or 'none'}", markup=False)
        for title, items, mark in (("Features", version.features, "•"),
                                   ("Breaking changes", version.breaking_changes, "⚠️ "),
                                   ("Upgrade notes", version.upgrade_notes, "→")):
            if items:
                out.print(f"[bold]{title}[/bold]")
                for item in items:
                    out.print(f"  {mark} {item}", markup=False)
        if version.steps:
            out.print("[bold]Steps[/bold]")
        for step in version.steps:
            mark = "•" if step.applied is None else "✅" if step.applied else "⏳"
            state = ""
            if step.applied:
                when = f" {step.applied_at[:10]}" if step.applied_at else ""
                state = f"applied{when} ({step.applied_how or '?'}) · "
            elif step.applied is not None:
                state = "pending · "
            out.print(f"  {mark} {step.name}" + ("" if step.file else " (file missing)"),
                      markup=False)
            out.print(f"     {state}{step.description}", markup=False)
    out.print()
    out.rule(style="cyan")
    out.print("[bold]Custom batches[/bold]")
    if not rep.batches:
        out.print("none (versions/custom/ holds no *-metadata.json)", markup=False)
    for batch in rep.batches:
        out.print(f"🎯 {batch.name}: {batch.description}", markup=False)
        out.print(f"   created {batch.created_at} · {len(batch.migrations)} step(s) · migration "
                  f"{batch.migration or 'not generated'}", markup=False)
        for item in batch.migrations:
            mark = "•" if item.applied is None else "✅" if item.applied else "⏳"
            out.print(f"   {mark} {item.filename}: {item.description}", markup=False)
    if dbi is not None:
        if dbi.pending:
            out.print()
            out.rule(style="cyan")
            out.print("[bold]Pending[/bold]")
            for name in dbi.pending:
                out.print(f"  ⏳ {name}", markup=False)
        if dbi.drift and not dbi.drift.get("in_sync"):
            out.print()
            out.rule(style="red")
            out.print("[bold]Drift[/bold]")
            for d in dbi.drift["differences"]:
                out.print(f"  {d['change']:10} {d['kind']} {d['name']}", markup=False)
    problems = rep.problems + (dbi.problems if dbi else [])
    if problems:
        out.print()
        out.rule(style="red")
        out.print("[bold]Problems[/bold]")
        for problem in problems:
            out.print(f"  ❌ {problem}", markup=False)


# --- manager validate ---------------------------------------------------------------------------


@manager_app.command("validate")
def manager_validate(
    project: ProjectOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check migration-config.json against the engine's JSON Schema, and the step files
    against the config: every problem with its JSON path; exit 1 when there is any."""
    from ..api import operations

    result = operations.validate(project)
    if as_json:
        _print_json(result.as_dict())
    else:
        out = _console()
        if result.valid:
            out.print(f"✅ valid: {result.config}", markup=False)
        else:
            out.print(f"❌ {result.config}: {len(result.problems)} problem(s)", markup=False)
            for problem in result.problems:
                out.print(f"  {problem}", markup=False)
    if not result.valid:
        raise typer.Exit(EXIT_PROBLEM)
