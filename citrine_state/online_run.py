"""Running a step online: beside live traffic, in parts that are each safe to run again.

A step that declares ``ONLINE`` (see ``online``) is applied in three stages instead of one
transaction:

1. its ``up`` (catalog changes, data moves) in one transaction under the short
   ``online_lock_timeout`` (default 200ms), retried with backoff, with a ledger row of kind
   ``started``: from here on ``status`` says "in progress: rerun `migrate`";
2. each of its ``ONLINE`` operations, part by part (an index ``CONCURRENTLY`` outside any
   transaction; a constraint ``NOT VALID``, then ``VALIDATE``), each skipped when it is already
   done: a rerun after a kill goes on where the run stopped, and first drops an INVALID index
   that a killed or failed build left;
3. its SequelizeMeta and ``step`` ledger rows in a last transaction, verified (when it is the
   run's last step) before COMMIT.

A step that declares ``ONLINE = ()`` (nothing to build) has only stage 1 and 3, in one
transaction under the online lock_timeout, retried: there is nothing to resume.

Index builds get ``settings.online_maintenance_work_mem`` (default 256MB, never lowered) for
their sorts, and the session's value back afterwards.

When a part fails on the data (a duplicate key for a unique index, a row that breaks a new
foreign key or CHECK), the step is undone: what its operations built is dropped, its ``down``
runs, and the error names the rows (and repeats the step's pre-flight report, when it has one):
the database is as before the step. Any other failure (a lock it could not get, a lost
connection) leaves the step in progress for the next ``migrate``.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import journal, ledger, memory, online
from . import steps as steps_mod
from .errors import CitrineError, Refused
from .progress import Say, quiet
from .project import Project
from .runner import (
    Check,
    DriftAfterRun,
    apply_step,
    lock_not_available,
    record_names,
    run_direction,
    set_setting,
    transaction,
    verify_before_commit,
    with_lock_retries,
)
from .sqltext import quote_ident
from .steps import Finding, Step

SHOWN = 5  # rows named when a constraint does not hold


class OnlineStepFailed(Refused):
    """An online part of a step failed on the data; the step was undone (exit 2). ``findings``:
    the step's pre-flight report of the same problem, when it has one."""

    def __init__(self, text: str, findings: list[Finding],
                 offered: dict[str, tuple[str, str]]) -> None:
        super().__init__(text)
        self.findings = findings
        self.offered = offered


class _DataDoesNotFit(Exception):
    def __init__(self, op: online.Operation, part: online.Part, exc: BaseException) -> None:
        super().__init__(str(exc))
        self.op, self.part, self.exc = op, part, exc


def _label(op: online.Operation) -> str:
    kinds = {online.Index: "index", online.Unique: "unique constraint",
             online.ForeignKey: "foreign key", online.Check: "check constraint"}
    return f"{kinds[type(op)]} {op.name} on {op.table}"


