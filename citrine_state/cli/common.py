"""Shared pieces of the command line: the typer app, the options and their domains, the steps
every command takes (the project, the database, a backup first). What they print is in
``render``.

Heavy libraries (SQLAlchemy, migra) are imported inside the commands, never at start-up, so
``--help`` stays fast. (``cli/__init__.py`` turns every ``CitrineError`` into one line on stderr
and its exit code.)
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import CitrineError
from . import render

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


def _show_version(value: bool) -> None:
    """``--version``: the installed package's version (its metadata, as pip shows it)."""
    if value:
        from importlib import metadata

        from .. import __version__

        try:
            installed = metadata.version("citrine-state")
        except metadata.PackageNotFoundError:  # run from a source tree that is not installed
            installed = __version__
        sys.stdout.write(f"citrine-migrate (citrine-state) {installed}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_show_version,
        help="Print the version of citrine-state and exit.")] = False,
) -> None:
    """Declarative state-diff migrations for the CitrineOS PostgreSQL database."""


# --- option types ---------------------------------------------------------------------------------
# Every option's domain is declared once here and checked while the command line is parsed,
# before any file is written or any connection opened: a value outside it is one line and exit 2.
# Each parser takes the text typed (or the default, already typed) and returns the value.

MAX_LOCK_WAIT = 86_400.0  # one day: longer is a runner nobody is watching
MAX_LOCK_RETRIES = 1000  # also the config's limit (config.schema.json)
VERSION_FORM = r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})"


