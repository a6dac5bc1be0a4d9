-- The CitrineOS 1.7.0 baseline (the schema of upstream's 20250430103000-initial), created
-- where it is missing. Run by versions/1.7.0/20250430103000-initial.py in one transaction.
--
-- Every statement is guarded, so this file is idempotent and only ever ADDS:
--   * on an empty database it creates everything;
--   * on a database made by CitrineOS 1.6.x sync() (45 of the 50 tables) it creates the missing
--     tables (LocalListAuthorizations, LocalListVersions, LocalListVersionAuthorizations,
--     SendLocalLists, SendLocalListAuthorizations) with their sequences, keys and foreign keys,
--     and leaves every existing table, column and row as it is;
--   * on a database that already has the baseline it changes nothing.
-- A table is written as CREATE TABLE IF NOT EXISTS "T" () followed by one ADD COLUMN IF NOT
-- EXISTS per column, so that the same lines create a missing table (columns in the baseline's
-- order) and add a column that an existing table lacks. An existing column is never altered:
-- one whose type differs from the baseline is left alone (the verifier reports it).
-- Constraints are added by name through a session-local helper (PostgreSQL has no
-- ADD CONSTRAINT IF NOT EXISTS), which is dropped again at the end.
-- (No percent sign anywhere: the step runner hands this text to the driver as it is.)

SET LOCAL client_min_messages = warning;  -- no "already exists, skipping" notice per column

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;

-- Adds constraint `con` to `tbl` unless the table has a constraint of that name (or, for a
-- primary key, any primary key).
CREATE FUNCTION pg_temp.citrine_add_constraint(tbl regclass, con name, def text)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint c
               WHERE c.conrelid = tbl
                 AND (c.conname = con OR (c.contype = 'p' AND starts_with(def, 'PRIMARY KEY')))) THEN
        RETURN;
    END IF;
    EXECUTE 'ALTER TABLE ' || tbl::text || ' ADD CONSTRAINT ' || quote_ident(con) || ' ' || def;
END
$fn$;

-- ---------------------------------------------------------------------------------------
-- 1. Enum types (created when missing; labels a 1.6.x type lacks are added in place).
-- ---------------------------------------------------------------------------------------

DO $$
BEGIN
    IF to_regtype('"enum_Connectors_errorCode"') IS NULL THEN
        CREATE TYPE "enum_Connectors_errorCode" AS ENUM (
            'ConnectorLockFailure',
            'EVCommunicationError',
            'GroundFailure',
            'HighTemperature',
            'InternalError',
            'LocalListConflict',
            'NoError',
            'OtherError',
            'OverCurrentFailure',
            'PowerMeterFailure',
            'PowerSwitchFailure',
            'ReaderFailure',
            'ResetFailure',
            'UnderVoltage',
            'OverVoltage',
            'WeakSignal'
        );
    END IF;
END $$;
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'EVCommunicationError' AFTER 'ConnectorLockFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'GroundFailure' AFTER 'EVCommunicationError';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'HighTemperature' AFTER 'GroundFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'InternalError' AFTER 'HighTemperature';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'LocalListConflict' AFTER 'InternalError';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'NoError' AFTER 'LocalListConflict';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'OtherError' AFTER 'NoError';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'OverCurrentFailure' AFTER 'OtherError';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'PowerMeterFailure' AFTER 'OverCurrentFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'PowerSwitchFailure' AFTER 'PowerMeterFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'ReaderFailure' AFTER 'PowerSwitchFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'ResetFailure' AFTER 'ReaderFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'UnderVoltage' AFTER 'ResetFailure';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'OverVoltage' AFTER 'UnderVoltage';
ALTER TYPE "enum_Connectors_errorCode" ADD VALUE IF NOT EXISTS 'WeakSignal' AFTER 'OverVoltage';

DO $$
BEGIN
    IF to_regtype('"enum_Connectors_status"') IS NULL THEN
        CREATE TYPE "enum_Connectors_status" AS ENUM (
            'Available',
            'Preparing',
            'Charging',
            'SuspendedEVSE',
            'SuspendedEV',
            'Finishing',
            'Reserved',
            'Unavailable',
            'Faulted'
        );
    END IF;
END $$;
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Preparing' AFTER 'Available';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Charging' AFTER 'Preparing';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'SuspendedEVSE' AFTER 'Charging';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'SuspendedEV' AFTER 'SuspendedEVSE';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Finishing' AFTER 'SuspendedEV';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Reserved' AFTER 'Finishing';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Unavailable' AFTER 'Reserved';
ALTER TYPE "enum_Connectors_status" ADD VALUE IF NOT EXISTS 'Faulted' AFTER 'Unavailable';

DO $$
BEGIN
    IF to_regtype('"enum_InstalledCertificates_certificateType"') IS NULL THEN
        CREATE TYPE "enum_InstalledCertificates_certificateType" AS ENUM (
            'V2GRootCertificate',
            'MORootCertificate',
            'CSMSRootCertificate',
            'V2GCertificateChain',
            'ManufacturerRootCertificate'
        );
    END IF;
END $$;
ALTER TYPE "enum_InstalledCertificates_certificateType" ADD VALUE IF NOT EXISTS 'MORootCertificate' AFTER 'V2GRootCertificate';
ALTER TYPE "enum_InstalledCertificates_certificateType" ADD VALUE IF NOT EXISTS 'CSMSRootCertificate' AFTER 'MORootCertificate';
ALTER TYPE "enum_InstalledCertificates_certificateType" ADD VALUE IF NOT EXISTS 'V2GCertificateChain' AFTER 'CSMSRootCertificate';
ALTER TYPE "enum_InstalledCertificates_certificateType" ADD VALUE IF NOT EXISTS 'ManufacturerRootCertificate' AFTER 'V2GCertificateChain';

-- ---------------------------------------------------------------------------------------
-- 2. Tables and their columns (a table is created when missing; a column when missing).
-- ---------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS "AdditionalInfos" ();
ALTER TABLE "AdditionalInfos"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "additionalIdToken" character varying(255),
    ADD COLUMN IF NOT EXISTS type character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Authorizations" ();
