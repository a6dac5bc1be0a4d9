-- --resolve merge-token-duplicates (20260122000000-add-authorization-unique-index): each group of
-- Authorizations of ONE tenant that share a token, ignoring case, and a type (NULL types are
-- no conflict) is merged into its oldest row ("createdAt", then id). Groups that span tenants
-- are left alone (the pre-flight refuses them: they are changed by hand).
--
-- Every reference to a merged row (each single-column foreign key into Authorizations:
-- Transactions, LocalListAuthorizations, group members in Authorizations ...) is repointed at
-- the kept row; the merged rows are then deleted. First, in the archive:
--   "20260122000000_merged_Authorizations": each merged row whole, as it was (a typed copy:
--       json text and timestamps come back exactly), after the id it was merged into, "keptId";
--   "20260122000000_merged_links": each repointed reference: table, column, the referencing
--       row's primary key (jsonb), the merged id it held and the kept id it holds now.
-- The step's down (authorization-token-unmerge.sql) puts rows and links back exactly.
-- Runs on the flat Authorizations of 1.8.0 and later, with idToken varchar or citext.

CREATE TEMPORARY TABLE token_merge ON COMMIT DROP AS
WITH keyed AS (
    SELECT a.id, a."tenantId", a."createdAt",
           lower(a."idToken"::text COLLATE "default") AS token, a."idTokenType" AS type
    FROM public."Authorizations" AS a
    WHERE a."idTokenType" IS NOT NULL
), mergeable AS (
    SELECT token, type FROM keyed GROUP BY token, type
    HAVING count(*) > 1 AND count(DISTINCT "tenantId") = 1
)
SELECT k.id AS "mergedId",
       first_value(k.id) OVER (PARTITION BY k.token, k.type
                               ORDER BY k."createdAt", k.id) AS "keptId"
FROM keyed AS k JOIN mergeable AS m ON m.token = k.token AND m.type = k.type;

DELETE FROM token_merge WHERE "mergedId" = "keptId";

CREATE TABLE IF NOT EXISTS {archive}."20260122000000_merged_Authorizations" AS
SELECT 0 AS "keptId", a.* FROM public."Authorizations" AS a WITH NO DATA;
COMMENT ON TABLE {archive}."20260122000000_merged_Authorizations" IS
    'Authorizations that --resolve merge-token-duplicates merged into an older row of the same '
    'token and type (20260122000000-add-authorization-unique-index): its down puts them back';
CREATE TABLE IF NOT EXISTS {archive}."20260122000000_merged_links" (
    "table" text NOT NULL,
    "column" text NOT NULL,
    "key" jsonb NOT NULL,
    "mergedId" integer NOT NULL,
    "keptId" integer NOT NULL
);
COMMENT ON TABLE {archive}."20260122000000_merged_links" IS
    'References that --resolve merge-token-duplicates repointed from a merged Authorization to '
    'the kept one (20260122000000-add-authorization-unique-index): its down points them back';

INSERT INTO {archive}."20260122000000_merged_Authorizations"
SELECT m."keptId", a.*
FROM public."Authorizations" AS a JOIN token_merge AS m ON m."mergedId" = a.id
ORDER BY a.id;

DO $$
DECLARE
    fk record;
    pk text;
BEGIN
    FOR fk IN SELECT c.conrelid, c.conrelid::regclass::text AS rel, a.attname AS col
              FROM pg_constraint AS c
              JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
              WHERE c.contype = 'f' AND c.confrelid = 'public."Authorizations"'::regclass
                AND cardinality(c.conkey) = 1
              ORDER BY 2, 3 LOOP
        SELECT string_agg(format('%L, r.%I', att.attname, att.attname), ', '
                          ORDER BY array_position(x.indkey::int2[], att.attnum))
          INTO pk
          FROM pg_index AS x
          JOIN pg_attribute AS att ON att.attrelid = x.indrelid AND att.attnum = ANY(x.indkey)
          WHERE x.indrelid = fk.conrelid AND x.indisprimary;
        IF pk IS NULL THEN
            RAISE EXCEPTION '% has no primary key: its references to merged Authorizations '
                            'could not be put back by the down', fk.rel;
        END IF;
        -- A merged row's own references come back with the row itself (the down reinserts it
        -- as it was), so only the other rows' are recorded.
        EXECUTE format(
            'INSERT INTO {archive}."20260122000000_merged_links" '
            'SELECT %L, %L, jsonb_build_object(%s), m."mergedId", m."keptId" '
            'FROM %s AS r JOIN token_merge AS m ON m."mergedId" = r.%I %s',
            fk.rel, fk.col, pk, fk.rel, fk.col,
            CASE WHEN fk.conrelid = 'public."Authorizations"'::regclass
                 THEN 'WHERE r.id NOT IN (SELECT "mergedId" FROM token_merge)' ELSE '' END);
        EXECUTE format('UPDATE %s AS r SET %I = m."keptId" FROM token_merge AS m '
                       'WHERE r.%I = m."mergedId"', fk.rel, fk.col, fk.col);
    END LOOP;
END
$$;

DELETE FROM public."Authorizations" AS a USING token_merge AS m WHERE a.id = m."mergedId";
