"""Every version's snapshot reproduces the real CitrineOS schema of that release (empty migra diff
both ways, same column order, same column comments), and `snapshot --check` notices models that
changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from citrine_state import api, db

from .support.reference import assert_same_schema, dump_for_step, psql_file

CASES = {
    "1.7.0": "20250430103000-initial",
    "1.8.0": "20250903102900-create-evses",
    "1.8.1": "20251121170000-add-isUserTenant-to-tenants",  # dump 14
    "1.8.2": "20260202120000-add-use16-status-notification-0-to-charging-stations",  # 18
    "1.8.3": "20260220120000-make-connector-columns-nullable",  # dump 27
}


def _column_order(url: object) -> list[tuple[str, str, int]]:
    with db.connect(url) as conn:
        rows = conn.exec_driver_sql(
            "SELECT table_name, column_name, ordinal_position FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name <> 'SequelizeMeta' "
            "AND table_name NOT IN ('spatial_ref_sys', 'geometry_columns', 'geography_columns') "
            "ORDER BY 1, 3"
        )
        return [tuple(r) for r in rows]


def _column_comments(url: object) -> dict[tuple[str, str], str]:
    with db.connect(url) as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, a.attname, d.description FROM pg_description d "
            "JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass "
            "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid")
        return {(r[0], r[1]): r[2] for r in rows}


@pytest.mark.parametrize("version,step", sorted(CASES.items()))
def test_snapshot_equals_upstream_schema(version: str, step: str, make_database) -> None:
    repo = Path(__file__).resolve().parents[1]
    ours, theirs = make_database("ours"), make_database("ref")
    psql_file(ours, repo / "snapshots" / f"{version}.sql")
    psql_file(theirs, dump_for_step(step))
    assert_same_schema(ours, theirs)
    assert _column_order(ours) == _column_order(theirs)
    assert _column_comments(ours) == _column_comments(theirs)


def test_committed_snapshots_match_models() -> None:
    project = api.open_project(Path(__file__).resolve().parents[1])
    stale = [r.version.name for r, was_stale in api.render_snapshots(project, check=True)
             if was_stale]
    assert stale == []


def test_rendering_is_deterministic(project: Path) -> None:
    proj = api.open_project(project)
    first = [r.sql for r, _ in api.render_snapshots(proj, check=True)]
    second = [r.sql for r, _ in api.render_snapshots(api.open_project(project), check=True)]
    assert first == second


def test_snapshot_check_names_the_stale_version_and_the_deltas_built_on_it(
        project: Path) -> None:
    models = project / "schema" / "v1_8_0.py"
    text = models.read_text()
    assert "'Never'::character varying" in text
    models.write_text(text.replace("'Never'::character varying", "'Always'::character varying"))
    proj = api.open_project(project)
    stale = [r.version.name for r, was_stale in api.render_snapshots(proj, check=True)
             if was_stale]
    # 1.8.1, 1.8.2 and 1.8.3 are written as changes to 1.8.0: their snapshots change with it.
    assert stale == ["1.8.0", "1.8.1", "1.8.2", "1.8.3"]


def test_models_that_cannot_render_give_a_clear_error(project: Path) -> None:
    from citrine_state.errors import UsageError

    models = project / "schema" / "v1_8_0.py"
    models.write_text(models.read_text().replace('__tablename__ = "Tenants"',
                                                 '__tablename__ = "Tenantz"'))
    with pytest.raises(UsageError, match="v1_8_0.py"):
        api.render_snapshots(api.open_project(project), check=True)
