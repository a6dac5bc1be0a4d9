-- citrine-state snapshot of version 1.7.0
-- Rendered from schema/v1_7_0.py by `citrine-migrate snapshot`; do not edit by hand.

CREATE EXTENSION IF NOT EXISTS postgis;

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

CREATE TYPE "enum_InstalledCertificates_certificateType" AS ENUM (
    'V2GRootCertificate',
    'MORootCertificate',
    'CSMSRootCertificate',
    'V2GCertificateChain',
    'ManufacturerRootCertificate'
);

CREATE TABLE "AdditionalInfos" (
	id SERIAL NOT NULL,
	"additionalIdToken" VARCHAR(255),
	type VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "AdditionalInfos_pkey" PRIMARY KEY (id),
	CONSTRAINT "AdditionalInfos_additionalIdToken_type_key" UNIQUE ("additionalIdToken", type)
);

CREATE TABLE "Authorizations" (
	id SERIAL NOT NULL,
	"allowedConnectorTypes" VARCHAR(255)[],
	"disallowedEvseIdPrefixes" VARCHAR(255)[],
	"idTokenId" INTEGER,
	"idTokenInfoId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Authorizations_pkey" PRIMARY KEY (id),
	CONSTRAINT "Authorizations_idTokenId_key" UNIQUE ("idTokenId")
);

CREATE TABLE "Boots" (
	id VARCHAR(255) NOT NULL,
	"lastBootTime" TIMESTAMP WITH TIME ZONE,
	"heartbeatInterval" INTEGER,
	"bootRetryInterval" INTEGER,
	status VARCHAR(255),
	"statusInfo" JSON,
	"getBaseReportOnPending" BOOLEAN,
	"variablesRejectedOnLastBoot" JSON,
	"bootWithRejectedVariables" BOOLEAN,
	"changeConfigurationsOnPending" BOOLEAN,
	"getConfigurationsOnPending" BOOLEAN,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Boots_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Certificates" (
	id SERIAL NOT NULL,
	"serialNumber" BIGINT,
	"issuerName" VARCHAR(255),
	"organizationName" VARCHAR(255),
	"commonName" VARCHAR(255),
	"keyLength" INTEGER,
	"validBefore" TIMESTAMP WITH TIME ZONE,
	"signatureAlgorithm" VARCHAR(255),
	"countryName" VARCHAR(255),
	"isCA" BOOLEAN,
	"pathLen" INTEGER,
	"certificateFileId" VARCHAR(255),
	"privateKeyFileId" VARCHAR(255),
	"signedBy" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Certificates_pkey" PRIMARY KEY (id),
	CONSTRAINT "Certificates_serialNumber_issuerName_key" UNIQUE ("serialNumber", "issuerName")
);

CREATE TABLE "ChangeConfigurations" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255) NOT NULL,
	key VARCHAR(50) NOT NULL,
	value VARCHAR(500),
	readonly BOOLEAN,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChangeConfigurations_pkey" PRIMARY KEY (id),
	CONSTRAINT "ChangeConfigurations_stationId_key_key" UNIQUE ("stationId", key)
);

CREATE TABLE "ChargingNeeds" (
	id SERIAL NOT NULL,
	"acChargingParameters" JSONB,
	"dcChargingParameters" JSONB,
	"departureTime" TIMESTAMP WITH TIME ZONE,
	"requestedEnergyTransfer" VARCHAR(255),
	"maxScheduleTuples" INTEGER,
	"evseDatabaseId" INTEGER,
	"transactionDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingNeeds_pkey" PRIMARY KEY (id)
);

