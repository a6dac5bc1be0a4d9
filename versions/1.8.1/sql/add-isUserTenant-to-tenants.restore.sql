-- add-isUserTenant-to-tenants, restore: what the step's down kept in the archive goes back on
-- the tenants that still exist: isUserTenant, and the NULL partyId / countryCode that the down
-- had to fill with 'default' / 'US' (only where the filled value is still there: one changed
-- under 1.8.0 meanwhile stays); then the archive table goes. Nothing happens when there is no
-- such archive table.
-- Used by 20251121170000-add-isUserTenant-to-tenants (up, once isUserTenant exists and the two
-- columns are nullable) and by the consolidated migrations (finalize phase).
DO $$
BEGIN
    IF to_regclass('{archive}."20251121170000_Tenants"') IS NOT NULL THEN
        UPDATE public."Tenants" AS t SET
            "isUserTenant" = a."isUserTenant",
            "partyId" = CASE WHEN a."partyIdWasNull" AND t."partyId" = 'default'
                             THEN NULL ELSE t."partyId" END,
            "countryCode" = CASE WHEN a."countryCodeWasNull" AND t."countryCode" = 'US'
                                 THEN NULL ELSE t."countryCode" END
        FROM {archive}."20251121170000_Tenants" AS a
        WHERE a.id = t.id;
        DROP TABLE {archive}."20251121170000_Tenants";
    END IF;
END
$$;
