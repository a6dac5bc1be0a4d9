-- flatten-authorization, down: from the flattened Authorizations (schema 07) back to the 1.7
-- token tables (schema 06), restoring every row from the archive copies that up made.
--
-- Authorizations that are in the archive get their old idTokenId / idTokenInfoId back (and a
-- concurrentTransaction that up turned from NULL into false is NULL again); authorizations that
-- were created after up (not in the archive) get IdTokens / IdTokenInfos / AdditionalInfos
-- rows built from their flat columns. Authorizations that up removed (no token value) come
-- back, with their LocalListAuthorizations links.
-- Expects: the archive tables of flatten-authorization.archive.sql and .up.sql.

-- The joins below get memory for their hashes, and no JIT (transaction-local settings).
SET LOCAL work_mem = '256MB';
SET LOCAL jit = off;

-- 1. The 1.7 token tables, as upstream's initial migration made them, with their rows.
CREATE TABLE public."AdditionalInfos" (
    id integer NOT NULL,
    "additionalIdToken" character varying(255),
    type character varying(255),
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL
);
CREATE SEQUENCE public."AdditionalInfos_id_seq"
    AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public."AdditionalInfos_id_seq" OWNED BY public."AdditionalInfos".id;
ALTER TABLE ONLY public."AdditionalInfos"
    ALTER COLUMN id SET DEFAULT nextval('public."AdditionalInfos_id_seq"'::regclass);

CREATE TABLE public."IdTokenAdditionalInfos" (
    "idTokenId" integer NOT NULL,
    "additionalInfoId" integer NOT NULL,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL
);

CREATE TABLE public."IdTokenInfos" (
    id integer NOT NULL,
    status character varying(255),
    "cacheExpiryDateTime" timestamp with time zone,
    "chargingPriority" integer,
    language1 character varying(255),
    "groupIdTokenId" integer,
    language2 character varying(255),
    "personalMessage" json,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL
);
CREATE SEQUENCE public."IdTokenInfos_id_seq"
    AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public."IdTokenInfos_id_seq" OWNED BY public."IdTokenInfos".id;
ALTER TABLE ONLY public."IdTokenInfos"
    ALTER COLUMN id SET DEFAULT nextval('public."IdTokenInfos_id_seq"'::regclass);

CREATE TABLE public."IdTokens" (
    id integer NOT NULL,
    "idToken" character varying(255),
    type character varying(255),
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL
);
CREATE SEQUENCE public."IdTokens_id_seq"
    AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public."IdTokens_id_seq" OWNED BY public."IdTokens".id;
ALTER TABLE ONLY public."IdTokens"
    ALTER COLUMN id SET DEFAULT nextval('public."IdTokens_id_seq"'::regclass);

INSERT INTO public."IdTokens" (id, "idToken", type, "createdAt", "updatedAt", "tenantId")
SELECT id, "idToken", type, "createdAt", "updatedAt", "tenantId"
FROM {archive}."20250621120000_IdTokens";

INSERT INTO public."IdTokenInfos" (id, status, "cacheExpiryDateTime", "chargingPriority",
    language1, "groupIdTokenId", language2, "personalMessage", "createdAt", "updatedAt",
    "tenantId")
SELECT id, status, "cacheExpiryDateTime", "chargingPriority", language1, "groupIdTokenId",
       language2, "personalMessage", "createdAt", "updatedAt", "tenantId"
FROM {archive}."20250621120000_IdTokenInfos";

INSERT INTO public."AdditionalInfos" (id, "additionalIdToken", type, "createdAt", "updatedAt",
    "tenantId")
SELECT id, "additionalIdToken", type, "createdAt", "updatedAt", "tenantId"
FROM {archive}."20250621120000_AdditionalInfos";

INSERT INTO public."IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId", "createdAt",
    "updatedAt", "tenantId")
SELECT "idTokenId", "additionalInfoId", "createdAt", "updatedAt", "tenantId"
FROM {archive}."20250621120000_IdTokenAdditionalInfos";

