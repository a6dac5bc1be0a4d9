-- add-latest-ocpp-message-timestamp, down: keep every timestamp 1.8.3 wrote in the archive
-- (station id, value), then drop the index and the column.
-- add-latest-ocpp-message-timestamp.restore.sql puts them back.
CREATE TABLE {archive}."20260205150000_ChargingStations" AS
SELECT id, "latestOcppMessageTimestamp" FROM public."ChargingStations"
WHERE "latestOcppMessageTimestamp" IS NOT NULL;
ALTER TABLE {archive}."20260205150000_ChargingStations" ADD PRIMARY KEY (id);

DROP INDEX IF EXISTS public.idx_charging_stations_latest_ocpp_message_timestamp;

ALTER TABLE public."ChargingStations" DROP COLUMN "latestOcppMessageTimestamp";