ALTER TABLE "Authorizations"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "allowedConnectorTypes" character varying(255)[],
    ADD COLUMN IF NOT EXISTS "disallowedEvseIdPrefixes" character varying(255)[],
    ADD COLUMN IF NOT EXISTS "idTokenId" integer,
    ADD COLUMN IF NOT EXISTS "idTokenInfoId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Boots" ();
ALTER TABLE "Boots"
    ADD COLUMN IF NOT EXISTS id character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "lastBootTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "heartbeatInterval" integer,
    ADD COLUMN IF NOT EXISTS "bootRetryInterval" integer,
    ADD COLUMN IF NOT EXISTS status character varying(255),
    ADD COLUMN IF NOT EXISTS "statusInfo" json,
    ADD COLUMN IF NOT EXISTS "getBaseReportOnPending" boolean,
    ADD COLUMN IF NOT EXISTS "variablesRejectedOnLastBoot" json,
    ADD COLUMN IF NOT EXISTS "bootWithRejectedVariables" boolean,
    ADD COLUMN IF NOT EXISTS "changeConfigurationsOnPending" boolean,
    ADD COLUMN IF NOT EXISTS "getConfigurationsOnPending" boolean,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Certificates" ();
ALTER TABLE "Certificates"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "serialNumber" bigint,
    ADD COLUMN IF NOT EXISTS "issuerName" character varying(255),
    ADD COLUMN IF NOT EXISTS "organizationName" character varying(255),
    ADD COLUMN IF NOT EXISTS "commonName" character varying(255),
    ADD COLUMN IF NOT EXISTS "keyLength" integer,
    ADD COLUMN IF NOT EXISTS "validBefore" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "signatureAlgorithm" character varying(255),
    ADD COLUMN IF NOT EXISTS "countryName" character varying(255),
    ADD COLUMN IF NOT EXISTS "isCA" boolean,
    ADD COLUMN IF NOT EXISTS "pathLen" integer,
    ADD COLUMN IF NOT EXISTS "certificateFileId" character varying(255),
    ADD COLUMN IF NOT EXISTS "privateKeyFileId" character varying(255),
    ADD COLUMN IF NOT EXISTS "signedBy" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChangeConfigurations" ();
ALTER TABLE "ChangeConfigurations"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS key character varying(50) NOT NULL,
    ADD COLUMN IF NOT EXISTS value character varying(500),
    ADD COLUMN IF NOT EXISTS readonly boolean,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingNeeds" ();
ALTER TABLE "ChargingNeeds"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "acChargingParameters" jsonb,
    ADD COLUMN IF NOT EXISTS "dcChargingParameters" jsonb,
    ADD COLUMN IF NOT EXISTS "departureTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "requestedEnergyTransfer" character varying(255),
    ADD COLUMN IF NOT EXISTS "maxScheduleTuples" integer,
    ADD COLUMN IF NOT EXISTS "evseDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingProfiles" ();
ALTER TABLE "ChargingProfiles"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS "chargingProfileKind" character varying(255),
    ADD COLUMN IF NOT EXISTS "chargingProfilePurpose" character varying(255),
    ADD COLUMN IF NOT EXISTS "recurrencyKind" character varying(255),
    ADD COLUMN IF NOT EXISTS "stackLevel" integer,
    ADD COLUMN IF NOT EXISTS "validFrom" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "validTo" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "evseId" integer,
    ADD COLUMN IF NOT EXISTS "isActive" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "chargingLimitSource" character varying(255) DEFAULT 'CSO'::character varying,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer;

CREATE TABLE IF NOT EXISTS "ChargingSchedules" ();
ALTER TABLE "ChargingSchedules"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "chargingRateUnit" character varying(255),
    ADD COLUMN IF NOT EXISTS "chargingSchedulePeriod" jsonb,
    ADD COLUMN IF NOT EXISTS duration integer,
    ADD COLUMN IF NOT EXISTS "minChargingRate" numeric,
    ADD COLUMN IF NOT EXISTS "startSchedule" character varying(255),
    ADD COLUMN IF NOT EXISTS "timeBase" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "chargingProfileDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingStationNetworkProfiles" ();
ALTER TABLE "ChargingStationNetworkProfiles"
    ADD COLUMN IF NOT EXISTS "stationId" character varying(36) NOT NULL,
    ADD COLUMN IF NOT EXISTS "configurationSlot" integer,
    ADD COLUMN IF NOT EXISTS "setNetworkProfileId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "websocketServerConfigId" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingStationSecurityInfos" ();
ALTER TABLE "ChargingStationSecurityInfos"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "publicKeyFileId" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingStationSequences" ();
ALTER TABLE "ChargingStationSequences"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(36) NOT NULL,
    ADD COLUMN IF NOT EXISTS type character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS value bigint DEFAULT 0 NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ChargingStations" ();
ALTER TABLE "ChargingStations"
    ADD COLUMN IF NOT EXISTS id character varying(36) NOT NULL,
    ADD COLUMN IF NOT EXISTS "isOnline" boolean,
    ADD COLUMN IF NOT EXISTS protocol character varying(255),
    ADD COLUMN IF NOT EXISTS "chargePointVendor" character varying(20),
    ADD COLUMN IF NOT EXISTS "chargePointModel" character varying(20),
    ADD COLUMN IF NOT EXISTS "chargePointSerialNumber" character varying(25),
    ADD COLUMN IF NOT EXISTS "chargeBoxSerialNumber" character varying(25),
    ADD COLUMN IF NOT EXISTS "firmwareVersion" character varying(50),
    ADD COLUMN IF NOT EXISTS iccid character varying(20),
    ADD COLUMN IF NOT EXISTS imsi character varying(20),
    ADD COLUMN IF NOT EXISTS "meterType" character varying(25),
    ADD COLUMN IF NOT EXISTS "meterSerialNumber" character varying(25),
    ADD COLUMN IF NOT EXISTS "locationId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ComponentVariables" ();
