"""Custom batches: chosen steps by reference (and optional hand-written SQL), their files, the
shadow replay that checks them before the live database is touched, and the one transaction
that applies or rolls back a batch.

A batch is two files in ``versions/custom/``:

- ``<name>-metadata.json``, in the spec's format (``batchName``, ``description``, ``createdAt``,
  ``migrations`` with ``filename``, ``description``, ``timestamp``) plus ``checksums``: the
  sha256 of each step file when the batch was made, so that a step edited since is noticed;
- ``<name>-consolidated.py``, what the engine runs: ``STEPS``, the steps by reference (name,
  version, checksum; never copies), and ``UP`` / ``DOWN``, hand-written SQL (empty unless the
  batch is a template made with ``select --template``). It is Python syntax but data: it is
  read with ``ast.literal_eval``, never imported, so listing a batch runs nothing.

Steps that a batch applies are recorded as usual in ``SequelizeMeta`` (step names only) and in
the ledger with kind ``batch`` and the batch's name; reverting them records kind ``reverted``
with the batch's name. A batch's SQL, which is no step, is recorded in the ledger schema's own
table ``batch_sql``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import db, diff, ledger, runner, verify
from .errors import CitrineError, Refused, UsageError
from .progress import Say, quiet
from .project import Project
from .sqltext import qualified, quote_ident, strip_comments
from .steps import STEP_NAME, Step, all_steps, is_former_form, run_step

CUSTOM_DIR = "custom"
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
MAX_NAME = 100
MAX_DESCRIPTION = 500
METADATA_SUFFIX = "-metadata.json"
BATCH_SUFFIX = "-consolidated.py"
SQL_TABLE = "batch_sql"

Check = Callable[[Connection], None]


# --- names, descriptions, paths -----------------------------------------------------------------


def check_name(name: str) -> str:
    """A batch name becomes part of two file names and of shell commands we print, so it is kept
    to lower-case letters, digits, ``-``, ``_`` and ``.``."""
    if not name:
        raise UsageError("a batch name is required")
    if len(name) > MAX_NAME:
        raise UsageError(f"a batch name has at most {MAX_NAME} characters (this one has "
                         f"{len(name)})")
    if not NAME_PATTERN.fullmatch(name):
        shown = "".join(c if c.isprintable() else "?" for c in name)[:60]
        raise UsageError(
            f"{shown!r} is not a batch name: use lower-case letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (e.g. hotfix-auth, custom-v1.8.0)"
        )
    return name


def check_description(text: str) -> str:
    """One line of printable text: it is shown by ``custom`` and ``custom:list``."""
    text = text.strip()
    if not text:
        raise UsageError("a batch description is required (one line that says what it is for)")
    if len(text) > MAX_DESCRIPTION:
        raise UsageError(f"a batch description has at most {MAX_DESCRIPTION} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text):
        raise UsageError("a batch description is one line of text without control characters")
    return text


def custom_dir(project: Project) -> Path:
    return project.versions_dir / CUSTOM_DIR


def metadata_path(project: Project, name: str) -> Path:
    return custom_dir(project) / f"{name}{METADATA_SUFFIX}"


def batch_path(project: Project, name: str) -> Path:
    return custom_dir(project) / f"{name}{BATCH_SUFFIX}"


def exists(project: Project, name: str) -> bool:
    return metadata_path(project, name).exists() or batch_path(project, name).exists()


def names(project: Project) -> list[str]:
    """Batches whose metadata file is in ``versions/custom/``."""
    folder = custom_dir(project)
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(METADATA_SUFFIX)] for p in folder.glob(f"*{METADATA_SUFFIX}"))


def _rel(project: Project, path: Path) -> str:
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


def created_now() -> str:
    """ISO-8601 UTC with milliseconds and Z, as the spec's ``createdAt``."""
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def sql_checksum(sql: str) -> str:
    return hashlib.sha256(sql.replace("\r\n", "\n").encode()).hexdigest()


def sql_is_empty(sql: str) -> bool:
    """Only whitespace and comments (what a fresh template holds)."""
    return not strip_comments(sql).strip()


# --- the batch ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    name: str
    description: str
    created_at: str
    steps: tuple[Step, ...]  # timestamp order
    up_sql: str = ""
    down_sql: str = ""

    @property
    def has_up(self) -> bool:
        return not sql_is_empty(self.up_sql)

    @property
    def has_down(self) -> bool:
        return not sql_is_empty(self.down_sql)

    @property
    def is_template(self) -> bool:
        return not self.steps

    @property
    def is_empty(self) -> bool:
        return not self.steps and not self.has_up

    @property
    def filenames(self) -> list[str]:
        return [step.path.name for step in self.steps]


