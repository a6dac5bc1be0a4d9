"""What this process has committed to the database so far, and what it was doing when it was
interrupted: so that Ctrl-C (or a SIGTERM, a SIGHUP) ends with one line saying what stays and
what was rolled back.

Every transaction that writes is wrapped in ``transaction(what)``; only the command line reads
the journal (``interrupted()``), after a KeyboardInterrupt has rolled the running one back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_committed: list[str] = []
_rolled_back: str | None = None


@contextmanager
def transaction(what: str) -> Iterator[None]:
    """Wrap one writing transaction (its ``with conn.begin()``): committed when the block
    ends normally, else rolled back, and recorded as either."""
    global _rolled_back
    _rolled_back = None
    try:
        yield
    except BaseException:
        _rolled_back = what
        raise
    _committed.append(what)


def committed() -> list[str]:
    return list(_committed)


def interrupted(by: str | None = None) -> str:
    """The line for an interrupt (Ctrl-C, or the signal ``by`` names, e.g. ``SIGTERM``): what
    was rolled back, what stays committed."""
    done = _committed
    shown = ", ".join(done[:6]) + (f" and {len(done) - 6} more" if len(done) > 6 else "")
    what = f"interrupted by {by}" if by else "interrupted"
    if _rolled_back is None and not done:
        return f"{what} before anything was written: the database is unchanged"
    parts = []
    if _rolled_back is not None:
        parts.append(f"{_rolled_back} was running and was rolled back, nothing of it remains")
    parts.append(f"committed before the interrupt, and kept: {shown}" if done
                 else "nothing was committed")
    return f"{what}: " + "; ".join(parts)


def reset() -> None:
    """Forget everything (for callers that run several commands in one process)."""
    global _rolled_back
    _committed.clear()
    _rolled_back = None
