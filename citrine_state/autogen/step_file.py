"""Writing a new step's file (``manager new-step``): its UP, CONTRACT and DOWN with the hazards
of each statement, and the notes a reviewer must read first (data lost, columns rebuilt to keep
the models' order, NOT NULL columns to fill, enum types changed). The file is checked to hold
exactly the generated SQL before it is written.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .. import hazards
from ..errors import CheckFailed
from ..project import Version
from .phases import clean
from .pysource import docstring_literal, wrap
from .step_sql import StepSQL

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
        found = _RENAMED_ASIDE.match(clean(statement))
        if found:
            moved.setdefault(found.group(1), []).append(found.group(2))
    added: dict[str, list[str]] = {}
    for statement in sql.up:
        found = _ADDED.match(clean(statement))
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
        text = clean(statement) + ";"
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
        return [m.group(1) for s in statements if (m := _RECREATED.match(clean(s)))]

    notes: list[str] = []
    added = sorted({s.split()[2] for s in sql.up if re.match(r"alter type \S+ add value ", s)})
    if added:
        notes.append(wrap(
            f"UP adds values to {', '.join(added)} with ALTER TYPE ... ADD VALUE (PostgreSQL "
            "12 or newer): PostgreSQL refuses to use a value added in the same transaction "
            "(\"unsafe use of new value\"), so no data move of this step may use them; use "
            "them in a later step."))
    forward = recreated(sql.up) + recreated(sql.contract)
    if forward:
        notes.append(wrap(
            f"UP/CONTRACT recreate {', '.join(forward)} (values removed or reordered, or added "
            "and used at once, which PostgreSQL cannot do in place): every table using it is "
            "rewritten under an ACCESS EXCLUSIVE lock; rows must not hold a removed value."))
    back = recreated(sql.down)
    if back:
        notes.append(wrap(
            f"DOWN recreates {', '.join(back)}: PostgreSQL cannot remove a value from an enum "
            "type, so the type is made anew without the values UP adds, rewriting every table "
            "using it; it fails while a row still holds one of those values (move such rows "
            "first)."))
    return notes


def rebuild_note(rebuild: Rebuild) -> str:
    """What a reviewer (and the command's output) must know about a rebuild, plainly."""
    placed = ", ".join(rebuild.placed) or "a column"
    count = len(rebuild.rebuilt)
    return wrap(
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
                         r'"((?:[^"]|"")+)" set not null', clean(statement), re.I)
        if found is None or (found.group(1), found.group(2)) not in rebuilt:
            return True
    return False


def render(description: str, version: Version, command: str, sql: StepSQL,
           generated: bool, models_rel: str) -> str:
    """The text of a new step file (see the module docstring of ``steps``)."""
    if generated:
        intro = wrap(
            f"Generated by ``{command}`` from the difference between the {version.name} models "
            f"({models_rel}) and the database that the steps before it produce. Review it "
            "before committing: it is what the individual path (``migrate``) runs, and the "
            "verifier checks the result against the snapshot.")
    else:
        intro = wrap(
            f"Written by hand: started empty by ``{command}``. Put the SQL of the change in UP, "
            "CONTRACT and DOWN; the result of the steps must equal the snapshot of the "
            f"{version.name} models ({models_rel}).")
    notes = [
        wrap("UP holds what the models add (NOT NULL columns first as NULLable), CONTRACT the "
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
        notes.append(wrap("CONTRACT deletes data (see its ``-- hazards:`` lines): archive it "
                          "first with a data move, and have DOWN give it back."))
    if _new_not_null(sql):
        notes.append(wrap("CONTRACT sets NOT NULL on columns that UP adds as NULLable: fill "
                          "them with a data move, or the step fails on a database with rows."))
    notes += _enum_notes(sql)
    if deletes_data(sql.down):
        notes.append(wrap("DOWN deletes what UP added, with its data (see its ``-- hazards:`` "
                          "lines): archive it first if an undo must keep it."))
    doc = "\n\n".join([description, intro, *notes])
    return f'''{docstring_literal(doc)}

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
