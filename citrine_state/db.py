"""Connections, URL masking, and throwaway (shadow) databases on a PostgreSQL server.

Everything that talks to a server goes through here, so that passwords are masked in one
place and connection failures become one readable line instead of a driver traceback.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import NullPool

from . import dburl
from .errors import ConnectionFailed
from .sqltext import quote_ident as quote_ident  # for callers of db.quote_ident

DRIVER = dburl.DRIVER


def parse_url(url: str, source: str = "the database URL", need_database: bool = True) -> URL:
    """Every accepted form (see ``dburl``) as a SQLAlchemy URL for psycopg 3; a text that is
    none of them is refused in one line that never repeats it."""
    return dburl.parse(url, source, need_database)


def mask(url: str | URL) -> str:
    """The URL as text with its password (and other secrets) replaced by ***, safe for any
    output."""
    return dburl.mask(url)


def scrub(text: str, *urls: str | URL) -> str:
    """Remove passwords (of the given URLs, of any URL given before, and any URL-shaped or
    ``password=`` ones) from a message, leaving the other words as they are."""
    return dburl.scrub(text, *urls)


def engine_for(url: str | URL, **kwargs: object) -> Engine:
    """An engine without a pool: every command opens what it needs and closes it."""
    parsed = parse_url(url) if isinstance(url, str) else url
    args = {"connect_timeout": 10, "application_name": "citrine-migrate"}
    return sa.create_engine(parsed, poolclass=NullPool, connect_args=args, **kwargs)


def first_line(exc: BaseException) -> str:
    """The driver's message without its SQL echo and background links."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(exc).__name__


@contextmanager
def connect(url: str | URL) -> Iterator[Connection]:
    """Open one connection, turning a refused or unreachable server into ConnectionFailed."""
    parsed = parse_url(url) if isinstance(url, str) else url
    engine = engine_for(parsed)
    try:
        try:
            conn = engine.connect()
        except sa.exc.OperationalError as exc:
            raise ConnectionFailed(
                f"cannot connect to {mask(parsed)}: {scrub(first_line(exc), parsed)}"
            ) from None
        try:
            yield conn
        finally:
            conn.close()
    finally:
        engine.dispose()


_script_sinks: list[list[str]] = []


@contextmanager
def capture_scripts() -> Iterator[list[str]]:
    """Collect every statement ``run_script`` executes while the block runs (for dry runs)."""
    sink: list[str] = []
    _script_sinks.append(sink)
    try:
        yield sink
    finally:
        _script_sinks.remove(sink)


def run_script(conn: Connection, sql: str, whole: bool = False) -> None:
    """Run a script of several statements on ``conn`` inside its transaction, with no parameter
    parsing (``%`` in ``format('%I')`` or ``LIKE 'x%'`` is text).

    A failure is raised as SQLAlchemy's DBAPIError naming the statement that failed. With
    ``whole`` (for scripts that only create objects, such as a snapshot loaded into an empty
    database, where no statement waits for another session's lock), a long script is first sent
    in one round trip under a savepoint instead of hundreds; only if it fails is it rolled back
    to the savepoint and replayed statement by statement, to find and name the statement.
    While a dry run collects statements, they always go one by one.
    """
    from .sqltext import split_script

    if not conn.in_transaction():
        conn.begin()
    raw = conn.connection.driver_connection
    assert raw is not None
    if whole and len(sql) >= _WHOLE_SCRIPT_FROM and not _script_sinks and _run_whole(raw, sql):
        return
    for statement in split_script(sql):
        for sink in _script_sinks:
            sink.append(statement)
        _run_one(raw, statement)


def run_statement(conn: Connection, sql: str) -> None:
    """Run one statement exactly as written, inside ``conn``'s transaction: not split, and no
    parameter parsing (text taken from the catalog, such as a CHECK with ``LIKE 'a%'``, may
    hold a ``%``). A dry run sees it, as it sees ``run_script``'s statements."""
    if not conn.in_transaction():
        conn.begin()
    raw = conn.connection.driver_connection
    assert raw is not None
    for sink in _script_sinks:
        sink.append(sql)
    _run_one(raw, sql)


# Below this many characters (a dozen statements or so) the savepoint's round trips cost
# more than they save; above it, the script is not even split unless it fails.
_WHOLE_SCRIPT_FROM = 2000


def _run_whole(raw: Any, sql: str) -> bool:
    """Run ``sql`` in one round trip under a savepoint; False (and nothing done) if it failed."""
    import psycopg

    raw.execute("SAVEPOINT citrine_script")
    try:
        raw.execute(sql)
    except psycopg.Error:
        raw.execute("ROLLBACK TO SAVEPOINT citrine_script")
        raw.execute("RELEASE SAVEPOINT citrine_script")
        return False
    raw.execute("RELEASE SAVEPOINT citrine_script")
    return True