ALTER TABLE "ComponentVariables"
    ADD COLUMN IF NOT EXISTS "componentId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "variableId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Components" ();
ALTER TABLE "Components"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS name character varying(255),
    ADD COLUMN IF NOT EXISTS instance character varying(255),
    ADD COLUMN IF NOT EXISTS "evseDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "CompositeSchedules" ();
ALTER TABLE "CompositeSchedules"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "evseId" integer,
    ADD COLUMN IF NOT EXISTS duration integer,
    ADD COLUMN IF NOT EXISTS "scheduleStart" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "chargingRateUnit" character varying(255),
    ADD COLUMN IF NOT EXISTS "chargingSchedulePeriod" jsonb,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Connectors" ();
ALTER TABLE "Connectors"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "connectorId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS status "enum_Connectors_status",
    ADD COLUMN IF NOT EXISTS "errorCode" "enum_Connectors_errorCode",
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS info character varying(255),
    ADD COLUMN IF NOT EXISTS "vendorId" character varying(255),
    ADD COLUMN IF NOT EXISTS "vendorErrorCode" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "EventData" ();
ALTER TABLE "EventData"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "eventId" integer,
    ADD COLUMN IF NOT EXISTS trigger character varying(255),
    ADD COLUMN IF NOT EXISTS cause integer,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "actualValue" character varying(255),
    ADD COLUMN IF NOT EXISTS "techCode" character varying(255),
    ADD COLUMN IF NOT EXISTS "techInfo" character varying(255),
    ADD COLUMN IF NOT EXISTS cleared boolean,
    ADD COLUMN IF NOT EXISTS "transactionId" character varying(255),
    ADD COLUMN IF NOT EXISTS "variableMonitoringId" integer,
    ADD COLUMN IF NOT EXISTS "eventNotificationType" character varying(255),
    ADD COLUMN IF NOT EXISTS "variableId" integer,
    ADD COLUMN IF NOT EXISTS "componentId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Evses" ();
ALTER TABLE "Evses"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS "connectorId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "IdTokenAdditionalInfos" ();
ALTER TABLE "IdTokenAdditionalInfos"
    ADD COLUMN IF NOT EXISTS "idTokenId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "additionalInfoId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "IdTokenInfos" ();
ALTER TABLE "IdTokenInfos"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS status character varying(255),
    ADD COLUMN IF NOT EXISTS "cacheExpiryDateTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "chargingPriority" integer,
    ADD COLUMN IF NOT EXISTS language1 character varying(255),
    ADD COLUMN IF NOT EXISTS "groupIdTokenId" integer,
    ADD COLUMN IF NOT EXISTS language2 character varying(255),
    ADD COLUMN IF NOT EXISTS "personalMessage" json,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "IdTokens" ();
ALTER TABLE "IdTokens"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "idToken" character varying(255),
    ADD COLUMN IF NOT EXISTS type character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "InstalledCertificates" ();
ALTER TABLE "InstalledCertificates"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(36) NOT NULL,
    ADD COLUMN IF NOT EXISTS "hashAlgorithm" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "issuerNameHash" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "issuerKeyHash" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "serialNumber" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS "certificateType" "enum_InstalledCertificates_certificateType" NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "LatestStatusNotifications" ();
ALTER TABLE "LatestStatusNotifications"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(36),
    ADD COLUMN IF NOT EXISTS "statusNotificationId" integer;

CREATE TABLE IF NOT EXISTS "LocalListAuthorizations" ();
ALTER TABLE "LocalListAuthorizations"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "allowedConnectorTypes" character varying(255)[],
    ADD COLUMN IF NOT EXISTS "disallowedEvseIdPrefixes" character varying(255)[],
    ADD COLUMN IF NOT EXISTS "idTokenId" integer,
    ADD COLUMN IF NOT EXISTS "idTokenInfoId" integer,
    ADD COLUMN IF NOT EXISTS "authorizationId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "LocalListVersionAuthorizations" ();
ALTER TABLE "LocalListVersionAuthorizations"
    ADD COLUMN IF NOT EXISTS "localListVersionId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "authorizationId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "LocalListVersions" ();
ALTER TABLE "LocalListVersions"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "versionNumber" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Locations" ();
ALTER TABLE "Locations"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS name character varying(255),
    ADD COLUMN IF NOT EXISTS address character varying(255),
    ADD COLUMN IF NOT EXISTS city character varying(255),
    ADD COLUMN IF NOT EXISTS "postalCode" character varying(255),
    ADD COLUMN IF NOT EXISTS state character varying(255),
    ADD COLUMN IF NOT EXISTS country character varying(255),
    ADD COLUMN IF NOT EXISTS coordinates geometry(Point),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "MessageInfos" ();
ALTER TABLE "MessageInfos"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS priority character varying(255),
    ADD COLUMN IF NOT EXISTS state character varying(255),
    ADD COLUMN IF NOT EXISTS "startDateTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "endDateTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "transactionId" character varying(255),
    ADD COLUMN IF NOT EXISTS message json,
    ADD COLUMN IF NOT EXISTS active boolean,
    ADD COLUMN IF NOT EXISTS "displayComponentId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "MeterValues" ();
ALTER TABLE "MeterValues"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "transactionEventId" integer,
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "stopTransactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "sampledValue" json,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "connectorId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "OCPPMessages" ();
ALTER TABLE "OCPPMessages"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "correlationId" character varying(255),
    ADD COLUMN IF NOT EXISTS origin character varying(255),
    ADD COLUMN IF NOT EXISTS protocol character varying(255),
    ADD COLUMN IF NOT EXISTS action character varying(255),
    ADD COLUMN IF NOT EXISTS message jsonb,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Reservations" ();
