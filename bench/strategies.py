"""The two strategies side by side. (1) 1.7.0 -> 1.8.0 on generated data: `citrine-migrate
consolidated` (one verified migration) vs `citrine-migrate migrate` (every step of 1.8.0) on
identical copies of one database; (2) a fresh install: `consolidated` (the snapshot) vs `migrate`
(replaying every step) on an empty database. Prints JSON (medians of ``--runs``).

    .venv/bin/python -m bench.strategies [--scale 1] [--runs 3]

The consolidated path starts from a database that is exactly at 1.7.0 (pre-tenant), so the
source is not ``bench.generate17``'s 1.7.x database (1.7.0 + 4 steps of 1.8.0) but the same data
in the 1.7.0 schema: `citrine-migrate version 1.7.0` installs and records the snapshot, then
``generate17``'s set-based SQL loads the data while the two columns 1.7.0 lacks (``tenantId``
everywhere, ``Authorizations.concurrentTransaction``) exist for the load only. Each run times a
fresh ``CREATE DATABASE ... TEMPLATE`` copy. ``CITRINE_BENCH_SERVER_URL`` picks the server
(default: the managed cluster); every database made here is dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from citrine_state import db

from . import generate17
from .common import REPO, cli, emit, median, new_database, server_url, url_text
from .upgrade import TABLES, archive_counts

STEP_LINE = re.compile(r"✅\s+(\d{14}-[a-z0-9-]+)\s+\(([\d.]+)s\)")
PHASE_LINE = re.compile(r"^(expand|data|contract|finalize): \d+ item")
PHASES = ("expand", "data", "contract", "finalize")


# --- the 1.7.0 source database --------------------------------------------------------------


def _public_tables(conn: sa.Connection) -> list[str]:
    return list(conn.execute(sa.text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        " AND tablename NOT IN ('SequelizeMeta', 'spatial_ref_sys') ORDER BY 1"
    )).scalars())


def _run_sql(conn: sa.Connection, sql: str) -> None:
    """One statement without parameters (the driver still reads ``%`` as a placeholder)."""
    conn.exec_driver_sql(sql.replace("%", "%%"))


def build_170(url: Any, scale: float) -> dict[str, Any]:
    """Fill the empty database at ``url``: the 1.7.0 snapshot (recorded as 1.7.0) holding
    ``generate17``'s data at ``scale``; checks that `status` says exactly 1.7.0."""
    started = time.perf_counter()
    cli("version", "1.7.0", url=url)
    schema_s = time.perf_counter() - started
    counts = generate17.counts_for(scale)
    per_table: dict[str, float] = {}
    with db.connect(url) as conn:
        t = time.perf_counter()
        with conn.begin():
            tables = _public_tables(conn)
            # generate17's statements write the two columns 1.7.x has and 1.7.0 lacks. The
            # default is constant, so adding the column rewrites nothing; dropping it only marks
            # it dropped (the schema is 1.7.0's as far as anything can see).
            for table in tables:
                conn.exec_driver_sql(
                    f'ALTER TABLE "{table}" ADD COLUMN "tenantId" integer DEFAULT 1')
            conn.exec_driver_sql(
                'ALTER TABLE "Authorizations" ADD COLUMN "concurrentTransaction" boolean')
            for label, sql in generate17.data_sql(counts):
                step = time.perf_counter()
                _run_sql(conn, sql)
                per_table[label] = round(time.perf_counter() - step, 3)
            _run_sql(conn, generate17.ADVANCE_SEQUENCES)
            for table in tables:
                conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "tenantId"')
            conn.exec_driver_sql('ALTER TABLE "Authorizations" DROP COLUMN '
                                 '"concurrentTransaction"')
        data_s = time.perf_counter() - t
        t = time.perf_counter()
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        auto.exec_driver_sql("VACUUM ANALYZE")
        vacuum_s = time.perf_counter() - t
        rows = generate17.row_counts(auto)
    state = json.loads(cli("status", "--json", url=url).stdout)
    if (state.get("state"), state.get("version")) != ("at-version", "1.7.0") or \
            state.get("pending") != _pending_after_170():
        raise RuntimeError(f"the generated database is not exactly at 1.7.0: {state.get('state')}"
                           f" {state.get('version')} ({state.get('summary')})")
    return {
        "scale": scale,
        "generation_s": round(time.perf_counter() - started, 3),
        "schema_s": round(schema_s, 3),
        "data_s": round(data_s, 3),
        "vacuum_analyze_s": round(vacuum_s, 3),
        "per_table_s": per_table,
        "status": {k: state.get(k) for k in ("state", "version", "recorded_by", "summary")},
        "rows": rows,
    }


