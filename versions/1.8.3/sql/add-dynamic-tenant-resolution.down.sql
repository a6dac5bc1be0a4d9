-- add-dynamic-tenant-resolution, down: keep the profiles whose values differ from what the up
-- gives a profile (false, NULL) in the archive, then drop both columns (their comments go with
-- them). add-dynamic-tenant-resolution.restore.sql puts them back.
CREATE TABLE {archive}."20260211210000_ServerNetworkProfiles" AS
SELECT id, "dynamicTenantResolution", "maxConnectionsPerTenant"
FROM public."ServerNetworkProfiles"
WHERE "dynamicTenantResolution" OR "maxConnectionsPerTenant" IS NOT NULL;
ALTER TABLE {archive}."20260211210000_ServerNetworkProfiles" ADD PRIMARY KEY (id);

ALTER TABLE public."ServerNetworkProfiles"
    DROP COLUMN "dynamicTenantResolution",
    DROP COLUMN "maxConnectionsPerTenant";
