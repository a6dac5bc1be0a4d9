-- add-certificate-id-column-to-installed-certificate-table, restore: when an earlier down
-- archived the links 1.8.3 had written, put them back on the installed certificates that still
-- exist (by id), then drop the archive. A link to a certificate that is gone stays NULL (the row
-- is kept), so the foreign key added after this file holds.
--
-- Expects: "InstalledCertificates"."certificateId" present (NULL everywhere), its foreign key not
-- yet there. Nothing happens without the archive table.
DO $$
BEGIN
    IF to_regclass('{archive}."20260213110000_InstalledCertificates"') IS NULL THEN
        RETURN;
    END IF;
    UPDATE public."InstalledCertificates" AS i
    SET "certificateId" = c.id
    FROM {archive}."20260213110000_InstalledCertificates" AS a
    JOIN public."Certificates" AS c ON c.id = a."certificateId"
    WHERE i.id = a.id;
    DROP TABLE {archive}."20260213110000_InstalledCertificates";
END
$$;
