"""Snapshots of 1.7.0 and 1.8.0 reproduce the real CitrineOS schemas (empty migra diff both ways,
same column order), and `snapshot --check` notices models that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from citrine_state import api, db

from .support.reference import assert_same_schema, dump_for_step, psql_file

CASES = {
    "1.7.0": "20250430103000-initial",
    "1.8.0": "20250903102900-create-evses",
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


@pytest.mark.parametrize("version,step", sorted(CASES.items()))
def test_snapshot_equals_upstream_schema(version: str, step: str, make_database) -> None:
    repo = Path(__file__).resolve().parents[1]
    ours, theirs = make_database("ours"), make_database("ref")
    psql_file(ours, repo / "snapshots" / f"{version}.sql")
    psql_file(theirs, dump_for_step(step))
    assert_same_schema(ours, theirs)
    assert _column_order(ours) == _column_order(theirs)


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


def test_snapshot_check_names_the_stale_version(project: Path) -> None:
    models = project / "schema" / "v1_8_0.py"
    text = models.read_text()
    assert "'Never'::character varying" in text
    models.write_text(text.replace("'Never'::character varying", "'Always'::character varying"))
    proj = api.open_project(project)
    stale = [r.version.name for r, was_stale in api.render_snapshots(proj, check=True)
             if was_stale]
    assert stale == ["1.8.0"]


def test_models_that_cannot_render_give_a_clear_error(project: Path) -> None:
    from citrine_state.errors import UsageError

    models = project / "schema" / "v1_8_0.py"
    models.write_text(models.read_text().replace('__tablename__ = "Tenants"',
                                                 '__tablename__ = "Tenantz"'))
    with pytest.raises(UsageError, match="v1_8_0.py"):
        api.render_snapshots(api.open_project(project), check=True)
