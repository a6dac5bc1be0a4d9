"""Execution: a locked migrating session, transactions, and what a fresh install does.

Every write goes through ``migrating()``: one connection, ``lock_timeout`` set so no statement
queues behind live traffic forever, and the session advisory lock held for the whole run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection

from . import db, journal, ledger, lock, sequences
from . import steps as steps_mod
from .consolidated_file import Consolidated
from .consolidated_run import execute as execute_consolidated
from .diff import SchemaDiff
from .errors import CheckFailed, CitrineError, Refused, UsageError
from .progress import Say, quiet
from .project import Project, Version, read_text
from .sequences import SequenceLag as SequenceLag
from .snapshot import committed_sql, sql_hash
from .sqltext import quote_ident
from .steps import Finding, Step, baseline
from .verify import load_sql, verify_connection


@contextmanager
def migrating(
    url: URL | str,
    project: Project,
    lock_wait: float = 60.0,
    say: Say = quiet,
    target: Version | None = None,
) -> Iterator[Connection]:
    """A connection that holds the migration lock, with the project's timeouts set. The
    extensions that ``target``'s snapshot (default: the newest) creates must be on the
    server."""
    check_run_settings(project, lock_wait)
    with db.connect(url) as conn:
        set_setting(conn, "lock_timeout", project.settings["lock_timeout"])
        set_setting(conn, "statement_timeout", project.settings["statement_timeout"])
        _end_statements_when_the_client_is_gone(conn)
        conn.commit()
        _require_extensions(conn, project, target)
        lock.acquire(conn, lock_wait, on_wait=say)
        try:
            yield conn
        finally:
            try:
                lock.release(conn)
            except sa.exc.DBAPIError:
                pass  # the session is gone, and the lock with it


# How often the server checks, during a long statement, that the migrating process is still
# there (PostgreSQL 14+; on Linux it sees a closed socket).
CLIENT_CHECK_INTERVAL = "1s"


def _end_statements_when_the_client_is_gone(conn: Connection) -> None:
    """A run killed where no handler can cancel its statement (SIGKILL, the OOM killer, a
    crash) must not leave the server running that statement, holding its locks on the
    station tables until it ends: with ``client_connection_check_interval`` the server ends
    it, rolls back and frees the locks within about a second. Older servers lack the setting
    and go without."""
    conn.execute(sa.text(
        "SELECT set_config('client_connection_check_interval', :v, false) "
        "WHERE current_setting('server_version_num')::int >= 140000"),
        {"v": CLIENT_CHECK_INTERVAL})


def check_run_settings(project: Project, lock_wait: float) -> None:
    """What a run hands to PostgreSQL or waits by, checked before connecting: the config is
    checked when it is loaded, but Python callers (and options) may override it."""
    import math

    from . import durations, memory

    for name in ("lock_timeout", "online_lock_timeout", "statement_timeout"):
        try:
            durations.milliseconds(str(project.settings[name]))
        except ValueError as err:
            raise UsageError(f"settings.{name}: {err}") from None
    try:
        memory.kilobytes(str(project.settings.get("online_maintenance_work_mem", "256MB")))
    except ValueError as err:
        raise UsageError(f"settings.online_maintenance_work_mem: {err}") from None
    retries = project.settings.get("lock_retries", 0)
    if not isinstance(retries, int) or isinstance(retries, bool) or not 0 <= retries <= 1000:
        raise UsageError(f"settings.lock_retries: {retries!r} is not a whole number from 0 to "
                         "1000")
    if not isinstance(lock_wait, int | float) or not math.isfinite(lock_wait) or lock_wait < 0:
        raise UsageError(f"lock_wait: {lock_wait!r} is not a finite number of seconds >= 0")


def _require_extensions(conn: Connection, project: Project,
                        target: Version | None = None) -> None:
    """The extensions the snapshot of ``target`` (default: the newest committed one) creates,
    PostGIS, must be on the server: else one line naming them and that snapshot (exit 2),
    before a snapshot or step fails half-way."""
    found = needed_extensions(project, target)
    if found is not None:
        db.require_extensions(conn, *found)


def needed_extensions(project: Project,
                      target: Version | None = None) -> tuple[list[str], str] | None:
    """The extensions ``target``'s committed snapshot (default: the newest one) creates, and
    that snapshot's path; None when there is no snapshot to read."""
    versions = [target] if target is not None else list(reversed(project.modelled_versions))
    for version in versions:
        path = project.snapshot_path(version)
        if path.is_file():
            return (db.extensions_created(read_text(path)),
                    path.relative_to(project.root).as_posix())
    return None


