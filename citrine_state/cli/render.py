"""What the commands print: every result as text, or as JSON with ``--json``.

The commands call the api and hand its result here; nothing here changes anything. Text for a
person goes to stdout through rich (imported only when something is printed), progress lines to
stderr (``say``), JSON to stdout alone (``print_json``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

# --- the outputs --------------------------------------------------------------------------------


def console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def say(text: str) -> None:
    """A progress line on stderr: dimmed on a terminal; elsewhere (logs, CI, pipes) plain text,
    written without importing rich."""
    if not sys.stderr.isatty():
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
        return
    console(stderr=True).print(text, markup=False, style="dim")


def out(text: str = "") -> None:
    """A line on stdout, as it is (the custom batch commands print as the spec shows them)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def masked(url: Any) -> str:
    """The URL with its password (and other secrets) replaced by ***."""
    from ..api.basics import mask

    return mask(url)


# --- the pieces of several results --------------------------------------------------------------


def diff(to: Any, result: Any, expected: str = "the snapshot") -> None:
    """A schema difference: each change, then the SQL that would reconcile it (with
    ``expected``, what the live schema was compared with)."""
    for item in result.differences:
        to.print(f"  {item.change:10} {item.kind} {item.name}", markup=False)
    if result.statements:
        to.print(f"\nSQL that would reconcile the live schema with {expected}:", markup=False)
        for statement in result.statements:
            to.print("  " + statement.replace("\n", "\n  "), markup=False)


def plan(to: Any, shown: Any) -> None:
    """A plan as a DBA reads it: each statement with its phase and hazards, then a summary."""
    to.print(f"-- Plan: {shown.title}", markup=False)
    phase = None
    for stmt in shown.statements:
        if stmt.phase != phase:
            phase = stmt.phase
            to.print(f"\n-- == {phase}", markup=False)
        tags = ", ".join(stmt.hazards)
        if stmt.archived:
            tags += " (archived first)"
        if stmt.note:
            to.print(f"-- {stmt.note}", markup=False)
        elif stmt.lock:
            to.print(f"-- lock: {stmt.lock}", markup=False)
        if tags:
            to.print(f"-- hazards: {tags}", markup=False)
        to.print(terminated(stmt.sql), markup=False)
    counts = ", ".join(f"{k}: {v}" for k, v in shown.counts().items() if v)
    if shown.traffic:
        to.print("", markup=False)
        for line in traffic_lines(shown.traffic):
            to.print(f"-- {line}", markup=False)
    unarchived = len(shown.unarchived_deletes())
    to.print(f"\n-- {len(shown.statements)} statement(s); {counts or 'no hazards'}; "
                   f"{unarchived} delete(s) of data not archived first", markup=False)


def terminated(sql: str) -> str:
    """A statement as ``psql -f`` runs it: with its ``;`` (on a line of its own when the last
    line holds a comment, which would swallow it); a statement of comments only stays as is."""
    from ..api.basics import strip_comments

    text = sql.strip()
    if not strip_comments(text).strip():
        return text
    return text + ("\n;" if "--" in text.rsplit("\n", 1)[-1] else ";")


def traffic_lines(traffic: Any) -> list[str]:
    """Whether the pending steps can run beside traffic, and how long each holds what."""
    if not traffic:
        return []
    window = [t for t in traffic if not t["online"]]
    if not window:
        head = "Beside traffic: every pending step runs online."
    else:
        head = (f"Needs a window: {len(window)} of {len(traffic)} pending step(s) hold tables "
                "for longer than a catalog change"
                + ("; the others run online." if len(window) < len(traffic) else "."))
    lines = [head]
    for item in traffic:
        lines.append(f"  {'online' if item['online'] else 'WINDOW'}  {item['step']}")
        for hold in item["holds"]:
            lines.append(f"      {hold['text']}")
    lines.append(f"  (estimates: {traffic[0]['rates']})")
    return lines


def findings(to: Any, found: Any, offered: dict[str, tuple[str, str]] | None = None,
             ) -> None:
    """The pre-flight report: each finding with its lines and how it is settled."""
    for finding in found:
        to.print(f"  ✗ {finding.step}: {finding.summary}", markup=False)
        for line in finding.details:
            to.print(f"      {line}", markup=False)
        if finding.resolution:
            to.print(f"      settled by: --resolve {finding.resolution}", markup=False)
        else:
            to.print("      settled by: hand only", markup=False)
    offers = sorted({f.resolution for f in found if f.resolution and offered
                     and f.resolution in offered})
    for name in offers:
        to.print(f"  --resolve {name}: {offered[name][1]}", markup=False)