ALTER TABLE ONLY public."AdditionalInfos"
    ADD CONSTRAINT "AdditionalInfos_additionalIdToken_type_key"
        UNIQUE ("additionalIdToken", type),
    ADD CONSTRAINT "AdditionalInfos_pkey" PRIMARY KEY (id);
ALTER TABLE ONLY public."IdTokenAdditionalInfos"
    ADD CONSTRAINT "IdTokenAdditionalInfos_pkey" PRIMARY KEY ("idTokenId", "additionalInfoId");
ALTER TABLE ONLY public."IdTokenInfos"
    ADD CONSTRAINT "IdTokenInfos_pkey" PRIMARY KEY (id);
ALTER TABLE ONLY public."IdTokens"
    ADD CONSTRAINT "IdTokens_idToken_type_key" UNIQUE ("idToken", type),
    ADD CONSTRAINT "IdTokens_pkey" PRIMARY KEY (id);
CREATE UNIQUE INDEX id_tokens_id_token ON public."IdTokens" USING btree ("idToken")
    WHERE (type IS NULL);

-- 1b. Sequences: back where they were, unless the rows need them further on (never backwards).
--     Before any row is made from the flat columns below, so those get fresh ids.
SELECT CASE
    WHEN k.last_value - (NOT k.is_called)::int >= n.need
        THEN setval('public."IdTokens_id_seq"'::regclass, k.last_value, k.is_called)
    ELSE setval('public."IdTokens_id_seq"'::regclass, n.need, true) END
FROM {archive}."20250621120000_IdTokens_id_seq" k,
     (SELECT GREATEST((SELECT COALESCE(max(id), 0) FROM public."IdTokens"),
                      (SELECT last_value - (NOT is_called)::int
                       FROM public."IdTokens_id_seq")) AS need) n;
SELECT CASE
    WHEN k.last_value - (NOT k.is_called)::int >= n.need
        THEN setval('public."IdTokenInfos_id_seq"'::regclass, k.last_value, k.is_called)
    ELSE setval('public."IdTokenInfos_id_seq"'::regclass, n.need, true) END
FROM {archive}."20250621120000_IdTokenInfos_id_seq" k,
     (SELECT GREATEST((SELECT COALESCE(max(id), 0) FROM public."IdTokenInfos"),
                      (SELECT last_value - (NOT is_called)::int
                       FROM public."IdTokenInfos_id_seq")) AS need) n;
SELECT CASE
    WHEN k.last_value - (NOT k.is_called)::int >= n.need
        THEN setval('public."AdditionalInfos_id_seq"'::regclass, k.last_value, k.is_called)
    ELSE setval('public."AdditionalInfos_id_seq"'::regclass, n.need, true) END
FROM {archive}."20250621120000_AdditionalInfos_id_seq" k,
     (SELECT GREATEST((SELECT COALESCE(max(id), 0) FROM public."AdditionalInfos"),
                      (SELECT last_value - (NOT is_called)::int
                       FROM public."AdditionalInfos_id_seq")) AS need) n;

-- 2. Authorizations: the old link columns come back in their 1.7 place (after the arrays), so
--    the columns that follow them in 1.7 are rebuilt behind them: new columns "<name>__down"
--    are filled by the same UPDATE that restores the links, then swapped in below.
ALTER TABLE public."Authorizations" DROP CONSTRAINT "Authorizations_groupIdTokenId_fkey";
ALTER TABLE public."Authorizations"
    ADD COLUMN "idTokenId" integer,
    ADD COLUMN "idTokenInfoId" integer,
    ADD COLUMN "createdAt__down" timestamp with time zone,
    ADD COLUMN "updatedAt__down" timestamp with time zone,
    ADD COLUMN "tenantId__down" integer,
    ADD COLUMN "concurrentTransaction__down" boolean,
    ADD COLUMN "realTimeAuth__down" character varying(255),
    ADD COLUMN "realTimeAuthUrl__down" character varying(255);