ALTER TABLE "Reservations"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "expiryDateTime" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "connectorType" character varying(255),
    ADD COLUMN IF NOT EXISTS "reserveStatus" character varying(255),
    ADD COLUMN IF NOT EXISTS "isActive" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "terminatedByTransaction" character varying(255),
    ADD COLUMN IF NOT EXISTS "idToken" jsonb,
    ADD COLUMN IF NOT EXISTS "groupIdToken" jsonb,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "evseId" integer;

CREATE TABLE IF NOT EXISTS "SalesTariffs" ();
ALTER TABLE "SalesTariffs"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS "numEPriceLevels" integer,
    ADD COLUMN IF NOT EXISTS "salesTariffDescription" character varying(255),
    ADD COLUMN IF NOT EXISTS "salesTariffEntry" jsonb,
    ADD COLUMN IF NOT EXISTS "chargingScheduleDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "SecurityEvents" ();
ALTER TABLE "SecurityEvents"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS type character varying(255),
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "techInfo" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "SendLocalListAuthorizations" ();
ALTER TABLE "SendLocalListAuthorizations"
    ADD COLUMN IF NOT EXISTS "sendLocalListId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "authorizationId" integer NOT NULL,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "SendLocalLists" ();
ALTER TABLE "SendLocalLists"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "correlationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "versionNumber" integer,
    ADD COLUMN IF NOT EXISTS "updateType" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "ServerNetworkProfiles" ();
ALTER TABLE "ServerNetworkProfiles"
    ADD COLUMN IF NOT EXISTS id character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS host character varying(255),
    ADD COLUMN IF NOT EXISTS port integer,
    ADD COLUMN IF NOT EXISTS "pingInterval" integer,
    ADD COLUMN IF NOT EXISTS protocol character varying(255),
    ADD COLUMN IF NOT EXISTS "messageTimeout" integer,
    ADD COLUMN IF NOT EXISTS "securityProfile" integer,
    ADD COLUMN IF NOT EXISTS "allowUnknownChargingStations" boolean,
    ADD COLUMN IF NOT EXISTS "tlsKeyFilePath" character varying(255),
    ADD COLUMN IF NOT EXISTS "tlsCertificateChainFilePath" character varying(255),
    ADD COLUMN IF NOT EXISTS "mtlsCertificateAuthorityKeyFilePath" character varying(255),
    ADD COLUMN IF NOT EXISTS "rootCACertificateFilePath" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "SetNetworkProfiles" ();
ALTER TABLE "SetNetworkProfiles"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "correlationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "websocketServerConfigId" character varying(255),
    ADD COLUMN IF NOT EXISTS "configurationSlot" integer,
    ADD COLUMN IF NOT EXISTS "ocppVersion" character varying(255),
    ADD COLUMN IF NOT EXISTS "ocppTransport" character varying(255),
    ADD COLUMN IF NOT EXISTS "ocppCsmsUrl" character varying(255),
    ADD COLUMN IF NOT EXISTS "messageTimeout" integer,
    ADD COLUMN IF NOT EXISTS "securityProfile" integer,
    ADD COLUMN IF NOT EXISTS "ocppInterface" character varying(255),
    ADD COLUMN IF NOT EXISTS apn character varying(255),
    ADD COLUMN IF NOT EXISTS vpn character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "StartTransactions" ();
ALTER TABLE "StartTransactions"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "meterStart" integer,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "reservationId" integer,
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "idTokenDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "connectorDatabaseId" integer;

CREATE TABLE IF NOT EXISTS "StatusNotifications" ();
ALTER TABLE "StatusNotifications"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "connectorStatus" character varying(255),
    ADD COLUMN IF NOT EXISTS "evseId" integer,
    ADD COLUMN IF NOT EXISTS "connectorId" integer,
    ADD COLUMN IF NOT EXISTS "errorCode" character varying(255),
    ADD COLUMN IF NOT EXISTS info character varying(255),
    ADD COLUMN IF NOT EXISTS "vendorId" character varying(255),
    ADD COLUMN IF NOT EXISTS "vendorErrorCode" character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(36);

CREATE TABLE IF NOT EXISTS "StopTransactions" ();
ALTER TABLE "StopTransactions"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "meterStop" integer,
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS reason character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "idTokenDatabaseId" integer;

CREATE TABLE IF NOT EXISTS "Subscriptions" ();
ALTER TABLE "Subscriptions"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "onConnect" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "onClose" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "onMessage" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "sentMessage" boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "messageRegexFilter" character varying(255),
    ADD COLUMN IF NOT EXISTS url character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Tariffs" ();
ALTER TABLE "Tariffs"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS currency character(3) NOT NULL,
    ADD COLUMN IF NOT EXISTS "pricePerKwh" numeric NOT NULL,
    ADD COLUMN IF NOT EXISTS "pricePerMin" numeric,
    ADD COLUMN IF NOT EXISTS "pricePerSession" numeric,
    ADD COLUMN IF NOT EXISTS "authorizationAmount" numeric,
    ADD COLUMN IF NOT EXISTS "paymentFee" numeric,
    ADD COLUMN IF NOT EXISTS "taxRate" numeric,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "TransactionEvents" ();
ALTER TABLE "TransactionEvents"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "eventType" character varying(255),
    ADD COLUMN IF NOT EXISTS "timestamp" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "triggerReason" character varying(255),
    ADD COLUMN IF NOT EXISTS "seqNo" integer,
    ADD COLUMN IF NOT EXISTS offline boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "numberOfPhasesUsed" integer,
    ADD COLUMN IF NOT EXISTS "cableMaxCurrent" numeric,
    ADD COLUMN IF NOT EXISTS "reservationId" integer,
    ADD COLUMN IF NOT EXISTS "transactionInfo" json,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "transactionDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "evseId" integer,
    ADD COLUMN IF NOT EXISTS "idTokenId" integer;

