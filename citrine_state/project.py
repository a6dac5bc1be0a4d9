"""The migration project on disk: where it is, its validated config, and its versions' models.

A project is a folder with ``migration-config.json``, ``schema/`` (one models module per version,
``schema/v1_8_0.py`` for 1.8.0), ``snapshots/`` and ``versions/``. Models are loaded by path, so
an installed engine works on any project folder. A models module is either complete (its own
declarative ``Base``) or a delta on the version before (``BASED_ON`` and ``evolve``), which
``models`` composes into a complete one (see ``deltas``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from . import deltas
from .errors import UsageError

CONFIG_FILE = "migration-config.json"

DEFAULT_SETTINGS: dict[str, Any] = {
    "managed_schemas": ["public"],
    "ledger_schema": "citrine_state",
    "archive_schema": "citrine_archive",
    "ignored_extensions": [
        "postgis_topology",
        "postgis_tiger_geocoder",
        "fuzzystrmatch",
        "pgcrypto",
        "plpgsql",
    ],
    "step_name_extension": ".ts",
    "lock_timeout": "5s",
    "lock_retries": 3,
    "online_lock_timeout": "200ms",
    "statement_timeout": "0",
    "online_maintenance_work_mem": "256MB",
}


@dataclass(frozen=True)
class Version:
    """One entry of ``versions`` in the config, in version order."""

    name: str
    description: str
    start: str
    end: str
    steps: tuple[str, ...]
    features: tuple[str, ...] = ()
    breaking_changes: tuple[str, ...] = ()
    upgrade_notes: tuple[str, ...] = ()
    sequelize_extension: str | None = None  # None: the version before's (or the setting)

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.name)

    @property
    def module_name(self) -> str:
        return "v" + self.name.replace(".", "_")


def version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split("."))


@dataclass
class Project:
    root: Path
    versions: list[Version]
    settings: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def with_settings(self, **changes: Any) -> Project:
        """A copy whose settings have ``changes`` merged in (this project keeps its own); the
        models already loaded are shared, not loaded again."""
        copy = replace(self, settings={**self.settings, **changes})
        if "_models_cache" in self.__dict__:
            copy.__dict__["_models_cache"] = self._models_cache
        return copy

    # --- versions ---------------------------------------------------------------------------

    def version(self, name: str) -> Version:
        for version in self.versions:
            if version.name == name:
                return version
        known = ", ".join(v.name for v in self.versions)
        raise UsageError(f"unknown version {name!r} (the config knows: {known})")

    @property
    def modelled_versions(self) -> list[Version]:
        """Versions that have models in ``schema/`` (a planned version may have none yet)."""
        return [v for v in self.versions if self.models_path(v) is not None]

    @property
    def latest(self) -> Version:
        modelled = self.modelled_versions
        if not modelled:
            raise UsageError(f"no version of {self.root} has models in schema/")
        return modelled[-1]

    def previous(self, version: Version) -> Version | None:
        earlier = [v for v in self.modelled_versions if v.key < version.key]
        return earlier[-1] if earlier else None

    def steps_up_to(self, version: Version) -> list[str]:
        """Every step of every version up to and including ``version``, in timestamp order."""
        names = [s for v in self.versions if v.key <= version.key for s in v.steps]
        return sorted(names)

    def release_for(self, applied: list[str] | set[str]) -> str | None:
        """The name of a known release (config ``releases``) whose state is exactly these
        steps, e.g. "CitrineOS 1.7.x"."""
        every = sorted(s for v in self.versions for s in v.steps)
        for name, entry in self.raw.get("releases", {}).items():
            through = entry["steps_through"]
            if through in every and set(every[: every.index(through) + 1]) == set(applied):
                return str(name)
        return None

    def sequelize_extension(self, version: Version) -> str:
        """The extension CitrineOS's runner of ``version`` writes into SequelizeMeta: the
        version's own, else the one of the version before it, else the setting (``.ts``).
        Upstream >= 1.8.1 runs compiled files and records ``.js``."""
        found = self.settings["step_name_extension"]
        for v in self.versions:
            if v.key > version.key:
                break
            found = v.sequelize_extension or found
        return found

    def version_of_step(self, step: str) -> Version:
        for version in self.versions:
            if step in version.steps:
                return version
        raise UsageError(f"no version of the config lists the step {step!r}")

    # --- files ------------------------------------------------------------------------------

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def snapshots_dir(self) -> Path:
        return self.root / "snapshots"

    @property
    def versions_dir(self) -> Path:
        return self.root / "versions"

    def models_path(self, version: Version) -> Path | None:
        module = self.schema_dir / f"{version.module_name}.py"
        if module.is_file():
            return module
        package = self.schema_dir / version.module_name / "__init__.py"
        return package if package.is_file() else None

    def snapshot_path(self, version: Version) -> Path:
        return self.snapshots_dir / f"{version.name}.sql"

    def seed_path(self, version: Version) -> Path:
        return self.versions_dir / version.name / "seed.sql"

    @cached_property
    def _models_cache(self) -> dict[str, ModuleType]:
        return {}

    def models(self, version: Version) -> ModuleType:
        """The version's models module, loaded by path (never imported as a package), with a
        complete ``Base.metadata``: a delta module is composed on its base's models first."""
        if version.name in self._models_cache:
            return self._models_cache[version.name]
        path = self.models_path(version)
        if path is None:
            raise UsageError(
                f"version {version.name} has no models: expected "
                f"{self.schema_dir / (version.module_name + '.py')}"
            )
        module = load_module_from_path(f"citrine_project_schema_{version.module_name}", path)
        if deltas.is_delta(module):
            base = self._delta_base(version, deltas.based_on(module, path), path)
            deltas.compose(module, path, version.name, self.models(base), base.name)
        elif not hasattr(module, "Base"):
            raise UsageError(f"{path} defines no declarative `Base` (nor BASED_ON, for a "
                             "version written as changes to the one before)")
        self._models_cache[version.name] = module
        return module

    def _delta_base(self, version: Version, name: str, path: Path) -> Version:
        """The version a delta builds on: it must be the modelled version right before it, so
        that the chain of deltas follows the versions' order."""
        previous = self.previous(version)
        known = {v.name: v for v in self.modelled_versions}
        if name not in known:
            raise UsageError(
                f"{path}: BASED_ON = {name!r} is not a version with models "
                f"(those are: {', '.join(known) or 'none'})")
        if previous is None or previous.name != name:
            right_before = f"is {previous.name}" if previous else "does not exist"
            raise UsageError(
                f"{path}: BASED_ON = {name!r}, but the version with models right before "
                f"{version.name} {right_before}: a delta builds on the version before it")
        return previous


