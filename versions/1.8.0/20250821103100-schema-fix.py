"""Realign the schema with the 1.8 models: EvseTypes, flat local-list tokens, new 1.8 columns.

Reproduces upstream's schema effects exactly (dump 11), but loses nothing:

* old ``Evses`` rows become ``EvseTypes`` with their old ``databaseId``/``id``/``connectorId``, so
  Components, VariableAttributes, TransactionEvents and Reservations keep their values (gaps in
  the ids are fine); ``Evses`` is then rebuilt empty in its 1.8.0 layout, and
  20250903102900-create-evses fills it;
* the EVSE links of Transactions and ChargingNeeds, and every token reference that is dropped,
  go to ``citrine_archive."20250821103100_*"``;
* TransactionEvents/StopTransactions get ``idTokenValue``/``idTokenType`` of their old token,
  LocalListAuthorizations are flattened like Authorizations, and the group link flatten kept in
  ``groupIdTokenId`` moves to ``groupAuthorizationId``.

The data move is ``sql/schema-fix.up.sql`` (between the expand and contract DDL below), its
reverse ``sql/schema-fix.down.sql``. The down puts every dropped column back in its old place.
Before it drops what 1.7 has no place for, it sets it aside in the archive
(``"20250821103100_<Table>_down"``): the values of the columns schema-fix added (where not NULL
or their default), the 1.8.0 ``ChargingNeeds.evseId`` links and every 1.8.0 ``Evses`` row; the
next ``up`` puts them back. On a 1.8.0 database that never ran this step's ``up`` (installed
from the snapshot, or made by CitrineOS's own runner) the archive of ``up`` is missing: the old
links and token ids then stay empty.
"""

from __future__ import annotations

from typing import Any

# What the consolidated migration runs between its expand and contract phases: the same files
# this step runs between its own expand and contract DDL.
DATA_MOVES = ("schema-fix.up.sql", "schema-fix.clear-evses.sql")

ARCHIVED = (
    "Transactions", "ChargingNeeds", "TransactionEvents", "StopTransactions",
    "LocalListAuthorizations", "Authorizations",
)

# --- up ------------------------------------------------------------------------------------

