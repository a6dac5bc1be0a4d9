"""No command that writes leaves a serial sequence behind its ids, on any path; `migrate`
repairs what others left (recorded in the ledger); `verify` reports a sequence behind as a
finding of its own."""

from __future__ import annotations

import json
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from citrine_state import db, sequences

from .conftest import REPO, new_database
from .support import dataset17, dataset17_evse
from .support.cli import citrine
from .support.dataset18 import load_18
from .support.filler import fill_past_sequences
from .support.reference import dump_for_step, psql_file
from .test_consolidated import _pre_tenant_170_with_data

STEPS_17X = [
    "20250430103000-initial",
    "20250430105500-create-tenants-table",
    "20250430110000-create-default-tenant",
    "20250430130000-update-existing-tables-to-include-default-tenant",
    "20250618150000-update-authorizations-to-include-concurrenttransaction",
]


def ok(run) -> None:  # noqa: ANN001
    assert run.code == 0, run.text


def lags(url: URL) -> list[str]:
    with db.connect(url) as conn:
        return [lag.sequence for lag in sequences.lags(conn, ["public"])]


def fill(url: URL) -> list[str]:
    """One row past the sequence in every table that has one; returns the lagging sequences."""
    with db.connect(url) as conn, conn.begin():
        filled = fill_past_sequences(conn)
    behind = lags(url)
    assert len(behind) == len(filled) > 30, (filled, behind)
    return behind


def rewind(url: URL) -> list[str]:
    """Every sequence of a table with rows back to 1, as a data-only restore leaves them (the
    rows are there already: a second fill would meet their unique keys)."""
    with db.connect(url) as conn, conn.begin():
        for (seq,) in conn.exec_driver_sql(
                "SELECT format('%%I.%%I', n.nspname, s.relname) FROM pg_class s"
                " JOIN pg_namespace n ON n.oid = s.relnamespace"
                " WHERE s.relkind = 'S' AND n.nspname = 'public'").all():
            conn.exec_driver_sql(f"SELECT setval('{seq}', 1, false)")
    behind = lags(url)
    assert len(behind) > 30, behind
    return behind


