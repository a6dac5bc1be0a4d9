"""The ``citrine-migrate`` command line: parse, call ``api``, render, exit.

Heavy libraries (SQLAlchemy, migra) are imported inside the commands, never at start-up, so
``--help`` stays fast. Every ``CitrineError`` becomes one line on stderr and its exit code.
Commands live in one module per area; importing them registers them on ``app``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ..errors import CitrineError
from . import (  # noqa: F401 (registers the commands)
    batches,
    individual,
    install,
    localdb,
    operations,
    render,
    upgrade,
    versions,
)
from .common import app


class Stopped(KeyboardInterrupt):
    """A stop signal (SIGTERM from ``kill``, systemd, a CI runner's cancel; SIGHUP from a
    closed terminal), handled as Ctrl-C is: the driver cancels the running statement, the
    open transaction rolls back, and one line says what stays. Left to its default, the signal
    would end the process at once while the server went on with the statement, holding its
    locks until the statement was done."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_stopped_by: list[int] = []  # the stop signal that came, if one did (typer may return 130
# for the interrupt instead of raising it, and the signal is then known only from here)


def _stop(signum: int, _frame: object) -> None:
    _stopped_by.append(signum)
    raise Stopped(signum)


def _catch_stop_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _stop)


def main() -> None:
    """Entry point: run the app, turning our errors into one line and an exit code."""
    _catch_stop_signals()
    try:
        _run()
    finally:
        # Everything the command made is still referenced at exit (modules, inspections);
        # the interpreter's last garbage collection would walk all of it for ~0.1 s only to
        # free memory the process gives back anyway. Freezing leaves it out of that pass;
        # files, connections and atexit handlers are closed as usual.
        import gc

        gc.freeze()


def _run() -> None:
    try:
        code = app(standalone_mode=False)
    except CitrineError as err:
        result = getattr(err, "result", None)
        if result is not None:
            render.diff(render.console(stderr=True), result)
        if getattr(err, "findings", None):
            render.refused(err)
        _fail(_with_hint(str(err)), err.exit_code)
    except KeyboardInterrupt as stop:
        _interrupted(stop)
    except SystemExit as done:
        # typer turns Ctrl-C into a silent exit 130: say what stays and what was rolled back
        cause = _interrupt_of(done)
        if done.code == 130 and cause is not None:
            _interrupted(cause)
        raise
    except Exception as err:  # never a traceback for the user, unless asked
        if _is_usage_error(err):
            _usage_error(err)
        if os.environ.get("CITRINE_DEBUG"):
            raise
        from ..api.basics import first_line

        if type(err).__module__.startswith(("sqlalchemy", "psycopg")):
            _fail(_with_hint(f"database error: {first_line(err)}"), 2)
        if isinstance(err, OSError) and err.filename is not None:
            # a file or folder the command could not read or write: named, not "internal"
            _fail(f"{err.filename}: {err.strerror or type(err).__name__}", 2)
        _fail(f"internal error: {type(err).__name__}: {first_line(err)} "
              "(CITRINE_DEBUG=1 shows where)", 2)
    if code == 130:  # typer turns Ctrl-C into a returned 130 when not standalone
        _interrupted()
    if isinstance(code, int) and code:
        sys.exit(code)


def _is_usage_error(err: BaseException) -> bool:
    """A command-line error of click (typer's parser): unknown option, bad value, missing
    argument. Found by the class name, as typer may vendor its own click."""
    return any(cls.__name__ == "ClickException" for cls in type(err).__mro__)


def _usage_error(err: Any) -> None:
    """One line, ``error: ...``, exit 2, instead of click's usage block: the same shape as
    every other refusal. ``no_args_is_help`` shows the help as before."""
    ctx = getattr(err, "ctx", None)
    if type(err).__name__ == "NoArgsIsHelpError":
        if ctx is not None:
            sys.stderr.write(ctx.get_help() + "\n")
        sys.exit(getattr(err, "exit_code", 2))
    message = err.format_message()
    where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
    _fail(f"{message}{where}", getattr(err, "exit_code", 2) or 2)


def _interrupt_of(exc: BaseException) -> KeyboardInterrupt | None:
    """The interrupt (Ctrl-C or a stop signal) that ``exc`` comes from, if any."""
    seen: set[int] = set()
    probe: BaseException | None = exc
    while probe is not None and id(probe) not in seen:
        if isinstance(probe, KeyboardInterrupt):
            return probe
        seen.add(id(probe))
        probe = probe.__cause__ or probe.__context__
    return None


def _interrupted(stop: KeyboardInterrupt | None = None) -> None:
    """Say what stays, and exit as a shell reports the signal: 130 for Ctrl-C, 128 + its
    number for a stop signal (143 for SIGTERM, 129 for SIGHUP)."""
    import signal

    from ..api.history import interrupted

    signum = stop.signum if isinstance(stop, Stopped) else (_stopped_by[0] if _stopped_by
                                                            else None)
    if signum is not None:
        _fail(interrupted(signal.Signals(signum).name), 128 + signum)
    _fail(interrupted(), 130)


def _with_hint(message: str) -> str:
    """A "permission denied" from the server, with the privilege it takes and the way out."""
    from ..api.basics import privilege_hint

    hint = privilege_hint(message)
    return f"{message} ({hint})" if hint else message


def _fail(message: str, code: int) -> None:
    from ..api.basics import scrub

    sys.stderr.write(f"error: {scrub(message)}\n")
    sys.exit(code)


__all__ = ["app", "main"]
