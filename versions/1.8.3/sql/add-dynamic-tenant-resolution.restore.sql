-- add-dynamic-tenant-resolution, restore: when an earlier down archived the values 1.8.3 had
-- written, put them back on the profiles that still exist (by id), then drop the archive.
--
-- Expects: both columns present. Nothing happens without the archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260211210000_ServerNetworkProfiles"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."ServerNetworkProfiles" AS p
    SET "dynamicTenantResolution" = a."dynamicTenantResolution",
        "maxConnectionsPerTenant" = a."maxConnectionsPerTenant"
    FROM {archive}."20260211210000_ServerNetworkProfiles" AS a
    WHERE p.id = a.id;
    DROP TABLE {archive}."20260211210000_ServerNetworkProfiles";
END
$$;
