-- flatten-authorization, part 1: keep COMPLETE copies of the 1.7 token tables in the archive
-- schema before anything is changed (used by 20250621120000-flatten-authorization and by the
-- consolidated 1.7.0 -> 1.8.0 migration).
--
-- Every row and every column, with the original ids and column names, so that:
--   * nothing the flattened schema has no place for is lost (tokens no authorization uses, the
--     tokens StartTransactions point to, infos and additional infos nobody uses);
--   * later steps (schema-fix) can look up the token of TransactionEvents.idTokenId,
--     StopTransactions.idTokenDatabaseId and LocalListAuthorizations.idTokenId/idTokenInfoId;
--   * the step's down can restore the old tables exactly.
-- The sequences' states are kept too, so down puts them back where they were.
--
-- Expects: the 1.7 tables in public, the archive schema created, none of these tables present.

-- Authorizations with the columns they have before flattening (dump 06), named: the
-- consolidated migration runs this file after its expand phase, when the flat columns already
-- exist, and both paths must archive the same thing.
CREATE TABLE {archive}."20250621120000_Authorizations" AS
SELECT id, "allowedConnectorTypes", "disallowedEvseIdPrefixes", "idTokenId", "idTokenInfoId",
       "createdAt", "updatedAt", "tenantId", "concurrentTransaction", "realTimeAuth",
       "realTimeAuthUrl"
FROM public."Authorizations";
ALTER TABLE {archive}."20250621120000_Authorizations" ADD PRIMARY KEY (id);
CREATE INDEX ON {archive}."20250621120000_Authorizations" ("idTokenId");

CREATE TABLE {archive}."20250621120000_IdTokens" AS TABLE public."IdTokens";
ALTER TABLE {archive}."20250621120000_IdTokens" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250621120000_IdTokenInfos" AS TABLE public."IdTokenInfos";
ALTER TABLE {archive}."20250621120000_IdTokenInfos" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250621120000_AdditionalInfos" AS TABLE public."AdditionalInfos";
ALTER TABLE {archive}."20250621120000_AdditionalInfos" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250621120000_IdTokenAdditionalInfos"
    AS TABLE public."IdTokenAdditionalInfos";
ALTER TABLE {archive}."20250621120000_IdTokenAdditionalInfos"
    ADD PRIMARY KEY ("idTokenId", "additionalInfoId");

-- The consolidated 1.7.0 -> 1.8.0 migration drops the old token tables without ever giving them
-- "tenantId" (1.8.0 has no such tables); their copies get it here, holding the default tenant
-- that every 1.7 row is given, so that the step's down restores them alike on either path.
ALTER TABLE {archive}."20250621120000_IdTokens"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_IdTokenInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_AdditionalInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_IdTokenAdditionalInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;

CREATE TABLE {archive}."20250621120000_IdTokens_id_seq" AS
    SELECT last_value, is_called FROM public."IdTokens_id_seq";
CREATE TABLE {archive}."20250621120000_IdTokenInfos_id_seq" AS
    SELECT last_value, is_called FROM public."IdTokenInfos_id_seq";
CREATE TABLE {archive}."20250621120000_AdditionalInfos_id_seq" AS
    SELECT last_value, is_called FROM public."AdditionalInfos_id_seq";

-- Fresh tables have no statistics; the joins that follow read them.
ANALYZE {archive}."20250621120000_Authorizations", {archive}."20250621120000_IdTokens",
    {archive}."20250621120000_IdTokenInfos", {archive}."20250621120000_AdditionalInfos",
    {archive}."20250621120000_IdTokenAdditionalInfos";
