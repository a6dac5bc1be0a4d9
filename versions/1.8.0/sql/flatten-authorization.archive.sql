-- flatten-authorization, part 1: put ALL of the 1.7 token data in the archive schema before
-- anything is changed (used by 20250621120000-flatten-authorization and by the consolidated
-- 1.7.0 -> 1.8.0 migration): a copy of Authorizations' old columns, and the four token tables
-- themselves, moved whole.
--
-- Every row and every column, with the original ids and column names, so that:
--   * nothing the flattened schema has no place for is lost (tokens no authorization uses, the
--     tokens StartTransactions point to, infos and additional infos nobody uses);
--   * later steps (schema-fix) can look up the token of TransactionEvents.idTokenId,
--     StopTransactions.idTokenDatabaseId and LocalListAuthorizations.idTokenId/idTokenInfoId;
--   * the step's down can restore the old tables exactly.
-- The sequences' states are kept too, so down puts them back where they were.
--
-- Expects: the 1.7 tables in public, the archive schema created, none of these tables present.
-- Leaves: IdTokens, IdTokenInfos, AdditionalInfos and IdTokenAdditionalInfos gone from public
-- (1.8.0 has no place for them), together with every foreign key into or out of them.

-- Authorizations with the columns they have before flattening (dump 06), named: the
-- consolidated migration runs this file after its expand phase, when the flat columns already
-- exist, and both paths must archive the same thing. This table stays in public, so it is copied.
CREATE TABLE {archive}."20250621120000_Authorizations" AS
SELECT id, "allowedConnectorTypes", "disallowedEvseIdPrefixes", "idTokenId", "idTokenInfoId",
       "createdAt", "updatedAt", "tenantId", "concurrentTransaction", "realTimeAuth",
       "realTimeAuthUrl"
FROM public."Authorizations";
ALTER TABLE {archive}."20250621120000_Authorizations" ADD PRIMARY KEY (id);
CREATE INDEX ON {archive}."20250621120000_Authorizations" ("idTokenId");

-- The sequences' positions, before their tables leave public.
CREATE TABLE {archive}."20250621120000_IdTokens_id_seq" AS
    SELECT last_value, is_called FROM public."IdTokens_id_seq";
CREATE TABLE {archive}."20250621120000_IdTokenInfos_id_seq" AS
    SELECT last_value, is_called FROM public."IdTokenInfos_id_seq";
CREATE TABLE {archive}."20250621120000_AdditionalInfos_id_seq" AS
    SELECT last_value, is_called FROM public."AdditionalInfos_id_seq";

-- The four token tables are not copied but moved into the archive, whole (a catalog change:
-- no row is read or written, however many tokens there are). What made them part of the live
-- schema goes: every foreign key into or out of them (the columns of other tables that held
-- token ids keep their values, which the archive resolves), their other unique keys, their
-- column defaults and the sequences those used. Each keeps a primary key, named like the
-- archive's other tables (the consolidated migration's expand phase has already dropped the
-- original one, so it is made again there).
DO $$
DECLARE
    old_tables text[] := ARRAY['IdTokens', 'IdTokenInfos', 'AdditionalInfos',
                               'IdTokenAdditionalInfos'];
    keys text[] := ARRAY['id', 'id', 'id', '"idTokenId", "additionalInfoId"'];
    oids oid[];
    k record;
    i int;
    moved text;
    pkey name;
BEGIN
    SELECT array_agg(to_regclass(format('public.%I', t)) ORDER BY n)
      INTO oids FROM unnest(old_tables) WITH ORDINALITY AS u(t, n);

    -- A view (or rule) over one of them would follow it into the archive unnoticed: stop instead,
    -- naming it, as dropping the tables would.
    SELECT string_agg(DISTINCT r.ev_class::regclass::text, ', ') INTO moved
    FROM pg_depend AS d
    JOIN pg_rewrite AS r ON r.oid = d.objid
    WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.refobjid = ANY(oids) AND r.ev_class <> ALL(oids);
    IF moved IS NOT NULL THEN
        RAISE EXCEPTION 'the 1.7 token tables, which 1.8.0 no longer has, are used by %; drop or '
                        'change that first', moved;
    END IF;

    FOR k IN SELECT con.conrelid::regclass::text AS rel, con.conname
             FROM pg_constraint AS con
             WHERE con.contype = 'f'
               AND (con.confrelid = ANY(oids) OR con.conrelid = ANY(oids))
             ORDER BY 1, 2 LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.rel, k.conname);
    END LOOP;

    FOR i IN 1 .. array_length(old_tables, 1) LOOP
        moved := format('{archive}.%I', '20250621120000_' || old_tables[i]);
        EXECUTE format('ALTER TABLE public.%I SET SCHEMA {archive}', old_tables[i]);
        EXECUTE format('ALTER TABLE {archive}.%I RENAME TO %I',
                       old_tables[i], '20250621120000_' || old_tables[i]);

        FOR k IN SELECT conname FROM pg_constraint
                 WHERE conrelid = oids[i] AND contype IN ('u', 'x') ORDER BY 1 LOOP
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', moved, k.conname);
        END LOOP;

        FOR k IN SELECT a.attname FROM pg_attrdef AS d
                 JOIN pg_attribute AS a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                 WHERE d.adrelid = oids[i] ORDER BY 1 LOOP
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', moved, k.attname);
        END LOOP;

        -- sequences owned by the table's columns moved with it
        FOR k IN SELECT s.oid::regclass::text AS seq FROM pg_depend AS d
                 JOIN pg_class AS s ON s.oid = d.objid
                 WHERE d.classid = 'pg_class'::regclass AND d.refobjid = oids[i]
                   AND d.deptype = 'a' AND s.relkind = 'S' ORDER BY 1 LOOP
            EXECUTE format('DROP SEQUENCE %s', k.seq);
        END LOOP;

        SELECT conname INTO pkey FROM pg_constraint
        WHERE conrelid = oids[i] AND contype = 'p';
        IF pkey IS NULL THEN
            EXECUTE format('ALTER TABLE {archive}.%I ADD CONSTRAINT %I PRIMARY KEY (%s)',
                           '20250621120000_' || old_tables[i],
                           '20250621120000_' || old_tables[i] || '_pkey', keys[i]);
        ELSIF pkey <> '20250621120000_' || old_tables[i] || '_pkey' THEN
            EXECUTE format('ALTER TABLE {archive}.%I RENAME CONSTRAINT %I TO %I',
                           '20250621120000_' || old_tables[i], pkey,
                           '20250621120000_' || old_tables[i] || '_pkey');
        END IF;
    END LOOP;
END
$$;

-- The moved tables keep the statistics they had; one that never had any gets them, as the joins
-- that follow read it.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['20250621120000_IdTokens', '20250621120000_IdTokenInfos',
                             '20250621120000_AdditionalInfos',
                             '20250621120000_IdTokenAdditionalInfos'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = '{archive}' AND tablename = t)
        THEN
            EXECUTE format('ANALYZE {archive}.%I', t);
        END IF;
    END LOOP;
END
$$;

-- The consolidated 1.7.0 -> 1.8.0 migration drops the old token tables without ever giving them
-- "tenantId" (1.8.0 has no such tables); their copies get it here, holding the default tenant
-- that every 1.7 row is given, so that the step's down restores them alike on either path.
ALTER TABLE {archive}."20250621120000_IdTokens"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_IdTokenInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_AdditionalInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
ALTER TABLE {archive}."20250621120000_IdTokenAdditionalInfos"
    ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL;
