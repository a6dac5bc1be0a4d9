"""The managed local PostgreSQL: created on first use, 127.0.0.1 only, password-protected, with
PostGIS; `db start|stop|status|url` manage it and never show the password unasked."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from citrine_state import db, localpg

from .support.cli import citrine

REPO = Path(__file__).resolve().parents[1]


def _copy_project(parent: Path) -> Path:
    dest = parent / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder)
    return dest


def _cleanup(project: Path) -> None:
    cluster = localpg.load(project)
    if cluster is not None:
        localpg.stop(cluster)
        shutil.rmtree(Path(cluster.datadir).parent, ignore_errors=True)


@pytest.fixture
def open_project() -> Iterator[Path]:
    """A project in a folder every user may enter (the usual case)."""
    parent = Path(tempfile.mkdtemp(prefix="citrine-proj-"))
    os.chmod(parent, 0o755)
    project = _copy_project(parent)
    try:
        yield project
    finally:
        _cleanup(project)
        shutil.rmtree(parent, ignore_errors=True)


def test_db_commands_manage_the_cluster(open_project: Path) -> None:
    first = citrine("db", "status", project=open_project)
    assert first.code == 0 and "not created" in first.out

    started = citrine("db", "start", project=open_project)
    assert started.code == 0, started.text
    assert "running: PostgreSQL" in started.out
    assert (open_project / ".citrine" / "pg" / "pgdata" / "PG_VERSION").is_file()

    cluster = localpg.load(open_project)
    assert cluster is not None
    state_file = open_project / ".citrine" / "cluster.json"
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600

    url = citrine("db", "url", project=open_project)
    assert url.out.strip() == f"postgresql://citrine:***@127.0.0.1:{cluster.port}/citrine"
    secret = citrine("db", "url", "--show-password", project=open_project).out.strip()
    assert cluster.password in secret
    for run in (first, started, url, citrine("db", "status", project=open_project)):
        assert cluster.password not in run.text

    with db.connect(secret) as conn:
        assert conn.exec_driver_sql("SHOW listen_addresses").scalar() == "127.0.0.1"
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'").scalar() == 1
    with pytest.raises(Exception, match="password authentication failed"):
        with db.connect(f"postgresql://citrine:wrong@127.0.0.1:{cluster.port}/citrine"):
            pass

    status = json.loads(citrine("db", "status", "--json", project=open_project).out)
    assert status["running"] is True and status["port"] == cluster.port
    assert "***" in status["url"]

    stopped = citrine("db", "stop", project=open_project)
    assert stopped.code == 0 and "stopped" in stopped.out
    assert not localpg.is_running(cluster)


def test_commands_without_a_url_use_the_managed_cluster(open_project: Path) -> None:
    run = citrine("status", "--json", project=open_project)
    assert run.code == 0, run.text
    data = json.loads(run.out)
    assert data["state"] == "empty"
    assert data["database"].startswith("postgresql://citrine:***@127.0.0.1:")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root makes the server run as another user")
def test_a_project_the_server_user_cannot_enter_gets_its_cluster_elsewhere() -> None:
    parent = Path(tempfile.mkdtemp(prefix="citrine-closed-"))
    os.chmod(parent, 0o700)
    project = _copy_project(parent)
    try:
        run = citrine("db", "start", project=project)
        assert run.code == 0, run.text
        assert "cannot enter" in run.err and "/var/tmp/citrine-state/" in run.err
        cluster = localpg.load(project)
        assert cluster is not None and cluster.datadir.startswith("/var/tmp/citrine-state/")
    finally:
        _cleanup(project)
        shutil.rmtree(parent, ignore_errors=True)
