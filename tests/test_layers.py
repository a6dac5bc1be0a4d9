"""The import contracts cover every module: a new module that no layer names would otherwise
pass ``lint-imports`` unchecked (a layers contract only checks the modules it lists)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _contracts() -> list[dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def _modules(folder: Path, prefix: str) -> set[str]:
    found = {f"{prefix}.{p.stem}" for p in folder.glob("*.py")
             if p.stem not in ("__init__", "__main__")}
    return found | {f"{prefix}.{p.name}" for p in folder.iterdir()
                    if p.is_dir() and (p / "__init__.py").is_file()}


def _named(layers: list[str], prefix: str = "") -> set[str]:
    return {prefix + name for name in re.findall(r"[A-Za-z_][\w.]*", " ".join(layers))}


def test_every_engine_module_is_in_a_layer_of_the_engine_contract() -> None:
    engine = next(c for c in _contracts() if c["name"] == "Engine layers point down only")
    modules = _modules(REPO / "citrine_state", "citrine_state")
    named = _named(engine["layers"])
    assert modules - named == set(), "modules no layer names"
    assert named - modules == set(), "layers name modules that do not exist"


def test_every_api_module_is_in_a_layer_of_the_api_contract_and_kept_from_its_face() -> None:
    layers = next(c for c in _contracts() if c.get("containers") == ["citrine_state.api"])
    face = next(c for c in _contracts() if c["type"] == "forbidden"
                and c["forbidden_modules"] == ["citrine_state.api"])
    modules = _modules(REPO / "citrine_state" / "api", "citrine_state.api")
    assert _named(layers["layers"], "citrine_state.api.") == modules
    assert set(face["source_modules"]) == modules


def test_the_cli_is_forbidden_every_engine_module_but_the_api_errors_and_progress() -> None:
    cli = next(c for c in _contracts() if c["type"] == "forbidden"
               and c["source_modules"] == ["citrine_state.cli"])
    engine = _modules(REPO / "citrine_state", "citrine_state")
    allowed = {"citrine_state.api", "citrine_state.cli", "citrine_state.errors",
               "citrine_state.progress"}
    assert set(cli["forbidden_modules"]) == engine - allowed
    assert cli["allow_indirect_imports"] is True
