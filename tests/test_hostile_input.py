"""Hostile input (issue 8, item 5): every writing command, given malformed or truncated JSON,
unknown versions, batch names with path separators or shell characters, unreachable or wrong
database URLs, or a database that is not CitrineOS at all, answers with one ``error:`` line and
exit 2 (1 only where the README says a check found a problem), prints no traceback and no
password, and leaves the database exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db
from citrine_state.errors import CitrineError

from .support.cli import Run, citrine
from .support.stepping import repo_project

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
LATEST = repo_project().latest.name
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
    "foreign-undo": Case(WRITING["undo"], "not a CitrineOS database", url="foreign"),
    "foreign-custom": Case(WRITING["custom"], "not a CitrineOS database", url="foreign",
                           prepare=make_batch),
    "foreign-custom-rollback": Case(WRITING["custom-rollback"], "not a CitrineOS database",
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


# --- a server without PostGIS ---------------------------------------------------------------


def _relocated_without_postgis(root: Path) -> Path:
    """A copy of the installed PostgreSQL under ``root`` whose share folder lacks PostGIS's
    extension files: PostgreSQL finds its share and lib folders relative to the real path of
    its binary, so the same absolute layout under ``root`` serves the copy. Returns its bindir."""
    from citrine_state import localpg

    bindir = localpg.find_bindir().resolve()
    pg_config = bindir / "pg_config"
    if not pg_config.is_file():
        pytest.skip(f"no pg_config next to {bindir}: cannot tell where the share folder is")
    found = subprocess.run([str(pg_config), "--sharedir", "--pkglibdir"], capture_output=True,
                           text=True, check=True).stdout.split()
    sharedir, pkglibdir = Path(found[0]), Path(found[1])
    new_bin = root / bindir.relative_to("/")
    new_bin.mkdir(parents=True)
    for program in ("postgres", "initdb", "pg_ctl"):
        shutil.copy2(bindir / program, new_bin / program)  # a copy: symlinks resolve back
    new_lib = root / pkglibdir.relative_to("/")
    if not new_lib.exists():
        new_lib.parent.mkdir(parents=True, exist_ok=True)
        new_lib.symlink_to(pkglibdir, target_is_directory=True)
    new_share = root / sharedir.relative_to("/")
    new_share.mkdir(parents=True)
    for entry in sharedir.iterdir():
        if entry.name != "extension":
            (new_share / entry.name).symlink_to(entry)
            continue
        (new_share / "extension").mkdir()
        for item in entry.iterdir():
            if not item.name.startswith("postgis"):
                (new_share / "extension" / item.name).symlink_to(item)
    for folder in [root, *root.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            os.chmod(folder, 0o755)  # the server's user (postgres, when we are root) reads it
    return new_bin


@pytest.fixture(scope="module")
def server_without_postgis() -> Iterator[URL]:
    """A throwaway cluster of the installed PostgreSQL, without PostGIS's files."""
    from citrine_state import localpg

    root = Path(tempfile.mkdtemp(prefix="citrine-nopostgis-"))
    os.chmod(root, 0o711)  # the server's user must pass through
    cluster = None
    try:
        try:
            bindir = _relocated_without_postgis(root / "install")
            cluster = localpg.init_cluster(root / "cluster", fsync=False, bindir=bindir)
            localpg.start(cluster)
        except (CitrineError, OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"cannot build a PostgreSQL server without PostGIS here: {exc}")
        server = db.server_url(cluster.url("postgres"))
        with db.connect(server) as conn:
            if conn.exec_driver_sql("SELECT count(*) FROM pg_available_extensions "
                                    "WHERE name = 'postgis'").scalar():
                pytest.skip("the relocated server still finds PostGIS's files")
        yield server
    finally:
        if cluster is not None:
            localpg.stop(cluster)
        shutil.rmtree(root, ignore_errors=True)