# Everything schema-fix adds, in dump 11's column order; nothing dropped or renamed yet. A new
# column that no data move fills gets its foreign key with it: PostgreSQL then knows that there
# is nothing to check, where a key added later scans the whole table (MeterValues: every row).
EXPAND = """
CREATE TABLE "EvseTypes" (
    "databaseId" serial NOT NULL,
    id integer,
    "connectorId" integer,
    "tenantId" integer NOT NULL,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "EvseTypes_pkey" PRIMARY KEY ("databaseId"),
    CONSTRAINT "EvseTypes_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenants"(id)
        ON UPDATE CASCADE ON DELETE RESTRICT
);

ALTER TABLE "Authorizations" ADD COLUMN "tenantPartnerId" integer
    CONSTRAINT "Authorizations_tenantPartnerId_fkey" REFERENCES "TenantPartners"(id)
        ON UPDATE CASCADE ON DELETE SET NULL;

ALTER TABLE "ChargingStations"
    ADD COLUMN coordinates geometry(Point),
    ADD COLUMN "floorLevel" character varying(255),
    ADD COLUMN "parkingRestrictions" jsonb,
    ADD COLUMN capabilities jsonb;

ALTER TABLE "Connectors"
    ADD COLUMN "evseId" integer,
    ADD COLUMN "evseTypeConnectorId" integer,
    ADD COLUMN type character varying(255),
    ADD COLUMN format character varying(255),
    ADD COLUMN "powerType" character varying(255),
    ADD COLUMN "maximumAmperage" integer,
    ADD COLUMN "maximumVoltage" integer,
    ADD COLUMN "maximumPowerWatts" integer,
    ADD COLUMN "termsAndConditionsUrl" character varying(255);

ALTER TABLE "LocalListAuthorizations"
    ADD COLUMN "groupAuthorizationId" integer,
    ADD COLUMN "idToken" character varying(255),
    ADD COLUMN "idTokenType" character varying(255),
    ADD COLUMN "additionalInfo" jsonb,
    ADD COLUMN status character varying(255) DEFAULT 'Accepted' NOT NULL,
    ADD COLUMN "cacheExpiryDateTime" timestamp with time zone,
    ADD COLUMN "chargingPriority" integer,
    ADD COLUMN language1 character varying(255),
    ADD COLUMN language2 character varying(255),
    ADD COLUMN "personalMessage" json,
    ADD COLUMN "customData" jsonb;

ALTER TABLE "Locations"
    ADD COLUMN "publishUpstream" boolean DEFAULT true,
    ADD COLUMN "timeZone" character varying(255) DEFAULT 'UTC',
    ADD COLUMN "parkingType" character varying(255),
    ADD COLUMN facilities jsonb,
    ADD COLUMN "openingHours" jsonb;

ALTER TABLE "MeterValues"
    ADD COLUMN "customData" jsonb,
    ADD COLUMN "tariffId" integer
        CONSTRAINT "MeterValues_tariffId_fkey" REFERENCES "Tariffs"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "transactionId" character varying(255);

ALTER TABLE "StopTransactions"
    ADD COLUMN "idTokenValue" character varying(255),
    ADD COLUMN "idTokenType" character varying(255);

ALTER TABLE "Tariffs"
    ADD COLUMN "connectorId" integer
        CONSTRAINT "Tariffs_connectorId_fkey" REFERENCES "Connectors"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "tariffAltText" character varying(255);

ALTER TABLE "TransactionEvents"
    ADD COLUMN "idTokenValue" character varying(255),
    ADD COLUMN "idTokenType" character varying(255);

ALTER TABLE "Transactions"
    ADD COLUMN "locationId" integer
        CONSTRAINT "Transactions_locationId_fkey" REFERENCES "Locations"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "evseId" integer,
    ADD COLUMN "connectorId" integer
        CONSTRAINT "Transactions_connectorId_fkey" REFERENCES "Connectors"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "authorizationId" integer
        CONSTRAINT "Transactions_authorizationId_fkey" REFERENCES "Authorizations"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "tariffId" integer
        CONSTRAINT "Transactions_tariffId_fkey" REFERENCES "Tariffs"(id)
            ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN "startTime" timestamp with time zone,
    ADD COLUMN "endTime" timestamp with time zone,
    ADD COLUMN "customData" jsonb;
"""

# What schema-fix drops and renames, once the data move has put the data elsewhere; then the
# foreign keys of dump 11.
DROP_OLD_EVSE_LINKS = """
ALTER TABLE "ChargingNeeds" DROP CONSTRAINT "ChargingNeeds_evseDatabaseId_fkey";
ALTER TABLE "Components" DROP CONSTRAINT "Components_evseDatabaseId_fkey";
ALTER TABLE "Reservations" DROP CONSTRAINT "Reservations_evseId_fkey";
ALTER TABLE "TransactionEvents" DROP CONSTRAINT "TransactionEvents_evseId_fkey";
ALTER TABLE "Transactions" DROP CONSTRAINT "Transactions_evseDatabaseId_fkey";
ALTER TABLE "VariableAttributes" DROP CONSTRAINT "VariableAttributes_evseDatabaseId_fkey";
"""

