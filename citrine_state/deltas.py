"""Delta versions: a version's models written as what changed since the version before.

Most releases change a handful of tables. A full copy of the previous models for each one would
bury those changes in thousands of unchanged lines, and the copies would drift apart. So a
version's models module may, instead of defining its own declarative ``Base``, say::

    BASED_ON = "1.8.0"             # the version right before it (itself a delta or not)
    EXTENSIONS = ("citext", "postgis")   # optional; the base's when absent

    def evolve(metadata: sqlalchemy.MetaData) -> None:
        tenants = metadata.tables["Tenants"]
        tenants.c.partyId.server_default = None      # what the release changed, nothing else
        tenants.append_column(Column("isUserTenant", Boolean, nullable=False, ...))

The engine composes it (``compose``, called by ``Project.models`` when the module is loaded):
it loads the base (recursively, so 1.8.3 builds on 1.8.2 on 1.8.1 on 1.8.0), copies the base's
metadata (``copy_metadata``: every table by ``Table.to_metadata``, and every column type, so
that not even an ``evolve`` that changes a type in place can reach the base), hands the copy
to ``evolve``, and exposes the result exactly as a full models module does:
``module.Base.metadata`` and ``module.EXTENSIONS``. Everything downstream (the snapshot, the
models-vs-steps diff of ``manager new-step``, status's known tables) reads a complete model and
does not know it was composed. The base's own objects are never changed.

Writing ``evolve`` so that the composed model is what PostgreSQL holds after the release:

- new columns with ``Table.append_column``: PostgreSQL's ADD COLUMN appends, so the model's
  column order is an upgraded database's;
- a changed type: assign ``column.type``; nullability: ``column.nullable``; a dropped default:
  ``column.server_default = None``; a new one: ``DefaultClause(text(...))`` as PostgreSQL
  stores it; a comment: ``column.comment`` (the snapshot renders COMMENT ON COLUMN);
- indexes and constraints: ``Index(name, table.c.a, ...)``, ``table.append_constraint(...)``,
  always named; new tables: ``Table(name, metadata, ...)``.

A delta module imports only sqlalchemy, geoalchemy2 and the standard library, like any models
module (it is loaded by path). Mistakes are one line naming the file: a base the config does
not know or that is not the version right before, an ``evolve`` that is missing or raises, a
module that is both a delta and a full model.
"""

from __future__ import annotations

import copy
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from sqlalchemy.sql.base import SchemaEventTarget

from .errors import UsageError


def is_delta(module: ModuleType) -> bool:
    return hasattr(module, "BASED_ON")


def based_on(module: ModuleType, path: Path) -> str:
    """The name of the version a delta module builds on, checked to be a name."""
    name = module.BASED_ON
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"{path}: BASED_ON must name the version it builds on, e.g. "
                         f"BASED_ON = \"1.8.0\" (it is {name!r})")
    return name


def copy_metadata(source: sa.MetaData) -> sa.MetaData:
    """A private copy of ``source``: tables, columns, types, defaults, constraints, indexes and
    comments, none of them shared with ``source``."""
    target = sa.MetaData(schema=source.schema, naming_convention=dict(source.naming_convention))
    target.info.update(copy.deepcopy(source.info))
    for table in source.tables.values():
        copied = table.to_metadata(target)
        _keep_constraint_order(table, copied)
        for column in copied.columns:
            # to_metadata copies only schema-bound types (enums); plain ones are shared.
            if not isinstance(column.type, SchemaEventTarget):
                column.type = copy.deepcopy(column.type)
    return target


def _signature(constraint: sa.Constraint) -> tuple[object, ...]:
    targets: tuple[str, ...] = ()
    if isinstance(constraint, sa.ForeignKeyConstraint):
        targets = tuple(element.target_fullname for element in constraint.elements)
    columns = tuple(column.name for column in getattr(constraint, "columns", ()))
    return (type(constraint).__name__, constraint.name, columns, targets)


def _keep_constraint_order(source: sa.Table, copied: sa.Table) -> None:
    """Give the copied constraints their originals' creation order.

    CREATE TABLE lists a table's constraints in creation order, and to_metadata copies them
    from a set (in no fixed order): without this, the copy's snapshot would change from run to
    run. Constraints that ``evolve`` adds later are created later, so they come last."""
    order: dict[tuple[object, ...], list[int]] = {}
    for constraint in source._sorted_constraints:
        order.setdefault(_signature(constraint), []).append(constraint._creation_order)
    for constraint in sorted(copied.constraints, key=lambda c: c._creation_order):
        found = order.get(_signature(constraint))
        if found:
            constraint._creation_order = found.pop(0)


def compose(module: ModuleType, path: Path, version: str, base: ModuleType,
            base_version: str) -> None:
    """Give the delta ``module`` its complete model: ``base``'s metadata, copied, changed by
    the module's ``evolve``; ``module.Base.metadata`` and ``module.EXTENSIONS`` afterwards."""
    if hasattr(module, "Base"):
        raise UsageError(f"{path} has both BASED_ON and its own `Base`: a delta version's "
                         f"models are {base_version}'s changed by evolve(); drop one of them")
    evolve = getattr(module, "evolve", None)
    if not callable(evolve):
        raise UsageError(f"{path} has BASED_ON = {base_version!r} but no "
                         "evolve(metadata) function saying what changed")
    metadata = copy_metadata(base.Base.metadata)
    try:
        evolve(metadata)
    except Exception as exc:
        detail = str(exc).splitlines()[0] if str(exc) else ""
        raise UsageError(f"{path}: evolve() failed on the {base_version} models: "
                         f"{type(exc).__name__}{': ' + detail if detail else ''}") from exc
    extensions = getattr(module, "EXTENSIONS", None)
    if extensions is None:
        extensions = getattr(base, "EXTENSIONS", ())
    if isinstance(extensions, str) or not all(isinstance(e, str) for e in extensions):
        raise UsageError(f"{path}: EXTENSIONS must be a tuple of extension names")
    module.EXTENSIONS = tuple(extensions)
    module.Base = type("Base", (), {
        "__doc__": f"The {version} models: {base_version}'s, changed by {path.name}'s "
                   "evolve() (composed by the engine).",
        "__module__": module.__name__,
        "metadata": metadata,
    })
