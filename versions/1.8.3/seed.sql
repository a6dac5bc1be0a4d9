-- Rows every CitrineOS 1.8.3 database holds, inserted by a fresh install from the snapshot: the
-- default tenant, as 1.8.0's steps leave it. Since 1.8.1 "partyId" and "countryCode" have no
-- defaults (add-isUserTenant-to-tenants drops them), so their 1.8.0 values are named here.
-- The sequence is advanced past every id, never backwards.
INSERT INTO "Tenants" (id, name, "partyId", "countryCode", "createdAt", "updatedAt")
VALUES (1, 'Default Tenant', 'default', 'US', now(), now())
ON CONFLICT (id) DO NOTHING;

SELECT setval('"Tenants_id_seq"', GREATEST(
    (SELECT max(id) FROM "Tenants"),
    (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "Tenants_id_seq"),
    1));
