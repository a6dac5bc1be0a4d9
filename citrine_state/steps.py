"""Timestamped steps: finding their files, loading them by path, checksums, and running one.

A step is ``versions/<version>/<timestamp>-<name>.py`` with a docstring (its first line is the
step's description). **The step contract** -- what a step module may define, all optional
except a way up and a way down:

- ``UP``, ``CONTRACT``, ``DOWN``: SQL text (several statements); ``DATA_MOVES``,
  ``LATE_DATA_MOVES``: names of SQL files in ``versions/<version>/sql/`` (``{archive}`` is filled
  in with the archive schema); ``DOWN_FILE``: the name of the down's SQL file. A consolidated
  migration runs the versions' ``DATA_MOVES`` between its expand and contract phases and
  ``LATE_DATA_MOVES`` at the end.
- ``up(ctx)`` and ``down(ctx)``: code, when SQL is not enough (a refusal, a report, rows set
  aside). A step that defines no ``up`` gets the engine's: ``UP``, each ``DATA_MOVES`` file,
  ``CONTRACT``, each ``LATE_DATA_MOVES`` file, in that order (the files run as they are: one
  that writes into the archive creates it with ``CREATE SCHEMA IF NOT EXISTS {archive}``). One
  that defines no ``down`` gets ``DOWN_FILE`` (the archive schema made first: a down keeps
  what it removes there) or else ``DOWN``. A step with neither is refused when it is loaded.
- ``ONLINE`` / ``WINDOW`` (see ``online``): what it builds beside traffic, or the tables it
  holds for longer than a catalog change.
- ``preflight(ctx) -> list[Finding]``: reads the database as it is before the run (read-only)
  and names what would make its ``up`` refuse or lose data. The runner calls it for every step
  a run would apply before running any, so a run refuses with nothing changed instead of
  stopping half-way. What a step can resolve itself it offers in ``RESOLUTIONS`` (name: one-line
  description) and does in ``resolve(ctx, name)``, which the engine calls right before ``up``
  (or before the consolidated migration that holds the step), in the same transaction, only
  when the user asked for that resolution (``--resolve NAME``).
- ``FORMER_CHECKSUMS``: checksums of earlier forms of the file that an edit left equivalent,
  so that databases which ran them are not told the step was edited (``is_former_form``).

``ctx`` (``StepContext``) gives plain SQL on the migrating connection (``execute``,
``script``, ``statement`` for one statement built from the catalog; a dry run captures all
three), SQL files, the archive schema and the set-aside helpers, catalog questions
(``exists``, ``count_rows``, ``present_columns``), ``insert_columns`` to give dropped columns
back in their old place, ``report`` for the user, and ``refuse`` to stop the run with one line.
Steps use these rather than the driver connection: what goes around them a dry run cannot
show.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import sqlalchemy as sa
from sqlalchemy.engine import Connection, CursorResult

from . import online, setaside
from .errors import Refused, UsageError
from .project import Project, Version, load_module_from_path, read_text

STEP_NAME = re.compile(r"^(\d{14})-([A-Za-z0-9][A-Za-z0-9-]*)$")


@dataclass(frozen=True)
class Step:
    name: str  # base name, e.g. 20250430105500-create-tenants-table
    version: str
    path: Path

    @property
    def timestamp(self) -> str:
        return self.name[:14]

    @property
    def slug(self) -> str:
        return self.name[15:]

    @property
    def checksum(self) -> str:
        return file_checksum(self.path)

    @property
    def description(self) -> str:
        return _docstring_line(self.path) or self.slug


def file_checksum(path: Path) -> str:
    """sha256 of the file with line endings normalised (a CRLF checkout is the same step)."""
    data = path.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def is_former_form(step: Step, recorded: str) -> bool:
    """Whether ``recorded`` (a checksum the ledger or a custom batch holds) is the file's own
    or one its ``FORMER_CHECKSUMS`` names: an edit that changes nothing a database which ran
    the earlier form has (a faster check, a comment) is declared in the step file itself,
    reviewed with it, so that those databases are not told the step was edited."""
    if recorded == step.checksum:
        return True
    return recorded in _former_checksums(step.path)


def _former_checksums(path: Path) -> set[str]:
    """The strings of the file's top-level ``FORMER_CHECKSUMS = (...)``, read from its text
    (``status`` and ``manager list`` judge history without running step code)."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, OSError, UnicodeDecodeError):
        return set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "FORMER_CHECKSUMS" for t in node.targets) \
                and isinstance(node.value, ast.Tuple | ast.List):
            return {e.value for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return set()


def _docstring_line(path: Path) -> str | None:
    import ast

    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (SyntaxError, OSError, UnicodeDecodeError):
        return None
    return doc.strip().splitlines()[0].strip() if doc else None


def step_path(project: Project, version: Version, name: str) -> Path:
    return project.versions_dir / version.name / f"{name}.py"


def all_steps(project: Project) -> list[Step]:
    """Every step the config lists, in timestamp order; names any whose file is missing."""
    found: list[Step] = []
    missing: list[str] = []
    for version in project.versions:
        for name in version.steps:
            path = step_path(project, version, name)
            if path.is_file():
                found.append(Step(name, version.name, path))
            else:
                missing.append(str(path.relative_to(project.root)))
    if missing:
        raise UsageError(
            f"migration-config.json lists step(s) without a file: {', '.join(missing)}"
        )
    return sorted(found, key=lambda s: s.name)


def existing_steps(project: Project) -> list[Step]:
    """The listed steps whose file is there (``status`` reports the others as vanished)."""
    return sorted((Step(name, version.name, step_path(project, version, name))
                   for version in project.versions for name in version.steps
                   if step_path(project, version, name).is_file()), key=lambda s: s.name)


def baseline(project: Project) -> str | None:
    """The project's first step (timestamp order): it builds the schema from nothing, so its
    ``down`` drops every table the schema has, with all the rows, and nothing can be archived
    in their place. Reverting it is refused unless forced (``--drop-baseline``), and then only
    after a checked backup."""
    names = sorted(name for version in project.versions for name in version.steps)
    return names[0] if names else None


@dataclass
class Finding:
    """What a step's pre-flight found: one problem (``summary``, one line), the lines of its
    report (``details``), the same as data (``data``, for ``--json``), and the resolution that
    settles it (``resolution``, a name of the step's ``RESOLUTIONS``; None: only by hand)."""

    step: str
    summary: str
    details: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    resolution: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.step, "summary": self.summary, "details": list(self.details),
                "resolution": self.resolution, "data": self.data}


