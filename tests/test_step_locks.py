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

import pytest
import sqlalchemy as sa

from citrine_state import db, steps

from .conftest import new_database
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
    first, *later = steps.all_steps(project)
    up_to(url, first.name, project)  # 1.7.0
    held: dict[str, list[str]] = {}
    with db.connect(url) as conn:
        for step in later:
            with conn.begin() as tx:
                before = {oid: name for oid, name in conn.execute(EXISTING)}
                steps.run_step(conn, project, step, "up", say=lambda _: None)
                # named as before the step (flatten moves four tables out of public)
                held[step.name] = sorted(before[oid] for oid in conn.execute(HELD).scalars()
                                         if oid in before)
                tx.commit()
    return held


@pytest.fixture(scope="module")
def held(pg_server) -> dict[str, list[str]]:
    url = new_database(pg_server, "locks")
    try:
        return locks_per_step(url)
    finally:
        db.drop_database(url)


def test_each_step_holds_exactly_the_tables_the_golden_file_names(held) -> None:
    assert held == json.loads(GOLDEN.read_text(encoding="utf-8")), json.dumps(held, indent=2)


def test_flatten_and_create_evses_leave_the_station_and_meter_value_tables_alone(held) -> None:
    """The long-running steps beside schema-fix must not hold the tables every charging session
    writes to: a golden file updated in haste would not catch that, this does."""
    for name in ("20250621120000-flatten-authorization", "20250903102900-create-evses"):
        assert "MeterValues" not in held[name]
        assert "ChargingStations" not in held[name]