CREATE TABLE "ChargingProfiles" (
	"databaseId" SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	id INTEGER,
	"chargingProfileKind" VARCHAR(255),
	"chargingProfilePurpose" VARCHAR(255),
	"recurrencyKind" VARCHAR(255),
	"stackLevel" INTEGER,
	"validFrom" TIMESTAMP WITH TIME ZONE,
	"validTo" TIMESTAMP WITH TIME ZONE,
	"evseId" INTEGER,
	"isActive" BOOLEAN DEFAULT false,
	"chargingLimitSource" VARCHAR(255) DEFAULT 'CSO'::character varying,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"transactionDatabaseId" INTEGER,
	CONSTRAINT "ChargingProfiles_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "ChargingProfiles_stationId_id_key" UNIQUE ("stationId", id)
);

CREATE TABLE "ChargingSchedules" (
	"databaseId" SERIAL NOT NULL,
	id INTEGER,
	"stationId" VARCHAR(255),
	"chargingRateUnit" VARCHAR(255),
	"chargingSchedulePeriod" JSONB,
	duration INTEGER,
	"minChargingRate" NUMERIC,
	"startSchedule" VARCHAR(255),
	"timeBase" TIMESTAMP WITH TIME ZONE,
	"chargingProfileDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingSchedules_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "ChargingSchedules_id_stationId_key" UNIQUE (id, "stationId")
);

CREATE TABLE "ChargingStationNetworkProfiles" (
	"stationId" VARCHAR(36) NOT NULL,
	"configurationSlot" INTEGER,
	"setNetworkProfileId" INTEGER NOT NULL,
	"websocketServerConfigId" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingStationNetworkProfiles_pkey" PRIMARY KEY ("stationId", "setNetworkProfileId"),
	CONSTRAINT "ChargingStationNetworkProfile_stationId_websocketServerConf_key" UNIQUE ("stationId", "websocketServerConfigId"),
	CONSTRAINT "ChargingStationNetworkProfiles_configurationSlot_key" UNIQUE ("configurationSlot")
);

CREATE TABLE "ChargingStationSecurityInfos" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"publicKeyFileId" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingStationSecurityInfos_pkey" PRIMARY KEY (id),
	CONSTRAINT "ChargingStationSecurityInfos_stationId_key" UNIQUE ("stationId")
);

CREATE TABLE "ChargingStationSequences" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(36) NOT NULL,
	type VARCHAR(255) NOT NULL,
	value BIGINT DEFAULT 0 NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingStationSequences_pkey" PRIMARY KEY (id),
	CONSTRAINT "ChargingStationSequences_stationId_type_key" UNIQUE ("stationId", type)
);

CREATE TABLE "ChargingStations" (
	id VARCHAR(36) NOT NULL,
	"isOnline" BOOLEAN,
	protocol VARCHAR(255),
	"chargePointVendor" VARCHAR(20),
	"chargePointModel" VARCHAR(20),
	"chargePointSerialNumber" VARCHAR(25),
	"chargeBoxSerialNumber" VARCHAR(25),
	"firmwareVersion" VARCHAR(50),
	iccid VARCHAR(20),
	imsi VARCHAR(20),
	"meterType" VARCHAR(25),
	"meterSerialNumber" VARCHAR(25),
	"locationId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ChargingStations_pkey" PRIMARY KEY (id)
);

CREATE TABLE "ComponentVariables" (
	"componentId" INTEGER NOT NULL,
	"variableId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ComponentVariables_pkey" PRIMARY KEY ("componentId", "variableId")
);

CREATE TABLE "Components" (
	id SERIAL NOT NULL,
	name VARCHAR(255),
	instance VARCHAR(255),
	"evseDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Components_pkey" PRIMARY KEY (id),
	CONSTRAINT "Components_name_instance_key" UNIQUE (name, instance)
);

CREATE TABLE "CompositeSchedules" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"evseId" INTEGER,
	duration INTEGER,
	"scheduleStart" TIMESTAMP WITH TIME ZONE,
	"chargingRateUnit" VARCHAR(255),
	"chargingSchedulePeriod" JSONB,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "CompositeSchedules_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Connectors" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255) NOT NULL,
	"connectorId" INTEGER NOT NULL,
	status "enum_Connectors_status",
	"errorCode" "enum_Connectors_errorCode",
	timestamp TIMESTAMP WITH TIME ZONE,
	info VARCHAR(255),
	"vendorId" VARCHAR(255),
	"vendorErrorCode" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Connectors_pkey" PRIMARY KEY (id),
	CONSTRAINT "Connectors_stationId_connectorId_key" UNIQUE ("stationId", "connectorId")
);

