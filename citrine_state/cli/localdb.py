"""db start|stop|status|url: the managed local PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    JsonOpt,
    ProjectOpt,
    _console,
    _print_json,
    _say,
    db_app,
)

# --- db -----------------------------------------------------------------------------------------


def _project_root(project: str | None) -> Path:
    from ..api.basics import project_root

    return project_root(project)


@db_app.command("start")
def db_start(project: ProjectOpt = None) -> None:
    """Create (on first use) and start the managed local PostgreSQL."""
    from .. import api

    status = api.db_start(_project_root(project), say=_say)
    _console().print(f"running: PostgreSQL {status.version} on 127.0.0.1:{status.port} "
                     f"({status.datadir})", markup=False)


@db_app.command("stop")
def db_stop(project: ProjectOpt = None) -> None:
    """Stop the managed local PostgreSQL."""
    from .. import api

    stopped = api.db_stop(_project_root(project))
    _console().print("stopped" if stopped else "not running", markup=False)


@db_app.command("status")
def db_status(project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """Whether the managed cluster exists and runs, where, on which port."""
    from .. import api

    status = api.db_status(_project_root(project))
    if as_json:
        _print_json(status.as_dict())
        return
    out = _console()
    if not status.created:
        out.print("not created (any command that needs a database creates it; or `db start`)",
                  markup=False)
        return
    state = "running" if status.running else "stopped"
    out.print(f"{state}: PostgreSQL {status.version}, port {status.port}, data {status.datadir}",
              markup=False)
    out.print(f"url: {status.url}", markup=False)


@db_app.command("url")
def db_url(
    project: ProjectOpt = None,
    show_password: Annotated[bool, typer.Option("--show-password",
                                                help="Include the password.")] = False,
) -> None:
    """Print the managed cluster's URL (without the password unless asked)."""
    from .. import api

    sys.stdout.write(api.db_url(_project_root(project), show_password) + "\n")


