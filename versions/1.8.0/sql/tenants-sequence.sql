-- Move "Tenants_id_seq" past every id of "Tenants", never backwards (a sequence already past
-- max(id), as after deleted rows, stays where it is). Upstream inserts the default tenant with an
-- explicit id and leaves the sequence behind, so the next serial insert collides with id 1.
-- Used by 20250430110000-create-default-tenant, by 20250714121000-alter-tenants-table-add-ocpi-fields
-- (the first step a database made by CitrineOS 1.7.x runs that touches Tenants: there
-- create-default-tenant was adopted from SequelizeMeta, not run) and by the consolidated migration.
-- The next value the sequence hands out is last_value + 1 once it has been used (is_called),
-- else last_value itself. Only when max(id) has caught up with that next value is it set, so
-- that the next value becomes max(id) + 1.
SELECT setval('"Tenants_id_seq"', t.max_id, true)
FROM (SELECT max(id) AS max_id FROM "Tenants") AS t,
     "Tenants_id_seq" AS s
WHERE t.max_id >= CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END;
