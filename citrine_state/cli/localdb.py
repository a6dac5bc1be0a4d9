"""db start|stop|status|url: the managed local PostgreSQL."""

from __future__ import annotations

from typing import Annotated

import typer

from . import render
from .common import Shared, db_app, shared

# --- db -----------------------------------------------------------------------------------------


@db_app.command("start")
@shared()
def db_start(opts: Shared) -> None:
    """Create (on first use) and start the managed local PostgreSQL."""
    from .. import api

    render.db_start(api.db_start(opts.root, say=render.say))


@db_app.command("stop")
@shared()
def db_stop(opts: Shared) -> None:
    """Stop the managed local PostgreSQL."""
    from .. import api

    render.db_stop(api.db_stop(opts.root))


@db_app.command("status")
@shared(json=True)
def db_status(opts: Shared) -> None:
    """Whether the managed cluster exists and runs, where, on which port."""
    from .. import api

    render.db_status(api.db_status(opts.root), opts.json)


@db_app.command("url")
@shared()
def db_url(
    opts: Shared,
    show_password: Annotated[bool, typer.Option("--show-password",
                                                help="Include the password.")] = False,
) -> None:
    """Print the managed cluster's URL (without the password unless asked)."""
    from .. import api

    render.db_url(api.db_url(opts.root, show_password))