def set_setting(conn: Connection, name: str, value: str) -> None:
    conn.execute(sa.text("SELECT set_config(:n, :v, false)"), {"n": name, "v": value})


# --- one write: a transaction that settles before COMMIT -------------------------------------


@contextmanager
def transaction(conn: Connection, project: Project, what: str,
                say: Say = quiet) -> Iterator[None]:
    """One write of the engine: the caller's work, then ``settle`` before COMMIT; an error
    anywhere rolls everything back. Every command that writes goes through here (steps,
    downs, snapshots, consolidated migrations, batches, adoption), so whatever path ran, no
    serial sequence is left behind its ids when it commits."""
    if conn.in_transaction():
        conn.commit()
    with journal.transaction(what), conn.begin():
        yield
        settle(conn, project, say)


def record_names(conn: Connection, project: Project, new: list[str],
                 lands_at: str | None = None) -> None:
    """SequelizeMeta as CitrineOS's own runner of the release the run lands at leaves it, so
    that runner finds nothing to do: every applied step (``new`` and those already named
    there) gets a row with that release's extension (``.ts`` up to 1.8.0, ``.js`` from 1.8.1);
    rows the other runner wrote are kept, as upstream keeps them. ``lands_at`` is the last
    step of a run of several (by default the last step applied): the run's target decides,
    not the versions it passes on its way, as with upstream's runner of that target."""
    known = {s for v in project.versions for s in v.steps}
    named = {ledger.base_name(n) for n in ledger.sequelize_names(conn)} & known
    applied = sorted(named | set(new))
    if not applied:
        return
    last = max(applied[-1], lands_at or "")
    extension = project.sequelize_extension(project.version_of_step(last))
    ledger.record_sequelize(conn, applied, extension)


def settle(conn: Connection, project: Project, say: Say = quiet) -> list[SequenceLag]:
    """What every write does last, inside its transaction: move the sequences of the managed
    schemas that lag behind their column past its max (never backwards), with a ledger row
    (kind ``repaired``) that names them."""
    moved = sequences.repair(conn, project.settings["managed_schemas"])
    if moved:
        note = sequences.describe_repair(moved)
        say(note)
        ledger.record(conn, project.settings["ledger_schema"], name="sequences",
                      kind="repaired", version=None, checksum=None, note=note)
    return moved


def repair_sequences(conn: Connection, project: Project, say: Say = quiet) -> list[SequenceLag]:
    """A write with nothing else in it (``migrate`` with nothing pending still repairs what
    another runner left behind); returns what it moved."""
    return with_lock_retries(conn, project, "the sequence repair",
                             lambda: _empty_write(conn, project, say), say)


def _empty_write(conn: Connection, project: Project, say: Say) -> list[SequenceLag]:
    if conn.in_transaction():
        conn.commit()
    with conn.begin():
        moved = settle(conn, project, say)
    return moved


# --- lock timeouts: roll back, back off, retry -------------------------------------------------

T = TypeVar("T")

BACKOFF_FIRST = 1.0  # seconds before the first retry; doubled each time
BACKOFF_CAP = 30.0


class TableLockUnavailable(CitrineError):
    """A statement could not get its table lock within ``lock_timeout`` on any attempt; the
    transaction was rolled back each time, so nothing of the work remains."""


