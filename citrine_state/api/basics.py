"""The project and where its database is: the project folder, the database URL the user gave
(or the managed local cluster), and the snapshots rendered from the models."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL

from .. import db, localpg, snapshot
from ..errors import UsageError
from ..progress import Say, quiet
from ..project import Project
from ..project import load as load_project


def open_project(path: str | Path | None = None) -> Project:
    return load_project(path)


# --- where the database is ----------------------------------------------------------------------


URL_VARIABLES = ("CITRINE_DATABASE_URL", "DATABASE_URL")


def given_database_url(explicit: str | None = None) -> URL | None:
    """The URL the user gave: ``--database-url`` (``explicit``), else CITRINE_DATABASE_URL,
    else DATABASE_URL; None when none of them is set. A source that is set but empty is
    refused (exit 2), never passed over for the next one: an empty ``DATABASE_URL=`` in a
    deployment's environment must not send the run to another database."""
    if explicit is not None:
        if not explicit.strip():
            raise UsageError("--database-url is empty: give a PostgreSQL URL, or leave the "
                             "option out (then CITRINE_DATABASE_URL, DATABASE_URL, else the "
                             "managed local cluster)")
        return db.parse_url(explicit, "--database-url")
    for name in URL_VARIABLES:
        value = os.environ.get(name)
        if value is None:
            continue
        if not value.strip():
            raise UsageError(f"{name} is set but empty: give it a PostgreSQL URL, or unset it "
                             "(`unset " + name + "`)")
        return db.parse_url(value, name)
    return None


def database_url(project: Project, explicit: str | None = None, say: Say = quiet) -> URL:
    """``--database-url``, else CITRINE_DATABASE_URL, else DATABASE_URL, else the managed local
    cluster (created and started on first use)."""
    given = given_database_url(explicit)
    if given is not None:
        return given
    cluster = localpg.ensure(project.root, say=say)
    return db.parse_url(cluster.url())


# --- snapshots ----------------------------------------------------------------------------------


def render_snapshots(project: Project, check: bool = False) -> list[tuple[snapshot.Rendered, bool]]:
    """Render every modelled version; write the stale ones unless ``check``. Returns each
    rendering with whether its committed file was stale."""
    results = []
    for version in project.modelled_versions:
        rendered = snapshot.render(project, version)
        stale = rendered.stale
        if stale and not check:
            snapshot.write(rendered)
        results.append((rendered, stale))
    return results
