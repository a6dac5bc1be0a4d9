"""Custom batches as plain operations: number the steps, choose by the selection syntax, write a
batch, run it (shadow replay first, one transaction, verified), list and roll back.

Usable from Python::

    from citrine_state.api import batches
    chosen = batches.choose(project, "1-3,5")
    batches.create(project, "tenant-auth-hotfix", "Tenant setup", [n.step for n in chosen])
    batches.run(project, url, "tenant-auth-hotfix")
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import URL

from .. import batches as batch_mod
from .. import db, ledger, runner, verify
from ..batches import batch_path as batch_path
from ..batches import check_description as check_description
from ..batches import check_name as check_name
from ..batches import exists as exists
from ..batches import metadata_path as metadata_path
from ..errors import CheckFailed, CitrineError, ConnectionFailed, Refused, UsageError
from ..progress import Say, quiet
from ..project import Project
from ..selection import SelectionError as SelectionError
from ..selection import format_numbers as format_numbers
from ..selection import parse
from ..steps import Step, all_steps, check_resolutions
from .basics import LockOptions, with_locks
from .history import Plan, baseline_first, plan, refuse_foreign

# --- choosing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Numbered:
    """A step as the selection list shows it."""

    number: int
    step: Step

    @property
    def filename(self) -> str:
        return self.step.path.name

    def as_dict(self) -> dict[str, Any]:
        return {"number": self.number, "filename": self.filename, "step": self.step.name,
                "version": self.step.version, "description": self.step.description,
                "timestamp": self.step.timestamp}


def available(project: Project) -> list[Numbered]:
    """Every step of the project, numbered from 1 in timestamp order."""
    return [Numbered(i, step) for i, step in enumerate(all_steps(project), 1)]


def choose(project: Project, text: str) -> list[Numbered]:
    """The steps that ``text`` selects (empty: cancelled); raises ``SelectionError``."""
    listed = available(project)
    return [listed[n - 1] for n in parse(text, len(listed)).numbers]


def create(project: Project, name: str, description: str, chosen: list[Step],
           force: bool = False) -> batch_mod.Batch:
    """Write ``versions/custom/<name>-consolidated.py`` and ``<name>-metadata.json``."""
    if not chosen:
        raise Refused("no steps chosen: nothing to write (a batch of hand-written SQL is made "
                      "with `citrine-migrate select --template NAME`)")
    return batch_mod.write(project, name, description, chosen, force=force)


def create_template(project: Project, name: str, description: str,
                    force: bool = False) -> batch_mod.Batch:
    """An empty batch for hand-written SQL (the spec's "Creating Migration Templates")."""
    return batch_mod.write(project, name, description, [], force=force)


def load(project: Project, name: str) -> batch_mod.Batch:
    return batch_mod.load(project, name)


def runnable(project: Project, name: str) -> batch_mod.Batch:
    """The batch, if it can run: files valid, checksums equal, not an empty template."""
    batch = batch_mod.load(project, name)
    if batch.is_empty:
        raise Refused(
            f"custom batch {name} is an empty template: write its SQL in UP (and DOWN) in "
            f"{batch_mod.batch_path(project, name).relative_to(project.root).as_posix()} "
            "first; nothing ran"
        )
    return batch


# --- running ------------------------------------------------------------------------------------


@dataclass
class Skipped:
    name: str
    how: str  # what applied it: "migrate", "custom batch X", "CitrineOS's own runner", ...


@dataclass
class RunResult:
    batch: batch_mod.Batch
    ran: list[batch_mod.StepRun] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)
    sql_seconds: float | None = None
    sql_already_applied: bool = False

    @property
    def nothing_to_do(self) -> bool:
        return not self.ran and self.sql_seconds is None


def _refuse_unsafe(p: Plan, doing: str) -> None:
    """History that makes any replay meaningless (the same refusals as ``migrate``, except
    order: running steps out of order is what batches are for)."""
    if p.unknown:
        raise Refused(
            "SequelizeMeta records step(s) this project does not know (a database from a newer "
            f"CitrineOS?): {', '.join(p.unknown)}; nothing {doing}"
        )
    if p.edited:
        raise Refused(
            f"applied step(s) were edited since they ran: {', '.join(p.edited)}; restore the "
            f"files (git checkout) or write a new step; nothing {doing}"
        )
    if p.vanished:
        raise Refused(
            f"applied step(s) have no file any more: {', '.join(p.vanished)}; nothing {doing}"
        )


def _how(entry: ledger.Entry | None) -> str:
    if entry is None:
        return "CitrineOS's own runner"
    if entry.kind == "batch" and entry.batch:
        return f"custom batch {entry.batch}"
    return {"step": "migrate", "snapshot": "a fresh install", "consolidated":
            "a consolidated migration", "adopted": "CitrineOS's own runner"}.get(entry.kind,
                                                                               entry.kind)