UPDATE public."Authorizations" p
SET "idTokenId" = s."idTokenId",
    "idTokenInfoId" = s."idTokenInfoId",
    "createdAt__down" = p."createdAt",
    "updatedAt__down" = p."updatedAt",
    "tenantId__down" = p."tenantId",
    "concurrentTransaction__down" = CASE
        WHEN s.archived AND s."concurrentTransaction" IS NULL
             AND p."concurrentTransaction" IS FALSE THEN NULL
        ELSE p."concurrentTransaction" END,
    "realTimeAuth__down" = p."realTimeAuth",
    "realTimeAuthUrl__down" = p."realTimeAuthUrl"
FROM (
    SELECT q.id, a.id IS NOT NULL AS archived, a."idTokenId", a."idTokenInfoId",
           a."concurrentTransaction"
    FROM public."Authorizations" q
    LEFT JOIN {archive}."20250621120000_Authorizations" a ON a.id = q.id
) s
WHERE p.id = s.id;

-- 2b. Authorizations created after up: build their token rows from the flat columns.
INSERT INTO public."IdTokens" ("idToken", type, "createdAt", "updatedAt", "tenantId")
SELECT DISTINCT ON (p."idToken", p."idTokenType")
       p."idToken", p."idTokenType", p."createdAt", p."updatedAt", p."tenantId"
FROM public."Authorizations" p
WHERE p."idTokenId" IS NULL
  AND NOT EXISTS (SELECT 1 FROM {archive}."20250621120000_Authorizations" a WHERE a.id = p.id)
  AND NOT EXISTS (SELECT 1 FROM public."IdTokens" t
                  WHERE t."idToken" = p."idToken"
                    AND t.type IS NOT DISTINCT FROM p."idTokenType")
ORDER BY p."idToken", p."idTokenType", p.id;

UPDATE public."Authorizations" p
SET "idTokenId" = t.id
FROM public."IdTokens" t
WHERE p."idTokenId" IS NULL
  AND NOT EXISTS (SELECT 1 FROM {archive}."20250621120000_Authorizations" a WHERE a.id = p.id)
  AND t."idToken" = p."idToken"
  AND t.type IS NOT DISTINCT FROM p."idTokenType";

WITH m AS MATERIALIZED (
    SELECT p.id AS auth_id, nextval('public."IdTokenInfos_id_seq"'::regclass) AS info_id
    FROM public."Authorizations" p
    WHERE p."idTokenInfoId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM {archive}."20250621120000_Authorizations" a
                      WHERE a.id = p.id)
),
made AS (
    INSERT INTO public."IdTokenInfos" (id, status, "cacheExpiryDateTime", "chargingPriority",
        language1, "groupIdTokenId", language2, "personalMessage", "createdAt", "updatedAt",
        "tenantId")
    SELECT m.info_id, p.status, p."cacheExpiryDateTime", p."chargingPriority", p.language1,
           g."idTokenId", p.language2, p."personalMessage", p."createdAt", p."updatedAt",
           p."tenantId"
    FROM m
    JOIN public."Authorizations" p ON p.id = m.auth_id
    LEFT JOIN public."Authorizations" g
        ON g.id = COALESCE(p."groupAuthorizationId", p."groupIdTokenId")
)
UPDATE public."Authorizations" p
SET "idTokenInfoId" = m.info_id
FROM m
WHERE p.id = m.auth_id;

INSERT INTO public."AdditionalInfos" ("additionalIdToken", type, "createdAt", "updatedAt",
    "tenantId")
SELECT DISTINCT ON (e ->> 'additionalIdToken', e ->> 'type')
       e ->> 'additionalIdToken', e ->> 'type', p."createdAt", p."updatedAt", p."tenantId"
FROM public."Authorizations" p
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(p."additionalInfo") = 'array' THEN p."additionalInfo"
         ELSE '[]'::jsonb END) e