# What each command says. custom checks the server's extensions first (api.batches), so it
# names PostGIS and what to install; consolidated and migrate stop at the snapshot's (or the
# first step's) CREATE EXTENSION, rolled back, with the server's own line naming the extension.
_NO = 'the database server has no extension "postgis", which'
NO_POSTGIS = {
    "custom": f'{_NO} snapshots/{LATEST}.sql creates',
    "consolidated": f'{_NO} snapshots/{LATEST}.sql',
    "migrate": f'{_NO} snapshots/{LATEST}.sql',
}


@pytest.mark.parametrize("command", list(NO_POSTGIS))
def test_a_server_without_postgis_is_refused_with_one_line_naming_it_and_nothing_changes(
    command: str, project: Path, server_without_postgis: URL
) -> None:
    from .conftest import new_database

    args = WRITING[command]
    if command == "custom":
        make_batch(project)
    url = new_database(server_without_postgis, "nopostgis")
    try:
        before = fingerprint(url)
        run = citrine(*args, project=project, url=url, timeout=600)
        assert_one_clean_error(run, Case(args, NO_POSTGIS[command]), [])
        assert fingerprint(url) == before
        with db.connect(server_without_postgis) as conn:
            shadows = conn.exec_driver_sql("SELECT count(*) FROM pg_database WHERE datname ~ "
                                           "'^citrine_shadow_'").scalar()
        assert shadows == 0  # no shadow database left behind by the failed build either
    finally:
        db.drop_database(url)


def test_the_extensions_a_snapshot_creates_are_read_from_its_sql() -> None:
    sql = ('-- a comment\nCREATE EXTENSION IF NOT EXISTS postgis;\ncreate extension "Odd""x" '
           "WITH SCHEMA public;\nCREATE EXTENSION PostGIS;\nCREATE TABLE t (id int);")
    assert db.extensions_created(sql) == ["postgis", 'Odd"x']


def test_without_postgis_version_names_the_snapshot_of_the_version_asked_for(
    project: Path, server_without_postgis: URL
) -> None:
    from .conftest import new_database

    url = new_database(server_without_postgis, "nopostgis")
    try:
        run = citrine("version", "1.7.0", project=project, url=url, timeout=600)
        assert_one_clean_error(run, Case(("version", "1.7.0"), 'the database server has no '
                               'extension "postgis", which snapshots/1.7.0.sql creates'), [])
    finally:
        db.drop_database(url)


def test_without_postgis_status_says_so_instead_of_recommending_an_install_that_fails(
    project: Path, server_without_postgis: URL
) -> None:
    import json

    from .conftest import new_database

    url = new_database(server_without_postgis, "nopostgis")
    try:
        run = citrine("status", "--json", project=project, url=url, timeout=600)
        assert run.code == 0, run.text
        data = json.loads(run.out)
        assert data["state"] == "empty"
        assert data["missing_extensions"] == ["postgis"]
        assert data["recommendation"] == ("install postgis on the database server, then "
                                          "citrine-migrate consolidated")
        assert any(f'no extension "postgis", which snapshots/{LATEST}.sql creates' in w
                   for w in data["warnings"])
    finally:
        db.drop_database(url)


# --- privileges: which one, and why -----------------------------------------------------------


@pytest.fixture
def limited_role(database: URL) -> Iterator[URL]:
    """A role that may connect and read, nothing more (no CREATEDB, no CREATE on the
    database); the URL of ``database`` as that role."""
    import secrets as tokens

    role = f"reader_{tokens.token_hex(4)}"
    server = db.server_url(database)
    with db.connect(server) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'reader-pw' NOCREATEDB")
        conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database.database}" TO {role}')
    try:
        yield database.set(username=role, password="reader-pw")
    finally:
        with db.connect(database) as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.commit()
        with db.connect(server) as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql(f"DROP ROLE {role}")


