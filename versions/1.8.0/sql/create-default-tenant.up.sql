-- The default tenant (DEFAULT_TENANT_ID = 1), used by 20250430110000-create-default-tenant and
-- by the consolidated 1.8.0 migration.
--
-- Upstream inserts id 1 explicitly and leaves "Tenants_id_seq" behind, so the next serial insert
-- collides with it. Here the sequence is moved past every id of the table; it never moves
-- backwards (a sequence already past max(id), as after deleted rows, stays where it is).

INSERT INTO "Tenants" (id, name, "createdAt", "updatedAt")
VALUES (1, 'Default Tenant', now(), now())
ON CONFLICT (id) DO NOTHING;

-- The next value the sequence hands out is last_value + 1 once it has been used (is_called),
-- else last_value itself. Only when max(id) has caught up with that next value is it set, so
-- that the next value becomes max(id) + 1.
SELECT setval('"Tenants_id_seq"', t.max_id, true)
FROM (SELECT max(id) AS max_id FROM "Tenants") AS t,
     "Tenants_id_seq" AS s
WHERE t.max_id >= CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END;
