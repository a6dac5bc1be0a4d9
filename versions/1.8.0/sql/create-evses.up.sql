-- create-evses, data move up: build the 1.8.0 Evses (one row per EVSE of a station) from the
-- old EVSE identities that schema-fix kept, and point Transactions and ChargingNeeds at them
-- (MIGRATIONS.md items 5, 6, 9; "Required data semantics").
-- Shared by the step 20250903102900-create-evses and the consolidated 1.7.0 -> 1.8.0 migration.
--
-- Expects the schema of dump 11 (after 20250821103100-schema-fix), i.e. after its contract:
--   * "EvseTypes" holds the old Evses rows ("databaseId", id = OCPP EVSE id, "connectorId"), and
--     "VariableAttributes"."evseDatabaseId" references it;
--   * "Evses" has the 1.8.0 layout (normally empty; rows already there are reused, not doubled);
--   * "Transactions"."evseId" and "ChargingNeeds"."evseId" reference "Evses"(id) through
--     "Transactions_evseId_fkey" and "ChargingNeeds_evseId_fkey" (taken off and put back here,
--     around the updates);
--   * the archive of schema-fix.up.sql: {archive}."20250821103100_Transactions"(id,
--     "evseDatabaseId") and {archive}."20250821103100_ChargingNeeds"(id, "evseDatabaseId"); when
--     absent, only VariableAttributes make Evses and no links are set;
--   * {archive}."20250903102900_Evses" does not exist.
-- Leaves: exactly one Evses row per distinct (stationId, OCPP EVSE id) that VariableAttributes or
-- Transactions use, with "evseTypeId" = that OCPP id, "evseId" NULL (no invented eMI3 id), the
-- station's tenant, and ids from the Evses sequence; {archive}."20250903102900_Evses"(id) lists
-- the rows made here (the down deletes exactly those); Transactions."evseId" and
-- ChargingNeeds."evseId" set where the old link and the station are known (a charging need
-- whose transaction is unknown has no station: its link stays in the schema-fix archive only).

-- No JIT: its compile time would exceed what it saves on these one-off statements
-- (transaction-local).
SET LOCAL jit = off;

-- 0. The old EVSE links, from schema-fix's archive when it is there.
DO $$
BEGIN
    IF to_regclass('{archive}."20250821103100_Transactions"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW create_evses_transaction_links AS
                 SELECT id, "evseDatabaseId" FROM {archive}."20250821103100_Transactions"';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW create_evses_transaction_links AS
                 SELECT NULL::integer AS id, NULL::integer AS "evseDatabaseId" WHERE false';
    END IF;
    IF to_regclass('{archive}."20250821103100_ChargingNeeds"') IS NOT NULL THEN
        EXECUTE 'CREATE TEMPORARY VIEW create_evses_charging_need_links AS
                 SELECT id, "evseDatabaseId" FROM {archive}."20250821103100_ChargingNeeds"';
    ELSE
        EXECUTE 'CREATE TEMPORARY VIEW create_evses_charging_need_links AS
                 SELECT NULL::integer AS id, NULL::integer AS "evseDatabaseId" WHERE false';
    END IF;
END
$$;

-- EvseTypes is new and has no statistics; the joins below read it (the other tables keep theirs:
-- they are all planned as hash joins either way).
ANALYZE "EvseTypes";

-- 1. The Evses sequence must not hand out an id that is already taken.
SELECT CASE WHEN s.v >= 1 THEN setval(pg_get_serial_sequence('"Evses"', 'id'), s.v, true) END
FROM (SELECT GREATEST(
        (SELECT max(id) FROM "Evses"),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
           FROM "Evses_id_seq")) AS v) AS s;

-- 2. One Evses row per (station, OCPP EVSE id). Old rows (id 1, connectorId NULL) and
--    (id 1, connectorId 1) are the same EVSE 1, so the key is EvseTypes.id, not databaseId.
CREATE TABLE {archive}."20250903102900_Evses" (id integer PRIMARY KEY);

WITH used AS (
    SELECT va."stationId", et.id AS "evseTypeId"
    FROM "VariableAttributes" AS va
    JOIN "EvseTypes" AS et ON et."databaseId" = va."evseDatabaseId"
    WHERE et.id IS NOT NULL
    UNION
    SELECT t."stationId", et.id
    FROM create_evses_transaction_links AS l
    JOIN "Transactions" AS t ON t.id = l.id
    JOIN "EvseTypes" AS et ON et."databaseId" = l."evseDatabaseId"
    WHERE t."stationId" IS NOT NULL AND et.id IS NOT NULL
), created AS (
    INSERT INTO "Evses" ("createdAt", "updatedAt", "tenantId", "stationId", "evseTypeId")
    SELECT now(), now(), cs."tenantId", cs.id, u."evseTypeId"
    FROM used AS u
    JOIN "ChargingStations" AS cs ON cs.id = u."stationId"
    WHERE NOT EXISTS (SELECT 1 FROM "Evses" AS e
                      WHERE e."stationId" = cs.id AND e."evseTypeId" = u."evseTypeId")
    ORDER BY cs.id, u."evseTypeId"
    RETURNING id
)
INSERT INTO {archive}."20250903102900_Evses" (id)
SELECT id FROM created;