def test_a_role_without_create_on_the_database_is_told_which_privilege(
    project: Path, database: URL, limited_role: URL
) -> None:
    from .support.reference import dump_for_step, psql_file
    from .test_migrate import STEPS_17X

    # It used to get the server's bare "permission denied ...".
    shadow = database.set(database="postgres").render_as_string(hide_password=False)
    run = citrine("migrate", "--shadow-url", shadow, project=project, url=limited_role)
    assert_one_clean_error(run, Case(("migrate",), 'permission denied to create extension '
                                     '"postgis"'), ["reader-pw"])
    assert "creating extension postgis takes a superuser" in run.err
    # A real CitrineOS 1.7.x database: the first write is the ledger's schema.
    psql_file(database, dump_for_step(STEPS_17X[-1]))
    with db.connect(database) as conn:
        conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES '
                             + ", ".join(f"('{n}.ts')" for n in STEPS_17X))
        conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO '
                             f'"{limited_role.username}"')  # a reader: no write, no CREATE
        conn.commit()
    run = citrine("migrate", "--shadow-url", shadow, project=project, url=limited_role)
    assert_one_clean_error(run, Case(("migrate",), "the role needs the CREATE privilege on "
                                     f"database {database.database}"), ["reader-pw"])
    assert "ledger" in run.err and "run as the database's owner" in run.err


def test_a_dry_run_without_createdb_says_it_builds_a_shadow_database(
    project: Path, database: URL, limited_role: URL
) -> None:
    shutil.rmtree(project / ".citrine", ignore_errors=True)  # no cached expected schema
    run = citrine("migrate", "--dry-run", project=project, url=limited_role)
    assert_one_clean_error(run, Case(("migrate", "--dry-run"), "may not create databases"),
                           ["reader-pw"])
    assert "builds a throwaway shadow database there" in run.err
    assert "a dry run replays the steps in it" in run.err and "--shadow-url" in run.err


def test_a_wrong_shadow_url_password_names_the_shadow_server(project: Path,
                                                               database: URL) -> None:
    shadow = database.set(database="postgres", password=WRONG_PASSWORD)
    if not _password_reaches_server(shadow):
        pytest.skip("the test server lets a wrong password in (trust authentication)")
    shutil.rmtree(project / ".citrine", ignore_errors=True)  # the shadow must be built
    run = citrine("verify", "--version", "1.8.0", "--shadow-url",
                  shadow.render_as_string(hide_password=False), project=project, url=database)
    assert_one_clean_error(run, Case(("verify",), "the shadow server given by --shadow-url: "
                                     "cannot connect to"), [WRONG_PASSWORD])
    assert "/postgres" in run.err and f"/{database.database}:" not in run.err


# --- bad input that used to get through (issue 15, items 8-10) ------------------------------
# Each is refused with one line naming the option (or path) and what is wrong, exit 2, before
# any connection is made: the URL given is a server that is not there, so reaching it would
# say "cannot connect" instead, and no managed cluster is created on the way.

ABSENT = "postgresql://u:secret-pw@127.0.0.1:1/x"


@pytest.fixture(scope="module")
def still_project(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Path:
    """A project copy that the refused commands must leave exactly as it is."""
    from .conftest import REPO

    dest = tmp_path_factory.mktemp("bad-options") / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".citrine").mkdir()
    (dest / ".citrine" / "cache").symlink_to(shared_cache, target_is_directory=True)
    return dest


def _refused_before_connecting(run: Run, says: str) -> None:
    assert run.code == 2, run.text
    assert "Traceback" not in run.text and "secret-pw" not in run.text
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), run.err
    assert says in lines[0], lines[0]
    assert "cannot connect" not in lines[0] and "internal error" not in lines[0], lines[0]


