"""Insert the default tenant (id 1) and move the Tenants id sequence past it.

Upstream's ``20250430110000-create-default-tenant`` inserts ``(1, 'Default Tenant')`` when id 1 is
missing. Upstream leaves ``Tenants_id_seq`` at 1 so that the next tenant would collide; this step
also moves the sequence past every id of the table, never backwards
(``sql/create-default-tenant.up.sql``, then ``sql/tenants-sequence.sql``).

``down`` deletes the row, but only when nothing references it: if any row of a table with a
foreign key to ``Tenants`` still points at tenant 1 it refuses (deleting it would fail, or, for
``TenantPartners``, cascade). The row is set aside in the archive first, so that the next ``up``
gives it back as it was (its name if renamed, its timestamps). The sequence is left where it is.
"""


DEFAULT_TENANT_ID = 1

# Every single-column foreign key into "Tenants", as quoted table and column names.
REFERENCING = """
SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
WHERE c.contype = 'f'
  AND c.confrelid = to_regclass('"Tenants"')
  AND cardinality(c.conkey) = 1
ORDER BY 1
"""


# What the consolidated migration runs between its expand and contract phases.
DATA_MOVES = ("create-default-tenant.up.sql", "tenants-sequence.sql")


def down(ctx):
    if not ctx.exists('"Tenants"'):
        return
    users = []
    for table, column in ctx.execute(REFERENCING).all():
        used = ctx.execute(
            f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = :id)",
            {"id": DEFAULT_TENANT_ID},
        ).scalar()
        if used:
            users.append(f"{table}.{column}")
    if users:
        ctx.refuse(
            f"cannot remove the default tenant (Tenants id {DEFAULT_TENANT_ID}): it is still "
            f"referenced by rows of {', '.join(users)}; undo the later steps, or move or "
            "delete those rows, first"
        )
    # The up makes the row again; the set-aside gives it back its own name and timestamps.
    ctx.set_aside_rows('"Tenants"', f"id = {DEFAULT_TENANT_ID}")
    ctx.execute('DELETE FROM "Tenants" WHERE id = :id', {"id": DEFAULT_TENANT_ID})


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "4c14d1bce747e1ee8c332ee3c91267e63085c5d941f16803e8507529e24a0103",
    "7ab6a6761411997aaec7d145031490b78013b3331e716e212bff698824e9a0cb",
)
