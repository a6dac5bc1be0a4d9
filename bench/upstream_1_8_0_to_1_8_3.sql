-- What CitrineOS v1.8.3's own runner (sequelize-cli `db:migrate`) executes on a real 1.8.0
-- database, as plain SQL: one statement at a time in autocommit, no transaction around a file,
-- exactly as sequelize-cli runs them. Written for bench/online_upgrade.py from the facts in
-- shared/reference/citrineos/MIGRATIONS.md ("Releases after 1.8.0") and the dumps schemas/13-27
-- (the schema after each file); loaded with `psql -X -v ON_ERROR_STOP=1 -f` (psql's autocommit).
-- Applied to a 1.8.0 database it gives schemas/27-... exactly (tests/test_bench_online.py).
--
-- The lock-relevant shape is upstream's: column type changes by ALTER COLUMN TYPE, a plain
-- CREATE [UNIQUE] INDEX (SHARE lock: writes to the table wait for the whole build), foreign keys
-- added together with their column (ACCESS EXCLUSIVE on a self-referencing table, validated in
-- the same statement).

-- The runner reads its ledger first.
CREATE TABLE IF NOT EXISTS "SequelizeMeta" (name VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY);
SELECT name FROM "SequelizeMeta" ORDER BY name ASC;

-- v1.8.3 runs dist/migrations/*.js: the 12 files of 1.8.0 are pending under their .js names;
-- each one's guard finds its .ts row and skips, then the runner records the .js name.
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250430103000-initial%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250430103000-initial.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250430105500-create-tenants-table%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250430105500-create-tenants-table.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250430110000-create-default-tenant%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250430110000-create-default-tenant.js') RETURNING name;
SELECT name FROM "SequelizeMeta"
 WHERE name LIKE '20250430130000-update-existing-tables-to-include-default-tenant%';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20250430130000-update-existing-tables-to-include-default-tenant.js') RETURNING name;
SELECT name FROM "SequelizeMeta"
 WHERE name LIKE '20250618150000-update-authorizations-to-include-concurrenttransaction%';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20250618150000-update-authorizations-to-include-concurrenttransaction.js') RETURNING name;
SELECT name FROM "SequelizeMeta"
 WHERE name LIKE '20250618150800-update-existing-authorization-to-include-realtimeauth%';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20250618150800-update-existing-authorization-to-include-realtimeauth.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250621120000-flatten-authorization%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250621120000-flatten-authorization.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250714120500-create-tenant-partner-table%';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20250714120500-create-tenant-partner-table.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250714121000-alter-tenants-table-add-ocpi-fields%';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20250714121000-alter-tenants-table-add-ocpi-fields.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250715000000-create-async-job-status%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250715000000-create-async-job-status.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250821103100-schema-fix%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250821103100-schema-fix.js') RETURNING name;
SELECT name FROM "SequelizeMeta" WHERE name LIKE '20250903102900-create-evses%';
INSERT INTO "SequelizeMeta" (name) VALUES ('20250903102900-create-evses.js') RETURNING name;

-- 13 remove-enums (1.8.1): enum columns become varchar(255), Connectors get new defaults.
ALTER TABLE "InstalledCertificates" ALTER COLUMN "certificateType" SET NOT NULL;
ALTER TABLE "InstalledCertificates" ALTER COLUMN "certificateType" DROP DEFAULT;
ALTER TABLE "InstalledCertificates" ALTER COLUMN "certificateType" TYPE VARCHAR(255)
  USING "certificateType"::VARCHAR(255);
ALTER TABLE "Connectors" ALTER COLUMN "status" DROP NOT NULL;
ALTER TABLE "Connectors" ALTER COLUMN "status" TYPE VARCHAR(255) USING "status"::VARCHAR(255);
ALTER TABLE "Connectors" ALTER COLUMN "status" SET DEFAULT 'Unknown';
ALTER TABLE "Connectors" ALTER COLUMN "errorCode" DROP NOT NULL;
ALTER TABLE "Connectors" ALTER COLUMN "errorCode" TYPE VARCHAR(255)
  USING "errorCode"::VARCHAR(255);
ALTER TABLE "Connectors" ALTER COLUMN "errorCode" SET DEFAULT 'NoError';
DROP TYPE "enum_InstalledCertificates_certificateType";
DROP TYPE "enum_Connectors_status";
DROP TYPE "enum_Connectors_errorCode";
INSERT INTO "SequelizeMeta" (name) VALUES ('20251111160000-remove-enums.js') RETURNING name;

-- 14 add-isUserTenant-to-tenants (1.8.1): changeColumn drops 1.8.0's defaults.
ALTER TABLE "Tenants" ADD COLUMN "isUserTenant" BOOLEAN NOT NULL DEFAULT false;
COMMENT ON COLUMN "Tenants"."isUserTenant" IS 'Indicates if this tenant is a user tenant';
ALTER TABLE "Tenants" ALTER COLUMN "url" DROP NOT NULL;
ALTER TABLE "Tenants" ALTER COLUMN "url" DROP DEFAULT;
ALTER TABLE "Tenants" ALTER COLUMN "url" TYPE VARCHAR(255);
ALTER TABLE "Tenants" ALTER COLUMN "partyId" DROP NOT NULL;
ALTER TABLE "Tenants" ALTER COLUMN "partyId" DROP DEFAULT;
ALTER TABLE "Tenants" ALTER COLUMN "partyId" TYPE VARCHAR(255);
ALTER TABLE "Tenants" ALTER COLUMN "countryCode" DROP NOT NULL;
ALTER TABLE "Tenants" ALTER COLUMN "countryCode" DROP DEFAULT;
ALTER TABLE "Tenants" ALTER COLUMN "countryCode" TYPE VARCHAR(255);
INSERT INTO "SequelizeMeta" (name)
VALUES ('20251121170000-add-isUserTenant-to-tenants.js') RETURNING name;

-- 15 alter-authorization-table-add-realtime-auth-fields (1.8.2)
ALTER TABLE "Authorizations" ADD COLUMN "realTimeAuthLastAttempt" JSONB;
ALTER TABLE "Authorizations" ADD COLUMN "realTimeAuthTimeout" INTEGER;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260112120000-alter-authorization-table-add-realtime-auth-fields.js') RETURNING name;

-- 16 normalize-id-token-case (1.8.2): idToken becomes citext (its indexes are rebuilt).
CREATE EXTENSION IF NOT EXISTS citext;
ALTER TABLE "Authorizations" ALTER COLUMN "idToken" SET NOT NULL;
ALTER TABLE "Authorizations" ALTER COLUMN "idToken" DROP DEFAULT;
ALTER TABLE "Authorizations" ALTER COLUMN "idToken" TYPE CITEXT;
INSERT INTO "SequelizeMeta" (name) VALUES ('20260113000000-normalize-id-token-case.js') RETURNING name;

-- 17 add-authorization-unique-index (1.8.2): its guard, its duplicate check (it throws when the
-- check finds a row), then a plain unique index build.
SELECT indexname FROM pg_indexes WHERE tablename = 'Authorizations' AND indexname = 'idToken_type';
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Authorizations" GROUP BY "idToken", "idTokenType"
             HAVING count(*) > 1) THEN
    RAISE EXCEPTION 'duplicate (idToken, idTokenType) pairs in "Authorizations"';
  END IF;
END $$;
CREATE UNIQUE INDEX "idToken_type" ON "Authorizations" ("idToken", "idTokenType");
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260122000000-add-authorization-unique-index.js') RETURNING name;

-- 18 add-use16-status-notification-0-to-charging-stations (1.8.2)
ALTER TABLE "ChargingStations" ADD COLUMN "use16StatusNotification0" BOOLEAN NOT NULL DEFAULT true;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260202120000-add-use16-status-notification-0-to-charging-stations.js') RETURNING name;

-- 19 add-meter-start-to-transactions (1.8.3)
ALTER TABLE "Transactions" ADD COLUMN "meterStart" DECIMAL;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260204120000-add-meter-start-to-transactions.js') RETURNING name;

-- 20 add-latest-ocpp-message-timestamp (1.8.3)
ALTER TABLE "ChargingStations" ADD COLUMN "latestOcppMessageTimestamp" TIMESTAMP WITH TIME ZONE;
CREATE INDEX "idx_charging_stations_latest_ocpp_message_timestamp"
  ON "ChargingStations" ("latestOcppMessageTimestamp");
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260205150000-add-latest-ocpp-message-timestamp.js') RETURNING name;

-- 21 add-request-message-id-to-ocpp-messages (1.8.3): on the largest, always-written log table,
-- a validated self-referencing foreign key and a plain index build.
ALTER TABLE "OCPPMessages" ADD COLUMN "state" VARCHAR(255);
ALTER TABLE "OCPPMessages" ADD COLUMN "requestMessageId" INTEGER
  REFERENCES "OCPPMessages" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "idx_ocpp_messages_request_message_id" ON "OCPPMessages" ("requestMessageId");
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260210120000-add-request-message-id-to-ocpp-messages.js') RETURNING name;

-- 22 add-dynamic-tenant-resolution (1.8.3): skips when its columns exist (describeTable).
SELECT column_name FROM information_schema.columns
 WHERE table_schema = 'public' AND table_name = 'ServerNetworkProfiles';
ALTER TABLE "ServerNetworkProfiles" ADD COLUMN "dynamicTenantResolution" BOOLEAN NOT NULL
  DEFAULT false;
COMMENT ON COLUMN "ServerNetworkProfiles"."dynamicTenantResolution"
  IS 'Enable dynamic tenant resolution at WebSocket upgrade time';
ALTER TABLE "ServerNetworkProfiles" ADD COLUMN "maxConnectionsPerTenant" INTEGER;
COMMENT ON COLUMN "ServerNetworkProfiles"."maxConnectionsPerTenant"
  IS 'Maximum number of concurrent connections allowed per tenant';
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260211210000-add-dynamic-tenant-resolution.js') RETURNING name;

-- 23 add-certificate-file-hash-column-to-certificate-table (1.8.3): a global UNIQUE.
ALTER TABLE "Certificates" ADD COLUMN "certificateFileHash" VARCHAR(255) UNIQUE;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260213100000-add-certificate-file-hash-column-to-certificate-table.js') RETURNING name;

-- 24 add-certificate-id-column-to-installed-certificate-table (1.8.3)
ALTER TABLE "InstalledCertificates" ADD COLUMN "certificateId" INTEGER
  REFERENCES "Certificates" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260213110000-add-certificate-id-column-to-installed-certificate-table.js')
RETURNING name;

-- 25 create-certificate-attempt-tables (1.8.3)
CREATE TABLE IF NOT EXISTS "InstallCertificateAttempts" (
  "id" SERIAL,
  "stationId" VARCHAR(36) NOT NULL REFERENCES "ChargingStations" ("id"),
  "certificateType" VARCHAR(255) NOT NULL,
  "certificateId" INTEGER REFERENCES "Certificates" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "status" VARCHAR(255),
  "tenantId" INTEGER NOT NULL REFERENCES "Tenants" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY ("id")
);
CREATE TABLE IF NOT EXISTS "DeleteCertificateAttempts" (
  "id" SERIAL,
  "stationId" VARCHAR(36) NOT NULL REFERENCES "ChargingStations" ("id"),
  "hashAlgorithm" VARCHAR(255) NOT NULL,
  "issuerNameHash" VARCHAR(255),
  "issuerKeyHash" VARCHAR(255),
  "serialNumber" VARCHAR(255),
  "status" VARCHAR(255),
  "tenantId" INTEGER NOT NULL REFERENCES "Tenants" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY ("id")
);
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260213120000-create-certificate-attempt-tables.js') RETURNING name;

-- 26 add-tenant-path-mapping (1.8.3): skips when its column exists (describeTable).
SELECT column_name FROM information_schema.columns
 WHERE table_schema = 'public' AND table_name = 'ServerNetworkProfiles';
ALTER TABLE "ServerNetworkProfiles" ADD COLUMN "tenantPathMapping" JSONB;
COMMENT ON COLUMN "ServerNetworkProfiles"."tenantPathMapping"
  IS 'Mapping of URL path segments to tenant IDs';
INSERT INTO "SequelizeMeta" (name) VALUES ('20260219091500-add-tenant-path-mapping.js') RETURNING name;

-- 27 make-connector-columns-nullable (1.8.3)
ALTER TABLE "Connectors" ALTER COLUMN "connectorId" DROP NOT NULL;
ALTER TABLE "Connectors" ALTER COLUMN "connectorId" DROP DEFAULT;
ALTER TABLE "Connectors" ALTER COLUMN "connectorId" TYPE INTEGER;
INSERT INTO "SequelizeMeta" (name)
VALUES ('20260220120000-make-connector-columns-nullable.js') RETURNING name;
