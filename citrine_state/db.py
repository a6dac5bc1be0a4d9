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
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import NullPool

from .errors import ConnectionFailed, UsageError

DRIVER = "postgresql+psycopg"


def parse_url(url: str) -> URL:
    """Accept postgres://, postgresql:// and postgresql+psycopg:// URLs; always use psycopg 3."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with the URL in it
        raise UsageError(f"not a database URL: {mask(url)}") from exc
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise UsageError(f"not a PostgreSQL URL: {mask(url)}")
    if not parsed.database:
        raise UsageError(f"the database URL names no database: {mask(url)}")
    return parsed.set(drivername=DRIVER)


_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]*:)([^@\s]*)(@)")


def mask(url: str | URL) -> str:
    """The URL as text with its password replaced by ***, safe for any output."""
    if isinstance(url, URL):
        return url.set(drivername="postgresql").render_as_string(hide_password=True)
    return _PASSWORD_IN_URL.sub(r"\1***\3", url)


def scrub(text: str, *urls: str | URL) -> str:
    """Remove passwords (of the given URLs, and any URL-shaped ones) from a message."""
    for url in urls:
        password = url.password if isinstance(url, URL) else _password_of(url)
        if password:
            text = text.replace(str(password), "***")
    return _PASSWORD_IN_URL.sub(r"\1***\3", text)


def _password_of(url: str) -> str | None:
    try:
        return make_url(url).password  # type: ignore[return-value]
    except Exception:
        return None


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
    statements = split_script(sql)
    if (whole and len(statements) >= _WHOLE_SCRIPT_FROM and not _script_sinks
            and _run_whole(raw, sql)):
        return
    for statement in statements:
        for sink in _script_sinks:
            sink.append(statement)
        _run_one(raw, statement)


# Below this many statements the savepoint costs more round trips than it saves.
_WHOLE_SCRIPT_FROM = 20


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


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def database_exists(url: str | URL) -> bool:
    parsed = parse_url(url) if isinstance(url, str) else url
    with connect(server_url(parsed)) as conn:
        found = conn.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
        ).first()
    return found is not None


def create_database(url: str | URL, template: str | None = None) -> None:
    """CREATE DATABASE for the URL's database (sqlbag's helper is broken on SQLAlchemy 2)."""
    parsed = parse_url(url) if isinstance(url, str) else url
    sql = f"CREATE DATABASE {quote_ident(parsed.database or '')}"
    if template:
        sql += f" TEMPLATE {quote_ident(template)}"
    _autocommit(server_url(parsed), sql)


def drop_database(url: str | URL) -> None:
    parsed = parse_url(url) if isinstance(url, str) else url
    _autocommit(
        server_url(parsed),
        f"DROP DATABASE IF EXISTS {quote_ident(parsed.database or '')} WITH (FORCE)",
    )


def _autocommit(url: URL, sql: str) -> None:
    with connect(url) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        try:
            conn.exec_driver_sql(sql)
        except sa.exc.ProgrammingError as exc:
            code = getattr(getattr(exc, "orig", None), "sqlstate", None)
            if code == "42501":  # insufficient_privilege
                raise ConnectionFailed(
                    f"role {url.username!r} may not create databases on {mask(url)} "
                    "(it lacks the CREATEDB privilege): grant it, or pass --shadow-url "
                    "with a server where it may"
                ) from None
            raise


@contextmanager
def shadow_database(near: str | URL, shadow_url: str | URL | None = None) -> Iterator[URL]:
    """A new empty database for building expected schemas, dropped afterwards, also on error.

    By default it lives on the same server as ``near``; ``shadow_url`` names another server
    (its database part is ignored).
    """
    base = shadow_url if shadow_url is not None else near
    parsed = parse_url(base) if isinstance(base, str) else base
    url = parsed.set(database=f"citrine_shadow_{secrets.token_hex(6)}")
    create_database(url)
    try:
        yield url
    finally:
        drop_database(url)
