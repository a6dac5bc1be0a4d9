"""The real CitrineOS schemas in ../shared/reference, and helpers to compare databases with them.

Tests read the dumps from the shared folder (never copied into the repository). Where it is
absent they skip with the reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from citrine_state import db, diff

REPO = Path(__file__).resolve().parents[2]
REFERENCE = Path(
    os.environ.get("CITRINE_REFERENCE", REPO.parent / "shared" / "reference" / "citrineos")
)
SCHEMAS = REFERENCE / "schemas"


def require_reference() -> Path:
    if SCHEMAS.is_dir():
        return SCHEMAS
    reason = f"the real CitrineOS schemas are not at {SCHEMAS} (set CITRINE_REFERENCE)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def dump_for_step(step: str) -> Path:
    """schemas/NN-<step>.sql: the upstream schema right after ``step``."""
    matches = sorted(require_reference().glob(f"[0-9][0-9]-{step}.sql"))
    if not matches:
        raise FileNotFoundError(f"no reference dump for step {step}")
    return matches[0]


def legacy_dump() -> Path:
    return require_reference() / "legacy-1.6.3-sync.sql"


def psql_file(url: object, path: Path) -> None:
    """Load a dump the way the README says: psql -v ON_ERROR_STOP=1 -f FILE."""
    parsed = db.parse_url(url) if isinstance(url, str) else url
    env = dict(os.environ, PGPASSWORD=str(parsed.password or ""))
    cmd = [
        psql_binary(), "-q", "-X", "-v", "ON_ERROR_STOP=1",
        "-h", str(parsed.host), "-p", str(parsed.port or 5432), "-U", str(parsed.username),
        "-d", str(parsed.database), "-f", str(path),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"psql -f {path} failed: {proc.stderr.strip()[-2000:]}")


def psql_binary() -> str:
    from citrine_state.localpg import find_bindir

    return str(find_bindir() / "psql")


SCOPE = diff.Scope(managed_schemas=("public",), ignored_extensions=("plpgsql",))


def schema_diff(live_url: object, expected_url: object) -> diff.SchemaDiff:
    """Differences of ``live_url`` against ``expected_url`` (SequelizeMeta ignored)."""
    with db.connect(live_url) as a, db.connect(expected_url) as b:
        return diff.compare(diff.inspect(a, SCOPE), diff.inspect(b, SCOPE))


def assert_same_schema(url_a: object, url_b: object) -> None:
    """An empty migra diff in both directions, and the same column order everywhere."""
    forward = schema_diff(url_a, url_b)
    backward = schema_diff(url_b, url_a)
    assert forward.in_sync, f"a -> b differs: {forward.as_dict()}"
    assert backward.in_sync, f"b -> a differs: {backward.as_dict()}"