def write(
    project: Project,
    name: str,
    description: str,
    chosen: list[Step],
    force: bool = False,
    created_at: str | None = None,
) -> Batch:
    """Write a batch's two files (``chosen`` empty: a template for hand-written SQL). An
    existing batch of the same name is replaced only with ``force``."""
    name = check_name(name)
    description = check_description(description)
    meta_file, py_file = metadata_path(project, name), batch_path(project, name)
    if not force and (meta_file.exists() or py_file.exists()):
        found = meta_file if meta_file.exists() else py_file
        raise Refused(
            f"a batch named {name} exists already ({_rel(project, found)}): choose another "
            "name, or pass --force to replace it"
        )
    ordered = sorted(chosen, key=lambda s: s.name)
    created = created_at or created_now()
    metadata = {
        "batchName": name,
        "description": description,
        "createdAt": created,
        "migrations": [
            {"filename": s.path.name, "description": s.description, "timestamp": s.timestamp}
            for s in ordered
        ],
        "checksums": {s.path.name: s.checksum for s in ordered},
    }
    custom_dir(project).mkdir(parents=True, exist_ok=True)
    _write_atomically(py_file, render_batch_file(name, created, ordered))
    _write_atomically(meta_file, json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
    return load(project, name)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


_TEMPLATE_UP = """
-- The SQL of this batch: run after its steps (if any), in the same transaction. For data
-- changes: the run verifies that the schema stays what the steps make it, because schema
-- changes belong in a step under versions/<version>/.
"""
_TEMPLATE_DOWN = """
-- The SQL that undoes UP: `citrine-migrate custom:rollback` runs it (before reverting the steps).
"""


def render_batch_file(name: str, created: str, ordered: list[Step]) -> str:
    """The ``<name>-consolidated.py`` that the engine runs (ruff-clean, lines under 100)."""
    if ordered:
        what = (f"It runs the {len(ordered)} step(s) in STEPS by reference: each step's own "
                "file, checked\nagainst the checksum it had when the batch was made.")
        up, down = "\n", "\n"
        steps_text = "STEPS = [\n" + "".join(
            f'    (\n        "{s.name}",\n        "{s.version}",\n        "{s.checksum}",\n    ),\n'
            for s in ordered
        ) + "]\n"
    else:
        what = ("A template for hand-written SQL: write UP (and DOWN, which rollback runs) "
                "below;\nrunning it while UP is still empty is refused.")
        up, down = _TEMPLATE_UP, _TEMPLATE_DOWN
        steps_text = "STEPS: list[tuple[str, str, str]] = []\n"
    return f'''"""Custom batch, generated by `citrine-migrate select` at {created}.

{what}

`custom` replays the batch on a shadow copy of the schema, then applies the steps not yet
applied (and UP) in one transaction and verifies the result; `custom:rollback` reverts them
(DOWN first, then the steps in reverse order). The description and the spec's metadata are in
{name}{METADATA_SUFFIX}.

Run:       citrine-migrate custom {name}
Roll back: citrine-migrate custom:rollback {name}
"""

BATCH = "{name}"

# (step, version, sha256 of versions/<version>/<step>.py when the batch was made), in
# timestamp order.
{steps_text}
# Hand-written SQL: UP runs after the steps, DOWN before reverting them, each in the batch's
# transaction.
UP = r"""{up}"""

DOWN = r"""{down}"""
'''


def load(project: Project, name: str, check_files: bool = True) -> Batch:
    """Read and validate both files of a batch; with ``check_files``, also that every step file
    still has the checksum the batch recorded."""
    name = check_name(name)
    meta_file, py_file = metadata_path(project, name), batch_path(project, name)
    if not meta_file.is_file():
        known = names(project)
        hint = f" (known: {', '.join(known)})" if known else " (there are none yet: "\
            "`citrine-migrate select` makes one)"
        raise UsageError(f"no custom batch named {name}: {_rel(project, meta_file)} is "
                         f"missing{hint}")
    if not py_file.is_file():
        raise UsageError(f"custom batch {name} has no {_rel(project, py_file)}: recreate it "
                         "with `citrine-migrate select --force`")
    metadata = read_metadata(meta_file, name, _rel(project, meta_file))
    values = read_batch_file(py_file, _rel(project, py_file))
    listed = _batch_values(values, name, _rel(project, py_file))
    up = values.get("UP", "")
    down = values.get("DOWN", "")
    _agree(metadata, listed, _rel(project, meta_file), _rel(project, py_file))
    by_name = {s.name: s for s in all_steps(project)}
    chosen: list[Step] = []
    for step_name, _version, recorded in listed:
        step = by_name.get(step_name)
        if step is None:
            raise UsageError(
                f"custom batch {name} names {step_name}.py, which this project does not have "
                "(migration-config.json lists no such step)"
            )
        if check_files and not is_former_form(step, recorded):
            raise Refused(
                f"{_rel(project, step.path)} changed since custom batch {name} was created "
                f"(sha256 {step.checksum[:12]}, the batch recorded {recorded[:12]}): restore the "
                "file, or recreate the batch with `citrine-migrate select --force`; nothing ran"
            )
        chosen.append(step)
    return Batch(
        name=name,
        description=metadata["description"],
        created_at=metadata["createdAt"],
        steps=tuple(sorted(chosen, key=lambda s: s.name)),
        up_sql=up,
        down_sql=down,
    )


def read_metadata(path: Path, name: str, shown: str) -> dict[str, Any]:
    """The metadata file, validated; any problem is one line naming the file and the field."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{shown}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{shown}: not valid JSON (truncated or edited?) at line {exc.lineno}, column "
            f"{exc.colno}: {exc.msg}"
        ) from None
    problem = _metadata_problem(data, name)
    if problem:
        raise UsageError(f"{shown}: {problem}")
    return data


def _metadata_problem(data: Any, name: str) -> str | None:
    if not isinstance(data, dict):
        return "the top level must be a JSON object"
    for key in ("batchName", "description", "createdAt", "migrations", "checksums"):
        if key not in data:
            return f"$.{key} is missing"
    if data["batchName"] != name:
        return f"$.batchName is {data['batchName']!r}, but the file is named for {name!r}"
    if not isinstance(data["description"], str):
        return "$.description must be a string"
    created = data["createdAt"]
    if not isinstance(created, str) or not _is_timestamp(created):
        return "$.createdAt must be an ISO-8601 time such as 2025-07-25T10:30:00.000Z"
    migrations, checksums = data["migrations"], data["checksums"]
    if not isinstance(migrations, list):
        return "$.migrations must be a list"
    if not isinstance(checksums, dict):
        return "$.checksums must be an object (step file name -> sha256)"
    seen: set[str] = set()
    for index, entry in enumerate(migrations):
        where = f"$.migrations[{index}]"
        if not isinstance(entry, dict):
            return f"{where} must be an object"
        for key in ("filename", "description", "timestamp"):
            if not isinstance(entry.get(key), str):
                return f"{where}.{key} is missing or not a string"
        filename = entry["filename"]
        if not filename.endswith(".py") or not STEP_NAME.fullmatch(filename[:-3]):
            return f"{where}.filename {filename!r} is not a step file name"
        if entry["timestamp"] != filename[:14]:
            return f"{where}.timestamp {entry['timestamp']!r} does not match {filename}"
        if filename in seen:
            return f"{where}.filename {filename} is listed twice"
        seen.add(filename)
        if not re.fullmatch(r"[0-9a-f]{64}", str(checksums.get(filename, ""))):
            return f"$.checksums has no sha256 for {filename}"
    extra = sorted(set(checksums) - seen)
    if extra:
        return f"$.checksums names {extra[0]}, which $.migrations does not list"
    return None


def _is_timestamp(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


BATCH_NAMES = ("BATCH", "STEPS", "UP", "DOWN")


def read_batch_file(path: Path, shown: str) -> dict[str, Any]:
    """The values a ``<name>-consolidated.py`` assigns, read from its syntax tree with
    ``ast.literal_eval``: a batch file is data, and listing, reporting or validating batches
    must never run code from it (only the steps it names run, when the batch is run). Anything
    but a docstring and literal assignments of BATCH, STEPS, UP and DOWN is refused."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=shown)
    except UnicodeDecodeError:
        raise UsageError(f"{shown}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror}") from None
    except SyntaxError as exc:
        raise UsageError(f"{shown}: syntax error at line {exc.lineno}: {exc.msg}") from None
    values: dict[str, Any] = {}
    for index, node in enumerate(tree.body):
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            continue  # the docstring
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target = node.target
        if not isinstance(target, ast.Name) or target.id not in BATCH_NAMES:
            raise UsageError(
                f"{shown}, line {node.lineno}: a batch file holds only its docstring and "
                f"{', '.join(BATCH_NAMES)} as literal values (it is read, never run); recreate "
                "it with `citrine-migrate select --force`"
            )
        assert node.value is not None
        try:
            values[target.id] = ast.literal_eval(node.value)
        except ValueError:
            raise UsageError(f"{shown}, line {node.lineno}: {target.id} must be a literal value "
                             "(the file is read, never run)") from None
    return values


def _batch_values(values: dict[str, Any], name: str, shown: str) -> list[tuple[str, str, str]]:
    if values.get("BATCH") != name:
        raise UsageError(f"{shown}: BATCH must be {name!r}")
    listed = values.get("STEPS")
    if not isinstance(listed, list | tuple) or not all(
        isinstance(item, tuple) and len(item) == 3 and all(isinstance(x, str) for x in item)
        for item in listed
    ):
        raise UsageError(f"{shown}: STEPS must be a list of (step, version, checksum) tuples")
    for attr in ("UP", "DOWN"):
        if not isinstance(values.get(attr, ""), str):
            raise UsageError(f"{shown}: {attr} must be a string of SQL")
    return [(a, b, c) for a, b, c in listed]


def _agree(metadata: dict[str, Any], listed: list[tuple[str, str, str]], meta_shown: str,
           py_shown: str) -> None:
    """The two files were written together; one edited without the other is refused."""
    from_meta = [(m["filename"][:-3], metadata["checksums"][m["filename"]])
                 for m in metadata["migrations"]]
    from_py = [(step, checksum) for step, _version, checksum in listed]
    if sorted(from_meta) != sorted(from_py):
        raise UsageError(
            f"{py_shown} and {meta_shown} list different steps or checksums: recreate the batch "
            "with `citrine-migrate select --force`"
        )


# --- what a database holds of a batch ------------------------------------------------------------




def ensure_sql_table(conn: Connection, schema: str) -> None:
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(schema)}")
    conn.exec_driver_sql(
        f"""
        CREATE TABLE IF NOT EXISTS {qualified(schema, SQL_TABLE)} (
            id          bigserial PRIMARY KEY,
            batch       text NOT NULL,
            direction   text NOT NULL CHECK (direction IN ('up', 'down')),
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
            duration_ms integer NOT NULL DEFAULT 0,
            applied_by  text NOT NULL
        )
        """
    )


