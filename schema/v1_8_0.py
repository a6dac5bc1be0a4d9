"""CitrineOS 1.8.0 database schema (target of the ``20250903102900-create-evses`` migration).

Transcribed from ``pg_dump --schema-only`` of a PostgreSQL 15 + PostGIS 3.3 database built
by CitrineOS v1.8.0's own sequelize-cli migrations (reference dump
``12-20250903102900-create-evses.sql``). Column order, server defaults, and the names of
every constraint, index, sequence and enum type match that dump exactly. The
``SequelizeMeta`` bookkeeping table is deliberately not modelled.

Conventions: nullability follows the annotation (``Mapped[X | None]`` is nullable); every
``autoincrement=True`` column renders as SERIAL, which owns the sequence "<Table>_<column>_seq";
server defaults are written as PostgreSQL stores them; the PostGIS columns use SRID 0 (unknown),
stored as ``geometry(Point)``, with no spatial index (upstream has none).

This module is loaded by file path, so it imports only sqlalchemy, geoalchemy2 and the
standard library, and it does not use ``from __future__ import annotations``.
"""

import datetime
import decimal
from typing import Any

from geoalchemy2 import Geometry
from sqlalchemy import (
    CHAR,
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Enum,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

EXTENSIONS = ("postgis",)


class Base(DeclarativeBase):
    """Declarative base of the 1.8.0 models; the engine reads ``Base.metadata``."""


# Enum types, values in the order PostgreSQL stores them.
CERTIFICATE_TYPE = Enum(
    "V2GRootCertificate",
    "MORootCertificate",
    "CSMSRootCertificate",
    "V2GCertificateChain",
    "ManufacturerRootCertificate",
    name="enum_InstalledCertificates_certificateType",
)
CONNECTOR_ERROR_CODE = Enum(
    "ConnectorLockFailure",
    "EVCommunicationError",
    "GroundFailure",
    "HighTemperature",
    "InternalError",
    "LocalListConflict",
    "NoError",
    "OtherError",
    "OverCurrentFailure",
    "PowerMeterFailure",
    "PowerSwitchFailure",
    "ReaderFailure",
    "ResetFailure",
    "UnderVoltage",
    "OverVoltage",
    "WeakSignal",
    name="enum_Connectors_errorCode",
)
CONNECTOR_STATUS = Enum(
    "Available",
    "Preparing",
    "Charging",
    "SuspendedEVSE",
    "SuspendedEV",
    "Finishing",
    "Reserved",
    "Unavailable",
    "Faulted",
    name="enum_Connectors_status",
)


# --- Tenancy and OCPI partners -------------------------------------------------------------------


class Tenant(Base):
    __tablename__ = "Tenants"
    __table_args__ = (PrimaryKeyConstraint("id", name="Tenants_pkey"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    partyId: Mapped[str] = mapped_column(
        String(255),
        server_default=text("'default'::character varying"),
    )
    countryCode: Mapped[str] = mapped_column(
        String(255),
        server_default=text("'US'::character varying"),
    )
    url: Mapped[str | None] = mapped_column(String(255))
    serverProfileOCPI: Mapped[Any | None] = mapped_column(JSONB)


class TenantPartner(Base):
    __tablename__ = "TenantPartners"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="TenantPartners_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="TenantPartners_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partyId: Mapped[str] = mapped_column(String(255))
    countryCode: Mapped[str] = mapped_column(String(255))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    partnerProfileOCPI: Mapped[Any | None] = mapped_column(JSONB)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class AsyncJobStatus(Base):
    __tablename__ = "AsyncJobStatuses"
    __table_args__ = (
        PrimaryKeyConstraint("jobId", name="AsyncJobStatuses_pkey"),
        ForeignKeyConstraint(
            ["tenantPartnerId"],
            ["TenantPartners.id"],
            name="AsyncJobStatuses_tenantPartnerId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    jobId: Mapped[str] = mapped_column(String(255), primary_key=True)
    jobName: Mapped[str] = mapped_column(String(255))
    tenantPartnerId: Mapped[int] = mapped_column(Integer)
    finishedAt: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    stoppedAt: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    stopScheduled: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    isFailed: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    paginationParams: Mapped[Any] = mapped_column(JSON)
    totalObjects: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Locations, charging stations, EVSEs and connectors ------------------------------------------


class Location(Base):
    __tablename__ = "Locations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Locations_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Locations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    address: Mapped[str | None] = mapped_column(String(255))
    city: Mapped[str | None] = mapped_column(String(255))
    postalCode: Mapped[str | None] = mapped_column(String(255))
    state: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(255))
    coordinates: Mapped[Any | None] = mapped_column(
        Geometry(geometry_type="POINT", srid=0, spatial_index=False),
    )
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    publishUpstream: Mapped[bool | None] = mapped_column(Boolean, server_default=text("true"))
    timeZone: Mapped[str | None] = mapped_column(
        String(255),
        server_default=text("'UTC'::character varying"),
    )
    parkingType: Mapped[str | None] = mapped_column(String(255))
    facilities: Mapped[Any | None] = mapped_column(JSONB)
    openingHours: Mapped[Any | None] = mapped_column(JSONB)


class ChargingStation(Base):
    __tablename__ = "ChargingStations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingStations_pkey"),
        ForeignKeyConstraint(
            ["locationId"],
            ["Locations.id"],
            name="ChargingStations_locationId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingStations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    isOnline: Mapped[bool | None] = mapped_column(Boolean)
    protocol: Mapped[str | None] = mapped_column(String(255))
    chargePointVendor: Mapped[str | None] = mapped_column(String(20))
    chargePointModel: Mapped[str | None] = mapped_column(String(20))
    chargePointSerialNumber: Mapped[str | None] = mapped_column(String(25))
    chargeBoxSerialNumber: Mapped[str | None] = mapped_column(String(25))
    firmwareVersion: Mapped[str | None] = mapped_column(String(50))
    iccid: Mapped[str | None] = mapped_column(String(20))
    imsi: Mapped[str | None] = mapped_column(String(20))
    meterType: Mapped[str | None] = mapped_column(String(25))
    meterSerialNumber: Mapped[str | None] = mapped_column(String(25))
    locationId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    coordinates: Mapped[Any | None] = mapped_column(
        Geometry(geometry_type="POINT", srid=0, spatial_index=False),
    )
    floorLevel: Mapped[str | None] = mapped_column(String(255))
    parkingRestrictions: Mapped[Any | None] = mapped_column(JSONB)
    capabilities: Mapped[Any | None] = mapped_column(JSONB)


class EvseType(Base):
    __tablename__ = "EvseTypes"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="EvseTypes_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="EvseTypes_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    connectorId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class Evse(Base):
    __tablename__ = "Evses"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Evses_pkey"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="Evses_stationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Evses_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    stationId: Mapped[str | None] = mapped_column(String(36))
    evseTypeId: Mapped[int | None] = mapped_column(Integer)
    evseId: Mapped[str | None] = mapped_column(String(255))
    physicalReference: Mapped[str | None] = mapped_column(String(255))
    removed: Mapped[bool | None] = mapped_column(Boolean)
    # schema-fix dropped the old key columns and re-added "id" as a new serial, hence last.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)


class Connector(Base):
    __tablename__ = "Connectors"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Connectors_pkey"),
        UniqueConstraint("stationId", "connectorId", name="Connectors_stationId_connectorId_key"),
        ForeignKeyConstraint(
            ["evseId"],
            ["Evses.id"],
            name="Connectors_evseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="Connectors_stationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Connectors_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(255))
    connectorId: Mapped[int] = mapped_column(Integer)
    status: Mapped[str | None] = mapped_column(CONNECTOR_STATUS)
    errorCode: Mapped[str | None] = mapped_column(CONNECTOR_ERROR_CODE)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    info: Mapped[str | None] = mapped_column(String(255))
    vendorId: Mapped[str | None] = mapped_column(String(255))
    vendorErrorCode: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    evseId: Mapped[int | None] = mapped_column(Integer)
    evseTypeConnectorId: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str | None] = mapped_column(String(255))
    format: Mapped[str | None] = mapped_column(String(255))
    powerType: Mapped[str | None] = mapped_column(String(255))
    maximumAmperage: Mapped[int | None] = mapped_column(Integer)
    maximumVoltage: Mapped[int | None] = mapped_column(Integer)
    maximumPowerWatts: Mapped[int | None] = mapped_column(Integer)
    termsAndConditionsUrl: Mapped[str | None] = mapped_column(String(255))


class StatusNotification(Base):
    __tablename__ = "StatusNotifications"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StatusNotifications_pkey"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="StatusNotifications_stationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="StatusNotifications_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    connectorStatus: Mapped[str | None] = mapped_column(String(255))
    evseId: Mapped[int | None] = mapped_column(Integer)
    connectorId: Mapped[int | None] = mapped_column(Integer)
    errorCode: Mapped[str | None] = mapped_column(String(255))
    info: Mapped[str | None] = mapped_column(String(255))
    vendorId: Mapped[str | None] = mapped_column(String(255))
    vendorErrorCode: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    stationId: Mapped[str | None] = mapped_column(String(36))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class LatestStatusNotification(Base):
    __tablename__ = "LatestStatusNotifications"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="LatestStatusNotifications_pkey"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="LatestStatusNotifications_stationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["statusNotificationId"],
            ["StatusNotifications.id"],
            name="LatestStatusNotifications_statusNotificationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="LatestStatusNotifications_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    stationId: Mapped[str | None] = mapped_column(String(36))
    statusNotificationId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChargingStationSequence(Base):
    __tablename__ = "ChargingStationSequences"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingStationSequences_pkey"),
        UniqueConstraint("stationId", "type", name="ChargingStationSequences_stationId_type_key"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="ChargingStationSequences_stationId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingStationSequences_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(255))
    value: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Boot and device model (components, variables, monitoring) -----------------------------------


class Boot(Base):
    __tablename__ = "Boots"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Boots_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Boots_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    lastBootTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeatInterval: Mapped[int | None] = mapped_column(Integer)
    bootRetryInterval: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str | None] = mapped_column(String(255))
    statusInfo: Mapped[Any | None] = mapped_column(JSON)
    getBaseReportOnPending: Mapped[bool | None] = mapped_column(Boolean)
    variablesRejectedOnLastBoot: Mapped[Any | None] = mapped_column(JSON)
    bootWithRejectedVariables: Mapped[bool | None] = mapped_column(Boolean)
    changeConfigurationsOnPending: Mapped[bool | None] = mapped_column(Boolean)
    getConfigurationsOnPending: Mapped[bool | None] = mapped_column(Boolean)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Component(Base):
    __tablename__ = "Components"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Components_pkey"),
        UniqueConstraint("name", "instance", name="Components_name_instance_key"),
        # Upstream's name: it does not follow the column it constrains.
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["EvseTypes.databaseId"],
            name="Components_evseTypeId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Components_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("components_name", "name", unique=True, postgresql_where=text("instance IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    instance: Mapped[str | None] = mapped_column(String(255))
    evseDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Variable(Base):
    __tablename__ = "Variables"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Variables_pkey"),
        UniqueConstraint("name", "instance", name="Variables_name_instance_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Variables_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("variables_name", "name", unique=True, postgresql_where=text("instance IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    instance: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ComponentVariable(Base):
    __tablename__ = "ComponentVariables"
    __table_args__ = (
        PrimaryKeyConstraint("componentId", "variableId", name="ComponentVariables_pkey"),
        ForeignKeyConstraint(
            ["componentId"],
            ["Components.id"],
            name="ComponentVariables_componentId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ComponentVariables_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableId"],
            ["Variables.id"],
            name="ComponentVariables_variableId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    componentId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    variableId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class VariableAttribute(Base):
    __tablename__ = "VariableAttributes"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableAttributes_pkey"),
        UniqueConstraint(
            "stationId",
            "type",
            "variableId",
            "componentId",
            name="VariableAttributes_stationId_type_variableId_componentId_key",
        ),
        ForeignKeyConstraint(
            ["bootConfigId"],
            ["Boots.id"],
            name="VariableAttributes_bootConfigId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["componentId"],
            ["Components.id"],
            name="VariableAttributes_componentId_fkey",
            onupdate="CASCADE",
        ),
        # Upstream's name: it does not follow the column it constrains.
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["EvseTypes.databaseId"],
            name="VariableAttributes_evseTypeId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="VariableAttributes_stationId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="VariableAttributes_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableId"],
            ["Variables.id"],
            name="VariableAttributes_variableId_fkey",
            onupdate="CASCADE",
        ),
        Index(
            "variable_attributes_station_id",
            "stationId",
            unique=True,
            postgresql_where=text(
                '(type IS NULL) AND ("variableId" IS NULL) AND ("componentId" IS NULL)'
            ),
        ),
        Index(
            "variable_attributes_station_id_component_id",
            "stationId",
            "componentId",
            unique=True,
            postgresql_where=text('(type IS NULL) AND ("variableId" IS NULL)'),
        ),
        Index(
            "variable_attributes_station_id_type",
            "stationId",
            "type",
            unique=True,
            postgresql_where=text('("variableId" IS NULL) AND ("componentId" IS NULL)'),
        ),
        Index(
            "variable_attributes_station_id_type_component_id",
            "stationId",
            "type",
            "componentId",
            unique=True,
            postgresql_where=text('"variableId" IS NULL'),
        ),
        Index(
            "variable_attributes_station_id_type_variable_id",
            "stationId",
            "type",
            "variableId",
            unique=True,
            postgresql_where=text('"componentId" IS NULL'),
        ),
        Index(
            "variable_attributes_station_id_variable_id",
            "stationId",
            "variableId",
            unique=True,
            postgresql_where=text('(type IS NULL) AND ("componentId" IS NULL)'),
        ),
        Index(
            "variable_attributes_station_id_variable_id_component_id",
            "stationId",
            "variableId",
            "componentId",
            unique=True,
            postgresql_where=text("type IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(255))
    type: Mapped[str | None] = mapped_column(
        String(255),
        server_default=text("'Actual'::character varying"),
    )
    dataType: Mapped[str | None] = mapped_column(
        String(255),
        server_default=text("'string'::character varying"),
    )
    value: Mapped[str | None] = mapped_column(String(4000))
    mutability: Mapped[str | None] = mapped_column(
        String(255),
        server_default=text("'ReadWrite'::character varying"),
    )
    persistent: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    constant: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    generatedAt: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    variableId: Mapped[int | None] = mapped_column(Integer)
    componentId: Mapped[int | None] = mapped_column(Integer)
    evseDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    bootConfigId: Mapped[str | None] = mapped_column(String(255))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class VariableCharacteristics(Base):
    __tablename__ = "VariableCharacteristics"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableCharacteristics_pkey"),
        UniqueConstraint("variableId", name="VariableCharacteristics_variableId_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="VariableCharacteristics_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableId"],
            ["Variables.id"],
            name="VariableCharacteristics_variableId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit: Mapped[str | None] = mapped_column(String(255))
    dataType: Mapped[str | None] = mapped_column(String(255))
    minLimit: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    maxLimit: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    valuesList: Mapped[str | None] = mapped_column(String(4000))
    supportsMonitoring: Mapped[bool | None] = mapped_column(Boolean)
    variableId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class VariableStatus(Base):
    __tablename__ = "VariableStatuses"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableStatuses_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="VariableStatuses_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableAttributeId"],
            ["VariableAttributes.id"],
            name="VariableStatuses_variableAttributeId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    value: Mapped[str | None] = mapped_column(String(4000))
    status: Mapped[str | None] = mapped_column(String(255))
    statusInfo: Mapped[Any | None] = mapped_column(JSON)
    variableAttributeId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class VariableMonitoring(Base):
    __tablename__ = "VariableMonitorings"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="VariableMonitorings_pkey"),
        UniqueConstraint("stationId", "id", name="VariableMonitorings_stationId_id_key"),
        ForeignKeyConstraint(
            ["componentId"],
            ["Components.id"],
            name="VariableMonitorings_componentId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="VariableMonitorings_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableId"],
            ["Variables.id"],
            name="VariableMonitorings_variableId_fkey",
            onupdate="CASCADE",
        ),
        Index("variable_monitorings_station_id", "stationId"),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    id: Mapped[int | None] = mapped_column(Integer)
    transaction: Mapped[bool | None] = mapped_column(Boolean)
    value: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str | None] = mapped_column(String(255))
    severity: Mapped[int | None] = mapped_column(Integer)
    variableId: Mapped[int | None] = mapped_column(Integer)
    componentId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class VariableMonitoringStatus(Base):
    __tablename__ = "VariableMonitoringStatuses"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableMonitoringStatuses_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="VariableMonitoringStatuses_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableMonitoringId"],
            ["VariableMonitorings.databaseId"],
            name="VariableMonitoringStatuses_variableMonitoringId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    status: Mapped[str | None] = mapped_column(String(255))
    statusInfo: Mapped[Any | None] = mapped_column(JSON)
    variableMonitoringId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class EventData(Base):
    __tablename__ = "EventData"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="EventData_pkey"),
        UniqueConstraint("stationId", "eventId", name="EventData_stationId_eventId_key"),
        ForeignKeyConstraint(
            ["componentId"],
            ["Components.id"],
            name="EventData_componentId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="EventData_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["variableId"],
            ["Variables.id"],
            name="EventData_variableId_fkey",
            onupdate="CASCADE",
        ),
        Index("event_data_station_id", "stationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    eventId: Mapped[int | None] = mapped_column(Integer)
    trigger: Mapped[str | None] = mapped_column(String(255))
    cause: Mapped[int | None] = mapped_column(Integer)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    actualValue: Mapped[str | None] = mapped_column(String(255))
    techCode: Mapped[str | None] = mapped_column(String(255))
    techInfo: Mapped[str | None] = mapped_column(String(255))
    cleared: Mapped[bool | None] = mapped_column(Boolean)
    transactionId: Mapped[str | None] = mapped_column(String(255))
    variableMonitoringId: Mapped[int | None] = mapped_column(Integer)
    eventNotificationType: Mapped[str | None] = mapped_column(String(255))
    variableId: Mapped[int | None] = mapped_column(Integer)
    componentId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChangeConfiguration(Base):
    __tablename__ = "ChangeConfigurations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChangeConfigurations_pkey"),
        UniqueConstraint("stationId", "key", name="ChangeConfigurations_stationId_key_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChangeConfigurations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(50))
    value: Mapped[str | None] = mapped_column(String(500))
    readonly: Mapped[bool | None] = mapped_column(Boolean)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class MessageInfo(Base):
    __tablename__ = "MessageInfos"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="MessageInfos_pkey"),
        UniqueConstraint("stationId", "id", name="MessageInfos_stationId_id_key"),
        ForeignKeyConstraint(
            ["displayComponentId"],
            ["Components.id"],
            name="MessageInfos_displayComponentId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="MessageInfos_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("message_infos_station_id", "stationId"),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    id: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[str | None] = mapped_column(String(255))
    state: Mapped[str | None] = mapped_column(String(255))
    startDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    endDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    transactionId: Mapped[str | None] = mapped_column(String(255))
    message: Mapped[Any | None] = mapped_column(JSON)
    active: Mapped[bool | None] = mapped_column(Boolean)
    displayComponentId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Authorization and local authorization lists -------------------------------------------------


class Authorization(Base):
    __tablename__ = "Authorizations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Authorizations_pkey"),
        ForeignKeyConstraint(
            ["groupAuthorizationId"],
            ["Authorizations.id"],
            name="Authorizations_groupAuthorizationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Authorizations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["tenantPartnerId"],
            ["TenantPartners.id"],
            name="Authorizations_tenantPartnerId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    allowedConnectorTypes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    disallowedEvseIdPrefixes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    concurrentTransaction: Mapped[bool | None] = mapped_column(
        Boolean,
        server_default=text("false"),
    )
    realTimeAuth: Mapped[str] = mapped_column(
        String(255),
        server_default=text("'Never'::character varying"),
    )
    realTimeAuthUrl: Mapped[str | None] = mapped_column(String(255))
    idToken: Mapped[str] = mapped_column(String(255))
    idTokenType: Mapped[str | None] = mapped_column(String(255))
    additionalInfo: Mapped[Any | None] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(
        String(255),
        server_default=text("'Accepted'::character varying"),
    )
    cacheExpiryDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingPriority: Mapped[int | None] = mapped_column(Integer)
    language1: Mapped[str | None] = mapped_column(String(255))
    language2: Mapped[str | None] = mapped_column(String(255))
    personalMessage: Mapped[Any | None] = mapped_column(JSON)
    customData: Mapped[Any | None] = mapped_column(JSONB)
    groupAuthorizationId: Mapped[int | None] = mapped_column(Integer)
    tenantPartnerId: Mapped[int | None] = mapped_column(Integer)


class LocalListAuthorization(Base):
    __tablename__ = "LocalListAuthorizations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="LocalListAuthorizations_pkey"),
        ForeignKeyConstraint(
            ["authorizationId"],
            ["Authorizations.id"],
            name="LocalListAuthorizations_authorizationId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["groupAuthorizationId"],
            ["Authorizations.id"],
            name="LocalListAuthorizations_groupAuthorizationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="LocalListAuthorizations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    allowedConnectorTypes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    disallowedEvseIdPrefixes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    authorizationId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    groupAuthorizationId: Mapped[int | None] = mapped_column(Integer)
    idToken: Mapped[str] = mapped_column(String(255))
    idTokenType: Mapped[str | None] = mapped_column(String(255))
    additionalInfo: Mapped[Any | None] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(
        String(255),
        server_default=text("'Accepted'::character varying"),
    )
    cacheExpiryDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingPriority: Mapped[int | None] = mapped_column(Integer)
    language1: Mapped[str | None] = mapped_column(String(255))
    language2: Mapped[str | None] = mapped_column(String(255))
    personalMessage: Mapped[Any | None] = mapped_column(JSON)
    customData: Mapped[Any | None] = mapped_column(JSONB)


class LocalListVersion(Base):
    __tablename__ = "LocalListVersions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="LocalListVersions_pkey"),
        UniqueConstraint("stationId", name="LocalListVersions_stationId_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="LocalListVersions_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    versionNumber: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class LocalListVersionAuthorization(Base):
    __tablename__ = "LocalListVersionAuthorizations"
    __table_args__ = (
        PrimaryKeyConstraint(
            "localListVersionId",
            "authorizationId",
            name="LocalListVersionAuthorizations_pkey",
        ),
        ForeignKeyConstraint(
            ["authorizationId"],
            ["LocalListAuthorizations.id"],
            name="LocalListVersionAuthorizations_authorizationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["localListVersionId"],
            ["LocalListVersions.id"],
            name="LocalListVersionAuthorizations_localListVersionId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="LocalListVersionAuthorizations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    localListVersionId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    authorizationId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class SendLocalList(Base):
    __tablename__ = "SendLocalLists"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="SendLocalLists_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="SendLocalLists_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    correlationId: Mapped[str | None] = mapped_column(String(255))
    versionNumber: Mapped[int | None] = mapped_column(Integer)
    updateType: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class SendLocalListAuthorization(Base):
    __tablename__ = "SendLocalListAuthorizations"
    __table_args__ = (
        PrimaryKeyConstraint(
            "sendLocalListId",
            "authorizationId",
            name="SendLocalListAuthorizations_pkey",
        ),
        ForeignKeyConstraint(
            ["authorizationId"],
            ["LocalListAuthorizations.id"],
            name="SendLocalListAuthorizations_authorizationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["sendLocalListId"],
            ["SendLocalLists.id"],
            name="SendLocalListAuthorizations_sendLocalListId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="SendLocalListAuthorizations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    sendLocalListId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    authorizationId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Transactions, meter values, tariffs and reservations ----------------------------------------


class Tariff(Base):
    __tablename__ = "Tariffs"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Tariffs_pkey"),
        UniqueConstraint("stationId", name="Tariffs_stationId_key"),
        ForeignKeyConstraint(
            ["connectorId"],
            ["Connectors.id"],
            name="Tariffs_connectorId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Tariffs_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    currency: Mapped[str] = mapped_column(CHAR(3))
    pricePerKwh: Mapped[decimal.Decimal] = mapped_column(Numeric)
    pricePerMin: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    pricePerSession: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    authorizationAmount: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    paymentFee: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    taxRate: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    connectorId: Mapped[int | None] = mapped_column(Integer)
    tariffAltText: Mapped[str | None] = mapped_column(String(255))


class Transaction(Base):
    __tablename__ = "Transactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Transactions_pkey"),
        UniqueConstraint(
            "stationId",
            "transactionId",
            name="Transactions_stationId_transactionId_key",
        ),
        ForeignKeyConstraint(
            ["authorizationId"],
            ["Authorizations.id"],
            name="Transactions_authorizationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["connectorId"],
            ["Connectors.id"],
            name="Transactions_connectorId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["evseId"],
            ["Evses.id"],
            name="Transactions_evseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["locationId"],
            ["Locations.id"],
            name="Transactions_locationId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="Transactions_stationId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tariffId"],
            ["Tariffs.id"],
            name="Transactions_tariffId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Transactions_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    transactionId: Mapped[str | None] = mapped_column(String(255))
    isActive: Mapped[bool | None] = mapped_column(Boolean)
    chargingState: Mapped[str | None] = mapped_column(String(255))
    timeSpentCharging: Mapped[int | None] = mapped_column(BigInteger)
    totalKwh: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    stoppedReason: Mapped[str | None] = mapped_column(String(255))
    remoteStartId: Mapped[int | None] = mapped_column(Integer)
    totalCost: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    locationId: Mapped[int | None] = mapped_column(Integer)
    evseId: Mapped[int | None] = mapped_column(Integer)
    connectorId: Mapped[int | None] = mapped_column(Integer)
    authorizationId: Mapped[int | None] = mapped_column(Integer)
    tariffId: Mapped[int | None] = mapped_column(Integer)
    startTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    endTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    customData: Mapped[Any | None] = mapped_column(JSONB)


class TransactionEvent(Base):
    __tablename__ = "TransactionEvents"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="TransactionEvents_pkey"),
        # Upstream's name: it does not follow the column it constrains.
        ForeignKeyConstraint(
            ["evseId"],
            ["EvseTypes.databaseId"],
            name="TransactionEvents_evseTypeId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="TransactionEvents_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="TransactionEvents_transactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    eventType: Mapped[str | None] = mapped_column(String(255))
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    triggerReason: Mapped[str | None] = mapped_column(String(255))
    seqNo: Mapped[int | None] = mapped_column(Integer)
    offline: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    numberOfPhasesUsed: Mapped[int | None] = mapped_column(Integer)
    cableMaxCurrent: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    reservationId: Mapped[int | None] = mapped_column(Integer)
    transactionInfo: Mapped[Any | None] = mapped_column(JSON)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    evseId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    idTokenValue: Mapped[str | None] = mapped_column(String(255))
    idTokenType: Mapped[str | None] = mapped_column(String(255))


class StartTransaction(Base):
    __tablename__ = "StartTransactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StartTransactions_pkey"),
        UniqueConstraint(
            "transactionDatabaseId",
            name="StartTransactions_transactionDatabaseId_key",
        ),
        ForeignKeyConstraint(
            ["connectorDatabaseId"],
            ["Connectors.id"],
            name="StartTransactions_connectorDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="StartTransactions_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="StartTransactions_transactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    meterStart: Mapped[int | None] = mapped_column(Integer)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    reservationId: Mapped[int | None] = mapped_column(Integer)
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    idTokenDatabaseId: Mapped[int | None] = mapped_column(Integer)
    connectorDatabaseId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class StopTransaction(Base):
    __tablename__ = "StopTransactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StopTransactions_pkey"),
        UniqueConstraint(
            "transactionDatabaseId",
            name="StopTransactions_transactionDatabaseId_key",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="StopTransactions_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="StopTransactions_transactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    meterStop: Mapped[int | None] = mapped_column(Integer)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    idTokenValue: Mapped[str | None] = mapped_column(String(255))
    idTokenType: Mapped[str | None] = mapped_column(String(255))


class MeterValue(Base):
    __tablename__ = "MeterValues"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="MeterValues_pkey"),
        ForeignKeyConstraint(
            ["stopTransactionDatabaseId"],
            ["StopTransactions.id"],
            name="MeterValues_stopTransactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tariffId"],
            ["Tariffs.id"],
            name="MeterValues_tariffId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="MeterValues_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="MeterValues_transactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["transactionEventId"],
            ["TransactionEvents.id"],
            name="MeterValues_transactionEventId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    transactionEventId: Mapped[int | None] = mapped_column(Integer)
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    stopTransactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    sampledValue: Mapped[Any | None] = mapped_column(JSON)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    connectorId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    customData: Mapped[Any | None] = mapped_column(JSONB)
    tariffId: Mapped[int | None] = mapped_column(Integer)
    transactionId: Mapped[str | None] = mapped_column(String(255))


class Reservation(Base):
    __tablename__ = "Reservations"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="Reservations_pkey"),
        UniqueConstraint("id", "stationId", name="Reservations_id_stationId_key"),
        # Upstream's name: it does not follow the column it constrains.
        ForeignKeyConstraint(
            ["evseId"],
            ["EvseTypes.databaseId"],
            name="Reservations_evseTypeId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Reservations_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    stationId: Mapped[str | None] = mapped_column(String(255))
    expiryDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    connectorType: Mapped[str | None] = mapped_column(String(255))
    reserveStatus: Mapped[str | None] = mapped_column(String(255))
    isActive: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    terminatedByTransaction: Mapped[str | None] = mapped_column(String(255))
    idToken: Mapped[Any | None] = mapped_column(JSONB)
    groupIdToken: Mapped[Any | None] = mapped_column(JSONB)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    evseId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Smart charging ------------------------------------------------------------------------------


class ChargingNeeds(Base):
    __tablename__ = "ChargingNeeds"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingNeeds_pkey"),
        ForeignKeyConstraint(
            ["evseId"],
            ["Evses.id"],
            name="ChargingNeeds_evseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingNeeds_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="ChargingNeeds_transactionDatabaseId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    acChargingParameters: Mapped[Any | None] = mapped_column(JSONB)
    dcChargingParameters: Mapped[Any | None] = mapped_column(JSONB)
    departureTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    requestedEnergyTransfer: Mapped[str | None] = mapped_column(String(255))
    maxScheduleTuples: Mapped[int | None] = mapped_column(Integer)
    evseId: Mapped[int | None] = mapped_column(Integer)
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChargingProfile(Base):
    __tablename__ = "ChargingProfiles"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="ChargingProfiles_pkey"),
        UniqueConstraint("stationId", "id", name="ChargingProfiles_stationId_id_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingProfiles_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transactionDatabaseId"],
            ["Transactions.id"],
            name="ChargingProfiles_transactionDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    id: Mapped[int | None] = mapped_column(Integer)
    chargingProfileKind: Mapped[str | None] = mapped_column(String(255))
    chargingProfilePurpose: Mapped[str | None] = mapped_column(String(255))
    recurrencyKind: Mapped[str | None] = mapped_column(String(255))
    stackLevel: Mapped[int | None] = mapped_column(Integer)
    validFrom: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    validTo: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    evseId: Mapped[int | None] = mapped_column(Integer)
    isActive: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    chargingLimitSource: Mapped[str | None] = mapped_column(
        String(255),
        server_default=text("'CSO'::character varying"),
    )
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChargingSchedule(Base):
    __tablename__ = "ChargingSchedules"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="ChargingSchedules_pkey"),
        UniqueConstraint("id", "stationId", name="ChargingSchedules_id_stationId_key"),
        ForeignKeyConstraint(
            ["chargingProfileDatabaseId"],
            ["ChargingProfiles.databaseId"],
            name="ChargingSchedules_chargingProfileDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingSchedules_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    stationId: Mapped[str | None] = mapped_column(String(255))
    chargingRateUnit: Mapped[str | None] = mapped_column(String(255))
    chargingSchedulePeriod: Mapped[Any | None] = mapped_column(JSONB)
    duration: Mapped[int | None] = mapped_column(Integer)
    minChargingRate: Mapped[decimal.Decimal | None] = mapped_column(Numeric)
    startSchedule: Mapped[str | None] = mapped_column(String(255))
    timeBase: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingProfileDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class SalesTariff(Base):
    __tablename__ = "SalesTariffs"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="SalesTariffs_pkey"),
        UniqueConstraint(
            "id",
            "chargingScheduleDatabaseId",
            name="SalesTariffs_id_chargingScheduleDatabaseId_key",
        ),
        ForeignKeyConstraint(
            ["chargingScheduleDatabaseId"],
            ["ChargingSchedules.databaseId"],
            name="SalesTariffs_chargingScheduleDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="SalesTariffs_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    numEPriceLevels: Mapped[int | None] = mapped_column(Integer)
    salesTariffDescription: Mapped[str | None] = mapped_column(String(255))
    salesTariffEntry: Mapped[Any | None] = mapped_column(JSONB)
    chargingScheduleDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class CompositeSchedule(Base):
    __tablename__ = "CompositeSchedules"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="CompositeSchedules_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="CompositeSchedules_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    evseId: Mapped[int | None] = mapped_column(Integer)
    duration: Mapped[int | None] = mapped_column(Integer)
    scheduleStart: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingRateUnit: Mapped[str | None] = mapped_column(String(255))
    chargingSchedulePeriod: Mapped[Any | None] = mapped_column(JSONB)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Security and certificates -------------------------------------------------------------------


class Certificate(Base):
    __tablename__ = "Certificates"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Certificates_pkey"),
        UniqueConstraint(
            "serialNumber",
            "issuerName",
            name="Certificates_serialNumber_issuerName_key",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Certificates_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    serialNumber: Mapped[int | None] = mapped_column(BigInteger)
    issuerName: Mapped[str | None] = mapped_column(String(255))
    organizationName: Mapped[str | None] = mapped_column(String(255))
    commonName: Mapped[str | None] = mapped_column(String(255))
    keyLength: Mapped[int | None] = mapped_column(Integer)
    validBefore: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    signatureAlgorithm: Mapped[str | None] = mapped_column(String(255))
    countryName: Mapped[str | None] = mapped_column(String(255))
    isCA: Mapped[bool | None] = mapped_column(Boolean)
    pathLen: Mapped[int | None] = mapped_column(Integer)
    certificateFileId: Mapped[str | None] = mapped_column(String(255))
    privateKeyFileId: Mapped[str | None] = mapped_column(String(255))
    signedBy: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class InstalledCertificate(Base):
    __tablename__ = "InstalledCertificates"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="InstalledCertificates_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="InstalledCertificates_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(36))
    hashAlgorithm: Mapped[str] = mapped_column(String(255))
    issuerNameHash: Mapped[str] = mapped_column(String(255))
    issuerKeyHash: Mapped[str] = mapped_column(String(255))
    serialNumber: Mapped[str] = mapped_column(String(255))
    certificateType: Mapped[str] = mapped_column(CERTIFICATE_TYPE)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChargingStationSecurityInfo(Base):
    __tablename__ = "ChargingStationSecurityInfos"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingStationSecurityInfos_pkey"),
        UniqueConstraint("stationId", name="ChargingStationSecurityInfos_stationId_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingStationSecurityInfos_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    publicKeyFileId: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class SecurityEvent(Base):
    __tablename__ = "SecurityEvents"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="SecurityEvents_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="SecurityEvents_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("security_events_station_id", "stationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    type: Mapped[str | None] = mapped_column(String(255))
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    techInfo: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Network profiles ----------------------------------------------------------------------------


class ServerNetworkProfile(Base):
    __tablename__ = "ServerNetworkProfiles"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ServerNetworkProfiles_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ServerNetworkProfiles_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    host: Mapped[str | None] = mapped_column(String(255))
    port: Mapped[int | None] = mapped_column(Integer)
    pingInterval: Mapped[int | None] = mapped_column(Integer)
    protocol: Mapped[str | None] = mapped_column(String(255))
    messageTimeout: Mapped[int | None] = mapped_column(Integer)
    securityProfile: Mapped[int | None] = mapped_column(Integer)
    allowUnknownChargingStations: Mapped[bool | None] = mapped_column(Boolean)
    tlsKeyFilePath: Mapped[str | None] = mapped_column(String(255))
    tlsCertificateChainFilePath: Mapped[str | None] = mapped_column(String(255))
    mtlsCertificateAuthorityKeyFilePath: Mapped[str | None] = mapped_column(String(255))
    rootCACertificateFilePath: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class SetNetworkProfile(Base):
    __tablename__ = "SetNetworkProfiles"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="SetNetworkProfiles_pkey"),
        UniqueConstraint("correlationId", name="SetNetworkProfiles_correlationId_key"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="SetNetworkProfiles_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["websocketServerConfigId"],
            ["ServerNetworkProfiles.id"],
            name="SetNetworkProfiles_websocketServerConfigId_fkey",
            onupdate="CASCADE",
        ),
        Index("set_network_profiles_correlation_id", "correlationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    correlationId: Mapped[str | None] = mapped_column(String(255))
    websocketServerConfigId: Mapped[str | None] = mapped_column(String(255))
    configurationSlot: Mapped[int | None] = mapped_column(Integer)
    ocppVersion: Mapped[str | None] = mapped_column(String(255))
    ocppTransport: Mapped[str | None] = mapped_column(String(255))
    ocppCsmsUrl: Mapped[str | None] = mapped_column(String(255))
    messageTimeout: Mapped[int | None] = mapped_column(Integer)
    securityProfile: Mapped[int | None] = mapped_column(Integer)
    ocppInterface: Mapped[str | None] = mapped_column(String(255))
    apn: Mapped[str | None] = mapped_column(String(255))
    vpn: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class ChargingStationNetworkProfile(Base):
    __tablename__ = "ChargingStationNetworkProfiles"
    __table_args__ = (
        PrimaryKeyConstraint(
            "stationId",
            "setNetworkProfileId",
            name="ChargingStationNetworkProfiles_pkey",
        ),
        # PostgreSQL generated this name and truncated it to 63 characters.
        UniqueConstraint(
            "stationId",
            "websocketServerConfigId",
            name="ChargingStationNetworkProfile_stationId_websocketServerConf_key",
        ),
        UniqueConstraint(
            "configurationSlot",
            name="ChargingStationNetworkProfiles_configurationSlot_key",
        ),
        ForeignKeyConstraint(
            ["setNetworkProfileId"],
            ["SetNetworkProfiles.id"],
            name="ChargingStationNetworkProfiles_setNetworkProfileId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="ChargingStationNetworkProfiles_stationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="ChargingStationNetworkProfiles_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["websocketServerConfigId"],
            ["ServerNetworkProfiles.id"],
            name="ChargingStationNetworkProfiles_websocketServerConfigId_fkey",
            onupdate="CASCADE",
        ),
    )

    stationId: Mapped[str] = mapped_column(String(36), primary_key=True)
    configurationSlot: Mapped[int | None] = mapped_column(Integer)
    setNetworkProfileId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    websocketServerConfigId: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# --- Message log and subscriptions ---------------------------------------------------------------


class OCPPMessage(Base):
    __tablename__ = "OCPPMessages"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="OCPPMessages_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="OCPPMessages_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("o_c_p_p_messages_correlation_id", "correlationId"),
        Index("o_c_p_p_messages_station_id", "stationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    correlationId: Mapped[str | None] = mapped_column(String(255))
    origin: Mapped[str | None] = mapped_column(String(255))
    protocol: Mapped[str | None] = mapped_column(String(255))
    action: Mapped[str | None] = mapped_column(String(255))
    message: Mapped[Any | None] = mapped_column(JSONB)
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Subscription(Base):
    __tablename__ = "Subscriptions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Subscriptions_pkey"),
        ForeignKeyConstraint(
            ["tenantId"],
            ["Tenants.id"],
            name="Subscriptions_tenantId_fkey",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        Index("subscriptions_station_id", "stationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    onConnect: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    onClose: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    onMessage: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    sentMessage: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    messageRegexFilter: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    tenantId: Mapped[int] = mapped_column(Integer, server_default=text("1"))
