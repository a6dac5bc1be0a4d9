"""db start|stop|status|url: the managed local PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import render
from .common import JsonOpt, ProjectOpt, db_app

# --- db -----------------------------------------------------------------------------------------


def _project_root(project: str | None) -> Path:
    from ..api.basics import project_root

    return project_root(project)


@db_app.command("start")
def db_start(project: ProjectOpt = None) -> None:
    """Create (on first use) and start the managed local PostgreSQL."""
    from .. import api

    render.db_start(api.db_start(_project_root(project), say=render.say))


@db_app.command("stop")
def db_stop(project: ProjectOpt = None) -> None:
    """Stop the managed local PostgreSQL."""
    from .. import api

    render.db_stop(api.db_stop(_project_root(project)))


@db_app.command("status")
def db_status(project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """Whether the managed cluster exists and runs, where, on which port."""
    from .. import api

    render.db_status(api.db_status(_project_root(project)), as_json)


@db_app.command("url")
def db_url(
    project: ProjectOpt = None,
    show_password: Annotated[bool, typer.Option("--show-password",
                                                help="Include the password.")] = False,
) -> None:
    """Print the managed cluster's URL (without the password unless asked)."""
    from .. import api

    render.db_url(api.db_url(_project_root(project), show_password))


