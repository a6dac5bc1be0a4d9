"""`manager list` and `manager report`: steps by version, custom batches, and with a database
what is applied, pending and drifted; the Markdown report is pinned by golden files.

The goldens use a small project of their own (tests/fixtures/report-project), so they change
only when the report's format does. Regenerate them with CITRINE_UPDATE_GOLDEN=1 after a
deliberate change, and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from citrine_state import db
from citrine_state.project import load as load_project

from .support.cli import citrine
from .support.golden import assert_golden
from .support.stepping import repo_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "report-project"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the report fixture project (named as the golden expects), with a
    custom batch made the way users make one."""
    dest = tmp_path / "report-project"
    shutil.copytree(MINI, dest, ignore=shutil.ignore_patterns("__pycache__", ".citrine"))
    made = citrine("select", "--select", "2", "--name", "colour-hotfix", "--description",
                   "Only the widget colour column", "--yes", project=dest)
    assert made.code == 0, made.text
    return dest


def _normalise(text: str) -> str:
    """Take out what changes from run to run: the generation time, applied-at and batch
    creation times, the database URL, the engine's version."""
    text = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", "<created>", text)
    text = re.sub(r"citrine-state \d+\.\d+\.\d+\S*", "citrine-state <version>", text)
    text = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z", "<time>", text)
    text = re.sub(r"postgresql://[^`\s|]+", "<database>", text)
    return text




def _json(*args: str, project: Path, url=None) -> dict:
    run = citrine(*args, "--json", project=project, url=url)
    assert run.code == 0, run.text
    return json.loads(run.out)


def _exec(url, sql: str) -> None:
    with db.connect(url) as conn:
        conn.exec_driver_sql(sql)
        conn.commit()


# --- manager list -------------------------------------------------------------------------------


def test_list_groups_the_steps_by_version_with_time_and_description(project: Path) -> None:
    data = _json("manager", "list", "--no-database", project=project)
    assert data["database"] is None
    by_version = {v["name"]: v for v in data["versions"]}
    assert [len(v["steps"]) for v in data["versions"]] == [
        len(v.steps) for v in repo_project().versions]
    assert [len(v["steps"]) for v in data["versions"]][:5] == [1, 11, 2, 4, 9]
    first = by_version["1.8.0"]["steps"][0]
    assert first["name"] == "20250430105500-create-tenants-table"
    assert first["timestamp"] == "20250430105500"
    assert first["description"] == "Create the Tenants table."
    assert first["applied"] is None
    human = citrine("manager", "list", "--no-database", project=project)
    assert human.code == 0, human.text
    assert "📦 1.8.0  Multi-tenant support and authorization flattening (11 steps)" in human.out
    assert "2025-04-30 10:55:00  Create the Tenants table." in human.out
    assert "📦 1.9.0" in human.out and "(no steps yet)" in human.out


def test_list_without_a_database_never_creates_the_managed_cluster(project: Path) -> None:
    run = citrine("manager", "list", project=project)
    assert run.code == 0, run.text
    assert "No database consulted" in run.out
    assert not (project / ".citrine" / "cluster.json").exists()


def test_list_uses_the_managed_cluster_once_it_exists(tmp_path: Path) -> None:
    from citrine_state import localpg

    parent = Path(tempfile.mkdtemp(prefix="citrine-list-"))
    os.chmod(parent, 0o755)
    dest = parent / "report-project"
    shutil.copytree(MINI, dest)
    try:
        assert citrine("db", "start", project=dest).code == 0
        assert citrine("consolidated", project=dest).code == 0
        assert citrine("db", "stop", project=dest).code == 0
        run = citrine("manager", "list", project=dest)
        assert run.code == 0, run.text
        assert re.search(r"Database: postgresql://citrine:\*\*\*@127\.0\.0\.1:\d+/citrine",
                         run.out)
        assert "2 of 3 step(s) applied." in run.out
    finally:
        cluster = localpg.load(dest)
        if cluster is not None:
            localpg.stop(cluster)
            shutil.rmtree(Path(cluster.datadir).parent, ignore_errors=True)
        shutil.rmtree(parent, ignore_errors=True)


def test_list_shows_what_is_applied_and_pending(mini: Path, database) -> None:
    assert citrine("consolidated", project=mini, url=database).code == 0
    data = _json("manager", "list", project=mini, url=database)
    steps = {s["name"]: s for v in data["versions"] for s in v["steps"]}
    assert steps["20250101100000-create-widgets"]["applied"] is True
    assert steps["20250101100000-create-widgets"]["applied_how"] == "snapshot"
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$",
                    steps["20250115120000-add-widget-colour"]["applied_at"])
    assert steps["20250201090000-create-gadgets"]["applied"] is False
    human = citrine("manager", "list", project=mini, url=database)
    assert "✅ 20250101100000-create-widgets" in human.out
    assert "⏳ 20250201090000-create-gadgets" in human.out
    assert "2 of 3 step(s) applied." in human.out


def test_list_counts_steps_that_only_sequelizemeta_records(mini: Path, database) -> None:
    _exec(database, 'CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY);'
                    "INSERT INTO \"SequelizeMeta\" VALUES ('20250101100000-create-widgets.ts')")
    data = _json("manager", "list", project=mini, url=database)
    first = data["versions"][0]["steps"][0]
    assert (first["applied"], first["applied_how"]) == (True, "SequelizeMeta")