def apply_online_step(
    conn: Connection,
    project: Project,
    step: Step,
    say: Say = quiet,
    check: Check | None = None,
    label: str = "",
    kind: str = "step",
    batch: str | None = None,
    note: str | None = None,
    resolutions: tuple[str, ...] = (),
    lands_at: str | None = None,
) -> float:
    """Apply one online step in its three stages (module docstring); the seconds it took.
    ``lands_at``: the run's last step, which names the SequelizeMeta rows (``record_names``)."""
    started = time.perf_counter()
    schema = project.settings["ledger_schema"]
    fast = str(project.settings["online_lock_timeout"])
    ops = online.declared(steps_mod.load_step(step))
    if conn.in_transaction():
        conn.commit()
    resumed = step.name in ledger.in_progress(conn, schema)
    conn.commit()
    stays = (f"; step {step.name} stays in progress (its transaction committed, the rest is "
             "safe to run again): run `citrine-migrate migrate` again when the table is free, "
             "or raise --online-lock-timeout / --lock-retries")
    if not ops and not resumed:
        return _catalog_only(conn, project, step, say, check, label, kind, batch, note,
                             resolutions, lands_at)
    if resumed:
        say(f"{step.name}: in progress since an earlier run, going on with its online part")
    else:
        def first() -> None:
            with transaction(conn, project, f"step {step.name} (up)", say):
                conn.execute(sa.text("SELECT set_config('lock_timeout', :v, true)"), {"v": fast})
                run_direction(conn, project, step, "up", say, resolutions, defer_online=True)
                ledger.record(conn, schema, name=step.name, kind="started", version=step.version,
                              checksum=step.checksum, batch=batch,
                              note=f"{len(ops)} online operation(s) to come")

        with_lock_retries(conn, project, f"step {step.name} (up)", first, say, timeout=fast)
    try:
        for op in ops:
            with_lock_retries(conn, project, f"step {step.name}: {_label(op)}",
                              lambda op=op: _build(conn, project, step, op, say), say,
                              timeout=fast, gave_up=stays)
    except _DataDoesNotFit as failed:
        raise _undo(conn, project, step, ops, failed, say) from failed.exc

    def last() -> None:
        with transaction(conn, project, f"step {step.name} (recorded)", say):
            record_names(conn, project, [step.name], lands_at)
            ledger.record(conn, schema, name=step.name, kind=kind, version=step.version,
                          checksum=step.checksum,
                          duration_ms=int((time.perf_counter() - started) * 1000),
                          batch=batch, note=note)
            verify_before_commit(conn, check, label)

    try:
        with_lock_retries(conn, project, f"step {step.name} (recorded)", last, say,
                          gave_up=stays)
    except DriftAfterRun as drift:
        # its parts are committed: rolling back the last transaction is not enough
        _revert(conn, project, step, ops, say,
                "the schema after it did not match its target: undone")
        raise DriftAfterRun(label, drift.result,
                            outcome=f"so step {step.name} was undone (the database is as "
                                    "before it; earlier steps stay applied)") from drift
    return time.perf_counter() - started


def _catalog_only(conn: Connection, project: Project, step: Step, say: Say,
                  check: Check | None, label: str, kind: str, batch: str | None,
                  note: str | None, resolutions: tuple[str, ...],
                  lands_at: str | None) -> float:
    """A step with ``ONLINE = ()`` only changes the catalog: one transaction, as any step, but
    under the short online lock_timeout (retried), so it never holds up writes for long, and
    with no ``started`` row (there is nothing to resume)."""
    return apply_step(conn, project, step, say, check, label, kind, batch, note, resolutions,
                      lands_at, lock_timeout=str(project.settings["online_lock_timeout"]))


def _done(conn: Connection, part: online.Part) -> bool:
    done = bool(conn.exec_driver_sql(f"SELECT {part.done}").scalar())
    conn.commit()
    return done


def _build(conn: Connection, project: Project, step: Step, op: online.Operation,
           say: Say) -> None:
    """Every part of ``op`` that is not done yet, in order."""
    for part in op.parts():
        if _done(conn, part):
            continue
        say(f"  online: {' '.join(part.sql.split())}")
        try:
            execute_part(conn, project, part, f"step {step.name}: {_label(op)}")
        except sa.exc.DBAPIError as exc:
            if lock_not_available(exc) is None and _sqlstate(exc).startswith("23"):
                raise _DataDoesNotFit(op, part, exc) from exc
            raise


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(getattr(exc, "orig", None), "sqlstate", "") or "")


def execute_part(conn: Connection, project: Project, part: online.Part, what: str) -> None:
    """One part, alone: outside any transaction (CONCURRENTLY) or in one of its own, under the
    online lock_timeout when its lock would hold up writes, else the run's lock_timeout."""
    timeout = str(project.settings["online_lock_timeout"] if part.blocks_writes
                  else project.settings["lock_timeout"])
    if conn.in_transaction():
        conn.commit()
    if not part.autocommit:
        with journal.transaction(what), conn.begin():
            conn.execute(sa.text("SELECT set_config('lock_timeout', :v, true)"), {"v": timeout})
            conn.exec_driver_sql(part.sql)
        return
    set_setting(conn, "lock_timeout", timeout)
    had = raise_maintenance_memory(conn, project)
    conn.commit()
    conn.execution_options(isolation_level="AUTOCOMMIT")
    try:
        with journal.transaction(what):
            conn.exec_driver_sql(part.sql)
    finally:
        if not conn.invalidated and not conn.closed:
            conn.rollback()
            conn.execution_options(isolation_level=conn.default_isolation_level)
            set_setting(conn, "lock_timeout", str(project.settings["lock_timeout"]))
            if had is not None:
                set_setting(conn, "maintenance_work_mem", had)
            conn.commit()


