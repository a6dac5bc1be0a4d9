-- add-meter-start-to-transactions, restore: when an earlier down archived the values 1.8.3 had
-- written, put them back on the transactions that still exist (by id), then drop the archive.
-- The values of transactions deleted since have nothing to go back to.
--
-- Expects: "Transactions"."meterStart" present (NULL everywhere). Nothing happens without the
-- archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260204120000_Transactions"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."Transactions" AS t
    SET "meterStart" = a."meterStart"
    FROM {archive}."20260204120000_Transactions" AS a
    WHERE t.id = a.id;
    DROP TABLE {archive}."20260204120000_Transactions";
END
$$;
