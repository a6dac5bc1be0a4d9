"""Add tenantId (default tenant 1) to every table of the 1.7.0 baseline.

Upstream's ``20250430130000-update-existing-tables-to-include-default-tenant``: each of the 50
baseline tables gets ``"tenantId" integer NOT NULL DEFAULT 1`` with the foreign key
``"<table>_tenantId_fkey"`` to ``Tenants(id)`` ON UPDATE CASCADE ON DELETE RESTRICT, so existing
rows belong to the default tenant. As upstream, a table that already has ``tenantId`` keeps it
(its foreign key is added if that constraint is missing). The SQL is shared with the consolidated
migration (``sql/update-existing-tables-to-include-default-tenant.up.sql``).

``down`` drops ``tenantId`` (and its foreign key) from those tables again; a table that no
longer exists is skipped. First, for each table, the key and ``tenantId`` of every row that
belongs to a tenant other than the default one are set aside in the archive
(``"20250430130000_<Table>_down"``), and the next ``up`` gives them their tenant back.
"""

# The 50 tables of the baseline, as upstream lists them.
TABLES = (
    "AdditionalInfos",
    "Authorizations",
    "Boots",
    "Certificates",
    "ChangeConfigurations",
    "ChargingNeeds",
    "ChargingProfiles",
    "ChargingSchedules",
    "ChargingStationNetworkProfiles",
    "ChargingStationSecurityInfos",
    "ChargingStationSequences",
    "ChargingStations",
    "ComponentVariables",
    "Components",
    "CompositeSchedules",
    "Connectors",
    "EventData",
    "Evses",
    "IdTokenAdditionalInfos",
    "IdTokenInfos",
    "IdTokens",
    "InstalledCertificates",
    "LatestStatusNotifications",
    "LocalListAuthorizations",
    "LocalListVersionAuthorizations",
    "LocalListVersions",
    "Locations",
    "MessageInfos",
    "MeterValues",
    "OCPPMessages",
    "Reservations",
    "SalesTariffs",
    "SecurityEvents",
    "SendLocalListAuthorizations",
    "SendLocalLists",
    "ServerNetworkProfiles",
    "SetNetworkProfiles",
    "StartTransactions",
    "StatusNotifications",
    "StopTransactions",
    "Subscriptions",
    "Tariffs",
    "TransactionEvents",
    "Transactions",
    "VariableAttributes",
    "VariableCharacteristics",
    "VariableMonitoringStatuses",
    "VariableMonitorings",
    "VariableStatuses",
    "Variables",
)


def up(ctx):
    ctx.script(ctx.sql_file("update-existing-tables-to-include-default-tenant.up.sql"))


def down(ctx):
    having = set(ctx.execute(
        """SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY(:tables)
             AND a.attname = 'tenantId' AND NOT a.attisdropped""",
        {"tables": list(TABLES)},
    ).scalars())
    for table in TABLES:
        if table in having:
            ctx.set_aside_columns(f'"{table}"', "tenantId")
            ctx.script(f'ALTER TABLE "{table}" DROP COLUMN "tenantId";')
