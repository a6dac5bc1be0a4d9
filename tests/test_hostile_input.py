"""Hostile input (issue 8, item 5): every writing command, given malformed or truncated JSON,
unknown versions, batch names with path separators or shell characters, unreachable or wrong
database URLs, or a database that is not CitrineOS at all, answers with one ``error:`` line and
exit 2 (1 only where the README says a check found a problem), prints no traceback and no
password, and leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db
from citrine_state.errors import CitrineError

from .support.cli import Run, citrine

WRITING = {
    "migrate": ("migrate",),
    "consolidated": ("consolidated",),
    "version": ("version", "1.8.0"),
    "rollback": ("rollback", "1.7.0"),
    "undo": ("undo",),
    "custom": ("custom", "x"),
    "custom-rollback": ("custom:rollback", "x"),
    "select": ("select", "--select", "1", "--name", "n", "--description", "d", "--yes"),
    "backup": ("backup",),
}
# Commands that talk to a database (select only writes files into the project).
DATABASE_COMMANDS = [name for name in WRITING if name != "select"]


# --- the database before and after ----------------------------------------------------------


def fingerprint(url: URL) -> tuple[list[str], dict[str, str]]:
    """Every table outside the catalogs, and an md5 of each public table's rows: what a command
    that "changes nothing" must leave equal."""
    with db.connect(url) as conn:
        tables = sorted(
            f"{schema}.{name}" for schema, name in conn.exec_driver_sql(
                "SELECT schemaname, tablename FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
        )
        digests = {}
        for name in (t.split(".", 1)[1] for t in tables if t.startswith("public.")):
            quoted = db.quote_ident(name)
            digests[name] = conn.exec_driver_sql(
                f"SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) "
                f"FROM public.{quoted} r"
            ).scalar()
    return tables, digests


def make_foreign(url: URL) -> None:
    """A database of some other application: one table ``invoices`` with a row."""
    with db.connect(url) as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)")
        conn.exec_driver_sql("INSERT INTO invoices VALUES (1, 9.50)")
        conn.commit()


# --- the project's hostile files ------------------------------------------------------------


def truncate(path: Path) -> None:
    """Cut a file in the middle, as an interrupted copy or editor would."""
    text = path.read_text()
    path.write_text(text[: len(text) // 2])


def make_batch(project: Path, name: str = "x") -> None:
    """A batch ``name`` of step 1, written the way operators make them."""
    run = citrine("select", "--select", "1", "--name", name, "--description", "d", "--yes",
                  project=project)
    assert run.code == 0, run.text
    assert (project / "versions" / "custom" / f"{name}-metadata.json").is_file()


def truncated_metadata(project: Path) -> None:
    make_batch(project)
    truncate(project / "versions" / "custom" / "x-metadata.json")


def truncated_metadata_alone(project: Path) -> None:
    """Truncated metadata with no ``-consolidated.py`` next to it."""
    truncated_metadata(project)
    (project / "versions" / "custom" / "x-consolidated.py").unlink()


def malformed_config(project: Path) -> None:
    truncate(project / "migration-config.json")


# --- the cases ------------------------------------------------------------------------------


@dataclass
class Case:
    """One hostile input for one command, with the exit code and error text it must give."""

    args: tuple[str, ...]
    says: str
    code: int = 2
    prepare: Callable[[Path], None] | None = None
    url: str = "fresh"  # fresh | foreign | unreachable | wrong-password
    marks: list = field(default_factory=list)


UNREACHABLE = "postgresql://u:secret-pw@127.0.0.1:1/x"
WRONG_PASSWORD = "wrong-secret-pw"

CASES: dict[str, Case] = {}
for _name in WRITING:
    CASES[f"malformed-config-{_name}"] = Case(
        WRITING[_name], "migration-config.json: not valid JSON", prepare=malformed_config)
for _name in DATABASE_COMMANDS:
    CASES[f"unreachable-{_name}"] = Case(
        WRITING[_name], "cannot connect to postgresql://u:***@127.0.0.1:1/x", url="unreachable",
        prepare=make_batch if _name.startswith("custom") else None)
    CASES[f"wrong-password-{_name}"] = Case(
        WRITING[_name], "cannot connect", url="wrong-password",
        prepare=make_batch if _name.startswith("custom") else None)
# Without its -consolidated.py the batch is refused for the missing file, named: also one line.
for _name, _prepare, _says in (
    ("truncated-metadata", truncated_metadata, "x-metadata.json: not valid JSON"),
    ("truncated-metadata-alone", truncated_metadata_alone, "x-consolidated.py"),
):
    CASES[f"{_name}-custom"] = Case(("custom", "x"), _says, prepare=_prepare)
    CASES[f"{_name}-custom-rollback"] = Case(("custom:rollback", "x"), _says, prepare=_prepare)
CASES.update({
    "unknown-version-version": Case(("version", "9.9.9"), "unknown version '9.9.9'"),
    "unknown-version-rollback": Case(("rollback", "9.9.9"), "unknown version '9.9.9'"),
    "name-dotdot-custom": Case(("custom", "../etc"), "'../etc' is not a batch name"),
    "name-dotdot-custom-rollback": Case(("custom:rollback", "../etc"),
                                        "'../etc' is not a batch name"),
    "name-shell-custom": Case(("custom", "a;rm -rf /"), "'a;rm -rf /' is not a batch name"),
    "name-shell-custom-rollback": Case(("custom:rollback", "a;rm -rf /"),
                                       "'a;rm -rf /' is not a batch name"),
    "name-slash-select": Case(
        ("select", "--select", "1", "--name", "a/b", "--description", "d", "--yes"),
        "'a/b' is not a batch name"),
    "name-shell-select": Case(
        ("select", "--select", "1", "--name", "$(touch pwned)", "--description", "d", "--yes"),
        "is not a batch name"),
    # A database of another application: a refusal, exit 2, nothing touched.
    "foreign-migrate": Case(WRITING["migrate"], "not a CitrineOS database", url="foreign"),
    "foreign-consolidated": Case(WRITING["consolidated"], "not a CitrineOS database",
                                 url="foreign"),
    "foreign-version": Case(WRITING["version"], "not a CitrineOS database", url="foreign"),
    # Nothing of 1.7.0 is applied here: rollback refuses before it touches anything.
    "foreign-rollback": Case(WRITING["rollback"], "does not have every step of 1.7.0 applied",
                             url="foreign"),
    "foreign-undo": Case(WRITING["undo"], "no step has been applied", url="foreign"),
    # Exit 1, not 2: custom first checks that a database with no recorded steps is empty, and the
    # README's convention for custom is "1 drift (before or after)"; this is that check finding
    # a problem (the unexpected invoices table), and the message says `status` tells what it is.
    "foreign-custom": Case(WRITING["custom"], "the database is not empty", code=1,
                           url="foreign", prepare=make_batch),
    "foreign-custom-rollback": Case(WRITING["custom-rollback"], "nothing to roll back",
                                    url="foreign", prepare=make_batch),
})


def _password_reaches_server(url: URL) -> bool:
    """Whether the server checks passwords: a trust server lets a wrong password in."""
    try:
        with db.connect(url) as conn:
            conn.exec_driver_sql("SELECT 1")
    except CitrineError:
        return True
    return False


def assert_one_clean_error(run: Run, case: Case, secrets: list[str]) -> None:
    """Exit code, exactly one ``error:`` line and it is the last, no traceback, no password."""
    assert run.code == case.code, run.text
    assert "Traceback" not in run.text
    for secret in secrets:
        assert secret not in run.text, f"password {secret!r} shown:\n{run.text}"
    lines = [line for line in run.err.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    assert len(errors) == 1, run.err
    assert lines[-1] == errors[0] and errors[0].startswith("error: "), run.err
    assert case.says in errors[0], run.err
    # What precedes the error is progress or the drift it found, never a second failure.
    for line in lines[:-1]:
        assert not line.lstrip().lower().startswith(("error", "exception", "warning: error")), line
    assert not any(line.lower().startswith("error") for line in run.out.splitlines()), run.out


@pytest.mark.parametrize(
    "name", [pytest.param(name, id=name, marks=case.marks) for name, case in CASES.items()]
)
def test_writing_command_refuses_hostile_input_with_one_line_and_changes_nothing(
    name: str, project: Path, database: URL
) -> None:
    case = CASES[name]
    if case.prepare is not None:
        case.prepare(project)
    if case.url == "foreign":
        make_foreign(database)
    target: object = database
    secrets: list[str] = [p for p in (database.password,) if p]
    if case.url == "unreachable":
        target = UNREACHABLE
        secrets.append("secret-pw")
    elif case.url == "wrong-password":
        target = database.set(password=WRONG_PASSWORD)
        if not _password_reaches_server(target):
            pytest.skip("the test server lets a wrong password in (trust authentication), so "
                        "there is no authentication failure to provoke")
        secrets.append(WRONG_PASSWORD)
    files_before = sorted(p.relative_to(project) for p in project.rglob("*")
                          if ".citrine" not in p.parts and "__pycache__" not in p.parts)
    before = fingerprint(database)

    run = citrine(*case.args, project=project, url=target, timeout=600)

    assert_one_clean_error(run, case, secrets)
    assert fingerprint(database) == before, "the database changed"
    files_after = sorted(p.relative_to(project) for p in project.rglob("*")
                         if ".citrine" not in p.parts and "__pycache__" not in p.parts)
    assert files_after == files_before, "the project folder changed"
    assert not (project.parent / "etc").exists()
    assert not Path("pwned").exists() and not (project / "pwned").exists()


def test_status_describes_a_database_that_is_not_citrineos(project: Path, database: URL) -> None:
    make_foreign(database)
    before = fingerprint(database)
    run = citrine("status", project=project, url=database)
    assert run.code == 0, run.text
    assert "not a CitrineOS database" in run.out
    assert "Traceback" not in run.text
    assert fingerprint(database) == before


def test_status_json_describes_a_database_that_is_not_citrineos(
    project: Path, database: URL
) -> None:
    make_foreign(database)
    run = citrine("status", "--json", project=project, url=database)
    assert run.code == 0, run.text
    assert "not a CitrineOS database" in run.out
    assert "Traceback" not in run.text


def test_backup_of_a_database_that_is_not_citrineos_copies_it_and_changes_nothing(
    project: Path, database: URL
) -> None:
    """A backup reads whatever is there: a foreign database is no reason to refuse one."""
    make_foreign(database)
    before = fingerprint(database)
    run = citrine("backup", project=project, url=database)
    assert run.code == 0, run.text
    assert "Traceback" not in run.text
    assert list((project / "backups").glob("*.dump"))
    assert fingerprint(database) == before
