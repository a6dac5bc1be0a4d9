"""Test fixtures: a real PostgreSQL with PostGIS, and a database of its own for each test.

The server comes from, in this order: CITRINE_TEST_DATABASE_URL (a role that may create
databases); testcontainers with postgis/postgis:16-3.5 when a Docker daemon answers; else a
throwaway local cluster from the installed PostgreSQL binaries, on 127.0.0.1.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, localpg

REPO = Path(__file__).resolve().parents[1]


def _docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        return bool(client.ping())
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_server() -> Iterator[URL]:
    """An admin URL (database ``postgres``) of a server with PostGIS available."""
    dsn = os.environ.get("CITRINE_TEST_DATABASE_URL")
    if dsn:
        yield db.server_url(dsn)
        return
    if _docker_answers():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgis/postgis:16-3.5", driver="psycopg") as container:
            yield db.server_url(container.get_connection_url())
        return
    home = Path(tempfile.mkdtemp(prefix="citrine-test-pg-"))
    os.chmod(home, 0o711)
    cluster = localpg.init_cluster(home / "cluster", fsync=False)
    localpg.start(cluster)
    try:
        localpg.require_postgis(cluster)
        yield db.server_url(cluster.url())
    finally:
        localpg.stop(cluster)
        shutil.rmtree(home, ignore_errors=True)


def new_database(server: URL, prefix: str = "t") -> URL:
    url = server.set(database=f"{prefix}_{secrets.token_hex(5)}")
    db.create_database(url)
    return url


@pytest.fixture
def database(pg_server: URL) -> Iterator[URL]:
    """A new, empty database for this test, dropped afterwards."""
    url = new_database(pg_server)
    try:
        yield url
    finally:
        db.drop_database(url)


@pytest.fixture
def make_database(pg_server: URL) -> Iterator:
    """Factory for extra databases in one test; all dropped afterwards."""
    made: list[URL] = []

    def make(prefix: str = "t") -> URL:
        url = new_database(pg_server, prefix)
        made.append(url)
        return url

    yield make
    for url in made:
        db.drop_database(url)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of expected inspections for the whole run: its keys are the hashes of what was
    built (snapshot text, step checksums) and the server's versions, so project copies that
    changed something simply miss it."""
    return tmp_path_factory.mktemp("citrine-cache")


@pytest.fixture
def project(tmp_path: Path, shared_cache: Path) -> Path:
    """A private copy of the CitrineOS project (config, schema, snapshots, versions), so a test
    may change it; its verifier cache is the run's shared one."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".citrine").mkdir()
    (dest / ".citrine" / "cache").symlink_to(shared_cache, target_is_directory=True)
    return dest
