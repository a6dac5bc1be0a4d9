"""Building blocks of ``manager new-version`` and ``manager new-step`` (the spec's "Future
Versions"): version names and timestamp ranges, edits of ``migration-config.json`` that keep
its formatting, a new version's models started as a delta on the previous ones (``BASED_ON``
and an ``evolve`` that changes nothing yet, see ``deltas``), and a step whose SQL is generated
from the difference between a version's models and the database its steps so far produce.

The generated SQL is checked like a consolidated migration: it is replayed on a shadow database
of the steps' state and must reach the models exactly (an empty diff, the same column order),
and the way back must reach the steps' state again. It is still meant to be read: data moves
(filling a new column, archiving what is dropped) are a person's work.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from . import consolidate, db, diff, hazards
from . import steps as steps_mod
from .errors import CheckFailed, Refused, UsageError
from .project import Project, Version, read_text, version_key
from .snapshot import committed_sql, render
from .verify import load_sql, scope_of

VERSION_NAME = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
STEP_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
STAMP = re.compile(r"^[0-9]{14}$")
_FORMAT = "%Y%m%d%H%M%S"
DAY_END = "235959"
YEAR_END = "1231235959"

# --- names and timestamps -----------------------------------------------------------------------


def check_version_name(name: str) -> None:
    if not VERSION_NAME.match(name):
        raise UsageError(f"{name!r} is not a version name: expected MAJOR.MINOR.PATCH, e.g. 1.9.0")


def check_step_slug(name: str) -> None:
    if not STEP_SLUG.match(name):
        raise UsageError(f"{name!r} is not a step name: lower-case letters, digits and dashes, "
                         "starting with a letter or digit (e.g. add-notes)")


def _day(stamp: str) -> datetime:
    if not STAMP.match(stamp):
        raise UsageError(f"{stamp!r} is not a timestamp: expected 14 digits, YYYYMMDDHHMMSS")
    try:
        return datetime.strptime(stamp[:8], "%Y%m%d")
    except ValueError:
        raise UsageError(f"{stamp!r} is not a timestamp: {stamp[:8]} is no date") from None


def _moment(stamp: str) -> datetime | None:
    """The time ``stamp`` names, or None for a time past the day's end (the spec's ``999999``,
    which config ranges use to mean "the whole day")."""
    _day(stamp)
    try:
        return datetime.strptime(stamp, _FORMAT)
    except ValueError:
        if stamp[8:] > DAY_END:
            return None
        raise UsageError(f"{stamp!r} is not a timestamp: {stamp[8:]} is no time of day") from None


def check_stamp(stamp: str) -> str:
    """``stamp`` if it is a real timestamp (or a day with the spec's end-of-day time)."""
    _moment(stamp)
    return stamp


def first_moment_at_or_after(stamp: str) -> datetime:
    moment = _moment(stamp)
    return moment if moment is not None else _day(stamp) + timedelta(days=1)


def after(stamp: str) -> str:
    """The first timestamp after ``stamp``: the next second, or the next day at 000000 when
    ``stamp`` ends its day (``20250930999999`` -> ``20251001000000``)."""
    moment = _moment(stamp)
    if moment is None:
        return (_day(stamp) + timedelta(days=1)).strftime(_FORMAT)
    return (moment + timedelta(seconds=1)).strftime(_FORMAT)


def before(stamp: str) -> str:
    """The last timestamp before ``stamp``."""
    moment = _moment(stamp)
    if moment is None:
        return stamp[:8] + DAY_END
    return (moment - timedelta(seconds=1)).strftime(_FORMAT)


def stamp_of(moment: datetime) -> str:
    return moment.strftime(_FORMAT)


@dataclass(frozen=True)
class Range:
    start: str
    end: str


def new_range(project: Project, name: str, end: str | None = None) -> Range:
    """The timestamp range of a new version ``name``: from right after the version before it
    in the config to ``end`` (default: the end of the start's year), never reaching into the
    version after it."""
    key = version_key(name)
    earlier = [v for v in project.versions if v.key < key]
    later = [v for v in project.versions if v.key > key]
    if not earlier:
        raise UsageError(f"version {name} would be the first: new-version continues a project")
    previous = earlier[-1]
    start = after(previous.end)
    limit = before(later[0].start) if later else None
    if limit is not None and limit < start:
        raise Refused(f"no room for version {name}: version {previous.name} ends at "
                      f"{previous.end} and version {later[0].name} starts at {later[0].start}")
    if end is None:
        end = start[:4] + YEAR_END
        if limit is not None and end > limit:
            end = limit
    else:
        check_stamp(end)
        if end < start:
            raise UsageError(f"--end {end} is before {start}, where the range of {name} starts "
                             f"(right after version {previous.name} ends)")
        if limit is not None and end > limit:
            raise Refused(f"--end {end} reaches into version {later[0].name}, which starts at "
                          f"{later[0].start}: end at {limit} or earlier")
    return Range(start, end)


def open_version(project: Project, now: datetime) -> Version:
    """The version new steps go to: the newest modelled version whose range contains ``now``,
    else the newest modelled version."""
    stamp = stamp_of(now)
    inside = [v for v in project.modelled_versions if v.start <= stamp <= v.end]
    return inside[-1] if inside else project.latest


def step_stamp(version: Version, now: datetime) -> str:
    """A timestamp for a new step of ``version``: now when it lies in the version's range,
    else the range's start plus one second per existing step; always after the version's last
    step and never past the range's end."""
    stamp = stamp_of(now)
    if version.start <= stamp <= version.end:
        moment = now.replace(microsecond=0)
    else:
        moment = first_moment_at_or_after(version.start) + timedelta(seconds=len(version.steps))
    if version.steps:
        last = after(max(version.steps)[:14])
        moment = max(moment, first_moment_at_or_after(last))
    chosen = stamp_of(moment)
    if chosen > version.end:
        raise Refused(f"no timestamp left for a step of {version.name}: the next one would be "
                      f"{chosen}, after the version's range ends ({version.end}); widen its "
                      "range in migration-config.json, or start a new version "
                      "(`citrine-migrate manager new-version`)")
    return chosen


# --- editing migration-config.json, keeping its layout ------------------------------------------

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\r\n]*")


