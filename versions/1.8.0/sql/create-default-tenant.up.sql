-- The default tenant (DEFAULT_TENANT_ID = 1), used by 20250430110000-create-default-tenant and
-- by the consolidated 1.8.0 migration.
--
-- Upstream inserts id 1 explicitly and leaves "Tenants_id_seq" behind, so the next serial insert
-- collides with it. Here the sequence is then moved past every id of the table
-- (tenants-sequence.sql).

INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
VALUES (1, 'Default Tenant', now(), now())
ON CONFLICT (id) DO NOTHING;