# Then sql/schema-fix.clear-evses.sql empties Evses (every old row is in EvseTypes now), and
# Evses becomes the 1.8.0 table of station EVSEs.
CONTRACT = """
ALTER TABLE "Evses"
    DROP COLUMN "databaseId",
    DROP COLUMN id,
    DROP COLUMN "connectorId";
ALTER TABLE "Evses"
    ADD COLUMN "stationId" character varying(36),
    ADD COLUMN "evseTypeId" integer,
    ADD COLUMN "evseId" character varying(255),
    ADD COLUMN "physicalReference" character varying(255),
    ADD COLUMN removed boolean;
ALTER TABLE "Evses" ADD COLUMN id serial NOT NULL;
ALTER TABLE "Evses" ADD CONSTRAINT "Evses_pkey" PRIMARY KEY (id);

ALTER TABLE "Authorizations" DROP COLUMN "groupIdTokenId";
ALTER TABLE "LocalListAuthorizations"
    DROP COLUMN "idTokenId",
    DROP COLUMN "idTokenInfoId",
    ALTER COLUMN "idToken" SET NOT NULL;
ALTER TABLE "StopTransactions" DROP COLUMN "idTokenDatabaseId";
ALTER TABLE "TransactionEvents" DROP COLUMN "idTokenId";
ALTER TABLE "Transactions" DROP COLUMN "evseDatabaseId";
ALTER TABLE "ChargingNeeds" RENAME COLUMN "evseDatabaseId" TO "evseId";

ALTER TABLE "Authorizations"
    ADD CONSTRAINT "Authorizations_groupAuthorizationId_fkey" FOREIGN KEY ("groupAuthorizationId")
        REFERENCES "Authorizations"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "ChargingNeeds"
    ADD CONSTRAINT "ChargingNeeds_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Components"
    ADD CONSTRAINT "Components_evseTypeId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "EvseTypes"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Connectors"
    ADD CONSTRAINT "Connectors_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Evses"
    ADD CONSTRAINT "Evses_stationId_fkey" FOREIGN KEY ("stationId")
        REFERENCES "ChargingStations"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "LocalListAuthorizations"
    ADD CONSTRAINT "LocalListAuthorizations_groupAuthorizationId_fkey"
        FOREIGN KEY ("groupAuthorizationId")
        REFERENCES "Authorizations"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Reservations"
    ADD CONSTRAINT "Reservations_evseTypeId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "EvseTypes"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Transactions"
    ADD CONSTRAINT "Transactions_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "VariableAttributes"
    ADD CONSTRAINT "VariableAttributes_evseTypeId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "EvseTypes"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;
"""

# --- down ----------------------------------------------------------------------------------

# The foreign keys of dump 11 that dump 10 does not have, and the columns schema-fix added.
UNDO_CONTRACT = """
ALTER TABLE "Authorizations" DROP CONSTRAINT "Authorizations_groupAuthorizationId_fkey";
ALTER TABLE "ChargingNeeds" DROP CONSTRAINT "ChargingNeeds_evseId_fkey";
ALTER TABLE "Components" DROP CONSTRAINT "Components_evseTypeId_fkey";
ALTER TABLE "Reservations" DROP CONSTRAINT "Reservations_evseTypeId_fkey";
ALTER TABLE "TransactionEvents" DROP CONSTRAINT "TransactionEvents_evseTypeId_fkey";
ALTER TABLE "VariableAttributes" DROP CONSTRAINT "VariableAttributes_evseTypeId_fkey";

ALTER TABLE "Authorizations" DROP COLUMN "tenantPartnerId";
ALTER TABLE "ChargingStations"
    DROP COLUMN coordinates,
    DROP COLUMN "floorLevel",
    DROP COLUMN "parkingRestrictions",
    DROP COLUMN capabilities;
ALTER TABLE "Connectors"
    DROP COLUMN "evseId",
    DROP COLUMN "evseTypeConnectorId",
    DROP COLUMN type,
    DROP COLUMN format,
    DROP COLUMN "powerType",
    DROP COLUMN "maximumAmperage",
    DROP COLUMN "maximumVoltage",
    DROP COLUMN "maximumPowerWatts",
    DROP COLUMN "termsAndConditionsUrl";
ALTER TABLE "LocalListAuthorizations"
    DROP COLUMN "groupAuthorizationId",
    DROP COLUMN "idToken",
    DROP COLUMN "idTokenType",
    DROP COLUMN "additionalInfo",
    DROP COLUMN status,
    DROP COLUMN "cacheExpiryDateTime",
    DROP COLUMN "chargingPriority",
    DROP COLUMN language1,
    DROP COLUMN language2,
    DROP COLUMN "personalMessage",
    DROP COLUMN "customData";
ALTER TABLE "Locations"
    DROP COLUMN "publishUpstream",
    DROP COLUMN "timeZone",
    DROP COLUMN "parkingType",
    DROP COLUMN facilities,
    DROP COLUMN "openingHours";
ALTER TABLE "MeterValues"
    DROP COLUMN "customData",
    DROP COLUMN "tariffId",
    DROP COLUMN "transactionId";
ALTER TABLE "StopTransactions"
    DROP COLUMN "idTokenValue",
    DROP COLUMN "idTokenType";
ALTER TABLE "Tariffs"
    DROP COLUMN "connectorId",
    DROP COLUMN "tariffAltText";
ALTER TABLE "TransactionEvents"
    DROP COLUMN "idTokenValue",
    DROP COLUMN "idTokenType";
ALTER TABLE "Transactions"
    DROP COLUMN "locationId",
    DROP COLUMN "evseId",
    DROP COLUMN "connectorId",
    DROP COLUMN "authorizationId",
    DROP COLUMN "tariffId",
    DROP COLUMN "startTime",
    DROP COLUMN "endTime",
    DROP COLUMN "customData";

-- Evses in its 1.7 layout (dump 10), empty; schema-fix.down.sql refills it from EvseTypes.
-- keeps: "Evses" (its 1.8.0 rows are set aside first)
DROP TABLE "Evses";
CREATE TABLE "Evses" (
    "databaseId" serial NOT NULL,
    id integer,
    "connectorId" integer,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "tenantId" integer DEFAULT 1 NOT NULL,
    CONSTRAINT "Evses_pkey" PRIMARY KEY ("databaseId"),
    CONSTRAINT "Evses_id_connectorId_key" UNIQUE (id, "connectorId"),
    CONSTRAINT "Evses_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenants"(id)
        ON UPDATE CASCADE ON DELETE RESTRICT
);
CREATE UNIQUE INDEX evses_id ON "Evses" USING btree (id) WHERE ("connectorId" IS NULL);
ALTER TABLE "ChargingNeeds" RENAME COLUMN "evseId" TO "evseDatabaseId";
"""

