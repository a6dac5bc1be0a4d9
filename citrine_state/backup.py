"""Backups with pg_dump's custom format, and restores that never destroy what they replace.

A backup is ``<database>-<version>-<UTC time>.dump`` (``pg_dump -Fc``), written under a temporary
name with mode 0600 from the first byte, fsynced, checked with ``pg_restore --list`` and only
then renamed into place, so a file with the final name is always a complete, readable archive.

A restore goes into a new database (created from template0, as pg_restore needs), in one
transaction that stops at the first error; a failed restore drops what it created. Restoring
"over" an existing database restores into a new one first and then swaps the names in one
transaction: the replaced database is kept under ``<name>_before_restore_<time>``, not dropped.
Passwords reach the client programs only through PGPASSWORD.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL

from . import db, pgtools
from .errors import Refused, UsageError
from .progress import Say, quiet
from .sqltext import quote_ident, quote_literal

NAME_LIMIT = 63  # PostgreSQL's identifier length (NAMEDATALEN - 1)
LIST_SETTINGS = ("search_path", "temp_tablespaces", "session_preload_libraries",
                 "local_preload_libraries")
BACKUP_NAME = re.compile(
    r"^(?P<database>.+)-(?P<version>unversioned|\d+\.\d+\.\d+)-(?P<time>\d{8}T\d{6}Z)$"
)


# --- archives -----------------------------------------------------------------------------------


@dataclass
class ArchiveInfo:
    """What ``pg_restore --list`` says about a custom-format archive."""

    format: str
    database: str | None
    dumped_from: str | None
    dumped_by: str | None
    toc_entries: int
    tables: int  # TABLE DATA entries

    @property
    def dumped_by_major(self) -> int | None:
        match = re.match(r"(\d+)", self.dumped_by or "")
        return int(match.group(1)) if match else None


def parse_listing(text: str) -> ArchiveInfo:
    header: dict[str, str] = {}
    tables = 0
    for line in text.splitlines():
        if line.startswith(";"):
            key, sep, value = line.lstrip("; ").partition(":")
            if sep:
                header[key.strip()] = value.strip()
        elif " TABLE DATA " in line:
            tables += 1
    entries = re.match(r"\d+", header.get("TOC Entries", ""))
    return ArchiveInfo(
        format=header.get("Format", ""),
        database=header.get("dbname"),
        dumped_from=header.get("Dumped from database version"),
        dumped_by=header.get("Dumped by pg_dump version"),
        toc_entries=int(entries.group()) if entries else 0,
        tables=tables,
    )


def list_archive(path: Path, tool: pgtools.Tool) -> ArchiveInfo:
    """``pg_restore --list``: proves the file is a complete archive this pg_restore can read."""
    proc = subprocess.run([str(tool.path), "--list", str(path)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        detail = " / ".join(line.strip() for line in proc.stderr.strip().splitlines()[-3:])
        raise UsageError(f"{path} is not a readable pg_dump archive ({tool}): {detail}")
    info = parse_listing(proc.stdout)
    if info.format != "CUSTOM" or info.toc_entries == 0:
        raise UsageError(f"{path}: pg_restore --list shows no custom-format archive "
                         f"(format {info.format or '?'}, {info.toc_entries} entries)")
    return info


def read_archive(path: Path) -> ArchiveInfo:
    """Read an archive's header with the newest pg_restore on this machine (it reads every
    older format), to learn which pg_dump wrote it."""
    if not path.is_file():
        raise UsageError(f"no such backup file: {path}")
    tools = pgtools.installed("pg_restore")
    if not tools:
        raise UsageError("no pg_restore found; " + pgtools.install_hint(None))
    return list_archive(path, tools[-1])


# --- backup -------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    size: int
    database: str
    version: str
    created_at: datetime
    tables: int
    toc_entries: int
    seconds: float
    pg_dump: str
    server_major: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "size": self.size,
            "database": self.database,
            "version": self.version,
            "created_at": self.created_at.isoformat(),
            "tables": self.tables,
            "toc_entries": self.toc_entries,
            "seconds": round(self.seconds, 3),
            "pg_dump": self.pg_dump,
            "server_major": self.server_major,
        }


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", text).strip("_") or "database"


def backup_name(database: str, version: str, when: datetime) -> str:
    return f"{_file_part(database)}-{version}-{when.strftime('%Y%m%dT%H%M%SZ')}.dump"


def take(
    url: URL,
    output_dir: Path,
    version: str,
    lock_wait: float = 60.0,
    say: Say = quiet,
) -> BackupResult:
    """``pg_dump -Fc`` of the whole database into ``output_dir``, mode 0600, checked with
    ``pg_restore --list`` before it gets its final name."""
    major = pgtools.server_major(url)
    dump = pgtools.find("pg_dump", major)
    lister = _same_folder(dump, "pg_restore") or pgtools.find("pg_restore", major, dump.major)
    make_private_dirs(output_dir)
    when = datetime.now(UTC).replace(microsecond=0)
    final = _free_name(output_dir / backup_name(str(url.database), version, when))
    partial = final.with_name(final.name + ".partial")
    say(f"pg_dump -Fc {db.mask(url)} with {dump}")
    started = time.perf_counter()
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise UsageError(f"cannot write a backup into {output_dir}: {exc.strerror}") from None
    try:
        os.fchmod(fd, 0o600)
        proc = subprocess.run(
            [str(dump.path), "--format=custom", "--no-password",
             f"--lock-wait-timeout={max(1, int(lock_wait * 1000))}ms",
             "--dbname", pgtools.conninfo(url)],
            stdout=fd, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
            env=pgtools.environment(url),
        )
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        partial.unlink(missing_ok=True)
        raise
    os.close(fd)
    if proc.returncode != 0:
        partial.unlink(missing_ok=True)
        raise UsageError(f"pg_dump of {db.mask(url)} failed: "
                         f"{pgtools.last_error(proc.stderr, url)}")
    try:
        info = list_archive(partial, lister)
    except UsageError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, final)
    _fsync_dir(output_dir)
    return BackupResult(
        path=final,
        size=final.stat().st_size,
        database=str(url.database),
        version=version,
        created_at=when,
        tables=info.tables,
        toc_entries=info.toc_entries,
        seconds=time.perf_counter() - started,
        pg_dump=str(dump),
        server_major=major,
    )


def make_private_dirs(folder: Path) -> None:
    """Make ``folder`` and every missing folder above it with mode 0700 (a backup holds every
    token and password hash of the database: no folder on its way is made readable for others;
    folders that exist already are left as they are). Failures are one line naming the path."""
    missing: list[Path] = []
    here = folder
    while not here.exists():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    if here.exists() and not here.is_dir():
        raise UsageError(f"cannot make the backup folder {folder}: {here} is a file")
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
            os.chmod(path, 0o700)  # mkdir's mode is masked by the umask
        except FileExistsError:
            if not path.is_dir():
                raise UsageError(f"cannot make the backup folder {folder}: {path} is a "
                                 "file") from None
        except OSError as exc:
            raise UsageError(f"cannot make the backup folder {path}: {exc.strerror}") from None
    if not folder.is_dir():
        raise UsageError(f"the backup folder {folder} is a file, not a folder")


def _same_folder(tool: pgtools.Tool, name: str) -> pgtools.Tool | None:
    """The sibling program of the same installation (pg_restore next to pg_dump)."""
    path = tool.path.parent / name
    found = pgtools.tool_version(path) if path.is_file() else None
    return pgtools.Tool(name, path, found[0], found[1]) if found else None


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + ".partial").exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- restore ------------------------------------------------------------------------------------


@dataclass
class RestoreResult:
    file: Path
    database: str
    tables: int
    seconds: float
    pg_restore: str
    kept_as: str | None = None  # over-existing: the name the replaced database is kept under
    notes: list[str] = field(default_factory=list)
    version: str | None = None  # what the restored ledger records exactly (set by the api)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "database": self.database,
            "tables": self.tables,
            "seconds": round(self.seconds, 3),
            "pg_restore": self.pg_restore,
            "kept_as": self.kept_as,
            "version": self.version,
            "notes": self.notes,
        }


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d_%H%M%S")


def _fit(prefix: str, suffix: str) -> str:
    """``prefix + suffix`` cut to PostgreSQL's 63-byte identifier limit (the prefix gives)."""
    room = NAME_LIMIT - len(suffix.encode())
    cut = prefix.encode()[:room].decode(errors="ignore")
    return cut + suffix


