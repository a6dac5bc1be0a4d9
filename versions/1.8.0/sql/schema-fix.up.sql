-- schema-fix, data move up: put the 1.7 data that schema-fix's contract phase removes into its
-- 1.8.0 place, or into the archive, so that nothing is lost (MIGRATIONS.md items 1, 3, 4, 6, 7, 9).
-- Shared by the step 20250821103100-schema-fix and the consolidated 1.7.0 -> 1.8.0 migration.
--
-- Expects the EXPANDED schema: the schema of dump 10 (after 20250715000000-create-async-job-status)
-- plus everything schema-fix ADDS, and nothing of what it drops or renames gone yet:
--   * "EvseTypes" exists (dump 11 layout) and is empty; "Evses" still has the 1.7 layout
--     ("databaseId", id, "connectorId", ...) with its rows and its sequence "Evses_databaseId_seq";
--   * the old columns still exist: "Transactions"."evseDatabaseId",
--     "ChargingNeeds"."evseDatabaseId" (not yet renamed to "evseId"), "TransactionEvents"."idTokenId",
--     "StopTransactions"."idTokenDatabaseId", "LocalListAuthorizations"."idTokenId"/"idTokenInfoId",
--     "Authorizations"."groupIdTokenId" (holding an Authorizations id, as flatten leaves it);
--   * the new columns exist: "TransactionEvents"/"StopTransactions"."idTokenValue"/"idTokenType",
--     the flat token columns of "LocalListAuthorizations" ("idToken" still NULLable,
--     "status" NOT NULL DEFAULT 'Accepted'), "Authorizations"."groupAuthorizationId";
--   * the archive schema {archive} exists, and holds none of the "20250821103100_*" tables;
--   * the flatten step's archive of the old tokens ({archive}."20250621120000_IdTokens",
--     "..._IdTokenInfos", "..._AdditionalInfos", "..._IdTokenAdditionalInfos", "..._Authorizations",
--     1.7 column names) is used when present; when absent (a database flattened by upstream, whose
--     tokens are gone), token values stay NULL and only the old ids are archived.
-- Leaves: "EvseTypes" = every old Evses row with the same "databaseId"/id/"connectorId" and its
-- sequence past them, and "TransactionEvents_evseTypeId_fkey" pointing at it; token values
-- filled; "ChargingNeeds"."evseDatabaseId" NULL (the new FK names the new "Evses", which
-- 20250903102900-create-evses builds from the archive); and the archive tables below. The contract phase may then drop the old columns and rebuild "Evses".
--
-- Archive tables made here (ids of the rows, plus the old values that have no 1.8.0 column):
--   "20250821103100_Transactions"(id, "evseDatabaseId")            evse link of each transaction
--   "20250821103100_ChargingNeeds"(id, "evseDatabaseId")           evse link of each charging need
--   "20250821103100_TransactionEvents"(id, "idTokenId")            old token reference
--   "20250821103100_StopTransactions"(id, "idTokenDatabaseId")     old token reference
--   "20250821103100_LocalListAuthorizations"(id, "idTokenId", "idTokenInfoId")
--   "20250821103100_Authorizations"(id, "groupIdTokenId", "groupAuthorizationId")

-- The joins below get memory for their hashes (every old token at once), and no JIT: its
-- compile time would exceed what it saves on these one-off statements (transaction-local).
SET LOCAL work_mem = '256MB';
SET LOCAL jit = off;

-- 1. Old Evses rows become EvseTypes, keeping databaseId, id and connectorId, so that
--    Components, VariableAttributes, TransactionEvents and Reservations keep meaning the same
--    EVSE and connector (gaps in databaseId are kept as they are).
INSERT INTO "EvseTypes" ("databaseId", id, "connectorId", "tenantId", "createdAt", "updatedAt")
SELECT "databaseId", id, "connectorId", "tenantId", "createdAt", "updatedAt"
FROM "Evses";

-- Its sequence continues past every kept id and never below where the old Evses sequence
-- stood (ids of deleted Evses are not handed out again).
SELECT CASE WHEN s.v >= 1
            THEN setval(pg_get_serial_sequence('"EvseTypes"', 'databaseId'), s.v, true) END
FROM (SELECT GREATEST(
        (SELECT max("databaseId") FROM "EvseTypes"),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
           FROM "Evses_databaseId_seq"),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
           FROM "EvseTypes_databaseId_seq")) AS v) AS s;

-- TransactionEvents' EVSE link names an EvseTypes row from now on (the same value: every old
-- Evses row is in EvseTypes with its databaseId). Its foreign key is checked here, before the
-- token fill below rewrites the table's rows, so that the check reads each row once, not twice.
ALTER TABLE "TransactionEvents"
    ADD CONSTRAINT "TransactionEvents_evseTypeId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "EvseTypes"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;

