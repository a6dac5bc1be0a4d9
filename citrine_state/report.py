"""What a project holds, read from disk without running anything: versions with their steps,
custom batches, and the problems of its files; and the report as Markdown.

The listing, the report and ``manager validate`` all read the project through here, so they
agree. Step files are parsed (``ast``), never imported: describing a project runs none of its
code. The database side of the report (applied, pending, drift) is added by the api layer.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .project import CONFIG_FILE, Project, _json_path
from .steps import SQL_DOWN, SQL_UP, STEP_NAME

STEP_FILE = re.compile(r"^(\d{14})-(.+)\.py$")
STEP_EXTENSIONS = (".ts", ".js", ".py")
CUSTOM_DIR = "custom"


def stamp_text(timestamp: str) -> str:
    """``20250430105500`` -> ``2025-04-30 10:55:00`` (the spec's step timestamps)."""
    t = timestamp
    if len(t) != 14 or not t.isdigit():
        return t
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]} {t[8:10]}:{t[10:12]}:{t[12:14]}"


def base_step_name(filename: str) -> str:
    """``20250430105500-create-tenants-table.ts`` -> ``20250430105500-create-tenants-table``."""
    for ext in STEP_EXTENSIONS:
        if filename.endswith(ext):
            return filename[: -len(ext)]
    return filename


# --- the pieces ---------------------------------------------------------------------------------


@dataclass
class StepInfo:
    name: str
    version: str
    timestamp: str
    description: str
    file: str | None  # relative to the project; None when the file is missing
    applied: bool | None = None  # None: no database was consulted
    applied_at: str | None = None
    applied_how: str | None = None  # step, snapshot, consolidated, batch, adopted, SequelizeMeta


@dataclass
class VersionInfo:
    name: str
    description: str
    start: str
    end: str
    features: list[str]
    breaking_changes: list[str]
    upgrade_notes: list[str]
    models: str | None  # schema/v1_8_0.py, or None for a planned version
    snapshot: str | None  # snapshots/1.8.0.sql when committed
    steps: list[StepInfo] = field(default_factory=list)


@dataclass
class BatchStep:
    filename: str
    step: str  # base name
    description: str
    timestamp: str
    known: bool  # a step of this project
    applied: bool | None = None


@dataclass
class BatchInfo:
    name: str
    description: str
    created_at: str
    metadata: str  # relative path of the metadata file
    migration: str | None  # the generated consolidated migration, when present
    migrations: list[BatchStep] = field(default_factory=list)


@dataclass
class DatabaseInfo:
    url: str  # masked
    state: str
    summary: str
    version: str | None
    recorded_by: str | None
    applied: list[str]
    pending: list[str]
    unknown: list[str]
    drift: dict[str, Any] | None
    problems: list[str]
    recommendation: str | None


@dataclass
class Report:
    project: str
    root: str
    generated_at: str
    engine: str
    versions: list[VersionInfo]
    batches: list[BatchInfo]
    problems: list[str]
    database: DatabaseInfo | None = None

    @property
    def steps(self) -> list[StepInfo]:
        return [s for v in self.versions for s in v.steps]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- reading the project ------------------------------------------------------------------------


def _non_empty(value: ast.expr) -> bool:
    """An assigned SQL text or file list that holds something (``UP = ""`` declares nothing)."""
    if isinstance(value, ast.Constant):
        return bool(value.value)
    if isinstance(value, ast.Tuple | ast.List):
        return bool(value.elts)
    return True


