"""Create the 1.7.0 baseline schema (50 tables, PostGIS) where it is missing.

Upstream's ``20250430103000-initial``: the pre-tenant schema that CitrineOS 1.6/1.7 used. The SQL
is in ``sql/initial.up.sql``; every statement in it is guarded, so the step only adds:

- on an empty database it creates everything, including ``CREATE EXTENSION postgis``;
- on a database made by CitrineOS 1.6.x ``sync()`` (45 tables, no ``SequelizeMeta``) it creates
  the 5 missing local-list tables with their keys and foreign keys, adds any column, constraint,
  index or enum label that is missing, and touches no existing column or row;
- on a database that already has the baseline it changes nothing.

``down`` drops every table and type of the baseline (``sql/initial.down.sql``), as upstream's
down does. That DESTROYS ALL DATA in those tables, and on a 1.6.x database it also drops the
tables that ``up`` did not create: it is only meant for an empty or throwaway development
database. PostGIS stays installed.
"""


def up(ctx):
    # Not run_sql_file: the baseline has nothing to archive, so no archive schema is made.
    ctx.script(ctx.sql_file("initial.up.sql"))


def down(ctx):
    ctx.script(ctx.sql_file("initial.down.sql"))
