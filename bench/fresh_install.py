"""Fresh install through the CLI vs `psql -f` of the same snapshot (the floor), verify wall time,
and `--help` start-up. Prints JSON (medians of several runs).

    .venv/bin/python -m bench.fresh_install [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess

from citrine_state import db, localpg

from .common import REPO, cli, emit, median, new_database, server_url, timed


def psql_load(url, path, single_transaction: bool = False) -> None:
    env = dict(os.environ, PGPASSWORD=str(url.password or ""))
    subprocess.run(
        [str(localpg.find_bindir() / "psql"), "-q", "-X", "-v", "ON_ERROR_STOP=1",
         *(["--single-transaction"] if single_transaction else []),
         "-h", str(url.host), "-p", str(url.port), "-U", str(url.username),
         "-d", str(url.database), "-f", str(path)],
        check=True, env=env, capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    server = server_url()
    snapshot = REPO / "snapshots" / "1.8.0.sql"
    floor, install_total, install_no_verify, install_verify, verify_warm, verify_cold = (
        [], [], [], [], [], [])
    help_times, floor_one_tx = [], []
    for _ in range(runs):
        target = new_database(server, "bench_floor")
        try:
            seconds, _ = timed(lambda target=target: psql_load(target, snapshot))
            floor.append(seconds)
        finally:
            db.drop_database(target)
        # The same with one COMMIT, as the install does: steadier, since `psql -f` alone
        # commits (and flushes) after every statement.
        target = new_database(server, "bench_floor1")
        try:
            seconds, _ = timed(lambda target=target: psql_load(target, snapshot, True))
            floor_one_tx.append(seconds)
        finally:
            db.drop_database(target)

        target = new_database(server, "bench_install")
        try:
            seconds, proc = timed(lambda target=target: cli("consolidated", "--json",
                                                            url=target))
            data = json.loads(proc.stdout)["install"]
            install_total.append(seconds)
            install_verify.append(data["verify_seconds"])
            install_no_verify.append(seconds - data["verify_seconds"])
            seconds, _ = timed(lambda target=target: cli("verify", url=target))
            verify_warm.append(seconds)
            shutil.rmtree(REPO / ".citrine" / "cache", ignore_errors=True)
            seconds, _ = timed(lambda target=target: cli("verify", url=target))
            verify_cold.append(seconds)
        finally:
            db.drop_database(target)

    for _ in range(max(runs, 10)):
        seconds, _ = timed(lambda: cli("--help"))
        help_times.append(seconds)

    floor_s, help_s = median(floor), median(help_times)
    emit("fresh_install", {
        "runs": runs,
        "psql_floor_s": floor_s,
        "psql_single_transaction_floor_s": median(floor_one_tx),
        "help_startup_s": help_s,
        "install_total_s": median(install_total),
        "install_without_verify_s": median(install_no_verify),
        "install_verify_s": median(install_verify),
        "install_without_verify_vs_floor_plus_startup": round(
            median(install_no_verify) / (floor_s + help_s), 2),
        "install_without_verify_vs_single_transaction_floor_plus_startup": round(
            median(install_no_verify) / (median(floor_one_tx) + help_s), 2),
        "verify_warm_cache_s": median(verify_warm),
        "verify_cold_cache_s": median(verify_cold),
        "aims": {
            "install_without_verify_vs_floor_plus_startup": "<= 1.5",
            "install_verify_s": "< 2",
            "verify_warm_cache_s": "< 1.5",
        },
    })


if __name__ == "__main__":
    main()
