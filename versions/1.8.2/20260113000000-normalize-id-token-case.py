"""Make Authorizations.idToken case-insensitive (citext), creating the citext extension.

Upstream's ``20260113000000-normalize-id-token-case`` (dump 16): ``CREATE EXTENSION IF NOT
EXISTS citext`` and ``"idToken"`` becomes ``public.citext NOT NULL``. No value changes ('abc' and
'ABC' both stay; they now compare equal). The up also runs on its own result.

When citext is missing and the role may not create it (it may as a superuser, or, citext being a
trusted extension, with CREATE on the database), the step refuses before changing anything, with
the statement a superuser must run first. When this step created the extension it says so in
``citrine_archive."20260113000000_citext"``.

Upstream's down turns the column back into varchar(255) and leaves the extension. This down
gives back exactly dump 15: it also drops citext when this step created it and nothing else uses
it (a database that had citext before keeps it). Where a snapshot, a consolidated migration or
upstream's runner applied the step, citext came with that install, and the down drops it when
nothing else uses it. A token longer than 255 characters (citext has
no limit) refuses the down, naming the rows, instead of failing on the cast.
"""

from __future__ import annotations

from typing import Any

MARKER = "20260113000000_citext"

# Where citext is installed (no row: it is not).
INSTALLED = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'citext'"

# Whether the server has citext, and whether this role may create it.
MAY_CREATE = """
SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'citext'),
       current_setting('is_superuser') = 'on'
       OR (COALESCE((SELECT v.trusted FROM pg_available_extension_versions AS v
                     JOIN pg_available_extensions AS e
                       ON e.name = v.name AND e.default_version = v.version
                     WHERE v.name = 'citext'), false)
           AND has_database_privilege(current_database(), 'CREATE')),
       current_user, current_database()
"""

CREATE_CITEXT = """
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE TABLE IF NOT EXISTS {archive}."20260113000000_citext" (
    "createdAt" timestamp with time zone DEFAULT now() NOT NULL
);
INSERT INTO {archive}."20260113000000_citext" ("createdAt")
SELECT now() WHERE NOT EXISTS (SELECT 1 FROM {archive}."20260113000000_citext");
COMMENT ON TABLE {archive}."20260113000000_citext" IS
    '20260113000000-normalize-id-token-case created the citext extension: its down drops it '
    'again when nothing else uses it';
"""

# varchar -> citext is binary coercible: a catalog change, no rewrite (tested), beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."Authorizations" ALTER COLUMN "idToken" TYPE public.citext;
"""

# Tokens that varchar(255) cannot hold (the down refuses on them).
TOO_LONG = """
SELECT id, "tenantId", length("idToken") FROM public."Authorizations"
WHERE length("idToken") > 255 ORDER BY id
"""

DOWN = """
ALTER TABLE public."Authorizations" ALTER COLUMN "idToken" TYPE character varying(255);
"""

# Only when this step created citext. A plain DROP EXTENSION fails when anything else uses it;
# then it stays (the block's own savepoint undoes only the attempt).
DROP_CITEXT = """
DROP TABLE {archive}."20260113000000_citext";
DO $$
BEGIN
    DROP EXTENSION citext;
EXCEPTION WHEN dependent_objects_still_exist THEN
    NULL;
END
$$;
"""

# Paths that made the step's state without running its up (a snapshot or consolidated install
# of a version with citext, or upstream's own runner): citext came with them, and dump 15 has none.
INSTALLED_WITH_IT = ("snapshot", "consolidated", "adopted")

DROP_UNUSED_CITEXT = """
DO $$
BEGIN
    DROP EXTENSION IF EXISTS citext;
EXCEPTION WHEN dependent_objects_still_exist THEN
    NULL;
END
$$;
"""

SHOWN = 5  # rows named in a refusal


def up(ctx: Any) -> None:
    schema = ctx.execute(INSTALLED).scalar()
    if schema is None:
        available, may, role, database = ctx.execute(MAY_CREATE).one()
        if not available:
            ctx.refuse(
                f"{ctx.step.name}: this PostgreSQL server has no citext extension, which 1.8.2 "
                "needs: install PostgreSQL's contrib package on the server, then run again"
            )
        if not may:
            ctx.refuse(
                f"{ctx.step.name}: role {role!r} may not create the citext extension: a "
                f"superuser must run `CREATE EXTENSION citext;` in database {database!r}, "
                "then run again"
            )
        ctx.script(CREATE_CITEXT.replace("{archive}", ctx.ensure_archive()))
        ctx.report("created the citext extension (its down drops it again)")
    elif schema != "public":
        ctx.refuse(
            f"{ctx.step.name}: the citext extension is installed in schema {schema!r}, 1.8.2 has "
            f"it in public: ALTER EXTENSION citext SET SCHEMA public; then run again"
        )
    ctx.script(UP)


def down(ctx: Any) -> None:
    long = ctx.execute(TOO_LONG).all()
    if long:
        named = "; ".join(f"id {i} (tenant {t}, {n} characters)" for i, t, n in long[:SHOWN])
        more = f"; and {len(long) - SHOWN} more" if len(long) > SHOWN else ""
        ctx.refuse(
            f"{ctx.step.name}: cannot turn Authorizations.idToken back into varchar(255): "
            f"{len(long)} token(s) are longer ({named}{more}); shorten or delete them first"
        )
    ctx.script(DOWN)
    marker = f'{ctx.archive}."{MARKER}"'
    if ctx.exists(marker):
        ctx.script(DROP_CITEXT.replace("{archive}", ctx.archive))
    elif ctx.applied_by() in INSTALLED_WITH_IT:
        ctx.script(DROP_UNUSED_CITEXT)
    else:
        return  # this step's up found citext there before it: it stays
    if ctx.execute(INSTALLED).scalar() is not None:
        ctx.report("kept the citext extension, which this step had created: other objects "
                   "use it now")
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "af23bf0aeb27e8947c16ea7372052ca633cfb8d4afac6d5296d0d42a6d50365c",
    "44c9cc6b2532b9947fb1511c76aff59b3dacc28891537c318caad7ccf47afbbd",
)