CREATE TABLE "EventData" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"eventId" INTEGER,
	trigger VARCHAR(255),
	cause INTEGER,
	timestamp TIMESTAMP WITH TIME ZONE,
	"actualValue" VARCHAR(255),
	"techCode" VARCHAR(255),
	"techInfo" VARCHAR(255),
	cleared BOOLEAN,
	"transactionId" VARCHAR(255),
	"variableMonitoringId" INTEGER,
	"eventNotificationType" VARCHAR(255),
	"variableId" INTEGER,
	"componentId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "EventData_pkey" PRIMARY KEY (id),
	CONSTRAINT "EventData_stationId_eventId_key" UNIQUE ("stationId", "eventId")
);

CREATE TABLE "Evses" (
	"databaseId" SERIAL NOT NULL,
	id INTEGER,
	"connectorId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Evses_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "Evses_id_connectorId_key" UNIQUE (id, "connectorId")
);

CREATE TABLE "IdTokenAdditionalInfos" (
	"idTokenId" INTEGER NOT NULL,
	"additionalInfoId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "IdTokenAdditionalInfos_pkey" PRIMARY KEY ("idTokenId", "additionalInfoId")
);

CREATE TABLE "IdTokenInfos" (
	id SERIAL NOT NULL,
	status VARCHAR(255),
	"cacheExpiryDateTime" TIMESTAMP WITH TIME ZONE,
	"chargingPriority" INTEGER,
	language1 VARCHAR(255),
	"groupIdTokenId" INTEGER,
	language2 VARCHAR(255),
	"personalMessage" JSON,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "IdTokenInfos_pkey" PRIMARY KEY (id)
);

CREATE TABLE "IdTokens" (
	id SERIAL NOT NULL,
	"idToken" VARCHAR(255),
	type VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "IdTokens_pkey" PRIMARY KEY (id),
	CONSTRAINT "IdTokens_idToken_type_key" UNIQUE ("idToken", type)
);

CREATE TABLE "InstalledCertificates" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(36) NOT NULL,
	"hashAlgorithm" VARCHAR(255) NOT NULL,
	"issuerNameHash" VARCHAR(255) NOT NULL,
	"issuerKeyHash" VARCHAR(255) NOT NULL,
	"serialNumber" VARCHAR(255) NOT NULL,
	"certificateType" "enum_InstalledCertificates_certificateType" NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "InstalledCertificates_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LatestStatusNotifications" (
	id SERIAL NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"stationId" VARCHAR(36),
	"statusNotificationId" INTEGER,
	CONSTRAINT "LatestStatusNotifications_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LocalListAuthorizations" (
	id SERIAL NOT NULL,
	"allowedConnectorTypes" VARCHAR(255)[],
	"disallowedEvseIdPrefixes" VARCHAR(255)[],
	"idTokenId" INTEGER,
	"idTokenInfoId" INTEGER,
	"authorizationId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "LocalListAuthorizations_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LocalListVersionAuthorizations" (
	"localListVersionId" INTEGER NOT NULL,
	"authorizationId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "LocalListVersionAuthorizations_pkey" PRIMARY KEY ("localListVersionId", "authorizationId")
);

CREATE TABLE "LocalListVersions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"versionNumber" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "LocalListVersions_pkey" PRIMARY KEY (id),
	CONSTRAINT "LocalListVersions_stationId_key" UNIQUE ("stationId")
);