WHERE NOT EXISTS (SELECT 1 FROM {archive}."20250621120000_Authorizations" a WHERE a.id = p.id)
  AND NOT EXISTS (SELECT 1 FROM public."AdditionalInfos" x
                  WHERE x."additionalIdToken" IS NOT DISTINCT FROM e ->> 'additionalIdToken'
                    AND x.type IS NOT DISTINCT FROM e ->> 'type')
ORDER BY e ->> 'additionalIdToken', e ->> 'type', p.id;

INSERT INTO public."IdTokenAdditionalInfos" ("idTokenId", "additionalInfoId", "createdAt",
    "updatedAt", "tenantId")
SELECT DISTINCT ON (p."idTokenId", x.id)
       p."idTokenId", x.id, p."createdAt", p."updatedAt", p."tenantId"
FROM public."Authorizations" p
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(p."additionalInfo") = 'array' THEN p."additionalInfo"
         ELSE '[]'::jsonb END) e
JOIN public."AdditionalInfos" x
    ON x."additionalIdToken" IS NOT DISTINCT FROM e ->> 'additionalIdToken'
   AND x.type IS NOT DISTINCT FROM e ->> 'type'
WHERE NOT EXISTS (SELECT 1 FROM {archive}."20250621120000_Authorizations" a WHERE a.id = p.id)
ORDER BY p."idTokenId", x.id, p.id
ON CONFLICT DO NOTHING;

-- 2c. Drop the flat columns and swap the rebuilt columns in.
ALTER TABLE public."Authorizations"
    DROP COLUMN "idToken",
    DROP COLUMN "idTokenType",
    DROP COLUMN "additionalInfo",
    DROP COLUMN status,
    DROP COLUMN "cacheExpiryDateTime",
    DROP COLUMN "chargingPriority",
    DROP COLUMN language1,
    DROP COLUMN language2,
    DROP COLUMN "personalMessage",
    DROP COLUMN "groupIdTokenId",
    DROP COLUMN "customData",
    DROP COLUMN "groupAuthorizationId",
    DROP COLUMN "createdAt",
    DROP COLUMN "updatedAt",
    DROP COLUMN "tenantId",
    DROP COLUMN "concurrentTransaction",
    DROP COLUMN "realTimeAuth",
    DROP COLUMN "realTimeAuthUrl";
ALTER TABLE public."Authorizations" RENAME COLUMN "createdAt__down" TO "createdAt";
ALTER TABLE public."Authorizations" RENAME COLUMN "updatedAt__down" TO "updatedAt";
ALTER TABLE public."Authorizations" RENAME COLUMN "tenantId__down" TO "tenantId";
ALTER TABLE public."Authorizations"
    RENAME COLUMN "concurrentTransaction__down" TO "concurrentTransaction";
ALTER TABLE public."Authorizations" RENAME COLUMN "realTimeAuth__down" TO "realTimeAuth";
ALTER TABLE public."Authorizations" RENAME COLUMN "realTimeAuthUrl__down" TO "realTimeAuthUrl";
ALTER TABLE public."Authorizations"
    ALTER COLUMN "createdAt" SET NOT NULL,
    ALTER COLUMN "updatedAt" SET NOT NULL,
    ALTER COLUMN "tenantId" SET DEFAULT 1,
    ALTER COLUMN "tenantId" SET NOT NULL,
    ALTER COLUMN "concurrentTransaction" SET DEFAULT false,
    ALTER COLUMN "realTimeAuth" SET DEFAULT 'Never'::character varying,
    ALTER COLUMN "realTimeAuth" SET NOT NULL,
    ADD CONSTRAINT "Authorizations_tenantId_fkey" FOREIGN KEY ("tenantId")
        REFERENCES public."Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

