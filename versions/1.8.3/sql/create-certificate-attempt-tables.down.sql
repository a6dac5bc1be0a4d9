-- create-certificate-attempt-tables, down: keep both tables' rows (every column, same ids) and
-- their sequences' positions in the archive, then drop the tables (their sequences go with them).
-- create-certificate-attempt-tables.restore.sql puts them back.
--
-- An archive table may already hold attempts an earlier restore could not put back (their
-- station, tenant or certificate was gone): the rows are added to it (their ids differ: the
-- restore moved the sequence past them).
CREATE TABLE IF NOT EXISTS {archive}."20260213120000_InstallCertificateAttempts" AS
SELECT id, "stationId", "certificateType", "certificateId", status, "tenantId", "createdAt",
       "updatedAt"
FROM public."InstallCertificateAttempts" WITH NO DATA;
INSERT INTO {archive}."20260213120000_InstallCertificateAttempts"
    (id, "stationId", "certificateType", "certificateId", status, "tenantId", "createdAt",
     "updatedAt")
SELECT id, "stationId", "certificateType", "certificateId", status, "tenantId", "createdAt",
       "updatedAt"
FROM public."InstallCertificateAttempts";
CREATE TABLE {archive}."20260213120000_InstallCertificateAttempts_id_seq" AS
SELECT last_value, is_called FROM public."InstallCertificateAttempts_id_seq";

CREATE TABLE IF NOT EXISTS {archive}."20260213120000_DeleteCertificateAttempts" AS
SELECT id, "stationId", "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber",
       status, "tenantId", "createdAt", "updatedAt"
FROM public."DeleteCertificateAttempts" WITH NO DATA;
INSERT INTO {archive}."20260213120000_DeleteCertificateAttempts"
    (id, "stationId", "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber",
     status, "tenantId", "createdAt", "updatedAt")
SELECT id, "stationId", "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber",
       status, "tenantId", "createdAt", "updatedAt"
FROM public."DeleteCertificateAttempts";
CREATE TABLE {archive}."20260213120000_DeleteCertificateAttempts_id_seq" AS
SELECT last_value, is_called FROM public."DeleteCertificateAttempts_id_seq";

DROP TABLE public."InstallCertificateAttempts", public."DeleteCertificateAttempts";
