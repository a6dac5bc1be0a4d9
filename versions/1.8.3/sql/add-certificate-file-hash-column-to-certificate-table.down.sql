-- add-certificate-file-hash-column-to-certificate-table, down: keep every hash 1.8.3 wrote in the
-- archive (certificate id, hash), then drop the unique constraint and the column.
-- add-certificate-file-hash-column-to-certificate-table.restore.sql puts them back.
CREATE TABLE {archive}."20260213100000_Certificates" AS
SELECT id, "certificateFileHash" FROM public."Certificates"
WHERE "certificateFileHash" IS NOT NULL;
ALTER TABLE {archive}."20260213100000_Certificates" ADD PRIMARY KEY (id);

ALTER TABLE public."Certificates" DROP CONSTRAINT IF EXISTS "Certificates_certificateFileHash_key";

ALTER TABLE public."Certificates" DROP COLUMN "certificateFileHash";
