"""Add Authorizations.concurrentTransaction.

Upstream's ``20250618150000-update-authorizations-to-include-concurrenttransaction``: adds
``"concurrentTransaction" boolean DEFAULT false`` (nullable) to ``Authorizations`` when it is
missing; existing rows get false. ``down`` drops the column, after setting aside in the
archive the values that are not false (true, NULL), which the next ``up`` puts back.
"""


def up(ctx):
    ctx.script(
        'ALTER TABLE "Authorizations" '
        'ADD COLUMN IF NOT EXISTS "concurrentTransaction" boolean DEFAULT false;'
    )


def down(ctx):
    if ctx.present_columns('"Authorizations"', "concurrentTransaction"):
        ctx.set_aside_columns('"Authorizations"', "concurrentTransaction")
    ctx.script('ALTER TABLE "Authorizations" DROP COLUMN IF EXISTS "concurrentTransaction";')
