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


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("512c385fc83509fb5b2f3a1f9d24c88876b8b8c850be612beda46dd01e868209",)
