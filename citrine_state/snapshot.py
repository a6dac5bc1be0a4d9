"""Render a version's declarative models to its DDL snapshot, deterministically.

A snapshot is plain SQL, loadable with ``psql -f`` into an empty database: extensions, enum types,
tables (columns in model order, without foreign keys), the tables' and columns' comments
(``Column(comment=...)``: PostgreSQL keeps them apart from CREATE TABLE), indexes, then every
foreign key as an ALTER TABLE, so that cycles between tables need no special care. Objects are
sorted by name (comments by table, then column order), so rendering the same models always gives
the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import (
    AddConstraint,
    CreateIndex,
    CreateTable,
    SetColumnComment,
    SetTableComment,
)

from .errors import UsageError
from .project import Project, Version, read_text
from .sqltext import quote_literal

HEADER = (
    "-- citrine-state snapshot of version {version}\n"
    "-- Rendered from {models} by `citrine-migrate snapshot`; do not edit by hand.\n"
)

_DIALECT = postgresql.dialect()


def _compile(element: sa.schema.ExecutableDDLElement) -> str:
    return str(element.compile(dialect=_DIALECT)).strip()


def _enum_types(metadata: sa.MetaData) -> list[sa.Enum]:
    found: dict[str, sa.Enum] = {}
    for table in metadata.tables.values():
        for column in table.columns:
            col_type = column.type
            if isinstance(col_type, sa.ARRAY):
                col_type = col_type.item_type
            if isinstance(col_type, sa.Enum) and col_type.name:
                found.setdefault(col_type.name, col_type)
    return [found[name] for name in sorted(found)]


def _create_enum(enum: sa.Enum) -> str:
    labels = ",\n".join("    " + quote_literal(label) for label in enum.enums)
    return f"CREATE TYPE {_qualified(enum.schema, enum.name)} AS ENUM (\n{labels}\n);"


def _qualified(schema: str | None, name: str | None) -> str:
    ident = _DIALECT.identifier_preparer.quote(name or "")
    return f"{_DIALECT.identifier_preparer.quote_schema(schema)}.{ident}" if schema else ident


def render_metadata(metadata: sa.MetaData, extensions: tuple[str, ...] = ()) -> str:
    """The DDL of ``metadata`` as one SQL text (no header)."""
    parts: list[str] = []
    for ext in sorted(extensions):
        parts.append(f"CREATE EXTENSION IF NOT EXISTS {_DIALECT.identifier_preparer.quote(ext)};")
    for enum in _enum_types(metadata):
        parts.append(_create_enum(enum))
    tables = sorted(metadata.tables.values(), key=lambda t: (t.schema or "", t.name))
    for table in tables:
        ddl = _compile(CreateTable(table, include_foreign_key_constraints=[]))
        parts.append("\n".join(line.rstrip() for line in ddl.splitlines()) + ";")
    for table in tables:
        if table.comment is not None:
            parts.append(_compile(SetTableComment(table)) + ";")
        for column in table.columns:
            if column.comment is not None:
                parts.append(_compile(SetColumnComment(column)) + ";")
    for table in tables:
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            if index.name is None:
                raise UsageError(f"an index of {table.name} has no name: name every index")
            parts.append(_compile(CreateIndex(index)) + ";")
    for table in tables:
        fks = sorted(table.foreign_key_constraints, key=lambda c: c.name or "")
        for fk in fks:
            if fk.name is None:
                raise UsageError(f"a foreign key of {table.name} has no name: name every one")
            parts.append(_compile(AddConstraint(fk)) + ";")
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class Rendered:
    version: Version
    path: Path
    sql: str

    @property
    def current(self) -> str | None:
        return read_text(self.path) if self.path.is_file() else None

    @property
    def stale(self) -> bool:
        return self.current != self.sql


def render(project: Project, version: Version) -> Rendered:
    """The snapshot text of ``version`` as its models say it should be."""
    module = project.models(version)
    extensions = tuple(getattr(module, "EXTENSIONS", ()))
    models = project.models_path(version)
    rel = models.relative_to(project.root).as_posix() if models else version.module_name
    source = rel
    if getattr(module, "BASED_ON", None) is not None:
        source = f"{rel} (changes to {module.BASED_ON})"
    try:
        body = render_metadata(module.Base.metadata, extensions)
    except sa.exc.SQLAlchemyError as exc:
        raise UsageError(f"{rel} cannot be rendered: {str(exc).splitlines()[0]}") from None
    sql = HEADER.format(version=version.name, models=source) + "\n" + body
    return Rendered(version=version, path=project.snapshot_path(version), sql=sql)


def write(rendered: Rendered) -> bool:
    """Write the snapshot if it changed; True when the file was (re)written."""
    if not rendered.stale:
        return False
    rendered.path.parent.mkdir(parents=True, exist_ok=True)
    rendered.path.write_text(rendered.sql, encoding="utf-8")
    return True


def committed_sql(project: Project, version: Version) -> str:
    """The snapshot file as committed (what installs and verification use)."""
    path = project.snapshot_path(version)
    if not path.is_file():
        raise UsageError(
            f"version {version.name} has no snapshot {path}: run `citrine-migrate snapshot`"
        )
    return read_text(path)


def sql_hash(sql: str) -> str:
    """Content hash of a snapshot, line endings normalised."""
    normalised = sql.replace("\r\n", "\n").encode("utf-8")
    return hashlib.sha256(normalised).hexdigest()