def findings_json(err: Any) -> dict[str, Any]:
    """``--json`` of a run the pre-flight refused (stdout; the error line stays on stderr)."""
    return {
        "action": "refused",
        "error": str(err),
        "preflight": [f.as_dict() for f in err.findings],
        "resolutions": {name: {"step": step, "description": text}
                        for name, (step, text) in sorted(err.offered.items())},
    }


def refused(err: Any) -> None:
    """A run the pre-flight refused: the report (JSON on stdout with ``--json``, else text on
    stderr) before the one error line."""
    if "--json" in sys.argv[1:]:
        print_json(findings_json(err))
        return
    shown = console(stderr=True)
    shown.print("Pre-flight: the run would stop on these, so nothing ran:", markup=False)
    findings(shown, err.findings, err.offered)


def result_json(action: str, version: str | None, steps: Any = (), plans: Any = (),
                install: Any = None, upgrades: Any = (), **extra: Any) -> None:
    """The one shape every writing command's ``--json`` prints (README "Output for scripts"):
    ``action``, ``version`` (where the database now is, when known), ``install``, ``upgrades``,
    ``steps`` (each step run: name, direction, seconds), ``plans`` (dry runs), then what is
    particular to the command."""
    print_json({
        "action": action,
        "version": version,
        "install": install.__dict__ if install is not None else None,
        "upgrades": [{"from": a, "to": b, "seconds": t} for a, b, t in upgrades],
        "steps": [dict(r.__dict__) for r in steps],
        "plans": [p.as_dict() for p in plans],
        **extra,
    })


# --- the step path: migrate, check, undo --------------------------------------------------------


def migrate(shown: Any, result: Any, as_json: bool) -> None:
    """``shown``: the console the run's progress went to (stderr with ``--json``)."""
    if as_json:
        action = "planned" if result.plan is not None else "migrated" if result.ran \
            else "up-to-date"
        result_json(action, result.version, result.ran,
                    [result.plan] if result.plan is not None else [], adopted=result.adopted)
        return
    if result.plan is not None:
        plan(shown, result.plan)
        shown.print("-- Dry run: nothing was changed.", markup=False)
        return
    if result.adopted:
        shown.print(f"Adopted {len(result.adopted)} step(s) that CitrineOS's own runner "
                    "applied.", markup=False)
    if not result.ran:
        if result.repaired:
            shown.print(f"Moved {len(result.repaired)} sequence(s) that lagged behind their "
                        f"ids past them ({', '.join(result.repaired)}; recorded in the "
                        "ledger).", markup=False)
        shown.print("No pending steps: the database is up to date.", markup=False)
        return
    where = f" (now at version {result.version}, verified)" if result.version else " (verified)"
    total = sum(r.seconds for r in result.ran)
    shown.print(f"Applied {len(result.ran)} step(s) in {total:.2f}s{where}.", markup=False)


def check(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.__dict__)
        return
    shown = console()
    if result.pending:
        shown.print(f"{len(result.pending)} pending step(s):", markup=False)
        for name in result.pending:
            shown.print(f"  ⏳ {name}", markup=False)
    elif not result.problems:
        shown.print("Nothing pending.", markup=False)
    if result.problems:
        lead = "" if result.pending else "Nothing pending, but "
        count = len(result.problems)
        shown.print(f"{lead}{count} history problem{'' if count == 1 else 's'} "
                    f"{'stops' if count == 1 else 'stop'} `citrine-migrate migrate` "
                    "(exit 1):", markup=False)
        for problem in result.problems:
            shown.print(f"  ⚠️  {problem}", markup=False)


def undo(run: Any, dry_run: bool, as_json: bool) -> None:
    if run is None:
        if as_json:
            result_json("up-to-date", None)
        else:
            console().print("No step is applied: nothing to undo.", markup=False)
        return
    if as_json:
        if dry_run:
            result_json("planned", None, plans=[run])
        else:
            result_json("reverted", None, [run])
        return
    if dry_run:
        plan(console(), run)
        console().print("-- Dry run: nothing was changed.", markup=False)
        return
    console().print(f"⏪ reverted {run.name} ({run.seconds:.2f}s)", markup=False)


