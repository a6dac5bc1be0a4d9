"""Golden files: the text a test expects, kept in ``tests/fixtures`` (the engine tests' in
``tests/fixtures/engine``); ``CITRINE_UPDATE_GOLDEN=1`` rewrites them from what the test got
(then review the diff)."""

from __future__ import annotations

import os
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def assert_golden(name: str, actual: str) -> None:
    path = FIXTURES / name
    if os.environ.get("CITRINE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with CITRINE_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")
