"""Durations as PostgreSQL's time settings take them (``lock_timeout``, ``statement_timeout``):
checked here, so that a value PostgreSQL would refuse is a config or option error before any
connection, not a database error in the middle of a run.

PostgreSQL reads a number with an optional unit (``us``, ``ms``, ``s``, ``min``, ``h``, ``d``;
case-sensitive; no unit means milliseconds), rounds it to whole milliseconds, and accepts 0
(no timeout) up to 2147483647 ms.
"""

from __future__ import annotations

import re

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "min": 60_000.0, "h": 3_600_000.0,
            "d": 86_400_000.0}
MAX_MS = 2_147_483_647  # INT_MAX: the largest value of an integer setting
# The same shape as a JSON Schema pattern (config.schema.json's "duration").
PATTERN = r"^\s*[0-9]+(\.[0-9]+)?\s*(us|ms|s|min|h|d)?\s*$"
_SHAPE = re.compile(r"\s*(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>us|ms|s|min|h|d)?\s*")
EXAMPLES = "a duration such as 200ms, 5s or 1min (units us, ms, s, min, h, d; 0: none)"


def milliseconds(text: str) -> int:
    """The duration in whole milliseconds, as PostgreSQL rounds it; ValueError says what is
    wrong in words that fit after the value's name."""
    if not isinstance(text, str):
        raise ValueError(f"must be text, {EXAMPLES}")
    match = _SHAPE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text.strip()[:40]!r} is not {EXAMPLES}")
    number = float(match["number"])
    value = number * UNITS_MS[match["unit"] or "ms"]
    rounded = round(value)  # half to even, as PostgreSQL's rint(): 0.5ms is 0
    if rounded > MAX_MS:
        raise ValueError(f"{text.strip()!r} is more than PostgreSQL's limit of {MAX_MS} ms "
                         "(about 24 days)")
    if rounded == 0 and number != 0:
        raise ValueError(f"{text.strip()!r} rounds to 0 ms, which PostgreSQL takes as no "
                         "timeout at all: give at least 1ms (or 0 to mean none)")
    return rounded


def normalised(text: str) -> str:
    """The value checked and stripped, as it is handed to PostgreSQL."""
    milliseconds(text)
    return text.strip()
