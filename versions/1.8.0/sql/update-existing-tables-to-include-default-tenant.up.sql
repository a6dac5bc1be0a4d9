-- Every table of the 1.7.0 baseline gets "tenantId" integer NOT NULL DEFAULT 1 with the foreign
-- key "<table>_tenantId_fkey" to "Tenants"(id) ON UPDATE CASCADE ON DELETE RESTRICT; existing
-- rows get tenant 1 through the default. Used by
-- 20250430130000-update-existing-tables-to-include-default-tenant and by the consolidated 1.8.0
-- migration.
--
-- Like upstream, the column is added only when it is missing (a database that CitrineOS partly
-- migrated, or sync() of newer models, may have it already); the foreign key is added when the
-- table has no constraint of that name.

DO $$
DECLARE
    t text;
    fkey text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'AdditionalInfos', 'Authorizations', 'Boots', 'Certificates',
        'ChangeConfigurations', 'ChargingNeeds', 'ChargingProfiles', 'ChargingSchedules',
        'ChargingStationNetworkProfiles', 'ChargingStationSecurityInfos', 'ChargingStationSequences', 'ChargingStations',
        'ComponentVariables', 'Components', 'CompositeSchedules', 'Connectors',
        'EventData', 'Evses', 'IdTokenAdditionalInfos', 'IdTokenInfos',
        'IdTokens', 'InstalledCertificates', 'LatestStatusNotifications', 'LocalListAuthorizations',
        'LocalListVersionAuthorizations', 'LocalListVersions', 'Locations', 'MessageInfos',
        'MeterValues', 'OCPPMessages', 'Reservations', 'SalesTariffs',
        'SecurityEvents', 'SendLocalListAuthorizations', 'SendLocalLists', 'ServerNetworkProfiles',
        'SetNetworkProfiles', 'StartTransactions', 'StatusNotifications', 'StopTransactions',
        'Subscriptions', 'Tariffs', 'TransactionEvents', 'Transactions',
        'VariableAttributes', 'VariableCharacteristics', 'VariableMonitoringStatuses', 'VariableMonitorings',
        'VariableStatuses', 'Variables'
    ] LOOP
        fkey := t || '_tenantId_fkey';
        EXECUTE 'ALTER TABLE ' || quote_ident(t)
            || ' ADD COLUMN IF NOT EXISTS "tenantId" integer DEFAULT 1 NOT NULL';
        IF NOT EXISTS (SELECT 1 FROM pg_constraint
                       WHERE conrelid = quote_ident(t)::regclass AND conname = fkey) THEN
            EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD CONSTRAINT ' || quote_ident(fkey)
                || ' FOREIGN KEY ("tenantId") REFERENCES "Tenants"(id)'
                || ' ON UPDATE CASCADE ON DELETE RESTRICT';
        END IF;
    END LOOP;
END $$;