BAD_OPTIONS = {
    "lock-wait-nan": (("migrate", "--lock-wait", "nan"),
                      "'--lock-wait': 'nan' is not a number of seconds from 0 to 86400"),
    "lock-wait-inf": (("consolidated", "--lock-wait", "inf"), "'inf' is not a number of seconds"),
    "lock-wait-negative": (("version", "1.8.0", "--lock-wait", "-5"),
                           "'-5' is not a number of seconds"),
    "lock-wait-word": (("backup", "--lock-wait", "soon"), "'soon' is not a number of seconds"),
    "lock-wait-custom": (("custom", "x", "--lock-wait", "-1"), "is not a number of seconds"),
    "lock-timeout-word": (("rollback", "1.7.0", "--lock-timeout", "abc"),
                          "'--lock-timeout': 'abc' is not a duration"),
    "lock-timeout-negative": (("undo", "--lock-timeout", "-5s"), "'-5s' is not a duration"),
    "lock-timeout-unit": (("migrate", "--lock-timeout", "5sec"), "'5sec' is not a duration"),
    "lock-timeout-too-long": (("custom", "x", "--lock-timeout", "25d"),
                              "more than PostgreSQL's limit of 2147483647 ms"),
    "lock-timeout-rounds-to-zero": (("custom:rollback", "x", "--lock-timeout", "0.1ms"),
                                    "rounds to 0 ms"),
    "lock-retries-negative": (("migrate", "--lock-retries", "-1"),
                              "'--lock-retries': '-1' is not a whole number from 0 to 1000"),
    "lock-retries-too-many": (("consolidated", "--lock-retries", "1001"),
                              "'1001' is not a whole number from 0 to 1000"),
    "allow-hazard-bogus": (("consolidated", "--allow-hazard", "bogus"),
                           "'--allow-hazard': 'bogus' is not a hazard that can be allowed "
                           "(known: deletes-data)"),
    "allow-hazard-not-refusable": (("version", "1.8.0", "--allow-hazard", "locks-table"),
                                   "'locks-table' is not a hazard that can be allowed"),
    "version-malformed": (("version", "1.8"),
                          "'1.8' is not a version name: expected MAJOR.MINOR.PATCH"),
    "rollback-version-malformed": (("rollback", "v1.7.0"), "'v1.7.0' is not a version"),
    "verify-version-malformed": (("verify", "--version", "latest"), "'latest' is not a version"),
    "verify-version-unknown": (("verify", "--version", "9.9.9"), "unknown version '9.9.9'"),
    "version-unknown-with-backup": (("version", "9.9.9", "--backup"),
                                    "unknown version '9.9.9'"),
    "rollback-unknown-with-backup": (("rollback", "9.9.9", "--backup"),
                                     "unknown version '9.9.9'"),
    "report-format": (("manager", "report", "--format", "pdf"),
                      "'--format': 'pdf': give rich, md or json"),
    "accept-edited-malformed": (("migrate", "--accept-edited", "initial"),
                                "'initial' is not a step name"),
    "custom-rollback-name": (("custom:rollback", "../../etc/passwd"),
                             "'../../etc/passwd' is not a batch name"),
    "new-version-malformed": (("manager", "new-version", "1.9", "--description", "d"),
                              "'1.9' is not a version"),
    "new-version-end": (("manager", "new-version", "1.9.1", "--description", "d", "--end",
                         "2025"), "'2025' is not a timestamp YYYYMMDDHHMMSS"),
    "new-step-version": (("manager", "new-step", "x", "--description", "d", "--version", "2"),
                         "'2' is not a version"),
    "database-url-empty": (("migrate", "--database-url", ""),
                           "'--database-url': it is empty"),
    "database-url-dsn-malformed": (("status", "--database-url", "host=h password secret-pw"),
                                   "'--database-url': is not a usable database URL"),
    "shadow-url-empty": (("verify", "--shadow-url", ""), "'--shadow-url': it is empty"),
    "shadow-url-not-postgres": (("status", "--shadow-url", "mysql://u:secret-pw@h/d"),
                                "'--shadow-url': is not a PostgreSQL URL"),
    "project-empty": (("status", "--project", ""), "'--project': it is empty"),
    "restore-into-empty": (("restore", "migration-config.json", "--into", ""),
                           "'--into': a database name has 1 to 63 bytes"),
    "restore-into-too-long": (("restore", "migration-config.json", "--into", "x" * 64),
                              "a database name has 1 to 63 bytes"),
    "restore-a-folder": (("restore", "versions"), "is a folder, not a backup file"),
    "unknown-option": (("migrate", "--bogus"), "No such option: --bogus"),
}