def sql_applied(conn: Connection, schema: str) -> set[str]:
    """Batches whose UP SQL ran and was not rolled back since."""
    found = conn.execute(
        sa.text("SELECT to_regclass(:name) IS NOT NULL"),
        {"name": f"{qualified(schema, SQL_TABLE)}"},
    ).scalar()
    if not found:
        return set()
    rows = conn.exec_driver_sql(
        f"SELECT DISTINCT ON (batch) batch, direction FROM {qualified(schema, SQL_TABLE)} "
        "ORDER BY batch, id DESC"
    )
    return {batch for batch, direction in rows if direction == "up"}


def _record_sql(conn: Connection, schema: str, batch: str, direction: str, sql: str,
                duration_ms: int) -> None:
    ensure_sql_table(conn, schema)
    conn.execute(
        sa.text(
            f"INSERT INTO {qualified(schema, SQL_TABLE)} "
            "(batch, direction, checksum, duration_ms, applied_by) "
            "VALUES (:b, :d, :c, :ms, :who)"
        ),
        {"b": batch, "d": direction, "c": sql_checksum(sql), "ms": duration_ms,
         "who": ledger.who()},
    )


@dataclass
class BatchState:
    """A batch on one database: which of its steps are applied (by anything), which by it."""

    applied: list[str]
    by_batch: list[str]
    sql_applied: bool

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def applied_by(conn: Connection, project: Project, batch_name: str) -> list[str]:
    """Steps that the ledger says this batch applied and that are still applied, in timestamp
    order."""
    entries = ledger.applied_steps(conn, project.settings["ledger_schema"])
    return sorted(n for n, e in entries.items() if e.kind == "batch" and e.batch == batch_name)


