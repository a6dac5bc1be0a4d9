"""Memory sizes as PostgreSQL's memory settings take them (``maintenance_work_mem``): checked
here, so that a value PostgreSQL would refuse is a config error before any connection.

PostgreSQL reads a number with an optional unit (``B``, ``kB``, ``MB``, ``GB``, ``TB``;
case-sensitive; no unit means kilobytes for ``maintenance_work_mem``). That setting takes
1MB up to 2147483647 kB.
"""

from __future__ import annotations

import re

UNITS_KB = {"B": 1 / 1024, "kB": 1, "MB": 1024, "GB": 1024**2, "TB": 1024**3}
MIN_KB = 1024  # maintenance_work_mem's lower bound: 1MB
MAX_KB = 2_147_483_647  # INT_MAX kilobytes
# The same shape as a JSON Schema pattern (config.schema.json's "memory").
PATTERN = r"^\s*[0-9]+(\.[0-9]+)?\s*(B|kB|MB|GB|TB)?\s*$"
_SHAPE = re.compile(r"\s*(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>B|kB|MB|GB|TB)?\s*")
EXAMPLES = "a size such as 256MB or 1GB (units B, kB, MB, GB, TB; no unit: kB)"


def kilobytes(text: str) -> int:
    """The size in whole kilobytes, as PostgreSQL rounds it; ValueError says what is wrong in
    words that fit after the value's name."""
    if not isinstance(text, str):
        raise ValueError(f"must be text, {EXAMPLES}")
    match = _SHAPE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text.strip()[:40]!r} is not {EXAMPLES}")
    value = round(float(match["number"]) * UNITS_KB[match["unit"] or "kB"])
    if value < MIN_KB:
        raise ValueError(f"{text.strip()!r} is less than PostgreSQL's minimum of 1MB")
    if value > MAX_KB:
        raise ValueError(f"{text.strip()!r} is more than PostgreSQL's limit of {MAX_KB} kB "
                         "(about 2TB)")
    return value