def lock_not_available(exc: BaseException | None) -> BaseException | None:
    """The driver's LockNotAvailable (SQLSTATE 55P03) behind ``exc``, however wrapped
    (SQLAlchemy's DBAPIError, StepFailed, CitrineError ``from`` it), else None."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if getattr(exc, "sqlstate", None) == "55P03":
            return exc
        orig = getattr(exc, "orig", None)
        if orig is not None and getattr(orig, "sqlstate", None) == "55P03":
            return orig
        exc = exc.__cause__ or exc.__context__
    return None


_LOCKED_NAME = re.compile(
    r"""\b(?:alter\s+table(?:\s+only)?(?:\s+if\s+exists)?|lock\s+table|drop\s+table
    (?:\s+if\s+exists)?|truncate(?:\s+table)?|update|delete\s+from|insert\s+into|references
    |on|from|join)\s+((?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"
    |[a-z_][a-z0-9_$]*))?)""",
    re.IGNORECASE | re.VERBOSE,
)


def _waited_for(exc: BaseException, driver_exc: BaseException) -> str | None:
    """The relation the failed statement waited for: from the server's context line (row
    locks) or, for table locks, the first relation the statement names."""
    diag = getattr(driver_exc, "diag", None)
    context = getattr(diag, "context", None) or ""
    found = re.search(r'relation "([^"]+)"', context)
    if found:
        return f'"{found.group(1)}"'
    statement = None
    probe: BaseException | None = exc
    while probe is not None and statement is None:
        statement = getattr(probe, "statement", None)
        probe = probe.__cause__
    match = _LOCKED_NAME.search(" ".join(str(statement or "").split()))
    return match.group(1) if match else None


def _holders(conn: Connection, relation: str | None) -> str:
    """Who holds locks on ``relation`` now: pid, application, state, mode."""
    if relation is None:
        return ""
    try:
        rows = conn.execute(
            sa.text(
                """
                SELECT l.pid, coalesce(nullif(a.application_name, ''), 'unknown application'),
                       coalesce(a.state, '?'), string_agg(DISTINCT l.mode, '/')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
                  AND l.relation = to_regclass(:rel)
                GROUP BY 1, 2, 3 ORDER BY 1 LIMIT 3
                """
            ),
            {"rel": relation},
        ).all()
        conn.rollback()
    except sa.exc.DBAPIError:
        conn.rollback()
        return ""
    return "held by " + ", ".join(f"pid {pid} ({app}, {state}, {mode})"
                                  for pid, app, state, mode in rows) if rows else ""


def with_lock_retries(conn: Connection, project: Project, what: str, attempt: Callable[[], T],
                      say: Say = quiet, timeout: str | None = None,
                      gave_up: str | None = None) -> T:
    """Run ``attempt`` (one whole transaction); when a statement of it could not get a lock
    within ``lock_timeout`` (``timeout``: the one it set, for the messages), the transaction is
    rolled back, and it is tried again after 1s, 2s, 4s... (capped) up to ``lock_retries``
    times, so the stations' traffic never queues behind a waiting ALTER for longer than
    ``lock_timeout``. Then TableLockUnavailable (exit 2) names ``what`` and the table, and
    ``gave_up`` (default: nothing of it remains) what stays."""
    retries = max(0, int(project.settings.get("lock_retries", 0)))
    timeout = timeout or project.settings["lock_timeout"]
    for tried in range(retries + 1):
        try:
            return attempt()
        except Exception as exc:
            driver_exc = lock_not_available(exc)
            if driver_exc is None:
                raise
            if conn.in_transaction():
                conn.rollback()
            relation = _waited_for(exc, driver_exc)
            table = f"table {relation}" if relation else "a table lock"
            holders = _holders(conn, relation)
            if tried == retries:
                raise TableLockUnavailable(
                    f"{what} could not get {table} within lock_timeout {timeout} on "
                    f"{retries + 1} attempt(s)" + (f"; {holders}" if holders else "")
                    + (gave_up or "; it was rolled back, nothing of it remains; run again when "
                       "the table is free, or raise --lock-timeout / --lock-retries")
                ) from exc
            delay = min(BACKOFF_FIRST * 2**tried, BACKOFF_CAP)
            say(f"{what}: waited lock_timeout {timeout} for {table}"
                + (f"; {holders}" if holders else "")
                + f"; rolled back, retry {tried + 1}/{retries} in {delay:g}s")
            time.sleep(delay)
    raise AssertionError("unreachable")


# --- what a database holds ----------------------------------------------------------------------


def managed_objects(conn: Connection, schemas: list[str]) -> int:
    """How many relations, types and routines the managed schemas hold, not counting what
    extensions own (PostGIS's spatial_ref_sys and friends)."""
    return int(
        conn.execute(
            sa.text(
                """
                WITH objs AS (
                    SELECT 'pg_class'::regclass AS cls, c.oid, n.nspname
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    -- indexes and composite types' rows belong to their table or type
                    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                    UNION ALL
                    SELECT 'pg_type'::regclass, t.oid, n.nspname
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE t.typtype IN ('e', 'd', 'r', 'm')
                       OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.oid = t.typrelid AND c.relkind = 'c'))
                    UNION ALL
                    SELECT 'pg_proc'::regclass, p.oid, n.nspname
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                )
                SELECT count(*) FROM objs o
                WHERE o.nspname = ANY(:schemas)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                  WHERE d.classid = o.cls AND d.objid = o.oid
                                    AND d.deptype = 'e')
                """
            ),
            {"schemas": list(schemas)},
        ).scalar()
        or 0
    )


def sequence_lags(conn: Connection, schemas: list[str]) -> list[SequenceLag]:
    """Serial and identity sequences of the managed schemas that lag behind their column."""
    return sequences.lags(conn, schemas)


def is_empty(conn: Connection, project: Project) -> bool:
    return managed_objects(conn, project.settings["managed_schemas"]) == 0


# --- fresh install ------------------------------------------------------------------------------


@dataclass
class InstallResult:
    version: str
    snapshot_hash: str
    steps: list[str]
    seconds: float
    verify_seconds: float


def install_snapshot(
    conn: Connection,
    project: Project,
    version: Version,
    near: URL | str,
    shadow_url: URL | str | None = None,
    verify: bool = True,
    say: Say = quiet,
) -> InstallResult:
    """Apply ``version``'s snapshot to an empty database in one transaction: schema, seed rows,
    ``SequelizeMeta`` and ledger; verify before COMMIT, roll back on any difference."""
    return with_lock_retries(
        conn, project, f"the install of {version.name}",
        lambda: _install_once(conn, project, version, near, shadow_url, verify, say), say)


def _install_once(conn: Connection, project: Project, version: Version, near: URL | str,
                  shadow_url: URL | str | None, verify: bool, say: Say) -> InstallResult:
    sql = committed_sql(project, version)
    digest = sql_hash(sql)
    steps = project.steps_up_to(version)
    started = time.perf_counter()
    with transaction(conn, project, f"the install of {version.name}", say):
        say(f"applying snapshots/{version.name}.sql ({digest[:12]})")
        load_sql(conn, sql)
        seed = project.seed_path(version)
        if seed.is_file():
            say(f"inserting seed rows ({seed.relative_to(project.root)})")
            load_sql(conn, read_text(seed))
        record_names(conn, project, steps)
        applied_ms = int((time.perf_counter() - started) * 1000)
        ledger.record_many(
            conn,
            project.settings["ledger_schema"],
            [
                dict(
                    name=step,
                    kind="snapshot",
                    version=project.version_of_step(step).name,
                    checksum=digest,
                    duration_ms=applied_ms if step == steps[-1] else 0,
                    note=f"installed from snapshots/{version.name}.sql",
                )
                for step in steps
            ],
        )
        verify_started = time.perf_counter()
        if verify:
            say(f"verifying against snapshot {version.name}")
            result = verify_connection(project, version, conn, near, shadow_url)
            if not result.in_sync:
                raise DriftAfterRun(version.name, result)
        verify_seconds = time.perf_counter() - verify_started
    return InstallResult(
        version=version.name,
        snapshot_hash=digest,
        steps=steps,
        seconds=time.perf_counter() - started,
        verify_seconds=verify_seconds,
    )


class DriftAfterRun(CheckFailed):
    """A run's result did not match its target; its transaction was rolled back (``outcome``
    says so, or what was done instead)."""

    def __init__(self, version: str, result: SchemaDiff,
                 outcome: str = "so nothing was committed") -> None:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in result.differences[:5])
        what = version if " " in version else f"snapshot {version}"
        super().__init__(
            f"the result does not match {what}, {outcome}: "
            f"{names or 'see the SQL below'}"
        )
        self.result = result


