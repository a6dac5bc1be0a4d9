"""select, manager select, manager interactive, custom, custom:list, custom:rollback: custom
batches (the spec's "Interactive File Selection").

``select`` asks on the terminal as the spec shows; every answer can also be given as an option
(``--select "1-3,5" --name NAME --description TEXT --yes``), and without a terminal a missing
answer is an error at once (exit 2), never a prompt that waits.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..errors import ConnectionFailed, UsageError
from . import render
from .common import (
    BatchArg,
    DropBaselineOpt,
    ResolveOpt,
    Shared,
    app,
    manager_app,
    shared,
)

SelectOpt = Annotated[
    str | None,
    typer.Option("--select", help='The selection, as the prompt takes it: "1-3,5", "all", '
                                  '"none".'),
]
NameOpt = Annotated[
    str | None,
    typer.Option("--name", help="Batch name: lower-case letters, digits, '-', '_', '.'."),
]
DescriptionOpt = Annotated[
    str | None, typer.Option("--description", help="One line that says what the batch is for.")
]
YesOpt = Annotated[
    bool, typer.Option("--yes", "-y", help="Proceed with the selection without asking.")
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace an existing batch of the same name.")
]
TemplateOpt = Annotated[
    str | None,
    typer.Option("--template", metavar="NAME",
                 help="Write an empty batch NAME for hand-written SQL instead of choosing steps."),
]

NAME_PROMPT = 'Enter batch name (e.g., "custom-v1.8.0", "hotfix-auth"): '
DESCRIPTION_PROMPT = "Enter batch description: "
SELECT_PROMPT = "Select migrations: "
PROCEED_PROMPT = "Proceed with these selections? (y/N): "



def _ask(prompt: str) -> str:
    """One answer from the terminal; end of input is an error, never an empty answer."""
    try:
        return input(prompt)
    except EOFError:
        render.out()
        raise UsageError("no answer (end of input): nothing was written") from None


def _has_terminal() -> bool:
    return sys.stdin.isatty()


def _choose(proj: Any, selection: str | None) -> list[Any]:
    """The chosen steps: from ``--select`` (bad text: exit 2), else asked until the answer
    parses."""
    from ..api import batches as api_batches

    if selection is not None:
        return api_batches.choose(proj, selection)
    while True:
        text = _ask(SELECT_PROMPT)
        try:
            return api_batches.choose(proj, text)
        except api_batches.SelectionError as err:
            render.out(f"❌ {err}")


def _cancelled() -> None:
    render.out("No migrations selected: nothing was written.")
    render.out("   (a batch of hand-written SQL: citrine-migrate select --template NAME)")


def _missing_answers(**given: Any) -> list[str]:
    return [f"--{key}" for key, value in given.items() if value is None or value is False]


def _require_terminal(missing: list[str], example: str) -> None:
    if missing and not _has_terminal():
        raise UsageError(
            f"no terminal to ask on, and {', '.join(missing)} not given: pass "
            f"{'them' if len(missing) > 1 else 'it'} (e.g. {example})"
        )


def _ask_name(proj: Any, force: bool) -> str:
    from ..api import batches as api_batches

    while True:
        name = _ask(NAME_PROMPT).strip()
        try:
            api_batches.check_name(name)
        except UsageError as err:
            render.out(f"❌ {err}")
            continue
        if api_batches.exists(proj, name) and not force:
            render.out(f"❌ a batch named {name} exists already: choose another name (or run again "
                 "with --force to replace it)")
            continue
        return name


def _ask_description() -> str:
    from ..api import batches as api_batches

    while True:
        text = _ask(DESCRIPTION_PROMPT)
        try:
            return api_batches.check_description(text)
        except UsageError as err:
            render.out(f"❌ {err}")


def _check_given(proj: Any, name: str | None, description: str | None, force: bool) -> None:
    """Answers given as options are checked before anything is asked."""
    from ..api import batches as api_batches
    from ..errors import Refused

    if name is not None:
        api_batches.check_name(name)
        if api_batches.exists(proj, name) and not force:
            raise Refused(f"a batch named {name} exists already: choose another name, or pass "
                          "--force to replace it")
    if description is not None:
        api_batches.check_description(description)


def _select(opts: Shared, selection: str | None, name: str | None,
            description: str | None, yes: bool, force: bool, template: str | None) -> None:
    from ..api import batches as api_batches

    proj = opts.project
    if template is not None:
        if name is not None and name != template:
            raise UsageError(f"--template names the batch {template}, --name {name}: give one")
        if selection is not None:
            raise UsageError("--template writes a batch without steps: leave out --select")
        _make_template(proj, template, description, force)
        return
    _check_given(proj, name, description, force)
    example = 'select --select "1-3,5" --name NAME --description TEXT --yes'
    if selection is None:
        _require_terminal(_missing_answers(select=selection, name=name,
                                           description=description, yes=yes), example)
        listed = api_batches.available(proj)
        render.out("🎯 Custom Migration Batch Creator")
        render.out()
        render.available(listed)
    chosen = _choose(proj, selection)
    if not chosen:
        _cancelled()
        return
    _require_terminal(_missing_answers(name=name, description=description, yes=yes), example)
    render.selected(chosen)
    render.out()
    if not yes and _ask(PROCEED_PROMPT).strip().lower() not in ("y", "yes"):
        render.out("Cancelled: nothing was written.")
        return
    asked = not yes or name is None or description is None
    if name is None:
        name = _ask_name(proj, force)
    if description is None:
        description = _ask_description()
    batch = api_batches.create(proj, name, description, [item.step for item in chosen],
                               force=force)
    if asked:
        render.out()
    render.batch_created(proj, batch)


def _make_template(proj: Any, name: str, description: str | None, force: bool) -> None:
    from ..api import batches as api_batches

    _check_given(proj, name, description, force)
    _require_terminal(_missing_answers(description=description),
                      f"select --template {name} --description TEXT")
    if description is None:
        description = _ask_description()
    batch = api_batches.create_template(proj, name, description, force=force)
    render.template_created(proj, batch)


@app.command("select")
@shared()
def select(
    selection: SelectOpt = None,
    name: NameOpt = None,
    description: DescriptionOpt = None,
    yes: YesOpt = False,
    force: ForceOpt = False,
    template: TemplateOpt = None,
    *,
    opts: Shared,
) -> None:
    """Create a custom batch: pick steps by number, name it, get its files (spec:
    migrate:select)."""
    _select(opts, selection, name, description, yes, force, template)


@manager_app.command("select")
@shared()
def manager_select(
    selection: SelectOpt = None,
    name: NameOpt = None,
    description: DescriptionOpt = None,
    yes: YesOpt = False,
    force: ForceOpt = False,
    template: TemplateOpt = None,
    *,
    opts: Shared,
) -> None:
    """Create a custom batch, as `citrine-migrate select` (spec: migrate:manager select)."""
    _select(opts, selection, name, description, yes, force, template)


@manager_app.command("interactive")
@shared(json=True)
def interactive(selection: SelectOpt = None, *, opts: Shared) -> None:
    """Preview: the numbered steps and what a selection picks; writes nothing (spec:
    migrate:manager interactive)."""
    from ..api import batches as api_batches

    proj = opts.project
    listed = api_batches.available(proj)
    if opts.json:
        chosen = api_batches.choose(proj, selection) if selection is not None else None
        render.selection_json(listed, chosen)
        return
    if selection is None:
        _require_terminal(["--select"], 'manager interactive --select "1-3,5" (or --json)')
        render.out("🔍 Migration Selection Preview (nothing is written)")
        render.out()
        render.available(listed)
    chosen = _choose(proj, selection)
    if not chosen:
        render.out("No migrations selected.")
        return
    render.selected(chosen)
    render.out()
    text = api_batches.format_numbers([item.number for item in chosen])
    render.out("🔍 Preview only: nothing was written. To create this batch:")
    render.out(f'   citrine-migrate select --select "{text}"')


# --- running, listing, rolling back ------------------------------------------------------------


@app.command("custom")
@shared(url=True, shadow=True, locks=True, backup=True, json=True)
def custom(
    name: BatchArg,
    opts: Shared,
    resolve: ResolveOpt = None,
) -> None:
    """Run a custom batch: shadow replay first, then one transaction, verified (spec:
    migrate:custom NAME)."""
    from ..api import batches as api_batches

    batch = api_batches.runnable(opts.project, name)  # bad files: one line, before connecting
    url = opts.url()
    opts.backup_first(url)  # custom batches have no --dry-run
    render.say(f"database: {render.masked(url)}")
    render.custom_start(batch, opts.json)
    result = api_batches.run(opts.project, url, name, opts.shadow_url, lock_wait=opts.lock_wait,
                             locks=opts.locks, say=render.say,
                             resolutions=tuple(resolve or ()))
    render.custom(batch, result, opts.json)


@app.command("custom:list")
@shared(url=True, json=True)
def custom_list(opts: Shared) -> None:
    """List the custom batches, with what the database holds of each when one is reachable
    (spec: migrate:custom:list)."""
    from ..api import batches as api_batches

    url = opts.existing_url()  # never creates the managed cluster just to list
    listing = api_batches.list_batches(opts.project, url)
    render.custom_list(listing, opts.json)
    if listing.error is not None:
        # Listed from the files, but the database asked for could not be read: an error, as
        # `manager list` says it (exit 2), not a listing that looks complete.
        raise ConnectionFailed(f"{listing.error}; the batches are listed without their "
                               "applied state")


@app.command("custom:rollback")
@shared(url=True, shadow=True, locks=True, backup=True, json=True)
def custom_rollback(
    name: BatchArg,
    opts: Shared,
    drop_baseline: DropBaselineOpt = False,
) -> None:
    """Revert what a custom batch applied, in reverse order, in one transaction, verified
    (spec: migrate:custom:rollback NAME). A batch with the baseline (the first step) only
    with --drop-baseline, after a checked backup."""
    from ..api import batches as api_batches

    proj = opts.project
    api_batches.check_name(name)  # a bad name is refused before anything is printed
    url = opts.url()
    opts.backup_first(url)  # custom batches have no --dry-run
    render.say(f"database: {render.masked(url)}")
    result = api_batches.rollback(proj, url, name, opts.shadow_url, lock_wait=opts.lock_wait,
                                  locks=opts.locks, say=render.say, drop_baseline=drop_baseline)
    render.custom_rollback(name, result, opts.json)
