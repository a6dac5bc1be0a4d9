-- citrine-state snapshot of version 1.8.3
-- Rendered from schema/v1_8_3.py (changes to 1.8.2) by `citrine-migrate snapshot`; do not edit by hand.

CREATE EXTENSION IF NOT EXISTS citext;

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE "AsyncJobStatuses" (
	"jobId" VARCHAR(255) NOT NULL,
	"jobName" VARCHAR(255) NOT NULL,
	"tenantPartnerId" INTEGER NOT NULL,
	"finishedAt" TIMESTAMP WITH TIME ZONE,
	"stoppedAt" TIMESTAMP WITH TIME ZONE,
	"stopScheduled" BOOLEAN DEFAULT false NOT NULL,
	"isFailed" BOOLEAN DEFAULT false NOT NULL,
	"paginationParams" JSON NOT NULL,
	"totalObjects" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "AsyncJobStatuses_pkey" PRIMARY KEY ("jobId")
);

CREATE TABLE "Authorizations" (
	id SERIAL NOT NULL,
	"allowedConnectorTypes" VARCHAR(255)[],
	"disallowedEvseIdPrefixes" VARCHAR(255)[],
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"concurrentTransaction" BOOLEAN DEFAULT false,
	"realTimeAuth" VARCHAR(255) DEFAULT 'Never'::character varying NOT NULL,
	"realTimeAuthUrl" VARCHAR(255),
	"idToken" CITEXT NOT NULL,
	"idTokenType" VARCHAR(255),
	"additionalInfo" JSONB,
	status VARCHAR(255) DEFAULT 'Accepted'::character varying NOT NULL,
	"cacheExpiryDateTime" TIMESTAMP WITH TIME ZONE,
	"chargingPriority" INTEGER,
	language1 VARCHAR(255),
	language2 VARCHAR(255),
	"personalMessage" JSON,
	"customData" JSONB,
	"groupAuthorizationId" INTEGER,
	"tenantPartnerId" INTEGER,
	"realTimeAuthLastAttempt" JSONB,
	"realTimeAuthTimeout" INTEGER,
	CONSTRAINT "Authorizations_pkey" PRIMARY KEY (id)
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"certificateFileHash" VARCHAR(255),
	CONSTRAINT "Certificates_pkey" PRIMARY KEY (id),
	CONSTRAINT "Certificates_serialNumber_issuerName_key" UNIQUE ("serialNumber", "issuerName"),
	CONSTRAINT "Certificates_certificateFileHash_key" UNIQUE ("certificateFileHash")
);

CREATE TABLE "ChangeConfigurations" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255) NOT NULL,
	key VARCHAR(50) NOT NULL,
	value VARCHAR(500),
	readonly BOOLEAN,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"evseId" INTEGER,
	"transactionDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	coordinates geometry(POINT,0),
	"floorLevel" VARCHAR(255),
	"parkingRestrictions" JSONB,
	capabilities JSONB,
	"use16StatusNotification0" BOOLEAN DEFAULT true NOT NULL,
	"latestOcppMessageTimestamp" TIMESTAMP WITH TIME ZONE,
	CONSTRAINT "ChargingStations_pkey" PRIMARY KEY (id)
);

CREATE TABLE "ComponentVariables" (
	"componentId" INTEGER NOT NULL,
	"variableId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "ComponentVariables_pkey" PRIMARY KEY ("componentId", "variableId")
);

