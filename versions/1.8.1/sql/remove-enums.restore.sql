-- remove-enums, restore: the connector status / error code values that the step's down kept in
-- the archive (1.8.0's enums lacked them) go back on the connectors that still exist, where the
-- column is still NULL (a value written under 1.8.0 meanwhile wins); then the archive table
-- goes. Nothing happens when there is no such archive table.
-- Used by 20251111160000-remove-enums (up, after the columns became varchar) and by the
-- consolidated migrations (finalize phase).
DO $$
BEGIN
    IF to_regclass('{archive}."20251111160000_Connectors"') IS NOT NULL THEN
        UPDATE public."Connectors" AS c SET
            status = COALESCE(c.status, a.status),
            "errorCode" = COALESCE(c."errorCode", a."errorCode")
        FROM {archive}."20251111160000_Connectors" AS a
        WHERE a.id = c.id
          AND (c.status IS NULL AND a.status IS NOT NULL
               OR c."errorCode" IS NULL AND a."errorCode" IS NOT NULL);
        DROP TABLE {archive}."20251111160000_Connectors";
    END IF;
END
$$;
