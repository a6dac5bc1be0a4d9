"""The 1.8.0 -> 1.8.3 patch upgrade beside live traffic: ours (`citrine-migrate migrate`) and
upstream's (the statements CitrineOS v1.8.3's runner executes) side by side, each on its own copy
of one busy 1.8.0 database, while a client keeps writing. Prints JSON.

    .venv/bin/python -m bench.online_upgrade [--runs 3] [--messages 3000000] [--json-out FILE]
        [--keep-seed | --from-database NAME]

The 1.8.0 database: ``bench.generate17``'s scale-1 data (200k Authorizations, 500 stations ...)
taken to 1.8.0 by `citrine-migrate version 1.8.0`, then OCPPMessages grown to ``--messages`` rows
by one ``INSERT ... SELECT generate_series`` (its secondary indexes and foreign key dropped for
the load and put back as they were, so the schema stays exactly 1.8.0's) and ``VACUUM ANALYZE``.
``--from-database NAME`` uses an existing 1.8.0 database of the same server instead (a restored
copy of one's own: the rehearsal), which is only ever copied.

Each run makes one ``CREATE DATABASE ... TEMPLATE`` copy per contender (after a CHECKPOINT),
the contenders' order alternating from run to run:

- ours: `citrine-migrate migrate` in a subprocess with its default settings, as a user runs it;
- upstream: ``bench/upstream_1_8_0_to_1_8_3.sql`` through ``psql -f`` (autocommit, one statement
  at a time, no transaction; node's start-up, 3.4 s for upstream's runner, is not counted).

While a contender runs, a client thread in autocommit (no prepared statements, as node-postgres)
does every 20 ms: insert an OCPP message, update a station, read an authorization by token.
Each statement's latency is recorded; the figures cover the statements that overlap the upgrade.
Reported per contender: worst, p99 and p50 latency per statement, client errors, wall time, and
the goal (ours: no statement over 0.3 s, no client error, wall time at most 2x upstream's).
Exit 0 when every run completed (whether or not the goal holds: the JSON says), 1 when a
contender failed, 2 on bad input or when the server cannot be used. Every database made here is
dropped at the end. ``CITRINE_BENCH_SERVER_URL`` picks the server (default: the managed cluster).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import psycopg
import sqlalchemy as sa

from citrine_state import db
from citrine_state.errors import CitrineError
from citrine_state.localpg import find_bindir

from .common import REPO, cli, emit, new_database, server_url, url_text

UPSTREAM_SQL = REPO / "bench" / "upstream_1_8_0_to_1_8_3.sql"
# A step's progress line (step names may have capitals: add-isUserTenant-to-tenants).
STEP_LINE = re.compile(r"✅\s+(\d{14}-[A-Za-z0-9-]+)\s+\(([\d.]+)s\)")
INTERVAL_S = 0.020
GOAL_WORST_S = 0.3
GOAL_WALL_RATIO = 2.0
# Before and after the upgrade, the client runs this long on its own (a baseline, not reported
# as part of the upgrade window).
SETTLE_S = 1.0
STATEMENTS = ("insert_ocpp_message", "update_station", "read_authorization")

INSERT_MESSAGE = """
INSERT INTO "OCPPMessages" ("stationId", "correlationId", origin, protocol, action, message,
    "timestamp", "createdAt", "updatedAt", "tenantId")
VALUES (%s, %s, 'cs', 'ocpp2.0.1', 'Heartbeat', '[2, "bench", "Heartbeat", {}]'::jsonb,
        now(), now(), now(), 1)"""
UPDATE_STATION = """
UPDATE "ChargingStations" SET "isOnline" = NOT "isOnline", "updatedAt" = now() WHERE id = %s"""
READ_AUTHORIZATION = """
SELECT id, "idToken", "idTokenType", status FROM "Authorizations" WHERE "idToken" = %s"""

# OCPPMessages grown set-based; k = row number. Stations are generate17's 'CS000001'...
GROW_MESSAGES = """
INSERT INTO "OCPPMessages" ("stationId", "correlationId", origin, protocol, action, message,
    "timestamp", "createdAt", "updatedAt", "tenantId")