CREATE TABLE IF NOT EXISTS "Transactions" ();
ALTER TABLE "Transactions"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS "evseDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "transactionId" character varying(255),
    ADD COLUMN IF NOT EXISTS "isActive" boolean,
    ADD COLUMN IF NOT EXISTS "chargingState" character varying(255),
    ADD COLUMN IF NOT EXISTS "timeSpentCharging" bigint,
    ADD COLUMN IF NOT EXISTS "totalKwh" numeric,
    ADD COLUMN IF NOT EXISTS "stoppedReason" character varying(255),
    ADD COLUMN IF NOT EXISTS "remoteStartId" integer,
    ADD COLUMN IF NOT EXISTS "totalCost" numeric,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "VariableAttributes" ();
ALTER TABLE "VariableAttributes"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255) NOT NULL,
    ADD COLUMN IF NOT EXISTS type character varying(255) DEFAULT 'Actual'::character varying,
    ADD COLUMN IF NOT EXISTS "dataType" character varying(255) DEFAULT 'string'::character varying,
    ADD COLUMN IF NOT EXISTS value character varying(4000),
    ADD COLUMN IF NOT EXISTS mutability character varying(255) DEFAULT 'ReadWrite'::character varying,
    ADD COLUMN IF NOT EXISTS persistent boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS constant boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS "generatedAt" timestamp with time zone,
    ADD COLUMN IF NOT EXISTS "variableId" integer,
    ADD COLUMN IF NOT EXISTS "componentId" integer,
    ADD COLUMN IF NOT EXISTS "evseDatabaseId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "bootConfigId" character varying(255);

CREATE TABLE IF NOT EXISTS "VariableCharacteristics" ();
ALTER TABLE "VariableCharacteristics"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS unit character varying(255),
    ADD COLUMN IF NOT EXISTS "dataType" character varying(255),
    ADD COLUMN IF NOT EXISTS "minLimit" numeric,
    ADD COLUMN IF NOT EXISTS "maxLimit" numeric,
    ADD COLUMN IF NOT EXISTS "valuesList" character varying(4000),
    ADD COLUMN IF NOT EXISTS "supportsMonitoring" boolean,
    ADD COLUMN IF NOT EXISTS "variableId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "VariableMonitoringStatuses" ();
ALTER TABLE "VariableMonitoringStatuses"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS status character varying(255),
    ADD COLUMN IF NOT EXISTS "statusInfo" json,
    ADD COLUMN IF NOT EXISTS "variableMonitoringId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "VariableMonitorings" ();
ALTER TABLE "VariableMonitorings"
    ADD COLUMN IF NOT EXISTS "databaseId" serial,
    ADD COLUMN IF NOT EXISTS "stationId" character varying(255),
    ADD COLUMN IF NOT EXISTS id integer,
    ADD COLUMN IF NOT EXISTS transaction boolean,
    ADD COLUMN IF NOT EXISTS value integer,
    ADD COLUMN IF NOT EXISTS type character varying(255),
    ADD COLUMN IF NOT EXISTS severity integer,
    ADD COLUMN IF NOT EXISTS "variableId" integer,
    ADD COLUMN IF NOT EXISTS "componentId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "VariableStatuses" ();
ALTER TABLE "VariableStatuses"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS value character varying(4000),
    ADD COLUMN IF NOT EXISTS status character varying(255),
    ADD COLUMN IF NOT EXISTS "statusInfo" json,
    ADD COLUMN IF NOT EXISTS "variableAttributeId" integer,
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

CREATE TABLE IF NOT EXISTS "Variables" ();
ALTER TABLE "Variables"
    ADD COLUMN IF NOT EXISTS id serial,
    ADD COLUMN IF NOT EXISTS name character varying(255),
    ADD COLUMN IF NOT EXISTS instance character varying(255),
    ADD COLUMN IF NOT EXISTS "createdAt" timestamp with time zone NOT NULL,
    ADD COLUMN IF NOT EXISTS "updatedAt" timestamp with time zone NOT NULL;

-- ---------------------------------------------------------------------------------------
-- 3. Primary keys and unique constraints (added when the table has no constraint of that
--    name; a primary key also when the table has no primary key at all).
-- ---------------------------------------------------------------------------------------
SELECT pg_temp.citrine_add_constraint('"AdditionalInfos"', 'AdditionalInfos_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"AdditionalInfos"', 'AdditionalInfos_additionalIdToken_type_key', 'UNIQUE ("additionalIdToken", type)');

SELECT pg_temp.citrine_add_constraint('"Authorizations"', 'Authorizations_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Authorizations"', 'Authorizations_idTokenId_key', 'UNIQUE ("idTokenId")');

SELECT pg_temp.citrine_add_constraint('"Boots"', 'Boots_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Certificates"', 'Certificates_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Certificates"', 'Certificates_serialNumber_issuerName_key', 'UNIQUE ("serialNumber", "issuerName")');

SELECT pg_temp.citrine_add_constraint('"ChangeConfigurations"', 'ChangeConfigurations_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"ChangeConfigurations"', 'ChangeConfigurations_stationId_key_key', 'UNIQUE ("stationId", key)');

SELECT pg_temp.citrine_add_constraint('"ChargingNeeds"', 'ChargingNeeds_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"ChargingProfiles"', 'ChargingProfiles_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"ChargingProfiles"', 'ChargingProfiles_stationId_id_key', 'UNIQUE ("stationId", id)');

SELECT pg_temp.citrine_add_constraint('"ChargingSchedules"', 'ChargingSchedules_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"ChargingSchedules"', 'ChargingSchedules_id_stationId_key', 'UNIQUE (id, "stationId")');

SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfiles_pkey', 'PRIMARY KEY ("stationId", "setNetworkProfileId")');
SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfile_stationId_websocketServerConf_key', 'UNIQUE ("stationId", "websocketServerConfigId")');
SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfiles_configurationSlot_key', 'UNIQUE ("configurationSlot")');

SELECT pg_temp.citrine_add_constraint('"ChargingStationSecurityInfos"', 'ChargingStationSecurityInfos_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"ChargingStationSecurityInfos"', 'ChargingStationSecurityInfos_stationId_key', 'UNIQUE ("stationId")');