-- 2. Archive the links and references that the contract phase drops.
CREATE TABLE {archive}."20250821103100_Transactions" AS
SELECT id, "evseDatabaseId" FROM "Transactions" WHERE "evseDatabaseId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_Transactions" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250821103100_ChargingNeeds" AS
SELECT id, "evseDatabaseId" FROM "ChargingNeeds" WHERE "evseDatabaseId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_ChargingNeeds" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250821103100_TransactionEvents" AS
SELECT id, "idTokenId" FROM "TransactionEvents" WHERE "idTokenId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_TransactionEvents" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250821103100_StopTransactions" AS
SELECT id, "idTokenDatabaseId" FROM "StopTransactions" WHERE "idTokenDatabaseId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_StopTransactions" ADD PRIMARY KEY (id);

CREATE TABLE {archive}."20250821103100_LocalListAuthorizations" AS
SELECT id, "idTokenId", "idTokenInfoId" FROM "LocalListAuthorizations"
WHERE "idTokenId" IS NOT NULL OR "idTokenInfoId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_LocalListAuthorizations" ADD PRIMARY KEY (id);

-- "Authorizations"."groupIdTokenId" exists only between flatten and schema-fix (the step path); the
-- consolidated 1.7.0 -> 1.8.0 migration never has it (flatten's data move then writes the group
-- link straight into "groupAuthorizationId"), so it is read only where it exists.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '"Authorizations"'::regclass
               AND attname = 'groupIdTokenId' AND NOT attisdropped) THEN
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_group_links AS
                 SELECT id, "groupIdTokenId", "groupAuthorizationId" FROM "Authorizations"';
    ELSE
        -- flatten's data move wrote the group link to "groupAuthorizationId" only; it is
        -- what "groupIdTokenId" would have held, so both paths archive the same rows.
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_group_links AS
                 SELECT id, "groupAuthorizationId" AS "groupIdTokenId", "groupAuthorizationId"
                 FROM "Authorizations"';
    END IF;
END
$$;
CREATE TABLE {archive}."20250821103100_Authorizations" AS
SELECT id, "groupIdTokenId", "groupAuthorizationId" FROM schema_fix_group_links
WHERE "groupIdTokenId" IS NOT NULL OR "groupAuthorizationId" IS NOT NULL;
ALTER TABLE {archive}."20250821103100_Authorizations" ADD PRIMARY KEY (id);

-- Fresh tables have no statistics; create-evses joins these (the other archive tables are
-- only read back by the down).
ANALYZE "EvseTypes", {archive}."20250821103100_Transactions",
    {archive}."20250821103100_ChargingNeeds";