def default_restore_name(file: Path) -> str:
    """``citrine-1.8.0-20250101T120000Z.dump`` -> ``citrine_restored_20250101_120000``; any
    other file: its name, lower-cased, with ``_restored``."""
    stem = file.name.removesuffix(".dump")
    match = BACKUP_NAME.match(stem)
    if match:
        stamp = match["time"].replace("T", "_").rstrip("Z")
        base = re.sub(r"[^a-z0-9_]+", "_", match["database"].lower()).strip("_") or "restored"
        return _fit(base, f"_restored_{stamp}")
    base = re.sub(r"[^a-z0-9_]+", "_", Path(stem).stem.lower()).strip("_") or "backup"
    return _fit(base, "_restored")


def _maintenance(url: URL) -> URL:
    """Where to run CREATE/ALTER DATABASE from: ``postgres``, or ``template1`` when the
    configured database is ``postgres`` itself (one cannot rename the database one is in)."""
    return db.server_url(url, "template1" if url.database == "postgres" else "postgres")


def _major(conn: Any) -> int:
    return int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000


def _exists(conn: Any, name: str) -> bool:
    return conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                        {"n": name}).first() is not None


def _database_props(conn: Any, name: str) -> dict[str, Any] | None:
    row = conn.execute(
        sa.text("SELECT to_jsonb(d) || jsonb_build_object("
                "'encoding_name', pg_encoding_to_char(d.encoding), "
                "'owner_name', pg_get_userbyid(d.datdba)) FROM pg_database d WHERE datname = :n"),
        {"n": name},
    ).scalar()
    if row is None:
        return None
    return row if isinstance(row, dict) else json.loads(row)


