-- The groups of authorization-token-conflicts.sql, read on a 1.7 database, where the tokens are
-- still in IdTokens ("idToken", type) and Authorizations link to them by "idTokenId": the rows
-- that flatten-authorization (1.8.0) will give the same token, ignoring case, and the same
-- type. An authorization without a token (no "idTokenId", or a token without a value) is left
-- out: the flatten removes it. {tenant} is "a"."tenantId", or 1 before the tenant steps.
-- Same columns and order as authorization-token-conflicts.sql.
WITH keyed AS (
    SELECT a.id, {tenant} AS "tenantId", t."idToken"::text AS "idToken",
           t.type AS "idTokenType", a."createdAt",
           count(*) OVER w AS "groupSize", min(a.id) OVER w AS "firstId"
    FROM public."Authorizations" AS a
    JOIN public."IdTokens" AS t ON t.id = a."idTokenId"
    WHERE t."idToken" IS NOT NULL AND t.type IS NOT NULL
    WINDOW w AS (PARTITION BY lower(t."idToken"::text COLLATE "default"), t.type)
)
SELECT dense_rank() OVER (ORDER BY "firstId") AS "group", id, "tenantId", "idToken",
       "idTokenType", "groupSize", "createdAt"
FROM keyed
WHERE "groupSize" > 1
ORDER BY "firstId", id