def _run_one(raw: Any, statement: str) -> None:
    import psycopg

    try:
        raw.execute(statement)
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def server_url(url: str | URL, database: str = "postgres") -> URL:
    """The same server and role, another database (for CREATE/DROP DATABASE)."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return parsed.set(database=database)


def database_exists(url: str | URL) -> bool:
    parsed = parse_url(url) if isinstance(url, str) else url
    with connect(server_url(parsed)) as conn:
        found = conn.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
        ).first()
    return found is not None


def create_database(url: str | URL, template: str | None = None,
                    file_copy: bool = False) -> None:
    """CREATE DATABASE for the URL's database (sqlbag's helper is broken on SQLAlchemy 2).

    ``file_copy`` copies a large template file by file instead of through the WAL (PostgreSQL
    15's default), so that the copy does not fill the WAL and set off a checkpoint that runs
    into whatever comes next; ignored before PostgreSQL 15, where that was the only way."""
    parsed = parse_url(url) if isinstance(url, str) else url
    sql = f"CREATE DATABASE {quote_ident(parsed.database or '')}"
    if template:
        sql += f" TEMPLATE {quote_ident(template)}"
    if file_copy and server_version(server_url(parsed)) >= 150000:
        sql += " STRATEGY = FILE_COPY"
    _autocommit(server_url(parsed), sql)


def server_version(url: URL) -> int:
    """The server's version number (e.g. 150010)."""
    with connect(url) as conn:
        return int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())


def drop_database(url: str | URL) -> None:
    parsed = parse_url(url) if isinstance(url, str) else url
    _autocommit(
        server_url(parsed),
        f"DROP DATABASE IF EXISTS {quote_ident(parsed.database or '')} WITH (FORCE)",
    )


class MayNotCreateDatabases(ConnectionFailed):
    """The role lacks CREATEDB on the server (SQLSTATE 42501 on CREATE DATABASE)."""


def _autocommit(url: URL, sql: str) -> None:
    with connect(url) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        try:
            conn.exec_driver_sql(sql)
        except sa.exc.ProgrammingError as exc:
            code = getattr(getattr(exc, "orig", None), "sqlstate", None)
            if code == "42501":  # insufficient_privilege
                raise MayNotCreateDatabases(
                    f"role {url.username!r} may not create databases on {mask(url)} "
                    "(it lacks the CREATEDB privilege): grant it, or pass --shadow-url "
                    "with a server where it may"
                ) from None
            raise


_DENIED = re.compile(
    r'permission denied for (database|schema|table|relation|view|sequence|function|type)'
    r'\s+"?([^"\s]+)"?', re.IGNORECASE)
_NOT_OWNER = re.compile(r'must be owner of (\w+(?: \w+)?)\s+"?([^"\s]+)"?', re.IGNORECASE)


def privilege_hint(message: str) -> str | None:
    """What a "permission denied" from the server means for this tool: which privilege the
    connecting role lacks, and the ways out. None for any other message."""
    found = _DENIED.search(message)
    if found:
        kind, name = found.group(1).lower(), found.group(2)
        if kind == "database":
            return (f"the role needs the CREATE privilege on database {name}: the tool keeps "
                    "its ledger and its archive in schemas of their own (settings "
                    "ledger_schema, archive_schema), which it creates on first use; run as "
                    f"the database's owner, or GRANT CREATE ON DATABASE \"{name}\" TO the role")
        if kind == "schema":
            return (f"the role needs USAGE (to read) and CREATE (to migrate) on schema {name}: "
                    "run as the role that owns the tables (the one CitrineOS migrates with)")
        what = "read" if kind != "function" else "call"
        return (f"the role may not {what} {kind} {name}: migrations run as the role that owns "
                "the tables (the one CitrineOS migrates with); reading commands (status, "
                "verify, backup) need SELECT on every table and sequence")
    found = re.search(r'permission denied to create extension "?([^"\s]+)"?', message, re.I)
    if found:
        return (f"creating extension {found.group(1)} takes a superuser (a trusted extension: "
                "CREATE on the database): have one run CREATE EXTENSION "
                f"{found.group(1)} in this database first, or run as a role that may")
    found = _NOT_OWNER.search(message)
    if found:
        return (f"changing {found.group(1).lower()} {found.group(2)} takes its owner: run as "
                "the role that owns the tables (the one CitrineOS migrates with)")
    return None


_CREATE_EXTENSION = re.compile(
    r'\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_]*)',
    re.IGNORECASE,
)


def extensions_created(sql: str) -> list[str]:
    """The extensions a script creates (``CREATE EXTENSION [IF NOT EXISTS] name``), once each,
    in order: what the server must offer before the script can run."""
    found: list[str] = []
    for match in _CREATE_EXTENSION.finditer(sql):
        name = match.group(1)
        name = name[1:-1].replace('""', '"') if name.startswith('"') else name.lower()
        if name not in found:
            found.append(name)
    return found


