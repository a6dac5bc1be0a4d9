-- Drops the archive schema when nothing is left in it (no table, sequence, view, type or
-- function): an up that has put back what its down archived leaves no empty schema behind.
-- Used by the 1.8.x steps after they restore, and by the consolidated migrations after those
-- restores.
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM pg_namespace AS n
        WHERE n.nspname = '{archive}'
          AND NOT EXISTS (SELECT 1 FROM pg_class AS c WHERE c.relnamespace = n.oid)
          AND NOT EXISTS (SELECT 1 FROM pg_type AS t WHERE t.typnamespace = n.oid)
          AND NOT EXISTS (SELECT 1 FROM pg_proc AS p WHERE p.pronamespace = n.oid)
    ) THEN
        DROP SCHEMA {archive};
    END IF;
END
$$;