def _skip(text: str, i: int) -> int:
    match = _WS.match(text, i)
    assert match is not None
    return match.end()


@dataclass(frozen=True)
class _Member:
    key: str
    key_start: int
    value_start: int
    value_end: int


def _members(text: str, start: int) -> list[_Member]:
    """The members of the object that starts at ``start`` (its ``{``)."""
    if text[start] != "{":
        raise UsageError("migration-config.json: expected an object")
    out: list[_Member] = []
    i = _skip(text, start + 1)
    while text[i] != "}":
        key_start = i
        key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = _skip(text, i)
        value_start = _skip(text, i + 1)  # past ':'
        _, value_end = _DECODER.raw_decode(text, value_start)
        out.append(_Member(key, key_start, value_start, value_end))
        i = _skip(text, value_end)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return out


def _elements(text: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each element of the array that starts at ``start`` (its ``[``)."""
    out: list[tuple[int, int]] = []
    i = _skip(text, start + 1)
    while text[i] != "]":
        _, end = _DECODER.raw_decode(text, i)
        out.append((i, end))
        i = _skip(text, end)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return out


def _member(text: str, path: Sequence[str]) -> _Member:
    start = _skip(text, 0)
    found: _Member | None = None
    for key in path:
        found = next((m for m in _members(text, start) if m.key == key), None)
        if found is None:
            raise UsageError(f"migration-config.json has no {'.'.join(path)}")
        start = found.value_start
    assert found is not None
    return found


def _indent_at(text: str, pos: int) -> str:
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return line[: len(line) - len(line.lstrip(" \t"))]


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _unit(text: str) -> str:
    """The file's indentation step (two spaces in this project)."""
    top = _skip(text, 0)
    members = _members(text, top)
    if members:
        indent = _indent_at(text, members[0].key_start)
        if indent:
            return indent
    return "  "


def _dump(value: Any, indent: str, unit: str, nl: str) -> str:
    return json.dumps(value, indent=unit, ensure_ascii=False).replace("\n", nl + indent)


def config_with_version(text: str, name: str, entry: dict[str, Any]) -> str:
    """``text`` with ``entry`` added under ``versions`` as ``name``, after the versions before
    it, in the file's own indentation."""
    versions = _member(text, ["versions"])
    members = _members(text, versions.value_start)
    nl, unit = _newline(text), _unit(text)
    earlier = [m for m in members if VERSION_NAME.match(m.key)
               and version_key(m.key) < version_key(name)]
    if earlier:
        anchor = earlier[-1]
        indent = _indent_at(text, anchor.key_start)
        item = f"{json.dumps(name)}: {_dump(entry, indent, unit, nl)}"
        return text[:anchor.value_end] + f",{nl}{indent}{item}" + text[anchor.value_end:]
    indent = _indent_at(text, versions.key_start) + unit
    item = f"{json.dumps(name)}: {_dump(entry, indent, unit, nl)}"
    brace = versions.value_start + 1
    sep = "," if members else ""
    return text[:brace] + f"{nl}{indent}{item}{sep}" + text[brace:].lstrip(" ")


def config_with_value(text: str, path: Sequence[str], value: Any) -> str:
    """``text`` with the value at ``path`` replaced (a scalar or a one-line value)."""
    member = _member(text, path)
    nl, unit = _newline(text), _unit(text)
    dumped = _dump(value, _indent_at(text, member.key_start), unit, nl)
    return text[:member.value_start] + dumped + text[member.value_end:]


def config_with_appended(text: str, path: Sequence[str], item: Any) -> str:
    """``text`` with ``item`` appended to the array at ``path``, one element a line when the
    array is written so (or empty), inline otherwise."""
    member = _member(text, path)
    nl, unit = _newline(text), _unit(text)
    indent = _indent_at(text, member.key_start)
    dumped = json.dumps(item, ensure_ascii=False)
    elements = _elements(text, member.value_start)
    if not elements:
        block = f"[{nl}{indent}{unit}{dumped}{nl}{indent}]"
        return text[:member.value_start] + block + text[member.value_end:]
    first_start, _ = elements[0]
    last_end = elements[-1][1]
    if "\n" in text[member.value_start:first_start]:
        addition = f",{nl}{_indent_at(text, first_start)}{dumped}"
    else:
        addition = f", {dumped}"
    return text[:last_end] + addition + text[last_end:]


def check_config(project: Project, text: str) -> dict[str, Any]:
    """The edited config ``text`` parsed, if it is valid JSON and a valid config."""
    from .project import CONFIG_FILE, validate

    path = project.root / CONFIG_FILE
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:  # a bug of the editing above; never write it
        raise CheckFailed(f"editing {path} gave invalid JSON ({exc.msg}); nothing was written"
                          ) from None
    problems = validate(raw)
    if problems:
        raise Refused(f"{path}: the change would make it invalid: {problems[0]}; nothing was "
                      "written")
    return raw


def write_config(project: Project, text: str) -> None:
    """Replace ``migration-config.json`` with ``text`` once it is checked, atomically (a new
    file renamed over the old one)."""
    from .project import CONFIG_FILE

    check_config(project, text)
    _write_atomic(project.root / CONFIG_FILE, text)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.citrine-tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    if path.exists():
        shutil.copymode(path, tmp)
    os.replace(tmp, path)


def version_entry(description: str, rng: Range) -> dict[str, Any]:
    """A config entry in the key order of this project's entries."""
    return {
        "description": description,
        "timestamp_range": {"start": rng.start, "end": rng.end},
        "features": [],
        "migrations": [],
        "breaking_changes": [],
        "upgrade_notes": [],
    }


# --- a new version's models ---------------------------------------------------------------------


def _docstring_literal(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{body}\n"""'


def _wrap(paragraph: str) -> str:
    return textwrap.fill(paragraph, width=96, break_long_words=False, break_on_hyphens=False)


def delta_docstring(name: str, previous: Version, previous_rel: str) -> str:
    """The docstring of a new version's models: which version it builds on, and what to write
    in ``evolve``."""
    parts = [
        f"Version {name} models: what changes from version {previous.name} ({previous_rel}).",
        _wrap(f"Made by ``citrine-migrate manager new-version {name}``. The engine copies the "
              f"{previous.name} models and runs ``evolve`` on the copy (see "
              "``citrine_state/deltas.py``), so this file holds only what "
              f"{name} changes. Nothing yet: until ``evolve`` changes something, the {name} "
              f"snapshot is {previous.name}'s."),
        "Write in ``evolve`` what the version changes, nothing else:",
        "\n".join([
            "- new columns: ``metadata.tables[\"T\"].append_column(Column(...))`` (PostgreSQL",
            "  appends a new column, so the order stays an upgraded database's);",
            "- changed columns: assign ``.type``, ``.nullable``, ``.comment`` and",
            "  ``.server_default`` (``DefaultClause(text(\"...\"))`` as PostgreSQL stores it, or",
            "  None to drop it);",
            "- indexes and constraints, always named: ``Index(\"name\", table.c.col)``,",
            "  ``table.append_constraint(...)``;",
            "- new tables: ``Table(\"Name\", metadata, ...)``; a dropped one:",
            "  ``metadata.remove(metadata.tables[\"Name\"])``;",
            f"- other extensions: ``EXTENSIONS = (...)`` (else {previous.name}'s).",
        ]),
        _wrap("Then run ``citrine-migrate snapshot``, ``citrine-migrate manager new-step NAME "
              "--description TEXT`` (a step generated from the difference, to review) and "
              "``citrine-migrate manager batch``. This file is loaded by path: import only "
              "sqlalchemy, geoalchemy2 and the standard library."),
    ]
    return "\n\n".join(parts)


def delta_models(name: str, previous: Version, previous_rel: str) -> str:
    """The text of a new version's models module: a delta on ``previous`` that changes
    nothing yet."""
    return f'''{_docstring_literal(delta_docstring(name, previous, previous_rel))}

from sqlalchemy import MetaData

BASED_ON = {json.dumps(previous.name)}


def evolve(metadata: MetaData) -> None:
    """{previous.name}'s models, copied: change them here to what {name} is."""
'''


def write_delta_models(project: Project, name: str, previous: Version) -> Path:
    """Start ``schema/v<name>.py`` as a delta on ``previous`` (whether ``previous`` is a module,
    a package or a delta itself); nothing is left behind when it fails."""
    source = project.models_path(previous)
    assert source is not None
    rel = (source.parent.relative_to(project.root).as_posix() + "/"
           if source.name == "__init__.py" else source.relative_to(project.root).as_posix())
    path = project.schema_dir / f"v{name.replace('.', '_')}.py"
    text = delta_models(name, previous, rel)
    ast.parse(text)  # it must be Python
    with open(path, "x", encoding="utf-8", newline="") as fh:  # never over another file
        try:
            fh.write(text)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return path


def copied_seed(project: Project, name: str, previous: Version) -> str | None:
    """The previous version's seed rows for the new version (a fresh install of the new
    version must hold the same rows as an upgraded database), or None when it has none."""
    path = project.seed_path(previous)
    if not path.is_file():
        return None
    rel = path.relative_to(project.root).as_posix()
    return (f"-- Copied from {rel} by `citrine-migrate manager new-version {name}`: the rows a "
            f"fresh install of {name} inserts.\n" + read_text(path))


# --- generating a step --------------------------------------------------------------------------


@dataclass
class StepSQL:
    """A step's SQL: ``up`` (what the models add), ``contract`` (what they drop or tighten, run
    after the data moves) and ``down`` (back to the steps' state)."""

    up: list[str] = field(default_factory=list)
    contract: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.up or self.contract or self.down)


def _clean(statement: str) -> str:
    return statement.strip().rstrip(";").strip()


def _reach(conn: Any, project: Project, goal: Any, first: list[str]) -> list[str]:
    """Run ``first`` on ``conn``, then what it still takes to reach ``goal`` (column order
    repairs, then migra's remaining statements); the statements, in order. Raises when the
    result is not ``goal``."""
    scope = scope_of(project)
    out: list[str] = []

    def run(items: list[str]) -> None:
        for item in items:
            item = _clean(item)
            db.run_script(conn, item)
            out.append(item)

    run(first)
    run(consolidate.column_repairs(diff.inspect(conn, scope), goal))
    run(diff.compare(diff.inspect(conn, scope), goal).statements)
    now = diff.inspect(conn, scope)
    left = diff.compare(now, goal)
    misplaced = [t for t, cols in _column_orders(goal).items()
                 if _column_orders(now).get(t, cols) != cols]
    if misplaced and left.in_sync:
        raise CheckFailed(f"the generated SQL leaves the columns of {', '.join(misplaced[:5])} "
                          "in another order than the goal's; write the step by hand (--empty)")
    if not left.in_sync:
        names = ", ".join(f"{d.kind} {d.name} ({d.change})" for d in left.differences[:5])
        raise CheckFailed(f"the generated SQL does not reach its goal: "
                          f"{names or '; '.join(left.statements[:3])}; write the step by hand "
                          "(--empty)")
    return out


def _column_orders(inspected: Any) -> dict[str, list[str]]:
    return {str(table.name): [str(c) for c in table.columns]
            for table in inspected.tables.values()}


def build_steps_state(conn: Any, project: Project, version: Version) -> None:
    """Make, in the empty database of ``conn``, the schema that the steps so far produce: the
    previous modelled version's snapshot and seed rows (what its steps produce, checked in CI),
    then every step listed after it, up to ``version``."""
    previous = project.previous(version)
    done: set[str] = set()
    if previous is not None:
        load_sql(conn, committed_sql(project, previous))
        seed = project.seed_path(previous)
        if seed.is_file():
            load_sql(conn, read_text(seed))
        done = set(project.steps_up_to(previous))
    wanted = [n for n in project.steps_up_to(version) if n not in done]
    by_name = {s.name: s for s in steps_mod.all_steps(project)}
    for name in wanted:
        steps_mod.run_step(conn, project, by_name[name], "up", say=lambda _: None)


def generate_step_sql(project: Project, version: Version, near: URL | str,
                      shadow_url: URL | str | None = None) -> StepSQL:
    """The SQL of a step that takes the steps' state of ``version`` to its models, and back.

    Two shadow databases: the steps' state (where the SQL is replayed) and the models
    (rendered from ``Base.metadata``, whether or not the snapshot is current)."""
    models_sql = render(project, version).sql
    scope = scope_of(project)
    result = StepSQL()
    with db.shadow_database(near, shadow_url) as models_url, db.connect(models_url) as mconn:
        load_sql(mconn, models_sql)
        mconn.commit()
        models = diff.inspect(mconn, scope)
        with db.shadow_database(near, shadow_url) as work_url, db.connect(work_url) as conn:
            build_steps_state(conn, project, version)
            conn.commit()
            state = diff.inspect(conn, scope)
            if diff.compare(state, models).in_sync and \
                    _column_orders(state) == _column_orders(models):
                return result
            changes = consolidate.enum_changes(state, models)

            def forward(early: list[consolidate.EnumChange]) -> tuple[list[str], list[str]]:
                up = _enum_up(conn, changes, early)
                late = [c for c in changes if not c.additive]
                with consolidate.masked_enums(models, late):
                    statements = diff.compare(diff.inspect(conn, scope), models).statements
                created = consolidate.new_tables(statements)
                expand = [e for e in consolidate.expand_statements(statements, created)
                          if not consolidate.mentions_enum(e, late)]
                up += _reach_expand(conn, expand, models)
                recreate = [stmt for c in late
                            for stmt in consolidate.recreate_statements(conn, c, False)]
                contract = _reach(conn, project, models, recreate)
                conn.commit()
                return up, contract

            result.up, result.contract = consolidate.retrying_enum_uses(
                conn, changes, forward, "the generated step")
            back = consolidate.enum_changes(diff.inspect(conn, scope), state)

            def backward(early: list[consolidate.EnumChange]) -> list[str]:
                # PostgreSQL cannot remove an enum value: going back recreates such types.
                down = _enum_up(conn, back, early)
                down += [_clean(stmt) for c in back if not c.additive
                         for stmt in _run(conn, consolidate.recreate_statements(conn, c, False))]
                down += _reach(conn, project, state,
                               diff.compare(diff.inspect(conn, scope), state).statements)
                conn.rollback()
                return down

            result.down = consolidate.retrying_enum_uses(conn, back, backward,
                                                         "the generated step's DOWN")
    return result


def _run(conn: Any, statements: list[str]) -> list[str]:
    for statement in statements:
        db.run_script(conn, _clean(statement))
    return statements


def _enum_up(conn: Any, changes: list[consolidate.EnumChange],
             early: list[consolidate.EnumChange]) -> list[str]:
    """Values added to enum types, by ADD VALUE, or (for the types in ``early``, whose new
    values are used in the same transaction) by recreating the type; run on ``conn``."""
    out: list[str] = []
    for change in changes:
        if change.additive and change not in early:
            out += _run(conn, consolidate.add_value_statements(change))
        elif change.additive:
            out += _run(conn, consolidate.recreate_statements(conn, change, True))
    return [_clean(s) for s in out]


def _reach_expand(conn: Any, expand: list[str], goal: Any) -> list[str]:
    ordered = consolidate._in_target_order(expand, goal) if expand else []
    out: list[str] = []
    for item in ordered:
        item = _clean(item)
        db.run_script(conn, item)
        out.append(item)
    return out


# --- the step file ------------------------------------------------------------------------------


def statement_tags(statement: str) -> tuple[str, ...]:
    """The hazards of a generated statement; dropping the old copy of a rebuilt column deletes
    nothing (its values were copied into the rebuilt column first)."""
    tags = hazards.tags(statement)
    if hazards.drops_only_rebuilt_copies(statement):
        tags = tuple(t for t in tags if t != hazards.DELETES_DATA)
    return tags


def deletes_data(statements: list[str]) -> list[str]:
    """The statements that really lose data."""
    return [s for s in statements if hazards.DELETES_DATA in statement_tags(s)]


_RENAMED_ASIDE = re.compile(
    rf'^alter table (?:\S+\.)?"((?:[^"]|"")+)" rename column "((?:[^"]|"")+)" to '
    rf'"(?:[^"]|"")+{hazards.REBUILT_SUFFIX}"$', re.I)
_ADDED = re.compile(r'^alter table (?:\S+\.)?"((?:[^"]|"")+)" add column "((?:[^"]|"")+)"',
                    re.I)


@dataclass(frozen=True)
class Rebuild:
    """Columns of a table made again at its end so that its column order is the models': a
    new column declared before existing ones (PostgreSQL can only append)."""

    table: str
    placed: tuple[str, ...]  # the new columns the models put among the existing ones
    rebuilt: tuple[str, ...]  # the existing columns after them, rebuilt in order


def rebuilds(sql: StepSQL) -> list[Rebuild]:
    moved: dict[str, list[str]] = {}
    for statement in sql.up + sql.contract:
        found = _RENAMED_ASIDE.match(_clean(statement))
        if found:
            moved.setdefault(found.group(1), []).append(found.group(2))
    added: dict[str, list[str]] = {}
    for statement in sql.up:
        found = _ADDED.match(_clean(statement))
        if found:
            added.setdefault(found.group(1), []).append(found.group(2))
    return [Rebuild(table, tuple(added.get(table, ())), tuple(cols))
            for table, cols in sorted(moved.items())]


def _sql_block(statements: list[str]) -> str:
    if not statements:
        return ""
    chunks: list[str] = []
    for statement in statements:
        tags = statement_tags(statement)
        text = _clean(statement) + ";"
        chunks.append((f"-- hazards: {', '.join(tags)}\n" if tags else "") + text)
    return "\n" + "\n\n".join(chunks) + "\n"


def _py_string(sql: str) -> str:
    if not sql:
        return '""'
    return '"""' + sql.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') + '"""'


_RECREATED = re.compile(r'^alter type (\S+) rename to "[^"]*__citrine_old"$', re.I)


def _enum_notes(sql: StepSQL) -> list[str]:
    """What a reviewer must know about the enum types the step changes."""
    def recreated(statements: list[str]) -> list[str]:
        return [m.group(1) for s in statements if (m := _RECREATED.match(_clean(s)))]

    notes: list[str] = []
    added = sorted({s.split()[2] for s in sql.up if re.match(r"alter type \S+ add value ", s)})
    if added:
        notes.append(_wrap(
            f"UP adds values to {', '.join(added)} with ALTER TYPE ... ADD VALUE (PostgreSQL "
            "12 or newer): PostgreSQL refuses to use a value added in the same transaction "
            "(\"unsafe use of new value\"), so no data move of this step may use them; use "
            "them in a later step."))
    forward = recreated(sql.up) + recreated(sql.contract)
    if forward:
        notes.append(_wrap(
            f"UP/CONTRACT recreate {', '.join(forward)} (values removed or reordered, or added "
            "and used at once, which PostgreSQL cannot do in place): every table using it is "
            "rewritten under an ACCESS EXCLUSIVE lock; rows must not hold a removed value."))
    back = recreated(sql.down)
    if back:
        notes.append(_wrap(
            f"DOWN recreates {', '.join(back)}: PostgreSQL cannot remove a value from an enum "
            "type, so the type is made anew without the values UP adds, rewriting every table "
            "using it; it fails while a row still holds one of those values (move such rows "
            "first)."))
    return notes


def rebuild_note(rebuild: Rebuild) -> str:
    """What a reviewer (and the command's output) must know about a rebuild, plainly."""
    placed = ", ".join(rebuild.placed) or "a column"
    count = len(rebuild.rebuilt)
    return _wrap(
        f"PostgreSQL adds a new column at the end of its table, but the models put {placed} "
        f"before existing columns of {rebuild.table}. So that an upgraded database has the "
        f"same column order as a fresh install, CONTRACT rebuilds the {count} column(s) after "
        f"it ({', '.join(rebuild.rebuilt)}) at the end in the models' order: each is renamed "
        f"aside (*{hazards.REBUILT_SUFFIX}), added again, given the old values, and the old "
        "copy dropped, then its constraints and defaults are made again. No value is lost, "
        f"but every row of {rebuild.table} is rewritten under an ACCESS EXCLUSIVE lock. To "
        "avoid that, declare new columns last in the model, then run `citrine-migrate "
        "snapshot` and generate the step again.")


def _new_not_null(sql: StepSQL) -> bool:
    """Whether CONTRACT sets NOT NULL on a column that needs filling: not on a rebuilt column,
    which holds the old values again."""
    rebuilt = {(r.table, c) for r in rebuilds(sql) for c in r.rebuilt}
    for statement in sql.contract:
        if not re.search(r"\bset not null\b", statement, re.I):
            continue
        found = re.match(r'^alter table (?:\S+\.)?"((?:[^"]|"")+)" alter column '
                         r'"((?:[^"]|"")+)" set not null', _clean(statement), re.I)
        if found is None or (found.group(1), found.group(2)) not in rebuilt:
            return True
    return False


def step_file(description: str, version: Version, command: str, sql: StepSQL,
              generated: bool, models_rel: str) -> str:
    """The text of a new step file (see the module docstring of ``steps``)."""
    if generated:
        intro = _wrap(
            f"Generated by ``{command}`` from the difference between the {version.name} models "
            f"({models_rel}) and the database that the steps before it produce. Review it "
            "before committing: it is what the individual path (``migrate``) runs, and the "
            "verifier checks the result against the snapshot.")
    else:
        intro = _wrap(
            f"Written by hand: started empty by ``{command}``. Put the SQL of the change in UP, "
            "CONTRACT and DOWN; the result of the steps must equal the snapshot of the "
            f"{version.name} models ({models_rel}).")
    notes = [
        _wrap("UP holds what the models add (NOT NULL columns first as NULLable), CONTRACT the "
              "rest (drops, NOT NULL, defaults, constraints, indexes), DOWN the way back. "
              "Data moves (filling new columns, archiving what is dropped into the archive "
              "schema, ``{archive}``) go in "
              f"``versions/{version.name}/sql/`` files named in DATA_MOVES (run between UP and "
              "CONTRACT) or LATE_DATA_MOVES (after CONTRACT); ``manager batch`` puts the same "
              "files in the consolidated migration."),
    ]
    for rebuild in rebuilds(sql):
        notes.append(rebuild_note(rebuild))
    if deletes_data(sql.up + sql.contract):
        notes.append(_wrap("CONTRACT deletes data (see its ``-- hazards:`` lines): archive it "
                           "first with a data move, and have DOWN give it back."))
    if _new_not_null(sql):
        notes.append(_wrap("CONTRACT sets NOT NULL on columns that UP adds as NULLable: fill "
                           "them with a data move, or the step fails on a database with rows."))
    notes += _enum_notes(sql)
    if deletes_data(sql.down):
        notes.append(_wrap("DOWN deletes what UP added, with its data (see its ``-- hazards:`` "
                           "lines): archive it first if an undo must keep it."))
    doc = "\n\n".join([description, intro, *notes])
    return f'''{_docstring_literal(doc)}

from __future__ import annotations

from typing import Any

# SQL files in sql/ of this version, run between UP and CONTRACT (and by the consolidated
# migration between its expand and contract phases).
DATA_MOVES: tuple[str, ...] = ()
# SQL files in sql/, run after CONTRACT (moves that need the final layout).
LATE_DATA_MOVES: tuple[str, ...] = ()

# What the models add.
UP = {_py_string(_sql_block(sql.up))}

# The rest, once the data moves have run: drops, NOT NULL, defaults, constraints, indexes.
CONTRACT = {_py_string(_sql_block(sql.contract))}

# Back to the schema of the steps before this one.
DOWN = {_py_string(_sql_block(sql.down))}


def up(ctx: Any) -> None:
    ctx.script(UP)
    for name in DATA_MOVES:
        ctx.run_sql_file(name)
    ctx.script(CONTRACT)
    for name in LATE_DATA_MOVES:
        ctx.run_sql_file(name)


def down(ctx: Any) -> None:
    ctx.script(DOWN)
'''


def check_step_text(text: str, sql: StepSQL) -> None:
    """The rendered file must be Python whose UP/CONTRACT/DOWN are exactly the SQL."""
    tree = ast.parse(text)
    values = {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    for key, statements in (("UP", sql.up), ("CONTRACT", sql.contract), ("DOWN", sql.down)):
        if values.get(key) != _sql_block(statements):
            raise CheckFailed(f"the rendered step's {key} differs from the generated SQL")
