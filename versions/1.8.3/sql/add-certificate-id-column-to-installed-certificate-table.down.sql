-- add-certificate-id-column-to-installed-certificate-table, down: keep every link 1.8.3 wrote in
-- the archive (installed certificate id, certificate id), then drop the foreign key and the
-- column. add-certificate-id-column-to-installed-certificate-table.restore.sql puts them back.
CREATE TABLE {archive}."20260213110000_InstalledCertificates" AS
SELECT id, "certificateId" FROM public."InstalledCertificates"
WHERE "certificateId" IS NOT NULL;
ALTER TABLE {archive}."20260213110000_InstalledCertificates" ADD PRIMARY KEY (id);

ALTER TABLE public."InstalledCertificates"
    DROP CONSTRAINT IF EXISTS "InstalledCertificates_certificateId_fkey";

ALTER TABLE public."InstalledCertificates" DROP COLUMN "certificateId";
