-- Undo of update-existing-tables-to-include-default-tenant.up.sql: drops "tenantId" (and with
-- it its foreign key) from the same 50 tables; a table that no longer exists is skipped.

DO $$
DECLARE
    t text;
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
        IF to_regclass(quote_ident(t)) IS NOT NULL THEN
            EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' DROP COLUMN IF EXISTS "tenantId"';
        END IF;
    END LOOP;
END $$;