# --- the version path: version, rollback, consolidated, manager batch ---------------------------


def upgrade(result: Any, as_json: bool) -> None:
    """What ``version``, ``rollback`` and ``consolidated`` did (or, on a dry run, would do)."""
    if as_json:
        result_json(result.action, result.version, getattr(result, "ran", []), result.plans,
                    getattr(result, "install", None), result.upgrades)
        return
    shown = console()
    if result.action == "planned":
        for item in result.plans:
            plan(shown, item)
        shown.print("-- Dry run: nothing was changed.", markup=False)
        return
    if result.action == "up-to-date":
        shown.print(f"✅ already at version {result.version}: nothing to do", markup=False)
        return
    install = getattr(result, "install", None)
    if install is not None:
        shown.print(
            f"✅ installed version {result.version} from its snapshot "
            f"({len(install.steps)} steps recorded, {install.seconds:.2f}s, "
            f"verified in {install.verify_seconds:.2f}s)",
            markup=False,
        )
        return
    for source, target, seconds in result.upgrades:
        shown.print(f"✅ consolidated {source} -> {target} ({seconds:.2f}s, verified)",
                    markup=False)
    for run in getattr(result, "ran", []):
        mark = "✅" if run.direction == "up" else "⏪"
        shown.print(f"  {mark} {run.name} ({run.seconds:.2f}s)", markup=False)
    shown.print(f"Database is at version {result.version}.", markup=False)


def manager_batch(project: Any, files: Any, check: bool, show_plan: bool,
                  as_json: bool) -> None:
    if as_json:
        print_json([{"version": f.version, "path": str(f.path.relative_to(project.root)),
                     "stale": f.stale, "notes": f.notes, "plan": f.plan.as_dict()}
                    for f in files])
        return
    shown = console()
    for f in files:
        rel = f.path.relative_to(project.root)
        word = ("STALE" if f.stale else "ok") if check else ("wrote" if f.stale else "same")
        counts = ", ".join(f"{k} {v}" for k, v in f.plan.counts().items() if v)
        shown.print(f"{word:6} {rel} ({len(f.plan.statements)} statements; {counts})",
                    markup=False)
        for note in f.notes:
            shown.print(f"       note: {note}", markup=False)
        if show_plan:
            plan(shown, f.plan)


# --- snapshot, verify, status -------------------------------------------------------------------


def snapshots(project: Any, results: Any, check: bool) -> None:
    shown = console()
    for rendered, was_stale in results:
        rel = rendered.path.relative_to(project.root)
        if check:
            word = "STALE" if was_stale else "ok"
        else:
            word = "wrote" if was_stale else "same"
        shown.print(f"{word:6} {rel}", markup=False)


