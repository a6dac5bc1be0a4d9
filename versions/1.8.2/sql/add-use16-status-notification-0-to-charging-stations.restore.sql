-- add-use16-status-notification-0-to-charging-stations, restore: the stations that the step's
-- down kept in the archive (use16StatusNotification0 false) get that value back, where they
-- still exist; then the archive table goes. Nothing happens when there is no such archive table.
-- Used by 20260202120000-add-use16-status-notification-0-to-charging-stations (up, once the
-- column exists) and by the consolidated migrations (finalize phase).
DO $$
BEGIN
    IF to_regclass('{archive}."20260202120000_ChargingStations"') IS NOT NULL THEN
        UPDATE public."ChargingStations" AS t SET
            "use16StatusNotification0" = a."use16StatusNotification0"
        FROM {archive}."20260202120000_ChargingStations" AS a
        WHERE a.id = t.id;
        DROP TABLE {archive}."20260202120000_ChargingStations";
    END IF;
END
$$;