# Columns schema-fix dropped, each put back just before the column that followed it in dump 10.
RESTORED_COLUMNS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Authorizations", "customData", (("groupIdTokenId", "integer"),)),
    ("LocalListAuthorizations", "authorizationId",
     (("idTokenId", "integer"), ("idTokenInfoId", "integer"))),
    ("StopTransactions", "tenantId", (("idTokenDatabaseId", "integer"),)),
    ("TransactionEvents", "tenantId", (("idTokenId", "integer"),)),
    ("Transactions", "transactionId", (("evseDatabaseId", "integer"),)),
)

UNDO_EXPAND = """
-- keeps: "EvseTypes" (every row is an old "Evses" row again, same databaseId, id, connectorId)
DROP TABLE "EvseTypes";
ALTER TABLE "Authorizations"
    ADD CONSTRAINT "Authorizations_groupIdTokenId_fkey" FOREIGN KEY ("groupIdTokenId")
        REFERENCES "Authorizations"(id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "ChargingNeeds"
    ADD CONSTRAINT "ChargingNeeds_evseDatabaseId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE;
ALTER TABLE "Components"
    ADD CONSTRAINT "Components_evseDatabaseId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE;
ALTER TABLE "Reservations"
    ADD CONSTRAINT "Reservations_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "TransactionEvents"
    ADD CONSTRAINT "TransactionEvents_evseId_fkey" FOREIGN KEY ("evseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE "Transactions"
    ADD CONSTRAINT "Transactions_evseDatabaseId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE;
ALTER TABLE "VariableAttributes"
    ADD CONSTRAINT "VariableAttributes_evseDatabaseId_fkey" FOREIGN KEY ("evseDatabaseId")
        REFERENCES "Evses"("databaseId") ON UPDATE CASCADE;
"""


def up(ctx: Any) -> None:
    ctx.ensure_archive()
    flattened_archive = ctx.exists(f'{ctx.archive}."20250621120000_IdTokens"')
    ctx.script(EXPAND)
    ctx.run_sql_file("schema-fix.up.sql")
    ctx.script(DROP_OLD_EVSE_LINKS)
    ctx.run_sql_file("schema-fix.clear-evses.sql")
    ctx.script(CONTRACT)
    _report_up(ctx, flattened_archive)


