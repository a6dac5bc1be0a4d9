"""PostgreSQL's client programs (pg_dump, pg_restore, psql): finding one that fits the server,
and running it without ever putting a password on a command line.

A machine often has several majors installed side by side (Debian's /usr/lib/postgresql/<N>/bin,
RHEL's /usr/pgsql-<N>/bin, Homebrew's postgresql@<N>). pg_dump refuses a server newer than
itself, and a dump taken by pg_dump N can only be read by pg_restore N or newer, so the choice
matters. We look in ``CITRINE_PG_BINDIR``, on ``PATH``, in ``pg_config --bindir`` and in the
versioned folders, ask each candidate its version, and pick by the rules below; when nothing
fits we say which versions were found and what to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from . import db
from .errors import UsageError

ENV_BINDIR = "CITRINE_PG_BINDIR"
VERSIONED_DIRS = (
    "/usr/lib/postgresql/*/bin",  # Debian, Ubuntu
    "/usr/pgsql-*/bin",  # RHEL, Fedora (PGDG)
    "/opt/homebrew/opt/postgresql@*/bin",  # macOS, Homebrew (Apple silicon)
    "/usr/local/opt/postgresql@*/bin",  # macOS, Homebrew (Intel)
)
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Tool:
    """One client program and its major version (10, 15, ...; 9 for any 9.x)."""

    name: str
    path: Path
    major: int
    version: str

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.path})"


def _candidate_dirs() -> list[Path]:
    dirs: list[Path] = []
    explicit = os.environ.get(ENV_BINDIR)
    if explicit:
        dirs.append(Path(explicit).expanduser())
    dirs.extend(Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 timeout=10)
            if out.returncode == 0 and out.stdout.strip():
                dirs.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    for pattern in VERSIONED_DIRS:
        root = Path("/")
        dirs.extend(sorted(root.glob(pattern.lstrip("/"))))
    return dirs


def _is_wrapper(path: Path) -> bool:
    """Debian's /usr/bin/pg_dump is a link to pg_wrapper, which picks a version by its own
    rules at run time; we prefer the real binary of the version we chose."""
    try:
        return path.resolve().name != path.name
    except OSError:
        return True


def tool_version(path: Path) -> tuple[int, str] | None:
    """``(major, "15.18")`` from ``<tool> --version``, or None if it does not answer."""
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True,
                             timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(out.stdout)
    if out.returncode != 0 or not match:
        return None
    major = int(match.group(1))
    minor = match.group(2)
    return major, f"{major}.{minor}" if minor is not None else str(major)


def installed(name: str) -> list[Tool]:
    """Every distinct major of ``name`` on this machine, one tool per major, in search order
    (a real binary preferred over a version-picking wrapper)."""
    by_major: dict[int, Tool] = {}
    wrapped: dict[int, Tool] = {}
    seen: set[Path] = set()
    for folder in _candidate_dirs():
        path = folder / name
        if not (path.is_file() and os.access(path, os.X_OK)):
            continue
        key = path.resolve() if not _is_wrapper(path) else path.absolute()
        if key in seen:
            continue
        seen.add(key)
        found = tool_version(path)
        if found is None:
            continue
        tool = Tool(name, path, found[0], found[1])
        if _is_wrapper(path):
            wrapped.setdefault(tool.major, tool)
        else:
            by_major.setdefault(tool.major, tool)
    for major, tool in wrapped.items():
        by_major.setdefault(major, tool)
    return [by_major[m] for m in sorted(by_major)]


# --- choosing -----------------------------------------------------------------------------------


def install_hint(major: int | None) -> str:
    if major is None:
        return ("install the PostgreSQL client programs (Debian/Ubuntu: apt-get install "
                f"postgresql-client) or set {ENV_BINDIR} to the folder that holds them")
    return (
        f"install the PostgreSQL {major} client programs (Debian/Ubuntu: apt-get install "
        f"postgresql-client-{major}; RHEL: dnf install postgresql{major}) or set {ENV_BINDIR} "
        "to the folder that holds them"
    )


def _found(tools: list[Tool]) -> str:
    return ", ".join(str(t) for t in tools) if tools else "none"


def choose_dump(tools: list[Tool], server_major: int) -> Tool:
    """pg_dump must be the server's major or newer: the same major if present, else the
    nearest newer one."""
    fits = [t for t in tools if t.major >= server_major]
    if not fits:
        name = tools[0].name if tools else "pg_dump"
        raise UsageError(
            f"no {name} fits the server (PostgreSQL {server_major}): {name} must be version "
            f"{server_major} or newer, and this machine has {_found(tools)}; "
            + install_hint(server_major)
        )
    return min(fits, key=lambda t: t.major)


def choose_restore(tools: list[Tool], server_major: int, dumped_by: int | None) -> Tool:
    """pg_restore must be at least the major of the pg_dump that wrote the file; among those,
    the server's own major is best, then the nearest newer, then the newest older."""
    need = dumped_by or 0
    fits = [t for t in tools if t.major >= need]
    if not fits:
        name = tools[0].name if tools else "pg_restore"
        raise UsageError(
            f"no {name} can read this file: it was written by pg_dump {dumped_by}, which needs "
            f"{name} {dumped_by} or newer, and this machine has {_found(tools)}; "
            + install_hint(dumped_by or server_major)
        )
    return min(fits, key=lambda t: _closeness(t.major, server_major))