def _pending_after_170() -> list[str]:
    config = json.loads((REPO / "migration-config.json").read_text(encoding="utf-8"))
    return list(config["versions"]["1.8.0"]["migrations"])


# --- one timed CLI run ------------------------------------------------------------------------


def _command(*args: str) -> list[str]:
    exe = REPO / ".venv" / "bin" / "citrine-migrate"
    if exe.exists():
        return [str(exe), *args]
    return [sys.executable, "-m", "citrine_state", *args]


def _collect(stream: IO[str], into: list[tuple[float, str]]) -> None:
    for line in stream:
        into.append((time.perf_counter(), line.rstrip("\n")))


def run_cli(url: Any, *args: str) -> dict[str, Any]:
    """One `citrine-migrate ARGS` in a subprocess: wall seconds, its output lines with the time
    each arrived (so phases can be timed from the progress lines), peak RSS (MiB) from
    /usr/bin/time when there is one, exit code."""
    env = dict(os.environ, CITRINE_PROJECT=str(REPO), CITRINE_DATABASE_URL=url_text(url))
    env.pop("DATABASE_URL", None)
    timer = Path("/usr/bin/time")
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        cmd = _command(*args)
        if timer.exists():
            cmd = [str(timer), "-f", "%M", "-o", str(rss_file), *cmd]
        out: list[tuple[float, str]] = []
        err: list[tuple[float, str]] = []
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, text=True, env=env)
        readers = [threading.Thread(target=_collect, args=(proc.stdout, out)),
                   threading.Thread(target=_collect, args=(proc.stderr, err))]
        for reader in readers:
            reader.start()
        code = proc.wait()
        wall = time.perf_counter() - started
        for reader in readers:
            reader.join()
        peak: float | None = None
        if rss_file.exists():
            text = rss_file.read_text().strip().splitlines()
            if text and text[-1].strip().isdigit():
                peak = round(float(text[-1].strip()) / 1024, 1)
    return {
        "returncode": code,
        "wall_s": wall,
        "started": started,
        "stdout": out,
        "stderr": err,
        "peak_rss_mib": peak,
    }


def _text(lines: list[tuple[float, str]]) -> str:
    return "\n".join(line for _, line in lines)


def _failure(run: dict[str, Any], what: str) -> RuntimeError:
    return RuntimeError(f"{what} exited {run['returncode']}:\n{_text(run['stdout'])[-2000:]}\n"
                        f"{_text(run['stderr'])[-4000:]}")


def _ledger_seconds(url: Any) -> dict[str, float]:
    """The ledger's duration of each step (consolidated: the whole migration on its last step),
    which stops before the verification that runs ahead of COMMIT."""
    with db.connect(url) as conn:
        rows = conn.execute(sa.text(
            "SELECT name, duration_ms FROM citrine_state.applied"
            " WHERE kind IN ('step', 'consolidated') AND duration_ms IS NOT NULL"
            " ORDER BY applied_at, name"
        )).all()
        conn.rollback()
    return {name: ms / 1000 for name, ms in rows if ms}


