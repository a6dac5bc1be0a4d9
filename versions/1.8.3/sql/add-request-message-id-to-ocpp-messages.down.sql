-- add-request-message-id-to-ocpp-messages, down: keep every state and request id 1.8.3 wrote in
-- the archive (message id, state, requestMessageId), then drop the foreign key, the index and the
-- columns. add-request-message-id-to-ocpp-messages.restore.sql puts them back.
CREATE TABLE {archive}."20260210120000_OCPPMessages" AS
SELECT id, state, "requestMessageId" FROM public."OCPPMessages"
WHERE state IS NOT NULL OR "requestMessageId" IS NOT NULL;
ALTER TABLE {archive}."20260210120000_OCPPMessages" ADD PRIMARY KEY (id);

ALTER TABLE public."OCPPMessages" DROP CONSTRAINT IF EXISTS "OCPPMessages_requestMessageId_fkey";

DROP INDEX IF EXISTS public.idx_ocpp_messages_request_message_id;

ALTER TABLE public."OCPPMessages" DROP COLUMN state, DROP COLUMN "requestMessageId";