def _create_sql(name: str, like: dict[str, Any] | None) -> str:
    """CREATE DATABASE from template0 (pg_restore wants an empty one), with the encoding and
    locale of ``like`` when given."""
    sql = f"CREATE DATABASE {quote_ident(name)} TEMPLATE template0"
    if like:
        sql += f" ENCODING {quote_literal(str(like['encoding_name']))}"
        sql += (f" LC_COLLATE {quote_literal(str(like['datcollate']))}"
                f" LC_CTYPE {quote_literal(str(like['datctype']))}")
        icu = like.get("datlocale") or like.get("daticulocale")
        if like.get("datlocprovider") == "i" and icu:
            sql += f" LOCALE_PROVIDER icu ICU_LOCALE {quote_literal(str(icu))}"
    return sql


def _sessions(conn: Any, name: str) -> list[str]:
    rows = conn.execute(
        sa.text("SELECT pid, usename, coalesce(nullif(application_name, ''), '?'), "
                "coalesce(host(client_addr), 'local') FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid() "
                # autovacuum workers are not users: the rename makes them stop by itself
                "AND backend_type = 'client backend' ORDER BY pid"),
        {"n": name},
    )
    return [f"pid {r[0]} {r[1]} {r[2]} from {r[3]}" for r in rows]


def _wait_for_no_sessions(conn: Any, name: str, seconds: float = 5.0) -> list[str]:
    """Sessions on ``name``; waits a little, since a client that just disconnected may still
    be listed while its backend exits."""
    deadline = time.monotonic() + seconds
    while True:
        found = _sessions(conn, name)
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.2)


def _pg_restore(file: Path, target: URL, tool: pgtools.Tool, no_owner: bool) -> None:
    cmd = [str(tool.path), "--no-password", "--exit-on-error", "--single-transaction"]
    if no_owner:
        cmd += ["--no-owner", "--no-privileges"]
    cmd += ["--dbname", pgtools.conninfo(target), str(file)]
    proc = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=pgtools.environment(target))
    if proc.returncode != 0:
        raise UsageError(f"pg_restore into {target.database!r} failed, nothing was kept: "
                         f"{pgtools.last_error(proc.stderr, target)}")


def _restore_into_new(url: URL, file: Path, name: str, like: dict[str, Any] | None,
                      tool: pgtools.Tool, no_owner: bool, say: Say) -> None:
    admin = _maintenance(url)
    with db.connect(admin) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        if _exists(conn, name):
            raise Refused(f"database {name!r} already exists on {db.mask(admin)}: pick another "
                          "name with --into, or drop it first; nothing was restored")
        conn.exec_driver_sql(_create_sql(name, like))
    target = url.set(database=name)
    say(f"pg_restore --single-transaction into {name!r} with {tool}")
    try:
        _pg_restore(file, target, tool, no_owner)
    except BaseException:
        db.drop_database(target)
        raise


def restore(
    url: URL,
    file: Path,
    into: str | None = None,
    no_owner: bool = False,
    say: Say = quiet,
) -> RestoreResult:
    """Restore ``file`` into a new database on ``url``'s server (default name from the file);
    refuses a name that exists."""
    info = read_archive(file)
    name = into or default_restore_name(file)
    if len(name.encode()) > NAME_LIMIT:
        raise UsageError(f"database name {name!r} is longer than {NAME_LIMIT} bytes")
    with db.connect(_maintenance(url)) as conn:
        major = _major(conn)
        # The configured database may be gone (that is why one restores): then the server's
        # defaults; else its encoding and locale.
        like = _database_props(conn, str(url.database))
    tool = pgtools.find("pg_restore", major, info.dumped_by_major)
    started = time.perf_counter()
    _restore_into_new(url, file, name, like, tool, no_owner, say)
    return RestoreResult(file, name, info.tables, time.perf_counter() - started, str(tool))


