-- create-certificate-attempt-tables, restore: when an earlier down archived the attempt tables,
-- put their rows back with the same ids, move each id sequence past every archived id (and never
-- behind the position it had when archived), and drop what the archive no longer needs.
--
-- An attempt whose station, tenant or certificate is gone cannot come back (the foreign keys
-- would not hold): it stays in the archive table, which is dropped only once empty. The
-- checks are explicit, so the file also works where the foreign keys come later (the
-- consolidated migration's contract phase).
--
-- Expects: both tables present and empty (just created). Nothing happens without the archive.
DO $$
DECLARE
    upto bigint;
BEGIN
    IF to_regclass('{archive}."20260213120000_InstallCertificateAttempts"') IS NOT NULL THEN
        INSERT INTO public."InstallCertificateAttempts"
            (id, "stationId", "certificateType", "certificateId", status, "tenantId",
             "createdAt", "updatedAt")
        SELECT a.id, a."stationId", a."certificateType", a."certificateId", a.status,
               a."tenantId", a."createdAt", a."updatedAt"
        FROM {archive}."20260213120000_InstallCertificateAttempts" AS a
        WHERE EXISTS (SELECT 1 FROM public."ChargingStations" AS s WHERE s.id = a."stationId")
          AND EXISTS (SELECT 1 FROM public."Tenants" AS t WHERE t.id = a."tenantId")
          AND (a."certificateId" IS NULL
               OR EXISTS (SELECT 1 FROM public."Certificates" AS c WHERE c.id = a."certificateId"));

        SELECT GREATEST((SELECT max(id) FROM {archive}."20260213120000_InstallCertificateAttempts"),
                        (SELECT max(CASE WHEN is_called THEN last_value ELSE last_value - 1 END)
                         FROM {archive}."20260213120000_InstallCertificateAttempts_id_seq"))
        INTO upto;
        IF upto >= 1 THEN
            PERFORM setval('public."InstallCertificateAttempts_id_seq"', upto, true);
        END IF;

        DELETE FROM {archive}."20260213120000_InstallCertificateAttempts"
        WHERE id IN (SELECT id FROM public."InstallCertificateAttempts");
        DROP TABLE IF EXISTS {archive}."20260213120000_InstallCertificateAttempts_id_seq";
        IF NOT EXISTS (SELECT 1 FROM {archive}."20260213120000_InstallCertificateAttempts") THEN
            DROP TABLE {archive}."20260213120000_InstallCertificateAttempts";
        END IF;
    END IF;

    IF to_regclass('{archive}."20260213120000_DeleteCertificateAttempts"') IS NOT NULL THEN
        INSERT INTO public."DeleteCertificateAttempts"
            (id, "stationId", "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber",
             status, "tenantId", "createdAt", "updatedAt")
        SELECT a.id, a."stationId", a."hashAlgorithm", a."issuerNameHash", a."issuerKeyHash",
               a."serialNumber", a.status, a."tenantId", a."createdAt", a."updatedAt"
        FROM {archive}."20260213120000_DeleteCertificateAttempts" AS a
        WHERE EXISTS (SELECT 1 FROM public."ChargingStations" AS s WHERE s.id = a."stationId")
          AND EXISTS (SELECT 1 FROM public."Tenants" AS t WHERE t.id = a."tenantId");

        SELECT GREATEST((SELECT max(id) FROM {archive}."20260213120000_DeleteCertificateAttempts"),
                        (SELECT max(CASE WHEN is_called THEN last_value ELSE last_value - 1 END)
                         FROM {archive}."20260213120000_DeleteCertificateAttempts_id_seq"))
        INTO upto;
        IF upto >= 1 THEN
            PERFORM setval('public."DeleteCertificateAttempts_id_seq"', upto, true);
        END IF;

        DELETE FROM {archive}."20260213120000_DeleteCertificateAttempts"
        WHERE id IN (SELECT id FROM public."DeleteCertificateAttempts");
        DROP TABLE IF EXISTS {archive}."20260213120000_DeleteCertificateAttempts_id_seq";
        IF NOT EXISTS (SELECT 1 FROM {archive}."20260213120000_DeleteCertificateAttempts") THEN
            DROP TABLE {archive}."20260213120000_DeleteCertificateAttempts";
        END IF;
    END IF;
END
$$;
