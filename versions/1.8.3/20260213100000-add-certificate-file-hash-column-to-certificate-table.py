"""Add Certificates.certificateFileHash, unique.

Upstream's ``20260213100000-add-certificate-file-hash-column-to-certificate-table`` (dump 23):
``Certificates."certificateFileHash" character varying(255)`` with the unique constraint
``Certificates_certificateFileHash_key``. The constraint is global, not per tenant: two tenants
cannot hold the same certificate file. It is added after the archived values are back
(``ONLINE``): ``migrate`` builds its unique index CONCURRENTLY, then attaches it as the
constraint (a catalog change).

Unlike upstream's, the ``down`` loses nothing: the hashes go to
``citrine_archive."20260213100000_Certificates"`` (id, certificateFileHash) before the column is
dropped, and ``up``, finding that table, puts them back on the certificates that still exist and
drops it (they were unique when archived, and nothing could write the column meanwhile).
"""

from citrine_state.online import Unique

DATA_MOVES = ("add-certificate-file-hash-column-to-certificate-table.restore.sql",)

UP = """
ALTER TABLE public."Certificates" ADD COLUMN "certificateFileHash" character varying(255);
"""

# The unique constraint, built beside traffic (its index CONCURRENTLY, then attached).
ONLINE = (
    Unique("Certificates_certificateFileHash_key", 'public."Certificates"',
           '("certificateFileHash")'),
)

DOWN_FILE = "add-certificate-file-hash-column-to-certificate-table.down.sql"


def up(ctx):
    ctx.script(UP)
    for name in DATA_MOVES:
        ctx.script(ctx.sql_file(name))


def down(ctx):
    ctx.run_sql_file(DOWN_FILE)
