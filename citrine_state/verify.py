"""The verifier: is the live schema what a version's snapshot says it should be?

The expected side is built from the committed snapshot in a shadow database on a separate
connection (dropped afterwards, also on error); its inspection is cached on disk keyed by the
snapshot's hash, the scope and the server's versions, so repeated checks skip the rebuild. The
live side is inspected on whatever connection the caller gives, so a check that is part of a run
sees the run's uncommitted changes and a failed check rolls everything back.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, Connection

from . import db, diff
from .project import Project, Version
from .snapshot import committed_sql, sql_hash

CACHE_FORMAT = 1


def scope_of(project: Project) -> diff.Scope:
    return diff.Scope.from_settings(project.settings)


def _server_fingerprint(conn: Connection) -> str:
    row = conn.exec_driver_sql(
        "SELECT current_setting('server_version_num'), "
        "coalesce((SELECT default_version FROM pg_available_extensions "
        "WHERE name = 'postgis'), '')"
    ).first()
    return f"{row[0]}-{row[1]}" if row else "unknown"


def _cache_path(project: Project, key: str) -> Path:
    return project.root / ".citrine" / "cache" / f"expected-{key}.pickle"


def _cache_key(sql: str, scope: diff.Scope, fingerprint: str) -> str:
    raw = f"{CACHE_FORMAT}|{sql_hash(sql)}|{scope}|{fingerprint}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def load_sql(conn: Connection, sql: str) -> None:
    """Run a snapshot (or any multi-statement script without parameters) on ``conn``."""
    conn.exec_driver_sql(sql)


def build_expected(sql: str, near: URL | str, scope: diff.Scope,
                   shadow_url: URL | str | None = None) -> Any:
    """Inspect what ``sql`` produces in an empty shadow database."""
    with db.shadow_database(near, shadow_url) as url, db.connect(url) as conn:
        load_sql(conn, sql)
        conn.commit()
        inspected = diff.inspect(conn, scope)
        _detach(inspected)
        return inspected


def _detach(inspected: Any) -> None:
    """Drop the live connection an inspection keeps, so it can be pickled and reused."""
    for attr in ("c", "engine", "dialect"):
        if hasattr(inspected, attr):
            setattr(inspected, attr, None)


def expected_for(
    project: Project,
    version: Version,
    live: Connection,
    near: URL | str,
    shadow_url: URL | str | None = None,
    use_cache: bool = True,
) -> Any:
    """The expected inspection of ``version``, from the on-disk cache when it is there."""
    sql = committed_sql(project, version)
    scope = scope_of(project)
    path = _cache_path(project, _cache_key(sql, scope, _server_fingerprint(live)))
    if use_cache and path.is_file():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:
            path.unlink(missing_ok=True)
    inspected = build_expected(sql, near, scope, shadow_url)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(inspected))
            tmp.replace(path)
        except OSError:
            pass  # a read-only project still verifies, just without the cache
    return inspected


def verify_connection(
    project: Project,
    version: Version,
    live: Connection,
    near: URL | str,
    shadow_url: URL | str | None = None,
) -> diff.SchemaDiff:
    """Compare the schema seen by ``live`` (inside its transaction) with ``version``."""
    expected = expected_for(project, version, live, near, shadow_url)
    actual = diff.inspect(live, scope_of(project))
    return diff.compare(actual, expected)