@pytest.mark.parametrize("case", list(BAD_OPTIONS))
def test_an_option_outside_its_domain_is_refused_before_anything_connects(
    case: str, still_project: Path
) -> None:
    args, says = BAD_OPTIONS[case]
    args = tuple(str(still_project / a) if a in ("migration-config.json", "versions") else a
                 for a in args)
    before = sorted(p.relative_to(still_project) for p in still_project.rglob("*")
                    if "cache" not in p.parts)
    run = citrine(*args, project=still_project, url=ABSENT)
    _refused_before_connecting(run, says)
    after = sorted(p.relative_to(still_project) for p in still_project.rglob("*")
                   if "cache" not in p.parts)
    assert after == before


@pytest.mark.parametrize(("env", "says"), [
    ({"CITRINE_DATABASE_URL": ""}, "CITRINE_DATABASE_URL is set but empty"),
    ({"DATABASE_URL": ""}, "DATABASE_URL is set but empty"),
    ({"DATABASE_URL": "  "}, "DATABASE_URL is set but empty"),
    # An empty first choice is never passed over for the next one.
    ({"CITRINE_DATABASE_URL": "", "DATABASE_URL": ABSENT}, "CITRINE_DATABASE_URL is set but"),
    ({"DATABASE_URL": "host=h port=x dbname=d password=secret-pw"},
     "DATABASE_URL is not a usable database URL: its port is not a number"),
])
@pytest.mark.parametrize("command", [("migrate",), ("manager", "list"), ("custom:list",)])
def test_an_empty_database_url_variable_is_refused_not_skipped(
    env: dict[str, str], says: str, command: tuple[str, ...], still_project: Path
) -> None:
    run = citrine(*command, project=still_project, env=env)
    _refused_before_connecting(run, says)
    assert not (still_project / ".citrine" / "cluster.json").exists()  # no managed cluster


def test_an_empty_citrine_project_is_refused_not_replaced_by_the_working_directory(
    still_project: Path,
) -> None:
    run = subprocess.run([sys.executable, "-m", "citrine_state", "manager", "validate"],
                         cwd=still_project, capture_output=True, text=True,
                         env={**os.environ, "CITRINE_PROJECT": ""}, stdin=subprocess.DEVNULL)
    _refused_before_connecting(Run(run.returncode, run.stdout, run.stderr),
                               "CITRINE_PROJECT is set but empty")


def test_the_api_refuses_an_unknown_hazard_and_a_bad_setting_before_connecting(
    still_project: Path,
) -> None:
    from citrine_state import api
    from citrine_state.errors import UsageError

    project = api.open_project(still_project)
    with pytest.raises(UsageError, match="'bogus' is not a hazard that can be allowed"):
        api.consolidated(project, db.parse_url(ABSENT), allow_hazards=("bogus",))
    project.settings["lock_timeout"] = "abc"
    with pytest.raises(UsageError, match="settings.lock_timeout: 'abc' is not a duration"):
        api.migrate(project, db.parse_url(ABSENT))
    project.settings["lock_timeout"] = "5s"
    with pytest.raises(UsageError, match="lock_wait: nan is not a finite number"):
        api.migrate(project, db.parse_url(ABSENT), lock_wait=float("nan"))


def test_lock_options_are_checked_for_the_run_and_leave_the_project_as_it_was(
    still_project: Path,
) -> None:
    from citrine_state import api
    from citrine_state.api import batches
    from citrine_state.errors import UsageError

    project = api.open_project(still_project)
    before = dict(project.settings)
    url = db.parse_url(ABSENT)
    for run in (lambda locks: api.migrate(project, url, locks=locks),
                lambda locks: api.undo(project, url, locks=locks),
                lambda locks: api.consolidated(project, url, locks=locks),
                lambda locks: api.to_version(project, url, "1.8.0", locks=locks),
                lambda locks: api.rollback(project, url, "1.8.0", locks=locks),
                lambda locks: batches.rollback(project, url, "no-such-batch", locks=locks)):
        with pytest.raises(UsageError, match="settings.lock_timeout: 'abc' is not a duration"):
            run(api.LockOptions(timeout="abc"))
        with pytest.raises(UsageError, match="settings.online_lock_timeout: '1 hour' is not"):
            run(api.LockOptions(online_timeout="1 hour"))
        with pytest.raises(UsageError, match="settings.lock_retries: -1 is not a whole number"):
            run(api.LockOptions(retries=-1))
    assert project.settings == before
    copy = api.basics.with_locks(project, api.LockOptions("200ms", 0, "50ms"))
    assert (copy.settings["lock_timeout"], copy.settings["lock_retries"],
            copy.settings["online_lock_timeout"]) == ("200ms", 0, "50ms")
    assert api.basics.with_locks(project, api.LockOptions()) is project
    assert project.settings == before


