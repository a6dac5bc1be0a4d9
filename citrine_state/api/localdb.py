"""The managed local PostgreSQL cluster as plain operations (``citrine-migrate db ...``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import localpg
from ..errors import UsageError
from ..progress import Say, quiet


@dataclass
class ClusterStatus:
    created: bool
    running: bool
    datadir: str | None = None
    port: int | None = None
    version: str | None = None
    url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def db_start(project_root: Path, say: Say = quiet) -> ClusterStatus:
    localpg.ensure(project_root, say=say)
    return db_status(project_root)


def db_stop(project_root: Path) -> bool:
    cluster = localpg.load(project_root)
    return bool(cluster and localpg.stop(cluster))


def db_status(project_root: Path) -> ClusterStatus:
    cluster = localpg.load(project_root)
    if cluster is None:
        return ClusterStatus(created=False, running=False)
    return ClusterStatus(
        created=True,
        running=localpg.is_running(cluster),
        datadir=cluster.datadir,
        port=cluster.port,
        version=cluster.version,
        url=cluster.url(with_password=False),
    )


def db_url(project_root: Path, show_password: bool = False) -> str:
    cluster = localpg.load(project_root)
    if cluster is None:
        raise UsageError("the managed PostgreSQL has not been created yet: `citrine-migrate db "
                         "start` creates it")
    return cluster.url(with_password=show_password)
