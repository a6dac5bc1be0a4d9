"""Run steps directly (no ledger, no lock) for golden tests of their schema and data effects."""

from __future__ import annotations

from pathlib import Path

from citrine_state import db, steps
from citrine_state.project import Project
from citrine_state.project import load as load_project

REPO = Path(__file__).resolve().parents[2]


def repo_project() -> Project:
    return load_project(REPO)


def step_names(project: Project | None = None) -> list[str]:
    return [s.name for s in steps.all_steps(project or repo_project())]


def run(url: object, names: list[str], direction: str = "up",
        project: Project | None = None) -> list[str]:
    """Apply ``up`` of the named steps in order (or ``down`` in reverse order), each in its own
    transaction; returns the notes the steps reported."""
    project = project or repo_project()
    by_name = {s.name: s for s in steps.all_steps(project)}
    ordered = [by_name[n] for n in names]
    if direction == "down":
        ordered.reverse()
    notes: list[str] = []
    with db.connect(url) as conn:
        for step in ordered:
            with conn.begin():
                notes += steps.run_step(conn, project, step, direction, say=lambda _: None)
    return notes


def up_to(url: object, last: str, project: Project | None = None) -> list[str]:
    """Apply every step from the first up to and including ``last``."""
    names = step_names(project)
    return run(url, names[: names.index(last) + 1], "up", project)
