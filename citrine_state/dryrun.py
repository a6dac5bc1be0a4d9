"""Dry runs of steps: replay them on a shadow copy and show every statement with its hazards.

The shadow database is built to the state the ledger records (the same builds the verifier
uses), then each step runs there while its statements are captured; the live database is not
touched. Data moves run on empty tables, so the plan shows what would run, not how long.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL

from . import db, hazards, online
from .progress import quiet
from .project import Project
from .steps import Step, load_step, run_step_context
from .verify import steps_target


def plan_steps(project: Project, applied: list[str], chosen: list[Step], direction: str,
               near: URL | str, shadow_url: URL | str | None = None,
               title: str = "steps") -> hazards.Plan:
    """Every statement the steps would run (``up``, or ``down`` in the order given)."""
    plan = hazards.Plan(title)
    archived: set[str] = set()
    with db.shadow_database(near, shadow_url) as url, db.connect(url) as conn:
        if applied:
            steps_target(project, applied, replay=direction == "down").build(conn)
            conn.commit()
        for step in chosen:
            with db.capture_scripts() as captured:
                # Statements sent through SQLAlchemy join the scripts' ones, in order.
                def listen(_conn: Any, _cursor: Any, statement: str, *_: Any,
                           sink: list[str] = captured) -> None:
                    sink.append(statement)

                sa.event.listen(conn, "before_cursor_execute", listen)
                # an online step's operations run after its transaction: shown as their
                # online parts, built here in their plain form, unseen
                ops = online.declared(load_step(step)) if direction == "up" else ()
                try:
                    with conn.begin():
                        ctx = run_step_context(conn, project, step, direction, say=quiet,
                                               defer_online=bool(ops))
                        sa.event.remove(conn, "before_cursor_execute", listen)
                        online.run_inline(conn, ops)
                finally:
                    if sa.event.contains(conn, "before_cursor_execute", listen):
                        sa.event.remove(conn, "before_cursor_execute", listen)
            # What the step set aside before it dropped it (on the shadow's empty tables
            # there is nothing to copy, but on the live database there may be).
            archived |= {table for table, _ in ctx.set_asides}
            hidden: list[str] = []
            for sql in captured:
                if _is_bookkeeping(sql):
                    hidden.append(sql)
                    continue
                plan.statements.append(hazards.Statement(
                    sql.strip(), f"{step.name} ({direction})",
                    step.path.relative_to(project.root).as_posix(), hazards.tags(sql),
                    lock=hazards.lock_mode(sql), reads=hidden))
                hidden = []
            for op in ops:
                for part in op.parts():
                    plan.statements.append(hazards.Statement(
                        part.sql, f"{step.name} ({direction}, online, after its transaction)",
                        step.path.relative_to(project.root).as_posix(), hazards.tags(part.sql),
                        lock=part.lock, note=part.note))
    for stmt in plan.statements:
        archived |= hazards.archived_tables(stmt.sql)
    hazards.mark_archived(plan.statements, archived, str(project.settings["archive_schema"]))
    return plan


def _is_bookkeeping(sql: str) -> bool:
    low = " ".join(sql.split()).lower()
    return low.startswith(("select ", "show ")) or "pg_catalog" in low and low.startswith("with")

