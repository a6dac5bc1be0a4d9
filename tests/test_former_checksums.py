"""Databases that ran an earlier form of a step file are not told it was edited: every step file
changed since a commit that landed on main either names that form's checksum in
``FORMER_CHECKSUMS`` or was changed on purpose (none is, today). Static: the files of those
commits are read from git, no database is needed."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from citrine_state.project import load
from citrine_state.steps import all_steps, is_former_form

REPO = Path(__file__).resolve().parents[1]
LANDED = (
    "60acf85bde8cf2ad76c7f2cd9d041a92c03b53b9",  # main before the online steps' speed-ups
    "b055d7c5fdebb62865cc5535a548ed164972d00c",  # main with them (issue 18 landed)
    "98b10ecec879ab5b5f43b7277376289b3247d26c",  # before the step context took their helpers
)


def _old_text(commit: str, rel: str) -> bytes | None:
    run = subprocess.run(["git", "-C", str(REPO), "show", f"{commit}:{rel}"],
                         capture_output=True, check=False)
    return run.stdout if run.returncode == 0 else None


@pytest.mark.parametrize("commit", LANDED)
def test_every_step_file_edited_since_a_landed_commit_names_its_former_checksum(
        commit: str) -> None:
    known = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{commit}^{{commit}}"],
                           capture_output=True, check=False)
    if known.returncode != 0:
        pytest.skip(f"commit {commit[:7]} is not in this clone's history (a shallow clone?)")
    undeclared = []
    for step in all_steps(load(REPO)):
        rel = step.path.relative_to(REPO).as_posix()
        old = _old_text(commit, rel)
        if old is None:  # the step is newer than the commit
            continue
        ran = hashlib.sha256(old.replace(b"\r\n", b"\n")).hexdigest()
        if not is_former_form(step, ran):
            undeclared.append(rel)
    assert undeclared == [], "edited without naming the former checksum"
