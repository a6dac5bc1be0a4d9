"""How the engine reports progress: a ``Say`` is any callable that takes one line (the CLI's
prints it dimmed on stderr; the API's default, ``quiet``, drops it)."""

from __future__ import annotations

from collections.abc import Callable

Say = Callable[[str], None]


def quiet(_: str) -> None:
    """The default ``say``: an API caller who passes nothing hears nothing."""
    return None
