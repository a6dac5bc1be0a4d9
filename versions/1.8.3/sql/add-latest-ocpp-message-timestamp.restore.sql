-- add-latest-ocpp-message-timestamp, restore: when an earlier down archived the timestamps 1.8.3
-- had written, put them back on the stations that still exist (by id), then drop the archive.
--
-- Expects: "ChargingStations"."latestOcppMessageTimestamp" present (NULL everywhere). Nothing
-- happens without the archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260205150000_ChargingStations"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."ChargingStations" AS s
    SET "latestOcppMessageTimestamp" = a."latestOcppMessageTimestamp"
    FROM {archive}."20260205150000_ChargingStations" AS a
    WHERE s.id = a.id;
    DROP TABLE {archive}."20260205150000_ChargingStations";
END
$$;