def declared_resolutions(project: Project) -> dict[str, tuple[str, str]]:
    """Every resolution a step of the project offers: name -> (step, description)."""
    found: dict[str, tuple[str, str]] = {}
    for step in existing_steps(project):
        offered = getattr(load_step(step), "RESOLUTIONS", None) or {}
        for name, text in dict(offered).items():
            found.setdefault(str(name), (step.name, str(text)))
    return found


def check_resolutions(project: Project, names: tuple[str, ...]) -> None:
    """``--resolve`` names only what a step offers: a typo must not pass as permission."""
    if not names:
        return
    offered = declared_resolutions(project)
    unknown = [n for n in names if n not in offered]
    if unknown:
        known = ", ".join(sorted(offered)) or "none"
        raise UsageError(f"--resolve {unknown[0]!r}: no step offers that resolution "
                         f"(offered: {known})")


def preflight(conn: Connection, project: Project, chosen: list[Step],
              resolutions: tuple[str, ...] = ()) -> list[Finding]:
    """The findings of the pre-flights of ``chosen`` (the steps a run would apply), read in
    one READ ONLY transaction that is rolled back: nothing can change here."""
    checks = [(s, getattr(load_step(s), "preflight", None)) for s in chosen]
    with_check = [(s, c) for s, c in checks if callable(c)]
    if not with_check:
        return []
    if conn.in_transaction():
        conn.rollback()
    found: list[Finding] = []
    with conn.begin() as tx:
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        for step, check in with_check:
            ctx = StepContext(conn=conn, project=project, step=step, say=lambda _: None,
                              resolutions=tuple(resolutions))
            found += list(check(ctx) or [])
        tx.rollback()
    return found


def blocking(findings: list[Finding], resolutions: tuple[str, ...]) -> list[Finding]:
    """The findings that stop the run: those no requested resolution settles."""
    return [f for f in findings if f.resolution is None or f.resolution not in resolutions]


def resolve(conn: Connection, project: Project, step: Step, resolutions: tuple[str, ...],
            say: Callable[[str], None] = print) -> list[str]:
    """Run the resolutions of ``step`` that were asked for (on the caller's transaction);
    the step's notes. Used before a consolidated migration that holds the step."""
    if not resolutions:
        return []
    module = load_step(step)
    ctx = StepContext(conn=conn, project=project, step=step, say=say,
                      resolutions=tuple(resolutions))
    _resolve(module, ctx)
    return ctx.notes


