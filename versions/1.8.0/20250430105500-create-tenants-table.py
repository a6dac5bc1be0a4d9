"""Create the Tenants table.

Upstream's ``20250430105500-create-tenants-table``: ``Tenants`` with a serial ``id`` primary key,
``name`` and the two timestamps (NOT NULL, no default: Sequelize fills them from the client).
Like upstream's ``createTable`` it does nothing when the table already exists. ``down`` drops
the table (no CASCADE: it refuses while other tables still reference it), after setting its
rows (the tenants other than the default one) aside in the archive; the next ``up`` puts them
back with their ids.
"""

UP = """
CREATE TABLE IF NOT EXISTS "Tenants" (
    id serial NOT NULL,
    name character varying(255) NOT NULL,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "Tenants_pkey" PRIMARY KEY (id)
);
"""


def up(ctx):
    ctx.script(UP)


def down(ctx):
    if ctx.execute("""SELECT to_regclass('"Tenants"')""").scalar() is not None:
        ctx.set_aside_rows('"Tenants"')
    ctx.script('DROP TABLE IF EXISTS "Tenants";')
