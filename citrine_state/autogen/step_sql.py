"""Generating the SQL of ``manager new-step``: what takes the database that a version's steps so
far produce to the version's models (UP, then CONTRACT after the data moves), and back (DOWN).

The generated SQL is checked like a consolidated migration: it is replayed on a shadow database
of the steps' state and must reach the models exactly (an empty diff, the same column order),
and the way back must reach the steps' state again. It is still meant to be read: data moves
(filling a new column, archiving what is dropped) are a person's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import URL

from .. import db, diff
from .. import steps as steps_mod
from ..errors import CheckFailed
from ..project import Project, Version, read_text
from ..snapshot import committed_sql, render
from ..verify import load_sql, scope_of
from . import enums
from .phases import clean, column_repairs, expand_statements, in_target_order, new_tables

# --- generating a step --------------------------------------------------------------------------


@dataclass
class StepSQL:
    """A step's SQL: ``up`` (what the models add), ``contract`` (what they drop or tighten, run
    after the data moves) and ``down`` (back to the steps' state)."""

    up: list[str] = field(default_factory=list)
    contract: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.up or self.contract or self.down)


def _reach(conn: Any, project: Project, goal: Any, first: list[str]) -> list[str]:
    """Run ``first`` on ``conn``, then what it still takes to reach ``goal`` (column order
    repairs, then migra's remaining statements); the statements, in order. Raises when the
    result is not ``goal``."""
    scope = scope_of(project)
    out: list[str] = []

    def run(items: list[str]) -> None:
        for item in items:
            item = clean(item)
            db.run_script(conn, item)
            out.append(item)

    run(first)
    run(column_repairs(diff.inspect(conn, scope), goal))
    run(diff.compare(diff.inspect(conn, scope), goal).statements)
    now = diff.inspect(conn, scope)
    left = diff.compare(now, goal)
    misplaced = [t for t, cols in _column_orders(goal).items()
                 if _column_orders(now).get(t, cols) != cols]
    if misplaced and left.in_sync:
        raise CheckFailed(f"the generated SQL leaves the columns of {', '.join(misplaced[:5])} "
                          "in another order than the goal's; write the step by hand (--empty)")
    if not left.in_sync:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in left.differences[:5])
        raise CheckFailed(f"the generated SQL does not reach its goal: "
                          f"{names or '; '.join(left.statements[:3])}; write the step by hand "
                          "(--empty)")
    return out


def _column_orders(inspected: Any) -> dict[str, list[str]]:
    return {str(table.name): [str(c) for c in table.columns]
            for table in inspected.tables.values()}


def build_steps_state(conn: Any, project: Project, version: Version) -> None:
    """Make, in the empty database of ``conn``, the schema that the steps so far produce: the
    previous modelled version's snapshot and seed rows (what its steps produce, checked in CI),
    then every step listed after it, up to ``version``."""
    previous = project.previous(version)
    done: set[str] = set()
    if previous is not None:
        load_sql(conn, committed_sql(project, previous))
        seed = project.seed_path(previous)
        if seed.is_file():
            load_sql(conn, read_text(seed))
        done = set(project.steps_up_to(previous))
    wanted = [n for n in project.steps_up_to(version) if n not in done]
    by_name = {s.name: s for s in steps_mod.all_steps(project)}
    for name in wanted:
        steps_mod.run_step(conn, project, by_name[name], "up", say=lambda _: None)


def generate_step_sql(project: Project, version: Version, near: URL | str,
                      shadow_url: URL | str | None = None) -> StepSQL:
    """The SQL of a step that takes the steps' state of ``version`` to its models, and back.

    Two shadow databases: the steps' state (where the SQL is replayed) and the models
    (rendered from ``Base.metadata``, whether or not the snapshot is current)."""
    models_sql = render(project, version).sql
    scope = scope_of(project)
    result = StepSQL()
    with db.shadow_database(near, shadow_url) as models_url, db.connect(models_url) as mconn:
        load_sql(mconn, models_sql)
        mconn.commit()
        models = diff.inspect(mconn, scope)
        with db.shadow_database(near, shadow_url) as work_url, db.connect(work_url) as conn:
            build_steps_state(conn, project, version)
            conn.commit()
            state = diff.inspect(conn, scope)
            if diff.compare(state, models).in_sync and \
                    _column_orders(state) == _column_orders(models):
                return result
            changes = enums.enum_changes(state, models)

            def forward(early: list[enums.EnumChange]) -> tuple[list[str], list[str]]:
                up = _enum_up(conn, changes, early)
                late = [c for c in changes if not c.additive]
                with enums.masked_enums(models, late):
                    statements = diff.compare(diff.inspect(conn, scope), models).statements
                created = new_tables(statements)
                expand = [e for e in expand_statements(statements, created)
                          if not enums.mentions_enum(e, late)]
                up += _reach_expand(conn, expand, models)
                recreate = [stmt for c in late
                            for stmt in enums.recreate_statements(conn, c, False)]
                contract = _reach(conn, project, models, recreate)
                conn.commit()
                return up, contract

            result.up, result.contract = enums.retrying_enum_uses(
                conn, changes, forward, "the generated step")
            back = enums.enum_changes(diff.inspect(conn, scope), state)

            def backward(early: list[enums.EnumChange]) -> list[str]:
                # PostgreSQL cannot remove an enum value: going back recreates such types.
                down = _enum_up(conn, back, early)
                down += [clean(stmt) for c in back if not c.additive
                         for stmt in _run(conn, enums.recreate_statements(conn, c, False))]
                down += _reach(conn, project, state,
                               diff.compare(diff.inspect(conn, scope), state).statements)
                conn.rollback()
                return down

            result.down = enums.retrying_enum_uses(conn, back, backward,
                                                   "the generated step's DOWN")
    return result


def _run(conn: Any, statements: list[str]) -> list[str]:
    for statement in statements:
        db.run_script(conn, clean(statement))
    return statements


def _enum_up(conn: Any, changes: list[enums.EnumChange],
             early: list[enums.EnumChange]) -> list[str]:
    """Values added to enum types, by ADD VALUE, or (for the types in ``early``, whose new
    values are used in the same transaction) by recreating the type; run on ``conn``."""
    out: list[str] = []
    for change in changes:
        if change.additive and change not in early:
            out += _run(conn, enums.add_value_statements(change))
        elif change.additive:
            out += _run(conn, enums.recreate_statements(conn, change, True))
    return [clean(s) for s in out]


def _reach_expand(conn: Any, expand: list[str], goal: Any) -> list[str]:
    ordered = in_target_order(expand, goal) if expand else []
    out: list[str] = []
    for item in ordered:
        item = clean(item)
        db.run_script(conn, item)
        out.append(item)
    return out
