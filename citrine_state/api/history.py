"""What the records say, checked before anything runs: the plan (applied, pending, adopted,
edited, vanished, out of order, in progress), the refusals that follow from it, the check that
the schema is what the history says, the re-stamp of accepted edits, the adoption of what
CitrineOS's own runner applied, and the baseline's guard. Shared by the step path
(``individual``), the version path (``upgrade``) and custom batches."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.engine import URL

from .. import journal, ledger, runner, status
from .. import steps as steps_mod
from ..diff import SchemaDiff
from ..errors import CheckFailed
from ..journal import interrupted as interrupted  # the line for an interrupt: what stays
from ..progress import Say
from ..project import Project
from ..steps import STEP_NAME as STEP_NAME  # a step's base name, as --accept-edited takes it
from ..steps import Step


@dataclass
class Plan:
    """Where a database stands with respect to the project's steps."""

    steps: list[Step]
    applied: list[str]
    pending: list[Step]
    adopt: list[Step] = field(default_factory=list)  # in SequelizeMeta, not in our ledger
    unknown: list[str] = field(default_factory=list)  # in SequelizeMeta, unknown to the project
    edited: list[str] = field(default_factory=list)  # applied, file changed since
    vanished: list[str] = field(default_factory=list)  # applied, file gone
    out_of_order: list[str] = field(default_factory=list)  # pending, older than an applied one
    in_progress: list[str] = field(default_factory=list)  # online steps a run left half-way


def plan(conn: Any, project: Project) -> Plan:
    """Read the ledger and SequelizeMeta and compare with the step files."""
    all_steps = steps_mod.all_steps(project)
    by_name = {s.name: s for s in all_steps}
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    meta = {ledger.base_name(n): n for n in ledger.sequelize_names(conn)}
    unknown = sorted(full for base, full in meta.items() if base not in by_name
                     and base not in entries)  # ours but gone: reported as vanished
    adopt = [by_name[b] for b in sorted(meta) if b in by_name and b not in entries]
    applied = sorted(set(entries) | {s.name for s in adopt})
    edited, vanished = [], []
    for name, entry in entries.items():
        step = by_name.get(name)
        if step is None:
            vanished.append(name)
        elif status.edited_since(entry, step):
            edited.append(step.path.relative_to(project.root).as_posix())
    pending = [s for s in all_steps if s.name not in applied]
    newest = max(applied) if applied else ""
    out_of_order = [s.name for s in pending if s.name < newest]
    started = sorted(ledger.in_progress(conn, project.settings["ledger_schema"]))
    return Plan(all_steps, applied, pending, adopt, unknown, sorted(edited), sorted(vanished),
                out_of_order, started)


def refuse_foreign(conn: Any, project: Project, p: Plan) -> None:
    """Nothing recorded, not empty, and none of the project's tables: not ours to migrate."""
    from ..errors import Refused

    if p.applied or p.adopt or runner.is_empty(conn, project):
        return
    if not status.has_known_tables(conn, project):
        conn.rollback()
        raise Refused("not a CitrineOS database: it holds other tables and none of this "
                      "project's, and nothing records a migration; nothing ran")
    conn.rollback()


def refuse_unsafe(p: Plan, allow_out_of_order: bool = False) -> None:
    from ..errors import Refused

    if p.unknown:
        raise Refused(
            "SequelizeMeta records step(s) this project does not know (a database from a newer "
            f"CitrineOS?): {', '.join(p.unknown)}; nothing ran"
        )
    if p.edited:
        raise Refused(
            f"applied step(s) were edited since they ran: {', '.join(p.edited)}; restore the "
            "files (git checkout), write a new step, or accept the edit with "
            "--accept-edited STEP (the ledger records it); nothing ran"
        )
    if p.vanished:
        raise Refused(
            f"applied step(s) have no file any more: {', '.join(p.vanished)}; nothing ran"
        )
    if p.out_of_order and not allow_out_of_order:
        raise Refused(
            f"pending step(s) are older than the newest applied one: {', '.join(p.out_of_order)}"
            " (from a parallel branch, or left out of a custom batch?); nothing ran; pass "
            "--allow-out-of-order to apply them"
        )


def checker(project: Project, names: list[str], url: URL, shadow_url: str | None,
             label: str | None = None):
    from ..verify import steps_target, verify_target

    target = steps_target(project, names, label)
    return target.label, (lambda conn: verify_target(project, target, conn, url, shadow_url))