CREATE TABLE "Locations" (
	id SERIAL NOT NULL,
	name VARCHAR(255),
	address VARCHAR(255),
	city VARCHAR(255),
	"postalCode" VARCHAR(255),
	state VARCHAR(255),
	country VARCHAR(255),
	coordinates geometry(POINT,0),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Locations_pkey" PRIMARY KEY (id)
);

CREATE TABLE "MessageInfos" (
	"databaseId" SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	id INTEGER,
	priority VARCHAR(255),
	state VARCHAR(255),
	"startDateTime" TIMESTAMP WITH TIME ZONE,
	"endDateTime" TIMESTAMP WITH TIME ZONE,
	"transactionId" VARCHAR(255),
	message JSON,
	active BOOLEAN,
	"displayComponentId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "MessageInfos_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "MessageInfos_stationId_id_key" UNIQUE ("stationId", id)
);

CREATE TABLE "MeterValues" (
	id SERIAL NOT NULL,
	"transactionEventId" INTEGER,
	"transactionDatabaseId" INTEGER,
	"stopTransactionDatabaseId" INTEGER,
	"sampledValue" JSON,
	timestamp TIMESTAMP WITH TIME ZONE,
	"connectorId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "MeterValues_pkey" PRIMARY KEY (id)
);

CREATE TABLE "OCPPMessages" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"correlationId" VARCHAR(255),
	origin VARCHAR(255),
	protocol VARCHAR(255),
	action VARCHAR(255),
	message JSONB,
	timestamp TIMESTAMP WITH TIME ZONE,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "OCPPMessages_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Reservations" (
	"databaseId" SERIAL NOT NULL,
	id INTEGER,
	"stationId" VARCHAR(255),
	"expiryDateTime" TIMESTAMP WITH TIME ZONE,
	"connectorType" VARCHAR(255),
	"reserveStatus" VARCHAR(255),
	"isActive" BOOLEAN DEFAULT false,
	"terminatedByTransaction" VARCHAR(255),
	"idToken" JSONB,
	"groupIdToken" JSONB,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"evseId" INTEGER,
	CONSTRAINT "Reservations_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "Reservations_id_stationId_key" UNIQUE (id, "stationId")
);

CREATE TABLE "SalesTariffs" (
	"databaseId" SERIAL NOT NULL,
	id INTEGER,
	"numEPriceLevels" INTEGER,
	"salesTariffDescription" VARCHAR(255),
	"salesTariffEntry" JSONB,
	"chargingScheduleDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "SalesTariffs_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "SalesTariffs_id_chargingScheduleDatabaseId_key" UNIQUE (id, "chargingScheduleDatabaseId")
);

CREATE TABLE "SecurityEvents" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	type VARCHAR(255),
	timestamp TIMESTAMP WITH TIME ZONE,
	"techInfo" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "SecurityEvents_pkey" PRIMARY KEY (id)
);

CREATE TABLE "SendLocalListAuthorizations" (
	"sendLocalListId" INTEGER NOT NULL,
	"authorizationId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "SendLocalListAuthorizations_pkey" PRIMARY KEY ("sendLocalListId", "authorizationId")
);

CREATE TABLE "SendLocalLists" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"correlationId" VARCHAR(255),
	"versionNumber" INTEGER,
	"updateType" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "SendLocalLists_pkey" PRIMARY KEY (id)
);

CREATE TABLE "ServerNetworkProfiles" (
	id VARCHAR(255) NOT NULL,
	host VARCHAR(255),
	port INTEGER,
	"pingInterval" INTEGER,
	protocol VARCHAR(255),
	"messageTimeout" INTEGER,
	"securityProfile" INTEGER,
	"allowUnknownChargingStations" BOOLEAN,
	"tlsKeyFilePath" VARCHAR(255),
	"tlsCertificateChainFilePath" VARCHAR(255),
	"mtlsCertificateAuthorityKeyFilePath" VARCHAR(255),
	"rootCACertificateFilePath" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "ServerNetworkProfiles_pkey" PRIMARY KEY (id)
);

