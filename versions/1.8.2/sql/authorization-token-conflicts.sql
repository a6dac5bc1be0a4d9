-- The Authorizations that the global unique index "idToken_type" (Authorizations("idToken",
-- "idTokenType"), 1.8.2) cannot hold: one row per Authorization of each group of two or more
-- that share a token, ignoring case, and a type, in one tenant or across tenants.
--
-- A NULL type is no conflict: the index treats NULLs as distinct, so any number of rows may
-- share a token without a type. Case is ignored exactly as citext compares (lower() under the
-- database's default collation), so the query gives the same groups before normalize-id-token-case
-- (idToken varchar) and after it (citext).
--
-- Columns: "group" (1, 2, ... in the order of each group's lowest id), id, "tenantId",
-- "idToken" (as written), "idTokenType", "groupSize", "createdAt". Ordered by group, then id.
-- Used by 20260122000000-add-authorization-unique-index: its pre-flight reports these groups
-- before a run starts, and its up refuses when any row comes back. A 1.7 database (tokens still
-- in IdTokens) has its own form of the query: authorization-token-conflicts-1.7.sql.
WITH keyed AS (
    SELECT a.id, a."tenantId", a."idToken"::text AS "idToken", a."idTokenType", a."createdAt",
           count(*) OVER w AS "groupSize", min(a.id) OVER w AS "firstId"
    FROM public."Authorizations" AS a
    WHERE a."idTokenType" IS NOT NULL
    WINDOW w AS (PARTITION BY lower(a."idToken"::text COLLATE "default"), a."idTokenType")
)
SELECT dense_rank() OVER (ORDER BY "firstId") AS "group", id, "tenantId", "idToken",
       "idTokenType", "groupSize", "createdAt"
FROM keyed
WHERE "groupSize" > 1
ORDER BY "firstId", id