def _describe(path: Path) -> tuple[str | None, list[str]]:
    """The first docstring line of a step file, and what is wrong with it as a step."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        return None, [f"syntax error at line {exc.lineno}: {exc.msg}"]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"cannot be read: {exc}"]
    doc = ast.get_docstring(tree)
    functions = {node.name for node in tree.body
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    declared = {target.id for node in tree.body
                if isinstance(node, ast.Assign) and _non_empty(node.value)
                for target in node.targets if isinstance(target, ast.Name)}
    # the step contract (steps.py): a function, or the SQL the engine runs in its place
    missing = [f"has no `{name}(ctx)` function" for name, sql in (("up", SQL_UP),
                                                                   ("down", SQL_DOWN))
               if name not in functions and not declared & set(sql)]
    line = doc.strip().splitlines()[0].strip() if doc and doc.strip() else None
    return line, missing


def versions(project: Project) -> list[VersionInfo]:
    """Every version of the config with its steps, in order (a missing step file is shown as
    such, not raised: a listing must work on a broken checkout)."""
    out: list[VersionInfo] = []
    for version in project.versions:
        models = project.models_path(version)
        snapshot = project.snapshot_path(version)
        info = VersionInfo(
            name=version.name,
            description=version.description,
            start=version.start,
            end=version.end,
            features=list(version.features),
            breaking_changes=list(version.breaking_changes),
            upgrade_notes=list(version.upgrade_notes),
            models=models.relative_to(project.root).as_posix() if models else None,
            snapshot=snapshot.relative_to(project.root).as_posix() if snapshot.is_file()
            else None,
        )
        for name in sorted(version.steps):
            path = project.versions_dir / version.name / f"{name}.py"
            description = None
            if path.is_file():
                description, _ = _describe(path)
            info.steps.append(StepInfo(
                name=name,
                version=version.name,
                timestamp=name[:14],
                description=description or name[15:],
                file=path.relative_to(project.root).as_posix() if path.is_file() else None,
            ))
        out.append(info)
    return out


def batches(project: Project) -> list[BatchInfo]:
    """The custom batches (``versions/custom/<name>-metadata.json``, the spec's metadata
    format), read leniently for display: what is wrong with a batch is for the batch loader
    to say (the api adds its messages to the report's problems)."""
    folder = project.versions_dir / CUSTOM_DIR
    if not folder.is_dir():
        return []
    known = {s for v in project.versions for s in v.steps}
    found: list[BatchInfo] = []
    for path in sorted(folder.glob("*-metadata.json")):
        name = path.name.removesuffix("-metadata.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        batch = BatchInfo(
            name=name,
            description=_text(data.get("description")),
            created_at=_text(data.get("createdAt")),
            metadata=path.relative_to(project.root).as_posix(),
            migration=_batch_migration(folder, name, project.root),
        )
        entries = data.get("migrations")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not isinstance(entry.get("filename"), str):
                continue
            step = base_step_name(entry["filename"])
            batch.migrations.append(BatchStep(
                filename=entry["filename"],
                step=step,
                description=_text(entry.get("description")) or step[15:],
                timestamp=_text(entry.get("timestamp")) or step[:14],
                known=step in known,
            ))
        found.append(batch)
    return found


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _batch_migration(folder: Path, name: str, root: Path) -> str | None:
    for candidate in sorted(folder.glob(f"{name}-consolidated*")):
        if candidate.is_file() or candidate.is_dir():
            return candidate.relative_to(root).as_posix()
    return None


def file_problems(root: Path, raw: dict[str, Any]) -> list[str]:
    """What the step files and the config disagree about, each as ``<json path>: <problem>``:
    a listed step without its file (or a file that is no step), a step file the config does
    not list, a folder for a version the config does not know, a badly named step file."""
    problems: list[str] = []
    entries = raw.get("versions")
    if not isinstance(entries, dict):
        return problems
    versions_dir = root / "versions"
    listed: dict[str, str] = {}
    for vname, entry in entries.items():
        steps = entry.get("migrations") if isinstance(entry, dict) else None
        for step in steps if isinstance(steps, list) else []:
            if isinstance(step, str):
                listed.setdefault(step, vname)
    for vname, entry in entries.items():
        steps = entry.get("migrations") if isinstance(entry, dict) else None
        for index, step in enumerate(steps if isinstance(steps, list) else []):
            if not isinstance(step, str) or not STEP_NAME.match(step):
                continue  # the schema check names it
            where = _json_path(["versions", vname, "migrations", index])
            path = versions_dir / vname / f"{step}.py"
            rel = path.relative_to(root).as_posix()
            if not path.is_file():
                elsewhere = sorted(p.parent.name for p in versions_dir.glob(f"*/{step}.py"))
                hint = f" (it is in versions/{elsewhere[0]}/)" if elsewhere else ""
                problems.append(f"{where}: step {step} has no file: expected {rel}{hint}")
                continue
            _, wrong = _describe(path)
            problems += [f"{where}: {rel} {what}" for what in wrong]
    if not versions_dir.is_dir():
        return problems
    for folder in sorted(p for p in versions_dir.iterdir() if p.is_dir()):
        if folder.name == CUSTOM_DIR:
            continue
        step_files = sorted(p for p in folder.glob("*.py") if STEP_FILE.match(p.name))
        if folder.name not in entries:
            if step_files:
                problems.append(f"$.versions: versions/{folder.name}/ holds step files, but the "
                                f"config has no version {folder.name}")
            continue
        where = _json_path(["versions", folder.name, "migrations"])
        for path in step_files:
            rel = path.relative_to(root).as_posix()
            stem = path.name[:-3]
            if not STEP_NAME.match(stem):
                problems.append(f"{where}: {rel} is not named <14-digit timestamp>-<words of "
                                "letters and digits joined by dashes>.py")
            elif stem not in listed:
                problems.append(f"{where}: {rel} is a step file the config does not list")
            elif listed[stem] != folder.name:
                problems.append(f"{where}: {rel} is listed under version {listed[stem]}, not "
                                f"{folder.name}")
    return problems


def gather(project: Project, generated_at: str, engine: str,
           problems: list[str] | None = None) -> Report:
    """The offline report: versions, steps, custom batches, and the problems of the files
    (plus ``problems`` found by others, such as the batch loader)."""
    return Report(
        project=project.root.name,
        root=str(project.root),
        generated_at=generated_at,
        engine=engine,
        versions=versions(project),
        batches=batches(project),
        problems=file_problems(project.root, project.raw) + (problems or []),
    )


def config_path(root: Path) -> Path:
    return root / CONFIG_FILE


# --- Markdown -----------------------------------------------------------------------------------


def _cell(text: Any) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _applied_cell(step: StepInfo | BatchStep, with_when: bool = True) -> str:
    if step.applied is None:
        return "—"
    if not step.applied:
        return "⏳ pending"
    how = getattr(step, "applied_how", None)
    when = getattr(step, "applied_at", None)
    parts = ["✅"]
    if with_when and when:
        parts.append(when)
    if how:
        parts.append(f"({how})")
    return " ".join(parts)


def _bullets(title: str, items: list[str]) -> list[str]:
    if not items:
        return [f"**{title}:** none", ""]
    return [f"**{title}:**", "", *[f"- {_cell(i)}" for i in items], ""]


def to_markdown(report: Report) -> str:
    """A document a team can attach to a change request."""
    out: list[str] = [f"# Migration report: {report.project}", ""]
    dbi = report.database
    steps = report.steps
    rows = [
        ("Generated", f"{report.generated_at} by {report.engine}"),
        ("Versions", ", ".join(v.name for v in report.versions)),
        ("Steps", str(len(steps))),
        ("Custom batches", str(len(report.batches))),
    ]
    if dbi is None:
        rows.append(("Database", "not consulted (pass --database-url for applied, pending "
                                 "and drift)"))
    else:
        drift = "none" if not dbi.drift or dbi.drift.get("in_sync") else \
            f"{len(dbi.drift.get('differences', []))} difference(s)"
        rows += [
            ("Database", f"`{dbi.url}`"),
            ("State", dbi.summary),
            ("Applied", f"{len(dbi.applied)} of {len(steps)} step(s)"
                        + (f", recorded by {dbi.recorded_by}" if dbi.recorded_by else "")),
            ("Pending", str(len(dbi.pending))),
            ("Drift", drift),
        ]
        if dbi.recommendation:
            rows.append(("Next", f"`{dbi.recommendation}`"))
    rows.append(("Problems", str(len(report.problems) + (len(dbi.problems) if dbi else 0))))
    out += ["| | |", "| --- | --- |", *[f"| {k} | {_cell(v)} |" for k, v in rows], ""]

    out += ["## Versions", ""]
    for version in report.versions:
        out += [f"### {version.name}: {_cell(version.description)}", ""]
        models = f"`{version.models}`" if version.models else "none yet (planned)"
        snapshot = f"`{version.snapshot}`" if version.snapshot else "none"
        out += [f"Step timestamps {version.start}..{version.end} · "
                f"models: {models} · snapshot: {snapshot}", ""]
        out += _bullets("Features", version.features)
        out += _bullets("Breaking changes", version.breaking_changes)
        out += _bullets("Upgrade notes", version.upgrade_notes)
        if not version.steps:
            out += ["No steps yet.", ""]
            continue
        out += ["| # | Step | Time | Description | Applied |", "| --- | --- | --- | --- | --- |"]
        for index, step in enumerate(version.steps, 1):
            name = f"`{step.name}`" + ("" if step.file else " (file missing)")
            out.append(f"| {index} | {name} | {stamp_text(step.timestamp)} | "
                       f"{_cell(step.description)} | {_cell(_applied_cell(step))} |")
        out.append("")

    out += ["## Custom batches", ""]
    if not report.batches:
        out += ["None (`versions/custom/` holds no `*-metadata.json`).", ""]
    for batch in report.batches:
        out += [f"### {batch.name}", "", _cell(batch.description) or "(no description)", ""]
        migration = f"`{batch.migration}`" if batch.migration else "not generated"
        out += [f"Created {batch.created_at or '?'} · {len(batch.migrations)} step(s) · "
                f"metadata `{batch.metadata}` · migration {migration}", ""]
        if batch.migrations:
            out += ["| Step | Time | Description | Applied |", "| --- | --- | --- | --- |"]
            for item in batch.migrations:
                name = f"`{item.filename}`" + ("" if item.known else " (unknown step)")
                out.append(f"| {name} | {stamp_text(item.timestamp)} | "
                           f"{_cell(item.description)} | "
                           f"{_cell(_applied_cell(item, with_when=False))} |")
            out.append("")

    if dbi is not None:
        out += ["## Database", "", f"`{dbi.url}`: {_cell(dbi.summary)}", ""]
        if dbi.pending:
            out += ["**Pending steps** (in the order `citrine-migrate migrate` applies them):", ""]
            out += [f"1. `{name}`" for name in dbi.pending] + [""]
        else:
            out += ["**Pending steps:** none", ""]
        if dbi.unknown:
            out += ["**Recorded in SequelizeMeta but unknown to this project:**", ""]
            out += [f"- `{name}`" for name in dbi.unknown] + [""]
        if dbi.drift and not dbi.drift.get("in_sync"):
            out += ["**Drift** (the live schema against what it should be):", "",
                    "| Change | Kind | Object |", "| --- | --- | --- |"]
            out += [f"| {d['change']} | {d['kind']} | `{_cell(d['name'])}` |"
                    for d in dbi.drift.get("differences", [])]
            out.append("")
            if dbi.drift.get("sql"):
                out += ["SQL that would reconcile the live schema:", "", "```sql",
                        *dbi.drift["sql"], "```", ""]
        else:
            out += ["**Drift:** none", ""]

    problems = report.problems + (dbi.problems if dbi else [])
    out += ["## Problems", ""]
    out += [f"- {_cell(p)}" for p in problems] if problems else ["None."]
    out.append("")
    return "\n".join(out)