def _end_state(url: Any) -> dict[str, Any]:
    """After a run: `status` must say exactly the latest version with nothing pending; plus
    the row and archive counts, to compare the two strategies."""
    state = json.loads(cli("status", "--json", url=url).stdout)
    if state.get("state") != "at-version" or state.get("pending"):
        raise RuntimeError(f"not at a version after the run: {state.get('summary')}")
    with db.connect(url) as conn:
        rows = generate17.row_counts(conn, TABLES)
        archived = archive_counts(conn)
        meta = conn.execute(sa.text('SELECT count(*) FROM "SequelizeMeta"')).scalar_one()
        conn.rollback()
    return {"version": state.get("version"), "rows": rows, "archived": archived,
            "sequelize_meta": meta}


# --- the figures of each kind of run ----------------------------------------------------------


def consolidated_upgrade(url: Any) -> dict[str, Any]:
    """`consolidated --json` on a copy of the 1.7.0 database: wall, and the split read from the
    progress lines' arrival times and the ledger."""
    run = run_cli(url, "consolidated", "--json")
    if run["returncode"] != 0:
        raise _failure(run, "consolidated")
    result = json.loads(_text(run["stdout"]))
    if result.get("action") != "upgraded":
        raise RuntimeError(f"consolidated did not upgrade: {result.get('action')}")
    upgrade_s = sum(u["seconds"] for u in result["upgrades"])
    marks: dict[str, float] = {}
    for at, line in run["stderr"]:
        line = line.strip()
        if line.startswith("consolidated ") and "start" not in marks:
            marks["start"] = at
        elif (m := PHASE_LINE.match(line)) and m.group(1) not in marks:
            marks[m.group(1)] = at
    ledger_s = sum(_ledger_seconds(url).values())
    figures: dict[str, Any] = {
        "wall_s": run["wall_s"],
        "peak_rss_mib": run["peak_rss_mib"],
        "migration_s": upgrade_s,
        "target_verification_s": upgrade_s - ledger_s,
    }
    if "start" in marks:
        # Start-up, lock, classification (the live schema verified equal to 1.7.0).
        figures["before_migration_s"] = marks["start"] - run["started"]
        seen = [p for p in PHASES if p in marks]
        ends = [marks[p] for p in seen[1:]] + [marks["start"] + ledger_s]
        figures["phases_s"] = {p: end - marks[p] for p, end in zip(seen, ends, strict=True)}
        figures["after_migration_s"] = (run["started"] + run["wall_s"]
                                        - marks["start"] - upgrade_s)
    figures["end"] = _end_state(url)
    return figures


def migrate_run(url: Any) -> dict[str, Any]:
    """`migrate`: wall, each step's figure from its progress line (the last one includes the
    final verification) and from the ledger (its up alone)."""
    run = run_cli(url, "migrate")
    if run["returncode"] != 0:
        raise _failure(run, "migrate")
    steps = {m.group(1): float(m.group(2)) for m in STEP_LINE.finditer(_text(run["stdout"]))}
    if not steps:
        raise RuntimeError(f"migrate ran no step:\n{_text(run['stdout'])[-2000:]}")
    ledger = _ledger_seconds(url)
    last = list(steps)[-1]
    return {
        "wall_s": run["wall_s"],
        "peak_rss_mib": run["peak_rss_mib"],
        "steps_s": steps,
        "steps_up_only_s": {n: ledger.get(n, 0.0) for n in steps},
        "final_verification_s": steps[last] - ledger.get(last, 0.0),
        "outside_steps_s": run["wall_s"] - sum(steps.values()),
        "end": _end_state(url),
    }


def consolidated_install(url: Any) -> dict[str, Any]:
    run = run_cli(url, "consolidated", "--json")
    if run["returncode"] != 0:
        raise _failure(run, "consolidated (fresh install)")
    result = json.loads(_text(run["stdout"]))
    if result.get("action") != "installed":
        raise RuntimeError(f"consolidated did not install: {result.get('action')}")
    install = result["install"]
    return {
        "wall_s": run["wall_s"],
        "peak_rss_mib": run["peak_rss_mib"],
        "install_s": install["seconds"],
        "verify_s": install["verify_seconds"],
        "end": _end_state(url),
    }