def require_extensions(conn: Connection, names: list[str], source: str) -> None:
    """Refuse (exit 2, nothing ran) when the server offers none of the files of an extension
    that ``source`` creates, e.g. a server without PostGIS: one line naming it and what to
    install, before any statement fails half-way with the server's three-line error."""
    from .errors import Refused

    missing, major = missing_extensions(conn, names)
    if missing:
        raise Refused(f"{extensions_missing_text(missing, source, major)}, then run again; "
                      "nothing ran")


def missing_extensions(conn: Connection, names: list[str]) -> tuple[list[str], str]:
    """The extensions of ``names`` the server neither has installed nor offers, and the
    server's major version (for what to install)."""
    if not names:
        return [], ""
    started = not conn.in_transaction()
    have = set(conn.execute(
        sa.text("SELECT name FROM pg_available_extensions WHERE name = ANY(:n) "
                "UNION SELECT extname FROM pg_extension WHERE extname = ANY(:n)"),
        {"n": list(names)},
    ).scalars())
    major = str(conn.exec_driver_sql("SHOW server_version").scalar() or "").split(".")[0]
    if started:
        conn.rollback()
    return [n for n in names if n not in have], major


def extensions_missing_text(missing: list[str], source: str, major: str) -> str:
    shown = ", ".join(f'"{n}"' for n in missing)
    hint = (f" (PostGIS: the postgresql-{major}-postgis-3 package, or the postgis/postgis "
            "image)" if any(n.startswith("postgis") for n in missing) else "")
    return (f"the database server has no extension {shown}, which {source} creates (PostgreSQL "
            f"{major} finds no control file for it): install it on the server{hint}")


SHADOW_PREFIX = "citrine_shadow_"
STALE_SHADOW_SECONDS = 3600  # no shadow build takes an hour; one left that long was orphaned
_SHADOW_NAME = re.compile(r"citrine_shadow_(\d{9,12})_[0-9a-f]{12}")


def shadow_name(created: int) -> str:
    """``citrine_shadow_<unix seconds by the server's clock>_<random hex>``: the age is in the
    name, as PostgreSQL keeps no creation time for a database."""
    return f"{SHADOW_PREFIX}{created}_{secrets.token_hex(6)}"


def sweep_stale_shadows(server: str | URL,
                        older_than: float = STALE_SHADOW_SECONDS) -> tuple[int, list[str]]:
    """Drop the shadow databases that runs killed mid-build (SIGKILL, a lost machine) left on
    ``server``: only names of this scheme, older than ``older_than`` seconds by the server's
    clock, with no session connected. DROP without FORCE, so a session that connects meanwhile
    keeps it; a database this role may not drop is left alone. Never fails a run for that.

    Returns the server's clock (unix seconds) and the names dropped."""
    parsed = parse_url(server) if isinstance(server, str) else server
    dropped: list[str] = []
    with connect(server_url(parsed)) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        now = int(conn.exec_driver_sql("SELECT extract(epoch FROM now())::bigint").scalar() or 0)
        try:
            names = conn.exec_driver_sql(
                "SELECT d.datname FROM pg_database d "
                "WHERE d.datname ~ '^citrine_shadow_[0-9]+_[0-9a-f]+$' AND NOT EXISTS "
                "(SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)"
            ).scalars().all()
        except sa.exc.DBAPIError:
            return now, dropped
        for name in names:
            found = _SHADOW_NAME.fullmatch(name)
            if found is None or now - int(found.group(1)) < older_than:
                continue
            try:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {quote_ident(name)}")
            except sa.exc.DBAPIError:
                continue  # connected to since, or owned by another role
            dropped.append(name)
    return now, dropped


@contextmanager
def shadow_database(near: str | URL, shadow_url: str | URL | None = None) -> Iterator[URL]:
    """A new empty database for building expected schemas, dropped afterwards, also on error;
    stale shadows that killed runs left behind are swept first (``sweep_stale_shadows``).

    By default it lives on the same server as ``near``; ``shadow_url`` names another server
    (its database part is ignored).
    """
    base = shadow_url if shadow_url is not None else near
    parsed = parse_url(base, "--shadow-url", need_database=False) if isinstance(base, str) \
        else base
    given = shadow_url is not None
    try:
        now, _ = sweep_stale_shadows(parsed)
        url = parsed.set(database=shadow_name(now))
        create_database(url)
    except MayNotCreateDatabases:
        role = parsed.username
        raise MayNotCreateDatabases(
            f"role {role!r} may not create databases on {mask(server_url(parsed))} (it lacks "
            "the CREATEDB privilege), and this command builds a throwaway shadow database "
            "there, dropped afterwards (a dry run replays the steps in it; a verification "
            "builds the schema it compares with in it): "
            + ("pass a --shadow-url whose role may create databases" if given else
               f"grant it (ALTER ROLE \"{role}\" CREATEDB), or pass --shadow-url with a "
               "server and role that may")
        ) from None
    except ConnectionFailed as exc:
        if not given:
            raise
        raise ConnectionFailed(f"the shadow server given by --shadow-url: {exc}") from None
    try:
        yield url
    finally:
        drop_database(url)
