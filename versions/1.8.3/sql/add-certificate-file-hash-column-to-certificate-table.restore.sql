-- add-certificate-file-hash-column-to-certificate-table, restore: when an earlier down archived
-- the hashes 1.8.3 had written, put them back on the certificates that still exist (by id), then
-- drop the archive.
--
-- Expects: "Certificates"."certificateFileHash" present (NULL everywhere), its unique constraint
-- not yet there. Nothing happens without the archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260213100000_Certificates"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."Certificates" AS c
    SET "certificateFileHash" = a."certificateFileHash"
    FROM {archive}."20260213100000_Certificates" AS a
    WHERE c.id = a.id;
    DROP TABLE {archive}."20260213100000_Certificates";
END
$$;