# What the down drops that 1.7 has no place for: the columns schema-fix added, table by table,
# and the 1.8.0 meaning of ChargingNeeds."evseId" (a new Evses id; the down puts the old link
# back into that column).
ADDED_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Authorizations", ("tenantPartnerId",)),
    ("ChargingNeeds", ("evseId",)),
    ("ChargingStations", ("coordinates", "floorLevel", "parkingRestrictions", "capabilities")),
    ("Connectors", ("evseId", "evseTypeConnectorId", "type", "format", "powerType",
                    "maximumAmperage", "maximumVoltage", "maximumPowerWatts",
                    "termsAndConditionsUrl")),
    ("LocalListAuthorizations", ("groupAuthorizationId", "idToken", "idTokenType",
                                 "additionalInfo", "status", "cacheExpiryDateTime",
                                 "chargingPriority", "language1", "language2",
                                 "personalMessage", "customData")),
    ("Locations", ("publishUpstream", "timeZone", "parkingType", "facilities", "openingHours")),
    ("MeterValues", ("customData", "tariffId", "transactionId")),
    ("StopTransactions", ("idTokenValue", "idTokenType")),
    ("Tariffs", ("connectorId", "tariffAltText")),
    ("TransactionEvents", ("idTokenValue", "idTokenType")),
    ("Transactions", ("locationId", "evseId", "connectorId", "authorizationId", "tariffId",
                      "startTime", "endTime", "customData")),
)

# The archive of up that the down reads, as empty stand-ins (columns only) for a database
# whose 1.8.0 state no up of this step made.
UP_ARCHIVE = {
    "Transactions": 'id integer PRIMARY KEY, "evseDatabaseId" integer',
    "ChargingNeeds": 'id integer PRIMARY KEY, "evseDatabaseId" integer',
    "TransactionEvents": 'id integer PRIMARY KEY, "idTokenId" integer',
    "StopTransactions": 'id integer PRIMARY KEY, "idTokenDatabaseId" integer',
    "LocalListAuthorizations": 'id integer PRIMARY KEY, "idTokenId" integer, '
                               '"idTokenInfoId" integer',
    "Authorizations": 'id integer PRIMARY KEY, "groupIdTokenId" integer, '
                      '"groupAuthorizationId" integer',
}


# EvseTypes rows that 1.7's Evses keys cannot hold: 1.8.0 lets two rows share an OCPP EVSE id
# and connector id (two tenants' stations), the old "Evses_id_connectorId_key" and "evses_id"
# (id, where connectorId IS NULL) do not. The row with the lowest databaseId of each such group
# becomes the old Evses row; the others are set aside with the links to them.
COLLIDING_EVSE_TYPES = """"databaseId" IN (
    SELECT "databaseId" FROM (
        SELECT "databaseId", row_number() OVER (PARTITION BY id, "connectorId"
                                                ORDER BY "databaseId") AS n
        FROM "EvseTypes" WHERE id IS NOT NULL AND "connectorId" IS NOT NULL) AS pairs
    WHERE n > 1
    UNION ALL
    SELECT "databaseId" FROM (
        SELECT "databaseId", row_number() OVER (PARTITION BY id ORDER BY "databaseId") AS n
        FROM "EvseTypes" WHERE id IS NOT NULL AND "connectorId" IS NULL) AS lone
    WHERE n > 1)"""

# The columns that name an EvseTypes row (all keep their name on the way down).
EVSE_TYPE_LINKS = (("Components", "evseDatabaseId"), ("VariableAttributes", "evseDatabaseId"),
                   ("TransactionEvents", "evseId"), ("Reservations", "evseId"))


