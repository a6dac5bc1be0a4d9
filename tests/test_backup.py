"""`backup` and `restore`: a pg_dump custom-format file (mode 0600, checked with pg_restore
--list) that gives back the same schema and the same rows after the database is dropped;
restores that never overwrite a database by accident; passwords only through PGPASSWORD; and
the choice of a pg_dump/pg_restore that fits the server."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, diff, pgtools
from citrine_state.errors import UsageError
from citrine_state.pgtools import Tool

from .support.cli import citrine
from .support.stepping import repo_project

LATEST = repo_project().latest.name
SCOPE = diff.Scope(managed_schemas=("public", "citrine_state", "citrine_archive"),
                   ignored_extensions=("plpgsql",), ignored_tables=())


# --- helpers ------------------------------------------------------------------------------------


def _exec(url, sql: str) -> None:
    with db.connect(url) as conn:
        conn.exec_driver_sql(sql)
        conn.commit()


def _scalar(url, sql: str):
    with db.connect(url) as conn:
        return conn.exec_driver_sql(sql).scalar()


def _install_with_data(project: Path, url) -> None:
    """The latest CitrineOS with rows in public (JSONB, PostGIS, NULLs), an archive table, an
    advanced sequence and a per-database setting."""
    assert citrine("consolidated", project=project, url=url).code == 0
    _exec(url, """
        INSERT INTO "Tenants" (name, "createdAt", "updatedAt", "serverProfileOCPI")
        VALUES ('Second tenant', now(), now(), '{"roles": ["CPO"], "n": 2}');
        INSERT INTO "Locations" (name, coordinates, "createdAt", "updatedAt", facilities)
        VALUES ('Depot', ST_SetSRID(ST_MakePoint(8.54, 47.37), 0), now(), now(), '["PARKING"]'),
               ('Nowhere', NULL, now(), now(), NULL);
        CREATE SCHEMA IF NOT EXISTS citrine_archive;
        CREATE TABLE citrine_archive."20250621120000_IdTokens"
            (id integer PRIMARY KEY, "idToken" text, type text);
        INSERT INTO citrine_archive."20250621120000_IdTokens"
        VALUES (1, 'TOKEN-1', 'ISO14443'), (2, 'it''s | odd', NULL);
        SELECT setval('"Locations_id_seq"', 500);
    """)
    _exec(url, f'ALTER DATABASE "{url.database}" SET work_mem = \'8MB\'')


def _fingerprint(url) -> dict[str, str]:
    """An md5 of every table's rows (columns by name, values as text, NULL distinct from
    'NULL', rows sorted) in every non-system schema, and every sequence's position."""
    out: dict[str, str] = {}
    with db.connect(url) as conn:
        tables = conn.exec_driver_sql(
            "SELECT n.nspname, c.relname, array_agg(a.attname::text ORDER BY a.attname::text)"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog',"
            " 'information_schema') AND n.nspname !~ '^pg_toast'"
            " GROUP BY 1, 2 ORDER BY 1, 2"
        ).all()
        for schema, table, columns in tables:
            row = " || ',' || ".join(
                f"'{c}=' || quote_nullable(t.{db.quote_ident(c)}::text)" for c in columns
            )
            out[f"{schema}.{table}"] = conn.exec_driver_sql(
                f"SELECT count(*) || ':' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r"
                f" COLLATE \"C\"), '')) FROM (SELECT {row} AS r FROM"
                f" {db.quote_ident(schema)}.{db.quote_ident(table)} t) x"
            ).scalar_one()
        for schema, name, value in conn.exec_driver_sql(
            "SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY 1, 2"
        ):
            out[f"sequence {schema}.{name}"] = str(value)
    return out


def _assert_same_schema(a, b) -> None:
    with db.connect(a) as ca, db.connect(b) as cb:
        ia, ib = diff.inspect(ca, SCOPE), diff.inspect(cb, SCOPE)
    forward, backward = diff.compare(ia, ib), diff.compare(ib, ia)
    assert forward.in_sync, forward.as_dict()
    assert backward.in_sync, backward.as_dict()


def _backup(project: Path, url, out: Path) -> Path:
    run = citrine("backup", "--output-dir", str(out), "--json", project=project, url=url)
    assert run.code == 0, run.text
    return Path(json.loads(run.out)["path"])


