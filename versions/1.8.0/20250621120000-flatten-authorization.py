"""Flatten IdTokens and IdTokenInfos into Authorizations, archiving the old token tables.

Upstream's ``20250621120000-flatten-authorization``, with the same schema effect (dump 07):
Authorizations gets ``idToken`` (NOT NULL), ``idTokenType``, ``additionalInfo``, ``status`` (NOT
NULL DEFAULT 'Accepted'), ``cacheExpiryDateTime``, ``chargingPriority``, ``language1``,
``language2``, ``personalMessage``, ``groupIdTokenId`` (FK to Authorizations), ``customData`` and
``groupAuthorizationId``, and loses ``idTokenId`` / ``idTokenInfoId``; the foreign keys into the
old tables go, and IdTokens, IdTokenInfos, AdditionalInfos and IdTokenAdditionalInfos leave public
(upstream drops them; here they move to the archive, below).

Unlike upstream it loses nothing:

- the four token tables move whole (every row and column, not copied) to
  ``citrine_archive."20250621120000_<Table>"``, next to a copy of Authorizations (1.7 columns)
  and the three sequences' states (``sql/flatten-authorization.archive.sql``); the columns of
  other tables that held token ids (TransactionEvents.idTokenId,
  Start/StopTransactions.idTokenDatabaseId, LocalListAuthorizations.idTokenId/idTokenInfoId)
  keep their values, which the archive resolves;
- both ``groupIdTokenId`` and ``groupAuthorizationId`` hold the id of the Authorization that owns
  the group token (NULL when none does);
- an Authorization that 1.8.0 cannot hold (``idTokenId`` NULL, or a token without a value) is
  removed but stays in the archive, and the step says how many; a LocalListAuthorizations link
  to it is archived in ``"20250621120000_LocalListAuthorizations"`` and set NULL.

``down`` rebuilds the old tables from the archive (same ids, same sequence positions), gives
every archived authorization its old links back, builds token rows for authorizations created
since from their flat columns, puts the removed authorizations back and drops the archive tables.
First it sets the flat columns aside in the archive (``"20250621120000_Authorizations_down"``):
what 1.8 changed or added since (a status, ``customData``) comes back with the next ``up``.
On a 1.8.0 database that never ran this step's ``up`` (installed from the snapshot, or made by
CitrineOS's own runner) there is no archive: every authorization then gets token rows built
from its flat columns, as one created since would.
"""


ARCHIVE_TABLES = (
    "Authorizations",
    "IdTokens",
    "IdTokenInfos",
    "AdditionalInfos",
    "IdTokenAdditionalInfos",
    "LocalListAuthorizations",
    "IdTokens_id_seq",
    "IdTokenInfos_id_seq",
    "AdditionalInfos_id_seq",
)
PREFIX = "20250621120000_"

# What the consolidated migration runs between its expand and contract phases (the same files
# this step runs around its own schema changes).
DATA_MOVES = ("flatten-authorization.archive.sql", "flatten-authorization.up.sql")

# The flat columns, in upstream's order (dump 07); status gets its default and NOT NULL below.
FLAT_COLUMNS = (
    ('"idToken"', "character varying(255)"),
    ('"idTokenType"', "character varying(255)"),
    ('"additionalInfo"', "jsonb"),
    ("status", "character varying(255)"),
    ('"cacheExpiryDateTime"', "timestamp with time zone"),
    ('"chargingPriority"', "integer"),
    ("language1", "character varying(255)"),
    ("language2", "character varying(255)"),
    ('"personalMessage"', "json"),
    ('"groupIdTokenId"', "integer"),
    ('"customData"', "jsonb"),
    ('"groupAuthorizationId"', "integer"),
)


def _archived(ctx, table):
    return f'"{ctx.archive}"."{PREFIX}{table}"'


def _existing_archive_tables(ctx):
    rows = ctx.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = :schema AND c.relkind = 'r' AND c.relname = ANY(:names)",
        {"schema": ctx.archive, "names": [PREFIX + t for t in ARCHIVE_TABLES]},
    )
    return {r[0][len(PREFIX):] for r in rows}