def load_module_from_path(name: str, path: Path) -> ModuleType:
    """Import a file (or a package's ``__init__.py``) under a private module name."""
    locations = [str(path.parent)] if path.name == "__init__.py" else None
    spec = importlib.util.spec_from_file_location(
        name, path, submodule_search_locations=locations
    )
    if spec is None or spec.loader is None:
        raise UsageError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        raise UsageError(f"{path} failed to load: {type(exc).__name__}: {exc}") from exc
    return module


# --- finding and loading ------------------------------------------------------------------------


def find_root(explicit: str | Path | None = None, start: Path | None = None) -> Path:
    """``--project``, else CITRINE_PROJECT, else the first folder upwards with the config."""
    chosen = explicit
    if chosen is not None and not str(chosen).strip():
        raise UsageError("--project is empty: give the project folder, or leave the option out "
                         "(then CITRINE_PROJECT, else the first folder upwards with "
                         f"{CONFIG_FILE})")
    if chosen is None and "CITRINE_PROJECT" in os.environ:
        chosen = os.environ["CITRINE_PROJECT"]
        if not chosen.strip():
            raise UsageError("CITRINE_PROJECT is set but empty: give it the project folder, or "
                             "unset it (`unset CITRINE_PROJECT`)")
    if chosen:
        root = Path(chosen).expanduser().resolve()
        if not (root / CONFIG_FILE).is_file():
            raise UsageError(f"{root} is not a migration project: it has no {CONFIG_FILE}")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise UsageError(
        f"no {CONFIG_FILE} in {here} or above: run inside a migration project, "
        "or pass --project DIR (or set CITRINE_PROJECT)"
    )


def load(explicit: str | Path | None = None) -> Project:
    root = find_root(explicit)
    raw = read_config(root / CONFIG_FILE)
    marker = _validated_marker(root)
    problems = _semantic_problems(raw) if marker.is_file() else validate(raw)
    if not problems and not marker.is_file():
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only project is validated every time
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more: run `citrine-migrate manager validate`)" if len(
            problems
        ) > 1 else ""
        raise UsageError(f"{root / CONFIG_FILE}: {first}{more}")
    return build(root, raw)


def read_text(path: Path) -> str:
    """A project file as UTF-8 text; a file that cannot be read or is not text (a binary file
    where SQL or JSON should be) is one line naming it, never a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start} cannot be decoded)") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def read_config(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start} cannot be decoded): is it "
                         "a JSON file?") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: the top level must be a JSON object")
    return data


def _json_path(parts: list[Any]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if str(part).isidentifier() \
            else f"[{json.dumps(part)}]"
    return out


def _validated_marker(root: Path) -> Path:
    """A file whose presence says this exact config passed the JSON Schema (keyed by the bytes
    of both), so later runs skip importing jsonschema: ~0.05 s of every command's start-up."""
    digest = hashlib.sha256((root / CONFIG_FILE).read_bytes())
    digest.update((Path(__file__).parent / "config.schema.json").read_bytes())
    return root / ".citrine" / "cache" / f"config-valid-{digest.hexdigest()[:24]}"