CREATE TABLE "SetNetworkProfiles" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"correlationId" VARCHAR(255),
	"websocketServerConfigId" VARCHAR(255),
	"configurationSlot" INTEGER,
	"ocppVersion" VARCHAR(255),
	"ocppTransport" VARCHAR(255),
	"ocppCsmsUrl" VARCHAR(255),
	"messageTimeout" INTEGER,
	"securityProfile" INTEGER,
	"ocppInterface" VARCHAR(255),
	apn VARCHAR(255),
	vpn VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "SetNetworkProfiles_pkey" PRIMARY KEY (id),
	CONSTRAINT "SetNetworkProfiles_correlationId_key" UNIQUE ("correlationId")
);

CREATE TABLE "StartTransactions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"meterStart" INTEGER,
	timestamp TIMESTAMP WITH TIME ZONE,
	"reservationId" INTEGER,
	"transactionDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"idTokenDatabaseId" INTEGER,
	"connectorDatabaseId" INTEGER,
	CONSTRAINT "StartTransactions_pkey" PRIMARY KEY (id),
	CONSTRAINT "StartTransactions_transactionDatabaseId_key" UNIQUE ("transactionDatabaseId")
);

CREATE TABLE "StatusNotifications" (
	id SERIAL NOT NULL,
	timestamp TIMESTAMP WITH TIME ZONE,
	"connectorStatus" VARCHAR(255),
	"evseId" INTEGER,
	"connectorId" INTEGER,
	"errorCode" VARCHAR(255),
	info VARCHAR(255),
	"vendorId" VARCHAR(255),
	"vendorErrorCode" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"stationId" VARCHAR(36),
	CONSTRAINT "StatusNotifications_pkey" PRIMARY KEY (id)
);

CREATE TABLE "StopTransactions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"transactionDatabaseId" INTEGER,
	"meterStop" INTEGER,
	timestamp TIMESTAMP WITH TIME ZONE,
	reason VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"idTokenDatabaseId" INTEGER,
	CONSTRAINT "StopTransactions_pkey" PRIMARY KEY (id),
	CONSTRAINT "StopTransactions_transactionDatabaseId_key" UNIQUE ("transactionDatabaseId")
);

CREATE TABLE "Subscriptions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"onConnect" BOOLEAN DEFAULT false,
	"onClose" BOOLEAN DEFAULT false,
	"onMessage" BOOLEAN DEFAULT false,
	"sentMessage" BOOLEAN DEFAULT false,
	"messageRegexFilter" VARCHAR(255),
	url VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Subscriptions_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Tariffs" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	currency CHAR(3) NOT NULL,
	"pricePerKwh" NUMERIC NOT NULL,
	"pricePerMin" NUMERIC,
	"pricePerSession" NUMERIC,
	"authorizationAmount" NUMERIC,
	"paymentFee" NUMERIC,
	"taxRate" NUMERIC,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Tariffs_pkey" PRIMARY KEY (id),
	CONSTRAINT "Tariffs_stationId_key" UNIQUE ("stationId")
);

CREATE TABLE "TransactionEvents" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"eventType" VARCHAR(255),
	timestamp TIMESTAMP WITH TIME ZONE,
	"triggerReason" VARCHAR(255),
	"seqNo" INTEGER,
	offline BOOLEAN DEFAULT false,
	"numberOfPhasesUsed" INTEGER,
	"cableMaxCurrent" NUMERIC,
	"reservationId" INTEGER,
	"transactionInfo" JSON,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"transactionDatabaseId" INTEGER,
	"evseId" INTEGER,
	"idTokenId" INTEGER,
	CONSTRAINT "TransactionEvents_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Transactions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"evseDatabaseId" INTEGER,
	"transactionId" VARCHAR(255),
	"isActive" BOOLEAN,
	"chargingState" VARCHAR(255),
	"timeSpentCharging" BIGINT,
	"totalKwh" NUMERIC,
	"stoppedReason" VARCHAR(255),
	"remoteStartId" INTEGER,
	"totalCost" NUMERIC,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Transactions_pkey" PRIMARY KEY (id),
	CONSTRAINT "Transactions_stationId_transactionId_key" UNIQUE ("stationId", "transactionId")
);