class HistoryDrift(CheckFailed):
    """The schema is not what the recorded history produces: nothing may claim the database
    is up to date, nor build on it (exit 1, with the drift)."""

    def __init__(self, label: str, result: SchemaDiff, doing: str) -> None:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in result.differences[:5])
        super().__init__(
            f"drift: the schema differs from what its history says ({label}); {doing}: "
            f"{names or 'see the SQL below'}; `citrine-migrate verify` shows it, fix it and "
            "run again")
        self.result = result


def require_in_sync(conn: Any, project: Project, applied: list[str], url: URL,
                     shadow_url: str | None, doing: str) -> None:
    """Raise HistoryDrift unless the live schema is what the ``applied`` steps produce."""
    if not applied:
        return
    label, check_fn = checker(project, sorted(applied), url, shadow_url)
    drift = check_fn(conn)
    conn.rollback()
    if not drift.in_sync:
        raise HistoryDrift(label, drift, doing)


def accept_edits(conn: Any, project: Project, p: Plan, names: tuple[str, ...],
                 dry_run: bool = False) -> Plan:
    """``--accept-edited`` of migrate, undo, rollback and version: the named edited applied
    steps are re-stamped in the ledger (a dry run only checks the names and plans as if they
    were), so the refusal that suggests the option is followed by what it says."""
    if not names:
        return p
    wanted = _accepted(project, p, names)
    if dry_run:
        by_name = {s.name: s for s in p.steps}
        kept = {by_name[n].path.relative_to(project.root).as_posix() for n in wanted}
        return replace(p, edited=[e for e in p.edited if e not in kept])
    _restamp(conn, project, p, wanted)
    p = plan(conn, project)
    conn.rollback()
    return p


def _accepted(project: Project, p: Plan, names: tuple[str, ...]) -> set[str]:
    """The step names ``--accept-edited`` gives (a name, or a path to the file), each an
    edited applied step."""
    from ..errors import Refused

    by_name = {s.name: s for s in p.steps}
    edited = {by_name[n].path.relative_to(project.root).as_posix(): n
              for n in by_name if by_name[n].path.relative_to(project.root).as_posix() in p.edited}
    wanted = {n.removesuffix(".py").split("/")[-1] for n in names}
    unknown = sorted(wanted - set(edited.values()))
    if unknown:
        raise Refused(f"--accept-edited names step(s) that are not edited applied steps: "
                      f"{', '.join(unknown)}")
    return wanted


def _restamp(conn: Any, project: Project, p: Plan, wanted: set[str]) -> None:
    """Accept edits of applied step files: the ledger records the new checksum, saying so."""
    by_name = {s.name: s for s in p.steps}
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    conn.rollback()
    with journal.transaction(f"the re-stamp of {len(wanted)} edited step(s)"), conn.begin():
        ledger.record_many(conn, project.settings["ledger_schema"], [
            dict(name=n, kind=entries[n].kind, version=entries[n].version,
                 checksum=by_name[n].checksum,
                 note=f"checksum re-stamped after an edit (was {entries[n].checksum}); "
                      "accepted with --accept-edited")
            for n in sorted(wanted)
        ])


def adopt(conn: Any, project: Project, p: Plan, url: URL, shadow_url: str | None,
           say: Say) -> list[str]:
    """Record in the ledger what SequelizeMeta says CitrineOS's own runner applied, after
    checking that the schema is what those steps produce."""
    if not p.adopt:
        return []
    names = sorted(set(p.applied))
    label, check = checker(project, names, url, shadow_url,
                            f"{len(names)} step(s) applied by CitrineOS's own runner")
    say(f"adopting {len(p.adopt)} step(s) from SequelizeMeta after checking the schema "
        f"against {label}")
    runner.adopt(conn, project, p.adopt, check, label)
    return [s.name for s in p.adopt]


def baseline_first(conn: Any, project: Project, url: URL, reverting: list[Step],
                    drop_baseline: bool, say: Say, command: str) -> bool:
    """Reverting the baseline (the project's first step) drops the whole schema with its rows:
    refused (exit 2, nothing changed) unless ``drop_baseline``, and then only after a checked
    backup (``pg_dump``, ``pg_restore --list``), taken while this runner holds the migration
    lock. Returns whether the baseline is among ``reverting`` (and may now go)."""
    first = steps_mod.baseline(project)
    if first is None or all(s.name != first for s in reverting):
        return False
    if not drop_baseline:
        raise runner.baseline_refusal(conn, project, first, command)
    from .backups import backup

    conn.rollback()
    say(f"{first} is the baseline: taking a checked backup before its down drops the schema")
    taken = backup(project, url, say=say)
    say(f"backup: {taken.path} ({taken.size} bytes, {taken.tables} tables, checked with "
        "pg_restore --list)")
    return True
