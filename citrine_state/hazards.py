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

from .sqltext import quote_ident
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
    # DROP SCHEMA without CASCADE fails unless the schema is empty: it cannot delete data.
    if re.match(r"drop\s+table\b", low) or re.search(r"\bdrop\s+column\b", low) or \
            re.match(r"(truncate|delete)\b", low) or \
            (re.match(r"drop\s+schema\b", low) and re.search(r"\bcascade\b", low)):
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
    rf'"(\d{{14}})_([^"]+?)(?:_down\d*)?"',
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


def lock_mode(sql: str) -> str | None:
    """The strongest table lock a statement takes (None: none on an existing table worth
    naming), read from its text as ``tags`` reads hazards."""
    low = " ".join(_strip_comments(sql).split()).lower()
    if re.match(r"create\s+(unique\s+)?index\s+concurrently\b", low) or \
            re.match(r"drop\s+index\s+concurrently\b", low):
        return "SHARE UPDATE EXCLUSIVE"
    if re.match(r"create\s+(unique\s+)?index\b", low):
        return "SHARE"
    if low.startswith("alter table"):
        if re.search(r"\bvalidate\s+constraint\b", low):
            return "SHARE UPDATE EXCLUSIVE"
        if re.search(r"\badd\s+constraint\s+\S+\s+foreign\s+key\b", low) and \
                not re.search(r"\b(add|drop|alter)\s+column\b", low):
            return "SHARE ROW EXCLUSIVE"
        return "ACCESS EXCLUSIVE"
    if re.match(r"(drop\s+table|drop\s+index|truncate|lock\s+table|alter\s+index)\b", low):
        return "ACCESS EXCLUSIVE"
    if re.match(r"(insert|update|delete|merge)\b", low):
        return "ROW EXCLUSIVE"
    return None


@dataclass
class Statement:
    sql: str
    phase: str  # expand | data | contract | step
    source: str = ""  # where it comes from (migra, a data-move file, a step)
    hazards: tuple[str, ...] = ()
    archived: bool = False  # a deletes-data statement whose data was archived first
    lock: str | None = None  # the table lock it takes (step plans)
    note: str = ""  # how it runs, when not in the step's transaction (online parts)
    # what ran just before it that a plan does not show (bookkeeping reads): an archive table
    # read there and dropped here was put back, not lost
    reads: list[str] = field(default_factory=list, repr=False, compare=False)

    def as_dict(self) -> dict[str, object]:
        return {"sql": self.sql, "phase": self.phase, "source": self.source,
                "hazards": list(self.hazards), "archived": self.archived, "lock": self.lock,
                "online": bool(self.note), "note": self.note}


@dataclass
class Plan:
    """A list of statements with their hazards, in the order they run."""

    title: str
    statements: list[Statement] = field(default_factory=list)
    # beside traffic or not, per step, with the tables held (``assessment``), when known
    traffic: list[dict[str, object]] = field(default_factory=list)

    def unarchived_deletes(self) -> list[Statement]:
        return [s for s in self.statements if DELETES_DATA in s.hazards and not s.archived]

    def counts(self) -> dict[str, int]:
        return {tag: sum(tag in s.hazards for s in self.statements) for tag in ALL}

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "counts": self.counts(),
                "statements": [s.as_dict() for s in self.statements],
                "traffic": list(self.traffic)}


# A column rebuilt to stand where the target puts it (PostgreSQL only appends columns) is
# renamed to "<name>__citrine_moved", added again, given the old values, and the old copy is
# dropped: that drop loses nothing.
REBUILT_SUFFIX = "__citrine_moved"


def drops_only_rebuilt_copies(sql: str) -> bool:
    """The statement drops columns, each the old copy of a rebuilt column (values copied)."""
    dropped = dropped_objects(sql)
    return bool(dropped) and all(column is not None and column.endswith(REBUILT_SUFFIX)
                                 for _, column in dropped)


def _dropped_archive_tables(sql: str, archive: str) -> list[str] | None:
    """The archive tables a DROP TABLE statement drops, or None when it drops anything else."""
    text = " ".join(_strip_comments(sql).split())
    match = re.match(r"drop\s+table\s+(?:if\s+exists\s+)?(.*?)\s*(?:restrict)?$", text,
                     flags=re.I)
    if not match:
        return None
    names = []
    for qualified in re.finditer(rf"({_IDENT})\s*\.\s*({_IDENT})|({_IDENT})", match.group(1)):
        schema, table = qualified.group(1), qualified.group(2)
        if schema is None or _unquote(schema) != archive:
            return None
        names.append(_unquote(table))
    return names or None


def _reads_archive_table(sql: str, archive: str, table: str) -> bool:
    text = _strip_comments(sql)
    quoted = quote_ident(table)
    return re.search(rf'(?:"{re.escape(archive)}"|\b{re.escape(archive)})\s*\.\s*'
                     rf"{re.escape(quoted)}", text) is not None


def mark_archived(statements: list[Statement], archived: set[str],
                  archive: str | None = None) -> None:
    """Flag deletes of tables (or their columns) that an earlier statement archived, and drops
    of the old copies of rebuilt columns (their values were copied). With
    ``archive`` (the archive schema), dropping an archive table that an earlier statement of
    the same phase read (a down that has put its rows back) loses nothing either."""
    for index, stmt in enumerate(statements):
        if DELETES_DATA not in stmt.hazards:
            continue
        dropped = dropped_objects(stmt.sql)
        stmt.archived = bool(dropped) and all(table in archived for table, _ in dropped) \
            or drops_only_rebuilt_copies(stmt.sql)
        if stmt.archived or archive is None:
            continue
        tables = _dropped_archive_tables(stmt.sql, archive)
        earlier = [sql for s in statements[:index] if s.phase == stmt.phase
                   for sql in (*s.reads, s.sql)] + stmt.reads
        stmt.archived = bool(tables) and all(
            any(_reads_archive_table(sql, archive, t) for sql in earlier) for t in tables)