def validate(raw: dict[str, Any]) -> list[str]:
    """Every problem of the config, each as ``<json path>: <what is wrong>``, in file order."""
    import jsonschema

    schema = json.loads((Path(__file__).parent / "config.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = [
        f"{_json_path(list(err.absolute_path))}: {_explain(err)}"
        for err in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.path)))
    ]
    if problems:
        return problems
    return _semantic_problems(raw)


def _explain(err: Any) -> str:
    custom = err.schema.get("x-message") if isinstance(err.schema, dict) else None
    if custom and err.validator in ("pattern", "not", "maxLength"):
        return f"{err.instance!r} {custom}"
    if err.validator == "required":
        return err.message.replace("is a required property", "is missing")
    if err.validator == "pattern":
        return f"{err.instance!r} does not have the expected form ({err.validator_value})"
    return err.message


def _settings_problems(raw: dict[str, Any]) -> list[str]:
    """What the JSON Schema cannot say about ``settings``: the range PostgreSQL takes for each
    duration, and schemas that must be apart (the ledger and the archive are never managed,
    or verification would call them drift)."""
    from . import durations, memory

    settings = raw.get("settings", {})
    problems: list[str] = []
    for key in ("lock_timeout", "online_lock_timeout", "statement_timeout"):
        if isinstance(settings.get(key), str):
            try:
                durations.milliseconds(settings[key])
            except ValueError as err:
                problems.append(f"{_json_path(['settings', key])}: {err}")
    if isinstance(settings.get("online_maintenance_work_mem"), str):
        try:
            memory.kilobytes(settings["online_maintenance_work_mem"])
        except ValueError as err:
            problems.append(f"{_json_path(['settings', 'online_maintenance_work_mem'])}: {err}")
    merged = {**DEFAULT_SETTINGS, **settings}
    managed = set(merged["managed_schemas"])
    for key in ("ledger_schema", "archive_schema"):
        if merged[key] in managed:
            problems.append(f"{_json_path(['settings', key])}: {merged[key]!r} is also a managed "
                            "schema (settings.managed_schemas): the engine's own tables would "
                            "be compared as part of the application's schema")
    if merged["ledger_schema"] == merged["archive_schema"]:
        problems.append(f"{_json_path(['settings', 'archive_schema'])}: the archive and the "
                        f"ledger share the schema {merged['archive_schema']!r}: give each its "
                        "own")
    return problems


def _semantic_problems(raw: dict[str, Any]) -> list[str]:
    problems: list[str] = _settings_problems(raw)
    entries = sorted(raw["versions"].items(), key=lambda item: version_key(item[0]))
    seen_steps: dict[str, str] = {}
    for name, entry in entries:
        rng = entry["timestamp_range"]
        where = _json_path(["versions", name, "timestamp_range"])
        if rng["start"] > rng["end"]:
            problems.append(f"{where}: start {rng['start']} is after end {rng['end']}")
        for index, step in enumerate(entry["migrations"]):
            here = _json_path(["versions", name, "migrations", index])
            stamp = step[:14]
            if not rng["start"] <= stamp <= rng["end"]:
                problems.append(
                    f"{here}: step {step} lies outside the version's range "
                    f"{rng['start']}..{rng['end']}"
                )
            if step in seen_steps:
                problems.append(f"{here}: step {step} is also listed by {seen_steps[step]}")
            seen_steps[step] = name
    listed = {step for _, entry in entries for step in entry["migrations"]}
    for name, entry in raw.get("releases", {}).items():
        if entry["steps_through"] not in listed:
            problems.append(
                f"{_json_path(['releases', name, 'steps_through'])}: "
                f"{entry['steps_through']} is not a step of any version"
            )
    for (name_a, a), (name_b, b) in zip(entries, entries[1:], strict=False):
        ra, rb = a["timestamp_range"], b["timestamp_range"]
        if rb["start"] <= ra["end"]:
            problems.append(
                f"{_json_path(['versions', name_b, 'timestamp_range'])}: overlaps version "
                f"{name_a} ({ra['start']}..{ra['end']} vs {rb['start']}..{rb['end']})"
            )
    return problems


def build(root: Path, raw: dict[str, Any]) -> Project:
    versions = [
        Version(
            name=name,
            description=entry["description"],
            start=entry["timestamp_range"]["start"],
            end=entry["timestamp_range"]["end"],
            steps=tuple(entry["migrations"]),
            features=tuple(entry["features"]),
            breaking_changes=tuple(entry["breaking_changes"]),
            upgrade_notes=tuple(entry["upgrade_notes"]),
            sequelize_extension=entry.get("sequelize_extension"),
        )
        for name, entry in sorted(raw["versions"].items(), key=lambda item: version_key(item[0]))
    ]
    settings = {**DEFAULT_SETTINGS, **raw.get("settings", {})}
    return Project(root=root, versions=versions, settings=settings, raw=raw)