-- 3. The old tokens, read from the flatten step's archive when it is there (temporary views,
--    dropped at the end of this file; empty stand-ins when the archive is absent).
DO $$
BEGIN
    IF to_regclass('{archive}."20250621120000_IdTokens"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_id_tokens AS
                 SELECT id, "idToken", type FROM {archive}."20250621120000_IdTokens"';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_id_tokens AS
                 SELECT NULL::integer AS id, NULL::varchar AS "idToken", NULL::varchar AS type
                 WHERE false';
    END IF;
    IF to_regclass('{archive}."20250621120000_IdTokenInfos"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_id_token_infos AS
                 SELECT id, status, "cacheExpiryDateTime", "chargingPriority", language1,
                        language2, "personalMessage", "groupIdTokenId"
                 FROM {archive}."20250621120000_IdTokenInfos"';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_id_token_infos AS
                 SELECT NULL::integer AS id, NULL::varchar AS status,
                        NULL::timestamptz AS "cacheExpiryDateTime",
                        NULL::integer AS "chargingPriority", NULL::varchar AS language1,
                        NULL::varchar AS language2, NULL::json AS "personalMessage",
                        NULL::integer AS "groupIdTokenId"
                 WHERE false';
    END IF;
    IF to_regclass('{archive}."20250621120000_IdTokenAdditionalInfos"') IS NOT NULL
       AND to_regclass('{archive}."20250621120000_AdditionalInfos"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_additional_infos AS
                 SELECT l."idTokenId", a."additionalIdToken", a.type
                 FROM {archive}."20250621120000_IdTokenAdditionalInfos" l
                 JOIN {archive}."20250621120000_AdditionalInfos" a ON a.id = l."additionalInfoId"';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_additional_infos AS
                 SELECT NULL::integer AS "idTokenId", NULL::varchar AS "additionalIdToken",
                        NULL::varchar AS type
                 WHERE false';
    END IF;
    -- Which Authorization owned which IdToken (the id column flatten dropped).
    IF to_regclass('{archive}."20250621120000_Authorizations"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_token_owners AS
                 SELECT id AS "authorizationId", "idTokenId"
                 FROM {archive}."20250621120000_Authorizations"
                 WHERE "idTokenId" IS NOT NULL';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW schema_fix_old_token_owners AS
                 SELECT NULL::integer AS "authorizationId", NULL::integer AS "idTokenId"
                 WHERE false';
    END IF;
END
$$;

-- 4. TransactionEvents and StopTransactions keep the value and type of their old token.
UPDATE "TransactionEvents" AS te
SET "idTokenValue" = t."idToken", "idTokenType" = t.type
FROM schema_fix_old_id_tokens AS t
WHERE t.id = te."idTokenId";

UPDATE "StopTransactions" AS st
SET "idTokenValue" = t."idToken", "idTokenType" = t.type
FROM schema_fix_old_id_tokens AS t
WHERE t.id = st."idTokenDatabaseId";

-- 5. LocalListAuthorizations are flattened like Authorizations: token value and type, the
--    IdTokenInfo fields (status 'Accepted' when there was no info), the additional infos as
--    [{additionalIdToken, type}] (NULL when none), and the group as the Authorization that
--    owns the group token (NULL when no Authorization owns it).
UPDATE "LocalListAuthorizations" AS lla
SET "idToken" = t."idToken",
    "idTokenType" = t.type,
    "additionalInfo" = ai.pairs,
    status = COALESCE(i.status, 'Accepted'),
    "cacheExpiryDateTime" = i."cacheExpiryDateTime",
    "chargingPriority" = i."chargingPriority",
    language1 = i.language1,
    language2 = i.language2,
    "personalMessage" = i."personalMessage",
    "groupAuthorizationId" = owner."authorizationId"
FROM "LocalListAuthorizations" AS l
-- each looked up per local-list row (index probes; OFFSET 0 keeps the planner from turning
-- them into joins that read every old token and info)
LEFT JOIN LATERAL (
    SELECT t."idToken", t.type FROM schema_fix_old_id_tokens AS t WHERE t.id = l."idTokenId"
    OFFSET 0
) AS t ON true
LEFT JOIN LATERAL (
    SELECT i.* FROM schema_fix_old_id_token_infos AS i WHERE i.id = l."idTokenInfoId"
    OFFSET 0
) AS i ON true
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('additionalIdToken', x."additionalIdToken",
                                        'type', x.type)
                     ORDER BY x."additionalIdToken", x.type) AS pairs
    FROM schema_fix_old_additional_infos AS x
    WHERE x."idTokenId" = l."idTokenId"
) AS ai ON true
LEFT JOIN LATERAL (
    SELECT min(o."authorizationId") AS "authorizationId"
    FROM schema_fix_old_token_owners AS o
    JOIN "Authorizations" AS a ON a.id = o."authorizationId"
    WHERE o."idTokenId" = i."groupIdTokenId"
) AS owner ON true
WHERE lla.id = l.id
  AND (l."idTokenId" IS NOT NULL OR l."idTokenInfoId" IS NOT NULL);

-- 1.8.0 requires a token value: a row whose token is unknown gets '' (its old ids are in the
-- archive, so the down restores them).
UPDATE "LocalListAuthorizations" SET "idToken" = '' WHERE "idToken" IS NULL;
-- (status has DEFAULT 'Accepted' in the step's expand; an expand that added it without the
-- default leaves NULL in the rows not flattened above.)
UPDATE "LocalListAuthorizations" SET status = 'Accepted' WHERE status IS NULL;

DROP VIEW schema_fix_old_token_owners;
DROP VIEW schema_fix_old_additional_infos;
DROP VIEW schema_fix_old_id_token_infos;
DROP VIEW schema_fix_old_id_tokens;

-- 6. The group link that flatten computed (groupIdTokenId = id of the Authorization that owns
--    the group token) moves to groupAuthorizationId, the column 1.8.0 keeps (one pass over the
--    table; where flatten already wrote both columns alike, no row changes).
DROP VIEW schema_fix_group_links;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '"Authorizations"'::regclass
               AND attname = 'groupIdTokenId' AND NOT attisdropped) THEN
        UPDATE "Authorizations"
        SET "groupAuthorizationId" = "groupIdTokenId"
        WHERE "groupIdTokenId" IS NOT NULL
          AND "groupAuthorizationId" IS DISTINCT FROM "groupIdTokenId";
        -- What came from "groupIdTokenId" names an Authorization (its foreign key saw to that);
        -- only a link written to "groupAuthorizationId" alone, which had no foreign key, can
        -- name none. That one could not take 1.8.0's foreign key: it is cleared (its value is
        -- in the archive).
        UPDATE "Authorizations" AS a
        SET "groupAuthorizationId" = NULL
        WHERE a."groupIdTokenId" IS NULL AND a."groupAuthorizationId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Authorizations" AS b
                          WHERE b.id = a."groupAuthorizationId");
    ELSE
        -- The same check over every group link (the archive holds each row that has one).
        UPDATE "Authorizations" AS a
        SET "groupAuthorizationId" = NULL
        FROM {archive}."20250821103100_Authorizations" AS x
        WHERE a.id = x.id
          AND a."groupAuthorizationId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Authorizations" AS b
                          WHERE b.id = a."groupAuthorizationId");
    END IF;
END
$$;

-- 7. ChargingNeeds' link named an old Evses row; the column becomes "evseId", a reference to the
--    new Evses, which do not exist yet: clear it (the link is in the archive; create-evses maps it).
UPDATE "ChargingNeeds" SET "evseDatabaseId" = NULL WHERE "evseDatabaseId" IS NOT NULL;
