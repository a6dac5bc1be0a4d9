"""Add tenantId (default tenant 1) to every table of the 1.7.0 baseline.

Upstream's ``20250430130000-update-existing-tables-to-include-default-tenant``: each of the 50
baseline tables gets ``"tenantId" integer NOT NULL DEFAULT 1`` with the foreign key
``"<table>_tenantId_fkey"`` to ``Tenants(id)`` ON UPDATE CASCADE ON DELETE RESTRICT, so existing
rows belong to the default tenant. As upstream, a table that already has ``tenantId`` keeps it
(its foreign key is added if that constraint is missing). The SQL is shared with the consolidated
migration (``sql/update-existing-tables-to-include-default-tenant.up.sql``).

``down`` drops ``tenantId`` (and its foreign key) from those tables again.
"""


def up(ctx):
    ctx.script(ctx.sql_file("update-existing-tables-to-include-default-tenant.up.sql"))


def down(ctx):
    ctx.script(ctx.sql_file("update-existing-tables-to-include-default-tenant.down.sql"))
