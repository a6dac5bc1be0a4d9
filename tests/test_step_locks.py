"""Which existing tables each 1.8.0 step holds in ACCESS EXCLUSIVE mode until it commits.

While a step runs, CitrineOS (or a report) cannot even read a table the step holds that way; the
README's "How long the upgrade holds the tables" tells operators which ones, from this golden
file. A change to a step that widens (or narrows) that set fails here, so it is a deliberate,
reviewed change and the README is updated with it. Tables the step creates are left out: nobody
else can be using them yet.
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from citrine_state import db, steps

from .support.stepping import repo_project, up_to

GOLDEN = Path(__file__).parent / "fixtures" / "step-locks.json"

EXISTING = sa.text("""
    SELECT c.oid, c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""")

HELD = sa.text("""
    SELECT l.relation FROM pg_locks AS l
    WHERE l.pid = pg_backend_pid() AND l.mode = 'AccessExclusiveLock'
      AND l.locktype = 'relation'""")


def locks_per_step(url: object) -> dict[str, list[str]]:
    project = repo_project()
    names = [s.name for s in steps.all_steps(project)]
    up_to(url, names[0], project)  # 1.7.0
    held: dict[str, list[str]] = {}
    with db.connect(url) as conn:
        for step in steps.all_steps(project)[1:]:
            with conn.begin() as tx:
                before = {oid: name for oid, name in conn.execute(EXISTING)}
                steps.run_step(conn, project, step, "up", say=lambda _: None)
                # named as before the step (flatten moves four tables out of public)
                held[step.name] = sorted(before[oid] for oid in conn.execute(HELD).scalars()
                                         if oid in before)
                tx.commit()
    return held


def test_each_step_holds_exactly_the_tables_the_golden_file_names(database) -> None:
    held = locks_per_step(database)
    assert held == json.loads(GOLDEN.read_text(encoding="utf-8")), json.dumps(held, indent=2)


def test_the_data_moving_steps_leave_the_station_and_meter_tables_alone_where_they_can(
        database) -> None:
    """flatten and create-evses, the long-running steps beside schema-fix, must not hold the
    tables every charging session writes to beyond those they change."""
    held = locks_per_step(database)
    for name in ("20250621120000-flatten-authorization", "20250903102900-create-evses"):
        assert "MeterValues" not in held[name]
        assert "ChargingStations" not in held[name]