def choose_client(tools: list[Tool], server_major: int, name: str = "psql") -> Tool:
    """Any psql talks to any supported server; the server's own major is best."""
    if not tools:
        raise UsageError(f"no {name} found on this machine; " + install_hint(server_major))
    return min(tools, key=lambda t: _closeness(t.major, server_major))


def _closeness(major: int, server_major: int) -> tuple[int, int]:
    if major == server_major:
        return (0, 0)
    if major > server_major:
        return (1, major - server_major)
    return (2, server_major - major)


def find(name: str, server_major: int, dumped_by: int | None = None) -> Tool:
    """The ``name`` (pg_dump, pg_restore, psql, ...) to use against a server of this major."""
    tools = installed(name)
    if not tools:
        raise UsageError(
            f"no {name} found (looked in {ENV_BINDIR}, PATH, pg_config --bindir and "
            f"{', '.join(VERSIONED_DIRS)}); " + install_hint(server_major)
        )
    if name == "pg_dump":
        return choose_dump(tools, server_major)
    if name == "pg_restore":
        return choose_restore(tools, server_major, dumped_by)
    return choose_client(tools, server_major, name)


def server_major(url: URL) -> int:
    """The server's major version (``server_version_num`` 150018 -> 15)."""
    return db.server_version(url) // 10000


# --- running ------------------------------------------------------------------------------------


def conninfo(url: URL) -> str:
    """A libpq connection string for ``-d`` with everything in the URL except the password
    (that goes in PGPASSWORD), so no password is ever on a command line."""
    parts: dict[str, str] = {}
    if url.host:
        parts["host"] = str(url.host)
    if url.port:
        parts["port"] = str(url.port)
    if url.username:
        parts["user"] = str(url.username)
    parts["dbname"] = str(url.database or "")
    for key, value in url.query.items():
        if key == "password":
            continue
        parts[key] = value if isinstance(value, str) else str(value[-1])
    parts.setdefault("connect_timeout", "10")
    parts.setdefault("application_name", "citrine-migrate")
    return " ".join(f"{k}={_quote_value(v)}" for k, v in parts.items())


def _quote_value(value: str) -> str:
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def environment(url: URL) -> dict[str, str]:
    """The process environment for a client program: ours (so PGSSLMODE, PGPASSFILE and the
    like apply as they do to the engine's own connections), with the URL's password as
    PGPASSWORD."""
    env = dict(os.environ)
    password = url.password or url.query.get("password")
    if password:
        env["PGPASSWORD"] = str(password if isinstance(password, str) else password[-1])
    return env


def last_error(stderr: str, url: URL, lines: int = 3) -> str:
    """The last few meaningful lines of a client's stderr, passwords scrubbed."""
    kept = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    return db.scrub(" / ".join(kept[-lines:]) if kept else "no message", url)
