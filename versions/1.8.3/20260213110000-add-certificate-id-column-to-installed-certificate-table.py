"""Add InstalledCertificates.certificateId, a foreign key to Certificates (ON DELETE CASCADE).

Upstream's ``20260213110000-add-certificate-id-column-to-installed-certificate-table`` (dump 24):
``InstalledCertificates."certificateId" integer`` with the foreign key
``InstalledCertificates_certificateId_fkey`` to ``Certificates(id)`` ON UPDATE CASCADE ON DELETE
CASCADE. From here on, deleting a certificate deletes the installed-certificate rows that point
at it (a breaking change the config names).

The foreign key is added after the archived values are back (``ONLINE``): ``migrate`` adds it
NOT VALID and validates it in a statement of its own, after the step's transaction.

Unlike upstream's, the ``down`` loses nothing: the links go to
``citrine_archive."20260213110000_InstalledCertificates"`` (id, certificateId) before the column
is dropped, and ``up``, finding that table, puts them back on the installed certificates that
still exist and drops it. A link to a certificate deleted meanwhile comes back NULL: the row is
kept, not deleted as the cascade would have done at the time.
"""

from citrine_state.online import ForeignKey

DATA_MOVES = ("add-certificate-id-column-to-installed-certificate-table.restore.sql",)

UP = """
ALTER TABLE public."InstalledCertificates" ADD COLUMN "certificateId" integer;
"""

# The foreign key, added NOT VALID and validated beside traffic.
ONLINE = (
    ForeignKey("InstalledCertificates_certificateId_fkey", 'public."InstalledCertificates"',
               ("certificateId",), 'public."Certificates"', ("id",),
               "ON UPDATE CASCADE ON DELETE CASCADE"),
)

DOWN_FILE = "add-certificate-id-column-to-installed-certificate-table.down.sql"


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("a6eca0f3aa09897d544814e136a13f2b7b9c23daed0d326c4ad955f81c9b763f",)