# --- paths that are not what they should be (item 8) -----------------------------------------


def test_a_binary_config_is_one_line_naming_it(project: Path) -> None:
    (project / "migration-config.json").write_bytes(b"\xff\xfe{\x00\x93binary")
    run = citrine("status", project=project, url=ABSENT)
    _refused_before_connecting(run, "migration-config.json: not UTF-8 text")
    run = citrine("manager", "validate", project=project)
    assert run.code == 1 and "not UTF-8 text" in run.out, run.text
    assert "Traceback" not in run.text and "internal error" not in run.text


def test_report_output_on_a_folder_is_refused_before_anything_runs(project: Path) -> None:
    run = citrine("manager", "report", "--no-database", "--format", "md", "--output",
                  str(project / "versions"), project=project)
    _refused_before_connecting(run, f"'--output' / '-o': {project / 'versions'} is a folder")
    inside_a_file = project / "migration-config.json" / "report.md"
    run = citrine("manager", "report", "--no-database", "--format", "md", "--output",
                  str(inside_a_file), project=project)
    _refused_before_connecting(run, "is a file, not a folder")


def test_backup_into_a_file_or_below_one_is_refused_before_connecting(project: Path) -> None:
    config = project / "migration-config.json"
    run = citrine("backup", "--output-dir", str(config), project=project, url=ABSENT)
    _refused_before_connecting(run, f"'--output-dir': {config} is a file, not a folder")
    run = citrine("backup", "--output-dir", str(config / "a" / "b"), project=project,
                  url=ABSENT)
    _refused_before_connecting(run, f"{config} is a file, not a folder")


def test_backup_into_a_folder_it_may_not_write_is_one_line(project: Path, database: URL,
                                                          tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root writes anywhere a permission would stop others; a pseudo file system refuses
        # (found while parsing when it is mounted read-only, else when the folder is made)
        target = Path("/sys/citrine-backups-test")
        says = (f"cannot make the backup folder {target}: Operation not permitted",
                f"{target}: this user may not create folders in /sys")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "backups"
        says = (f"{target}: this user may not create folders in {locked} (permission "
                "denied)",)
    run = citrine("backup", "--output-dir", str(target), project=project, url=database)
    assert run.code == 2, run.text
    lines = [line for line in run.err.splitlines() if line.startswith("error")]
    assert lines == [lines[-1]] and any(text in lines[-1] for text in says), run.err
    assert "Traceback" not in run.text and "internal error" not in run.text
    assert not target.exists()


def test_a_file_the_command_cannot_read_or_write_is_named_not_an_internal_error(
    project: Path,
) -> None:
    from citrine_state.errors import UsageError
    from citrine_state.project import read_text

    seed = project / "versions" / "1.8.0" / "seed.sql"
    seed.write_bytes(b"INSERT \xff\xfe")
    with pytest.raises(UsageError, match=f"{seed}: not UTF-8 text"):
        read_text(seed)  # how seeds, snapshots, data moves and consolidated files are read
    snapshot = project / "snapshots" / "1.8.0.sql"
    snapshot.unlink()
    snapshot.mkdir()  # rendering writes there: the write fails
    run = citrine("snapshot", project=project)
    assert run.code == 2, run.text
    assert run.err.strip().splitlines() == [f"error: {snapshot}: Is a directory"], run.err