def state(conn: Connection, project: Project, batch: Batch) -> BatchState:
    schema = project.settings["ledger_schema"]
    entries = ledger.applied_steps(conn, schema)
    meta = {ledger.base_name(n) for n in ledger.sequelize_names(conn)}
    names_ = [s.name for s in batch.steps]
    return BatchState(
        applied=[n for n in names_ if n in entries or n in meta],
        by_batch=[n for n in names_ if n in entries and entries[n].kind == "batch"
                  and entries[n].batch == batch.name],
        sql_applied=batch.name in sql_applied(conn, schema),
    )


# --- shadow replays -------------------------------------------------------------------------------


class ReplayFailed(Refused):
    """A step failed on the shadow database, so the live database was not touched."""


class SqlChangesSchema(Refused):
    """A batch's hand-written SQL changes the managed schema, which no step describes."""


def _detail(exc: BaseException) -> str:
    if isinstance(exc, CitrineError):
        return str(exc)
    if isinstance(exc, sa.exc.DBAPIError) or type(exc).__module__.startswith("psycopg"):
        return db.first_line(exc)
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _replay(conn: Connection, project: Project, step: Step, fail: Callable[[str], str]) -> None:
    try:
        run_step(conn, project, step, "up", say=quiet)
    except Exception as exc:
        raise ReplayFailed(fail(_detail(exc))) from exc