# --- aggregation ------------------------------------------------------------------------------


def _medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median of every number (nested dicts key by key) over the runs; the rest from the last."""
    first = runs[-1]
    out: dict[str, Any] = {}
    for key, value in first.items():
        if isinstance(value, bool) or key == "end":
            continue
        if isinstance(value, (int, float)):
            values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
            out[key] = median(values) if values else None
        elif isinstance(value, dict) and all(isinstance(v, (int, float)) for v in value.values()):
            out[key] = {k: median([r[key].get(k, 0.0) for r in runs]) for k in value}
        elif value is None:
            out[key] = None
    out["wall_s_all_runs"] = [round(r["wall_s"], 3) for r in runs]
    return out


def _ratio(slow: float, fast: float) -> float | None:
    return round(slow / fast, 2) if fast else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = max(1, args.runs)
    server = server_url()
    made: list[Any] = []

    def fresh(prefix: str, template: str | None = None) -> Any:
        if template is None:
            url = new_database(server, prefix)
        else:
            url = server.set(database=f"{prefix}_{len(made)}_{os.getpid()}")
            db.create_database(url, template=template)
        made.append(url)
        return url

    def drop(url: Any) -> None:
        db.drop_database(url)
        made.remove(url)

    try:
        seed = fresh("bench_strat170")
        generated = build_170(seed, args.scale)
        by_consolidated: list[dict[str, Any]] = []
        by_migrate: list[dict[str, Any]] = []
        install_snapshot: list[dict[str, Any]] = []
        install_steps: list[dict[str, Any]] = []
        for i in range(runs):
            # Alternate which one goes first, so a warm cache favours neither.
            order = ((consolidated_upgrade, by_consolidated), (migrate_run, by_migrate))
            for func, into in order if i % 2 == 0 else order[::-1]:
                target = fresh("bench_strat_up", template=seed.database)
                into.append(func(target))
                drop(target)
            order = ((consolidated_install, install_snapshot), (migrate_run, install_steps))
            for func, into in order if i % 2 == 0 else order[::-1]:
                target = fresh("bench_strat_new")
                into.append(func(target))
                drop(target)

        cons, steps = _medians(by_consolidated), _medians(by_migrate)
        snap, replay = _medians(install_snapshot), _medians(install_steps)
        end_c, end_m = by_consolidated[-1]["end"], by_migrate[-1]["end"]
        emit("strategies", {
            "scale": args.scale,
            "runs": runs,
            "source_1_7_0": {k: v for k, v in generated.items() if k != "per_table_s"},
            "upgrade_1_7_0_to_1_8_0": {
                "consolidated": cons,
                "migrate": steps,
                "migrate_vs_consolidated_wall": _ratio(steps["wall_s"], cons["wall_s"]),
                "same_row_counts_after": end_c["rows"] == end_m["rows"],
                "same_archive_counts_after": end_c["archived"] == end_m["archived"],
                "rows_after": end_c["rows"],
                "archived_rows": end_c["archived"],
                "sequelize_meta_rows_after": {"consolidated": end_c["sequelize_meta"],
                                              "migrate": end_m["sequelize_meta"]},
            },
            "fresh_install": {
                "snapshot_by_consolidated": snap,
                "replay_by_migrate": replay,
                "replay_vs_snapshot_wall": _ratio(replay["wall_s"], snap["wall_s"]),
                "replay_minus_snapshot_s": round(replay["wall_s"] - snap["wall_s"], 3),
            },
        })
    finally:
        for url in list(made):
            db.drop_database(url)


if __name__ == "__main__":
    main()
