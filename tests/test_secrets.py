"""Passwords never appear (issue 15, items 4-7): whichever form the URL takes (a
``postgresql://`` URL with an unencoded ``@`` and ``:`` in the password, a percent-encoded
``postgres://`` URL, ``?password=`` in the query string, a libpq ``key=value`` string), given by
option or by either environment variable, no command prints any piece of the password on stdout
or stderr, and none writes it into a file (reports, backups, the project's own state).

The role has a real password on the test server, so every command really connects with it.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, dburl
from citrine_state.errors import UsageError

from .conftest import REPO
from .support.cli import Run, citrine

PASSWORD = "Sekr3t@Fo0:bAr"
# Any of these, in any output or file, is (a piece of) the password.
PIECES = ("Sekr3t", "Fo0", "bAr", quote(PASSWORD, safe=""))


# --- parsing and showing, without a server -------------------------------------------------------


@pytest.mark.parametrize("text", [
    f"postgresql://u:{PASSWORD}@db.example:5432/citrine",
    f"postgres://u:{quote(PASSWORD, safe='')}@db.example:5432/citrine",
    f"postgresql+psycopg://u:{quote(PASSWORD, safe='')}@db.example:5432/citrine",
    f"postgresql://u@db.example:5432/citrine?password={PASSWORD}",
    f"postgresql://u@db.example:5432/citrine?sslmode=require&password={quote(PASSWORD)}",
    f"host=db.example port=5432 dbname=citrine user=u password={PASSWORD}",
    f"host=db.example port = 5432 dbname='citrine' user=u password='{PASSWORD}'",
])
def test_every_accepted_form_parses_to_the_same_connection_and_shows_no_password(
    text: str,
) -> None:
    url = dburl.parse(text)
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "u", PASSWORD, "db.example", 5432, "citrine")
    assert "password" not in url.query
    shown = dburl.render(url)
    assert shown.startswith("postgresql://u:***@db.example:5432/citrine")
    assert not any(piece in shown for piece in PIECES)
    assert db.mask(text) == shown


def test_a_password_with_spaces_and_quotes_in_a_key_value_string() -> None:
    url = dburl.parse(r"host=h dbname=d user=u password='it\'s a \\secret'")
    assert url.password == "it's a \\secret"
    assert dburl.render(url) == "postgresql://u:***@h/d"


def test_secret_query_parameters_are_masked_and_other_parameters_kept() -> None:
    url = dburl.parse("postgresql://u@h/d?sslmode=verify-full&sslpassword=Sekr3t&"
                      "application_name=ci")
    assert dburl.render(url) == \
        "postgresql://u@h/d?sslmode=verify-full&sslpassword=***&application_name=ci"


@pytest.mark.parametrize(("text", "says"), [
    ("", "is empty"),
    ("   ", "is empty"),
    (f"mysql://u:{PASSWORD}@h/d", "is not a PostgreSQL URL: it is a mysql:// URL"),
    (f"just {PASSWORD} words", "neither a postgresql:// URL nor a libpq key=value"),
    (f"host=h password={PASSWORD}", "names no database"),
    (f"host=h dbname=d password {PASSWORD}", "malformed"),
    (f"host=h dbname=d password='{PASSWORD}", "no closing quote"),
    (f"postgresql://u:{PASSWORD}@h", "names no database"),
    ("postgresql://u:Sekr3t/Fo0@h/d", "the database name holds an '@'"),
    ("postgresql://u:Sekr3t?Fo0@h/d", "entry without '='"),
    ("postgresql://u:Sekr3t%Fo0@h/d", "not a percent-encoding"),
    (f"postgresql://u:{PASSWORD}@h:99999/d", "port is not a number from 1 to 65535"),
    (f"postgresql://u:{PASSWORD}@h/d?bogus=1", "'bogus' is not a libpq connection parameter"),
    (f"postgresql://u:{PASSWORD}@h/d?password=x", "gives password twice"),
    (f"postgresql://u:{PASSWORD}@h1,h2/d", "several hosts"),
])
def test_a_text_that_is_no_usable_url_is_refused_without_echoing_it(text: str,
                                                                   says: str) -> None:
    with pytest.raises(UsageError) as caught:
        dburl.parse(text, "--database-url")
    message = str(caught.value)
    assert message.startswith("--database-url ") and says in message, message
    assert not any(piece in message for piece in PIECES), message
    assert db.mask(text) == "(a database URL that does not parse)" or text.strip() == ""


def test_a_shadow_server_url_may_leave_out_the_database(project: Path) -> None:
    url = dburl.parse(f"postgresql://u:{quote(PASSWORD, safe='')}@h:5433", need_database=False)
    assert (url.host, url.port, url.database, url.password) == ("h", 5433, "postgres", PASSWORD)
    run = citrine("verify", "--version", "1.8.0", "--shadow-url", "postgresql://u@127.0.0.1:1",
                  project=project, url="postgresql://u@127.0.0.1:1/x")
    assert run.code == 2 and "cannot connect to postgresql://u@127.0.0.1:1/x" in run.err, run.err


def test_scrub_replaces_urls_and_password_fields_never_a_password_inside_words() -> None:
    url = dburl.parse("postgresql://u:o@h/d")
    text = ('connection failed: connection to server at "h", port 5432 failed: '
            "could not connect with postgresql://u:o@h/d (password=o, PGPASSWORD=o)")
    scrubbed = dburl.scrub(text, url)
    assert scrubbed == ('connection failed: connection to server at "h", port 5432 failed: '
                        "could not connect with postgresql://u:***@h/d (password=***, "
                        "PGPASSWORD=***)")


def test_scrub_masks_a_url_whose_password_holds_an_at_sign_whole() -> None:
    scrubbed = dburl.scrub(f"pg_dump: error: postgresql://u:{PASSWORD}@h/d refused")
    assert scrubbed == "pg_dump: error: postgresql://u:***@h/d refused"


def test_scrub_masks_the_exact_text_that_was_given_as_a_url() -> None:
    given = f"host=h dbname=d user=u password='{PASSWORD}'"
    dburl.parse(given)
    assert dburl.scrub(f"echoed: {given}!") == "echoed: postgresql://u:***@h/d!"


def test_a_one_letter_password_does_not_mangle_the_error_line(project: Path) -> None:
    """The old masking replaced the password anywhere: "c***nnecti***n failed"."""
    run = citrine("status", url="postgresql://u:o@127.0.0.1:1/x", project=project)
    assert run.code == 2, run.text
    assert "error: cannot connect to postgresql://u:***@127.0.0.1:1/x: connection" in run.err
    assert "***nnecti" not in run.err and "Connection refused" in run.err


# --- every command, every form, on a real server --------------------------------------------------


@dataclass(frozen=True)
class Form:
    name: str
    text: str
    given: str  # --database-url | CITRINE_DATABASE_URL | DATABASE_URL


def _forms(user: str, host: str, port: int, database: str) -> list[Form]:
    encoded = quote(PASSWORD, safe="")
    return [
        Form("userinfo-unencoded", f"postgresql://{user}:{PASSWORD}@{host}:{port}/{database}",
             "--database-url"),
        Form("postgres-encoded", f"postgres://{user}:{encoded}@{host}:{port}/{database}",
             "CITRINE_DATABASE_URL"),
        Form("query-password", f"postgresql://{user}@{host}:{port}/{database}?password="
                               f"{PASSWORD}&application_name=leak-test", "DATABASE_URL"),
        Form("libpq-dsn", f"host={host} port={port} dbname={database} user={user} "
                          f"password='{PASSWORD}'", "CITRINE_DATABASE_URL"),
    ]


@dataclass
class Setup:
    server: URL
    user: str
    project: Path
    template: str
    made: list[str]


@pytest.fixture(scope="module")
def setup(pg_server: URL, tmp_path_factory: pytest.TempPathFactory,
          shared_cache: Path) -> Iterator[Setup]:
    """A superuser with the password (it creates databases, restores, builds shadows), a
    project copy with a custom batch of the last step, and a 1.8.0 database to clone."""
    user = f"leaky_{secrets.token_hex(4)}"
    try:
        with db.connect(pg_server) as conn:
            conn.exec_driver_sql(f"CREATE ROLE {user} LOGIN SUPERUSER PASSWORD "
                                 f"'{PASSWORD}'")
            conn.commit()
    except Exception as exc:  # a managed server may not let us make a superuser
        pytest.skip(f"cannot create a role with a password on the test server: {exc}")
    root = _copy_project(tmp_path_factory.mktemp("secrets"), shared_cache)
    made = citrine("select", "--select", "12", "--name", "leak-check", "--description",
                   "the last step", "--yes", project=root)
    assert made.code == 0, made.text
    template = f"leaktpl_{secrets.token_hex(4)}"
    admin = pg_server.set(database=template)
    db.create_database(admin)
    state = Setup(pg_server, user, root, template, [template])
    try:
        # 1.8.0 by its steps (not its snapshot), so that undo finds what create-evses archived
        for args in (("version", "1.7.0"), ("migrate",)):
            ran = citrine(*args, project=root, url=admin)
            assert ran.code == 0, ran.text
        yield state
    finally:
        for name in state.made:
            db.drop_database(pg_server.set(database=name))
        with db.connect(pg_server) as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {user}")
            conn.commit()


def _copy_project(parent: Path, cache: Path) -> Path:
    root = parent / "project"
    root.mkdir()
    shutil.copy(REPO / "migration-config.json", root)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (root / ".citrine").mkdir()
    (root / ".citrine" / "cache").symlink_to(cache, target_is_directory=True)
    return root


def _clone(setup: Setup) -> str:
    name = f"leak_{secrets.token_hex(4)}"
    db.create_database(setup.server.set(database=name), template=setup.template)
    setup.made.append(name)
    return name


def _run(form: Form, *args: str, project: Path, text: str | None = None) -> Run:
    """A command with the URL given the form's way (``text`` instead of the form's own)."""
    given = text if text is not None else form.text
    if form.given == "--database-url":
        return citrine(*args, "--database-url", given, project=project)
    return citrine(*args, project=project, env={form.given: given})


def _leaks(text: str) -> list[str]:
    return [piece for piece in PIECES if piece in text]


def _file_leaks(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found += [f"{path}: {p}" for p in PIECES if p.encode() in data]
    return found


# With the other forms: a command of each kind (a read, a shadow build, pg_dump and
# pg_restore, which get the URL handed on) and the error paths. Every form is parsed by the same
# function (test_every_accepted_form_parses_to_the_same_connection_and_shows_no_password), so
# the whole list once is what finds a command that prints the URL its own way.
SHORT = {("status",), ("check", "--json"), ("verify", "--shadow-url"), ("backup", "--output-dir")}


def _sweep(setup: Setup, form: Form, database: str, out_dir: Path,
           every: bool = True) -> list[str]:
    """Every command that takes a database (``every``; else those of ``SHORT``), with the URL
    in ``form``: the pieces of the password each one showed (none, when all is well).
    Commands that write run for real: the undo, the batch and its rollback, the migrate that
    puts the step back."""
    port = setup.server.port or 5432
    restored = f"leakrs_{secrets.token_hex(4)}"
    setup.made.append(restored)
    commands: list[tuple[str, ...]] = [
        ("status",),
        ("consolidated:status", "--json"),
        ("check", "--json"),
        ("verify", "--shadow-url", form.text),
        ("undo",),
        ("custom:list",),
        ("custom", "leak-check", "--json"),
        ("custom:rollback", "leak-check"),
        ("migrate", "--json"),
        ("consolidated",),
        ("version", "1.8.0", "--json"),
        ("rollback", "1.7.0", "--dry-run"),
        ("manager", "list"),
        ("manager", "report", "--format", "md", "--output", str(out_dir / "report.md")),
        ("manager", "report"),
        ("backup", "--output-dir", str(out_dir / "backups")),
    ]
    if not every:
        commands = [c for c in commands if c[:2] in SHORT or c[:1] in SHORT]
    runs: list[tuple[tuple[str, ...], Run]] = []
    for args in commands:
        run = _run(form, *args, project=setup.project)
        assert run.code == 0, (form.name, args, run.text)
        runs.append((args, run))
    assert "***" in runs[0][1].out, runs[0][1].out  # the Database: line is there, masked
    dump = next((out_dir / "backups").glob("*.dump"))
    run = _run(form, "restore", str(dump), "--into", restored, project=setup.project)
    assert run.code == 0, (form.name, run.text)
    runs.append((("restore",), run))
    # Refusals and failures name the database too: a server that is not there, a database
    # that does not exist.
    closed = form.text.replace(f":{port}/", ":1/").replace(f"port={port}", "port=1")
    run = _run(form, "status", project=setup.project, text=closed)
    assert run.code == 2 and "cannot connect to" in run.err, (form.name, run.text)
    runs.append((("status", "(closed port)"), run))
    missing = form.text.replace(database, "no_such_db")
    run = _run(form, "backup", "--output-dir", str(out_dir / "none"), project=setup.project,
               text=missing)
    assert run.code == 2, (form.name, run.text)
    runs.append((("backup", "(no such database)"), run))
    found = [f"{form.name} {args}: shows {piece!r}" for args, run in runs
             for piece in _leaks(run.text)]
    return found + [f"{form.name}: {leak}" for leak in _file_leaks(out_dir)]


def test_no_command_shows_or_writes_the_password_whatever_form_the_url_takes(
    setup: Setup, tmp_path: Path
) -> None:
    """Each form on its own clone of a 1.8.0 database, the first with every command, the others
    with ``SHORT``; two forms at a time (each sweep is a chain of subprocesses that mostly
    waits on the server)."""
    from concurrent.futures import ThreadPoolExecutor

    host, port = setup.server.host or "127.0.0.1", setup.server.port or 5432
    jobs = []
    for index, _ in enumerate(_forms(setup.user, host, port, "x")):
        database = _clone(setup)
        form = _forms(setup.user, host, port, database)[index]
        jobs.append((form, database, tmp_path / form.name, index == 0))
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = [leak for leaks in pool.map(lambda job: _sweep(setup, *job), jobs)
                 for leak in leaks]
    assert not found, "the password is shown or written:\n" + "\n".join(found)
    assert not _file_leaks(setup.project), _file_leaks(setup.project)


def test_commands_without_a_database_say_nothing_of_the_url_in_the_environment(
    setup: Setup, tmp_path: Path, shared_cache: Path
) -> None:
    """The commands that never connect (or only to the managed cluster) run with every
    variable holding a password: nothing of it shows."""
    database = _clone(setup)
    host, port = setup.server.host or "127.0.0.1", setup.server.port or 5432
    forms = _forms(setup.user, host, port, database)
    env = {"CITRINE_DATABASE_URL": forms[0].text, "DATABASE_URL": forms[2].text}
    project = _copy_project(tmp_path, shared_cache)
    for args in (
        ("--help",), ("--version",), ("snapshot", "--check"), ("manager", "validate"),
        ("manager", "interactive", "--select", "1-2"), ("manager", "list", "--no-database"),
        ("manager", "report", "--no-database", "--format", "md"),
        ("select", "--select", "2", "--name", "leak-two", "--description", "d", "--yes"),
        ("manager", "select", "--select", "3", "--name", "leak-three", "--description", "d",
         "--yes"),
        ("manager", "new-step", "leak-step", "--description", "d", "--empty"),
        ("db", "status"), ("db", "url"),
    ):
        run = citrine(*args, project=project, env=env)
        assert run.code in (0, 2), (args, run.text)
        assert not _leaks(run.text), (args, run.text)
    assert not _file_leaks(project), _file_leaks(project)
