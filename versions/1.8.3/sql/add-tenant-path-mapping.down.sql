-- add-tenant-path-mapping, down: keep every mapping 1.8.3 wrote in the archive (profile id,
-- mapping), then drop the column (its comment goes with it).
-- add-tenant-path-mapping.restore.sql puts them back.
CREATE TABLE {archive}."20260219091500_ServerNetworkProfiles" AS
SELECT id, "tenantPathMapping" FROM public."ServerNetworkProfiles"
WHERE "tenantPathMapping" IS NOT NULL;
ALTER TABLE {archive}."20260219091500_ServerNetworkProfiles" ADD PRIMARY KEY (id);

ALTER TABLE public."ServerNetworkProfiles" DROP COLUMN "tenantPathMapping";
