-- flatten-authorization, part 2: fill the flat token columns of Authorizations from the archived
-- 1.7 tables (used by 20250621120000-flatten-authorization and by the consolidated
-- 1.7.0 -> 1.8.0 migration).
--
-- Expects: flatten-authorization.archive.sql has run, and public."Authorizations" has the flat
-- columns "idToken" (still nullable), "idTokenType", "additionalInfo", status,
-- "cacheExpiryDateTime", "chargingPriority", language1, language2, "personalMessage" and
-- "groupAuthorizationId", next to its old links "idTokenId" and "idTokenInfoId" (dropped after
-- this file, by the step or by the consolidated migration's contract phase).
-- Leaves: every authorization that 1.8.0 can hold filled; the others removed (they are in the
-- archive copy of Authorizations); the indexes on the old link columns gone.

-- The big joins get memory for their hashes, and no JIT (transaction-local settings).
SET LOCAL work_mem = '256MB';
SET LOCAL jit = off;

-- 1. Indexes on the old link columns (the unique key on "idTokenId") would take a new entry for
--    every row the fill rewrites; the columns go right after this file, and their indexes with
--    them, so they go now.
DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT x.indexrelid::regclass::text AS index_name, c.conname
             FROM pg_index AS x
             LEFT JOIN pg_constraint AS c
               ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
                  AND c.contype IN ('u', 'x')
             WHERE x.indrelid = 'public."Authorizations"'::regclass AND NOT x.indisprimary
               AND EXISTS (SELECT 1 FROM pg_attribute AS a
                           WHERE a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey)
                             AND a.attname IN ('idTokenId', 'idTokenInfoId'))
             ORDER BY 1 LOOP
        IF k.conname IS NOT NULL THEN
            EXECUTE format('ALTER TABLE public."Authorizations" DROP CONSTRAINT %I', k.conname);
        ELSE
            EXECUTE format('DROP INDEX %s', k.index_name);
        END IF;
    END LOOP;
END
$$;

--    Its primary key would take a new entry for every row the fill rewrites too (a third of
--    the fill's cost): it is taken off with the foreign keys that use it, and all are made again
--    after the fill with the same names and definitions -- unless anything else hangs on it (a
--    comment, a clustered or partitioned table), then everything stays as it is.
CREATE TEMPORARY TABLE flatten_lifted_keys ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS rel, c.conname, pg_get_constraintdef(c.oid) AS definition,
       c.contype = 'p' AS is_primary
FROM pg_constraint AS c
WHERE (c.conrelid = 'public."Authorizations"'::regclass AND c.contype = 'p')
   OR (c.confrelid = 'public."Authorizations"'::regclass AND c.contype = 'f');

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint AS c
               JOIN pg_index AS x ON x.indexrelid = c.conindid
               WHERE c.conrelid = 'public."Authorizations"'::regclass AND c.contype = 'p'
                 AND (x.indisclustered
                      OR obj_description(c.oid, 'pg_constraint') IS NOT NULL
                      OR obj_description(c.conindid, 'pg_class') IS NOT NULL))
       OR EXISTS (SELECT 1 FROM pg_constraint AS c
                  WHERE (c.conrelid = 'public."Authorizations"'::regclass
                         OR c.confrelid = 'public."Authorizations"'::regclass)
                    AND (c.conparentid <> 0
                         OR obj_description(c.oid, 'pg_constraint') IS NOT NULL))
       OR EXISTS (SELECT 1 FROM pg_class
                  WHERE oid = 'public."Authorizations"'::regclass AND relkind <> 'r') THEN
        DELETE FROM flatten_lifted_keys;
    END IF;
END
$$;

DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT rel, conname FROM flatten_lifted_keys ORDER BY is_primary, rel, conname LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.rel, k.conname);
    END LOOP;
END
$$;

-- 2. The owner of each group token: the authorization (with a token value) that holds it; the
--    lowest id should a token have several. Only the tokens that some info names as its group.
CREATE TEMPORARY TABLE flatten_group_owners ON COMMIT DROP AS
SELECT ga."idTokenId", min(ga.id) AS id
FROM {archive}."20250621120000_Authorizations" AS ga
JOIN {archive}."20250621120000_IdTokens" AS gt ON gt.id = ga."idTokenId"
WHERE gt."idToken" IS NOT NULL
  AND ga."idTokenId" IN (SELECT "groupIdTokenId" FROM {archive}."20250621120000_IdTokenInfos")
GROUP BY ga."idTokenId";
ALTER TABLE flatten_group_owners ADD PRIMARY KEY ("idTokenId");

-- The additional infos of each token, as 1.8.0 keeps them: [{additionalIdToken, type}, ...].
CREATE TEMPORARY TABLE flatten_additional_infos ON COMMIT DROP AS
SELECT l."idTokenId",
       jsonb_agg(jsonb_build_object('additionalIdToken', x."additionalIdToken", 'type', x.type)
                 ORDER BY x.id) AS info
