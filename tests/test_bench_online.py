"""bench/online_upgrade.py's upstream contender: its SQL file is what CitrineOS v1.8.3's runner
does to a 1.8.0 database, so it must land exactly on the real 1.8.3 schema and SequelizeMeta;
and the bench refuses bad options with one line."""

from __future__ import annotations

import subprocess
import sys

import sqlalchemy as sa

from citrine_state import db

from .support.reference import (
    REPO,
    SCHEMAS,
    assert_same_schema,
    dump_for_step,
    psql_file,
    require_reference,
)

UPSTREAM_SQL = REPO / "bench" / "upstream_1_8_0_to_1_8_3.sql"


def test_upstream_sql_takes_a_real_180_database_to_the_real_183_schema(make_database):
    require_reference()
    live, expected = make_database("up183"), make_database("ref183")
    psql_file(live, dump_for_step("20250903102900-create-evses"))
    wanted = (SCHEMAS / "SequelizeMeta-upgraded-1.8.0-to-1.8.3.txt").read_text().split()
    with db.connect(live) as conn, conn.begin():
        # What v1.8.0's runner recorded (the dump holds the table, not its rows).
        conn.execute(sa.text('INSERT INTO "SequelizeMeta" (name) VALUES (:n)'),
                     [{"n": n} for n in wanted if n.endswith(".ts")])
    psql_file(live, UPSTREAM_SQL)
    psql_file(expected, dump_for_step("20260220120000-make-connector-columns-nullable"))
    assert_same_schema(live, expected)
    with db.connect(live) as conn:
        rows = conn.execute(sa.text('SELECT name FROM "SequelizeMeta" ORDER BY name')).scalars()
        recorded = list(rows)
    assert recorded == sorted(wanted)


def test_bench_refuses_bad_options_with_one_line_and_exit_2():
    for args in (["--runs", "0"], ["--messages", "-5"], ["--runs", "x"]):
        proc = subprocess.run([sys.executable, "-m", "bench.online_upgrade", *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_bench_counts_a_statement_blocked_into_the_upgrade_and_not_the_ones_outside_it():
    from bench.online_upgrade import Client, window_figures

    client = Client(url=None, stations=[], tokens=[])
    client.samples = [
        ("insert_ocpp_message", 9.0, 0.004),   # before the upgrade: baseline only
        ("insert_ocpp_message", 9.9, 1.2),     # sent before it began, blocked into it
        ("insert_ocpp_message", 11.5, 0.003),
        ("insert_ocpp_message", 20.5, 0.9),    # after it ended
        ("read_authorization", 12.0, 0.05),
    ]
    client.errors = [("read_authorization", 12.0, "canceling statement"),
                     ("read_authorization", 30.0, "later")]
    figures = window_figures(client, start=10.0, end=20.0)
    insert = figures["insert_ocpp_message"]
    assert (insert["count"], insert["worst_s"], insert["worst_at_s"]) == (2, 1.2, -0.1)
    assert figures["read_authorization"]["errors"] == 1
    assert figures["update_station"]["count"] == 0
    assert figures["update_station"]["worst_s"] is None
