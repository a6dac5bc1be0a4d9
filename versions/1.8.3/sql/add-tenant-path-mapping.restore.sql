-- add-tenant-path-mapping, restore: when an earlier down archived the mappings 1.8.3 had
-- written, put them back on the profiles that still exist (by id), then drop the archive.
--
-- Expects: "ServerNetworkProfiles"."tenantPathMapping" present. Nothing happens without the
-- archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260219091500_ServerNetworkProfiles"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."ServerNetworkProfiles" AS p
    SET "tenantPathMapping" = a."tenantPathMapping"
    FROM {archive}."20260219091500_ServerNetworkProfiles" AS a
    WHERE p.id = a.id;
    DROP TABLE {archive}."20260219091500_ServerNetworkProfiles";
END
$$;
