"""Errors that end a command with one clear line and a stable exit code.

Every layer raises these; only the CLI turns them into output and an exit status, so that
bad input never shows a traceback.
"""

from __future__ import annotations

EXIT_PROBLEM = 1  # drift, or a check command that found something
EXIT_USAGE = 2  # bad input, cannot connect, or a writing command that refuses


class CitrineError(Exception):
    """A failure the user can act on; ``str(err)`` is the one line shown."""

    exit_code = EXIT_USAGE


class UsageError(CitrineError):
    """Bad input: options, config, names, files."""


class ConnectionFailed(CitrineError):
    """The database cannot be reached or refused the login."""


class Refused(CitrineError):
    """A writing command that refuses to act on this database as it is."""


class LocalClusterError(CitrineError):
    """The managed local PostgreSQL cannot be created, started or used."""


class CheckFailed(CitrineError):
    """A check found a problem (drift, stale snapshot, pending steps): exit 1."""

    exit_code = EXIT_PROBLEM


class LockTimeout(CitrineError):
    """Another runner holds the migration lock for longer than we were willing to wait: the
    command did not run, an error like a table lock that cannot be had (exit 2)."""
