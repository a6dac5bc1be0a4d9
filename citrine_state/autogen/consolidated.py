"""Generating a consolidated migration (``manager batch``) from two versions' snapshots.

Generation replays the migration on an empty shadow database of the previous version P, in ONE
transaction as the runner runs it, and fails unless the result equals V's snapshot (an empty
diff and the same column order), so a generated file is correct, not just plausible. What goes
in each phase is said in ``consolidated_file``; enum types follow ``autogen.enums`` (an enum
type recreated rather than changed in place gets a note in the header).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL, Connection

from .. import consolidated_run, db, diff
from .. import steps as steps_mod
from ..consolidated_file import PHASES, Consolidated, DataMove
from ..errors import CheckFailed, UsageError
from ..project import Project, Version, read_text
from ..snapshot import committed_sql, sql_hash
from ..sqltext import quote_ident
from ..verify import load_sql, scope_of
from .enums import (
    EnumChange,
    add_value_statements,
    enum_changes,
    enum_notes,
    masked_enums,
    mentions_enum,
    recreate_statements,
    retrying_enum_uses,
)
from .phases import (
    added_column,
    clean,
    column_repairs,
    expand_statements,
    in_target_order,
    new_tables,
)

HINTS_FILE = "consolidated.json"


@dataclass(frozen=True)
class Rename:
    table: str
    old: str
    new: str


def _hints(project: Project, version: Version) -> list[Rename]:
    """The column renames declared in ``versions/<V>/consolidated.json``."""
    path = project.versions_dir / version.name / HINTS_FILE
    if not path.is_file():
        return []
    try:
        data = json.loads(read_text(path))
        return [Rename(r["table"], r["from"], r["to"]) for r in data.get("renames", [])]
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{path}: {exc}") from None


def data_moves(project: Project, version: Version, attribute: str) -> list[DataMove]:
    """The SQL files a version's steps declare in ``DATA_MOVES`` / ``LATE_DATA_MOVES``."""
    moves: list[DataMove] = []
    for step in steps_mod.all_steps(project):
        if step.version != version.name:
            continue
        module = steps_mod.load_step(step)
        for name in getattr(module, attribute, ()):
            path = step.path.parent / "sql" / name
            if not path.is_file():
                raise UsageError(f"{step.name} declares {attribute} {name}, which is missing")
            rel = path.relative_to(project.root).as_posix()
            moves.append(DataMove(step.name, rel, steps_mod.file_checksum(path)))
    return moves


def _migra(current: Any, target: Any) -> list[str]:
    return diff.compare(current, target).statements


def generate(project: Project, version: Version, near: URL | str,
             shadow_url: URL | str | None = None) -> Consolidated:
    """Build the consolidated migration from the previous modelled version to ``version``."""
    previous = project.previous(version)
    if previous is None:
        raise UsageError(f"version {version.name} has no earlier modelled version to start from")
    source_sql, target_sql = committed_sql(project, previous), committed_sql(project, version)
    c = Consolidated(previous.name, version.name, sql_hash(source_sql), sql_hash(target_sql))
    return build(
        c, source_sql, target_sql, near, shadow_url, scope_of(project),
        renames=_hints(project, version),
        moves=data_moves(project, version, "DATA_MOVES"),
        late_moves=data_moves(project, version, "LATE_DATA_MOVES"),
        run_move=lambda conn, move: consolidated_run.run_move(conn, project, move),
    )


def build(c: Consolidated, source_sql: str, target_sql: str, near: URL | str,
          shadow_url: URL | str | None, scope: diff.Scope, renames: list[Rename] | None = None,
          moves: list[DataMove] | None = None, late_moves: list[DataMove] | None = None,
          run_move: Callable[[Connection, DataMove], None] | None = None) -> Consolidated:
    """Fill ``c``'s phases: replay the migration from ``source_sql`` on a shadow database, in
    ONE transaction as the runner does, until it equals ``target_sql``'s schema.

    A use of an enum value that the migration adds by ADD VALUE (refused by PostgreSQL inside
    that transaction) makes the replay start again with that type recreated instead."""
    with db.shadow_database(near, shadow_url) as target_url, db.connect(target_url) as tconn:
        load_sql(tconn, target_sql)
        tconn.commit()
        target = diff.inspect(tconn, scope)
        with db.shadow_database(near, shadow_url) as work_url, db.connect(work_url) as conn:
            load_sql(conn, source_sql)
            conn.commit()
            changes = enum_changes(diff.inspect(conn, scope), target)

            def attempt(early: list[EnumChange]) -> Consolidated:
                c.phases, c.notes = {p: [] for p in PHASES}, []
                _replay(conn, c, target, scope, renames or [], moves or [], late_moves or [],
                        run_move, early)
                conn.rollback()
                return c

            return retrying_enum_uses(conn, changes, attempt,
                                      f"the generated {c.source} -> {c.target} migration")


def _replay(conn: Connection, c: Consolidated, target: Any, scope: diff.Scope,
            renames: list[Rename], moves: list[DataMove], late_moves: list[DataMove],
            run_move: Callable[[Connection, DataMove], None] | None,
            early: list[EnumChange]) -> None:
    def apply(phase: str, items: Sequence[str | DataMove]) -> None:
        for item in items:
            if isinstance(item, DataMove):
                if run_move is None:
                    raise UsageError(f"no way to run data move {item.path}")
                run_move(conn, item)
            else:
                item = clean(item)
                db.run_script(conn, item)
            c.phases[phase].append(item)

    changes = enum_changes(diff.inspect(conn, scope), target)
    late = [ch for ch in changes if not ch.additive]
    recreated_early = [ch for ch in changes if ch in early]
    for change in changes:
        if change.additive and change not in early:
            apply("expand", add_value_statements(change))
    for change in recreated_early:
        apply("expand", recreate_statements(conn, change, keep_defaults=True))
    c.notes = enum_notes(recreated_early, late)
    with masked_enums(target, late):
        statements = _migra(diff.inspect(conn, scope), target)
    created = new_tables(statements)
    renamed = {(r.table, r.new) for r in renames}
    expand = [e for e in expand_statements(statements, created)
              if added_column(e) not in renamed and not mentions_enum(e, late)]
    apply("expand", in_target_order(expand, target))
    apply("data", moves)
    # Renames wait until the data moves, which still read the old names, have run.
    apply("contract", [
        f"alter table public.{quote_ident(r.table)} rename column {quote_ident(r.old)} "
        f"to {quote_ident(r.new)}"
        for r in renames
    ])
    for change in late:
        apply("contract", recreate_statements(conn, change, keep_defaults=False))
    apply("contract", column_repairs(diff.inspect(conn, scope), target))
    apply("contract", _migra(diff.inspect(conn, scope), target))
    apply("finalize", late_moves)
    left = diff.compare(diff.inspect(conn, scope), target)
    if not left.in_sync:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in left.differences[:5])
        raise CheckFailed(
            f"the generated {c.source} -> {c.target} migration does not reach "
            f"snapshot {c.target}: {names or '; '.join(left.statements[:3])}"
        )

