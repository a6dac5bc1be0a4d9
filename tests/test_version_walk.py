"""``version X`` walks one path: one connection takes the migration lock once, the database is
classified at most once, and that classification is passed down to the path that fits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from citrine_state import api, lock, status

from .support.cli import citrine


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter:
    calls: Counter = Counter()
    acquire, classify = lock.acquire, status.classify

    def counting_acquire(*args, **kwargs):
        calls["lock"] += 1
        return acquire(*args, **kwargs)

    def counting_classify(*args, **kwargs):
        calls["classify"] += 1
        return classify(*args, **kwargs)

    monkeypatch.setattr(lock, "acquire", counting_acquire)
    monkeypatch.setattr(status, "classify", counting_classify)
    return calls


def _version(project: Path, url: object, name: str, calls: Counter) -> str:
    calls.clear()
    return api.to_version(api.open_project(project), url, name).action


def test_version_x_takes_the_lock_once_and_classifies_once_on_every_path(
        project: Path, database, counted: Counter) -> None:
    # empty: the snapshot, nothing to classify
    assert _version(project, database, "1.8.0", counted) == "installed"
    assert counted == Counter(lock=1)
    # exactly at an older version: consolidated migrations, from the one classification
    assert _version(project, database, "1.8.2", counted) == "upgraded"
    assert counted == Counter(lock=1, classify=1)
    # already there
    assert _version(project, database, "1.8.2", counted) == "up-to-date"
    assert counted == Counter(lock=1, classify=1)
    # newer than the target: the downs
    assert _version(project, database, "1.8.1", counted) == "rolled-back"
    assert counted == Counter(lock=1, classify=1)
    # between versions (the rollback set data aside for the steps: no classification needed)
    assert citrine("undo", project=project, url=database).code == 0
    assert _version(project, database, "1.8.1", counted) == "stepped"
    assert counted["lock"] == 1 and counted["classify"] <= 1
