"""Versions written as changes to the version before (``BASED_ON`` + ``evolve``): each is composed
into a complete model on a private copy of its base, never touching the base, and a broken delta
is one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from citrine_state import api, snapshot
from citrine_state.errors import UsageError

from .support.cli import citrine

REPO = Path(__file__).resolve().parents[1]


def test_composing_1_8_3_leaves_the_1_8_0_models_exactly_as_they_were() -> None:
    project = api.open_project(REPO)
    base = project.version("1.8.0")
    before = snapshot.render(project, base).sql
    latest = snapshot.render(project, project.version("1.8.3")).sql
    after = snapshot.render(project, base).sql
    assert before == after == snapshot.committed_sql(project, base)
    assert latest != before
    # Each version has its own tables: a change in one is never seen by another.
    tables = [project.models(project.version(v)).Base.metadata.tables["Tenants"]
              for v in ("1.8.0", "1.8.1", "1.8.2", "1.8.3")]
    assert len({id(t) for t in tables}) == 4
    assert "isUserTenant" not in tables[0].c and "isUserTenant" in tables[3].c


def test_a_delta_exposes_a_complete_model_with_its_extensions() -> None:
    project = api.open_project(REPO)
    module = project.models(project.version("1.8.3"))
    assert module.BASED_ON == "1.8.2"
    assert module.EXTENSIONS == ("citext", "postgis")  # 1.8.2's, inherited
    assert project.models(project.version("1.8.1")).EXTENSIONS == ("postgis",)  # 1.8.0's
    full = project.models(project.version("1.8.0")).Base.metadata.tables
    composed = module.Base.metadata.tables
    assert set(full) < set(composed)
    assert set(composed) - set(full) == {"InstallCertificateAttempts",
                                         "DeleteCertificateAttempts"}


IN_PLACE = '''"""A delta that changes its copy in place."""

BASED_ON = "1.8.0"


def evolve(metadata):
    tenants = metadata.tables["Tenants"]
    tenants.c.name.type.length = 12
    tenants.c.url.type.length = 34
    tenants.c.partyId.nullable = True
    tenants.c.partyId.server_default = None
    tenants.c.countryCode.comment = "changed"
'''


def test_an_evolve_that_changes_types_in_place_cannot_reach_the_base(project: Path) -> None:
    (project / "schema" / "v1_8_1.py").write_text(IN_PLACE, encoding="utf-8")
    proj = api.open_project(project)
    base = proj.version("1.8.0")
    before = snapshot.render(proj, base).sql
    changed = snapshot.render(proj, proj.version("1.8.1")).sql
    assert "\tname VARCHAR(12) NOT NULL," in changed and "\turl VARCHAR(34)," in changed
    assert snapshot.render(proj, base).sql == before == snapshot.committed_sql(proj, base)


def _delta(project: Path, text: str) -> None:
    (project / "schema" / "v1_8_1.py").write_text(text, encoding="utf-8")


BAD_DELTAS = {
    "unknown base": ('BASED_ON = "1.7.9"\n\ndef evolve(metadata):\n    pass\n',
                     "v1_8_1.py: BASED_ON = '1.7.9' is not a version with models"),
    "not the version before": (
        'BASED_ON = "1.7.0"\n\ndef evolve(metadata):\n    pass\n',
        "BASED_ON = '1.7.0', but the version with models right before 1.8.1 is 1.8.0"),
    "evolve raises": (
        'BASED_ON = "1.8.0"\n\ndef evolve(metadata):\n    metadata.tables["Tenantz"]\n',
        "v1_8_1.py: evolve() failed on the 1.8.0 models: KeyError: 'Tenantz'"),
    "its own Base too": (
        'from sqlalchemy.orm import DeclarativeBase\n\nBASED_ON = "1.8.0"\n\n\n'
        'class Base(DeclarativeBase):\n    pass\n\n\ndef evolve(metadata):\n    pass\n',
        "v1_8_1.py has both BASED_ON and its own `Base`"),
    "no evolve": ('BASED_ON = "1.8.0"\n', "v1_8_1.py has BASED_ON = '1.8.0' but no evolve("),
    "BASED_ON not a name": ('BASED_ON = 180\n\ndef evolve(metadata):\n    pass\n',
                            "BASED_ON must name the version it builds on"),
}


@pytest.mark.parametrize("case", sorted(BAD_DELTAS))
def test_a_bad_delta_is_one_clear_error(project: Path, case: str) -> None:
    text, needle = BAD_DELTAS[case]
    _delta(project, text)
    proj = api.open_project(project)
    with pytest.raises(UsageError) as caught:
        proj.models(proj.version("1.8.3"))  # the error surfaces through the whole chain
    assert needle in str(caught.value) and "\n" not in str(caught.value)


def test_a_bad_delta_stops_snapshot_with_one_line_and_exit_2(project: Path) -> None:
    _delta(project, BAD_DELTAS["evolve raises"][0])
    before = {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()}
    run = citrine("snapshot", project=project)
    assert run.code == 2, run.text
    errors = [line for line in run.err.splitlines() if line.strip()]
    assert len(errors) == 1 and "evolve() failed on the 1.8.0 models: KeyError" in errors[0]
    assert "Traceback" not in run.text
    assert {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()} == before
