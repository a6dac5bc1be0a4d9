"""The 1.7.x -> 1.8.0 upgrade on a generated CitrineOS 1.7.x database: `citrine-migrate migrate`
wall time (adoption check and final verification included), each step's time, the migrating
process's peak memory, and the row counts before and after. Prints JSON.

    .venv/bin/python -m bench.upgrade [--scale 1] [--runs 1]

The 1.7.x database is made once per invocation by ``bench.generate17`` (set-based SQL) and each
run migrates a fresh copy of it (``CREATE DATABASE … TEMPLATE``, file by file, not through the
WAL) after a ``CHECKPOINT``, so that no checkpoint set off by the setup or the previous run
overlaps the timed run; with ``--runs N`` the figures are medians. Every database is dropped at
the end. ``CITRINE_BENCH_SERVER_URL`` picks the server (default: the managed cluster).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from citrine_state import db

from . import generate17
from .common import REPO, emit, median, new_database, server_url, url_text

# CitrineOS's own 1.8.0 migrations on the same data, from the issue (3.4 s of it is start-up).
CITRINEOS_REFERENCE_S = 6.6

STEP_LINE = re.compile(r"✅\s+(\d{14}-[a-z0-9-]+)\s+\(([\d.]+)s\)")

# Tables whose counts are reported before and after (1.7.x and 1.8.0 ones).
TABLES = (*generate17.MAIN_TABLES, "EvseTypes", "TenantPartners", "AsyncJobStatuses")


def _command() -> list[str]:
    exe = REPO / ".venv" / "bin" / "citrine-migrate"
    if exe.exists():
        return [str(exe), "migrate"]
    return [sys.executable, "-m", "citrine_state", "migrate"]


def run_migrate(url: Any) -> dict[str, Any]:
    """One `citrine-migrate migrate` in a subprocess: wall seconds, per-step seconds from its
    progress lines, peak RSS (MiB), exit code and output."""
    env = dict(os.environ, CITRINE_PROJECT=str(REPO), CITRINE_DATABASE_URL=url_text(url))
    env.pop("DATABASE_URL", None)
    timer = Path("/usr/bin/time")
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        cmd = _command()
        if timer.exists():
            cmd = [str(timer), "-f", "%M", "-o", str(rss_file), *cmd]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        peak_kib: float | None = None
        if rss_file.exists():
            text = rss_file.read_text().strip().splitlines()
            if text and text[-1].strip().isdigit():
                peak_kib = float(text[-1].strip())
        if peak_kib is None:
            # ru_maxrss of the children is a maximum over all of them; it only names this one
            # when it grew past what earlier children reached.
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            peak_kib = float(after) if after > before else None
    steps = {m.group(1): float(m.group(2)) for m in STEP_LINE.finditer(proc.stdout)}
    return {
        "returncode": proc.returncode,
        "wall_s": wall,
        "steps_s": steps,
        "peak_rss_mib": None if peak_kib is None else round(peak_kib / 1024, 1),
        "stdout": proc.stdout,
        "stderr": proc.stderr,
    }


def checkpoint(server: Any) -> bool:
    """CHECKPOINT before a timed run, so that one the setup set off (or the previous run's WAL)
    is not running during it, then flush this machine's dirty pages (the copy just written),
    which the kernel would otherwise write back in the middle of the run; False when the role
    may not checkpoint (superuser or pg_checkpoint)."""
    try:
        with db.connect(server) as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("CHECKPOINT")
        done = True
    except sa.exc.DBAPIError:
        done = False
    os.sync()
    return done


def archive_counts(conn: sa.Connection, schema: str = "citrine_archive") -> dict[str, int]:
    names = conn.execute(sa.text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = :s AND c.relkind = 'r' ORDER BY 1"
    ), {"s": schema}).scalars().all()
    return {
        name: conn.execute(sa.text(f'SELECT count(*) FROM "{schema}"."{name}"')).scalar_one()
        for name in names
    }


def after_run(url: Any) -> dict[str, Any]:
    """Row counts, archive row counts, SequelizeMeta size and the ledger's per-step durations
    (the step's ``up`` alone, without the verification the last step runs before COMMIT)."""
    with db.connect(url) as conn:
        rows = generate17.row_counts(conn, TABLES)
        archived = archive_counts(conn)
        meta = conn.execute(sa.text('SELECT count(*) FROM "SequelizeMeta"')).scalar_one()
        ledger = conn.execute(sa.text(
            "SELECT name, duration_ms FROM citrine_state.applied"
            " WHERE kind = 'step' AND duration_ms IS NOT NULL ORDER BY applied_at"
        )).all()
        conn.rollback()
    return {
        "rows_after": rows,
        "archived": archived,
        "sequelize_meta": meta,
        "ledger_s": {name: ms / 1000 for name, ms in ledger},
    }


def _notes(stderr: str) -> list[str]:
    """What the steps reported (the runner's own chatter left out)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return [line for line in lines if not line.startswith(("Traceback", "File "))][-40:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--from-database", metavar="NAME",
                        help="copy this existing 1.7.x database (e.g. one `bench.generate17` "
                        "kept) instead of generating one; it is left as it is")
    parser.add_argument("--keep-failed", action="store_true",
                        help="keep the database a failed run left behind (to look into it)")
    args = parser.parse_args()
    server = server_url()

    if args.from_database:
        seed, own_seed = server.set(database=args.from_database), False
    else:
        seed, own_seed = new_database(server, "bench_upg17_seed"), True
    targets: list[Any] = []
    try:
        if own_seed:
            generated = generate17.build(seed, args.scale)
        else:
            with db.connect(seed) as conn:
                generated = {"scale": None, "generation_s": None, "schema_s": None,
                             "data_s": None, "vacuum_analyze_s": None,
                             "rows": generate17.row_counts(conn)}
                conn.rollback()
        runs: list[dict[str, Any]] = []
        failure: dict[str, Any] | None = None
        for _ in range(max(1, args.runs)):
            target = server.set(database=f"{seed.database.replace('_seed', '')}_{len(targets)}")
            db.create_database(target, template=seed.database, file_copy=True)
            targets.append(target)
            checkpointed = checkpoint(server)
            run = run_migrate(target)
            run["checkpoint_before"] = checkpointed
            if run["returncode"] != 0:
                failure = {
                    "returncode": run["returncode"],
                    "steps_done_s": run["steps_s"],
                    "stdout_tail": run["stdout"][-3000:],
                    "stderr_tail": run["stderr"][-6000:],
                }
                if args.keep_failed:
                    failure["kept_database"] = db.mask(target)
                    targets.remove(target)
                break
            run.update(after_run(target), notes=_notes(run["stderr"]))
            runs.append(run)
            db.drop_database(target)
        figures: dict[str, Any] = {
            "scale": args.scale if own_seed else f"copy of {args.from_database}",
            "runs": len(runs),
            "generation_s": generated["generation_s"],
            "generation_detail_s": {k: generated[k] for k in
                                    ("schema_s", "data_s", "vacuum_analyze_s")},
        }
        if runs:
            step_names = list(runs[0]["steps_s"])
            rss = [r["peak_rss_mib"] for r in runs if r["peak_rss_mib"] is not None]
            figures.update({
                "steps_s": {n: median([r["steps_s"].get(n, 0.0) for r in runs])
                            for n in step_names},
                "steps_sum_s": median([sum(r["steps_s"].values()) for r in runs]),
                # The last step's figure above includes the final verification; the ledger
                # times each step's up alone.
                "steps_up_only_s": {n: median([r["ledger_s"].get(n, 0.0) for r in runs])
                                    for n in step_names},
                "final_verification_s": median([
                    r["steps_s"][step_names[-1]] - r["ledger_s"].get(step_names[-1], 0.0)
                    for r in runs]),
                "adoption_and_startup_s": median([
                    r["wall_s"] - sum(r["steps_s"].values()) for r in runs]),
                "total_s": median([r["wall_s"] for r in runs]),
                "total_s_all_runs": [round(r["wall_s"], 3) for r in runs],
                "checkpoint_before_each_run": all(r["checkpoint_before"] for r in runs),
                "peak_memory_mib": median(rss) if rss else None,
                "citrineos_own_migrations_s_reference": CITRINEOS_REFERENCE_S,
                "rows_before": generated["rows"],
                "rows_after": runs[-1]["rows_after"],
                "archived_rows": runs[-1]["archived"],
                "sequelize_meta_rows_after": runs[-1]["sequelize_meta"],
                "step_notes": runs[-1]["notes"],
            })
        else:
            figures["rows_before"] = generated["rows"]
        if failure:
            figures["failure"] = failure
        emit("upgrade_1_7_to_1_8_0", figures)
        if failure:
            raise SystemExit(1)
    finally:
        for target in targets:
            db.drop_database(target)
        if own_seed:
            db.drop_database(seed)


if __name__ == "__main__":
    main()
