"""The project and where its database is: the project folder, the database URL the user gave
(or the managed local cluster), the lock options of one run, and the snapshots rendered from
the models; and the small checks and words the command line takes from the engine (the
forms of a URL and a duration, a URL masked, a message scrubbed of secrets, the privilege a
"permission denied" asks for)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from .. import db, durations, localpg, snapshot
from ..db import first_line as first_line
from ..db import mask as mask
from ..db import parse_url as parse_url
from ..db import privilege_hint as privilege_hint
from ..db import scrub as scrub
from ..errors import UsageError
from ..progress import Say, quiet
from ..project import Project, find_root
from ..project import load as load_project
from ..sqltext import strip_comments as strip_comments


def open_project(path: str | Path | None = None) -> Project:
    return load_project(path)


def project_root(path: str | Path | None = None) -> Path:
    """The project folder (``path``, else CITRINE_PROJECT, else the first folder upwards with
    the config), without loading the config: where the managed cluster is kept."""
    return find_root(path)


@dataclass(frozen=True)
class LockOptions:
    """How one run waits for table locks, instead of the config's settings (None: the
    setting): what ``--lock-timeout``, ``--lock-retries`` and ``--online-lock-timeout`` give.
    Checked with the settings when the run starts (``runner.check_run_settings``)."""

    timeout: str | None = None  # settings.lock_timeout, e.g. "200ms"
    retries: int | None = None  # settings.lock_retries
    online_timeout: str | None = None  # settings.online_lock_timeout

    def settings(self) -> dict[str, str | int]:
        """The settings these options override, by their names in the config."""
        given = {"lock_timeout": self.timeout, "lock_retries": self.retries,
                 "online_lock_timeout": self.online_timeout}
        return {name: value for name, value in given.items() if value is not None}


def normalised_duration(text: str) -> str:
    """A duration as PostgreSQL's ``lock_timeout`` takes it (``ValueError`` saying why not),
    stripped."""
    return durations.normalised(text)


def with_locks(project: Project, locks: LockOptions | None) -> Project:
    """``project`` for one run under ``locks``: a copy with them merged into its settings, so
    the caller's project keeps its own (the same project when nothing is overridden)."""
    changes = locks.settings() if locks is not None else {}
    return project.with_settings(**changes) if changes else project


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