ANALYZE "Evses";

-- 3. Transactions and ChargingNeeds point at the Evse of (their station, their old EVSE); a
--    charging need's station is its transaction's. The two foreign keys are checked once after
--    the updates instead of once per row.
ALTER TABLE "Transactions" DROP CONSTRAINT "Transactions_evseId_fkey";
ALTER TABLE "ChargingNeeds" DROP CONSTRAINT "ChargingNeeds_evseId_fkey";

-- Every updated row would also get a new entry in each unique index of Transactions (the
-- (stationId, transactionId) one costs more than the row itself): such a constraint is taken
-- off and built again after the update, the same definition under the same name, when nothing
-- depends on it (no foreign key uses its index, no comment on it, the table is not clustered on
-- it). Its columns do not change, so building it again cannot fail.
CREATE TEMPORARY TABLE create_evses_unique_keys ON COMMIT DROP AS
SELECT c.conname, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint AS c
JOIN pg_index AS x ON x.indexrelid = c.conindid
WHERE c.conrelid = '"Transactions"'::regclass AND c.contype = 'u' AND NOT x.indisclustered
  AND NOT EXISTS (SELECT 1 FROM pg_constraint AS f
                  WHERE f.contype = 'f' AND f.conindid = c.conindid)
  AND obj_description(c.oid, 'pg_constraint') IS NULL
  AND obj_description(c.conindid, 'pg_class') IS NULL;

DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT conname FROM create_evses_unique_keys ORDER BY conname LOOP
        EXECUTE format('ALTER TABLE "Transactions" DROP CONSTRAINT %I', k.conname);
    END LOOP;
END
$$;

-- The Evse of each (station, OCPP EVSE id); the lowest id if the table already held doubles.
-- Worked out once (one row per EVSE), not per linked row.
CREATE TEMPORARY TABLE create_evses_station_evse ON COMMIT DROP AS
SELECT min(e.id) AS id, e."stationId", e."evseTypeId"
FROM "Evses" AS e
WHERE e."stationId" IS NOT NULL AND e."evseTypeId" IS NOT NULL
GROUP BY e."stationId", e."evseTypeId";
ALTER TABLE create_evses_station_evse ADD PRIMARY KEY ("stationId", "evseTypeId");
ANALYZE create_evses_station_evse;

-- (joined to the updated rows directly: no second pass over Transactions)
UPDATE "Transactions" AS t
SET "evseId" = e.id
FROM create_evses_transaction_links AS l, "EvseTypes" AS et, create_evses_station_evse AS e
WHERE l.id = t.id
  AND et."databaseId" = l."evseDatabaseId"
  AND e."stationId" = t."stationId" AND e."evseTypeId" = et.id
  AND t."evseId" IS NULL;

UPDATE "ChargingNeeds" AS c
SET "evseId" = m."evseId"
FROM (
    SELECT x.id, e.id AS "evseId"
    FROM create_evses_charging_need_links AS l
    JOIN "ChargingNeeds" AS x ON x.id = l.id
    JOIN "Transactions" AS t ON t.id = x."transactionDatabaseId"
    JOIN "EvseTypes" AS et ON et."databaseId" = l."evseDatabaseId"
    JOIN create_evses_station_evse AS e
      ON e."stationId" = t."stationId" AND e."evseTypeId" = et.id
    WHERE x."evseId" IS NULL
) AS m
WHERE c.id = m.id;

DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT conname, definition FROM create_evses_unique_keys ORDER BY conname LOOP
        EXECUTE format('ALTER TABLE "Transactions" ADD CONSTRAINT %I %s',
                       k.conname, k.definition);
    END LOOP;
END
$$;
DROP TABLE create_evses_unique_keys;

-- PostgreSQL checks each foreign key with one join over the table. The statistics of "evseId"
-- still say what the column held before the update (nothing), which would plan that check as
-- a nested loop over every linked row; a hash join is what it is, at a fraction of the cost of
-- analyzing the table first. The setting is put back right after.
DO $$
DECLARE
    before text := current_setting('enable_nestloop');
BEGIN
    PERFORM set_config('enable_nestloop', 'off', true);
    ALTER TABLE "Transactions"
        ADD CONSTRAINT "Transactions_evseId_fkey" FOREIGN KEY ("evseId")
            REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
    ALTER TABLE "ChargingNeeds"
        ADD CONSTRAINT "ChargingNeeds_evseId_fkey" FOREIGN KEY ("evseId")
            REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
    PERFORM set_config('enable_nestloop', before, true);
END
$$;

DROP TABLE create_evses_station_evse;
DROP VIEW create_evses_charging_need_links;
DROP VIEW create_evses_transaction_links;