# --- manager report -----------------------------------------------------------------------------


def test_report_markdown_without_a_database_matches_the_golden(mini: Path, tmp_path) -> None:
    out = tmp_path / "change-request.md"
    run = citrine("manager", "report", "--no-database", "--format", "md", "--output", str(out),
                  project=mini)
    assert run.code == 0, run.text
    assert run.out == ""
    assert_golden("report-offline.md", _normalise(out.read_text(encoding="utf-8")))


def test_report_markdown_with_a_database_matches_the_golden(mini: Path, database) -> None:
    assert citrine("consolidated", project=mini, url=database).code == 0
    run = citrine("manager", "report", "--format", "md", project=mini, url=database)
    assert run.code == 0, run.text
    text = _normalise(run.out)
    assert str(database.database) not in text
    assert_golden("report-database.md", text)


def test_report_json_names_drift_and_pending_steps(mini: Path, database) -> None:
    assert citrine("consolidated", project=mini, url=database).code == 0
    _exec(database, "ALTER TABLE widgets ADD COLUMN extra integer")
    data = _json("manager", "report", project=mini, url=database)
    dbi = data["database"]
    assert dbi["state"] == "drifted"
    assert dbi["pending"] == ["20250201090000-create-gadgets"]
    assert dbi["applied"] == ["20250101100000-create-widgets", "20250115120000-add-widget-colour"]
    assert not dbi["drift"]["in_sync"]
    assert any("extra" in s for s in dbi["drift"]["sql"])
    assert data["versions"][0]["features"] == ["A widgets table", "Widget colours | shades"]
    assert data["batches"][0]["name"] == "colour-hotfix"
    assert data["batches"][0]["migrations"][0]["applied"] is True
    md = citrine("manager", "report", "--format", "md", project=mini, url=database)
    assert "**Drift** (the live schema against what it should be):" in md.out
    assert "| different | table | `\"public\".\"widgets\"` |" in md.out


def test_report_lists_what_the_batch_loader_says_about_a_batch(mini: Path) -> None:
    step = mini / "versions" / "1.0.0" / "20250115120000-add-widget-colour.py"
    step.write_text(step.read_text().replace("Add widgets.colour.", "Add widgets.colour!"))
    data = _json("manager", "report", "--no-database", project=mini)
    assert [b["name"] for b in data["batches"]] == ["colour-hotfix"]
    assert len(data["problems"]) == 1
    assert data["problems"][0].startswith(
        "versions/1.0.0/20250115120000-add-widget-colour.py changed since custom batch "
        "colour-hotfix was created")
    validate = citrine("manager", "validate", "--json", project=mini)
    assert validate.code == 1
    assert json.loads(validate.out)["problems"] == data["problems"]


def test_report_in_the_terminal_shows_versions_batches_and_state(mini: Path, database) -> None:
    assert citrine("consolidated", project=mini, url=database).code == 0
    run = citrine("manager", "report", project=mini, url=database)
    assert run.code == 0, run.text
    for text in ("Migration report: report-project", "exactly at version 1.0.0",
                 "1.0.0: Widgets", "Breaking changes", "Widget names are now limited",
                 "🎯 colour-hotfix", "⏳ 20250201090000-create-gadgets",
                 "Next:     citrine-migrate migrate"):
        assert text in run.out, text
    assert "20250101100000-create-widgets" in run.out


def test_report_on_the_citrineos_project_at_its_latest_version(project: Path, database) -> None:
    assert citrine("consolidated", project=project, url=database).code == 0  # a fresh install
    run = citrine("manager", "report", "--format", "md", project=project, url=database)
    assert run.code == 0, run.text
    proj = load_project(project)  # consolidated goes to the latest modelled version
    upto = len(proj.steps_up_to(proj.latest))
    total = sum(len(v.steps) for v in proj.versions)
    assert f"| State | exactly at version {proj.latest.name}" in run.out
    assert f"| Applied | {upto} of {total} step(s), recorded by ledger |" in run.out
    assert "### 1.9.0: Enhanced OCPP 2.0.1 features" in run.out


def test_report_output_needs_a_file_format(mini: Path, tmp_path) -> None:
    run = citrine("manager", "report", "--no-database", "--output", str(tmp_path / "r.txt"),
                  project=mini)
    assert run.code == 2
    assert "--output needs --format md or json" in run.err
    bad = citrine("manager", "report", "--no-database", "--format", "pdf", project=mini)
    assert bad.code == 2 and "'--format': 'pdf': give rich, md or json" in bad.err


def test_report_in_an_80_column_terminal_squeezes_nothing(project: Path, database) -> None:
    # The longest step names of the project are 68 characters: a table of step, description
    # and applied columns left the description no room at all at 80 columns.
    from citrine_state import api

    assert citrine("consolidated", project=project, url=database).code == 0
    run = citrine("manager", "report", project=project, url=database, env={"COLUMNS": "80"})
    assert run.code == 0, run.text
    proj = api.open_project(project)
    from citrine_state.steps import all_steps

    for step in all_steps(proj):
        # name and description whole (the terminal may wrap a long line, nothing cuts it)
        assert f"✅ {step.name}\n" in run.out, step.name
        assert f"(snapshot) · {step.description}\n" in run.out, step.description
    for version in proj.versions:
        assert f"{version.name}: {version.description}\n" in run.out
    assert "…" not in run.out