@pytest.fixture
def leftovers(pg_server: URL):
    """Drops, after the test, every database whose name starts with one of the registered
    prefixes (restores make ``<name>_before_restore_<time>`` and the like)."""
    prefixes: list[str] = []
    yield prefixes.append
    with db.connect(pg_server) as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT datname FROM pg_database")]
    for name in names:
        if any(name.startswith(p) for p in prefixes):
            db.drop_database(pg_server.set(database=name))


# --- the round trip -----------------------------------------------------------------------------


def test_backup_then_drop_then_restore_gives_back_schema_and_rows(
    project: Path, database, pg_server, tmp_path, leftovers
) -> None:
    leftovers(f"{database.database}_")
    _install_with_data(project, database)
    reference = pg_server.set(database=f"{database.database}_reference")
    with db.connect(pg_server) as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql(f'CREATE DATABASE "{reference.database}" TEMPLATE '
                             f'"{database.database}"')
    before = _fingerprint(database)
    assert before["citrine_archive.20250621120000_IdTokens"].startswith("2:")

    run = citrine("backup", "--output-dir", str(tmp_path / "bk"), project=project, url=database)
    assert run.code == 0, run.text
    path = Path(re.search(r": (/\S+\.dump) \(", run.out).group(1))
    stamp = r"\d{8}T\d{6}Z"
    assert re.fullmatch(rf"{database.database}-{re.escape(LATEST)}-{stamp}\.dump", path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "checked with pg_restore --list" in run.out
    assert list(path.parent.iterdir()) == [path]  # no .partial left behind
    listing = subprocess.run(
        [str(pgtools.find("pg_restore", pgtools.server_major(pg_server)).path), "--list",
         str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "Format: CUSTOM" in listing
    assert "TABLE DATA citrine_archive 20250621120000_IdTokens" in listing

    db.drop_database(database)
    assert not db.database_exists(database)
    run = citrine("restore", str(path), "--into", str(database.database), project=project,
                  url=database)
    assert run.code == 0, run.text
    assert f"version {LATEST}" in run.out

    _assert_same_schema(database, reference)
    assert _fingerprint(database) == before
    assert citrine("verify", project=project, url=database).code == 0


def test_restore_by_default_makes_a_new_database_named_after_the_file(
    project: Path, database, tmp_path, leftovers
) -> None:
    leftovers(f"{database.database}_")
    _install_with_data(project, database)
    path = _backup(project, database, tmp_path)
    run = citrine("restore", str(path), "--json", project=project, url=database)
    assert run.code == 0, run.text
    data = json.loads(run.out)
    stamp = path.name.split("-")[-1].removesuffix("Z.dump").replace("T", "_")
    assert data["database"] == f"{database.database}_restored_{stamp}"
    assert data["version"] == LATEST and data["kept_as"] is None
    restored = database.set(database=data["database"])
    _assert_same_schema(restored, database)
    assert _fingerprint(restored) == _fingerprint(database)


def test_restore_into_an_existing_database_is_refused(
    project: Path, database, make_database, tmp_path
) -> None:
    _install_with_data(project, database)
    path = _backup(project, database, tmp_path)
    other = make_database("occupied")
    _exec(other, "CREATE TABLE keep_me (x int); INSERT INTO keep_me VALUES (42)")
    run = citrine("restore", str(path), "--into", str(other.database), project=project,
                  url=database)
    assert run.code == 2
    assert f"database '{other.database}' already exists" in run.err
    assert _scalar(other, "SELECT x FROM keep_me") == 42
    again = citrine("restore", str(path), "--into", str(database.database), project=project,
                    url=database)
    assert again.code == 2 and "already exists" in again.err


def test_over_existing_needs_the_typed_name(project: Path, database, tmp_path,
                                            leftovers) -> None:
    leftovers(f"{database.database}_")
    _install_with_data(project, database)
    path = _backup(project, database, tmp_path)
    _exec(database, "UPDATE \"Tenants\" SET name = 'changed after the backup' WHERE id = 2")

    no_tty = citrine("restore", str(path), "--over-existing", project=project, url=database)
    assert no_tty.code == 2
    assert "needs a typed confirmation" in no_tty.err
    assert f"--confirm {database.database}" in no_tty.err
    wrong = citrine("restore", str(path), "--over-existing", "--confirm", "citrine",
                    project=project, url=database)
    assert wrong.code == 2 and "confirm with its name" in wrong.err
    both = citrine("restore", str(path), "--over-existing", "--into", "x", project=project,
                   url=database)
    assert both.code == 2 and "exclude each other" in both.err
    assert _scalar(database, 'SELECT name FROM "Tenants" WHERE id = 2') == \
        "changed after the backup"

    run = citrine("restore", str(path), "--over-existing", "--confirm", str(database.database),
                  "--json", project=project, url=database)
    assert run.code == 0, run.text
    kept = json.loads(run.out)["kept_as"]
    assert kept.startswith(f"{database.database}_before_restore_")
    assert _scalar(database, 'SELECT name FROM "Tenants" WHERE id = 2') == "Second tenant"
    old = database.set(database=kept)
    assert _scalar(old, 'SELECT name FROM "Tenants" WHERE id = 2') == "changed after the backup"
    # The per-database setting, which a dump does not carry, came over.
    assert _scalar(database, "SHOW work_mem") == "8MB"


def test_over_existing_refuses_while_someone_is_connected(
    project: Path, database, tmp_path, leftovers
) -> None:
    leftovers(f"{database.database}_")
    _install_with_data(project, database)
    path = _backup(project, database, tmp_path)
    with db.connect(database) as busy:
        busy.exec_driver_sql("SELECT 1")
        run = citrine("restore", str(path), "--over-existing", "--confirm",
                      str(database.database), project=project, url=database)
    assert run.code == 2
    assert "other session(s) are connected" in run.err
    assert "stop the application first" in run.err
    with db.connect(database.set(database="postgres")) as conn:
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            (f"{database.database}\\_%",))]
    assert names == []


def test_over_existing_in_a_terminal_asks_for_the_name(
    project: Path, database, tmp_path, leftovers
) -> None:
    pexpect = pytest.importorskip("pexpect")
    leftovers(f"{database.database}_")
    _install_with_data(project, database)
    path = _backup(project, database, tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update(CITRINE_PROJECT=str(project),
               CITRINE_DATABASE_URL=database.render_as_string(hide_password=False))
    child = pexpect.spawn(sys.executable, ["-m", "citrine_state", "restore", str(path),
                                           "--over-existing"], env=env, encoding="utf-8",
                          timeout=120)
    child.expect(r"Type the database name \((\S+)\) to continue: ")
    assert child.match.group(1) == database.database
    child.sendline(str(database.database))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "the replaced database is kept as" in child.before


# --- safety -------------------------------------------------------------------------------------


def test_passwords_go_through_pgpassword_never_the_command_line(
    project: Path, database, pg_server, tmp_path, leftovers
) -> None:
    leftovers(f"{database.database}_")
    assert citrine("consolidated", project=project, url=database).code == 0
    password = database.password or "s3cret-pw"
    url = database.set(password=password)
    major = pgtools.server_major(pg_server)
    real = {name: pgtools.find(name, major).path for name in ("pg_dump", "pg_restore")}
    spy, log = tmp_path / "bin", tmp_path / "log"
    spy.mkdir()
    log.mkdir()
    for name, target in real.items():
        script = spy / name
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" >> "{log}/{name}.argv"\n'
            f'echo "PGPASSWORD=$PGPASSWORD" >> "{log}/{name}.env"\n'
            f'exec "{target}" "$@"\n'
        )
        script.chmod(0o755)
    env = {"CITRINE_PG_BINDIR": str(spy)}
    run = citrine("backup", "--output-dir", str(tmp_path / "bk"), project=project, url=url,
                  env=env)
    assert run.code == 0, run.text
    path = next((tmp_path / "bk").glob("*.dump"))
    restored = citrine("restore", str(path), project=project, url=url, env=env)
    assert restored.code == 0, restored.text
    for name in real:
        argv = (log / f"{name}.argv").read_text()
        assert "--dbname" in argv, name  # the spy really ran the work, not only --version
        assert password not in argv, name
        assert f"PGPASSWORD={password}" in (log / f"{name}.env").read_text(), name
    assert password not in run.text + restored.text


def test_backup_of_an_unreachable_database_leaves_no_file(project: Path, tmp_path) -> None:
    url = "postgresql://someone:s3cret-pw@127.0.0.1:1/citrine"
    run = citrine("backup", "--output-dir", str(tmp_path / "bk"), project=project, url=url)
    assert run.code == 2
    assert "cannot connect" in run.err and "s3cret-pw" not in run.text
    assert not (tmp_path / "bk").exists() or not any((tmp_path / "bk").iterdir())


def test_a_database_without_a_ledger_version_is_unversioned(project: Path, database,
                                                            tmp_path) -> None:
    _exec(database, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)")
    path = _backup(project, database, tmp_path)
    assert f"{database.database}-unversioned-" in path.name


def test_restore_of_a_file_that_is_no_backup_is_refused(project: Path, database,
                                                        tmp_path) -> None:
    junk = tmp_path / "junk.dump"
    junk.write_text("not an archive")
    run = citrine("restore", str(junk), project=project, url=database)
    assert run.code == 2
    assert "is not a readable pg_dump archive" in run.err
    missing = citrine("restore", str(tmp_path / "nope.dump"), project=project, url=database)
    assert missing.code == 2 and "no such backup file" in missing.err
    folder = citrine("restore", str(tmp_path), project=project, url=database)
    assert folder.code == 2
    assert f"{tmp_path} is a folder, not a backup file" in folder.err


def test_the_api_backup_is_what_backup_flags_call(project: Path, database, tmp_path) -> None:
    from citrine_state.api import operations
    from citrine_state.project import load

    assert citrine("consolidated", project=project, url=database).code == 0
    result = operations.backup(load(project), database, tmp_path)
    assert result.version == LATEST and result.path.parent == tmp_path
    assert result.size == result.path.stat().st_size > 0
    assert result.tables > 50


def test_backup_goes_to_the_projects_backups_folder_by_default(project: Path, database) -> None:
    run = citrine("backup", "--json", project=project, url=database)
    assert run.code == 0, run.text
    path = Path(json.loads(run.out)["path"])
    assert path.parent == (project / "backups").resolve()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


# --- choosing the client programs ---------------------------------------------------------------


def _tools(name: str, *majors: int) -> list[Tool]:
    return [Tool(name, Path(f"/opt/pg{m}/bin/{name}"), m, f"{m}.1") for m in majors]


def test_pg_dump_is_the_servers_major_or_the_nearest_newer() -> None:
    assert pgtools.choose_dump(_tools("pg_dump", 13, 15, 16, 17), 15).major == 15
    assert pgtools.choose_dump(_tools("pg_dump", 13, 16, 17), 15).major == 16


def test_no_pg_dump_fits_a_newer_server_and_says_what_to_install() -> None:
    with pytest.raises(UsageError) as err:
        pgtools.choose_dump(_tools("pg_dump", 13, 15), 16)
    text = str(err.value)
    assert "no pg_dump fits the server (PostgreSQL 16)" in text
    assert "pg_dump must be version 16 or newer" in text
    assert "pg_dump 15.1 (/opt/pg15/bin/pg_dump)" in text
    assert "apt-get install postgresql-client-16" in text


def test_pg_restore_reads_only_files_of_its_own_major_or_older() -> None:
    tools = _tools("pg_restore", 14, 15, 17)
    assert pgtools.choose_restore(tools, 15, dumped_by=15).major == 15
    assert pgtools.choose_restore(tools, 15, dumped_by=16).major == 17
    assert pgtools.choose_restore(tools, 16, dumped_by=14).major == 17
    with pytest.raises(UsageError, match="written by pg_dump 18, which needs pg_restore 18"):
        pgtools.choose_restore(tools, 15, dumped_by=18)


def test_the_installed_pg_dump_fits_the_test_server(pg_server) -> None:
    major = pgtools.server_major(pg_server)
    tool = pgtools.find("pg_dump", major)
    assert tool.major >= major and tool.path.is_file()


def test_conninfo_has_no_password_and_quotes_values() -> None:
    url = db.parse_url("postgresql://me:pa%20ss@db.example:6543/my%20db?sslmode=require")
    text = pgtools.conninfo(url)
    assert "pa ss" not in text and "password" not in text
    assert "host=db.example port=6543 user=me dbname='my db' sslmode=require" in text
    assert pgtools.environment(url)["PGPASSWORD"] == "pa ss"


def test_backup_without_any_database_does_not_create_one(project: Path, tmp_path) -> None:
    run = citrine("backup", "--output-dir", str(tmp_path / "bk"), project=project)
    assert run.code == 2
    assert "no database to back up" in run.err
    assert not (project / ".citrine" / "cluster.json").exists()


# --- folders, and backups before the commands that remove (issue 15, item 19) -------------------


def test_every_folder_backup_makes_is_0700(project: Path, database, tmp_path: Path) -> None:
    os.umask(0o022)  # what most shells have: a plain mkdir would make 0755 folders
    target = tmp_path / "a" / "b" / "c"
    path = _backup(project, database, target)
    assert path.parent == target
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def _json(run) -> dict:
    assert run.code == 0, run.text
    data = json.loads(run.out)
    assert list(data)[:6] == ["action", "version", "install", "upgrades", "steps", "plans"]
    return data


def test_the_commands_that_remove_take_a_backup_first_and_answer_in_json(
    project: Path, database
) -> None:
    """rollback, undo and custom:rollback take --backup as the commands that add do; custom,
    undo, custom:rollback and migrate answer --json in the shape the others use."""
    step = "20250430105500-create-tenants-table"
    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    made = citrine("select", "--select", "2", "--name", "tenants", "--description", "d",
                   "--yes", project=project)
    assert made.code == 0, made.text
    backups = project / "backups"

    def dumps() -> int:
        return len(list(backups.glob("*.dump"))) if backups.is_dir() else 0

    applied = _json(citrine("custom", "tenants", "--json", project=project, url=database))
    assert applied["action"] == "applied" and applied["batch"] == "tenants"
    assert [s["name"] for s in applied["steps"]] == [step]
    assert applied["steps"][0]["direction"] == "up"

    undone = _json(citrine("undo", "--backup", "--json", project=project, url=database))
    assert undone["action"] == "reverted" and undone["steps"][0]["name"] == step
    assert dumps() == 1

    assert citrine("custom", "tenants", project=project, url=database).code == 0
    back = _json(citrine("custom:rollback", "tenants", "--backup", "--json", project=project,
                         url=database))
    assert back["action"] == "rolled-back" and back["steps"][0]["direction"] == "down"
    assert dumps() == 2

    assert citrine("custom", "tenants", project=project, url=database).code == 0
    down = _json(citrine("rollback", "1.7.0", "--backup", "--json", project=project,
                         url=database))
    assert down["version"] == "1.7.0" and down["steps"][0]["name"] == step
    assert dumps() == 3

    planned = _json(citrine("migrate", "--dry-run", "--json", project=project, url=database))
    assert planned["action"] == "planned" and len(planned["plans"]) == 1
    assert planned["plans"][0]["statements"]


def test_backup_on_the_commands_that_add_comes_before_the_work_and_never_on_a_dry_run(
    project: Path, database
) -> None:
    """--backup on version, migrate, consolidated and undo: one checked dump and its line
    before the command writes; none on a dry run, which writes nothing."""
    backups = project / "backups"

    def dumps() -> int:
        return len(list(backups.glob("*.dump"))) if backups.is_dir() else 0

    assert citrine("version", "1.7.0", project=project, url=database).code == 0
    for args in (("version", "1.8.0", "--backup", "--dry-run"),
                 ("migrate", "--backup", "--dry-run"),
                 ("consolidated", "--backup", "--dry-run"),
                 ("undo", "--backup", "--dry-run")):
        run = citrine(*args, project=project, url=database)
        assert run.code == 0, run.text
        assert "backup:" not in run.text, args
    assert dumps() == 0
    for count, args in enumerate((("version", "1.8.0", "--backup"), ("migrate", "--backup")),
                                 start=1):
        run = citrine(*args, project=project, url=database)
        assert run.code == 0, run.text
        assert dumps() == count
        assert "backup: " in run.err and "checked with pg_restore --list" in run.err, run.err