CREATE TABLE "Components" (
	id SERIAL NOT NULL,
	name VARCHAR(255),
	instance VARCHAR(255),
	"evseDatabaseId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "CompositeSchedules_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Connectors" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255) NOT NULL,
	"connectorId" INTEGER,
	status VARCHAR(255) DEFAULT 'Unknown'::character varying,
	"errorCode" VARCHAR(255) DEFAULT 'NoError'::character varying,
	timestamp TIMESTAMP WITH TIME ZONE,
	info VARCHAR(255),
	"vendorId" VARCHAR(255),
	"vendorErrorCode" VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"evseId" INTEGER,
	"evseTypeConnectorId" INTEGER,
	type VARCHAR(255),
	format VARCHAR(255),
	"powerType" VARCHAR(255),
	"maximumAmperage" INTEGER,
	"maximumVoltage" INTEGER,
	"maximumPowerWatts" INTEGER,
	"termsAndConditionsUrl" VARCHAR(255),
	CONSTRAINT "Connectors_pkey" PRIMARY KEY (id),
	CONSTRAINT "Connectors_stationId_connectorId_key" UNIQUE ("stationId", "connectorId")
);

CREATE TABLE "DeleteCertificateAttempts" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(36) NOT NULL,
	"hashAlgorithm" VARCHAR(255) NOT NULL,
	"issuerNameHash" VARCHAR(255),
	"issuerKeyHash" VARCHAR(255),
	"serialNumber" VARCHAR(255),
	status VARCHAR(255),
	"tenantId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "DeleteCertificateAttempts_pkey" PRIMARY KEY (id)
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "EventData_pkey" PRIMARY KEY (id),
	CONSTRAINT "EventData_stationId_eventId_key" UNIQUE ("stationId", "eventId")
);

CREATE TABLE "EvseTypes" (
	"databaseId" SERIAL NOT NULL,
	id INTEGER,
	"connectorId" INTEGER,
	"tenantId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "EvseTypes_pkey" PRIMARY KEY ("databaseId")
);

CREATE TABLE "Evses" (
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"stationId" VARCHAR(36),
	"evseTypeId" INTEGER,
	"evseId" VARCHAR(255),
	"physicalReference" VARCHAR(255),
	removed BOOLEAN,
	id SERIAL NOT NULL,
	CONSTRAINT "Evses_pkey" PRIMARY KEY (id)
);

CREATE TABLE "InstallCertificateAttempts" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(36) NOT NULL,
	"certificateType" VARCHAR(255) NOT NULL,
	"certificateId" INTEGER,
	status VARCHAR(255),
	"tenantId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "InstallCertificateAttempts_pkey" PRIMARY KEY (id)
);

CREATE TABLE "InstalledCertificates" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(36) NOT NULL,
	"hashAlgorithm" VARCHAR(255) NOT NULL,
	"issuerNameHash" VARCHAR(255) NOT NULL,
	"issuerKeyHash" VARCHAR(255) NOT NULL,
	"serialNumber" VARCHAR(255) NOT NULL,
	"certificateType" VARCHAR(255) NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"certificateId" INTEGER,
	CONSTRAINT "InstalledCertificates_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LatestStatusNotifications" (
	id SERIAL NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"stationId" VARCHAR(36),
	"statusNotificationId" INTEGER,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "LatestStatusNotifications_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LocalListAuthorizations" (
	id SERIAL NOT NULL,
	"allowedConnectorTypes" VARCHAR(255)[],
	"disallowedEvseIdPrefixes" VARCHAR(255)[],
	"authorizationId" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"groupAuthorizationId" INTEGER,
	"idToken" VARCHAR(255) NOT NULL,
	"idTokenType" VARCHAR(255),
	"additionalInfo" JSONB,
	status VARCHAR(255) DEFAULT 'Accepted'::character varying NOT NULL,
	"cacheExpiryDateTime" TIMESTAMP WITH TIME ZONE,
	"chargingPriority" INTEGER,
	language1 VARCHAR(255),
	language2 VARCHAR(255),
	"personalMessage" JSON,
	"customData" JSONB,
	CONSTRAINT "LocalListAuthorizations_pkey" PRIMARY KEY (id)
);

CREATE TABLE "LocalListVersionAuthorizations" (
	"localListVersionId" INTEGER NOT NULL,
	"authorizationId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "LocalListVersionAuthorizations_pkey" PRIMARY KEY ("localListVersionId", "authorizationId")
);

CREATE TABLE "LocalListVersions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
	"versionNumber" INTEGER,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"publishUpstream" BOOLEAN DEFAULT true,
	"timeZone" VARCHAR(255) DEFAULT 'UTC'::character varying,
	"parkingType" VARCHAR(255),
	facilities JSONB,
	"openingHours" JSONB,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"customData" JSONB,
	"tariffId" INTEGER,
	"transactionId" VARCHAR(255),
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	state VARCHAR(255),
	"requestMessageId" INTEGER,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "SecurityEvents_pkey" PRIMARY KEY (id)
);