def require_known_version(project: Project, name: str | None) -> Version:
    """The version ``name`` (default: the latest), which must have models: what ``version X``,
    ``rollback X`` and ``verify --version X`` may target."""
    if name is None:
        return project.latest
    version = project.version(name)
    if project.models_path(version) is None:
        raise UsageError(f"version {name} has no models in schema/ yet, so no snapshot to go "
                         "to or compare with: `citrine-migrate migrate` applies its steps "
                         "(checked against a replay of them)")
    return version


# --- steps --------------------------------------------------------------------------------------


class StepFailed(CitrineError):
    """A step raised; its transaction was rolled back, so nothing of it remains."""

    def __init__(self, step: Step, direction: str, exc: BaseException) -> None:
        if isinstance(exc, sa.exc.StatementError):
            statement = " ".join(str(exc.statement or "").split())
            if len(statement) > 160:
                statement = statement[:157] + "..."
            detail = f"{db.first_line(exc)} [statement: {statement}]"
        else:
            detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        super().__init__(
            f"step {step.name} ({direction}) failed and was rolled back: {detail}"
        )


Check = Callable[[Connection], SchemaDiff]


def run_and_record(conn: Connection, project: Project, step: Step, direction: str,
                   say: Say = quiet, kind: str | None = None, batch: str | None = None,
                   note: str | None = None, resolutions: tuple[str, ...] = (),
                   lands_at: str | None = None, defer_online: bool = False) -> float:
    """One step's ``up`` or ``down`` on ``conn``, inside the caller's transaction, with its
    ``SequelizeMeta`` row (written for an up, removed for a down) and its ledger row (``kind``,
    default ``step`` up and ``reverted`` down): the one place every path (migrate, undo,
    rollback, custom batches, online steps) runs a step and records it. Returns its seconds."""
    started = time.perf_counter()
    run_direction(conn, project, step, direction, say, resolutions, defer_online)
    if direction == "up":
        record_names(conn, project, [step.name], lands_at)
    else:
        ledger.forget_sequelize(conn, step.name)
        if step.name == baseline(project):
            forget_empty_sequelize_meta(conn)
        record_names(conn, project, [])
    seconds = time.perf_counter() - started
    ledger.record(conn, project.settings["ledger_schema"], name=step.name,
                  kind=kind or ("step" if direction == "up" else "reverted"),
                  version=step.version, checksum=step.checksum,
                  duration_ms=int(seconds * 1000), batch=batch, note=note)
    return seconds