def _bad(message: str) -> Exception:
    return typer.BadParameter(message)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def parse_nonempty(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise _bad("it is empty: give a value, or leave the option out")
    return text


def parse_database_url(value: Any) -> str:
    """The text as given (the api resolves it), once it parses as a URL we accept."""
    return _checked_url(value, need_database=True)


def parse_server_url(value: Any) -> str:
    """A server for shadow databases: a URL whose database part may be left out."""
    return _checked_url(value, need_database=False)


def _checked_url(value: Any, need_database: bool) -> str:
    from ..api.basics import parse_url

    text = _text(value)
    if not text.strip():
        raise _bad("it is empty: give a PostgreSQL URL, or leave the option out")
    try:
        parse_url(text, "the URL", need_database)
    except CitrineError as err:
        raise _bad(str(err).removeprefix("the URL ")) from None
    return text


def parse_seconds(value: Any) -> float:
    """A finite number of seconds from 0 to a day (``nan``, ``inf`` and negatives refused)."""
    import math

    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _bad(f"{_text(value)[:40]!r} is not a number of seconds") from None
    if not math.isfinite(number) or not 0 <= number <= MAX_LOCK_WAIT:
        raise _bad(f"{_text(value)[:40]!r} is not a number of seconds from 0 to "
                   f"{MAX_LOCK_WAIT:g}")
    return number


def parse_duration(value: Any) -> str:
    """A duration PostgreSQL takes for lock_timeout (see ``durations``)."""
    from ..api.basics import normalised_duration

    try:
        return normalised_duration(_text(value))
    except ValueError as err:
        raise _bad(str(err)) from None


def parse_retries(value: Any) -> int:
    text = _text(value).strip()
    if not text.isdigit() or int(text) > MAX_LOCK_RETRIES:
        raise _bad(f"{text[:40]!r} is not a whole number from 0 to {MAX_LOCK_RETRIES}")
    return int(text)


def parse_hazard(value: Any) -> str:
    """A hazard that a plan can be refused for, and so can be allowed."""
    from ..api.upgrade import ALLOWABLE_HAZARDS

    text = _text(value).strip()
    if text not in ALLOWABLE_HAZARDS:
        raise _bad(f"{text[:40]!r} is not a hazard that can be allowed (known: "
                   f"{', '.join(ALLOWABLE_HAZARDS)})")
    return text


def parse_version(value: Any) -> str:
    """A version name, X.Y.Z (whether the project knows it is checked once it is loaded)."""
    import re

    text = _text(value).strip()
    if not re.fullmatch(VERSION_FORM, text):
        raise _bad(f"{text[:40]!r} is not a version name: expected MAJOR.MINOR.PATCH, e.g. "
                   "1.8.0")
    return text


def parse_timestamp(value: Any) -> str:
    """A step timestamp, YYYYMMDDHHMMSS (14 digits)."""
    import re

    text = _text(value).strip()
    if not re.fullmatch(r"[0-9]{14}", text):
        raise _bad(f"{text[:40]!r} is not a timestamp YYYYMMDDHHMMSS (14 digits)")
    return text


def parse_step_name(value: Any) -> str:
    """A step's base name, e.g. 20250430103000-initial."""
    from ..api.history import STEP_NAME

    text = _text(value).strip().removesuffix(".py")
    if not STEP_NAME.fullmatch(text):
        raise _bad(f"{text[:60]!r} is not a step name (YYYYMMDDHHMMSS-name, e.g. "
                   "20250430103000-initial)")
    return text


def parse_batch_name(value: Any) -> str:
    from ..api.batches import check_name

    try:
        return check_name(_text(value))
    except CitrineError as err:
        raise _bad(str(err)) from None


def parse_database_name(value: Any) -> str:
    """A database name PostgreSQL takes: 1 to 63 bytes, no NUL."""
    text = _text(value)
    if not text or "\x00" in text or len(text.encode()) > 63:
        raise _bad("a database name has 1 to 63 bytes (no NUL)")
    return text


def parse_output_file(value: Any) -> Path:
    """A file to write: not a folder, in a folder that exists or can be made."""
    path = Path(_text(value)).expanduser()
    if not _text(value).strip():
        raise _bad("it is empty: give a file name")
    if path.is_dir():
        raise _bad(f"{path} is a folder: give a file name (e.g. {path / 'report.md'})")
    _check_creatable(path.parent, f"{path}")
    return path


def parse_output_dir(value: Any) -> Path:
    """A folder to write into: a folder, or a path where one can be made."""
    path = Path(_text(value)).expanduser()
    if not _text(value).strip():
        raise _bad("it is empty: give a folder")
    if path.exists() and not path.is_dir():
        raise _bad(f"{path} is a file, not a folder")
    _check_creatable(path, str(path))
    return path


def _check_creatable(folder: Path, shown: str) -> None:
    """The nearest existing folder on the way to ``folder`` must be a folder we may write in."""
    import os

    here = folder.absolute()
    while not here.exists() and here != here.parent:
        here = here.parent
    if not here.is_dir():
        raise _bad(f"{shown}: {here} is a file, not a folder")
    target_exists = here == folder.absolute()
    if not os.access(here, os.W_OK | os.X_OK):
        what = "may not write in" if target_exists else "may not create folders in"
        raise _bad(f"{shown}: this user {what} {here} (permission denied)")


def parse_existing_file(value: Any) -> Path:
    path = Path(_text(value)).expanduser()
    if path.is_dir():
        raise _bad(f"{path} is a folder, not a backup file")
    if not path.is_file():
        raise _bad(f"no such backup file: {path}")
    return path


def parse_report_format(value: Any) -> str:
    text = _text(value).strip().lower()
    if text not in ("rich", "md", "markdown", "json"):
        raise _bad(f"{_text(value)[:40]!r}: give rich, md or json")
    return "md" if text == "markdown" else text


ProjectOpt = Annotated[
    str | None,
    typer.Option("--project", parser=parse_nonempty, metavar="DIR",
                 help="Project folder (default: CITRINE_PROJECT, else the first folder upwards "
                      "with migration-config.json)."),
]
DatabaseUrlOpt = Annotated[
    str | None,
    typer.Option("--database-url", parser=parse_database_url, metavar="URL",
                 help="PostgreSQL URL or libpq key=value string (default: "
                      "CITRINE_DATABASE_URL, DATABASE_URL, else the managed local cluster)."),
]
ShadowUrlOpt = Annotated[
    str | None,
    typer.Option("--shadow-url", parser=parse_server_url, metavar="URL",
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
    typer.Option("--allow-hazard", parser=parse_hazard, metavar="HAZARD",
                 help="Accept a hazard the plan would otherwise refuse (deletes-data)."),
]
DropBaselineOpt = Annotated[
    bool,
    typer.Option("--drop-baseline",
                 help="Allow reverting the baseline (the first step), whose down drops every "
                      "table with all its rows; a checked backup is taken first."),
]
AcceptEditedOpt = Annotated[
    list[str] | None,
    typer.Option("--accept-edited", parser=parse_step_name, metavar="STEP",
                 help="Accept that this applied step's file was edited since it ran: re-stamp "
                      "its checksum in the ledger (recorded with a note), then go on. "
                      "Repeatable."),
]
ResolveOpt = Annotated[
    list[str] | None,
    typer.Option("--resolve", parser=parse_nonempty, metavar="RESOLUTION",
                 help="Let a step settle what its pre-flight found, in the way it offers "
                      "(`status` lists them, e.g. merge-token-duplicates); repeatable."),
]
LockWaitOpt = Annotated[
    float, typer.Option("--lock-wait", parser=parse_seconds, metavar="SECONDS",
                        help="Seconds to wait for another runner's lock (0 to 86400).")
]
LockTimeoutOpt = Annotated[
    str | None,
    typer.Option("--lock-timeout", parser=parse_duration, metavar="DURATION",
                 help="How long one statement may wait for a table lock, e.g. 200ms, 5s "
                      "(default: settings.lock_timeout); then the step is rolled back and "
                      "retried."),
]
OnlineLockTimeoutOpt = Annotated[
    str | None,
    typer.Option("--online-lock-timeout", parser=parse_duration, metavar="DURATION",
                 help="How long a statement of an online step that holds up writes (ALTER "
                      "TABLE) may wait for its lock, e.g. 200ms (default: "
                      "settings.online_lock_timeout); then it is retried."),
]
LockRetriesOpt = Annotated[
    int | None,
    typer.Option("--lock-retries", parser=parse_retries, metavar="N",
                 help="How many times a step that timed out on a table lock is retried, after "
                      "1s, 2s, 4s... (0 to 1000; default: settings.lock_retries)."),
]
VersionArg = Annotated[
    str, typer.Argument(parser=parse_version, metavar="VERSION",
                        help="A version of migration-config.json, e.g. 1.8.0")
]
BatchArg = Annotated[
    str, typer.Argument(parser=parse_batch_name, metavar="NAME", help="The batch's name.")
]


# --- the options every command shares -----------------------------------------------------------
# Declared once, here: ``@shared(...)`` puts the ones a command takes into its signature, where
# its ``Shared`` parameter stands (``--json`` last), so typer parses them and ``--help`` lists them
# as if the command declared each; the command gets one ``Shared`` with what they resolve to:
#
#     @app.command()
#     @shared(url=True, shadow=True, locks=True, backup=True, json=True)
#     def undo(opts: Shared, dry_run: DryRunOpt = False) -> None:
#         url = opts.url()
#         opts.backup_first(url, dry_run=dry_run)
#         run = api.undo(opts.project, url, opts.shadow_url, lock_wait=opts.lock_wait,
#                        locks=opts.locks, say=render.say, dry_run=dry_run)

_SHARED: dict[str, tuple[Any, Any]] = {  # parameter: (its option, its default), in --help order
    "project": (ProjectOpt, None),
    "database_url": (DatabaseUrlOpt, None),
    "shadow_url": (ShadowUrlOpt, None),
    "lock_wait": (LockWaitOpt, 60.0),
    "lock_timeout": (LockTimeoutOpt, None),
    "lock_retries": (LockRetriesOpt, None),
    "online_lock_timeout": (OnlineLockTimeoutOpt, None),
    "backup": (BackupOpt, False),
    "as_json": (JsonOpt, False),
}
_FIELD = {"project": "project_dir", "as_json": "json"}  # the rest keep their parameter's name
_AFTER_OWN = ("backup", "as_json")  # listed after the command's own options, not where Shared is


@dataclass
class Shared:
    """What a command's shared options say, as typed (checked while parsing), and what they
    resolve to. The project and the database are resolved when the command first asks, so each
    command keeps the order of its checks (a bad batch name is refused before any connection)."""

    project_dir: str | None = None  # --project
    database_url: str | None = None  # --database-url, as typed
    shadow_url: str | None = None
    lock_wait: float = 60.0
    lock_timeout: str | None = None
    lock_retries: int | None = None
    online_lock_timeout: str | None = None
    backup: bool = False  # --backup: taken by backup_first
    json: bool = False  # --json

    @functools.cached_property
    def project(self) -> Any:
        """The project, loaded once (its config checked)."""
        from .. import api

        return api.open_project(self.project_dir)

    @property
    def root(self) -> Path:
        """The project folder, without loading the config (the managed cluster's commands)."""
        from ..api.basics import project_root

        return project_root(self.project_dir)

    def url(self) -> Any:
        """``--database-url``, else the environment, else the managed cluster (created and
        started on first use)."""
        from .. import api

        return api.database_url(self.project, self.database_url, say=render.say)

    def existing_url(self) -> Any:
        """As ``url``, but never creates the managed cluster just to look: None without one."""
        from ..api import operations

        return operations.existing_database_url(self.project, self.database_url,
                                                say=render.say)

    @property
    def locks(self) -> Any:
        """--lock-timeout, --lock-retries, --online-lock-timeout as the api takes them (None:
        the config's settings)."""
        from ..api import LockOptions

        return LockOptions(self.lock_timeout, self.lock_retries, self.online_lock_timeout)

    def backup_first(self, url: Any, *, dry_run: bool = False) -> None:
        """With --backup, a checked pg_dump of ``url`` (its line printed) before the command
        changes anything; a failed one stops the command. No dump on a dry run, which changes
        nothing. Called once the arguments are checked, so a refused command leaves no dump."""
        if self.backup and not dry_run:
            from ..api import operations

            render.backup_taken(operations.backup(self.project, url, say=render.say))


def shared(*, url: bool = False, shadow: bool = False, lock_wait: bool = False,
           locks: bool = False, online: bool = False, backup: bool = False,
           json: bool = False,
           ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A command with ``--project`` and the shared options asked for: ``url`` --database-url,
    ``shadow`` --shadow-url, ``lock_wait`` --lock-wait, ``locks`` --lock-wait, --lock-timeout
    and --lock-retries, ``online`` --online-lock-timeout, ``backup`` --backup (taken by
    ``Shared.backup_first``), ``json`` --json. The command takes one parameter annotated
    ``Shared``; the options go where it stands, then --backup and --json after the command's
    own."""
    wanted = {"project": True, "database_url": url, "shadow_url": shadow,
              "lock_wait": lock_wait or locks, "lock_timeout": locks, "lock_retries": locks,
              "online_lock_timeout": online, "backup": backup, "as_json": json}
    names = [name for name in _SHARED if wanted[name]]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command, eval_str=True)
        own = list(signature.parameters.values())
        holder = next((p for p in own if p.annotation is Shared), None)
        if holder is None:
            raise TypeError(f"{command.__name__}: @shared needs a parameter annotated Shared")

        def option(name: str) -> inspect.Parameter:
            annotation, default = _SHARED[name]
            return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                     annotation=annotation)

        params: list[inspect.Parameter] = []
        for param in own:
            if param is holder:
                params += [option(name) for name in names if name not in _AFTER_OWN]
            else:
                params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY))
        if backup:
            params.append(option("backup"))
        if json:
            params.append(option("as_json"))

        @functools.wraps(command)
        def run(**given: Any) -> Any:
            values = {_FIELD.get(name, name): given.pop(name) for name in names}
            return command(**{holder.name: Shared(**values)}, **given)

        run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


def known_version(proj: Any, version: str | None) -> None:
    """A version the project knows, checked before any connection (or backup) is made."""
    if version is not None:
        proj.version(version)