SELECT pg_temp.citrine_add_constraint('"ChargingStationSequences"', 'ChargingStationSequences_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"ChargingStationSequences"', 'ChargingStationSequences_stationId_type_key', 'UNIQUE ("stationId", type)');

SELECT pg_temp.citrine_add_constraint('"ChargingStations"', 'ChargingStations_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"ComponentVariables"', 'ComponentVariables_pkey', 'PRIMARY KEY ("componentId", "variableId")');

SELECT pg_temp.citrine_add_constraint('"Components"', 'Components_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Components"', 'Components_name_instance_key', 'UNIQUE (name, instance)');

SELECT pg_temp.citrine_add_constraint('"CompositeSchedules"', 'CompositeSchedules_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Connectors"', 'Connectors_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Connectors"', 'Connectors_stationId_connectorId_key', 'UNIQUE ("stationId", "connectorId")');

SELECT pg_temp.citrine_add_constraint('"EventData"', 'EventData_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"EventData"', 'EventData_stationId_eventId_key', 'UNIQUE ("stationId", "eventId")');

SELECT pg_temp.citrine_add_constraint('"Evses"', 'Evses_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"Evses"', 'Evses_id_connectorId_key', 'UNIQUE (id, "connectorId")');

SELECT pg_temp.citrine_add_constraint('"IdTokenAdditionalInfos"', 'IdTokenAdditionalInfos_pkey', 'PRIMARY KEY ("idTokenId", "additionalInfoId")');

SELECT pg_temp.citrine_add_constraint('"IdTokenInfos"', 'IdTokenInfos_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"IdTokens"', 'IdTokens_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"IdTokens"', 'IdTokens_idToken_type_key', 'UNIQUE ("idToken", type)');

SELECT pg_temp.citrine_add_constraint('"InstalledCertificates"', 'InstalledCertificates_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"LatestStatusNotifications"', 'LatestStatusNotifications_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"LocalListAuthorizations"', 'LocalListAuthorizations_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"LocalListVersionAuthorizations"', 'LocalListVersionAuthorizations_pkey', 'PRIMARY KEY ("localListVersionId", "authorizationId")');

SELECT pg_temp.citrine_add_constraint('"LocalListVersions"', 'LocalListVersions_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"LocalListVersions"', 'LocalListVersions_stationId_key', 'UNIQUE ("stationId")');

SELECT pg_temp.citrine_add_constraint('"Locations"', 'Locations_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"MessageInfos"', 'MessageInfos_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"MessageInfos"', 'MessageInfos_stationId_id_key', 'UNIQUE ("stationId", id)');

SELECT pg_temp.citrine_add_constraint('"MeterValues"', 'MeterValues_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"OCPPMessages"', 'OCPPMessages_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Reservations"', 'Reservations_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"Reservations"', 'Reservations_id_stationId_key', 'UNIQUE (id, "stationId")');

SELECT pg_temp.citrine_add_constraint('"SalesTariffs"', 'SalesTariffs_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"SalesTariffs"', 'SalesTariffs_id_chargingScheduleDatabaseId_key', 'UNIQUE (id, "chargingScheduleDatabaseId")');

SELECT pg_temp.citrine_add_constraint('"SecurityEvents"', 'SecurityEvents_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"SendLocalListAuthorizations"', 'SendLocalListAuthorizations_pkey', 'PRIMARY KEY ("sendLocalListId", "authorizationId")');

SELECT pg_temp.citrine_add_constraint('"SendLocalLists"', 'SendLocalLists_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"ServerNetworkProfiles"', 'ServerNetworkProfiles_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"SetNetworkProfiles"', 'SetNetworkProfiles_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"SetNetworkProfiles"', 'SetNetworkProfiles_correlationId_key', 'UNIQUE ("correlationId")');

SELECT pg_temp.citrine_add_constraint('"StartTransactions"', 'StartTransactions_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"StartTransactions"', 'StartTransactions_transactionDatabaseId_key', 'UNIQUE ("transactionDatabaseId")');

SELECT pg_temp.citrine_add_constraint('"StatusNotifications"', 'StatusNotifications_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"StopTransactions"', 'StopTransactions_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"StopTransactions"', 'StopTransactions_transactionDatabaseId_key', 'UNIQUE ("transactionDatabaseId")');

SELECT pg_temp.citrine_add_constraint('"Subscriptions"', 'Subscriptions_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Tariffs"', 'Tariffs_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Tariffs"', 'Tariffs_stationId_key', 'UNIQUE ("stationId")');

SELECT pg_temp.citrine_add_constraint('"TransactionEvents"', 'TransactionEvents_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Transactions"', 'Transactions_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Transactions"', 'Transactions_stationId_transactionId_key', 'UNIQUE ("stationId", "transactionId")');

SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_stationId_type_variableId_componentId_key', 'UNIQUE ("stationId", type, "variableId", "componentId")');

SELECT pg_temp.citrine_add_constraint('"VariableCharacteristics"', 'VariableCharacteristics_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"VariableCharacteristics"', 'VariableCharacteristics_variableId_key', 'UNIQUE ("variableId")');

SELECT pg_temp.citrine_add_constraint('"VariableMonitoringStatuses"', 'VariableMonitoringStatuses_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"VariableMonitorings"', 'VariableMonitorings_pkey', 'PRIMARY KEY ("databaseId")');
SELECT pg_temp.citrine_add_constraint('"VariableMonitorings"', 'VariableMonitorings_stationId_id_key', 'UNIQUE ("stationId", id)');

SELECT pg_temp.citrine_add_constraint('"VariableStatuses"', 'VariableStatuses_pkey', 'PRIMARY KEY (id)');

SELECT pg_temp.citrine_add_constraint('"Variables"', 'Variables_pkey', 'PRIMARY KEY (id)');
SELECT pg_temp.citrine_add_constraint('"Variables"', 'Variables_name_instance_key', 'UNIQUE (name, instance)');

