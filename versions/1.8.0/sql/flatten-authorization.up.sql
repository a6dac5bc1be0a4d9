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
UPDATE public."Authorizations" p
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
    "concurrentTransaction" = COALESCE(p."concurrentTransaction", false)
$sql$
    || CASE WHEN also_group_id_token_id THEN $sql$, "groupIdTokenId" = g.id $sql$
            ELSE '' END
    || $sql$
FROM {archive}."20250621120000_Authorizations" a
JOIN {archive}."20250621120000_IdTokens" t ON t.id = a."idTokenId"
LEFT JOIN {archive}."20250621120000_IdTokenInfos" i ON i.id = a."idTokenInfoId"
-- the owner of the group token: the authorization (with a token value) holding it
LEFT JOIN (
    SELECT ga.id, ga."idTokenId"
    FROM {archive}."20250621120000_Authorizations" ga
    JOIN {archive}."20250621120000_IdTokens" gt ON gt.id = ga."idTokenId"
    WHERE gt."idToken" IS NOT NULL
) g ON g."idTokenId" = i."groupIdTokenId"
LEFT JOIN (
    SELECT l."idTokenId",
           jsonb_agg(jsonb_build_object('additionalIdToken', x."additionalIdToken",
                                        'type', x.type)
                     ORDER BY x.id) AS info
    FROM {archive}."20250621120000_IdTokenAdditionalInfos" l
    JOIN {archive}."20250621120000_AdditionalInfos" x ON x.id = l."additionalInfoId"
    GROUP BY l."idTokenId"
) e ON e."idTokenId" = a."idTokenId"
WHERE p.id = a.id AND t."idToken" IS NOT NULL
$sql$;
END
$flatten$;
