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


def up(ctx):
    ctx.script(UP)
    for name in DATA_MOVES:
        ctx.script(ctx.sql_file(name))


def down(ctx):
    ctx.run_sql_file(DOWN_FILE)
