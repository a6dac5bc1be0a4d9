"""Scripts run inside the caller's transaction; a failure names its statement, whether the
script went statement by statement or whole under a savepoint."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from citrine_state import db


def _script(failing_at: int | None, count: int = 60) -> str:
    lines = []
    for i in range(count):
        if i == failing_at:
            lines.append("INSERT INTO t0 (v) VALUES ('not a number');")
        else:
            lines.append(f"CREATE TABLE t{i} (v int CHECK (format('%s', v) LIKE '%'));")
    script = "\n".join(lines)
    assert len(script) >= db._WHOLE_SCRIPT_FROM  # long enough to be sent whole
    return script


def _tables(url) -> list[str]:
    with db.connect(url) as conn:
        return list(conn.execute(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).scalars())


@pytest.mark.parametrize("whole", [False, True])
def test_a_failing_statement_is_named_and_nothing_of_the_script_remains(database,
                                                                        whole: bool) -> None:
    with db.connect(database) as conn:
        with pytest.raises(sa.exc.DBAPIError) as caught:
            db.run_script(conn, _script(failing_at=52), whole=whole)
        assert caught.value.statement == "INSERT INTO t0 (v) VALUES ('not a number')"
        conn.rollback()
    assert _tables(database) == []


def test_a_whole_script_runs_in_the_callers_transaction(database) -> None:
    with db.connect(database) as conn:
        db.run_script(conn, _script(failing_at=None), whole=True)
        assert conn.in_transaction()
        conn.rollback()
    assert _tables(database) == []
    with db.connect(database) as conn:
        db.run_script(conn, _script(failing_at=None), whole=True)
        conn.commit()
    assert len(_tables(database)) == 60


def test_a_dry_run_sees_every_statement_of_a_whole_script(database) -> None:
    with db.connect(database) as conn, db.capture_scripts() as seen:
        db.run_script(conn, _script(failing_at=None), whole=True)
        conn.rollback()
    assert len(seen) == 60 and seen[0].startswith("CREATE TABLE t0 ")