def restore_over(
    url: URL,
    file: Path,
    confirm: str | None,
    no_owner: bool = False,
    say: Say = quiet,
) -> RestoreResult:
    """Replace ``url``'s database by the backup: restore into a new database, then swap names
    in one transaction, keeping the old one as ``<name>_before_restore_<time>``. ``confirm``
    must be the database's name."""
    name = str(url.database)
    if confirm != name:
        raise Refused(f"restoring over {name!r} replaces it: confirm with its name "
                      f"(--confirm {name}); nothing was restored")
    info = read_archive(file)
    admin = _maintenance(url)
    with db.connect(admin) as conn:
        major = _major(conn)
        like = _database_props(conn, name)
        if like is None:
            raise Refused(f"database {name!r} does not exist on {db.mask(admin)}: restore "
                          "without --over-existing (into a new database)")
        busy = _wait_for_no_sessions(conn, name)
        conn.rollback()
    if busy:
        raise Refused(_busy_message(name, busy))
    tool = pgtools.find("pg_restore", major, info.dumped_by_major)
    stamp = _stamp()
    staging = _fit(name, f"_restoring_{stamp}")
    kept = _fit(name, f"_before_restore_{stamp}")
    started = time.perf_counter()
    _restore_into_new(url, file, staging, like, tool, no_owner, say)
    notes: list[str] = []
    try:
        with db.connect(admin) as conn:
            notes += _carry_over(conn, like, staging)
            conn.commit()
            busy = _wait_for_no_sessions(conn, name)
            if busy:
                raise Refused(_busy_message(name, busy))
            say(f"swapping: {name!r} -> {kept!r}, {staging!r} -> {name!r}")
            try:
                conn.exec_driver_sql(f"ALTER DATABASE {quote_ident(name)} RENAME TO "
                                     f"{quote_ident(kept)}")
                conn.exec_driver_sql(f"ALTER DATABASE {quote_ident(staging)} RENAME TO "
                                     f"{quote_ident(name)}")
                conn.commit()
            except sa.exc.DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) != "55006":  # object_in_use
                    raise
                conn.rollback()
                raise Refused(_busy_message(name, _sessions(conn, name))) from None
    except BaseException:
        db.drop_database(url.set(database=staging))
        raise
    return RestoreResult(file, name, info.tables, time.perf_counter() - started, str(tool),
                         kept_as=kept, notes=notes)


def _busy_message(name: str, sessions: list[str]) -> str:
    shown = "; ".join(sessions[:5]) + (f"; and {len(sessions) - 5} more" if len(sessions) > 5
                                      else "")
    return (f"{len(sessions)} other session(s) are connected to {name!r} ({shown}): stop the "
            "application first; nothing was replaced")


def _carry_over(conn: Any, old: dict[str, Any], new_name: str) -> list[str]:
    """Give the new database the old one's owner and per-database settings (ALTER DATABASE
    ... SET), which a pg_dump archive does not carry."""
    notes: list[str] = []
    owner = old.get("owner_name")
    current = conn.exec_driver_sql("SELECT current_user").scalar_one()
    if owner and owner != current:
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(f"ALTER DATABASE {quote_ident(new_name)} OWNER TO "
                                     f"{quote_ident(owner)}")
        except sa.exc.DBAPIError as exc:
            notes.append(f"the restored database is owned by {current}, not {owner}: "
                         f"{db.first_line(exc)}")
    rows = conn.execute(
        sa.text("SELECT unnest(setconfig) FROM pg_db_role_setting s JOIN pg_database d "
                "ON d.oid = s.setdatabase WHERE d.datname = :n AND s.setrole = 0"),
        {"n": old["datname"]},
    ).scalars().all()
    for item in rows:
        key, _, value = item.partition("=")
        # List settings are stored with their elements already quoted; others are one value.
        text = value if key.lower() in LIST_SETTINGS else quote_literal(str(value))
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(f"ALTER DATABASE {quote_ident(new_name)} SET "
                                     f"{quote_ident(key)} TO {text}")
        except sa.exc.DBAPIError as exc:
            notes.append(f"setting {key} was not carried over: {db.first_line(exc)}")
    return notes
