"""CitrineOS 1.8.3 database schema: 1.8.2's, changed by the release's nine migrations.

What ``20260204120000`` to ``20260220120000`` leave, as the reference dump
``27-20260220120000-make-connector-columns-nullable.sql`` (a real 1.8.3 database, upgraded or
made from empty) shows it; everything else is 1.8.2's (``schema/v1_8_2.py``). The engine
copies the 1.8.2 models and runs ``evolve`` on the copy (see ``citrine_state/deltas.py``).

- add-meter-start-to-transactions: ``Transactions.meterStart numeric``.
- add-latest-ocpp-message-timestamp: ``ChargingStations.latestOcppMessageTimestamp
  timestamptz`` and its index.
- add-request-message-id-to-ocpp-messages: ``OCPPMessages.state varchar(255)`` and
  ``requestMessageId integer`` (a link to the request, SET NULL when it goes) with its index.
- add-dynamic-tenant-resolution: ``ServerNetworkProfiles.dynamicTenantResolution boolean NOT
  NULL DEFAULT false`` and ``maxConnectionsPerTenant integer``, with comments.
- add-certificate-file-hash-column-to-certificate-table: ``Certificates.certificateFileHash
  varchar(255)``, unique (globally, not per tenant).
- add-certificate-id-column-to-installed-certificate-table:
  ``InstalledCertificates.certificateId`` -> Certificates, ON DELETE CASCADE.
- create-certificate-attempt-tables: ``InstallCertificateAttempts`` and
  ``DeleteCertificateAttempts`` (their ``tenantId`` has no default, unlike older tables).
- add-tenant-path-mapping: ``ServerNetworkProfiles.tenantPathMapping jsonb``, with a comment.
- make-connector-columns-nullable: ``Connectors.connectorId`` becomes nullable.

Every added column is appended, in the order the migrations add them. This module is loaded by
file path, so it imports only sqlalchemy and the standard library.
"""

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

BASED_ON = "1.8.2"


def _stamps() -> list[Column]:
    """createdAt/updatedAt as the attempt tables have them: NOT NULL, no default."""
    return [Column(name, DateTime(timezone=True), nullable=False)
            for name in ("createdAt", "updatedAt")]


def _attempt_keys(table: str) -> list[ForeignKeyConstraint]:
    return [
        ForeignKeyConstraint(["stationId"], ["ChargingStations.id"],
                             name=f"{table}_stationId_fkey"),
        ForeignKeyConstraint(["tenantId"], ["Tenants.id"], name=f"{table}_tenantId_fkey",
                             onupdate="CASCADE", ondelete="RESTRICT"),
    ]


def evolve(metadata: MetaData) -> None:
    metadata.tables["Transactions"].append_column(Column("meterStart", Numeric))

    stations = metadata.tables["ChargingStations"]
    stations.append_column(Column("latestOcppMessageTimestamp", DateTime(timezone=True)))
    Index("idx_charging_stations_latest_ocpp_message_timestamp",
          stations.c.latestOcppMessageTimestamp)

    messages = metadata.tables["OCPPMessages"]
    messages.append_column(Column("state", String(255)))
    messages.append_column(Column("requestMessageId", Integer))
    messages.append_constraint(ForeignKeyConstraint(
        ["requestMessageId"], ["OCPPMessages.id"], name="OCPPMessages_requestMessageId_fkey",
        onupdate="CASCADE", ondelete="SET NULL"))
    Index("idx_ocpp_messages_request_message_id", messages.c.requestMessageId)

    profiles = metadata.tables["ServerNetworkProfiles"]
    profiles.append_column(Column(
        "dynamicTenantResolution", Boolean, nullable=False, server_default=text("false"),
        comment="Enable dynamic tenant resolution at WebSocket upgrade time"))
    profiles.append_column(Column(
        "maxConnectionsPerTenant", Integer,
        comment="Maximum number of concurrent connections allowed per tenant"))

    certificates = metadata.tables["Certificates"]
    certificates.append_column(Column("certificateFileHash", String(255)))
    certificates.append_constraint(UniqueConstraint(
        "certificateFileHash", name="Certificates_certificateFileHash_key"))

    installed = metadata.tables["InstalledCertificates"]
    installed.append_column(Column("certificateId", Integer))
    installed.append_constraint(ForeignKeyConstraint(
        ["certificateId"], ["Certificates.id"], name="InstalledCertificates_certificateId_fkey",
        onupdate="CASCADE", ondelete="CASCADE"))

    Table(
        "InstallCertificateAttempts", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("stationId", String(36), nullable=False),
        Column("certificateType", String(255), nullable=False),
        Column("certificateId", Integer),
        Column("status", String(255)),
        Column("tenantId", Integer, nullable=False),
        *_stamps(),
        PrimaryKeyConstraint("id", name="InstallCertificateAttempts_pkey"),
        ForeignKeyConstraint(["certificateId"], ["Certificates.id"],
                             name="InstallCertificateAttempts_certificateId_fkey",
                             onupdate="CASCADE", ondelete="CASCADE"),
        *_attempt_keys("InstallCertificateAttempts"),
    )
    Table(
        "DeleteCertificateAttempts", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("stationId", String(36), nullable=False),
        Column("hashAlgorithm", String(255), nullable=False),
        Column("issuerNameHash", String(255)),
        Column("issuerKeyHash", String(255)),
        Column("serialNumber", String(255)),
        Column("status", String(255)),
        Column("tenantId", Integer, nullable=False),
        *_stamps(),
        PrimaryKeyConstraint("id", name="DeleteCertificateAttempts_pkey"),
        *_attempt_keys("DeleteCertificateAttempts"),
    )

    profiles.append_column(Column(
        "tenantPathMapping", JSONB, comment="Mapping of URL path segments to tenant IDs"))

    metadata.tables["Connectors"].c.connectorId.nullable = True