CREATE TABLE "SendLocalListAuthorizations" (
	"sendLocalListId" INTEGER NOT NULL,
	"authorizationId" INTEGER NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"dynamicTenantResolution" BOOLEAN DEFAULT false NOT NULL,
	"maxConnectionsPerTenant" INTEGER,
	"tenantPathMapping" JSONB,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"idTokenValue" VARCHAR(255),
	"idTokenType" VARCHAR(255),
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"connectorId" INTEGER,
	"tariffAltText" VARCHAR(255),
	CONSTRAINT "Tariffs_pkey" PRIMARY KEY (id),
	CONSTRAINT "Tariffs_stationId_key" UNIQUE ("stationId")
);

CREATE TABLE "TenantPartners" (
	id SERIAL NOT NULL,
	"partyId" VARCHAR(255) NOT NULL,
	"countryCode" VARCHAR(255) NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"partnerProfileOCPI" JSONB,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT "TenantPartners_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Tenants" (
	id SERIAL NOT NULL,
	name VARCHAR(255) NOT NULL,
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"partyId" VARCHAR(255),
	"countryCode" VARCHAR(255),
	url VARCHAR(255),
	"serverProfileOCPI" JSONB,
	"isUserTenant" BOOLEAN DEFAULT false NOT NULL,
	CONSTRAINT "Tenants_pkey" PRIMARY KEY (id)
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"idTokenValue" VARCHAR(255),
	"idTokenType" VARCHAR(255),
	CONSTRAINT "TransactionEvents_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Transactions" (
	id SERIAL NOT NULL,
	"stationId" VARCHAR(255),
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	"locationId" INTEGER,
	"evseId" INTEGER,
	"connectorId" INTEGER,
	"authorizationId" INTEGER,
	"tariffId" INTEGER,
	"startTime" TIMESTAMP WITH TIME ZONE,
	"endTime" TIMESTAMP WITH TIME ZONE,
	"customData" JSONB,
	"meterStart" NUMERIC,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
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
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "VariableStatuses_pkey" PRIMARY KEY (id)
);

CREATE TABLE "Variables" (
	id SERIAL NOT NULL,
	name VARCHAR(255),
	instance VARCHAR(255),
	"createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
	"tenantId" INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT "Variables_pkey" PRIMARY KEY (id),
	CONSTRAINT "Variables_name_instance_key" UNIQUE (name, instance)
);

COMMENT ON COLUMN "ServerNetworkProfiles"."dynamicTenantResolution" IS 'Enable dynamic tenant resolution at WebSocket upgrade time';

COMMENT ON COLUMN "ServerNetworkProfiles"."maxConnectionsPerTenant" IS 'Maximum number of concurrent connections allowed per tenant';

COMMENT ON COLUMN "ServerNetworkProfiles"."tenantPathMapping" IS 'Mapping of URL path segments to tenant IDs';

COMMENT ON COLUMN "Tenants"."isUserTenant" IS 'Indicates if this tenant is a user tenant';

CREATE UNIQUE INDEX "idToken_type" ON "Authorizations" ("idToken", "idTokenType");

CREATE INDEX idx_charging_stations_latest_ocpp_message_timestamp ON "ChargingStations" ("latestOcppMessageTimestamp");

CREATE UNIQUE INDEX components_name ON "Components" (name) WHERE instance IS NULL;

CREATE INDEX event_data_station_id ON "EventData" ("stationId");

CREATE INDEX message_infos_station_id ON "MessageInfos" ("stationId");

CREATE INDEX idx_ocpp_messages_request_message_id ON "OCPPMessages" ("requestMessageId");

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

ALTER TABLE "AsyncJobStatuses" ADD CONSTRAINT "AsyncJobStatuses_tenantPartnerId_fkey" FOREIGN KEY("tenantPartnerId") REFERENCES "TenantPartners" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Authorizations" ADD CONSTRAINT "Authorizations_groupAuthorizationId_fkey" FOREIGN KEY("groupAuthorizationId") REFERENCES "Authorizations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Authorizations" ADD CONSTRAINT "Authorizations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Authorizations" ADD CONSTRAINT "Authorizations_tenantPartnerId_fkey" FOREIGN KEY("tenantPartnerId") REFERENCES "TenantPartners" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Boots" ADD CONSTRAINT "Boots_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Certificates" ADD CONSTRAINT "Certificates_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChangeConfigurations" ADD CONSTRAINT "ChangeConfigurations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingNeeds" ADD CONSTRAINT "ChargingNeeds_evseId_fkey" FOREIGN KEY("evseId") REFERENCES "Evses" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ChargingNeeds" ADD CONSTRAINT "ChargingNeeds_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingNeeds" ADD CONSTRAINT "ChargingNeeds_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingProfiles" ADD CONSTRAINT "ChargingProfiles_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingProfiles" ADD CONSTRAINT "ChargingProfiles_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ChargingSchedules" ADD CONSTRAINT "ChargingSchedules_chargingProfileDatabaseId_fkey" FOREIGN KEY("chargingProfileDatabaseId") REFERENCES "ChargingProfiles" ("databaseId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingSchedules" ADD CONSTRAINT "ChargingSchedules_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_setNetworkProfileId_fkey" FOREIGN KEY("setNetworkProfileId") REFERENCES "SetNetworkProfiles" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingStationNetworkProfiles" ADD CONSTRAINT "ChargingStationNetworkProfiles_websocketServerConfigId_fkey" FOREIGN KEY("websocketServerConfigId") REFERENCES "ServerNetworkProfiles" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingStationSecurityInfos" ADD CONSTRAINT "ChargingStationSecurityInfos_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingStationSequences" ADD CONSTRAINT "ChargingStationSequences_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingStationSequences" ADD CONSTRAINT "ChargingStationSequences_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ChargingStations" ADD CONSTRAINT "ChargingStations_locationId_fkey" FOREIGN KEY("locationId") REFERENCES "Locations" (id) ON UPDATE CASCADE;

ALTER TABLE "ChargingStations" ADD CONSTRAINT "ChargingStations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ComponentVariables" ADD CONSTRAINT "ComponentVariables_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ComponentVariables" ADD CONSTRAINT "ComponentVariables_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ComponentVariables" ADD CONSTRAINT "ComponentVariables_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Components" ADD CONSTRAINT "Components_evseTypeId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "EvseTypes" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Components" ADD CONSTRAINT "Components_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CompositeSchedules" ADD CONSTRAINT "CompositeSchedules_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Connectors" ADD CONSTRAINT "Connectors_evseId_fkey" FOREIGN KEY("evseId") REFERENCES "Evses" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Connectors" ADD CONSTRAINT "Connectors_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Connectors" ADD CONSTRAINT "Connectors_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "DeleteCertificateAttempts" ADD CONSTRAINT "DeleteCertificateAttempts_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id);

ALTER TABLE "DeleteCertificateAttempts" ADD CONSTRAINT "DeleteCertificateAttempts_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "EventData" ADD CONSTRAINT "EventData_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "EventData" ADD CONSTRAINT "EventData_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "EventData" ADD CONSTRAINT "EventData_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "EvseTypes" ADD CONSTRAINT "EvseTypes_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Evses" ADD CONSTRAINT "Evses_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Evses" ADD CONSTRAINT "Evses_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "InstallCertificateAttempts" ADD CONSTRAINT "InstallCertificateAttempts_certificateId_fkey" FOREIGN KEY("certificateId") REFERENCES "Certificates" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "InstallCertificateAttempts" ADD CONSTRAINT "InstallCertificateAttempts_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id);

ALTER TABLE "InstallCertificateAttempts" ADD CONSTRAINT "InstallCertificateAttempts_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "InstalledCertificates" ADD CONSTRAINT "InstalledCertificates_certificateId_fkey" FOREIGN KEY("certificateId") REFERENCES "Certificates" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "InstalledCertificates" ADD CONSTRAINT "InstalledCertificates_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "LatestStatusNotifications" ADD CONSTRAINT "LatestStatusNotifications_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "LatestStatusNotifications" ADD CONSTRAINT "LatestStatusNotifications_statusNotificationId_fkey" FOREIGN KEY("statusNotificationId") REFERENCES "StatusNotifications" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "LatestStatusNotifications" ADD CONSTRAINT "LatestStatusNotifications_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "Authorizations" (id) ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_groupAuthorizationId_fkey" FOREIGN KEY("groupAuthorizationId") REFERENCES "Authorizations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "LocalListAuthorizations" ADD CONSTRAINT "LocalListAuthorizations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "LocalListVersionAuthorizations" ADD CONSTRAINT "LocalListVersionAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "LocalListAuthorizations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "LocalListVersionAuthorizations" ADD CONSTRAINT "LocalListVersionAuthorizations_localListVersionId_fkey" FOREIGN KEY("localListVersionId") REFERENCES "LocalListVersions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "LocalListVersionAuthorizations" ADD CONSTRAINT "LocalListVersionAuthorizations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "LocalListVersions" ADD CONSTRAINT "LocalListVersions_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Locations" ADD CONSTRAINT "Locations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MessageInfos" ADD CONSTRAINT "MessageInfos_displayComponentId_fkey" FOREIGN KEY("displayComponentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "MessageInfos" ADD CONSTRAINT "MessageInfos_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_stopTransactionDatabaseId_fkey" FOREIGN KEY("stopTransactionDatabaseId") REFERENCES "StopTransactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_tariffId_fkey" FOREIGN KEY("tariffId") REFERENCES "Tariffs" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MeterValues" ADD CONSTRAINT "MeterValues_transactionEventId_fkey" FOREIGN KEY("transactionEventId") REFERENCES "TransactionEvents" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OCPPMessages" ADD CONSTRAINT "OCPPMessages_requestMessageId_fkey" FOREIGN KEY("requestMessageId") REFERENCES "OCPPMessages" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "OCPPMessages" ADD CONSTRAINT "OCPPMessages_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Reservations" ADD CONSTRAINT "Reservations_evseTypeId_fkey" FOREIGN KEY("evseId") REFERENCES "EvseTypes" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Reservations" ADD CONSTRAINT "Reservations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SalesTariffs" ADD CONSTRAINT "SalesTariffs_chargingScheduleDatabaseId_fkey" FOREIGN KEY("chargingScheduleDatabaseId") REFERENCES "ChargingSchedules" ("databaseId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SalesTariffs" ADD CONSTRAINT "SalesTariffs_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SecurityEvents" ADD CONSTRAINT "SecurityEvents_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SendLocalListAuthorizations" ADD CONSTRAINT "SendLocalListAuthorizations_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "LocalListAuthorizations" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SendLocalListAuthorizations" ADD CONSTRAINT "SendLocalListAuthorizations_sendLocalListId_fkey" FOREIGN KEY("sendLocalListId") REFERENCES "SendLocalLists" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SendLocalListAuthorizations" ADD CONSTRAINT "SendLocalListAuthorizations_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SendLocalLists" ADD CONSTRAINT "SendLocalLists_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ServerNetworkProfiles" ADD CONSTRAINT "ServerNetworkProfiles_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SetNetworkProfiles" ADD CONSTRAINT "SetNetworkProfiles_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SetNetworkProfiles" ADD CONSTRAINT "SetNetworkProfiles_websocketServerConfigId_fkey" FOREIGN KEY("websocketServerConfigId") REFERENCES "ServerNetworkProfiles" (id) ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_connectorDatabaseId_fkey" FOREIGN KEY("connectorDatabaseId") REFERENCES "Connectors" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "StartTransactions" ADD CONSTRAINT "StartTransactions_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StatusNotifications" ADD CONSTRAINT "StatusNotifications_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "StatusNotifications" ADD CONSTRAINT "StatusNotifications_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "StopTransactions" ADD CONSTRAINT "StopTransactions_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "StopTransactions" ADD CONSTRAINT "StopTransactions_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Subscriptions" ADD CONSTRAINT "Subscriptions_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Tariffs" ADD CONSTRAINT "Tariffs_connectorId_fkey" FOREIGN KEY("connectorId") REFERENCES "Connectors" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Tariffs" ADD CONSTRAINT "Tariffs_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "TenantPartners" ADD CONSTRAINT "TenantPartners_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_evseTypeId_fkey" FOREIGN KEY("evseId") REFERENCES "EvseTypes" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "TransactionEvents" ADD CONSTRAINT "TransactionEvents_transactionDatabaseId_fkey" FOREIGN KEY("transactionDatabaseId") REFERENCES "Transactions" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_authorizationId_fkey" FOREIGN KEY("authorizationId") REFERENCES "Authorizations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_connectorId_fkey" FOREIGN KEY("connectorId") REFERENCES "Connectors" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_evseId_fkey" FOREIGN KEY("evseId") REFERENCES "Evses" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_locationId_fkey" FOREIGN KEY("locationId") REFERENCES "Locations" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_tariffId_fkey" FOREIGN KEY("tariffId") REFERENCES "Tariffs" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Transactions" ADD CONSTRAINT "Transactions_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_bootConfigId_fkey" FOREIGN KEY("bootConfigId") REFERENCES "Boots" (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_evseTypeId_fkey" FOREIGN KEY("evseDatabaseId") REFERENCES "EvseTypes" ("databaseId") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_stationId_fkey" FOREIGN KEY("stationId") REFERENCES "ChargingStations" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableAttributes" ADD CONSTRAINT "VariableAttributes_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableCharacteristics" ADD CONSTRAINT "VariableCharacteristics_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableCharacteristics" ADD CONSTRAINT "VariableCharacteristics_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableMonitoringStatuses" ADD CONSTRAINT "VariableMonitoringStatuses_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableMonitoringStatuses" ADD CONSTRAINT "VariableMonitoringStatuses_variableMonitoringId_fkey" FOREIGN KEY("variableMonitoringId") REFERENCES "VariableMonitorings" ("databaseId") ON UPDATE CASCADE;

ALTER TABLE "VariableMonitorings" ADD CONSTRAINT "VariableMonitorings_componentId_fkey" FOREIGN KEY("componentId") REFERENCES "Components" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableMonitorings" ADD CONSTRAINT "VariableMonitorings_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableMonitorings" ADD CONSTRAINT "VariableMonitorings_variableId_fkey" FOREIGN KEY("variableId") REFERENCES "Variables" (id) ON UPDATE CASCADE;

ALTER TABLE "VariableStatuses" ADD CONSTRAINT "VariableStatuses_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "VariableStatuses" ADD CONSTRAINT "VariableStatuses_variableAttributeId_fkey" FOREIGN KEY("variableAttributeId") REFERENCES "VariableAttributes" (id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Variables" ADD CONSTRAINT "Variables_tenantId_fkey" FOREIGN KEY("tenantId") REFERENCES "Tenants" (id) ON DELETE RESTRICT ON UPDATE CASCADE;
