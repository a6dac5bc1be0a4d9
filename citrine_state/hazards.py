"""What a statement risks on a live database: the hazards a plan shows and apply checks.

Tags are read from the SQL text, conservatively (when in doubt, a statement gets the tag):

- ``deletes-data``: DROP TABLE / COLUMN / SCHEMA, TRUNCATE, DELETE;
- ``locks-table``: takes an ACCESS EXCLUSIVE lock (most ALTER TABLE forms, DROP, TRUNCATE,
  RENAME), blocking reads and writes of the stations' traffic while it runs;
- ``rewrites-table``: rewrites every row (column type changes, volatile defaults);
- ``builds-index``: builds an index (CREATE INDEX, new PRIMARY KEY / UNIQUE), which blocks writes
  unless CONCURRENTLY;
- ``validates-constraint``: scans the table to check a constraint (FK/CHECK without NOT VALID,
  VALIDATE CONSTRAINT, SET NOT NULL);
- ``moves-data``: changes rows (INSERT / UPDATE / a data-move file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sqltext import split_script as split_script  # re-exported for plans
from .sqltext import strip_comments as _strip_comments

DELETES_DATA = "deletes-data"
LOCKS_TABLE = "locks-table"
REWRITES_TABLE = "rewrites-table"
BUILDS_INDEX = "builds-index"
VALIDATES_CONSTRAINT = "validates-constraint"
MOVES_DATA = "moves-data"
ALL = (DELETES_DATA, LOCKS_TABLE, REWRITES_TABLE, BUILDS_INDEX, VALIDATES_CONSTRAINT, MOVES_DATA)
# The hazards a run refuses unless allowed (``--allow-hazard``): the others are shown, not refused.
ALLOWABLE = (DELETES_DATA,)

_IDENT = r'(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)'
_QNAME = rf"(?:{_IDENT}\s*\.\s*)?({_IDENT})"


def _unquote(ident: str) -> str:
    ident = ident.strip()
    if ident.startswith('"'):
        return ident[1:-1].replace('""', '"')
    return ident.lower()


def tags(sql: str) -> tuple[str, ...]:
    """The hazards of one statement, in the order of ``ALL``."""
    text = " ".join(_strip_comments(sql).split())
    low = text.lower()
    found: set[str] = set()
    if re.match(r"drop\s+(table|schema)\b", low) or re.search(r"\bdrop\s+column\b", low) or \
            re.match(r"(truncate|delete)\b", low):
        found.add(DELETES_DATA)
    if re.match(r"(drop\s+table|truncate|lock\s+table)\b", low):
        found.add(LOCKS_TABLE)
    if low.startswith("alter table"):
        only_light = re.search(r"\bvalidate\s+constraint\b", low) or (
            re.search(r"\badd\s+constraint\b.*\bforeign\s+key\b.*\bnot\s+valid\b", low)
        )
        if not only_light:
            found.add(LOCKS_TABLE)
        if re.search(r"\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b", low):
            found.add(REWRITES_TABLE)
        if re.search(r"\badd\s+(column\s+)?\S+.*\bdefault\s+(nextval|random|clock_timestamp|"
                     r"gen_random_uuid|uuid_generate)", low):
            found.add(REWRITES_TABLE)
        if re.search(r"\badd\s+constraint\b.*\b(primary\s+key|unique)\b", low) and \
                " using index " not in low:
            found.add(BUILDS_INDEX)
        if (re.search(r"\badd\s+constraint\b.*\b(foreign\s+key|check)\b", low)
                and not re.search(r"\bnot\s+valid\b", low)) or \
                re.search(r"\bvalidate\s+constraint\b", low) or \
                re.search(r"\bset\s+not\s+null\b", low) or \
                re.search(r"\badd\s+(column\s+)?\S+.*\bnot\s+null\b", low):
            found.add(VALIDATES_CONSTRAINT)
    if re.match(r"create\s+(unique\s+)?index\b", low):
        found.add(BUILDS_INDEX)
        if " concurrently " not in f" {low} ":
            found.add(LOCKS_TABLE)
    if re.match(r"(insert|update|merge)\b", low) or re.match(r"with\b.*\b(insert|update|delete)\b",
                                                           low):
        found.add(MOVES_DATA)
    if re.match(r"with\b.*\bdelete\b", low):
        found.add(DELETES_DATA)
    if re.match(r"(alter\s+table\s+\S+\s+rename|alter\s+index)\b", low):
        found.add(LOCKS_TABLE)
    return tuple(t for t in ALL if t in found)


def dropped_objects(sql: str) -> list[tuple[str, str | None]]:
    """(table, column or None) for each table or column the statement drops."""
    text = " ".join(_strip_comments(sql).split())
    out: list[tuple[str, str | None]] = []
    match = re.match(rf"drop\s+table\s+(?:if\s+exists\s+)?({_QNAME}(?:\s*,\s*{_QNAME})*)",
                     text, flags=re.I)
    if match:  # every table of the list, not only the first
        out.extend((_unquote(m.group(1)), None)
                   for m in re.finditer(_QNAME, match.group(1), flags=re.I))
    match = re.match(rf"alter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?{_QNAME}", text, flags=re.I)
    if match:
        table = _unquote(match.group(1))
        for col in re.findall(rf"drop\s+column\s+(?:if\s+exists\s+)?({_IDENT})", text, flags=re.I):
            out.append((table, _unquote(col)))
    match = re.match(rf"(?:truncate\s+(?:table\s+)?|delete\s+from\s+)(?:only\s+)?{_QNAME}",
                     text, flags=re.I)
    if match:
        out.append((_unquote(match.group(1)), None))
    return out


_ARCHIVE_COPY = re.compile(
    rf'create\s+table\s+(?:if\s+not\s+exists\s+)?(?:{_IDENT}|\{{archive\}})\s*\.\s*'
    rf'"(\d{{14}})_([^"]+)"',
    flags=re.I,
)


_KEEPS = re.compile(r'^--\s*keeps:\s*"([^"]+)"', flags=re.M)

_SCRATCH = re.compile(
    rf"create\s+(?:global\s+|local\s+)?temp(?:orary)?\s+table\s+(?:if\s+not\s+exists\s+)?"
    rf"{_QNAME}",
    flags=re.I,
)


def archived_tables(sql: str) -> set[str]:
    """Tables whose data a data-move script keeps before anything drops it: copies into the
    archive (``"<timestamp>_<Table>"``), tables it declares with a ``-- keeps: "Table"`` line
    (their rows were moved somewhere else in full), and the temporary tables it makes itself
    (scratch rows derived from other tables; dropping them loses nothing)."""
    text = _strip_comments(sql)
    copied = {match.group(2) for match in _ARCHIVE_COPY.finditer(text)}
    scratch = {_unquote(match.group(1)) for match in _SCRATCH.finditer(text)}
    return copied | scratch | set(_KEEPS.findall(sql))


@dataclass
class Statement:
    sql: str
    phase: str  # expand | data | contract | step
    source: str = ""  # where it comes from (migra, a data-move file, a step)
    hazards: tuple[str, ...] = ()
    archived: bool = False  # a deletes-data statement whose data was archived first

    def as_dict(self) -> dict[str, object]:
        return {"sql": self.sql, "phase": self.phase, "source": self.source,
                "hazards": list(self.hazards), "archived": self.archived}


@dataclass
class Plan:
    """A list of statements with their hazards, in the order they run."""

    title: str
    statements: list[Statement] = field(default_factory=list)

    def unarchived_deletes(self) -> list[Statement]:
        return [s for s in self.statements if DELETES_DATA in s.hazards and not s.archived]

    def counts(self) -> dict[str, int]:
        return {tag: sum(tag in s.hazards for s in self.statements) for tag in ALL}

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "counts": self.counts(),
                "statements": [s.as_dict() for s in self.statements]}


def mark_archived(statements: list[Statement], archived: set[str]) -> None:
    """Flag deletes of tables (or their columns) that an earlier statement archived."""
    for stmt in statements:
        if DELETES_DATA in stmt.hazards:
            dropped = dropped_objects(stmt.sql)
            stmt.archived = bool(dropped) and all(table in archived for table, _ in dropped)