def apply_step(
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
    lock_timeout: str | None = None,
) -> float:
    """Run one step's ``up`` with its ledger rows in one transaction; ``check`` (the verifier)
    runs before COMMIT; ``resolutions`` (``--resolve``) the step offers run before its ``up``;
    ``lands_at``: the run's last step (see :func:`record_names`); ``lock_timeout``: this
    transaction's own (default: the run's). Returns the seconds it took. (A step that declares
    ``ONLINE`` operations runs through ``online_run.apply_online_step`` instead.)"""
    if conn.in_transaction():
        conn.commit()

    def attempt() -> float:
        started = time.perf_counter()
        with transaction(conn, project, f"step {step.name} (up)", say):
            if lock_timeout is not None:
                conn.execute(sa.text("SELECT set_config('lock_timeout', :v, true)"),
                             {"v": lock_timeout})
            run_and_record(conn, project, step, "up", say, kind=kind, batch=batch, note=note,
                           resolutions=resolutions, lands_at=lands_at)
            verify_before_commit(conn, check, label)
        return time.perf_counter() - started  # with the verification and the COMMIT

    return with_lock_retries(conn, project, f"step {step.name} (up)", attempt, say,
                             timeout=lock_timeout)


def revert_step(
    conn: Connection,
    project: Project,
    step: Step,
    say: Say = quiet,
    check: Check | None = None,
    label: str = "",
    batch: str | None = None,
    drop_baseline: bool = False,
) -> float:
    """Run one step's ``down`` and forget it (SequelizeMeta row removed, ledger says reverted),
    in one transaction, checked before COMMIT. The baseline only with ``drop_baseline``."""
    guard_baseline(project, [step], drop_baseline)
    if conn.in_transaction():
        conn.commit()

    def attempt() -> float:
        started = time.perf_counter()
        with transaction(conn, project, f"step {step.name} (down)", say):
            run_and_record(conn, project, step, "down", say, batch=batch)
            verify_before_commit(conn, check, label)
        return time.perf_counter() - started  # with the verification and the COMMIT

    return with_lock_retries(conn, project, f"step {step.name} (down)", attempt, say)


