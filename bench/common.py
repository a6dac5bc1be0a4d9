"""Shared bench plumbing: a server to measure on, throwaway databases, medians, JSON out."""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citrine_state import api, db

REPO = Path(__file__).resolve().parents[1]


def server_url() -> Any:
    """CITRINE_BENCH_SERVER_URL (a role that may create databases), else the managed cluster."""
    explicit = os.environ.get("CITRINE_BENCH_SERVER_URL")
    if explicit:
        return db.server_url(explicit)
    project = api.open_project(REPO)
    return db.server_url(api.database_url(project, None))


def new_database(server: Any, prefix: str = "bench") -> Any:
    url = server.set(database=f"{prefix}_{secrets.token_hex(4)}")
    db.create_database(url)
    return url


def url_text(url: Any) -> str:
    return url.render_as_string(hide_password=False)


def cli(*args: str, url: Any | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, CITRINE_PROJECT=str(REPO))
    if url is not None:
        env["CITRINE_DATABASE_URL"] = url_text(url)
    exe = REPO / ".venv" / "bin" / "citrine-migrate"
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else
           ["-m", "citrine_state"]), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return proc


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = func()
    return time.perf_counter() - started, result


def median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def emit(name: str, figures: dict[str, Any]) -> None:
    payload = {"benchmark": name, **figures}
    sys.stdout.write(json.dumps(payload, indent=2) + "\n")