def raise_maintenance_memory(conn: Connection, project: Project) -> str | None:
    """An index built CONCURRENTLY sorts its table's keys twice; with PostgreSQL's default
    64MB a large log table spills to disk, so the build (and the step) lasts longer. The
    session's ``maintenance_work_mem`` is raised to ``settings.online_maintenance_work_mem``
    (never lowered: a server tuned higher keeps its value). Returns the value to put back,
    None when nothing was changed."""
    wanted = memory.kilobytes(str(project.settings.get("online_maintenance_work_mem", "256MB")))
    had, had_kb = conn.execute(sa.text(
        "SELECT current_setting('maintenance_work_mem'), setting::bigint FROM pg_settings "
        "WHERE name = 'maintenance_work_mem'")).one()
    if had_kb >= wanted:
        return None
    set_setting(conn, "maintenance_work_mem", f"{wanted}kB")
    return str(had)


def _rows_named(conn: Connection, op: online.Operation) -> str:
    """'N row(s) (id 3, 7 ...)' that break ``op``'s constraint, by primary key (else ctid)."""
    where = op.violations()
    if where is None:
        return ""
    if conn.in_transaction():
        conn.rollback()
    keys = conn.execute(sa.text(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(:t) AND i.indisprimary "
        "ORDER BY array_position(i.indkey::int2[], a.attnum)"), {"t": op.table}).scalars().all()
    key = " || ', ' || ".join(f"t.{quote_ident(k)}::text" for k in keys) or "t.ctid::text"
    name = ", ".join(keys) or "ctid"
    rows = conn.exec_driver_sql(
        f"SELECT {key}, count(*) OVER () {where} ORDER BY 1 LIMIT {SHOWN}").all()
    conn.rollback()
    if not rows:
        return ""
    shown = ", ".join(str(r[0]) for r in rows)
    more = f" and {rows[0][1] - len(rows)} more" if rows[0][1] > len(rows) else ""
    return f"{rows[0][1]} row(s) of {op.table} break it ({name} {shown}{more})"


def _undo(conn: Connection, project: Project, step: Step, ops: tuple[online.Operation, ...],
          failed: _DataDoesNotFit, say: Say) -> CitrineError:
    """Back to before the step: what its operations built goes, its ``down`` runs (its
    ``started`` row is closed with a ``reverted`` one). Returns the error to raise."""
    from . import db

    rows = _rows_named(conn, failed.op)
    _revert(conn, project, step, ops, say,
            f"its online {_label(failed.op)} failed on the data: undone")
    findings = steps_mod.preflight(conn, project, [step])
    conn.rollback()
    detail = rows or db.first_line(failed.exc)
    diag = getattr(getattr(failed.exc, "orig", None), "diag", None)
    extra = getattr(diag, "message_detail", None)
    if extra and not rows:
        detail += f" ({extra})"
    return OnlineStepFailed(
        f"step {step.name}: its {_label(failed.op)} does not hold: {detail}; the step was "
        "undone, the database is as it was before it (earlier steps stay applied); fix the "
        "rows, then run again", findings, steps_mod.declared_resolutions(project))


def _revert(conn: Connection, project: Project, step: Step,
            ops: tuple[online.Operation, ...], say: Say, why: str) -> None:
    """What the step's operations built is dropped, its ``down`` runs, and its ``started`` row
    is closed by a ``reverted`` one saying ``why``: the database is as before the step."""
    fast = str(project.settings["online_lock_timeout"])
    if conn.in_transaction():
        conn.rollback()
    for op in reversed(ops):
        for part in op.undo():
            with_lock_retries(conn, project, f"undoing step {step.name}",
                              lambda p=part: execute_part(conn, project, p,
                                                          f"undoing step {step.name}"),
                              say, timeout=fast if part.blocks_writes else None)

    def down() -> None:
        with transaction(conn, project, f"step {step.name} (undone)", say):
            conn.execute(sa.text("SELECT set_config('lock_timeout', :v, true)"), {"v": fast})
            run_direction(conn, project, step, "down", say)
            ledger.record(conn, project.settings["ledger_schema"], name=step.name,
                          kind="reverted", version=step.version, checksum=step.checksum,
                          note=why)

    with_lock_retries(conn, project, f"undoing step {step.name}", down, say, timeout=fast)


def plan_parts(ops: tuple[online.Operation, ...]) -> list[online.Part]:
    """The parts an online run executes for ``ops``, for plans."""
    return [part for op in ops for part in op.parts()]
