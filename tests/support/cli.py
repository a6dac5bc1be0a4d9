"""Run the real ``citrine-migrate`` console script in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def citrine(*args: str, project: Path | None = None, url: object | None = None,
            env: dict[str, str] | None = None, timeout: float = 300,
            input: str | None = None) -> Run:
    """``citrine-migrate ARGS`` with ``--project``/``--database-url`` given through the
    environment (CITRINE_PROJECT, CITRINE_DATABASE_URL), no stdin unless ``input``."""
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("CITRINE_DATABASE_URL", "DATABASE_URL", "CITRINE_PROJECT")}
    if project is not None:
        full_env["CITRINE_PROJECT"] = str(project)
    if url is not None:
        full_env["CITRINE_DATABASE_URL"] = _render(url)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "citrine_state", *args],
        capture_output=True, text=True, env=full_env, timeout=timeout,
        input=input, stdin=None if input is not None else subprocess.DEVNULL,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _render(url: object) -> str:
    render = getattr(url, "render_as_string", None)
    return render(hide_password=False) if render else str(url)
