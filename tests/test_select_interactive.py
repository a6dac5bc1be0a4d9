"""`select` and `manager interactive` on a real pseudo-terminal (pexpect): the prompts and
answers of the spec's "Step-by-Step Example", typed as a user types them, and the re-asking on
bad answers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from citrine_state.project import load

from .conftest import REPO

TOTAL = sum(len(v.steps) for v in load(REPO).versions)  # every step the config lists

SELECT = "Select migrations: "
PROCEED = "Proceed with these selections? (y/N): "
NAME = 'Enter batch name (e.g., "custom-v1.8.0", "hotfix-auth"): '
DESCRIPTION = "Enter batch description: "


def spawn(project: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CITRINE_DATABASE_URL", "DATABASE_URL")}
    env.update(CITRINE_PROJECT=str(project), COLUMNS="120", TERM="dumb")
    child = pexpect.spawn(sys.executable, ["-m", "citrine_state", *args], env=env,
                          cwd=str(REPO), encoding="utf-8", timeout=60, dimensions=(50, 120))
    return child


def finish(child: pexpect.spawn) -> tuple[int, str]:
    """Wait for the end; the exit status and everything printed since the last expect."""
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    return child.exitstatus, rest


def custom_files(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "versions" / "custom").iterdir())


def test_the_specs_step_by_step_example(project: Path) -> None:
    child = spawn(project, "select")
    child.expect_exact(SELECT)
    listing = child.before
    assert listing.startswith("🎯 Custom Migration Batch Creator\r\n\r\n📋 Available Migrations:"
                              "\r\n\r\n1. 20250430103000-initial.py\r\n   Description: Create the "
                              "1.7.0 baseline schema")
    assert ("2. 20250430105500-create-tenants-table.py\r\n"
            "   Description: Create the Tenants table.\r\n"
            "   Timestamp: 20250430105500\r\n") in listing
    assert "12. 20250903102900-create-evses.py" in listing
    assert listing.rstrip().endswith(
        "💡 Migration Selection Options:\r\n"
        "   • Enter numbers separated by commas (e.g., 1,3,5)\r\n"
        "   • Enter ranges with dashes (e.g., 1-5)\r\n"
        "   • Mix both formats (e.g., 1,3-7,9)\r\n"
        '   • Enter "all" to select all migrations\r\n'
        '   • Enter "none" or empty to skip selection')
    child.sendline("1-3,5")
    child.expect_exact(PROCEED)
    assert child.before.replace("\r\n", "\n").strip().endswith(
        "✅ Selected 4 migrations:\n"
        "   • 20250430103000-initial.py\n"
        "   • 20250430105500-create-tenants-table.py\n"
        "   • 20250430110000-create-default-tenant.py\n"
        "   • 20250618150000-update-authorizations-to-include-concurrenttransaction.py")
    child.sendline("y")
    child.expect_exact(NAME)
    child.sendline("tenant-auth-hotfix")
    child.expect_exact(DESCRIPTION)
    child.sendline("Tenant setup and authorization flattening for hotfix deployment")
    code, rest = finish(child)
    assert code == 0, rest
    assert rest.replace("\r\n", "\n").strip() == (  # the terminal echoes the answer first
        "Tenant setup and authorization flattening for hotfix deployment\n\n"
        "✅ Custom batch migration created: versions/custom/tenant-auth-hotfix-consolidated.py\n"
        "📄 Metadata file created: versions/custom/tenant-auth-hotfix-metadata.json\n\n"
        "🚀 To run this custom batch migration:\n"
        "   citrine-migrate custom tenant-auth-hotfix")
    data = json.loads((project / "versions" / "custom" /
                       "tenant-auth-hotfix-metadata.json").read_text())
    assert data["description"] == "Tenant setup and authorization flattening for hotfix deployment"
    assert [m["timestamp"] for m in data["migrations"]] == [
        "20250430103000", "20250430105500", "20250430110000", "20250618150000"]


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("0", "the list starts at 1"),
        (f"{TOTAL + 1}", f"{TOTAL + 1} is out of range, there are {TOTAL} migrations (1-{TOTAL})"),
        ("5-3", "reversed range"),
        ("1-", "is not a range"),
        ("abc", "is not a number"),
        ("1,,2", "an entry is empty"),
    ],
)
def test_a_bad_selection_says_why_and_asks_again(project: Path, answer: str, says: str) -> None:
    child = spawn(project, "select")
    child.expect_exact(SELECT)
    child.sendline(answer)
    child.expect_exact(SELECT)
    assert f"❌ {says}" in child.before or says in child.before
    child.sendline(" 2 , 4 ")
    child.expect_exact(PROCEED)
    assert "✅ Selected 2 migrations:" in child.before
    child.sendline("n")
    code, rest = finish(child)
    assert code == 0 and "Cancelled: nothing was written." in rest
    assert custom_files(project) == ["README.md"]


@pytest.mark.parametrize("answer", ["none", ""])
def test_none_or_an_empty_answer_cancels(project: Path, answer: str) -> None:
    child = spawn(project, "select")
    child.expect_exact(SELECT)
    child.sendline(answer)
    code, rest = finish(child)
    assert code == 0
    assert "No migrations selected: nothing was written." in rest
    assert custom_files(project) == ["README.md"]


@pytest.mark.parametrize("answer", ["", "N", "no", "whatever"])
def test_anything_but_yes_at_proceed_writes_nothing(project: Path, answer: str) -> None:
    child = spawn(project, "select")
    child.expect_exact(SELECT)
    child.sendline("all")
    child.expect_exact(PROCEED)
    assert f"✅ Selected {TOTAL} migrations:" in child.before
    child.sendline(answer)
    code, rest = finish(child)
    assert code == 0 and "Cancelled: nothing was written." in rest
    assert custom_files(project) == ["README.md"]


def test_a_bad_or_taken_name_and_an_empty_description_are_asked_again(project: Path) -> None:
    child = spawn(project, "select", "--select", "2")
    child.expect_exact(PROCEED)
    child.sendline("Y")
    child.expect_exact(NAME)
    child.sendline("../Hotfix Auth")
    child.expect_exact(NAME)
    assert "is not a batch name" in child.before
    child.sendline("hotfix-auth")
    child.expect_exact(DESCRIPTION)
    child.sendline("   ")
    child.expect_exact(DESCRIPTION)
    assert "a batch description is required" in child.before
    child.sendline("Authorization hotfix")
    assert finish(child)[0] == 0
    again = spawn(project, "manager", "select", "--select", "3", "--yes")
    again.expect_exact(NAME)
    again.sendline("hotfix-auth")
    again.expect_exact(NAME)
    assert "a batch named hotfix-auth exists already" in again.before
    again.sendline("hotfix-auth-2")
    again.expect_exact(DESCRIPTION)
    again.sendline("Second hotfix")
    assert finish(again)[0] == 0
    assert custom_files(project) == [
        "README.md", "hotfix-auth-2-consolidated.py", "hotfix-auth-2-metadata.json",
        "hotfix-auth-consolidated.py", "hotfix-auth-metadata.json"]


def test_end_of_input_at_a_prompt_ends_with_exit_2_and_writes_nothing(project: Path) -> None:
    child = spawn(project, "select", "--select", "2", "--yes")
    child.expect_exact(NAME)
    child.sendeof()
    code, rest = finish(child)
    assert code == 2
    assert "no answer (end of input): nothing was written" in rest
    assert custom_files(project) == ["README.md"]


def test_manager_interactive_is_a_preview_that_writes_nothing(project: Path) -> None:
    child = spawn(project, "manager", "interactive")
    child.expect_exact(SELECT)
    assert "📋 Available Migrations:" in child.before
    assert "💡 Migration Selection Options:" in child.before
    child.sendline("1,3-5")
    code, rest = finish(child)
    assert code == 0
    assert "✅ Selected 4 migrations:" in rest
    assert 'citrine-migrate select --select "1,3-5"' in rest
    assert custom_files(project) == ["README.md"]


def test_a_template_asks_for_its_description(project: Path) -> None:
    child = spawn(project, "select", "--template", "data-fix")
    child.expect_exact(DESCRIPTION)
    child.sendline("Hand-written data fix")
    code, rest = finish(child)
    assert code == 0
    assert "✅ Custom batch template created: versions/custom/data-fix-consolidated.py" in rest
    data = json.loads((project / "versions" / "custom" / "data-fix-metadata.json").read_text())
    assert data["migrations"] == [] and data["description"] == "Hand-written data fix"