FROM {archive}."20250621120000_IdTokenAdditionalInfos" AS l
JOIN {archive}."20250621120000_AdditionalInfos" AS x ON x.id = l."additionalInfoId"
GROUP BY l."idTokenId";
ALTER TABLE flatten_additional_infos ADD PRIMARY KEY ("idTokenId");

-- 3. Every authorization whose token has a value is filled in one of two set-based UPDATEs
--    (with an IdTokenInfo, then without one): token value and type; the IdTokenInfo fields
--    (status 'Accepted' when there was no info or it had no status); additionalInfo = the
--    token's linked {additionalIdToken, type} pairs (NULL when none); groupAuthorizationId =
--    the authorization that owns the group token (NULL when none does), written to
--    "groupIdTokenId" as well where that column exists (upstream's 1.8.0 step has it, 1.8.0
--    itself no longer does); concurrentTransaction NULL becomes false.
DO $flatten$
DECLARE
    also_group_id_token_id boolean := EXISTS (
        SELECT 1 FROM pg_attribute
        WHERE attrelid = 'public."Authorizations"'::regclass
          AND attname = 'groupIdTokenId' AND NOT attisdropped);
    infos CONSTANT text := $sql$
UPDATE public."Authorizations" AS p
SET "idToken" = t."idToken",
    "idTokenType" = t.type,
    "additionalInfo" = e.info,
    status = COALESCE(i.status, 'Accepted'),
    "cacheExpiryDateTime" = i."cacheExpiryDateTime",
    "chargingPriority" = i."chargingPriority",
    language1 = i.language1,
    language2 = i.language2,
    "personalMessage" = i."personalMessage",
    "groupAuthorizationId" = g.id,
    "concurrentTransaction" = COALESCE(p."concurrentTransaction", false) %s
FROM {archive}."20250621120000_IdTokens" AS t
LEFT JOIN flatten_additional_infos AS e ON e."idTokenId" = t.id,
{archive}."20250621120000_IdTokenInfos" AS i
LEFT JOIN flatten_group_owners AS g ON g."idTokenId" = i."groupIdTokenId"
WHERE t.id = p."idTokenId" AND t."idToken" IS NOT NULL AND i.id = p."idTokenInfoId"
$sql$;
    no_info CONSTANT text := $sql$
UPDATE public."Authorizations" AS p
SET "idToken" = t."idToken",
    "idTokenType" = t.type,
    "additionalInfo" = e.info,
    status = 'Accepted',
    "concurrentTransaction" = COALESCE(p."concurrentTransaction", false)
FROM {archive}."20250621120000_IdTokens" AS t
LEFT JOIN flatten_additional_infos AS e ON e."idTokenId" = t.id
WHERE t.id = p."idTokenId" AND t."idToken" IS NOT NULL AND p."idToken" IS NULL
$sql$;
BEGIN
    EXECUTE format(infos, CASE WHEN also_group_id_token_id
                               THEN ', "groupIdTokenId" = g.id' ELSE '' END);
    -- an info that no longer exists counts as none (the foreign key kept that from happening)
    EXECUTE no_info;
END
$flatten$;

-- 4. Authorizations that 1.8.0 cannot hold: no token (idTokenId NULL) or a token without a
--    value ("idToken" is NOT NULL in 1.8.0) -- exactly those the fill left without "idToken".
--    They are in the archive copy of Authorizations already; a LocalListAuthorizations row that
--    points to one keeps its link in the archive and loses it here (the foreign key would not
--    let the row go otherwise).
CREATE TABLE {archive}."20250621120000_LocalListAuthorizations" AS
SELECT l.id, l."authorizationId"
FROM public."LocalListAuthorizations" AS l
JOIN public."Authorizations" AS p ON p.id = l."authorizationId"
WHERE p."idToken" IS NULL;
ALTER TABLE {archive}."20250621120000_LocalListAuthorizations" ADD PRIMARY KEY (id);

UPDATE public."LocalListAuthorizations" AS l
SET "authorizationId" = NULL
FROM {archive}."20250621120000_LocalListAuthorizations" AS k
WHERE l.id = k.id;

DELETE FROM public."Authorizations" WHERE "idToken" IS NULL;

-- 5. The keys taken off in 1 are made again: the primary key, then the foreign keys (each
--    checked once, over its whole table).
DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT rel, conname, definition FROM flatten_lifted_keys
             ORDER BY is_primary DESC, rel, conname LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.rel, k.conname, k.definition);
    END LOOP;
END
$$;

DROP TABLE flatten_additional_infos, flatten_group_owners, flatten_lifted_keys;
