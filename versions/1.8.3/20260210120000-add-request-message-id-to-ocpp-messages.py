"""Add OCPPMessages.state and requestMessageId, with its index and foreign key.

Upstream's ``20260210120000-add-request-message-id-to-ocpp-messages`` (dump 21):
``OCPPMessages.state character varying(255)`` and ``"requestMessageId" integer``, the request a
response answers: foreign key ``OCPPMessages_requestMessageId_fkey`` to ``OCPPMessages(id)`` ON
UPDATE CASCADE ON DELETE SET NULL, and the btree index ``idx_ocpp_messages_request_message_id``.

The columns come first, then the archived values (see below), then the index and the foreign
key (``ONLINE``): ``migrate`` builds the index CONCURRENTLY and adds the key NOT VALID, then
validates it, each after the step's transaction, so inserts into the message log keep flowing
(upstream builds both while writes to OCPPMessages wait).

Unlike upstream's, the ``down`` loses nothing: the rows with a state or a request id go to
``citrine_archive."20260210120000_OCPPMessages"`` (id, state, requestMessageId) before the columns
are dropped, and ``up``, finding that table, puts the values back on the messages that still
exist and drops it. A request id whose request message was deleted meanwhile comes back NULL, as
the foreign key's ON DELETE SET NULL would have made it.
"""

from citrine_state.online import ForeignKey, Index

DATA_MOVES = ("add-request-message-id-to-ocpp-messages.restore.sql",)

UP = """
ALTER TABLE public."OCPPMessages"
    ADD COLUMN state character varying(255),
    ADD COLUMN "requestMessageId" integer;
"""

# The index and the foreign key, built beside traffic (see citrine_state.online).
ONLINE = (
    Index("idx_ocpp_messages_request_message_id", 'public."OCPPMessages"',
          'USING btree ("requestMessageId")'),
    ForeignKey("OCPPMessages_requestMessageId_fkey", 'public."OCPPMessages"',
               ("requestMessageId",), 'public."OCPPMessages"', ("id",),
               "ON UPDATE CASCADE ON DELETE SET NULL"),
)

DOWN_FILE = "add-request-message-id-to-ocpp-messages.down.sql"


# Earlier forms of this file that ran the same statements and made the same refusals (the
# engine now runs SQL-only steps itself, steps refuse with ctx.refuse, and 1.8.2's token step
# leaves its conflict check to the pre-flight when migrate builds the index online): see the
# step contract in citrine_state.steps.
FORMER_CHECKSUMS = ("5567914a9253dae899dfc4d31f8b0667b440a3ce5511eae0441c011b4eb15ad6",)
