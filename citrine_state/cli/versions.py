"""manager new-version, manager new-step: the spec's "Future Versions" (start a version from the
previous one's models; write a step generated from the models, to review)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import render
from .common import Shared, manager_app, parse_timestamp, parse_version, shared

DescriptionOpt = Annotated[
    str, typer.Option("--description", help="One line that says what it is (required).")
]


@manager_app.command("new-version")
@shared(json=True)
def new_version(
    version: Annotated[str, typer.Argument(metavar="X.Y.Z", parser=parse_version,
                                           help="The new version, e.g. 1.9.0.")],
    description: DescriptionOpt,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="YYYYMMDDHHMMSS", parser=parse_timestamp,
        help="End of the version's timestamp range (default: the end of its start's year, "
             "before any later version).")] = None,
    *,
    opts: Shared,
) -> None:
    """Start a version: schema/vX_Y_Z.py as changes to the latest models (none yet), its entry
    in migration-config.json (reused if the config has one) and versions/X.Y.Z/."""
    from ..api import versions

    result = versions.new_version(opts.project, version, description, end, say=render.say)
    render.new_version(result, opts.json)


@manager_app.command("new-step")
@shared(url=True, shadow=True, json=True)
def new_step(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Lower-case words joined by dashes, "
                                                            "e.g. add-notes.")],
    description: DescriptionOpt,
    version: Annotated[str | None, typer.Option(
        "--version", parser=parse_version, metavar="VERSION",
        help="The version to add the step to (default: the open version).")] = None,
    empty: Annotated[bool, typer.Option(
        "--empty", help="Start an empty step for hand-written SQL (no diff, no database).")
    ] = False,
    *,
    opts: Shared,
) -> None:
    """Write a timestamped step of the open version whose SQL is generated from the difference
    between the version's models and the database its steps so far produce; review it."""
    from ..api import versions

    url = None
    if not empty:
        url = opts.url()
        render.say(f"shadow databases on: {render.masked(url)}")
    result = versions.new_step(opts.project, url, name, description, version, empty=empty,
                               shadow_url=opts.shadow_url, say=render.say)
    render.new_step(result, opts.json)
