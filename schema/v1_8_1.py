"""CitrineOS 1.8.1 database schema: 1.8.0's, changed by the release's two migrations.

What ``20251111160000-remove-enums`` and ``20251121170000-add-isUserTenant-to-tenants`` leave,
as the reference dump ``14-20251121170000-add-isUserTenant-to-tenants.sql`` (a real 1.8.1
database) shows it; everything else is 1.8.0's (``schema/v1_8_0.py``). The engine copies the
1.8.0 models and runs ``evolve`` on the copy (see ``citrine_state/deltas.py``).

- remove-enums: ``InstalledCertificates.certificateType`` and ``Connectors.status`` /
  ``errorCode`` become ``varchar(255)`` (nullability as before), the two Connectors columns
  with the new defaults ``'Unknown'`` and ``'NoError'``; the three enum types are gone (the
  snapshot renders only the types that columns still use).
- add-isUserTenant: ``Tenants.isUserTenant boolean NOT NULL DEFAULT false`` (appended, with its
  comment); ``partyId`` and ``countryCode`` become nullable, and upstream's ``changeColumn``
  drops their 1.8.0 defaults ``'default'`` / ``'US'`` (``url`` was nullable already).

This module is loaded by file path, so it imports only sqlalchemy and the standard library.
"""

from sqlalchemy import Boolean, Column, MetaData, String, text
from sqlalchemy.schema import DefaultClause

BASED_ON = "1.8.0"


def _default(sql: str) -> DefaultClause:
    """A server default written as PostgreSQL stores it."""
    return DefaultClause(text(sql))


def evolve(metadata: MetaData) -> None:
    connectors = metadata.tables["Connectors"]
    connectors.c.status.type = String(255)
    connectors.c.status.server_default = _default("'Unknown'::character varying")
    connectors.c.errorCode.type = String(255)
    connectors.c.errorCode.server_default = _default("'NoError'::character varying")
    metadata.tables["InstalledCertificates"].c.certificateType.type = String(255)

    tenants = metadata.tables["Tenants"]
    for name in ("partyId", "countryCode"):
        tenants.c[name].nullable = True
        tenants.c[name].server_default = None
    tenants.append_column(Column(
        "isUserTenant", Boolean, nullable=False, server_default=text("false"),
        comment="Indicates if this tenant is a user tenant",
    ))