# --- pre-flight -----------------------------------------------------------------------------


class PreflightRefused(Refused):
    """A pre-flight of a step the run would apply found what would stop it: the run refused
    before any step ran (``findings``: what the report shows)."""

    def __init__(self, findings: list[Finding], offered: dict[str, tuple[str, str]]) -> None:
        steps = sorted({f.step for f in findings})
        could = sorted({f.resolution for f in findings if f.resolution})
        how = (f"; --resolve {' / '.join(could)} settles what it can (see the report)"
               if could else "")
        first = findings[0].summary
        more = f" (and {len(findings) - 1} more finding(s))" if len(findings) > 1 else ""
        super().__init__(
            f"the pre-flight of {', '.join(steps)} found what would stop the run, so nothing "
            f"ran: {first}{more}{how}")
        self.findings = findings
        self.offered = offered


def check_preflight(conn: Connection, project: Project, chosen: list[Step],
                    resolutions: tuple[str, ...] = ()) -> list[Finding]:
    """Before a run writes anything: the pre-flights of every step it would apply. Refuses
    (``PreflightRefused``) when a finding is not settled by a requested resolution; returns
    those that are (the run settles them)."""
    found = steps_mod.preflight(conn, project, chosen, resolutions)
    stopping = steps_mod.blocking(found, resolutions)
    if stopping:
        raise PreflightRefused(stopping, steps_mod.declared_resolutions(project))
    return found


# --- the baseline ---------------------------------------------------------------------------


class BaselineRefused(Refused):
    """Reverting the project's first step would drop the whole schema with its rows."""


def baseline_refusal(conn: Connection, project: Project, name: str, command: str) -> Refused:
    """Why reverting the baseline ``name`` is refused: what it would drop, and how to force it."""
    tables = conn.execute(sa.text(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(:s)"
        " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
        "                 AND d.objid = c.oid AND d.deptype = 'e')"),
        {"s": list(project.settings["managed_schemas"])}).scalars().all()
    holding = 0
    if tables:
        holding = int(conn.exec_driver_sql("SELECT " + " + ".join(
            f"(SELECT count(*) FROM (SELECT 1 FROM {t} LIMIT 1) x)" for t in tables
        )).scalar() or 0)
    conn.rollback()
    return BaselineRefused(
        f"{command} would revert {name}, the baseline: its down drops every table of the "
        f"schema ({len(tables)} table(s), {holding} of them holding rows) with all their rows, "
        "and nothing can be archived in their place; refused, nothing was changed. To drop "
        "the baseline anyway, pass --drop-baseline: a checked backup is taken first"
    )