class BaseDrift(CheckFailed):
    """The schema is not what the applied steps produce, so a replay on top of them would not
    describe this database."""

    def __init__(self, label: str, result: Any, empty: bool = False) -> None:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in result.differences[:5])
        what = (
            "the database is not empty, but neither the ledger nor SequelizeMeta records any "
            "step (`citrine-migrate status` says what it is; a CitrineOS 1.6 database is "
            "brought to the baseline by `citrine-migrate migrate`)"
            if empty
            else f"the schema differs from what the applied steps produce ({label}; "
            "`citrine-migrate verify` shows how)"
        )
        super().__init__(f"{what}, so no batch can be checked against it and nothing ran: "
                         f"{names or 'see the SQL below'}")
        self.result = result


def run(
    project: Project,
    url: URL,
    name: str,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    resolutions: tuple[str, ...] = (),
    locks: LockOptions | None = None,
) -> RunResult:
    """The spec's ``migrate:custom NAME``: check the batch's files and checksums, check that the
    schema is what the applied steps produce, replay the batch on a shadow database, then apply
    its not-yet-applied steps (and SQL) under the lock in one transaction, verified against the
    shadow result before COMMIT. ``locks``: this run's lock options (default: the config's
    settings)."""
    project = with_locks(project, locks)
    batch = runnable(project, name)
    check_resolutions(project, resolutions)
    schema = project.settings["ledger_schema"]
    result = RunResult(batch)
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = plan(conn, project)
        entries = ledger.applied_steps(conn, schema)
        sql_done = name in batch_mod.sql_applied(conn, schema)
        conn.rollback()
        refuse_foreign(conn, project, p)  # another application's database: exit 2, as migrate
        _refuse_unsafe(p, "ran")
        by_name = {s.name: s for s in p.steps}
        applied = sorted(p.applied)
        todo = [s for s in batch.steps if s.name not in applied]
        result.skipped = [Skipped(s.name, _how(entries.get(s.name)))
                          for s in batch.steps if s.name in applied]
        with_sql = batch.has_up and not sql_done
        result.sql_already_applied = batch.has_up and sql_done
        if not todo and not with_sql:
            return result
        base = (verify.steps_target(project, applied, f"the {len(applied)} applied step(s)")
                if applied else batch_mod.empty_target(project))

        def check_base(c: Any) -> Any:
            return verify.verify_target(project, base, c, url, shadow_url)

        runner.check_preflight(conn, project, todo, resolutions)
        if p.adopt:
            say(f"adopting {len(p.adopt)} step(s) from SequelizeMeta after checking the schema "
                f"against {base.label}")
            runner.adopt(conn, project, p.adopt, check_base, base.label)
            result.adopted = [s.name for s in p.adopt]
        elif not applied:
            # Nothing recorded: the database must be empty, but for extensions (a server often
            # has PostGIS installed before any migration).
            say("checking that the database is empty, as nothing records a step")
            drift = check_base(conn)
            conn.rollback()
            if not batch_mod.only_extensions(drift):
                raise BaseDrift(base.label, drift, empty=True)
        else:
            say(f"checking the schema against {base.label}")
            drift = check_base(conn)
            conn.rollback()
            if not drift.in_sync:
                raise BaseDrift(base.label, drift)
        say(f"replaying {len(todo)} step(s) of {name} on a shadow database")
        target = batch_mod.replay_target(project, batch, [by_name[n] for n in applied], todo,
                                         with_sql)
        expected = verify.expected_for(project, target, conn, url, shadow_url)
        check = batch_mod.matches(project, expected, target.label)
        # A statement blocked by live traffic gives up after lock_timeout; the whole batch is
        # rolled back and retried with backoff, as migrate does for each step.
        result.ran, result.sql_seconds = runner.with_lock_retries(
            conn, project, f"custom batch {name}",
            lambda: batch_mod.apply(conn, project, batch, todo, with_sql, check, say=say,
                                    resolutions=resolutions), say)
    return result


@dataclass
class RollbackResult:
    name: str
    reverted: list[batch_mod.StepRun] = field(default_factory=list)
    sql_seconds: float | None = None

    @property
    def nothing_to_do(self) -> bool:
        """Nothing of the batch was applied: already the state a rollback asks for."""
        return not self.reverted and self.sql_seconds is None


