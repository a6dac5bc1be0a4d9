-- Rows every CitrineOS 1.8.0 database holds, inserted by a fresh install from the snapshot
-- (the steps create the same row in 20250430110000-create-default-tenant).
-- Upstream inserts id 1 explicitly and leaves the sequence behind; we advance it past every id,
-- never backwards.
INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
VALUES (1, 'Default Tenant', now(), now())
ON CONFLICT (id) DO NOTHING;

SELECT setval('"Tenants_id_seq"', GREATEST(
    (SELECT max(id) FROM "Tenants"),
    (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "Tenants_id_seq"),
    1));