SELECT 'CS' || lpad((k % {stations} + 1)::text, 6, '0'), md5(k::text),
       CASE WHEN k % 2 = 0 THEN 'cs' ELSE 'csms' END, 'ocpp2.0.1',
       (ARRAY['Heartbeat', 'StatusNotification', 'MeterValues', 'TransactionEvent',
              'Authorize'])[k % 5 + 1],
       jsonb_build_array(2 + k % 2, md5(k::text), 'Heartbeat',
                         jsonb_build_object('seq', k, 'connectorId', k % 2 + 1)),
       t, t, t, 1
FROM (SELECT k, timestamptz '2025-06-01 00:00:00+00' + k * interval '2 seconds' AS t
      FROM generate_series({first}, {last}) AS k) AS g"""


class BenchError(Exception):
    """An expected failure: one line on stderr, exit ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a bad option is one line and exit 2 (no usage block)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"online_upgrade: {message}\n")
        raise SystemExit(2)


def _whole(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is below {minimum}")
        return value
    return parse


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = OneLineParser(prog="python -m bench.online_upgrade",
                           description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=_whole(1), default=1,
                        help="runs, each with both contenders (default 1; the goal asks for 3)")
    parser.add_argument("--messages", type=_whole(1), default=3_000_000,
                        help="OCPPMessages rows in the 1.8.0 database (default 3M)")
    parser.add_argument("--json-out", type=Path, metavar="FILE",
                        help="also write the JSON figures to FILE")
    parser.add_argument("--from-database", metavar="NAME",
                        help="rehearse on copies of this existing 1.8.0 database on the same "
                        "server (left as it is; --messages is then not used)")
    parser.add_argument("--keep-seed", action="store_true",
                        help="keep the generated 1.8.0 database (its name is in the JSON) for "
                        "a later --from-database")
    args = parser.parse_args(argv)
    if args.from_database is not None and not args.from_database.strip():
        parser.error("--from-database: give a database name")
    if args.json_out is not None:
        parent = args.json_out.resolve().parent
        if not parent.is_dir() or not os.access(parent, os.W_OK):
            parser.error(f"--json-out: cannot write into {parent}")
        if args.json_out.is_dir():
            parser.error(f"--json-out: {args.json_out} is a folder")
    return args


# --- the 1.8.0 database ---------------------------------------------------------------------


def _auto(conn: sa.Connection) -> sa.Connection:
    return conn.execution_options(isolation_level="AUTOCOMMIT")


def grow_messages(url: Any, messages: int, stations: int) -> float:
    """OCPPMessages up to ``messages`` rows; its secondary indexes and foreign keys are dropped
    for the load and re-created from their own definitions (same names, same schema)."""
    started = time.perf_counter()
    with db.connect(url) as conn, conn.begin():
        have = conn.exec_driver_sql('SELECT count(*) FROM "OCPPMessages"').scalar_one()
        if have >= messages:
            return 0.0
        indexes = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            " AND tablename = 'OCPPMessages' AND indexname NOT IN ("
            "  SELECT conname FROM pg_constraint WHERE conrelid = '\"OCPPMessages\"'::regclass)"
        ).all()
        fkeys = conn.exec_driver_sql(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = '\"OCPPMessages\"'::regclass AND contype = 'f'"
        ).all()
        for name, _ in fkeys:
            conn.exec_driver_sql(f'ALTER TABLE "OCPPMessages" DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        conn.exec_driver_sql(GROW_MESSAGES.format(
            stations=max(1, stations), first=have + 1, last=messages).replace("%", "%%"))
        conn.exec_driver_sql(
            """SELECT setval('"OCPPMessages_id_seq"', (SELECT max(id) FROM "OCPPMessages"))""")
        for _, definition in indexes:
            conn.exec_driver_sql(definition)
        for name, definition in fkeys:
            conn.exec_driver_sql(
                f'ALTER TABLE "OCPPMessages" ADD CONSTRAINT "{name}" {definition}')
    return time.perf_counter() - started


def build_180(url: Any, messages: int) -> dict[str, Any]:
    """generate17 at scale 1, `citrine-migrate version 1.8.0`, OCPPMessages grown, analysed."""
    from . import generate17

    started = time.perf_counter()
    generated = generate17.build(url, 1.0)
    t = time.perf_counter()
    cli("version", "1.8.0", url=url)
    to_180_s = time.perf_counter() - t
    with db.connect(url) as conn:
        stations = conn.exec_driver_sql('SELECT count(*) FROM "ChargingStations"').scalar_one()
        conn.rollback()
    grow_s = grow_messages(url, messages, stations)
    t = time.perf_counter()
    with db.connect(url) as conn:
        _auto(conn).exec_driver_sql("VACUUM ANALYZE")
    vacuum_s = time.perf_counter() - t
    check_180(url, code=1)
    return {
        "setup_s": round(time.perf_counter() - started, 1),
        "generate17_s": generated["generation_s"],
        "to_1_8_0_s": round(to_180_s, 1),
        "grow_messages_s": round(grow_s, 1),
        "vacuum_analyze_s": round(vacuum_s, 1),
        "rows": row_counts(url),
    }