CREATE TABLE "VariableAttributes" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255) NOT NULL,
	type VARCHAR(255) DEFAULT 'Actual'::character varying,
	"dataType" VARCHAR(255) DEFAULT 'string'::character varying,
	value VARCHAR(4000),
	mutability VARCHAR(255) DEFAULT 'ReadWrite'::character varying,
	persistent BOOLEAN DEFAULT false,
	constant BOOLEAN DEFAULT false,
	"generatedAt" TIMESTAMP WITH TIME ZONE,
	"variableId" INTEGER,
	"componentId" INTEGER,
	"evseDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"bootConfigId" VARCHAR(255),
	CONSTRAINT "VariableAttributes_pkey" PRIMARY KEY (id),
	CONSTRAINT "VariableAttributes_stationId_type_variableId_componentId_key" UNIQUE ("stationId", type, "variableId", "componentId")
);

CREATE TABLE "VariableCharacteristics" (
	id SERIAL NOT NULL,
	unit VARCHAR(255),
	"dataType" VARCHAR(255),
	"minLimit" NUMERIC,
	"maxLimit" NUMERIC,
	"valuesList" VARCHAR(4000),
	"supportsMonitoring" BOOLEAN,
	"variableId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "VariableCharacteristics_pkey" PRIMARY KEY (id),
	CONSTRAINT "VariableCharacteristics_variableId_key" UNIQUE ("variableId")
);

CREATE TABLE "VariableMonitoringStatuses" (
	id SERIAL NOT NULL,
	status VARCHAR(255),
	"statusInfo" JSON,
	"variableMonitoringId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "VariableMonitoringStatuses_pkey" PRIMARY KEY (id)
);

CREATE TABLE "VariableMonitorings" (
	"databaseId" SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	id INTEGER,
	transaction BOOLEAN,
	value INTEGER,
	type VARCHAR(255),
	severity INTEGER,
	"variableId" INTEGER,
	"componentId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "VariableMonitorings_pkey" PRIMARY KEY ("databaseId"),
	CONSTRAINT "VariableMonitorings_stationId_id_key" UNIQUE ("stationId", id)
);

CREATE TABLE "VariableStatuses" (
	id SERIAL NOT NULL,
	value VARCHAR(4000),
	status VARCHAR(255),
	"statusInfo" JSON,
	"variableAttributeId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "VariableStatuses_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Variables" (
	id SERIAL NOT NULL,
	name VARCHAR(255),
	instance VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "Variables_pkey" PRIMARY KEY (id),
	CONSTRAINT "Variables_name_instance_key" UNIQUE (name, instance)
);

CREATE UNIQUE INDEX components_name ON "Components" (name) WHERE instance IS NULL;

CREATE INDEX event_data_station_id ON "EventData" ("stationId");

CREATE UNIQUE INDEX evses_id ON "Evses" (id) WHERE "connectorId" IS NULL;

CREATE UNIQUE INDEX id_tokens_id_token ON "IdTokens" ("idToken") WHERE type IS NULL;

CREATE INDEX message_infos_station_id ON "MessageInfos" ("stationId");

CREATE INDEX o_c_p_p_messages_correlation_id ON "OCPPMessages" ("correlationId");

CREATE INDEX o_c_p_p_messages_station_id ON "OCPPMessages" ("stationId");

CREATE INDEX security_events_station_id ON "SecurityEvents" ("stationId");

CREATE INDEX set_network_profiles_correlation_id ON "SetNetworkProfiles" ("correlationId");

CREATE INDEX subscriptions_station_id ON "Subscriptions" ("stationId");

CREATE UNIQUE INDEX variable_attributes_station_id ON "VariableAttributes" ("stationId") WHERE (type IS NULL) AND ("variableId" IS NULL) AND ("componentId" IS NULL);

