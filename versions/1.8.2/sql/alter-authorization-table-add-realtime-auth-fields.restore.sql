-- alter-authorization-table-add-realtime-auth-fields, restore: the values that the step's down
-- kept in the archive go back on the authorizations that still exist; then the archive table
-- goes. Nothing happens when there is no such archive table.
-- Used by 20260112120000-alter-authorization-table-add-realtime-auth-fields (up, once the
-- columns exist) and by the consolidated migrations (finalize phase).
DO $$
BEGIN
    IF to_regclass('{archive}."20260112120000_Authorizations"') IS NOT NULL THEN
        UPDATE public."Authorizations" AS t SET
            "realTimeAuthLastAttempt" = a."realTimeAuthLastAttempt",
            "realTimeAuthTimeout" = a."realTimeAuthTimeout"
        FROM {archive}."20260112120000_Authorizations" AS a
        WHERE a.id = t.id;
        DROP TABLE {archive}."20260112120000_Authorizations";
    END IF;
END
$$;