def replay_target(project: Project, batch: Batch, applied: list[Step], todo: list[Step],
                  with_sql: bool) -> verify.Target:
    """What the database becomes: the applied steps, then the batch's not-yet-applied steps
    (then its UP SQL), replayed in a shadow database. A step that fails there is named."""
    source = "\n".join([
        "custom-batch-replay 1",
        *(f"applied {s.name} {s.checksum}" for s in applied),
        *(f"batch {s.name} {s.checksum}" for s in todo),
        f"sql {sql_checksum(batch.up_sql) if with_sql else '-'}",
    ])

    def build(conn: Connection) -> None:
        for step in applied:
            _replay(conn, project, step, lambda why, s=step: (
                f"replaying the applied step {s.name} on a shadow database failed: {why}; "
                "nothing ran on the live database"))
        for step in todo:
            _replay(conn, project, step, lambda why, s=step: (
                f"custom batch {batch.name}: step {s.name} fails on a shadow copy of this "
                f"database's schema (its applied steps, then the batch's): {why}. It needs a "
                "step that is neither applied nor in the batch; nothing ran on the live database"
            ))
        if with_sql:
            scope = verify.scope_of(project)
            before = diff.inspect(conn, scope)
            try:
                db.run_script(conn, batch.up_sql)
            except Exception as exc:
                raise ReplayFailed(
                    f"custom batch {batch.name}: its UP SQL fails on a shadow copy of this "
                    f"database's schema: {_detail(exc)}; nothing ran on the live database"
                ) from exc
            changed = diff.compare(diff.inspect(conn, scope), before)
            if not changed.in_sync:
                what = ", ".join(f"{d.kind} {d.name} ({d.change})"
                                 for d in changed.differences[:5]) or "see `verify`"
                raise SqlChangesSchema(
                    f"custom batch {batch.name}: its UP SQL changes the schema ({what}); the "
                    "SQL of a batch is for data, schema changes belong in a step under "
                    "versions/<version>/ (the verifier would report them as drift); nothing "
                    "ran on the live database"
                )

    return verify.Target(f"the shadow replay of custom batch {batch.name}", source, build)


def remaining_target(project: Project, remaining: list[str], batch_name: str) -> verify.Target:
    """What the database is without the batch: the remaining applied steps replayed (shared
    with ``verify.steps_target``, so its cache too). A step that cannot stand without the
    batch's steps is named."""
    target = verify.steps_target(project, remaining,
                                 f"the schema before custom batch {batch_name}")
    if not remaining or any(project.steps_up_to(v) == sorted(remaining)
                            for v in project.modelled_versions):
        return target  # empty, or a version's snapshot: nothing to replay
    by_name = {s.name: s for s in all_steps(project)}
    chosen = [by_name[n] for n in sorted(remaining)]

    def build(conn: Connection) -> None:
        for step in chosen:
            _replay(conn, project, step, lambda why, s=step: (
                f"rolling back custom batch {batch_name} would leave step {s.name} without "
                f"what it needs: replayed on a shadow database without the batch's steps it "
                f"fails: {why}. Roll back what was applied on top of the batch first; nothing "
                "was rolled back"))

    return replace(target, build=build)


def matches(project: Project, expected: Any, label: str) -> Check:
    """A check for before COMMIT: the live schema equals ``expected`` (an inspection)."""
    scope = verify.scope_of(project)

    def check(conn: Connection) -> None:
        result = diff.compare(diff.inspect(conn, scope), expected)
        if not result.in_sync:
            raise runner.DriftAfterRun(label, result)

    return check


