"""Stale shadow databases (issue 8): a run SIGKILLed while it builds a shadow database leaves
``citrine_shadow_<unix seconds>_<hex>`` behind; the next shadow build on that server drops the
ones older than an hour that nobody is connected to, and nothing else."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from citrine_state import db


def _server_now(server: URL) -> int:
    with db.connect(server) as conn:
        return int(conn.exec_driver_sql("SELECT extract(epoch FROM now())::bigint").scalar())


def _exists(server: URL, name: str) -> bool:
    return db.database_exists(server.set(database=name))


@pytest.fixture
def leftovers(pg_server: URL) -> Iterator[list[str]]:
    """Names of databases a test made to look like leftovers; dropped afterwards."""
    made: list[str] = []
    yield made
    for name in made:
        db.drop_database(pg_server.set(database=name))


def _leftover(server: URL, made: list[str], name: str) -> str:
    db.create_database(server.set(database=name))
    made.append(name)
    return name


def test_a_shadow_build_sweeps_a_stale_leftover_and_keeps_fresh_and_connected_ones(
    pg_server: URL, leftovers: list[str]
) -> None:
    now = _server_now(pg_server)
    stale = _leftover(pg_server, leftovers, db.shadow_name(now - 2 * 3600))
    fresh = _leftover(pg_server, leftovers, db.shadow_name(now - 60))
    in_use = _leftover(pg_server, leftovers, db.shadow_name(now - 3 * 3600))
    # Another scheme's name, however old it may be: not ours to judge.
    legacy = _leftover(pg_server, leftovers, f"citrine_shadow_{secrets.token_hex(6)}")
    with db.connect(pg_server.set(database=in_use)) as session:
        session.exec_driver_sql("SELECT 1")
        with db.shadow_database(pg_server) as url:
            created = int(url.database.split("_")[2])
            assert abs(created - now) < 120, url.database  # the server's clock, in the name
            assert _exists(pg_server, url.database)
        assert not _exists(pg_server, stale)
        assert _exists(pg_server, fresh)
        assert _exists(pg_server, in_use)  # a session is connected: a live run's shadow
        assert _exists(pg_server, legacy)
    assert not _exists(pg_server, url.database)


def test_the_sweep_drops_a_stale_shadow_once_its_session_is_gone(
    pg_server: URL, leftovers: list[str]
) -> None:
    now = _server_now(pg_server)
    name = _leftover(pg_server, leftovers, db.shadow_name(now - 3 * 3600))
    with db.connect(pg_server.set(database=name)) as session:
        session.exec_driver_sql("SELECT 1")
        _, dropped = db.sweep_stale_shadows(pg_server)
        assert name not in dropped
    _, dropped = db.sweep_stale_shadows(pg_server)
    assert name in dropped
    assert not _exists(pg_server, name)


def test_a_younger_age_limit_sweeps_younger_leftovers(pg_server: URL,
                                                      leftovers: list[str]) -> None:
    now = _server_now(pg_server)
    name = _leftover(pg_server, leftovers, db.shadow_name(now - 900))
    _, dropped = db.sweep_stale_shadows(pg_server)
    assert name not in dropped and _exists(pg_server, name)
    _, dropped = db.sweep_stale_shadows(pg_server, older_than=600)
    assert name in dropped and not _exists(pg_server, name)