-- 2d. The authorizations that up removed (no token value), and their local-list links.
INSERT INTO public."Authorizations" (id, "allowedConnectorTypes", "disallowedEvseIdPrefixes",
    "idTokenId", "idTokenInfoId", "createdAt", "updatedAt", "tenantId", "concurrentTransaction",
    "realTimeAuth", "realTimeAuthUrl")
SELECT a.id, a."allowedConnectorTypes", a."disallowedEvseIdPrefixes", a."idTokenId",
       a."idTokenInfoId", a."createdAt", a."updatedAt", a."tenantId", a."concurrentTransaction",
       a."realTimeAuth", a."realTimeAuthUrl"
FROM {archive}."20250621120000_Authorizations" a
LEFT JOIN {archive}."20250621120000_IdTokens" t ON t.id = a."idTokenId"
WHERE t."idToken" IS NULL;

UPDATE public."LocalListAuthorizations" l
SET "authorizationId" = k."authorizationId"
FROM {archive}."20250621120000_LocalListAuthorizations" k
WHERE l.id = k.id AND l."authorizationId" IS NULL;

-- 3. Keys and foreign keys into the token tables, with upstream's names.
ALTER TABLE ONLY public."Authorizations"
    ADD CONSTRAINT "Authorizations_idTokenId_key" UNIQUE ("idTokenId"),
    ADD CONSTRAINT "Authorizations_idTokenId_fkey" FOREIGN KEY ("idTokenId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE,
    ADD CONSTRAINT "Authorizations_idTokenInfoId_fkey" FOREIGN KEY ("idTokenInfoId")
        REFERENCES public."IdTokenInfos"(id) ON UPDATE CASCADE;
ALTER TABLE ONLY public."AdditionalInfos"
    ADD CONSTRAINT "AdditionalInfos_tenantId_fkey" FOREIGN KEY ("tenantId")
        REFERENCES public."Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public."IdTokenAdditionalInfos"
    ADD CONSTRAINT "IdTokenAdditionalInfos_additionalInfoId_fkey" FOREIGN KEY ("additionalInfoId")
        REFERENCES public."AdditionalInfos"(id) ON UPDATE CASCADE ON DELETE CASCADE,
    ADD CONSTRAINT "IdTokenAdditionalInfos_idTokenId_fkey" FOREIGN KEY ("idTokenId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE ON DELETE CASCADE,
    ADD CONSTRAINT "IdTokenAdditionalInfos_tenantId_fkey" FOREIGN KEY ("tenantId")
        REFERENCES public."Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public."IdTokenInfos"
    ADD CONSTRAINT "IdTokenInfos_groupIdTokenId_fkey" FOREIGN KEY ("groupIdTokenId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE,
    ADD CONSTRAINT "IdTokenInfos_tenantId_fkey" FOREIGN KEY ("tenantId")
        REFERENCES public."Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public."IdTokens"
    ADD CONSTRAINT "IdTokens_tenantId_fkey" FOREIGN KEY ("tenantId")
        REFERENCES public."Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public."LocalListAuthorizations"
    ADD CONSTRAINT "LocalListAuthorizations_idTokenId_fkey" FOREIGN KEY ("idTokenId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE,
    ADD CONSTRAINT "LocalListAuthorizations_idTokenInfoId_fkey" FOREIGN KEY ("idTokenInfoId")
        REFERENCES public."IdTokenInfos"(id) ON UPDATE CASCADE;
ALTER TABLE ONLY public."StartTransactions"
    ADD CONSTRAINT "StartTransactions_idTokenDatabaseId_fkey" FOREIGN KEY ("idTokenDatabaseId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE ONLY public."StopTransactions"
    ADD CONSTRAINT "StopTransactions_idTokenDatabaseId_fkey" FOREIGN KEY ("idTokenDatabaseId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE ONLY public."TransactionEvents"
    ADD CONSTRAINT "TransactionEvents_idTokenId_fkey" FOREIGN KEY ("idTokenId")
        REFERENCES public."IdTokens"(id) ON UPDATE CASCADE ON DELETE SET NULL;
