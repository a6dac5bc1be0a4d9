"""CitrineOS 1.8.2 database schema: 1.8.1's, changed by the release's four migrations.

What ``20260112120000`` to ``20260202120000`` leave, as the reference dump
``18-20260202120000-add-use16-status-notification-0-to-charging-stations.sql`` (a real 1.8.2
database) shows it; everything else is 1.8.1's (``schema/v1_8_1.py``). The engine copies the
1.8.1 models and runs ``evolve`` on the copy (see ``citrine_state/deltas.py``).

- alter-authorization-table-add-realtime-auth-fields: ``Authorizations.realTimeAuthLastAttempt
  jsonb`` and ``realTimeAuthTimeout integer``, appended.
- normalize-id-token-case: the ``citext`` extension, and ``Authorizations.idToken`` becomes
  ``citext NOT NULL`` (case-insensitive; the values are not changed).
- add-authorization-unique-index: the unique index ``"idToken_type"`` on
  ``Authorizations("idToken", "idTokenType")``, global (no tenant), case-insensitive through
  citext.
- add-use16-status-notification-0-to-charging-stations:
  ``ChargingStations.use16StatusNotification0 boolean NOT NULL DEFAULT true``, appended.

This module is loaded by file path, so it imports only sqlalchemy and the standard library.
"""

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, text
from sqlalchemy.dialects.postgresql import CITEXT, JSONB

BASED_ON = "1.8.1"

# normalize-id-token-case creates citext (PostGIS as in every version before).
EXTENSIONS = ("citext", "postgis")


def evolve(metadata: MetaData) -> None:
    authorizations = metadata.tables["Authorizations"]
    authorizations.append_column(Column("realTimeAuthLastAttempt", JSONB))
    authorizations.append_column(Column("realTimeAuthTimeout", Integer))
    authorizations.c.idToken.type = CITEXT()
    Index("idToken_type", authorizations.c.idToken, authorizations.c.idTokenType, unique=True)

    metadata.tables["ChargingStations"].append_column(Column(
        "use16StatusNotification0", Boolean, nullable=False, server_default=text("true"),
    ))