CREATE UNIQUE INDEX variable_attributes_station_id_component_id ON "VariableAttributes" ("stationId", "componentId") WHERE (type IS NULL) AND ("variableId" IS NULL);

CREATE UNIQUE INDEX variable_attributes_station_id_type ON "VariableAttributes" ("stationId", type) WHERE ("variableId" IS NULL) AND ("componentId" IS NULL);

CREATE UNIQUE INDEX variable_attributes_station_id_type_component_id ON "VariableAttributes" ("stationId", type, "componentId") WHERE "variableId" IS NULL;

CREATE UNIQUE INDEX variable_attributes_station_id_type_variable_id ON "VariableAttributes" ("stationId", type, "variableId") WHERE "componentId" IS NULL;

CREATE UNIQUE INDEX variable_attributes_station_id_variable_id ON "VariableAttributes" ("stationId", "variableId") WHERE (type IS NULL) AND ("componentId" IS NULL);

CREATE UNIQUE INDEX variable_attributes_station_id_variable_id_component_id ON "VariableAttributes" ("stationId", "variableId", "componentId") WHERE type IS NULL;

CREATE INDEX variable_monitorings_station_id ON "VariableMonitorings" ("stationId");

CREATE UNIQUE INDEX variables_name ON "Variables" (name) WHERE instance IS NULL;

ALTER TABLE "Authorizations" ADD CONSTRAINT "Authorizations_idTokenId_fkey" FOREIGN KEY("idTokenId") REFERENCES "IdTokens" (id) ON UPDATE CASCADE;