def down(ctx: Any) -> None:
    _stand_ins(ctx)
    # Links first, rows last: the next up puts back the newest set-aside first, so the rows
    # (1.8.0 Evses, EvseTypes that 1.7 cannot hold) are there before the links to them.
    colliding = f'SELECT "databaseId" FROM "EvseTypes" WHERE {COLLIDING_EVSE_TYPES}'
    for table, column in EVSE_TYPE_LINKS:
        ctx.set_aside_columns(f'"{table}"', column, where=f'"{column}" IN ({colliding})')
        ctx.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE "{column}" IN ({colliding})')
    for table, columns in ADDED_COLUMNS:
        ctx.set_aside_columns(f'"{table}"', *columns)
    if ctx.set_aside_rows('"EvseTypes"', COLLIDING_EVSE_TYPES):
        ctx.execute(f'DELETE FROM "EvseTypes" WHERE {COLLIDING_EVSE_TYPES}')
    ctx.set_aside_rows('"Evses"')
    ctx.script(UNDO_CONTRACT)
    for table, before, columns in RESTORED_COLUMNS:
        ctx.insert_columns(f'"{table}"', before, columns)
    ctx.run_sql_file("schema-fix.down.sql")
    ctx.script(UNDO_EXPAND)


def _stand_ins(ctx: Any) -> None:
    archive = ctx.ensure_archive()
    missing = [t for t in UP_ARCHIVE
               if not ctx.exists(f'{archive}."20250821103100_{t}"')]
    if missing and len(missing) < len(UP_ARCHIVE):

        ctx.refuse(f"{ctx.step.name}: the archive lacks "
                      + ", ".join(f'{archive}."20250821103100_{t}"' for t in missing)
                      + " but holds the others: restore them from a backup")
    if missing:
        ctx.report(f'no archive of this step\'s up ({archive}."20250821103100_*"): the 1.8.0 '
                   "state was not made by it, so no old EVSE link or token id comes back")
        for table in missing:
            ctx.script(f'CREATE TABLE "{archive}"."20250821103100_{table}" ({UP_ARCHIVE[table]})')


def _count(ctx: Any, table: str) -> int:
    return ctx.count_rows(f'{ctx.archive}."{table}"')


def _report_up(ctx: Any, flattened_archive: bool) -> None:
    types = ctx.execute('SELECT count(*) FROM "EvseTypes"').scalar_one()
    ctx.report(f"kept {types} old Evses row(s) as EvseTypes with their databaseId, id and "
               "connectorId")
    links = _count(ctx, "20250821103100_Transactions")
    needs = _count(ctx, "20250821103100_ChargingNeeds")
    if links or needs:
        ctx.report(f"archived the EVSE link of {links} transaction(s) and {needs} charging "
                   f'need(s) in {ctx.archive}."20250821103100_Transactions"/"..._ChargingNeeds" '
                   "(20250903102900-create-evses maps them to the new Evses)")
    events = _count(ctx, "20250821103100_TransactionEvents")
    stops = _count(ctx, "20250821103100_StopTransactions")
    local = _count(ctx, "20250821103100_LocalListAuthorizations")
    if events or stops or local:
        ctx.report(f"filled the token of {events} transaction event(s), {stops} stop "
                   f"transaction(s) and {local} local list authorization(s); their old token "
                   f'ids are in {ctx.archive}."20250821103100_*"')
    if (events or stops or local) and not flattened_archive:
        ctx.report(f'no archive of the old tokens ({ctx.archive}."20250621120000_IdTokens"): '
                   "token values stay empty, only the old ids are archived")
    unknown = ctx.execute("""SELECT count(*) FROM "LocalListAuthorizations"
                             WHERE "idToken" = ''""").scalar_one()
    if unknown:
        ctx.report(f"{unknown} local list authorization(s) have no known token: idToken is ''")
    # Only the rows with a group link are in the archive: count there, not over every row.
    groups = ctx.execute(
        f'SELECT count(*) FROM {ctx.archive}."20250821103100_Authorizations" AS x'
        ' JOIN "Authorizations" AS a ON a.id = x.id'
        ' WHERE a."groupAuthorizationId" IS NOT NULL').scalar_one()
    if groups:
        ctx.report(f"{groups} authorization(s) keep their group link in groupAuthorizationId")


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "8da2cd36185cbebdfdac71d7cb86ed5386434ca69e1224bb249f2752a27a4dcc",
    "9dc5f951cbac91a7d43cc9803d7e72feb700d0f3305fd4292961861522ac6580",
)
