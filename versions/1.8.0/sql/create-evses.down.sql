-- create-evses, data move down: remove the Evses rows that create-evses.up.sql made, and the
-- references to them.
--
-- Expects the schema of dump 12 (after 20250903102900-create-evses) and
-- {archive}."20250903102900_Evses"(id), the ids of the rows to remove.
-- Leaves: those rows gone, Transactions/ChargingNeeds/Connectors."evseId" that named them NULL
-- (the old links stay in schema-fix's archive), and the archive table dropped. The Evses
-- sequence is not moved back.

UPDATE "Transactions" SET "evseId" = NULL
WHERE "evseId" IN (SELECT id FROM {archive}."20250903102900_Evses");
UPDATE "ChargingNeeds" SET "evseId" = NULL
WHERE "evseId" IN (SELECT id FROM {archive}."20250903102900_Evses");
UPDATE "Connectors" SET "evseId" = NULL
WHERE "evseId" IN (SELECT id FROM {archive}."20250903102900_Evses");

-- Without an index on the referencing columns, ON DELETE SET NULL would scan Transactions once
-- per deleted Evse: take the foreign keys off for the delete and check them once afterwards.
ALTER TABLE "Transactions" DROP CONSTRAINT "Transactions_evseId_fkey";
ALTER TABLE "ChargingNeeds" DROP CONSTRAINT "ChargingNeeds_evseId_fkey";
ALTER TABLE "Connectors" DROP CONSTRAINT "Connectors_evseId_fkey";

DELETE FROM "Evses" WHERE id IN (SELECT id FROM {archive}."20250903102900_Evses");

ALTER TABLE "Transactions"
    ADD CONSTRAINT "Transactions_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "ChargingNeeds"
    ADD CONSTRAINT "ChargingNeeds_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Connectors"
    ADD CONSTRAINT "Connectors_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;

DROP TABLE {archive}."20250903102900_Evses";