-- ---------------------------------------------------------------------------------------
-- 4. Foreign keys (added when the table has no constraint of that name).
-- ---------------------------------------------------------------------------------------
SELECT pg_temp.citrine_add_constraint('"Authorizations"', 'Authorizations_idTokenId_fkey',
    'FOREIGN KEY ("idTokenId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"Authorizations"', 'Authorizations_idTokenInfoId_fkey',
    'FOREIGN KEY ("idTokenInfoId") REFERENCES "IdTokenInfos"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ChargingNeeds"', 'ChargingNeeds_evseDatabaseId_fkey',
    'FOREIGN KEY ("evseDatabaseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"ChargingNeeds"', 'ChargingNeeds_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ChargingProfiles"', 'ChargingProfiles_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE ON DELETE SET NULL');

SELECT pg_temp.citrine_add_constraint('"ChargingSchedules"', 'ChargingSchedules_chargingProfileDatabaseId_fkey',
    'FOREIGN KEY ("chargingProfileDatabaseId") REFERENCES "ChargingProfiles"("databaseId") ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfiles_setNetworkProfileId_fkey',
    'FOREIGN KEY ("setNetworkProfileId") REFERENCES "SetNetworkProfiles"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfiles_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"ChargingStationNetworkProfiles"', 'ChargingStationNetworkProfiles_websocketServerConfigId_fkey',
    'FOREIGN KEY ("websocketServerConfigId") REFERENCES "ServerNetworkProfiles"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ChargingStationSequences"', 'ChargingStationSequences_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ChargingStations"', 'ChargingStations_locationId_fkey',
    'FOREIGN KEY ("locationId") REFERENCES "Locations"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"ComponentVariables"', 'ComponentVariables_componentId_fkey',
    'FOREIGN KEY ("componentId") REFERENCES "Components"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"ComponentVariables"', 'ComponentVariables_variableId_fkey',
    'FOREIGN KEY ("variableId") REFERENCES "Variables"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"Components"', 'Components_evseDatabaseId_fkey',
    'FOREIGN KEY ("evseDatabaseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"Connectors"', 'Connectors_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"EventData"', 'EventData_componentId_fkey',
    'FOREIGN KEY ("componentId") REFERENCES "Components"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"EventData"', 'EventData_variableId_fkey',
    'FOREIGN KEY ("variableId") REFERENCES "Variables"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"IdTokenAdditionalInfos"', 'IdTokenAdditionalInfos_additionalInfoId_fkey',
    'FOREIGN KEY ("additionalInfoId") REFERENCES "AdditionalInfos"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"IdTokenAdditionalInfos"', 'IdTokenAdditionalInfos_idTokenId_fkey',
    'FOREIGN KEY ("idTokenId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"IdTokenInfos"', 'IdTokenInfos_groupIdTokenId_fkey',
    'FOREIGN KEY ("groupIdTokenId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"LatestStatusNotifications"', 'LatestStatusNotifications_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"LatestStatusNotifications"', 'LatestStatusNotifications_statusNotificationId_fkey',
    'FOREIGN KEY ("statusNotificationId") REFERENCES "StatusNotifications"(id) ON UPDATE CASCADE ON DELETE SET NULL');

SELECT pg_temp.citrine_add_constraint('"LocalListAuthorizations"', 'LocalListAuthorizations_authorizationId_fkey',
    'FOREIGN KEY ("authorizationId") REFERENCES "Authorizations"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"LocalListAuthorizations"', 'LocalListAuthorizations_idTokenId_fkey',
    'FOREIGN KEY ("idTokenId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"LocalListAuthorizations"', 'LocalListAuthorizations_idTokenInfoId_fkey',
    'FOREIGN KEY ("idTokenInfoId") REFERENCES "IdTokenInfos"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"LocalListVersionAuthorizations"', 'LocalListVersionAuthorizations_authorizationId_fkey',
    'FOREIGN KEY ("authorizationId") REFERENCES "LocalListAuthorizations"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"LocalListVersionAuthorizations"', 'LocalListVersionAuthorizations_localListVersionId_fkey',
    'FOREIGN KEY ("localListVersionId") REFERENCES "LocalListVersions"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"MessageInfos"', 'MessageInfos_displayComponentId_fkey',
    'FOREIGN KEY ("displayComponentId") REFERENCES "Components"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"MeterValues"', 'MeterValues_stopTransactionDatabaseId_fkey',
    'FOREIGN KEY ("stopTransactionDatabaseId") REFERENCES "StopTransactions"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"MeterValues"', 'MeterValues_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"MeterValues"', 'MeterValues_transactionEventId_fkey',
    'FOREIGN KEY ("transactionEventId") REFERENCES "TransactionEvents"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"Reservations"', 'Reservations_evseId_fkey',
    'FOREIGN KEY ("evseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL');

SELECT pg_temp.citrine_add_constraint('"SalesTariffs"', 'SalesTariffs_chargingScheduleDatabaseId_fkey',
    'FOREIGN KEY ("chargingScheduleDatabaseId") REFERENCES "ChargingSchedules"("databaseId") ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"SendLocalListAuthorizations"', 'SendLocalListAuthorizations_authorizationId_fkey',
    'FOREIGN KEY ("authorizationId") REFERENCES "LocalListAuthorizations"(id) ON UPDATE CASCADE ON DELETE CASCADE');
SELECT pg_temp.citrine_add_constraint('"SendLocalListAuthorizations"', 'SendLocalListAuthorizations_sendLocalListId_fkey',
    'FOREIGN KEY ("sendLocalListId") REFERENCES "SendLocalLists"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"SetNetworkProfiles"', 'SetNetworkProfiles_websocketServerConfigId_fkey',
    'FOREIGN KEY ("websocketServerConfigId") REFERENCES "ServerNetworkProfiles"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"StartTransactions"', 'StartTransactions_connectorDatabaseId_fkey',
    'FOREIGN KEY ("connectorDatabaseId") REFERENCES "Connectors"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"StartTransactions"', 'StartTransactions_idTokenDatabaseId_fkey',
    'FOREIGN KEY ("idTokenDatabaseId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"StartTransactions"', 'StartTransactions_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"StatusNotifications"', 'StatusNotifications_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE ON DELETE SET NULL');

