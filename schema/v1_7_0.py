"""CitrineOS 1.7.0 database schema: the pre-tenant baseline.

The schema a CitrineOS 1.6/1.7 install had before multi-tenancy, as created by upstream's
sequelize-cli migration ``20250430103000-initial`` (citrineos/citrineos-core). Transcribed
from the reference dump ``01-20250430103000-initial.sql`` (``pg_dump --schema-only`` of a
PostgreSQL 15 + PostGIS 3.3 database). Column order, server defaults, and the names of every
constraint, index, sequence (``<Table>_<column>_seq``, from SERIAL) and enum type match that
dump exactly. The ``SequelizeMeta`` bookkeeping table is deliberately not modelled.

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
    """Declarative base of the 1.7.0 models; the engine reads ``Base.metadata``."""


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


# --- Locations, charging stations, EVSEs and connectors ------------------------------------------


class Location(Base):
    __tablename__ = "Locations"
    __table_args__ = (PrimaryKeyConstraint("id", name="Locations_pkey"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    address: Mapped[str | None] = mapped_column(String(255))
    city: Mapped[str | None] = mapped_column(String(255))
    postalCode: Mapped[str | None] = mapped_column(String(255))
    state: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(255))
    # geometry(Point): SRID 0 (unknown), which PostGIS shows as no SRID.
    # Upstream has no spatial index on it.
    coordinates: Mapped[Any | None] = mapped_column(
        Geometry(geometry_type="POINT", srid=0, spatial_index=False)
    )
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


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


class Evse(Base):
    __tablename__ = "Evses"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="Evses_pkey"),
        UniqueConstraint("id", "connectorId", name="Evses_id_connectorId_key"),
        Index("evses_id", "id", unique=True, postgresql_where=text('"connectorId" IS NULL')),
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    connectorId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class Connector(Base):
    __tablename__ = "Connectors"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Connectors_pkey"),
        UniqueConstraint("stationId", "connectorId", name="Connectors_stationId_connectorId_key"),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="Connectors_stationId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
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
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    stationId: Mapped[str | None] = mapped_column(String(36))
    statusNotificationId: Mapped[int | None] = mapped_column(Integer)


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
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(255))
    value: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Boot and device model (components, variables, monitoring) -----------------------------------


class Boot(Base):
    __tablename__ = "Boots"
    __table_args__ = (PrimaryKeyConstraint("id", name="Boots_pkey"),)

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


class Component(Base):
    __tablename__ = "Components"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Components_pkey"),
        UniqueConstraint("name", "instance", name="Components_name_instance_key"),
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["Evses.databaseId"],
            name="Components_evseDatabaseId_fkey",
            onupdate="CASCADE",
        ),
        Index("components_name", "name", unique=True, postgresql_where=text("instance IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    instance: Mapped[str | None] = mapped_column(String(255))
    evseDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class Variable(Base):
    __tablename__ = "Variables"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Variables_pkey"),
        UniqueConstraint("name", "instance", name="Variables_name_instance_key"),
        Index("variables_name", "name", unique=True, postgresql_where=text("instance IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str | None] = mapped_column(String(255))
    instance: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


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
            ["variableId"],
            ["Variables.id"],
            name="ComponentVariables_variableId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    componentId: Mapped[int] = mapped_column(Integer, primary_key=True)
    variableId: Mapped[int] = mapped_column(Integer, primary_key=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


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
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["Evses.databaseId"],
            name="VariableAttributes_evseDatabaseId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="VariableAttributes_stationId_fkey",
            onupdate="CASCADE",
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
        String(255), server_default=text("'Actual'::character varying")
    )
    dataType: Mapped[str | None] = mapped_column(
        String(255), server_default=text("'string'::character varying")
    )
    value: Mapped[str | None] = mapped_column(String(4000))
    mutability: Mapped[str | None] = mapped_column(
        String(255), server_default=text("'ReadWrite'::character varying")
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


class VariableCharacteristics(Base):
    __tablename__ = "VariableCharacteristics"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableCharacteristics_pkey"),
        UniqueConstraint("variableId", name="VariableCharacteristics_variableId_key"),
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


class VariableStatus(Base):
    __tablename__ = "VariableStatuses"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableStatuses_pkey"),
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


class VariableMonitoringStatus(Base):
    __tablename__ = "VariableMonitoringStatuses"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="VariableMonitoringStatuses_pkey"),
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
            ["variableId"], ["Variables.id"], name="EventData_variableId_fkey", onupdate="CASCADE"
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


class ChangeConfiguration(Base):
    __tablename__ = "ChangeConfigurations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChangeConfigurations_pkey"),
        UniqueConstraint("stationId", "key", name="ChangeConfigurations_stationId_key_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(50))
    value: Mapped[str | None] = mapped_column(String(500))
    readonly: Mapped[bool | None] = mapped_column(Boolean)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


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


# --- Id tokens, authorization and local authorization lists --------------------------------------


class IdToken(Base):
    __tablename__ = "IdTokens"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="IdTokens_pkey"),
        UniqueConstraint("idToken", "type", name="IdTokens_idToken_type_key"),
        Index("id_tokens_id_token", "idToken", unique=True, postgresql_where=text("type IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idToken: Mapped[str | None] = mapped_column(String(255))
    type: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class AdditionalInfo(Base):
    __tablename__ = "AdditionalInfos"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="AdditionalInfos_pkey"),
        UniqueConstraint(
            "additionalIdToken", "type", name="AdditionalInfos_additionalIdToken_type_key"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    additionalIdToken: Mapped[str | None] = mapped_column(String(255))
    type: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class IdTokenAdditionalInfo(Base):
    __tablename__ = "IdTokenAdditionalInfos"
    __table_args__ = (
        PrimaryKeyConstraint("idTokenId", "additionalInfoId", name="IdTokenAdditionalInfos_pkey"),
        ForeignKeyConstraint(
            ["additionalInfoId"],
            ["AdditionalInfos.id"],
            name="IdTokenAdditionalInfos_additionalInfoId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["idTokenId"],
            ["IdTokens.id"],
            name="IdTokenAdditionalInfos_idTokenId_fkey",
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    idTokenId: Mapped[int] = mapped_column(Integer, primary_key=True)
    additionalInfoId: Mapped[int] = mapped_column(Integer, primary_key=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class IdTokenInfo(Base):
    __tablename__ = "IdTokenInfos"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="IdTokenInfos_pkey"),
        ForeignKeyConstraint(
            ["groupIdTokenId"],
            ["IdTokens.id"],
            name="IdTokenInfos_groupIdTokenId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    status: Mapped[str | None] = mapped_column(String(255))
    cacheExpiryDateTime: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingPriority: Mapped[int | None] = mapped_column(Integer)
    language1: Mapped[str | None] = mapped_column(String(255))
    groupIdTokenId: Mapped[int | None] = mapped_column(Integer)
    language2: Mapped[str | None] = mapped_column(String(255))
    personalMessage: Mapped[Any | None] = mapped_column(JSON)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class Authorization(Base):
    __tablename__ = "Authorizations"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Authorizations_pkey"),
        UniqueConstraint("idTokenId", name="Authorizations_idTokenId_key"),
        ForeignKeyConstraint(
            ["idTokenId"], ["IdTokens.id"], name="Authorizations_idTokenId_fkey", onupdate="CASCADE"
        ),
        ForeignKeyConstraint(
            ["idTokenInfoId"],
            ["IdTokenInfos.id"],
            name="Authorizations_idTokenInfoId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    allowedConnectorTypes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    disallowedEvseIdPrefixes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    idTokenId: Mapped[int | None] = mapped_column(Integer)
    idTokenInfoId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


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
            ["idTokenId"],
            ["IdTokens.id"],
            name="LocalListAuthorizations_idTokenId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["idTokenInfoId"],
            ["IdTokenInfos.id"],
            name="LocalListAuthorizations_idTokenInfoId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    allowedConnectorTypes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    disallowedEvseIdPrefixes: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    idTokenId: Mapped[int | None] = mapped_column(Integer)
    idTokenInfoId: Mapped[int | None] = mapped_column(Integer)
    authorizationId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class LocalListVersion(Base):
    __tablename__ = "LocalListVersions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="LocalListVersions_pkey"),
        UniqueConstraint("stationId", name="LocalListVersions_stationId_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    versionNumber: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class LocalListVersionAuthorization(Base):
    __tablename__ = "LocalListVersionAuthorizations"
    __table_args__ = (
        PrimaryKeyConstraint(
            "localListVersionId", "authorizationId", name="LocalListVersionAuthorizations_pkey"
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
    )

    localListVersionId: Mapped[int] = mapped_column(Integer, primary_key=True)
    authorizationId: Mapped[int] = mapped_column(Integer, primary_key=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class SendLocalList(Base):
    __tablename__ = "SendLocalLists"
    __table_args__ = (PrimaryKeyConstraint("id", name="SendLocalLists_pkey"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    correlationId: Mapped[str | None] = mapped_column(String(255))
    versionNumber: Mapped[int | None] = mapped_column(Integer)
    updateType: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class SendLocalListAuthorization(Base):
    __tablename__ = "SendLocalListAuthorizations"
    __table_args__ = (
        PrimaryKeyConstraint(
            "sendLocalListId", "authorizationId", name="SendLocalListAuthorizations_pkey"
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
    )

    sendLocalListId: Mapped[int] = mapped_column(Integer, primary_key=True)
    authorizationId: Mapped[int] = mapped_column(Integer, primary_key=True)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Transactions, meter values, tariffs and reservations ----------------------------------------


class Tariff(Base):
    __tablename__ = "Tariffs"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Tariffs_pkey"),
        UniqueConstraint("stationId", name="Tariffs_stationId_key"),
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


class Transaction(Base):
    __tablename__ = "Transactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Transactions_pkey"),
        UniqueConstraint(
            "stationId", "transactionId", name="Transactions_stationId_transactionId_key"
        ),
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["Evses.databaseId"],
            name="Transactions_evseDatabaseId_fkey",
            onupdate="CASCADE",
        ),
        ForeignKeyConstraint(
            ["stationId"],
            ["ChargingStations.id"],
            name="Transactions_stationId_fkey",
            onupdate="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    evseDatabaseId: Mapped[int | None] = mapped_column(Integer)
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


class TransactionEvent(Base):
    __tablename__ = "TransactionEvents"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="TransactionEvents_pkey"),
        ForeignKeyConstraint(
            ["evseId"],
            ["Evses.databaseId"],
            name="TransactionEvents_evseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["idTokenId"],
            ["IdTokens.id"],
            name="TransactionEvents_idTokenId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
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
    idTokenId: Mapped[int | None] = mapped_column(Integer)


class StartTransaction(Base):
    __tablename__ = "StartTransactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StartTransactions_pkey"),
        UniqueConstraint(
            "transactionDatabaseId", name="StartTransactions_transactionDatabaseId_key"
        ),
        ForeignKeyConstraint(
            ["connectorDatabaseId"],
            ["Connectors.id"],
            name="StartTransactions_connectorDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        ForeignKeyConstraint(
            ["idTokenDatabaseId"],
            ["IdTokens.id"],
            name="StartTransactions_idTokenDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
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


class StopTransaction(Base):
    __tablename__ = "StopTransactions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="StopTransactions_pkey"),
        UniqueConstraint(
            "transactionDatabaseId", name="StopTransactions_transactionDatabaseId_key"
        ),
        ForeignKeyConstraint(
            ["idTokenDatabaseId"],
            ["IdTokens.id"],
            name="StopTransactions_idTokenDatabaseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
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
    idTokenDatabaseId: Mapped[int | None] = mapped_column(Integer)


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


class Reservation(Base):
    __tablename__ = "Reservations"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="Reservations_pkey"),
        UniqueConstraint("id", "stationId", name="Reservations_id_stationId_key"),
        ForeignKeyConstraint(
            ["evseId"],
            ["Evses.databaseId"],
            name="Reservations_evseId_fkey",
            onupdate="CASCADE",
            ondelete="SET NULL",
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


# --- Smart charging ------------------------------------------------------------------------------


class ChargingNeeds(Base):
    __tablename__ = "ChargingNeeds"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingNeeds_pkey"),
        ForeignKeyConstraint(
            ["evseDatabaseId"],
            ["Evses.databaseId"],
            name="ChargingNeeds_evseDatabaseId_fkey",
            onupdate="CASCADE",
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
    evseDatabaseId: Mapped[int | None] = mapped_column(Integer)
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class ChargingProfile(Base):
    __tablename__ = "ChargingProfiles"
    __table_args__ = (
        PrimaryKeyConstraint("databaseId", name="ChargingProfiles_pkey"),
        UniqueConstraint("stationId", "id", name="ChargingProfiles_stationId_id_key"),
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
        String(255), server_default=text("'CSO'::character varying")
    )
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    transactionDatabaseId: Mapped[int | None] = mapped_column(Integer)


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
    )

    databaseId: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[int | None] = mapped_column(Integer)
    numEPriceLevels: Mapped[int | None] = mapped_column(Integer)
    salesTariffDescription: Mapped[str | None] = mapped_column(String(255))
    salesTariffEntry: Mapped[Any | None] = mapped_column(JSONB)
    chargingScheduleDatabaseId: Mapped[int | None] = mapped_column(Integer)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class CompositeSchedule(Base):
    __tablename__ = "CompositeSchedules"
    __table_args__ = (PrimaryKeyConstraint("id", name="CompositeSchedules_pkey"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    evseId: Mapped[int | None] = mapped_column(Integer)
    duration: Mapped[int | None] = mapped_column(Integer)
    scheduleStart: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    chargingRateUnit: Mapped[str | None] = mapped_column(String(255))
    chargingSchedulePeriod: Mapped[Any | None] = mapped_column(JSONB)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Security and certificates -------------------------------------------------------------------


class Certificate(Base):
    __tablename__ = "Certificates"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Certificates_pkey"),
        UniqueConstraint(
            "serialNumber", "issuerName", name="Certificates_serialNumber_issuerName_key"
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


class InstalledCertificate(Base):
    __tablename__ = "InstalledCertificates"
    __table_args__ = (PrimaryKeyConstraint("id", name="InstalledCertificates_pkey"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str] = mapped_column(String(36))
    hashAlgorithm: Mapped[str] = mapped_column(String(255))
    issuerNameHash: Mapped[str] = mapped_column(String(255))
    issuerKeyHash: Mapped[str] = mapped_column(String(255))
    serialNumber: Mapped[str] = mapped_column(String(255))
    certificateType: Mapped[str] = mapped_column(CERTIFICATE_TYPE)
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class ChargingStationSecurityInfo(Base):
    __tablename__ = "ChargingStationSecurityInfos"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="ChargingStationSecurityInfos_pkey"),
        UniqueConstraint("stationId", name="ChargingStationSecurityInfos_stationId_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    publicKeyFileId: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class SecurityEvent(Base):
    __tablename__ = "SecurityEvents"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="SecurityEvents_pkey"),
        Index("security_events_station_id", "stationId"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stationId: Mapped[str | None] = mapped_column(String(255))
    type: Mapped[str | None] = mapped_column(String(255))
    timestamp: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    techInfo: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Network profiles ----------------------------------------------------------------------------


class ServerNetworkProfile(Base):
    __tablename__ = "ServerNetworkProfiles"
    __table_args__ = (PrimaryKeyConstraint("id", name="ServerNetworkProfiles_pkey"),)

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


class SetNetworkProfile(Base):
    __tablename__ = "SetNetworkProfiles"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="SetNetworkProfiles_pkey"),
        UniqueConstraint("correlationId", name="SetNetworkProfiles_correlationId_key"),
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


class ChargingStationNetworkProfile(Base):
    __tablename__ = "ChargingStationNetworkProfiles"
    __table_args__ = (
        PrimaryKeyConstraint(
            "stationId", "setNetworkProfileId", name="ChargingStationNetworkProfiles_pkey"
        ),
        # PostgreSQL generated this name and truncated it to 63 characters.
        UniqueConstraint(
            "stationId",
            "websocketServerConfigId",
            name="ChargingStationNetworkProfile_stationId_websocketServerConf_key",
        ),
        UniqueConstraint(
            "configurationSlot", name="ChargingStationNetworkProfiles_configurationSlot_key"
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
            ["websocketServerConfigId"],
            ["ServerNetworkProfiles.id"],
            name="ChargingStationNetworkProfiles_websocketServerConfigId_fkey",
            onupdate="CASCADE",
        ),
    )

    stationId: Mapped[str] = mapped_column(String(36), primary_key=True)
    configurationSlot: Mapped[int | None] = mapped_column(Integer)
    setNetworkProfileId: Mapped[int] = mapped_column(Integer, primary_key=True)
    websocketServerConfigId: Mapped[str | None] = mapped_column(String(255))
    createdAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updatedAt: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


# --- Message log and subscriptions ---------------------------------------------------------------


class OCPPMessage(Base):
    __tablename__ = "OCPPMessages"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="OCPPMessages_pkey"),
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


class Subscription(Base):
    __tablename__ = "Subscriptions"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="Subscriptions_pkey"),
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