def verify(result: Any, url: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    shown = console()
    against = (f"the applied steps ({result.replayed}, replayed: no version fits them)"
               if result.replayed else f"version {result.version}")
    if result.diff.in_sync:
        shown.print(f"✅ in sync with {against} ({masked(url)})", markup=False)
    else:
        shown.print(f"❌ drift from {against} ({masked(url)}):", markup=False)
        diff(shown, result.diff, "what the steps produce" if result.replayed else "the snapshot")
    if result.sequences:
        shown.print(f"❌ {len(result.sequences)} sequence(s) behind their ids (not drift: "
                    "the next insert fails with a duplicate key):", markup=False)
        for lag in result.sequences:
            shown.print(f"  {lag.describe()}", markup=False)


def status(project: Any, url: Any, result: Any, as_json: bool) -> None:
    from ..api.inspection import declared_resolutions

    if as_json:
        print_json({"database": masked(url), **result.as_dict()})
        return
    shown = console()
    shown.print(f"Database: {masked(url)}", markup=False)
    shown.print(f"State:    {result.summary}", markup=False)
    if result.recorded_by:
        shown.print(f"Recorded: by {result.recorded_by}", markup=False)
    for version in project.versions:
        steps = [s for s in version.steps]
        if not steps:
            continue
        done = sum(1 for s in steps if s in result.applied)
        shown.print(f"\n{version.name}: {done}/{len(steps)} applied", markup=False)
        for step in steps:
            mark = "✅" if step in result.applied else "⏳"
            shown.print(f"  {mark} {step}", markup=False)
    if result.unknown:
        shown.print("\nUnknown to this project (recorded in SequelizeMeta or the ledger):",
                    markup=False)
        for name in result.unknown:
            shown.print(f"  ? {name}", markup=False)
    if result.edited or result.vanished:
        shown.print("\nHistory problems (migrate, undo, rollback and version refuse until "
                    "they are resolved):", markup=False)
        for path in result.edited:
            shown.print(f"  ✎ {path}: edited since it was applied", markup=False)
        for path in result.vanished:
            shown.print(f"  ✗ {path}: applied, but the file is gone", markup=False)
    if result.drift is not None and not result.drift.in_sync:
        shown.print("\nDrift:", markup=False)
        diff(shown, result.drift)
    if result.preflight:
        shown.print("\nPre-flight (a run that applies these steps refuses until each is "
                    "settled):", markup=False)
        findings(shown, result.preflight, declared_resolutions(project))
    if result.traffic:
        shown.print("", markup=False)
        for line in traffic_lines(result.traffic):
            shown.print(line, markup=False)
    if result.warnings:
        shown.print("\nWarnings:", markup=False)
        for warning in result.warnings:
            shown.print(f"  ⚠ {warning}", markup=False)
    if result.advice:
        shown.print(f"\n{result.advice}", markup=False)
    if result.strategy:
        info = project.raw.get("migration_strategy", {}).get(result.strategy, {})
        shown.print(f"Strategy: {result.strategy}" + (
            f" ({info['description']}; recommended for: {info['recommended_for']})"
            if info else ""), markup=False)
    if result.recommendation:
        shown.print(f"Next: {result.recommendation}", markup=False)


# --- manager new-version, manager new-step ------------------------------------------------------


def new_version(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    shown = console()
    shown.print(f"✅ Version {result.version} started from {result.based_on}", markup=False)
    shown.print(f"   models: {result.models} (changes to {result.based_on}; none yet)",
                markup=False)
    shown.print(f"   config: {result.config} ({result.start}..{result.end})", markup=False)
    shown.print(f"   folder: {result.folder}/", markup=False)
    if result.seed:
        shown.print(f"   seed rows: {result.seed} (copied from {result.based_on})",
                    markup=False)
    shown.print(f"\nNext: write the changes in evolve() of {result.models}, then "
                "`citrine-migrate snapshot` and "
                "`citrine-migrate manager new-step NAME --description TEXT`.", markup=False)


def new_step(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    shown = console()
    how = "generated" if result.generated else "empty, for hand-written SQL"
    shown.print(f"✅ {result.path} ({how})", markup=False)
    shown.print(f"   listed in migration-config.json under {result.version}", markup=False)
    if result.generated:
        shown.print(f"   UP: {len(result.up)} statement(s), CONTRACT: {len(result.contract)}, "
                    f"DOWN: {len(result.down)}", markup=False)
    for rebuild in result.rebuilds:
        shown.print(f"   ℹ️  {rebuild['note']}", markup=False)
    if result.deletes_data:
        shown.print(f"   ⚠️  {len(result.deletes_data)} statement(s) of UP/CONTRACT delete "
                    "data (marked `-- hazards: deletes-data`): archive it first with a data "
                    "move", markup=False)
    if result.down_deletes_data:
        shown.print(f"   DOWN drops {len(result.down_deletes_data)} object(s) that UP adds, "
                    "with their data (marked `-- hazards: deletes-data`)", markup=False)
    if result.snapshot_stale:
        shown.print(f"   ⚠️  snapshots/{result.version}.sql is stale: run `citrine-migrate "
                    "snapshot`", markup=False)
    shown.print("\nReview the step, then `citrine-migrate manager batch`.", markup=False)


# --- backup, restore ----------------------------------------------------------------------------


def size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def backup(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    console().print(
        f"✅ backup of {result.database} (version {result.version}): {result.path} "
        f"({size(result.size)}, {result.tables} tables, checked with pg_restore --list, "
        f"{result.seconds:.1f}s)",
        markup=False,
    )


def backup_taken(taken: Any) -> None:
    """The line of ``--backup`` on a writing command, before it runs."""
    say(f"backup: {taken.path} ({taken.size} bytes, version {taken.version}, checked with "
        "pg_restore --list)")


def restore(result: Any, url: Any, over_existing: bool, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    shown = console()
    version = f"version {result.version}" if result.version else "no version recorded"
    shown.print(f"✅ restored {result.file} into {result.database} ({result.tables} tables, "
                f"{version}, {result.seconds:.1f}s)", markup=False)
    if result.kept_as:
        shown.print(f"   the replaced database is kept as {result.kept_as}: drop it when you "
                    f"are satisfied (DROP DATABASE \"{result.kept_as}\")", markup=False)
    for note in result.notes:
        shown.print(f"   ⚠️  {note}", markup=False)
    if not over_existing:
        shown.print(f"   check it: citrine-migrate status --database-url "
                    f"{masked(url.set(database=result.database))}", markup=False)


# --- manager list, manager report, manager validate ---------------------------------------------


def step_list(listing: Any, as_json: bool) -> None:
    from ..api.operations import stamp_text

    if as_json:
        print_json(listing.as_dict())
        return
    shown = console()
    if listing.database:
        shown.print(f"Database: {listing.database}", markup=False)
    else:
        shown.print("No database consulted (pass --database-url for the applied state).",
                    markup=False)
    for version in listing.versions:
        count = len(version.steps)
        shown.print(f"\n📦 {version.name}  {version.description} ({count} step"
                    f"{'' if count == 1 else 's'})", markup=False)
        if not version.steps:
            shown.print("   (no steps yet)", markup=False)
        for step in version.steps:
            mark = "•" if step.applied is None else "✅" if step.applied else "⏳"
            missing = "  (file missing)" if step.file is None else ""
            shown.print(f"   {mark} {step.name}{missing}", markup=False)
            shown.print(f"      {stamp_text(step.timestamp)}  {step.description}", markup=False)
    if listing.unknown:
        shown.print("\nUnknown to this project (recorded in SequelizeMeta or the ledger):",
                    markup=False)
        for name in listing.unknown:
            shown.print(f"   ? {name}", markup=False)
    if listing.database:
        steps = [s for v in listing.versions for s in v.steps]
        done = sum(1 for s in steps if s.applied)
        more = f"; {len(listing.unknown)} unknown to this project" if listing.unknown else ""
        shown.print(f"\n{done} of {len(steps)} step(s) applied{more}.", markup=False)


def report(rep: Any) -> None:
    """The report for a terminal of any width: no table columns to squeeze, each step on a line
    of its own with its state and description below (a narrow terminal wraps long lines, it
    never cuts them)."""
    shown = console()
    dbi = rep.database
    from rich.markup import escape

    shown.print(f"[bold]Migration report: {escape(rep.project)}[/bold]  ({rep.generated_at})")
    if dbi is None:
        shown.print("No database consulted (pass --database-url for applied, pending and "
                    "drift).", markup=False)
    else:
        shown.print(f"Database: {dbi.url}", markup=False)
        shown.print(f"State:    {dbi.summary}", markup=False)
        shown.print(f"Applied:  {len(dbi.applied)} of {len(rep.steps)}; pending: "
                    f"{len(dbi.pending)}", markup=False)
        if dbi.recommendation:
            shown.print(f"Next:     {dbi.recommendation}", markup=False)
    for version in rep.versions:
        shown.print()
        shown.rule(style="cyan")
        shown.print(f"[bold]{escape(version.name)}: {escape(version.description)}[/bold]")
        models = version.models or "none yet (planned)"
        shown.print(f"step timestamps {version.start}..{version.end} · models: "
                    f"{models} · snapshot: {version.snapshot or 'none'}", markup=False)
        for title, items, mark in (("Features", version.features, "•"),
                                   ("Breaking changes", version.breaking_changes, "⚠️ "),
                                   ("Upgrade notes", version.upgrade_notes, "→")):
            if items:
                shown.print(f"[bold]{title}[/bold]")
                for item in items:
                    shown.print(f"  {mark} {item}", markup=False)
        if version.steps:
            shown.print("[bold]Steps[/bold]")
        for step in version.steps:
            mark = "•" if step.applied is None else "✅" if step.applied else "⏳"
            state = ""
            if step.applied:
                when = f" {step.applied_at[:10]}" if step.applied_at else ""
                state = f"applied{when} ({step.applied_how or '?'}) · "
            elif step.applied is not None:
                state = "pending · "
            shown.print(f"  {mark} {step.name}" + ("" if step.file else " (file missing)"),
                        markup=False)
            shown.print(f"     {state}{step.description}", markup=False)
    shown.print()
    shown.rule(style="cyan")
    shown.print("[bold]Custom batches[/bold]")
    if not rep.batches:
        shown.print("none (versions/custom/ holds no *-metadata.json)", markup=False)
    for batch in rep.batches:
        shown.print(f"🎯 {batch.name}: {batch.description}", markup=False)
        shown.print(f"   created {batch.created_at} · {len(batch.migrations)} step(s) · "
                    f"migration {batch.migration or 'not generated'}", markup=False)
        for item in batch.migrations:
            mark = "•" if item.applied is None else "✅" if item.applied else "⏳"
            shown.print(f"   {mark} {item.filename}: {item.description}", markup=False)
    if dbi is not None:
        if dbi.pending:
            shown.print()
            shown.rule(style="cyan")
            shown.print("[bold]Pending[/bold]")
            for name in dbi.pending:
                shown.print(f"  ⏳ {name}", markup=False)
        if dbi.drift and not dbi.drift.get("in_sync"):
            shown.print()
            shown.rule(style="red")
            shown.print("[bold]Drift[/bold]")
            for d in dbi.drift["differences"]:
                shown.print(f"  {d['change']:10} {d['kind']} {d['name']}", markup=False)
    problems = rep.problems + (dbi.problems if dbi else [])
    if problems:
        shown.print()
        shown.rule(style="red")
        shown.print("[bold]Problems[/bold]")
        for problem in problems:
            shown.print(f"  ❌ {problem}", markup=False)


def validation(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    shown = console()
    if result.valid:
        shown.print(f"✅ valid: {result.config}", markup=False)
    else:
        shown.print(f"❌ {result.config}: {len(result.problems)} problem(s)", markup=False)
        for problem in result.problems:
            shown.print(f"  {problem}", markup=False)


# --- custom batches: select, manager interactive, custom, custom:list, custom:rollback ----------

OPTIONS_HELP = """💡 Migration Selection Options:
   • Enter numbers separated by commas (e.g., 1,3,5)
   • Enter ranges with dashes (e.g., 1-5)
   • Mix both formats (e.g., 1,3-7,9)
   • Enter "all" to select all migrations
   • Enter "none" or empty to skip selection"""


def available(listed: list[Any]) -> None:
    out("📋 Available Migrations:")
    out()
    for item in listed:
        out(f"{item.number}. {item.filename}")
        out(f"   Description: {item.step.description}")
        out(f"   Timestamp: {item.step.timestamp}")
        out()
    out(OPTIONS_HELP)
    out()


def selected(chosen: list[Any]) -> None:
    noun = "migration" if len(chosen) == 1 else "migrations"
    out()
    out(f"✅ Selected {len(chosen)} {noun}:")
    for item in chosen:
        out(f"   • {item.filename}")


def selection_json(listed: list[Any], chosen: list[Any] | None) -> None:
    print_json({"migrations": [item.as_dict() for item in listed],
                "selected": [item.number for item in chosen] if chosen is not None else None})


def _rel(project: Any, path: Any) -> str:
    return path.relative_to(project.root).as_posix()


def batch_created(project: Any, batch: Any) -> None:
    from ..api.batches import batch_path, metadata_path

    out(f"✅ Custom batch migration created: {_rel(project, batch_path(project, batch.name))}")
    out(f"📄 Metadata file created: {_rel(project, metadata_path(project, batch.name))}")
    out()
    out("🚀 To run this custom batch migration:")
    out(f"   citrine-migrate custom {batch.name}")


def template_created(project: Any, batch: Any) -> None:
    from ..api.batches import batch_path, metadata_path

    path = _rel(project, batch_path(project, batch.name))
    out(f"✅ Custom batch template created: {path}")
    out(f"📄 Metadata file created: {_rel(project, metadata_path(project, batch.name))}")
    out()
    out(f"✍️  Write its SQL in UP (and DOWN, for rollback) in {path}, then run it:")
    out(f"   citrine-migrate custom {batch.name}")


def custom_start(batch: Any, as_json: bool) -> None:
    """What ``custom NAME`` is about to run (on stderr with ``--json``: stdout holds only the
    JSON)."""
    line = say if as_json else out
    line(f"🎯 Running custom batch migration: {batch.name}")
    line(f"Description: {batch.description}")
    line(f"Created: {batch.created_at}")
    line(f"Migrations included: {len(batch.steps)}")
    for step in batch.steps:
        line(f"  • {step.path.name}: {step.description}")
    if batch.has_up:
        line("  • hand-written SQL (UP)")
    line("")


def custom(batch: Any, result: Any, as_json: bool) -> None:
    if as_json:
        result_json("up-to-date" if result.nothing_to_do else "applied", None, result.ran,
                    batch=batch.name, adopted=list(result.adopted),
                    skipped=[{"name": s.name, "how": s.how} for s in result.skipped],
                    sql_seconds=result.sql_seconds,
                    sql_already_applied=result.sql_already_applied)
        return
    if result.adopted:
        out(f"Adopted {len(result.adopted)} step(s) that CitrineOS's own runner applied.")
    for skipped in result.skipped:
        out(f"  ↷ {skipped.name}.py: already applied (by {skipped.how}), skipped")
    if result.sql_already_applied:
        out("  ↷ hand-written SQL: already applied by this batch, skipped")
    if result.nothing_to_do:
        out(f"✅ Custom batch migration {batch.name}: nothing to do, everything in it is "
            "already applied")
        return
    for run in result.ran:
        out(f"  ✅ {run.name}.py ({run.seconds:.2f}s)")
    if result.sql_seconds is not None:
        out(f"  ✅ hand-written SQL ({result.sql_seconds:.2f}s)")
    out(f"Applied {len(result.ran)} step(s) in one transaction, verified against the shadow "
        "replay.")
    out()
    out(f"✅ Custom batch migration {batch.name} completed successfully")


def custom_list(listing: Any, as_json: bool) -> None:
    if as_json:
        print_json(listing.as_dict())
        return
    if not listing.batches:
        out("No custom batch migrations yet: `citrine-migrate select` creates one.")
        return
    out("📋 Available Custom Batch Migrations:")
    out()
    for item in listing.batches:
        out(f"🎯 {item.name}")
        out(f"   Description: {item.description if item.description is not None else '?'}")
        out(f"   Created: {item.created_at or '?'}")
        files = "file" if len(item.migrations) == 1 else "files"
        sql = " + hand-written SQL" if item.has_sql else ""
        kind = " (template for hand-written SQL)" if item.template and not item.has_sql else ""
        out(f"   Migrations: {len(item.migrations)} {files}{sql}{kind}")
        if item.problem:
            out(f"   ⚠️  {item.problem}")
        if item.state is not None:
            out(f"   Applied: {_state_text(item)}")
        out()
    if listing.database:
        say(f"applied state from {listing.database}")
    elif listing.database_note and listing.error is None:
        say(listing.database_note)


def _state_text(item: Any) -> str:
    state = item.state
    total = len(item.migrations)
    text = f"{len(state.applied)}/{total} migrations"
    if state.by_batch:
        text += f" ({len(state.by_batch)} by this batch)"
    if item.has_sql:
        text += ", SQL applied" if state.sql_applied else ", SQL not applied"
    return text


def custom_rollback(name: str, result: Any, as_json: bool) -> None:
    if as_json:
        result_json("up-to-date" if result.nothing_to_do else "rolled-back", None,
                    result.reverted, batch=name, sql_seconds=result.sql_seconds)
        return
    if result.nothing_to_do:
        out(f"✅ Custom batch migration {name}: nothing to roll back, none of it is applied")
        return
    out(f"⏪ Rolling back custom batch migration: {name}")
    if result.sql_seconds is not None:
        out(f"  ⏪ hand-written SQL (DOWN) ({result.sql_seconds:.2f}s)")
    for run in result.reverted:
        out(f"  ⏪ {run.name}.py ({run.seconds:.2f}s)")
    out(f"✅ Custom batch migration {name} rolled back successfully")


# --- db: the managed cluster --------------------------------------------------------------------


def db_start(cluster: Any) -> None:
    console().print(f"running: PostgreSQL {cluster.version} on 127.0.0.1:{cluster.port} "
                    f"({cluster.datadir})", markup=False)


def db_stop(stopped: bool) -> None:
    console().print("stopped" if stopped else "not running", markup=False)


def db_status(cluster: Any, as_json: bool) -> None:
    if as_json:
        print_json(cluster.as_dict())
        return
    shown = console()
    if not cluster.created:
        shown.print("not created (any command that needs a database creates it; or `db "
                    "start`)", markup=False)
        return
    state = "running" if cluster.running else "stopped"
    shown.print(f"{state}: PostgreSQL {cluster.version}, port {cluster.port}, data "
                f"{cluster.datadir}", markup=False)
    shown.print(f"url: {cluster.url}", markup=False)


def db_url(url: str) -> None:
    sys.stdout.write(url + "\n")