SELECT pg_temp.citrine_add_constraint('"StopTransactions"', 'StopTransactions_idTokenDatabaseId_fkey',
    'FOREIGN KEY ("idTokenDatabaseId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"StopTransactions"', 'StopTransactions_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE ON DELETE CASCADE');

SELECT pg_temp.citrine_add_constraint('"TransactionEvents"', 'TransactionEvents_evseId_fkey',
    'FOREIGN KEY ("evseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"TransactionEvents"', 'TransactionEvents_idTokenId_fkey',
    'FOREIGN KEY ("idTokenId") REFERENCES "IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"TransactionEvents"', 'TransactionEvents_transactionDatabaseId_fkey',
    'FOREIGN KEY ("transactionDatabaseId") REFERENCES "Transactions"(id) ON UPDATE CASCADE ON DELETE SET NULL');

SELECT pg_temp.citrine_add_constraint('"Transactions"', 'Transactions_evseDatabaseId_fkey',
    'FOREIGN KEY ("evseDatabaseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"Transactions"', 'Transactions_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_bootConfigId_fkey',
    'FOREIGN KEY ("bootConfigId") REFERENCES "Boots"(id) ON UPDATE CASCADE ON DELETE SET NULL');
SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_componentId_fkey',
    'FOREIGN KEY ("componentId") REFERENCES "Components"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_evseDatabaseId_fkey',
    'FOREIGN KEY ("evseDatabaseId") REFERENCES "Evses"("databaseId") ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_stationId_fkey',
    'FOREIGN KEY ("stationId") REFERENCES "ChargingStations"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"VariableAttributes"', 'VariableAttributes_variableId_fkey',
    'FOREIGN KEY ("variableId") REFERENCES "Variables"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"VariableCharacteristics"', 'VariableCharacteristics_variableId_fkey',
    'FOREIGN KEY ("variableId") REFERENCES "Variables"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"VariableMonitoringStatuses"', 'VariableMonitoringStatuses_variableMonitoringId_fkey',
    'FOREIGN KEY ("variableMonitoringId") REFERENCES "VariableMonitorings"("databaseId") ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"VariableMonitorings"', 'VariableMonitorings_componentId_fkey',
    'FOREIGN KEY ("componentId") REFERENCES "Components"(id) ON UPDATE CASCADE');
SELECT pg_temp.citrine_add_constraint('"VariableMonitorings"', 'VariableMonitorings_variableId_fkey',
    'FOREIGN KEY ("variableId") REFERENCES "Variables"(id) ON UPDATE CASCADE');

SELECT pg_temp.citrine_add_constraint('"VariableStatuses"', 'VariableStatuses_variableAttributeId_fkey',
    'FOREIGN KEY ("variableAttributeId") REFERENCES "VariableAttributes"(id) ON UPDATE CASCADE ON DELETE CASCADE');

-- ---------------------------------------------------------------------------------------
-- 5. Indexes that back no constraint (created when no relation of that name exists).
-- ---------------------------------------------------------------------------------------
CREATE UNIQUE INDEX IF NOT EXISTS components_name ON "Components" USING btree (name) WHERE (instance IS NULL);
CREATE INDEX IF NOT EXISTS event_data_station_id ON "EventData" USING btree ("stationId");
CREATE UNIQUE INDEX IF NOT EXISTS evses_id ON "Evses" USING btree (id) WHERE ("connectorId" IS NULL);
CREATE UNIQUE INDEX IF NOT EXISTS id_tokens_id_token ON "IdTokens" USING btree ("idToken") WHERE (type IS NULL);
CREATE INDEX IF NOT EXISTS message_infos_station_id ON "MessageInfos" USING btree ("stationId");
CREATE INDEX IF NOT EXISTS o_c_p_p_messages_correlation_id ON "OCPPMessages" USING btree ("correlationId");
CREATE INDEX IF NOT EXISTS o_c_p_p_messages_station_id ON "OCPPMessages" USING btree ("stationId");
CREATE INDEX IF NOT EXISTS security_events_station_id ON "SecurityEvents" USING btree ("stationId");
CREATE INDEX IF NOT EXISTS set_network_profiles_correlation_id ON "SetNetworkProfiles" USING btree ("correlationId");
CREATE INDEX IF NOT EXISTS subscriptions_station_id ON "Subscriptions" USING btree ("stationId");
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id ON "VariableAttributes" USING btree ("stationId") WHERE ((type IS NULL) AND ("variableId" IS NULL) AND ("componentId" IS NULL));
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_component_id ON "VariableAttributes" USING btree ("stationId", "componentId") WHERE ((type IS NULL) AND ("variableId" IS NULL));
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_type ON "VariableAttributes" USING btree ("stationId", type) WHERE (("variableId" IS NULL) AND ("componentId" IS NULL));
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_type_component_id ON "VariableAttributes" USING btree ("stationId", type, "componentId") WHERE ("variableId" IS NULL);
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_type_variable_id ON "VariableAttributes" USING btree ("stationId", type, "variableId") WHERE ("componentId" IS NULL);
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_variable_id ON "VariableAttributes" USING btree ("stationId", "variableId") WHERE ((type IS NULL) AND ("componentId" IS NULL));
CREATE UNIQUE INDEX IF NOT EXISTS variable_attributes_station_id_variable_id_component_id ON "VariableAttributes" USING btree ("stationId", "variableId", "componentId") WHERE (type IS NULL);
CREATE INDEX IF NOT EXISTS variable_monitorings_station_id ON "VariableMonitorings" USING btree ("stationId");
CREATE UNIQUE INDEX IF NOT EXISTS variables_name ON "Variables" USING btree (name) WHERE (instance IS NULL);

DROP FUNCTION pg_temp.citrine_add_constraint(regclass, name, text);