def row_counts(url: Any) -> dict[str, int]:
    with db.connect(url) as conn:
        rows = {name: conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()
                for name in ("OCPPMessages", "Authorizations", "ChargingStations")}
        conn.rollback()
    return rows


def check_180(url: Any, code: int) -> None:
    """Both contenders start from 1.8.0 exactly (status, through the CLI)."""
    proc = cli("status", "--json", url=url, check=False)
    try:
        state = json.loads(proc.stdout)
    except ValueError:
        line = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"status failed on {db.mask(url)}: {line}", code) from None
    if (state.get("state"), state.get("version")) != ("at-version", "1.8.0"):
        raise BenchError(f"{db.mask(url)} is not at 1.8.0: {state.get('summary')}", code)


# --- the client -----------------------------------------------------------------------------


def conninfo(url: Any) -> dict[str, Any]:
    parsed = db.parse_url(url_text(url))
    return {"host": parsed.host, "port": parsed.port or 5432, "user": parsed.username,
            "password": parsed.password, "dbname": parsed.database}


@dataclass
class Client:
    """A station-facing application in miniature: three statements every 20 ms, autocommit,
    each one timed from the moment it is sent until its result is back."""

    url: Any
    stations: list[str]
    tokens: list[str]
    samples: list[tuple[str, float, float]] = field(default_factory=list)  # (what, start, s)
    errors: list[tuple[str, float, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    failure: str | None = None

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(**conninfo(self.url), autocommit=True,
                               application_name="bench-online-client")
        conn.prepare_threshold = None  # node-postgres sends unnamed statements
        return conn

    def _reconnect(self, old: psycopg.Connection) -> psycopg.Connection:
        """A lost connection is an error of the statement that saw it; the client goes on
        with a new one (as a pool would), or stops when the server is gone."""
        old.close()
        return self._connect()

    def run(self) -> None:
        try:
            self._loop()
        except psycopg.Error as exc:
            self.failure = f"the client lost the server: {str(exc).strip().splitlines()[0]}"

    def _loop(self) -> None:
        rng = random.Random(18)
        try:
            conn = self._connect()
        except psycopg.Error as exc:
            self.failure = f"the client cannot connect: {str(exc).strip().splitlines()[0]}"
            return
        seq = 0
        next_tick = time.perf_counter()
        try:
            while not self.stop.is_set():
                seq += 1
                work = (
                    ("insert_ocpp_message", INSERT_MESSAGE,
                     (rng.choice(self.stations), f"bench-{seq}")),
                    ("update_station", UPDATE_STATION, (rng.choice(self.stations),)),
                    ("read_authorization", READ_AUTHORIZATION, (rng.choice(self.tokens),)),
                )
                for what, sql, params in work:
                    started = time.perf_counter()
                    try:
                        cur = conn.execute(sql, params)
                        if cur.description is not None:
                            cur.fetchall()
                    except psycopg.Error as exc:
                        self.errors.append((what, started, str(exc).strip().splitlines()[0]))
                        if conn.broken:
                            conn = self._reconnect(conn)
                    self.samples.append((what, started, time.perf_counter() - started))
                next_tick += INTERVAL_S
                now = time.perf_counter()
                if next_tick > now:
                    time.sleep(next_tick - now)
                else:
                    next_tick = now  # late: go on at once, but never burst to catch up
        finally:
            conn.close()


def client_inputs(url: Any) -> tuple[list[str], list[str]]:
    with db.connect(url) as conn:
        stations = list(conn.exec_driver_sql(
            'SELECT id FROM "ChargingStations" ORDER BY id').scalars())
        tokens = list(conn.exec_driver_sql(
            'SELECT "idToken" FROM "Authorizations" ORDER BY id LIMIT 2000').scalars())
        conn.rollback()
    if not stations or not tokens:
        raise BenchError("the 1.8.0 database has no stations or no authorizations", 1)
    return stations, tokens


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def window_figures(client: Client, start: float, end: float) -> dict[str, Any]:
    """Per statement: count, worst, p99, p50 of those that overlap [start, end], when the
    worst one began (seconds into the upgrade), and the client's errors in that window."""
    figures: dict[str, Any] = {}
    for what in STATEMENTS:
        inside = [(s, d) for w, s, d in client.samples
                  if w == what and s <= end and s + d >= start]
        latencies = [d for _, d in inside]
        worst_at = max(inside, key=lambda x: x[1])[0] - start if inside else None
        errors = [e for w, s, e in client.errors if w == what and start <= s <= end]
        figures[what] = {
            "count": len(latencies),
            "worst_s": round(max(latencies), 4) if latencies else None,
            "worst_at_s": None if worst_at is None else round(worst_at, 2),
            "p99_s": round(percentile(latencies, 0.99), 4) if latencies else None,
            "p50_s": round(percentile(latencies, 0.50), 4) if latencies else None,
            "errors": len(errors),
            "first_error": errors[0] if errors else None,
        }
    return figures


def baseline(client: Client, before: float) -> dict[str, float | None]:
    """Worst latency per statement before the upgrade began (the machine's noise floor)."""
    out: dict[str, float | None] = {}
    for what in STATEMENTS:
        values = [d for w, s, d in client.samples if w == what and s + d < before]
        out[what] = round(max(values), 4) if values else None
    return out


# --- the contenders -------------------------------------------------------------------------


def run_ours(url: Any) -> subprocess.CompletedProcess:
    exe = REPO / ".venv" / "bin" / "citrine-migrate"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "citrine_state"]
    env = dict(os.environ, CITRINE_PROJECT=str(REPO), CITRINE_DATABASE_URL=url_text(url))
    env.pop("DATABASE_URL", None)
    return subprocess.run([*cmd, "migrate"], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


def run_upstream(url: Any) -> subprocess.CompletedProcess:
    info = conninfo(url)
    env = dict(os.environ, PGPASSWORD=str(info["password"] or ""))
    cmd = [str(find_bindir() / "psql"), "-X", "-q", "-o", os.devnull, "-v", "ON_ERROR_STOP=1",
           "-h", str(info["host"]), "-p", str(info["port"]), "-U", str(info["user"]),
           "-d", str(info["dbname"]), "-f", str(UPSTREAM_SQL)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


CONTENDERS = {"ours": run_ours, "upstream": run_upstream}


def checkpoint(server: Any) -> None:
    """So that a checkpoint the copy set off does not run into the timed upgrade."""
    try:
        with db.connect(server) as conn:
            _auto(conn).exec_driver_sql("CHECKPOINT")
    except sa.exc.DBAPIError:
        pass  # a role without pg_checkpoint: measured anyway
    os.sync()


def one_contender(server: Any, seed: Any, name: str, index: int) -> dict[str, Any]:
    copy = server.set(database=f"bench_online_{secrets.token_hex(3)}_{name}_{index}")
    db.create_database(copy, template=seed.database, file_copy=True)
    try:
        checkpoint(server)
        stations, tokens = client_inputs(copy)
        client = Client(copy, stations, tokens)
        thread = threading.Thread(target=client.run, name=f"client-{name}", daemon=True)
        thread.start()
        time.sleep(SETTLE_S)
        start = time.perf_counter()
        proc = CONTENDERS[name](copy)
        end = time.perf_counter()
        time.sleep(SETTLE_S)
        client.stop.set()
        thread.join(timeout=60)
        if client.failure:
            raise BenchError(client.failure)
        result: dict[str, Any] = {
            "returncode": proc.returncode,
            "wall_s": round(end - start, 3),
            "statements": window_figures(client, start, end),
            "baseline_worst_s": baseline(client, start),
        }
        stmts = result["statements"].values()
        result["worst_s"] = max((s["worst_s"] or 0.0) for s in stmts)
        result["client_errors"] = sum(s["errors"] for s in stmts)
        result["client_ticks_per_s"] = round(
            result["statements"]["insert_ocpp_message"]["count"] / max(end - start, 1e-9), 1)
        if name == "ours":
            result["steps_s"] = {m.group(1): float(m.group(2))
                                 for m in STEP_LINE.finditer(proc.stdout)}
        if proc.returncode != 0:
            result["output_tail"] = (proc.stdout[-1500:] + proc.stderr[-2500:]).strip()
        else:
            state = json.loads(cli("status", "--json", url=copy, check=False).stdout or "{}")
            result["status_after"] = state.get("summary") or state.get("state")
        return result
    finally:
        db.drop_database(copy)


def goal(ours: dict[str, Any], upstream: dict[str, Any]) -> dict[str, Any]:
    ratio = ours["wall_s"] / upstream["wall_s"] if upstream["wall_s"] else None
    checks = {
        "ours_worst_le_0_3_s": ours["worst_s"] <= GOAL_WORST_S,
        "ours_no_client_errors": ours["client_errors"] == 0,
        "ours_wall_le_2x_upstream": ratio is not None and ratio <= GOAL_WALL_RATIO,
    }
    return {"wall_ratio": None if ratio is None else round(ratio, 2), **checks,
            "met": all(checks.values())}


def git_commit() -> str | None:
    proc = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "-uno"],
                           capture_output=True, text=True).stdout.strip()
    return (proc.stdout.strip() + ("+dirty" if dirty else "")) if proc.returncode == 0 else None


def prepare(server: Any, args: argparse.Namespace) -> tuple[Any, dict[str, Any], bool]:
    """The 1.8.0 database both contenders copy: the user's (left as it is) or a generated one
    (dropped at the end unless --keep-seed); returns it, its setup figures, whether to drop."""
    if args.from_database:
        seed = server.set(database=args.from_database)
        check_180(seed, code=2)
        return seed, {"from_database": args.from_database, "rows": row_counts(seed)}, False
    seed = new_database(server, "bench_online_seed")
    try:
        setup = build_180(seed, args.messages)
    except BaseException:
        db.drop_database(seed)
        raise
    if args.keep_seed:
        setup["kept_database"] = seed.database
    return seed, setup, not args.keep_seed


def bench(args: argparse.Namespace) -> tuple[dict[str, Any], int]:
    server = server_url()
    seed, setup, drop_seed = prepare(server, args)
    runs: list[dict[str, Any]] = []
    code = 0
    try:
        for index in range(args.runs):
            order = ("ours", "upstream") if index % 2 == 0 else ("upstream", "ours")
            run: dict[str, Any] = {"order": list(order)}
            for name in order:
                run[name] = one_contender(server, seed, name, index)
            runs.append(run)
            if any(run[n]["returncode"] != 0 for n in order):
                code = 1
                break
            run["goal"] = goal(run["ours"], run["upstream"])
    finally:
        if drop_seed:
            db.drop_database(seed)
    completed = [r for r in runs if "goal" in r]
    figures = {
        "commit": git_commit(),
        "messages": None if args.from_database else args.messages,
        "interval_ms": round(INTERVAL_S * 1000),
        "setup": setup,
        "runs": runs,
        "goal_met_in_every_run": bool(completed) and len(completed) == args.runs
        and all(r["goal"]["met"] for r in completed),
        "worst_s": {name: [r[name]["worst_s"] for r in runs if name in r] for name in CONTENDERS},
        "wall_s": {name: [r[name]["wall_s"] for r in runs if name in r] for name in CONTENDERS},
    }
    return figures, code


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        figures, code = bench(args)
    except KeyboardInterrupt:
        sys.stderr.write("online_upgrade: interrupted; the databases it made are dropped\n")
        raise SystemExit(130) from None
    except BenchError as exc:
        sys.stderr.write(f"online_upgrade: {exc}\n")
        raise SystemExit(exc.code) from None
    except CitrineError as exc:
        sys.stderr.write(f"online_upgrade: {exc}\n")
        raise SystemExit(2) from None
    except RuntimeError as exc:  # a setup command (common.cli) failed
        sys.stderr.write(f"online_upgrade: {str(exc).strip().splitlines()[0]}\n")
        raise SystemExit(1) from None
    except (sa.exc.DBAPIError, psycopg.Error, OSError) as exc:
        line = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        sys.stderr.write(f"online_upgrade: {line}\n")
        raise SystemExit(2) from None
    emit("online_upgrade_1_8_0_to_1_8_3", figures)
    if args.json_out is not None:
        args.json_out.write_text(json.dumps({"benchmark": "online_upgrade_1_8_0_to_1_8_3",
                                             **figures}, indent=2) + "\n", encoding="utf-8")
    raise SystemExit(code)


if __name__ == "__main__":
    main()
