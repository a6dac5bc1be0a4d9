-- add-request-message-id-to-ocpp-messages, restore: when an earlier down archived the states and
-- request ids 1.8.3 had written, put them back on the messages that still exist (by id), then
-- drop the archive. A request id naming a message that is gone comes back NULL (what the foreign
-- key's ON DELETE SET NULL would have done), so the foreign key added after this file holds.
--
-- Expects: "OCPPMessages".state and "requestMessageId" present (NULL everywhere), the foreign key
-- not yet there. Nothing happens without the archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260210120000_OCPPMessages"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."OCPPMessages" AS m
    SET state = a.state,
        "requestMessageId" = r.id
    FROM {archive}."20260210120000_OCPPMessages" AS a
    LEFT JOIN public."OCPPMessages" AS r ON r.id = a."requestMessageId"
    WHERE m.id = a.id;
    DROP TABLE {archive}."20260210120000_OCPPMessages";
END
$$;