def rollback(
    project: Project,
    url: URL,
    name: str,
    shadow_url: str | None = None,
    lock_wait: float = 60.0,
    say: Say = quiet,
    drop_baseline: bool = False,
    locks: LockOptions | None = None,
) -> RollbackResult:
    """The spec's ``migrate:custom:rollback NAME``: revert the steps the ledger says this batch
    applied (and its SQL) in one transaction, in reverse order, restoring archived data; the
    result must be the schema the remaining applied steps produce. A batch that applied the
    baseline (the first step) is rolled back only with ``drop_baseline``, after a checked
    backup. ``locks``: as ``run``."""
    project = with_locks(project, locks)
    batch_mod.check_name(name)
    batch: batch_mod.Batch | None = None
    if batch_mod.metadata_path(project, name).is_file():
        batch = batch_mod.load(project, name, check_files=False)
    schema = project.settings["ledger_schema"]
    with runner.migrating(url, project, lock_wait=lock_wait, say=say) as conn:
        p = plan(conn, project)
        mine = batch_mod.applied_by(conn, project, name)
        sql_done = name in batch_mod.sql_applied(conn, schema)
        conn.rollback()
        refuse_foreign(conn, project, p)  # another application's database: exit 2, as custom
        _refuse_unsafe(p, "was rolled back")
        if not mine and not sql_done:
            if batch is None:
                raise UsageError(f"no custom batch named {name}: versions/custom/ has no "
                                 f"{name}-metadata.json and the ledger records nothing it "
                                 "applied (`citrine-migrate custom:list` lists the batches)")
            return RollbackResult(name)  # as `custom NAME` twice: already done, exit 0
        if sql_done and (batch is None or not batch.has_down):
            raise Refused(
                f"the UP SQL of custom batch {name} ran on this database, but the batch has no "
                "DOWN SQL to undo it: write DOWN in its -consolidated.py; nothing was rolled back"
            )
        if batch is None:
            say(f"the files of custom batch {name} are gone; reverting what the ledger says it "
                "applied")
        by_name = {s.name: s for s in p.steps}
        if not drop_baseline:  # refused before anything else; the backup comes last
            baseline_first(conn, project, url, [by_name[n] for n in mine], False, say,
                            f"custom:rollback {name}")
        remaining = sorted(set(p.applied) - set(mine))
        if remaining:
            target = batch_mod.remaining_target(project, remaining, name)
            say(f"checking on a shadow database that the {len(remaining)} remaining applied "
                "step(s) stand without the batch")
            expected = verify.expected_for(project, target, conn, url, shadow_url)
            check = batch_mod.matches(project, expected, target.label)
        else:
            target = batch_mod.empty_target(project)
            expected = verify.expected_for(project, target, conn, url, shadow_url)
            check = batch_mod.empty_check(project, expected,
                                          f"the empty schema custom batch {name} started from")
        forced = baseline_first(conn, project, url, [by_name[n] for n in mine], drop_baseline,
                                 say, f"custom:rollback {name}")
        runs, sql_seconds = runner.with_lock_retries(
            conn, project, f"the rollback of custom batch {name}",
            lambda: batch_mod.revert(conn, project, batch, name, [by_name[n] for n in mine],
                                     sql_done, check, say=say, drop_baseline=forced), say)
    return RollbackResult(name, runs, sql_seconds)


# --- listing ------------------------------------------------------------------------------------


@dataclass
class Listed:
    name: str
    description: str | None
    created_at: str | None
    migrations: list[str]
    template: bool = False
    has_sql: bool = False
    problem: str | None = None
    state: batch_mod.BatchState | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "batchName": self.name,
            "description": self.description,
            "createdAt": self.created_at,
            "migrations": self.migrations,
            "template": self.template,
            "hasSql": self.has_sql,
            "problem": self.problem,
            "state": self.state.as_dict() if self.state else None,
        }


@dataclass
class Listing:
    batches: list[Listed]
    database: str | None = None  # masked URL whose state is shown
    database_note: str | None = None  # why no state is shown
    error: CitrineError | None = None  # the database given could not be read (exit 2)

    def as_dict(self) -> dict[str, Any]:
        return {"database": self.database, "databaseNote": self.database_note,
                "batches": [b.as_dict() for b in self.batches]}


def list_batches(project: Project, url: URL | None) -> Listing:
    """Every batch in ``versions/custom/``, oldest first, with what ``url``'s database holds of
    each (when given and reachable). A batch whose files are broken is listed with the
    problem."""
    listed: list[tuple[Listed, batch_mod.Batch | None]] = []
    for name in batch_mod.names(project):
        try:
            batch = batch_mod.load(project, name)
            listed.append((Listed(name, batch.description, batch.created_at, batch.filenames,
                                  batch.is_template, batch.has_up), batch))
        except CitrineError as err:
            listed.append((_partial(project, name, str(err)), None))
    listed.sort(key=lambda item: (item[0].created_at or "", item[0].name))
    result = Listing([item[0] for item in listed])
    if url is None:
        result.database_note = ("no database given (--database-url, CITRINE_DATABASE_URL) and "
                                "no managed cluster: applied state not shown")
        return result
    try:
        with db.connect(url) as conn:
            for entry, batch in listed:
                if batch is not None:
                    entry.state = batch_mod.state(conn, project, batch)
            conn.rollback()
        result.database = db.mask(url)
    except ConnectionFailed as err:
        result.database_note = f"applied state not shown: {err}"
        result.error = err
    return result


def _partial(project: Project, name: str, problem: str) -> Listed:
    """What can still be said of a batch whose files do not load."""
    try:
        data = json.loads(batch_mod.metadata_path(project, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    migrations = data.get("migrations")
    files = [m.get("filename", "?") for m in migrations if isinstance(m, dict)] \
        if isinstance(migrations, list) else []
    return Listed(name, data.get("description") if isinstance(data.get("description"), str)
                  else None,
                  data.get("createdAt") if isinstance(data.get("createdAt"), str) else None,
                  files, problem=problem)