def rows(url: URL, sql: str) -> list[tuple]:
    with db.connect(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


@pytest.fixture(scope="module")
def project_m(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Path:
    dest = tmp_path_factory.mktemp("sequences") / "project"
    dest.mkdir()
    shutil.copy(REPO / "migration-config.json", dest)
    for folder in ("schema", "snapshots", "versions"):
        shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".citrine").mkdir()
    (dest / ".citrine" / "cache").symlink_to(shared_cache, target_is_directory=True)
    return dest


@pytest.fixture(scope="module")
def templates(pg_server: URL, project_m: Path) -> Iterator[dict[str, URL]]:
    """"17x": a real CitrineOS 1.7.x database with the 1.7 data set; "170": version 1.7.0 with
    it; "180": version 1.8.0 from its snapshot with the rows only 1.8.0 holds."""
    made: dict[str, URL] = {}
    try:
        for name in ("17x", "170", "180"):
            made[name] = new_database(pg_server, f"seqtpl_{name}")
        psql_file(made["17x"], dump_for_step(STEPS_17X[-1]))
        with db.connect(made["17x"]) as conn, conn.begin():
            conn.exec_driver_sql('INSERT INTO "SequelizeMeta" (name) VALUES '
                                 + ", ".join(f"('{s}.ts')" for s in STEPS_17X))
            dataset17.ensure_default_tenant(conn)
            dataset17.load_tokens(conn)
            dataset17_evse.load_evses(conn)
        _pre_tenant_170_with_data(project_m, made["170"])
        ok(citrine("version", "1.8.0", project=project_m, url=made["180"]))
        with db.connect(made["180"]) as conn, conn.begin():
            load_18(conn)
        yield made
    finally:
        for url in made.values():
            db.drop_database(url)


@pytest.fixture
def clone(templates: dict[str, URL], pg_server: URL) -> Iterator[Callable[[str], URL]]:
    made: list[URL] = []

    def make(which: str) -> URL:
        url = pg_server.set(database=f"sq{which}_{secrets.token_hex(5)}")
        if which == "empty":
            db.create_database(url)
        else:
            db.create_database(url, template=templates[which].database)
        made.append(url)
        return url

    yield make
    for url in made:
        db.drop_database(url)


def repaired(url: URL) -> list[str]:
    return [r[0] for r in rows(url, "SELECT note FROM citrine_state.applied "
                                    "WHERE kind = 'repaired' ORDER BY id")]


# --- every path -------------------------------------------------------------------------------


def test_a_fresh_install_leaves_no_sequence_behind(project_m: Path, clone) -> None:
    url = clone("empty")
    ok(citrine("consolidated", project=project_m, url=url))
    assert lags(url) == []
    assert rows(url, "SELECT nextval('\"Tenants_id_seq\"')") == [(2,)]


def test_migrate_moves_every_sequence_past_its_ids(project_m: Path, clone) -> None:
    url = clone("17x")
    behind = fill(url)
    ok(citrine("migrate", project=project_m, url=url))
    assert lags(url) == []
    moved = " ".join(repaired(url))
    assert all(seq in moved for seq in behind if rows(url, f"SELECT to_regclass('{seq}')")
               != [(None,)])


def test_migrate_with_nothing_pending_repairs_and_records_it(project_m: Path, clone) -> None:
    url = clone("180")
    ok(citrine("migrate", project=project_m, url=url))  # to the latest: nothing pending after
    behind = fill(url)
    run = citrine("migrate", project=project_m, url=url)
    ok(run)
    assert f"Moved {len(behind)} sequence(s) that lagged behind their ids" in run.out
    assert "No pending steps" in run.out
    assert lags(url) == []
    [note] = repaired(url)
    assert all(seq in note for seq in behind)
    # never backwards: a second run finds nothing to move and records nothing
    ok(citrine("migrate", project=project_m, url=url))
    assert len(repaired(url)) == 1


def test_consolidated_from_170_with_data_leaves_no_sequence_behind(project_m: Path,
                                                                   clone) -> None:
    url = clone("170")
    ok(citrine("consolidated", project=project_m, url=url))
    # EvseTypes keep the old Evses ids (up to 14): its sequence must be past them
    assert lags(url) == []
    assert rows(url, "SELECT nextval('\"EvseTypes_databaseId_seq\"') > "
                     "(SELECT max(\"databaseId\") FROM \"EvseTypes\")") == [(True,)]
    url = clone("170")
    fill(url)
    ok(citrine("consolidated", project=project_m, url=url))
    assert lags(url) == []


@pytest.mark.parametrize("template,command", [
    ("17x", ("version", "1.8.0")),
    ("180", ("rollback", "1.7.0")),
    ("180", ("version", "1.7.0")),
    ("180", ("undo",)),
])
def test_versions_rollbacks_and_undo_leave_no_sequence_behind(project_m: Path, clone,
                                                              template: str,
                                                              command: tuple) -> None:
    url = clone(template)
    fill(url)
    ok(citrine(*command, project=project_m, url=url))
    assert lags(url) == []


def test_custom_and_custom_rollback_leave_no_sequence_behind(project_m: Path, clone) -> None:
    url = clone("17x")
    name = f"seq-{secrets.token_hex(3)}"
    ok(citrine("select", "--select", "6,7", "--name", name, "--description", "seq test",
               "--yes", project=project_m))
    fill(url)
    ok(citrine("custom", name, project=project_m, url=url))
    assert lags(url) == []
    rewind(url)
    ok(citrine("custom:rollback", name, project=project_m, url=url))
    assert lags(url) == []


# --- verify -----------------------------------------------------------------------------------


def test_verify_reports_a_sequence_behind_with_its_fix_and_schema_only_leaves_it_out(
    project_m: Path, clone
) -> None:
    url = clone("180")
    behind = fill(url)
    run = citrine("verify", "--json", project=project_m, url=url)
    assert run.code == 1, run.text
    data = json.loads(run.out)
    assert data["in_sync"] is True and data["differences"] == []  # not schema drift
    assert data["ok"] is False
    assert sorted(s["sequence"] for s in data["sequences_behind"]) == sorted(behind)
    human = citrine("verify", project=project_m, url=url)
    assert human.code == 1 and "sequence(s) behind their ids (not drift" in human.out
    schema_only = citrine("verify", "--schema-only", "--json", project=project_m, url=url)
    ok(schema_only)
    assert json.loads(schema_only.out)["sequences_behind"] is None
    with db.connect(url) as conn, conn.begin():
        for item in data["sequences_behind"]:
            conn.exec_driver_sql(item["fix"])
    ok(citrine("verify", project=project_m, url=url))


def test_a_ledger_made_before_the_repaired_kind_is_widened_in_place(project_m: Path,
                                                                    clone) -> None:
    url = clone("180")
    with db.connect(url) as conn, conn.begin():
        conn.exec_driver_sql(
            "ALTER TABLE citrine_state.applied DROP CONSTRAINT applied_kind_check, ADD "
            "CONSTRAINT applied_kind_check CHECK (kind IN ('step', 'snapshot', 'consolidated', "
            "'batch', 'adopted', 'reverted'))")
    before = rows(url, "SELECT id, name, kind FROM citrine_state.applied ORDER BY id")
    fill(url)
    ok(citrine("migrate", project=project_m, url=url))
    assert rows(url, "SELECT id, name, kind FROM citrine_state.applied ORDER BY id")[
        :len(before)] == before
    assert len(repaired(url)) == 1
    assert "'repaired'" in rows(url, "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                     "WHERE conname = 'applied_kind_check'")[0][0]