def _resolve(module: ModuleType, ctx: StepContext) -> None:
    offered = getattr(module, "RESOLUTIONS", None) or {}
    for name in ctx.resolutions:
        if name in offered:
            module.resolve(ctx, name)


SQL_UP = ("UP", "DATA_MOVES", "CONTRACT", "LATE_DATA_MOVES")
SQL_DOWN = ("DOWN_FILE", "DOWN")


def load_step(step: Step) -> ModuleType:
    """The step's module, checked against the contract: a way up (``up`` or SQL_UP) and a way
    down (``down`` or SQL_DOWN)."""
    module = load_module_from_path(f"citrine_step_{step.name.replace('-', '_')}", step.path)
    for func, sql in (("up", SQL_UP), ("down", SQL_DOWN)):
        if not callable(getattr(module, func, None)) and \
                not any(getattr(module, name, None) for name in sql):
            raise UsageError(f"{step.path} has no `{func}(ctx)` function")
    return module


def _sql_up(module: ModuleType, ctx: StepContext) -> None:
    """The engine's up for a step that only declares SQL (see the module docstring)."""
    if getattr(module, "UP", None):
        ctx.script(module.UP)
    for name in getattr(module, "DATA_MOVES", ()):
        ctx.script(ctx.sql_file(name))
    if getattr(module, "CONTRACT", None):
        ctx.script(module.CONTRACT)
    for name in getattr(module, "LATE_DATA_MOVES", ()):
        ctx.script(ctx.sql_file(name))


def _sql_down(module: ModuleType, ctx: StepContext) -> None:
    """The engine's down for a step that only declares SQL."""
    if getattr(module, "DOWN_FILE", None):
        ctx.run_sql_file(module.DOWN_FILE)
    else:
        ctx.script(module.DOWN)