def empty_target(project: Project) -> verify.Target:
    """The schema of a database on which no step ran."""
    return verify.steps_target(project, [], "an empty schema")


def only_extensions(result: diff.SchemaDiff) -> bool:
    """Is the live side an empty schema, but for extensions (the baseline's down leaves PostGIS
    installed, and many servers have it installed before any migration)?"""
    return result.in_sync or (
        bool(result.differences)
        and all(d.kind == "extension" and d.change == "unexpected" for d in result.differences)
    )


def empty_check(project: Project, expected: Any, label: str) -> Check:
    """A check for before COMMIT when nothing remains applied: the managed schemas are empty
    but for extensions."""
    scope = verify.scope_of(project)

    def check(conn: Connection) -> None:
        result = diff.compare(diff.inspect(conn, scope), expected)
        if not only_extensions(result):
            raise runner.DriftAfterRun(label, result)

    return check


# --- one transaction ------------------------------------------------------------------------------


@dataclass
class StepRun:
    name: str
    direction: str
    seconds: float



def _run_sql(conn: Connection, batch: Batch, which: str, sql: str) -> None:
    try:
        db.run_script(conn, sql)
    except Exception as exc:
        raise CitrineError(
            f"the {which} SQL of custom batch {batch.name} failed and everything of the batch "
            f"was rolled back: {_detail(exc)}"
        ) from exc


def apply(
    conn: Connection,
    project: Project,
    batch: Batch,
    todo: list[Step],
    with_sql: bool,
    check: Check,
    say: Say = quiet,
    resolutions: tuple[str, ...] = (),
) -> tuple[list[StepRun], float | None]:
    """Run ``up`` of ``todo`` (in timestamp order) and then the batch's UP SQL in ONE
    transaction, each step recorded in SequelizeMeta and in the ledger (kind ``batch``);
    ``check`` runs before COMMIT. Returns the step runs and the SQL's seconds (None: no SQL)."""
    schema = project.settings["ledger_schema"]
    runs: list[StepRun] = []
    sql_seconds: float | None = None
    with runner.transaction(conn, project, f"custom batch {batch.name}, in one transaction",
                            say):
        lands_at = max(s.name for s in todo) if todo else None
        for step in sorted(todo, key=lambda s: s.name):
            say(f"up {step.name}")
            seconds = runner.run_and_record(conn, project, step, "up", say, kind="batch",
                                            batch=batch.name, resolutions=resolutions,
                                            lands_at=lands_at)
            runs.append(StepRun(step.name, "up", seconds))
        if with_sql:
            started = time.perf_counter()
            say(f"UP SQL of {batch.name}")
            _run_sql(conn, batch, "UP", batch.up_sql)
            sql_seconds = time.perf_counter() - started
            _record_sql(conn, schema, batch.name, "up", batch.up_sql, int(sql_seconds * 1000))
        say("verifying the result against the shadow replay")
        check(conn)
    return runs, sql_seconds


def revert(
    conn: Connection,
    project: Project,
    batch: Batch | None,
    batch_name: str,
    chosen: list[Step],
    with_sql: bool,
    check: Check,
    say: Say = quiet,
    drop_baseline: bool = False,
) -> tuple[list[StepRun], float | None]:
    """Run the batch's DOWN SQL, then ``down`` of ``chosen`` in reverse timestamp order, in ONE
    transaction; each step leaves SequelizeMeta and is recorded as reverted by the batch;
    ``check`` runs before COMMIT. The baseline only with ``drop_baseline``."""
    runner.guard_baseline(project, chosen, drop_baseline)
    schema = project.settings["ledger_schema"]
    runs: list[StepRun] = []
    sql_seconds: float | None = None
    with runner.transaction(conn, project, f"the rollback of custom batch {batch_name}, in one "
                            "transaction", say):
        if with_sql:
            assert batch is not None
            started = time.perf_counter()
            say(f"DOWN SQL of {batch_name}")
            _run_sql(conn, batch, "DOWN", batch.down_sql)
            sql_seconds = time.perf_counter() - started
            _record_sql(conn, schema, batch_name, "down", batch.down_sql,
                        int(sql_seconds * 1000))
        for step in sorted(chosen, key=lambda s: s.name, reverse=True):
            say(f"down {step.name}")
            seconds = runner.run_and_record(conn, project, step, "down", say, batch=batch_name)
            runs.append(StepRun(step.name, "down", seconds))
        say("verifying the schema is what it was before the batch")
        check(conn)
    return runs, sql_seconds
