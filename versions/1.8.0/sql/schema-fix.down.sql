-- schema-fix, data move down: give the 1.7 columns back the values that schema-fix.up.sql
-- moved to EvseTypes and to the archive, then drop those archive tables.
--
-- Expects: the schema of dump 10 (after 20250715000000-create-async-job-status) EXCEPT that
--   * "EvseTypes" still exists, with the rows to turn back into old Evses rows;
--   * "Evses" has the 1.7 layout ("databaseId" serial, id, "connectorId", ...) and is empty;
--   * the foreign keys into "Evses"("databaseId") (ChargingNeeds, Components, Reservations,
--     TransactionEvents, Transactions, VariableAttributes) and
--     "Authorizations_groupIdTokenId_fkey" are not there yet (they are added after this file);
--   * the old columns are back in their places (values NULL, "ChargingNeeds"."evseDatabaseId"
--     renamed back, possibly still holding new Evses ids) and the archive tables of
--     schema-fix.up.sql exist.
-- Leaves: old Evses rows, the old links and token ids restored; the archive tables dropped.

-- 1. EvseTypes become the old Evses rows again (same databaseId, id, connectorId).
INSERT INTO "Evses" ("databaseId", id, "connectorId", "createdAt", "updatedAt", "tenantId")
SELECT "databaseId", id, "connectorId", "createdAt", "updatedAt", "tenantId"
FROM "EvseTypes";

SELECT CASE WHEN s.v >= 1
            THEN setval(pg_get_serial_sequence('"Evses"', 'databaseId'), s.v, true) END
FROM (SELECT GREATEST(
        (SELECT max("databaseId") FROM "Evses"),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
           FROM "EvseTypes_databaseId_seq"),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
           FROM "Evses_databaseId_seq")) AS v) AS s;

-- 2. EVSE links (only to Evses rows that still exist, so that the foreign keys hold).
UPDATE "Transactions" AS t
SET "evseDatabaseId" = a."evseDatabaseId"
FROM {archive}."20250821103100_Transactions" AS a
JOIN "Evses" AS e ON e."databaseId" = a."evseDatabaseId"
WHERE t.id = a.id;

-- ChargingNeeds' column may hold ids of new Evses (1.8.0 meaning): only archived links are old.
UPDATE "ChargingNeeds" AS c
SET "evseDatabaseId" = old."evseDatabaseId"
FROM (
    SELECT c2.id, e."databaseId" AS "evseDatabaseId"
    FROM "ChargingNeeds" AS c2
    LEFT JOIN {archive}."20250821103100_ChargingNeeds" AS a ON a.id = c2.id
    LEFT JOIN "Evses" AS e ON e."databaseId" = a."evseDatabaseId"
) AS old
WHERE c.id = old.id
  AND c."evseDatabaseId" IS DISTINCT FROM old."evseDatabaseId";

-- 3. Token references.
UPDATE "TransactionEvents" AS te
SET "idTokenId" = a."idTokenId"
FROM {archive}."20250821103100_TransactionEvents" AS a
WHERE te.id = a.id;

UPDATE "StopTransactions" AS st
SET "idTokenDatabaseId" = a."idTokenDatabaseId"
FROM {archive}."20250821103100_StopTransactions" AS a
WHERE st.id = a.id;

UPDATE "LocalListAuthorizations" AS l
SET "idTokenId" = a."idTokenId", "idTokenInfoId" = a."idTokenInfoId"
FROM {archive}."20250821103100_LocalListAuthorizations" AS a
WHERE l.id = a.id;

-- 4. Group links: both columns as they were (groupIdTokenId only to existing Authorizations).
UPDATE "Authorizations" AS au
SET "groupIdTokenId" = CASE WHEN EXISTS (SELECT 1 FROM "Authorizations" AS g
                                         WHERE g.id = a."groupIdTokenId")
                            THEN a."groupIdTokenId" END,
    "groupAuthorizationId" = a."groupAuthorizationId"
FROM {archive}."20250821103100_Authorizations" AS a
WHERE au.id = a.id;

-- 5. Everything is back in place.
DROP TABLE {archive}."20250821103100_Transactions";
DROP TABLE {archive}."20250821103100_ChargingNeeds";
DROP TABLE {archive}."20250821103100_TransactionEvents";
DROP TABLE {archive}."20250821103100_StopTransactions";
DROP TABLE {archive}."20250821103100_LocalListAuthorizations";
DROP TABLE {archive}."20250821103100_Authorizations";
