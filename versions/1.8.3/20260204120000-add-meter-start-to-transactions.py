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


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("312e5c63d4eec8cc8b7ab036c0d0e4ee1c238be01bbf928b329bf31de3aa6dfd",)
