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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, Connection

from . import db, diff, inspectload
from . import steps as steps_mod
from .project import Project, Version
from .snapshot import committed_sql, sql_hash

CACHE_FORMAT = 2  # 2: inspections carry column comments


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


def _cache_key(source: str, scope: diff.Scope, fingerprint: str) -> str:
    raw = f"{CACHE_FORMAT}|{sql_hash(source)}|{scope}|{fingerprint}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def load_sql(conn: Connection, sql: str) -> None:
    """Run a snapshot (or another script that only creates objects) on ``conn``."""
    db.run_script(conn, sql, whole=True)


@dataclass(frozen=True)
class Target:
    """What the schema should be: a version's snapshot, or what replaying steps produces."""

    label: str  # "version 1.8.0" or "1.7.0 + 4 steps"
    source: str  # text whose hash keys the cache (snapshot SQL, or step names + checksums)
    build: Callable[[Connection], None]  # makes it in an empty database


def version_target(project: Project, version: Version) -> Target:
    sql = committed_sql(project, version)
    return Target(f"version {version.name}", sql, lambda conn: load_sql(conn, sql))


def steps_target(project: Project, names: list[str], label: str | None = None,
                 replay: bool = False) -> Target:
    """The schema that the steps ``names`` (applied in order from an empty database) produce;
    a version's snapshot when they are exactly that version's steps, unless ``replay`` (the
    archive a step's down reads exists only after a replay)."""
    for version in project.modelled_versions:
        if project.steps_up_to(version) == sorted(names) and not replay:
            return version_target(project, version)
    by_name = {s.name: s for s in steps_mod.all_steps(project)}
    chosen = [by_name[n] for n in sorted(names)]
    source = "\n".join(f"{s.name} {s.checksum}" for s in chosen)

    def replay(conn: Connection) -> None:
        for step in chosen:
            steps_mod.run_step(conn, project, step, "up", say=lambda _: None)

    return Target(label or f"{len(chosen)} step(s) replayed", source, replay)


def build_expected(target: Target, near: URL | str, scope: diff.Scope,
                   shadow_url: URL | str | None = None) -> Any:
    """Inspect what ``target`` produces in an empty shadow database."""
    with db.shadow_database(near, shadow_url) as url, db.connect(url) as conn:
        target.build(conn)
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
    target: Target,
    live: Connection,
    near: URL | str,
    shadow_url: URL | str | None = None,
    use_cache: bool = True,
) -> Any:
    """The expected inspection of ``target``, from the on-disk cache when it is there."""
    scope = scope_of(project)
    path = _cache_path(project, _cache_key(target.source, scope, _server_fingerprint(live)))
    if use_cache and path.is_file():
        try:
            inspectload.load()  # the pickle's classes, imported fast
            return pickle.loads(path.read_bytes())
        except Exception:
            path.unlink(missing_ok=True)
    inspected = build_expected(target, near, scope, shadow_url)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(inspected))
            tmp.replace(path)
        except OSError:
            pass  # a read-only project still verifies, just without the cache
    return inspected


def verify_target(
    project: Project,
    target: Target,
    live: Connection,
    near: URL | str,
    shadow_url: URL | str | None = None,
) -> diff.SchemaDiff:
    """Compare the schema seen by ``live`` (inside its transaction) with ``target``."""
    expected = expected_for(project, target, live, near, shadow_url)
    actual = diff.inspect(live, scope_of(project))
    return diff.compare(actual, expected)


def verify_connection(
    project: Project,
    version: Version,
    live: Connection,
    near: URL | str,
    shadow_url: URL | str | None = None,
) -> diff.SchemaDiff:
    """Compare the schema seen by ``live`` (inside its transaction) with ``version``."""
    return verify_target(project, version_target(project, version), live, near, shadow_url)