def guard_baseline(project: Project, chosen: list[Step], drop_baseline: bool) -> None:
    """No down of the baseline without ``drop_baseline`` (the api takes the backup first)."""
    first = baseline(project)
    if not drop_baseline and any(s.name == first for s in chosen):
        raise BaselineRefused(f"reverting {first} (the baseline) drops the whole schema with "
                              "its rows: refused without --drop-baseline; nothing was changed")


def forget_empty_sequelize_meta(conn: Connection) -> None:
    """After the baseline is gone nothing is applied: an empty "SequelizeMeta" goes too, so the
    database is empty again (a fresh install, or `migrate`, accepts it; a leftover table would
    make it "not a CitrineOS database")."""
    if ledger.sequelize_meta_exists(conn) and not ledger.sequelize_names(conn):
        conn.exec_driver_sql(f'DROP TABLE public.{quote_ident(ledger.SEQUELIZE_META)}')


def run_direction(conn: Connection, project: Project, step: Step, direction: str, say: Say,
         resolutions: tuple[str, ...] = (), defer_online: bool = False) -> None:
    try:
        steps_mod.run_step_context(conn, project, step, direction, say=say,
                                   resolutions=resolutions, defer_online=defer_online)
    except CitrineError:
        raise
    except Exception as exc:
        raise StepFailed(step, direction, exc) from exc


def verify_before_commit(conn: Connection, check: Check | None, label: str) -> None:
    if check is None:
        return
    result = check(conn)
    if not result.in_sync:
        raise DriftAfterRun(label, result)


def adopt(
    conn: Connection,
    project: Project,
    chosen: list[Step],
    check: Check,
    label: str,
) -> None:
    """Record steps that CitrineOS's own runner applied (SequelizeMeta) in the ledger, after
    proving that the schema is what they produce."""
    with transaction(conn, project, f"the adoption of {len(chosen)} step(s) from SequelizeMeta"):
        result = check(conn)
        if not result.in_sync:
            raise AdoptionDrift(label, result)
        ledger.record_many(
            conn,
            project.settings["ledger_schema"],
            [
                dict(name=s.name, kind="adopted", version=s.version, checksum=s.checksum,
                     note="recorded in SequelizeMeta by another runner")
                for s in chosen
            ],
        )


class AdoptionDrift(CheckFailed):
    """SequelizeMeta says steps ran, but the schema is not what they produce."""

    def __init__(self, label: str, result: SchemaDiff) -> None:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in result.differences[:5])
        super().__init__(
            f"SequelizeMeta records {label}, but the schema differs from what those steps "
            f"produce, so nothing ran: {names or 'see the SQL below'}"
        )
        self.result = result


# --- consolidated migrations ----------------------------------------------------------------------


def run_consolidated(
    conn: Connection,
    project: Project,
    migration: Consolidated,
    checksum: str,
    check: Check,
    label: str,
    say: Say = quiet,
    resolutions: tuple[str, ...] = (),
    lands_at: str | None = None,
) -> float:
    """Run one consolidated migration in one transaction with its SequelizeMeta and ledger rows;
    ``check`` (the verifier against the target snapshot) runs before COMMIT. The resolutions
    asked for (``--resolve``) that the target version's steps offer run first, in the same
    transaction, as they would before those steps' ups. ``lands_at``: the last step of the
    run's target, so that hops of one run name steps as ``migrate`` to that target does."""
    return with_lock_retries(
        conn, project, f"consolidated migration {migration.source} -> {migration.target}",
        lambda: _consolidated_once(conn, project, migration, checksum, check, label, say,
                                   resolutions, lands_at), say)