def up(ctx):
    ctx.ensure_archive()
    present = _existing_archive_tables(ctx)
    if present:
        ctx.refuse(
            f"{ctx.step.name}: the archive already holds "
            + ", ".join(f'{ctx.archive}."{PREFIX}{t}"' for t in sorted(present))
            + "; move them away before flattening again"
        )
    # The archive file moves the old token tables out of public (with every foreign key into
    # them); the fill reads the links from the old columns, which go right after it.
    ctx.run_sql_file("flatten-authorization.archive.sql")
    ctx.script(
        'ALTER TABLE public."Authorizations" '
        + ", ".join(f"ADD COLUMN {name} {kind}" for name, kind in FLAT_COLUMNS)
    )
    ctx.run_sql_file("flatten-authorization.up.sql")
    # What was kept, counted while the old link columns are still there (every row left is one
    # that was flattened; the step holds the table's lock, so nothing else came in).
    kept = ctx.execute(
        'SELECT count(*), count(DISTINCT "idTokenId"), count(DISTINCT "idTokenInfoId")'
        ' FROM public."Authorizations"'
    ).one()
    ctx.script(
        'ALTER TABLE public."Authorizations"'
        ' DROP COLUMN "idTokenId", DROP COLUMN "idTokenInfoId",'
        ' ALTER COLUMN "idToken" SET NOT NULL,'
        " ALTER COLUMN status SET DEFAULT 'Accepted'::character varying,"
        " ALTER COLUMN status SET NOT NULL;"
        'ALTER TABLE ONLY public."Authorizations"'
        ' ADD CONSTRAINT "Authorizations_groupIdTokenId_fkey" FOREIGN KEY ("groupIdTokenId")'
        ' REFERENCES public."Authorizations"(id) ON UPDATE CASCADE ON DELETE SET NULL;'
    )
    _report(ctx, *kept)


def _report(ctx, kept, kept_tokens, kept_infos):
    """Say what went to the archive; ``kept*``: the authorizations flattened, and the distinct
    tokens and infos they used (counted by ``up`` before the link columns went)."""
    a, t, i, x, link, lla = (
        _archived(ctx, n)
        for n in (
            "Authorizations", "IdTokens", "IdTokenInfos", "AdditionalInfos",
            "IdTokenAdditionalInfos", "LocalListAuthorizations",
        )
    )
    # An additional info is unused when no link ties it to the token of an authorization that
    # was kept (one whose token has a value): checked link by link, by id.
    archived, no_id, tokens, infos, extras, lone_extras, links, lists = ctx.execute(
        f"SELECT (SELECT count(*) FROM {a}),"
        f" (SELECT count(*) FROM {a} WHERE \"idTokenId\" IS NULL),"
        f" (SELECT count(*) FROM {t}), (SELECT count(*) FROM {i}), (SELECT count(*) FROM {x}),"
        f" (SELECT count(*) FROM {x} x WHERE NOT EXISTS"
        f"   (SELECT 1 FROM {link} l CROSS JOIN LATERAL"
        f"     (SELECT 1 FROM {a} a JOIN {t} t ON t.id = a.\"idTokenId\""
        f"      WHERE a.\"idTokenId\" = l.\"idTokenId\" AND t.\"idToken\" IS NOT NULL"
        f"      LIMIT 1) AS k"
        f"    WHERE l.\"additionalInfoId\" = x.id)),"
        f" (SELECT count(*) FROM {link}), (SELECT count(*) FROM {lla})"
    ).one()
    no_value = archived - kept - no_id
    ctx.report(
        f"archived to {ctx.archive}: {tokens} IdTokens ({tokens - kept_tokens} that no"
        f" authorization uses), {infos} IdTokenInfos ({infos - kept_infos} unused), {extras}"
        f" AdditionalInfos ({lone_extras} unused) and {links} IdTokenAdditionalInfos links"
    )
    if no_id or no_value:
        ctx.report(
            f"archived and removed {no_id + no_value} authorizations that 1.8.0 cannot hold"
            f" ({no_id} without an idTokenId, {no_value} whose token has no value);"
            f" {lists} LocalListAuthorizations lost their link to them (kept in the archive)"
        )


