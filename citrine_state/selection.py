"""The selection syntax of ``select``: which of the numbered steps a batch takes.

As the spec's table: numbers (``1,3,5``), ranges (``1-5``), both mixed (``1,3-7,9``), ``all``,
and ``none`` or nothing to cancel. Spaces are tolerated anywhere, duplicates fold, and the result
is in list order (the list is in timestamp order). Anything else is a ``SelectionError`` with one
line that says what is wrong, so a prompt can ask again and a script can exit 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UsageError

# ASCII digits only: str.isdigit() and \d accept other scripts' digits, which nobody means here.
_NUMBER = re.compile(r"[0-9]+")
_RANGE = re.compile(r"([0-9]+)\s*-\s*([0-9]+)")
_SHOWN = 40  # how much of a bad entry an error message quotes

CANCEL_WORDS = ("none", "")
ALL_WORD = "all"


class SelectionError(UsageError):
    """The text is not a selection; the message says why, in one line."""


@dataclass(frozen=True)
class Selection:
    """Chosen positions (1-based, ascending, no duplicates); empty means cancelled."""

    numbers: tuple[int, ...]

    @property
    def cancelled(self) -> bool:
        return not self.numbers

    def __str__(self) -> str:
        return format_numbers(self.numbers)


def parse(text: str, count: int) -> Selection:
    """Parse ``text`` against a list of ``count`` items."""
    if count < 0:
        raise ValueError(count)
    words = " ".join(text.split()).lower()  # any run of whitespace is one space
    if words in CANCEL_WORDS:
        return Selection(())
    if words == ALL_WORD:
        if count == 0:
            raise SelectionError("there is nothing to select: the list is empty")
        return Selection(tuple(range(1, count + 1)))
    chosen: set[int] = set()
    for raw in words.split(","):
        entry = raw.strip()
        if not entry:
            raise SelectionError(
                "an entry is empty (two commas in a row, or a comma at an end): "
                "write numbers and ranges separated by single commas, e.g. 1,3-5"
            )
        if entry in (ALL_WORD, *CANCEL_WORDS):
            raise SelectionError(
                f'"{entry}" stands alone: write it without numbers, or only numbers and ranges'
            )
        chosen.update(_entry(entry, count))
    return Selection(tuple(sorted(chosen)))


def _entry(entry: str, count: int) -> range:
    if _NUMBER.fullmatch(entry):
        number = _int(entry)
        _check_bounds(number, count, entry)
        return range(number, number + 1)
    match = _RANGE.fullmatch(entry)
    if match:
        first, last = _int(match.group(1)), _int(match.group(2))
        _check_bounds(first, count, entry)
        _check_bounds(last, count, entry)
        if first > last:
            raise SelectionError(
                f"{_show(entry)} is a reversed range: write the smaller number first "
                f"({last}-{first})"
            )
        return range(first, last + 1)
    if "-" in entry and re.fullmatch(r"[0-9\s-]*", entry):
        raise SelectionError(
            f"{_show(entry)} is not a range: a range is two numbers with one dash between "
            "them, e.g. 1-5"
        )
    raise SelectionError(
        f'{_show(entry)} is not a number, a range (e.g. 1-5), "all" or "none"'
    )


def _int(digits: str) -> int:
    """The number, capped: Python refuses to convert very long digit strings, and anything
    beyond the cap is out of range anyway."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else _TOO_BIG


_TOO_BIG = 10**18


def _check_bounds(number: int, count: int, entry: str) -> None:
    if number == 0:
        raise SelectionError(f"{_show(entry)}: the list starts at 1, there is no migration 0")
    if number > count:
        where = (
            f"there are {count} migrations (1-{count})" if count > 1
            else "there is 1 migration (1)" if count == 1
            else "the list is empty"
        )
        shown = "a number that large" if number >= _TOO_BIG else str(number)
        raise SelectionError(f"{_show(entry)}: {shown} is out of range, {where}")


def _show(entry: str) -> str:
    """The entry quoted for a message: one line, not too long."""
    flat = "".join(c if c.isprintable() else "?" for c in " ".join(entry.split()))
    if len(flat) > _SHOWN:
        flat = flat[: _SHOWN - 3] + "..."
    return f'"{flat}"'


def format_numbers(numbers: tuple[int, ...] | list[int]) -> str:
    """The shortest text in this syntax for the given numbers: ``(1, 2, 3, 5)`` -> ``1-3,5``."""
    ordered = sorted(set(numbers))
    if not ordered:
        return "none"
    parts: list[str] = []
    start = prev = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if number is not None:
            start = prev = number
    return ",".join(parts)
