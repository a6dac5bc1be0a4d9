"""Add Transactions.meterStart.

Upstream's ``20260204120000-add-meter-start-to-transactions``: ``Transactions."meterStart"
numeric`` (nullable, no default), the transaction's meter value when it started (dump 19).

Unlike upstream's, the ``down`` loses nothing: the values 1.8.3 wrote go to
``citrine_archive."20260204120000_Transactions"`` (id, meterStart) before the column is dropped
(``sql/add-meter-start-to-transactions.down.sql``), and ``up``, finding that table, puts them
back on the transactions that still exist and drops it
(``sql/add-meter-start-to-transactions.restore.sql``).
"""

# Run after UP (and by the consolidated migration between expand and contract).
DATA_MOVES = ("add-meter-start-to-transactions.restore.sql",)

# A column without a default: a catalog change, beside traffic.
ONLINE = ()

UP = """
ALTER TABLE public."Transactions" ADD COLUMN "meterStart" numeric;
"""

DOWN_FILE = "add-meter-start-to-transactions.down.sql"


def up(ctx):
    ctx.script(UP)
    for name in DATA_MOVES:
        ctx.script(ctx.sql_file(name))


def down(ctx):
    ctx.run_sql_file(DOWN_FILE)
