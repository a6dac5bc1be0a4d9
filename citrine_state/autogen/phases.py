"""Shaping migra's statements for a migration that runs in phases around data moves: what may
run before them (expand: nothing dropped or tightened), new columns added in the target's column
order, and the repairs that put columns where the target has them (PostgreSQL only appends).
Consolidated and step generation both use it, so the two paths shape a change alike."""

from __future__ import annotations

import re
from typing import Any

from .. import diff, hazards
from ..sqltext import quote_ident

_ADD_COLUMN = re.compile(r'^alter table (\S+) add column (".*?"|\S+) (.*)$', re.S)


_CREATE_TABLE = re.compile(r'^create table (?:"?public"?\.)?"?([^".(]+)"?', re.I)
_ON_TABLE = re.compile(r'^create unique index \S+ on (?:"?public"?\.)?"?([^".( ]+)"?', re.I)
_KEY_ON_TABLE = re.compile(
    r'^alter table (?:"?public"?\.)?"?([^". ]+)"? add constraint \S+ (primary key|unique)\b', re.I)


def new_tables(statements: list[str]) -> set[str]:
    return {m.group(1) for s in statements if (m := _CREATE_TABLE.match(s.strip()))}


def expand_part(statement: str, created: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The expand-phase form of a migra statement, or None if it belongs to contract.

    Keys of tables this migration creates go to expand too: the tables are empty, and data
    moves may rely on them (ON CONFLICT)."""
    s = statement.strip().rstrip(";")
    low = s.lower()
    for pattern in (_ON_TABLE, _KEY_ON_TABLE):
        match = pattern.match(s)
        if match and match.group(1) in created:
            return s
    if low.startswith(("create extension", "create type", "create sequence", "create table",
                       "create schema")):
        return s
    if re.match(r"alter type \S+ add value", low):
        return s
    if re.match(r"drop index", low):
        return s
    if re.match(r"alter table \S+ drop constraint", low):
        return s
    if re.match(r"alter table \S+ alter column \S+ (drop not null|drop default|set default)",
                low):
        return s
    match = _ADD_COLUMN.match(s)
    if match:
        rest = match.group(3)
        if re.search(r"\bnot null\b", rest, re.I) and not re.search(r"\bdefault\b", rest, re.I):
            rest = re.sub(r"\s*\bnot null\b", "", rest, flags=re.I)  # contract sets it later
        return f"alter table {match.group(1)} add column {match.group(2)} {rest}"
    return None


def expand_statements(statements: list[str], created: set[str]) -> list[str]:
    """The expand-phase forms of migra's ``statements`` (see ``expand_part``). The default of a
    column whose type changes waits for the type change in contract, together with it: the new
    default may be of the new type only (an enum column becoming varchar with a varchar
    default)."""
    retyped = diff.retyped_columns(statements)
    out: list[str] = []
    for statement in statements:
        change = diff.column_change(statement)
        if change and change[0] in retyped:
            continue
        part = expand_part(statement, created)
        if part is not None:
            out.append(part)
    return out


def _columns(inspected: Any) -> dict[str, list[tuple[str, str]]]:
    """table -> [(column, type)] in order, for the tables of an inspection."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table in inspected.tables.values():
        out[table.name] = [(c.name, c.dbtypestr) for c in table.columns.values()]
    return out


def column_repairs(current: Any, target: Any) -> list[str]:
    """Statements that rebuild columns migra would leave out of place, keeping their values.

    For each table, the longest prefix of the target's column order that already stands in that
    order is kept; every target column after it is re-created at the end (renamed aside, added,
    copied, dropped) or, if new, added there, so the final order equals the target's."""
    out: list[str] = []
    have, want = _columns(current), _columns(target)
    for table, target_cols in sorted(want.items()):
        if table not in have:
            continue
        position = {name: i for i, (name, _) in enumerate(have[table])}
        kept, last = 0, -1
        for name, _ in target_cols:
            pos = position.get(name)
            if pos is None or pos < last:
                break
            last, kept = pos, kept + 1
        tail = target_cols[kept:]
        wanted = [n for n, _ in target_cols]
        # What migra alone would leave: kept columns in their order, new ones appended.
        predicted = [n for n, _ in have[table] if n in wanted] + [
            n for n in wanted if n not in position]
        if not tail or predicted == wanted:
            continue
        qt = f"public.{quote_ident(table)}"
        for name, dbtype in tail:
            if name in position:
                aside = f"{name}{hazards.REBUILT_SUFFIX}"
                out.append(f"alter table {qt} rename column {quote_ident(name)} "
                           f"to {quote_ident(aside)}")
                out.append(f"alter table {qt} add column {quote_ident(name)} {dbtype}")
                out.append(f"update {qt} set {quote_ident(name)} = {quote_ident(aside)}")
                out.append(f"alter table {qt} drop column {quote_ident(aside)}")
            else:
                out.append(f"alter table {qt} add column {quote_ident(name)} {dbtype}")
    return out


def added_column(statement: str) -> tuple[str, str] | None:
    """(table, column) of an ``alter table ... add column`` statement, else None."""
    match = _ADD_COLUMN.match(statement)
    if not match:
        return None
    return match.group(1).split(".")[-1].strip('"'), match.group(2).strip('"')


def in_target_order(statements: list[str], target: Any) -> list[str]:
    """migra adds columns in name order; add them in the target's column order instead, so
    that no column needs rebuilding to reach the target's layout."""
    order = {table: [name for name, _ in cols] for table, cols in _columns(target).items()}

    def key(stmt: str) -> tuple[str, int]:
        match = _ADD_COLUMN.match(stmt)
        assert match is not None
        table = match.group(1).split(".")[-1].strip('"')
        column = match.group(2).strip('"')
        cols = order.get(table, [])
        return table, cols.index(column) if column in cols else len(cols)

    adds = sorted((s for s in statements if _ADD_COLUMN.match(s)), key=key)
    others = [s for s in statements if not _ADD_COLUMN.match(s)]
    first = next((i for i, s in enumerate(statements) if _ADD_COLUMN.match(s)), len(others))
    before = [s for s in statements[:first] if not _ADD_COLUMN.match(s)]
    return before + adds + others[len(before):]


def clean(statement: str) -> str:
    """A statement as it is run and written: no surrounding blanks, no final semicolon."""
    return statement.strip().rstrip(";").strip()
