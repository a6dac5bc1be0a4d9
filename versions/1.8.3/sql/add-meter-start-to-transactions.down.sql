-- add-meter-start-to-transactions, down: keep every meter start 1.8.3 wrote in the archive
-- (id, value), then drop the column. add-meter-start-to-transactions.restore.sql puts them back.
CREATE TABLE {archive}."20260204120000_Transactions" AS
SELECT id, "meterStart" FROM public."Transactions" WHERE "meterStart" IS NOT NULL;
ALTER TABLE {archive}."20260204120000_Transactions" ADD PRIMARY KEY (id);

ALTER TABLE public."Transactions" DROP COLUMN "meterStart";