def _consolidated_once(conn: Connection, project: Project, migration: Consolidated,
                       checksum: str, check: Check, label: str, say: Say,
                       resolutions: tuple[str, ...] = (),
                       lands_at: str | None = None) -> float:
    started = time.perf_counter()
    target = project.version(migration.target)
    with transaction(conn, project, f"consolidated migration {migration.source} -> "
                     f"{migration.target}", say):
        if resolutions:
            by_name = {s.name: s for s in steps_mod.all_steps(project)}
            for name in target.steps:
                steps_mod.resolve(conn, project, by_name[name], resolutions, say)
        try:
            execute_consolidated(conn, project, migration, say=say)
        except CitrineError:
            raise
        except sa.exc.DBAPIError as exc:
            statement = " ".join(str(exc.statement or "").split())[:160]
            raise CitrineError(
                f"consolidated migration {migration.source} -> {migration.target} failed and was "
                f"rolled back: {db.first_line(exc)} [statement: {statement}]"
            ) from exc
        record_names(conn, project, list(target.steps), lands_at)
        seconds = int((time.perf_counter() - started) * 1000)
        ledger.record_many(
            conn,
            project.settings["ledger_schema"],
            [
                dict(name=step, kind="consolidated", version=target.name, checksum=checksum,
                     duration_ms=seconds if step == target.steps[-1] else 0,
                     note=f"v{target.name}-consolidated.sql from {migration.source}")
                for step in target.steps
            ],
        )
        verify_before_commit(conn, check, label)
    return time.perf_counter() - started


def record_as_adopted(conn: Connection, project: Project, names: list[str],
                      write_sequelize: bool) -> None:
    """Ledger rows (and, if asked, SequelizeMeta rows) for steps whose effect the schema was
    just verified to have, though our ledger did not record them."""
    with transaction(conn, project, f"the ledger rows of {len(names)} step(s) the schema has"):
        if write_sequelize:
            record_names(conn, project, names)
        have = ledger.applied_steps(conn, project.settings["ledger_schema"])
        ledger.record_many(
            conn,
            project.settings["ledger_schema"],
            [dict(name=n, kind="adopted", version=project.version_of_step(n).name,
                  checksum=None, note="schema verified equal to its version's snapshot")
             for n in names if n not in have],
        )


def revert_steps(
    conn: Connection,
    project: Project,
    chosen: list[Step],
    check: Check,
    label: str,
    say: Say = quiet,
    batch: str | None = None,
    drop_baseline: bool = False,
) -> list[float]:
    """Run the downs of ``chosen`` (in the order given) in ONE transaction, each forgotten in
    SequelizeMeta and marked reverted in the ledger; ``check`` runs before COMMIT. The baseline
    only with ``drop_baseline``. Returns the seconds each down took, measured on its own (the
    final check is not in any of them)."""
    guard_baseline(project, chosen, drop_baseline)
    what = f"the downs of {len(chosen)} step(s)" if len(chosen) != 1 else \
        f"step {chosen[0].name} (down)"
    return with_lock_retries(
        conn, project, what,
        lambda: _revert_steps_once(conn, project, chosen, check, label, say, batch), say)


def _revert_steps_once(conn: Connection, project: Project, chosen: list[Step], check: Check,
                       label: str, say: Say, batch: str | None) -> list[float]:
    durations: list[float] = []
    what = (f"the downs of {len(chosen)} step(s), {chosen[0].name} to {chosen[-1].name}, in "
            "one transaction" if len(chosen) > 1 else f"step {chosen[0].name} (down)")
    with transaction(conn, project, what, say):
        for step in chosen:
            say(f"down {step.name}")
            durations.append(run_and_record(conn, project, step, "down", say, batch=batch))
        verify_before_commit(conn, check, label)
    return durations
