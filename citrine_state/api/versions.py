"""The spec's "Future Versions" as operations: start a version as changes to the previous one's
models (``manager new-version``), and write a step generated from the difference between a version's
models and the database its steps so far produce (``manager new-step``).

Usable from Python::

    from citrine_state.api import versions
    versions.new_version(project, "1.9.0", "Smart charging profiles")
    # ... write evolve() in schema/v1_9_0.py, then render the snapshot ...
    versions.new_step(project_reloaded, url, "add-notes", "Add notes to stations")

Both only write files, and each writes all of its files or none.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from ..autogen import scaffold, step_file, step_sql
from ..errors import Refused, UsageError
from ..progress import Say, quiet
from ..project import CONFIG_FILE, Project, version_key
from ..snapshot import render


def _one_line(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise UsageError(f"{what} is empty: say in one line what it is for")
    if "\n" in text or "\r" in text:
        raise UsageError(f"{what} must be one line")
    return text


def _rel(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


class _Created:
    """Files and folders made so far, removed again if a later write fails."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def add(self, path: Path) -> Path:
        self.paths.append(path)
        return path

    def undo(self) -> None:
        import shutil

        for path in reversed(self.paths):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


# --- new-version --------------------------------------------------------------------------------


@dataclass
class NewVersionResult:
    version: str
    based_on: str  # the version whose models the new ones change (and whose seed is copied)
    models: str  # path of the new models, relative to the project
    folder: str
    config: str  # added | reused | reused, description updated
    start: str
    end: str
    seed: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def new_version(project: Project, name: str, description: str, end: str | None = None,
                say: Say = quiet) -> NewVersionResult:
    """Start version ``name``: ``schema/v<name>.py`` as a delta on the latest modelled version's
    models (``BASED_ON`` it, an ``evolve`` that changes nothing yet), its config entry (a
    timestamp range right after the version before it, unless the config already has one,
    which is reused), ``versions/<name>/`` and its seed rows."""
    scaffold.check_version_name(name)
    description = _one_line(description, "--description")
    module_name = "v" + name.replace(".", "_")
    for candidate in (project.schema_dir / f"{module_name}.py", project.schema_dir / module_name):
        if candidate.exists():
            raise Refused(f"version {name} already has its models: {_rel(project, candidate)}")
    latest = project.latest
    if version_key(name) <= latest.key:
        raise Refused(f"version {name} is not newer than {latest.name}, the latest version with "
                      "models: a new version comes after it")
    existing = next((v for v in project.versions if v.name == name), None)
    path = project.root / CONFIG_FILE
    text = path.read_text(encoding="utf-8")
    if existing is not None:
        if end is not None:
            raise UsageError(f"the config already gives {name} the range {existing.start}.."
                             f"{existing.end}: edit {CONFIG_FILE} to change it (--end is for a "
                             "new entry)")
        rng = scaffold.Range(existing.start, existing.end)
        if existing.description == description:
            new_text, how = text, "reused"
        else:
            new_text = scaffold.config_with_value(text, ["versions", name, "description"],
                                                  description)
            how = "reused, description updated"
    else:
        rng = scaffold.new_range(project, name, end)
        new_text = scaffold.config_with_version(text, name, scaffold.version_entry(description,
                                                                                   rng))
        how = "added"
    scaffold.check_config(project, new_text)
    folder = project.versions_dir / name
    created = _Created()
    try:
        models = created.add(scaffold.write_delta_models(project, name, latest))
        say(f"models: {_rel(project, models)} (changes to {latest.name}; none yet)")
        if not folder.is_dir():
            folder.mkdir(parents=True)
            created.add(folder)
        seed_rel = None
        seed_text = scaffold.copied_seed(project, name, latest)
        seed = folder / project.seed_path(latest).name
        if seed_text is not None and not seed.exists():
            seed.write_text(seed_text, encoding="utf-8")
            created.add(seed)
            seed_rel = _rel(project, seed)
        if new_text != text:
            scaffold.write_config(project, new_text)
    except BaseException:
        created.undo()
        raise
    return NewVersionResult(name, latest.name, _rel(project, models), _rel(project, folder),
                            how, rng.start, rng.end, seed_rel)


