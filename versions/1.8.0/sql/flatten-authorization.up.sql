-- flatten-authorization, part 2: fill the flat token columns of Authorizations from the archived
-- 1.7 tables (used by 20250621120000-flatten-authorization and by the consolidated
-- 1.7.0 -> 1.8.0 migration).
--
-- Expects: flatten-authorization.archive.sql has run, and public."Authorizations" has the flat
-- columns "idToken" (still nullable), "idTokenType", "additionalInfo", status,
-- "cacheExpiryDateTime", "chargingPriority", language1, language2, "personalMessage" and
-- "groupAuthorizationId". Reads the old links only from the archive, so the old columns and
-- tables may already be gone.

-- 1. Authorizations that 1.8.0 cannot hold: no token (idTokenId NULL) or a token without a value
--    ("idToken" is NOT NULL in 1.8.0). They are in the archive copy of Authorizations already;
--    a LocalListAuthorizations row that points to one keeps its link in the archive and loses
--    it here (the foreign key would not let the row go otherwise).
CREATE TABLE {archive}."20250621120000_LocalListAuthorizations" AS
SELECT l.id, l."authorizationId"
FROM public."LocalListAuthorizations" l
WHERE l."authorizationId" IN (
    SELECT a.id
    FROM {archive}."20250621120000_Authorizations" a
    LEFT JOIN {archive}."20250621120000_IdTokens" t ON t.id = a."idTokenId"
    WHERE t."idToken" IS NULL
);
ALTER TABLE {archive}."20250621120000_LocalListAuthorizations" ADD PRIMARY KEY (id);

UPDATE public."LocalListAuthorizations" l
SET "authorizationId" = NULL
FROM {archive}."20250621120000_LocalListAuthorizations" k
WHERE l.id = k.id;

DELETE FROM public."Authorizations" p
USING {archive}."20250621120000_Authorizations" a
LEFT JOIN {archive}."20250621120000_IdTokens" t ON t.id = a."idTokenId"
WHERE p.id = a.id AND t."idToken" IS NULL;

-- 2. One set-based UPDATE fills every remaining authorization:
--    token value and type; the IdTokenInfo fields (status 'Accepted' when there was no info or
--    it had no status); additionalInfo = the token's linked {additionalIdToken, type} pairs
--    (NULL when none); groupAuthorizationId = the authorization that owns the group token (NULL
--    when no remaining authorization owns it), written to "groupIdTokenId" as well where that
--    column exists (upstream's 1.8.0 step has it, 1.8.0 itself no longer does);
--    concurrentTransaction NULL becomes false.
--    The big joins get memory for their hashes, and no JIT (transaction-local settings).
SET LOCAL work_mem = '256MB';
SET LOCAL jit = off;

DO $flatten$
DECLARE
    also_group_id_token_id boolean := EXISTS (
        SELECT 1 FROM pg_attribute
        WHERE attrelid = 'public."Authorizations"'::regclass
          AND attname = 'groupIdTokenId' AND NOT attisdropped);
BEGIN
EXECUTE $sql$
WITH owners AS MATERIALIZED (
    SELECT a.id, a."idTokenId", a."idTokenInfoId"
    FROM {archive}."20250621120000_Authorizations" a
    JOIN {archive}."20250621120000_IdTokens" t ON t.id = a."idTokenId"
    WHERE t."idToken" IS NOT NULL
),
groups AS (
    SELECT i.id AS info_id, g.id AS group_id
    FROM {archive}."20250621120000_IdTokenInfos" i
    JOIN owners g ON g."idTokenId" = i."groupIdTokenId"
),
extra AS (
    SELECT l."idTokenId",
           jsonb_agg(jsonb_build_object('additionalIdToken', x."additionalIdToken",
                                        'type', x.type)
                     ORDER BY x.id) AS info
    FROM {archive}."20250621120000_IdTokenAdditionalInfos" l
    JOIN {archive}."20250621120000_AdditionalInfos" x ON x.id = l."additionalInfoId"
    GROUP BY l."idTokenId"
),
src AS (
    SELECT o.id,
           t."idToken",
           t.type,
           e.info,
           i.status,
           i."cacheExpiryDateTime",
           i."chargingPriority",
           i.language1,
           i.language2,
           i."personalMessage",
           gr.group_id
    FROM owners o
    JOIN {archive}."20250621120000_IdTokens" t ON t.id = o."idTokenId"
    LEFT JOIN {archive}."20250621120000_IdTokenInfos" i ON i.id = o."idTokenInfoId"
    LEFT JOIN groups gr ON gr.info_id = o."idTokenInfoId"
    LEFT JOIN extra e ON e."idTokenId" = o."idTokenId"
)
UPDATE public."Authorizations" p
SET "idToken" = s."idToken",
    "idTokenType" = s.type,
    "additionalInfo" = s.info,
    status = COALESCE(s.status, 'Accepted'),
    "cacheExpiryDateTime" = s."cacheExpiryDateTime",
    "chargingPriority" = s."chargingPriority",
    language1 = s.language1,
    language2 = s.language2,
    "personalMessage" = s."personalMessage",
    "groupAuthorizationId" = s.group_id,
    "concurrentTransaction" = COALESCE(p."concurrentTransaction", false)
$sql$
    || CASE WHEN also_group_id_token_id THEN $sql$, "groupIdTokenId" = s.group_id $sql$
            ELSE '' END
    || $sql$
FROM src s
WHERE p.id = s.id
$sql$;
END
$flatten$;
