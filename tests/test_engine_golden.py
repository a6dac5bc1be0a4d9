"""What the engine prints, pinned by golden files, on a small project of its own (the report
fixture project, no CitrineOS): the plan of ``migrate --dry-run`` for an online step and what
``status`` says before it runs. A change to either is a reviewed change of the golden
(``CITRINE_UPDATE_GOLDEN=1`` rewrites them)."""

from __future__ import annotations

import re
from pathlib import Path

from .support.cli import citrine
from .support.golden import assert_golden
from .test_online_steps import _at_100


def _normalise(text: str) -> str:
    """Take out what differs from run to run and server to server: the database's URL, the
    planner's size estimates of the fixture's tables, durations."""
    text = re.sub(r"postgresql://\S+", "<database>", text)
    text = re.sub(r"\(\d+ rows, \d+ kB[^)]*\)", "(<size>)", text)
    return re.sub(r"\d+\.\d+s\b", "<seconds>", text)




def test_the_dry_run_of_an_online_step_matches_the_golden(tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    run = citrine("migrate", "--dry-run", project=project, url=database)
    assert run.code == 0, run.text
    assert_golden("engine-migrate-dry-run.sql", _normalise(run.out))


def test_status_before_an_online_step_matches_the_golden(tmp_path: Path, database) -> None:
    project = _at_100(tmp_path, database, 3)
    run = citrine("status", project=project, url=database)
    assert run.code == 0, run.text
    assert_golden("engine-status.txt", _normalise(run.out))