ALTER TABLE "Authorizations" ADD CONSTRAINT "Authorizations_idTokenInfoId_fkey" FOREIGN KEY("idTokenInfoId") REFERENCES "IdTokenInfos" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingNeeds" ADD CONSTRAINT "ChargingNeeds_evseDatabaseId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "Evses" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "ChargingNeeds" ADD CONSTRAINT "ChargingNeeds_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingProfiles" ADD CONSTRAINT "ChargingProfiles_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ChargingSchedules" ADD CONSTRAINT "ChargingSchedules_chargingProfileDatabaseId_fkey" FOREIGN KEY("chargingProfileDatabaseId") REFERENCES "ChargingProfiles" ("databaseId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_setNetworkProfileId_fkey" FOREIGN KEY("setNetworkProfileId") REFERENCES "SetNetworkProfiles" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_websocketServerConfigId_fkey" FOREIGN KEY("websocketServerConfigId") REFERENCES "ServerNetworkProfiles" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingStationSequences" ADD CONSTRAINT "ChargingStationSequences_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingStations" ADD CONSTRAINT "ChargingStations_locationId_fkey" FOREIGN KEY("locationId") REFERENCES "Locations" (id) ON UPDATE CASCADE;

ALTER TABLE "ComponentVariables" ADD CONSTRAINT "ComponentVariables_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ComponentVariables" ADD CONSTRAINT "ComponentVariables_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Components" ADD CONSTRAINT "Components_evseDatabaseId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "Evses" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "Connectors" ADD CONSTRAINT "Connectors_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "EventData" ADD CONSTRAINT "EventData_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "EventData" ADD CONSTRAINT "EventData_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "IdTokenAdditionalInfos" ADD CONSTRAINT "IdTokenAdditionalInfos_additionalInfoId_fkey" FOREIGN KEY("additionalInfoId") REFERENCES "AdditionalInfos" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "IdTokenAdditionalInfos" ADD CONSTRAINT "IdTokenAdditionalInfos_idTokenId_fkey" FOREIGN KEY("idTokenId") REFERENCES "IdTokens" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "IdTokenInfos" ADD CONSTRAINT "IdTokenInfos_groupIdTokenId_fkey" FOREIGN KEY("groupIdTokenId") REFERENCES "IdTokens" (id) ON UPDATE CASCADE;

ALTER TABLE "LatestStatusNotifications" ADD CONSTRAINT "LatestStatusNotifications_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "LatestStatusNotifications" ADD CONSTRAINT "LatestStatusNotifications_statusNotificationId_fkey" FOREIGN KEY("statusNotificationId") REFERENCES "StatusNotifications" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "Authorizations" (id) ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_idTokenId_fkey" FOREIGN KEY("idTokenId") REFERENCES "IdTokens" (id) ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_idTokenInfoId_fkey" FOREIGN KEY("idTokenInfoId") REFERENCES "IdTokenInfos" (id) ON UPDATE CASCADE;

ALTER TABLE "LocalListVersionAuthorizations" ADD CONSTRAINT "LocalListVersionAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "LocalListAuthorizations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "LocalListVersionAuthorizations" ADD CONSTRAINT "LocalListVersionAuthorizations_localListVersionId_fkey" FOREIGN KEY("localListVersionId") REFERENCES "LocalListVersions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MessageInfos" ADD CONSTRAINT "MessageInfos_displayComponentId_fkey" FOREIGN KEY("displayComponentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_stopTransactionDatabaseId_fkey" FOREIGN KEY("stopTransactionDatabaseId") REFERENCES "StopTransactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_transactionEventId_fkey" FOREIGN KEY("transactionEventId") REFERENCES "TransactionEvents" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Reservations" ADD CONSTRAINT "Reservations_evseId_fkey" FOREIGN KEY("evseId") REFERENCES "Evses" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "SalesTariffs" ADD CONSTRAINT "SalesTariffs_chargingScheduleDatabaseId_fkey" FOREIGN KEY("chargingScheduleDatabaseId") REFERENCES "ChargingSchedules" ("databaseId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SendLocalListAuthorizations" ADD CONSTRAINT "SendLocalListAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "LocalListAuthorizations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SendLocalListAuthorizations" ADD CONSTRAINT "SendLocalListAuthorizations_sendLocalListId_fkey" FOREIGN KEY("sendLocalListId") REFERENCES "SendLocalLists" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SetNetworkProfiles" ADD CONSTRAINT "SetNetworkProfiles_websocketServerConfigId_fkey" FOREIGN KEY("websocketServerConfigId") REFERENCES "ServerNetworkProfiles" (id) ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_connectorDatabaseId_fkey" FOREIGN KEY("connectorDatabaseId") REFERENCES "Connectors" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_idTokenDatabaseId_fkey" FOREIGN KEY("idTokenDatabaseId") REFERENCES "IdTokens" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StatusNotifications" ADD CONSTRAINT "StatusNotifications_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StopTransactions" ADD CONSTRAINT "StopTransactions_idTokenDatabaseId_fkey" FOREIGN KEY("idTokenDatabaseId") REFERENCES "IdTokens" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StopTransactions" ADD CONSTRAINT "StopTransactions_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_evseId_fkey" FOREIGN KEY("evseId") REFERENCES "Evses" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_idTokenId_fkey" FOREIGN KEY("idTokenId") REFERENCES "IdTokens" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_evseDatabaseId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "Evses" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_bootConfigId_fkey" FOREIGN KEY("bootConfigId") REFERENCES "Boots" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_evseDatabaseId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "Evses" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableCharacteristics" ADD CONSTRAINT "VariableCharacteristics_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableMonitoringStatuses" ADD CONSTRAINT "VariableMonitoringStatuses_variableMonitoringId_fkey" FOREIGN KEY("variableMonitoringId") REFERENCES "VariableMonitorings" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "VariableMonitorings" ADD CONSTRAINT "VariableMonitorings_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableMonitorings" ADD CONSTRAINT "VariableMonitorings_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableStatuses" ADD CONSTRAINT "VariableStatuses_variableAttributeId_fkey" FOREIGN KEY("variableAttributeId") REFERENCES "VariableAttributes" (id) ON DELETE CASCADE ON UPDATE CASCADE;