# Empty stand-ins for the archive of ``up``, with the columns the down reads, for a database
# whose 1.8.0 state no ``up`` of this step made (snapshot install, CitrineOS's own runner).
STAND_INS = {
    "Authorizations": """id integer PRIMARY KEY,
        "allowedConnectorTypes" character varying(255)[],
        "disallowedEvseIdPrefixes" character varying(255)[], "idTokenId" integer,
        "idTokenInfoId" integer, "createdAt" timestamp with time zone,
        "updatedAt" timestamp with time zone, "tenantId" integer,
        "concurrentTransaction" boolean, "realTimeAuth" character varying(255),
        "realTimeAuthUrl" character varying(255)""",
    "IdTokens": """id integer PRIMARY KEY, "idToken" character varying(255),
        type character varying(255), "createdAt" timestamp with time zone,
        "updatedAt" timestamp with time zone, "tenantId" integer""",
    "IdTokenInfos": """id integer PRIMARY KEY, status character varying(255),
        "cacheExpiryDateTime" timestamp with time zone, "chargingPriority" integer,
        language1 character varying(255), "groupIdTokenId" integer,
        language2 character varying(255), "personalMessage" json,
        "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
        "tenantId" integer""",
    "AdditionalInfos": """id integer PRIMARY KEY, "additionalIdToken" character varying(255),
        type character varying(255), "createdAt" timestamp with time zone,
        "updatedAt" timestamp with time zone, "tenantId" integer""",
    "IdTokenAdditionalInfos": """"idTokenId" integer, "additionalInfoId" integer,
        "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
        "tenantId" integer""",
    "LocalListAuthorizations": """id integer PRIMARY KEY, "authorizationId" integer""",
    "IdTokens_id_seq": "last_value bigint, is_called boolean",
    "IdTokenInfos_id_seq": "last_value bigint, is_called boolean",
    "AdditionalInfos_id_seq": "last_value bigint, is_called boolean",
}


def down(ctx):
    present = _existing_archive_tables(ctx)
    if present and present != set(ARCHIVE_TABLES):
        ctx.refuse(
            f"{ctx.step.name}: cannot restore the token tables, the archive lacks "
            + ", ".join(f'{ctx.archive}."{PREFIX}{t}"'
                        for t in sorted(set(ARCHIVE_TABLES) - present))
            + " (but holds the others: restore them from a backup)"
        )
    if not present:
        ctx.report(f"no archive of this step's up ({ctx.archive}.\"{PREFIX}*\"): the 1.8.0 "
                   "state was not made by it, so every authorization gets token rows built "
                   "from its flat columns")
        ctx.ensure_archive()
        for table in ARCHIVE_TABLES:
            ctx.script(f"CREATE TABLE {_archived(ctx, table)} ({STAND_INS[table]})")
    # groupIdTokenId holds the same link as groupAuthorizationId (set aside) and has no
    # place in 1.8.0 (schema-fix drops it): it is derived again by up.
    flat = [name.strip('"') for name, _ in FLAT_COLUMNS if name != '"groupIdTokenId"']
    ctx.set_aside_columns('public."Authorizations"', *ctx.present_columns(
        'public."Authorizations"', *flat))
    # up turns a NULL concurrentTransaction into false; for the authorizations its archive
    # holds, the down turns it back, for the others (made since) it is set aside.
    ctx.set_aside_columns('public."Authorizations"', "concurrentTransaction",
                          where='"concurrentTransaction" IS NULL AND id NOT IN (SELECT id FROM '
                                f'{_archived(ctx, "Authorizations")})')
    ctx.run_sql_file("flatten-authorization.down.sql")
    ctx.script("DROP TABLE " + ", ".join(_archived(ctx, t) for t in ARCHIVE_TABLES))
    # The archive schema goes too when nothing else is left in it.
    leftover = ctx.execute(
        "SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = n.oid)"
        " + (SELECT count(*) FROM pg_type WHERE typnamespace = n.oid)"
        " + (SELECT count(*) FROM pg_proc WHERE pronamespace = n.oid)"
        " FROM pg_namespace n WHERE n.nspname = :schema",
        {"schema": ctx.archive},
    ).scalar()
    if leftover == 0:
        ctx.script(f'DROP SCHEMA IF EXISTS "{ctx.archive}"')


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("0be1ace992bafb4ddcb7287946844a14f01b5b79153c2a448045115753f78150",)
