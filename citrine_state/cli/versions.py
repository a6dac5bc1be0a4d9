"""manager new-version, manager new-step: the spec's "Future Versions" (start a version from the
previous one's models; write a step generated from the models, to review)."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    DatabaseUrlOpt,
    JsonOpt,
    ProjectOpt,
    ShadowUrlOpt,
    _console,
    _masked,
    _print_json,
    _project,
    _say,
    _url,
    manager_app,
    parse_timestamp,
    parse_version,
)

DescriptionOpt = Annotated[
    str, typer.Option("--description", help="One line that says what it is (required).")
]


@manager_app.command("new-version")
def new_version(
    version: Annotated[str, typer.Argument(metavar="X.Y.Z", parser=parse_version,
                                           help="The new version, e.g. 1.9.0.")],
    description: DescriptionOpt,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="YYYYMMDDHHMMSS", parser=parse_timestamp,
        help="End of the version's timestamp range (default: the end of its start's year, "
             "before any later version).")] = None,
    project: ProjectOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Start a version: schema/vX_Y_Z.py as changes to the latest models (none yet), its entry
    in migration-config.json (reused if the config has one) and versions/X.Y.Z/."""
    from ..api import versions

    proj = _project(project)
    result = versions.new_version(proj, version, description, end, say=_say)
    if as_json:
        _print_json(result.as_dict())
        return
    out = _console()
    out.print(f"✅ Version {result.version} started from {result.based_on}", markup=False)
    out.print(f"   models: {result.models} (changes to {result.based_on}; none yet)",
              markup=False)
    out.print(f"   config: {result.config} ({result.start}..{result.end})", markup=False)
    out.print(f"   folder: {result.folder}/", markup=False)
    if result.seed:
        out.print(f"   seed rows: {result.seed} (copied from {result.based_on})",
                  markup=False)
    out.print(f"\nNext: write the changes in evolve() of {result.models}, then "
              "`citrine-migrate snapshot` and "
              "`citrine-migrate manager new-step NAME --description TEXT`.", markup=False)


@manager_app.command("new-step")
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
    project: ProjectOpt = None,
    database_url: DatabaseUrlOpt = None,
    shadow_url: ShadowUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a timestamped step of the open version whose SQL is generated from the difference
    between the version's models and the database its steps so far produce; review it."""
    from ..api import versions

    proj = _project(project)
    url = None
    if not empty:
        url = _url(proj, database_url)
        _say(f"shadow databases on: {_masked(url)}")
    result = versions.new_step(proj, url, name, description, version, empty=empty,
                               shadow_url=shadow_url, say=_say)
    if as_json:
        _print_json(result.as_dict())
        return
    out = _console()
    how = "generated" if result.generated else "empty, for hand-written SQL"
    out.print(f"✅ {result.path} ({how})", markup=False)
    out.print(f"   listed in migration-config.json under {result.version}", markup=False)
    if result.generated:
        out.print(f"   UP: {len(result.up)} statement(s), CONTRACT: {len(result.contract)}, "
                  f"DOWN: {len(result.down)}", markup=False)
    for rebuild in result.rebuilds:
        out.print(f"   ℹ️  {rebuild['note']}", markup=False)
    if result.deletes_data:
        out.print(f"   ⚠️  {len(result.deletes_data)} statement(s) of UP/CONTRACT delete data "
                  "(marked `-- hazards: deletes-data`): archive it first with a data move",
                  markup=False)
    if result.down_deletes_data:
        out.print(f"   DOWN drops {len(result.down_deletes_data)} object(s) that UP adds, with "
                  "their data (marked `-- hazards: deletes-data`)", markup=False)
    if result.snapshot_stale:
        out.print(f"   ⚠️  snapshots/{result.version}.sql is stale: run `citrine-migrate "
                  "snapshot`", markup=False)
    out.print("\nReview the step, then `citrine-migrate manager batch`.", markup=False)