# --- new-step -----------------------------------------------------------------------------------


@dataclass
class NewStepResult:
    step: str
    version: str
    path: str
    generated: bool
    up: list[str]
    contract: list[str]
    down: list[str]
    deletes_data: list[str]  # statements of UP/CONTRACT that delete data
    down_deletes_data: list[str]  # statements of DOWN that delete data
    snapshot_stale: bool
    # columns rebuilt at the end of their table to give it the models' column order (a new
    # column declared among existing ones): no loss, a rewrite of the table
    rebuilds: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def new_step(
    project: Project,
    url: URL | None,
    name: str,
    description: str,
    version_name: str | None = None,
    empty: bool = False,
    shadow_url: str | None = None,
    now: datetime | None = None,
    say: Say = quiet,
) -> NewStepResult:
    """Write ``versions/<V>/<timestamp>-<name>.py`` for the open version (or ``version_name``)
    and list it in the config. Its SQL is generated from the difference between V's models and
    the steps so far (replayed on a shadow database), both ways, and checked by replaying it;
    with ``empty``, the step is started empty for hand-written SQL (no database needed)."""
    scaffold.check_step_slug(name)
    description = _one_line(description, "--description")
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    if version_name is not None:
        version = project.version(version_name)
    else:
        version = scaffold.open_version(project, moment)
    models = project.models_path(version)
    if models is None:
        raise Refused(f"version {version.name} has no models in schema/: start it with "
                      f"`citrine-migrate manager new-version {version.name}`")
    same = [s for s in version.steps if s[15:] == name]
    if same:
        raise Refused(f"version {version.name} already has a step named {name} ({same[0]}): "
                      "choose another name")
    stamp = scaffold.step_stamp(version, moment)
    step_name = f"{stamp}-{name}"
    path = project.versions_dir / version.name / f"{step_name}.py"
    if path.exists():
        raise Refused(f"{_rel(project, path)} already exists (a step file the config does not "
                      "list?): move it away first")
    if empty:
        sql = step_sql.StepSQL()
    else:
        if url is None:
            raise UsageError("generating a step needs a database server for its shadow "
                             "databases (or --empty)")
        say(f"comparing the {version.name} models with the steps so far (two shadow databases)")
        sql = step_sql.generate_step_sql(project, version, url, shadow_url)
        if sql.empty:
            raise Refused(f"the models and the steps agree: nothing to generate for "
                          f"{version.name} (a hand-written step: --empty)")
    command = f"citrine-migrate manager new-step {name}"
    text = step_file.render(description, version, command, sql, not empty,
                            _rel(project, models))
    step_file.check_step_text(text, sql)
    config_path = project.root / CONFIG_FILE
    config = config_path.read_text(encoding="utf-8")
    new_config = scaffold.config_with_appended(
        config, ["versions", version.name, "migrations"], step_name)
    scaffold.check_config(project, new_config)
    listed = json.loads(new_config)["versions"][version.name]["migrations"]
    if listed[-1] != step_name:
        raise Refused(f"{step_name} would not be the last step of {version.name}")
    created = _Created()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as fh:
            created.add(path)
            fh.write(text)
        scaffold.write_config(project, new_config)
    except BaseException:
        created.undo()
        raise
    return NewStepResult(step_name, version.name, _rel(project, path), not empty, sql.up,
                         sql.contract, sql.down, step_file.deletes_data(sql.up + sql.contract),
                         step_file.deletes_data(sql.down), render(project, version).stale,
                         [asdict(r) | {"note": step_file.rebuild_note(r).replace("\n", " ")}
                          for r in step_file.rebuilds(sql)])
