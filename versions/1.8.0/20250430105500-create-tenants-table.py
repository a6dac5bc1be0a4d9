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


def down(ctx):
    if ctx.exists('"Tenants"'):
        ctx.set_aside_rows('"Tenants"')
    ctx.script('DROP TABLE IF EXISTS "Tenants";')


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "7c0fece8f401e8628aafe7ffa10acbeec5cc4b37230cbec8fcf173ec9f8db4bb",
    "1a3c3846384769111d536619b2d62883bdafda8deec390ec6a2bb66b8a408550",
)