@dataclass
class StepContext:
    """What a step's ``up``/``down`` gets."""

    conn: Connection
    project: Project
    step: Step
    say: Callable[[str], None] = print
    resolutions: tuple[str, ...] = ()  # asked for with --resolve (see ``resolve``)
    # the runner runs the step's ONLINE operations itself, after the step's transaction
    defer_online: bool = False
    notes: list[str] = field(default_factory=list)
    # (table, columns or None for whole rows) that this run set aside, for dry-run plans
    set_asides: list[tuple[str, tuple[str, ...] | None]] = field(default_factory=list)
    _archive_ensured: bool = False

    @property
    def archive(self) -> str:
        """Name of the archive schema (not quoted)."""
        return str(self.project.settings["archive_schema"])

    def ensure_archive(self) -> str:
        """Creates the archive schema once per step (a dry run prints the statement once)."""
        if not self._archive_ensured:
            self.conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{self.archive}"')
            self._archive_ensured = True
        return self.archive

    def applied_by(self) -> str | None:
        """How the ledger says this step came to be applied: ``step``, ``batch``, ``snapshot``,
        ``consolidated`` or ``adopted`` (None: not recorded). A down that undoes what only its
        own up path records (an extension it created) asks this for the other paths."""
        from . import ledger

        entry = ledger.applied_steps(self.conn, self.project.settings["ledger_schema"]).get(
            self.step.name)
        return entry.kind if entry is not None else None

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> CursorResult[Any]:
        """One statement, with ``:name`` parameters."""
        return self.conn.execute(sa.text(sql), params or {})

    def script(self, sql: str) -> None:
        """Several statements at once (no parameters; ``%`` is plain text)."""
        from .db import run_script

        run_script(self.conn, sql)

    def sql_file(self, name: str) -> str:
        """Text of ``versions/<version>/sql/<name>``, with ``{archive}`` filled in."""
        path = self.step.path.parent / "sql" / name
        if not path.is_file():
            raise UsageError(f"{self.step.name}: SQL file {path} is missing")
        return read_text(path).replace("{archive}", self.archive)

    def run_sql_file(self, name: str) -> None:
        self.ensure_archive()
        self.script(self.sql_file(name))

    def statement(self, sql: str) -> None:
        """One statement exactly as written (not split, ``%`` is plain text): for SQL a step
        builds from the catalog. A dry run shows it."""
        from .db import run_statement

        run_statement(self.conn, sql)

    def exists(self, relation: str) -> bool:
        """Whether the table (or view, index, sequence) ``relation`` is there, as SQL:
        ``"Tenants"``, ``citrine_archive."20250621120000_IdTokens"``."""
        return bool(self.execute("SELECT to_regclass(:r) IS NOT NULL",
                                 {"r": relation}).scalar_one())

    def count_rows(self, table: str) -> int:
        """The rows of ``table`` (as SQL), 0 when there is no such table: an archive table a
        down made only when it had something to keep."""
        if not self.exists(table):
            return 0
        return int(self.execute(f"SELECT count(*) FROM {table}").scalar_one())

    def insert_columns(self, table: str, before: str,
                       columns: tuple[tuple[str, str], ...]) -> None:
        """Give back dropped ``columns`` ((name, SQL type)) of ``table`` in their old place,
        just before its column ``before`` (see ``columnorder``): a down that restores the older
        schema restores its column order too. Every statement shows in a dry run."""
        from .columnorder import insert_columns

        try:
            insert_columns(self.conn, table, before, columns)
        except ValueError as err:
            self.refuse(f"{self.step.name}: {err}")

    def present_columns(self, table: str, *columns: str) -> list[str]:
        """Those of ``columns`` that ``table`` has (a down that drops columns only when they
        are there sets aside only those)."""
        have = set(self.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0"
            " AND NOT attisdropped", {"t": table}).scalars())
        return [c for c in columns if c in have]

    def set_aside_rows(self, table: str, where: str | None = None) -> setaside.Kept | None:
        """Before a down drops ``table`` or deletes rows of it (those matching ``where``):
        copy them into the archive, for the next up to put back (see ``setaside``)."""
        self.set_asides.append((setaside.table_name(table), None))
        kept = setaside.set_aside_rows(self.conn, self.ensure_archive(), self.step.name, table,
                                       where, order=len(self.set_asides))
        if kept:
            self.report(f"set aside {kept.rows} row(s) of {table} in "
                        f'{self.archive}."{kept.name}" (the next up puts them back)')
        return kept

    def set_aside_columns(self, table: str, *columns: str,
                          where: str | None = None) -> setaside.Kept | None:
        """Before a down drops ``columns`` of ``table`` (or clears them in the rows matching
        ``where``): copy the key and the values that the next up would not give back by
        itself into the archive (see ``setaside``)."""
        self.set_asides.append((setaside.table_name(table), tuple(columns)))
        kept = setaside.set_aside_columns(self.conn, self.ensure_archive(), self.step.name,
                                          table, list(columns), order=len(self.set_asides),
                                          where=where)
        if kept:
            self.report(f"set aside {', '.join(columns)} of {kept.rows} row(s) of {table} in "
                        f'{self.archive}."{kept.name}" (the next up puts them back)')
        return kept

    def report(self, text: str) -> None:
        """A line for the user about what the step did (for example how much it archived)."""
        self.notes.append(text)
        self.say(text)

    def refuse(self, text: str) -> NoReturn:
        """Stop the run with one line (exit 2): the step's transaction is rolled back, so
        nothing of it remains. Say what is in the way and what to do about it."""
        raise Refused(text)


def run_step(
    conn: Connection,
    project: Project,
    step: Step,
    direction: str,
    say: Callable[[str], None] = print,
    resolutions: tuple[str, ...] = (),
) -> list[str]:
    """Run ``up`` or ``down`` of one step on ``conn`` (the caller owns the transaction)."""
    return run_step_context(conn, project, step, direction, say, resolutions).notes


def run_step_context(
    conn: Connection,
    project: Project,
    step: Step,
    direction: str,
    say: Callable[[str], None] = print,
    resolutions: tuple[str, ...] = (),
    defer_online: bool = False,
) -> StepContext:
    """``run_step``, returning the step's context (its notes and what it set aside). Before an
    ``up``, the resolutions asked for that the step offers run; after it, the step's ``ONLINE``
    operations in their plain form (unless ``defer_online``: the runner builds them online
    after the transaction), then whatever an earlier ``down`` of the step set aside is put
    back where it now has a place."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    module = load_step(step)
    ctx = StepContext(conn=conn, project=project, step=step, say=say,
                      resolutions=tuple(resolutions), defer_online=defer_online)
    if direction == "up":
        _resolve(module, ctx)
    own = getattr(module, direction, None)
    if callable(own):
        own(ctx)
    else:
        (_sql_up if direction == "up" else _sql_down)(module, ctx)
    if direction == "up" and not defer_online:
        online.run_inline(conn, online.declared(module))
    if direction == "up":
        ctx.notes += setaside.restore(conn, ctx.archive, step.name, say)
    return ctx
