"""Turn the three enum columns into varchar(255) and drop their types.

Upstream's ``20251111160000-remove-enums`` (dump 13): ``InstalledCertificates.certificateType``
becomes ``varchar(255) NOT NULL``, ``Connectors.status`` and ``Connectors."errorCode"`` become
nullable ``varchar(255)`` with the defaults 'Unknown' and 'NoError', and the types
``enum_Connectors_status``, ``enum_Connectors_errorCode`` and
``enum_InstalledCertificates_certificateType`` are dropped. Upstream fails when run again (its
DROP TYPE has no IF EXISTS, after its first ALTER committed); this up can run on its own result,
or on a database that upstream's left half-way.

Upstream's down fails on every database (the default 'Unknown' cannot be cast to the enum) and
would make the two nullable columns NOT NULL. This down gives back exactly 1.8.0's types,
nullability and defaults (dump 12):

- an installed certificate whose type is not one of 1.8.0's five (NOT NULL there, so it has no
  value to fall back to) refuses the down before anything is changed, naming the rows;
- a connector status or error code that 1.8.0's enums lack ('Unknown', 1.8.1's own default, or
  any other string 1.8.1 wrote) is kept in ``citrine_archive."20251111160000_Connectors"`` and
  set NULL; the next up puts it back on the connectors that still exist and are still NULL
  there (a value 1.8.0 wrote meanwhile wins), then drops that archive table
  (``sql/remove-enums.restore.sql``).
"""

from __future__ import annotations

from typing import Any

ARCHIVE_TABLE = "20251111160000_Connectors"

# 1.8.0's enum values, in their order (dump 12).
CONNECTOR_ERROR_CODES = (
    "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
    "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure",
    "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage",
    "OverVoltage", "WeakSignal",
)
CONNECTOR_STATUSES = (
    "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing",
    "Reserved", "Unavailable", "Faulted",
)
CERTIFICATE_TYPES = (
    "V2GRootCertificate", "MORootCertificate", "CSMSRootCertificate", "V2GCertificateChain",
    "ManufacturerRootCertificate",
)

# The enum -> varchar changes rewrite both tables: this step needs a window (plans say so).
WINDOW = {"Connectors": "rewrite", "InstalledCertificates": "rewrite"}

# ``USING ...::text`` works from the enum and from varchar alike, so the up also finishes what
# upstream's interrupted run left.
UP = """
ALTER TABLE public."InstalledCertificates"
    ALTER COLUMN "certificateType" TYPE character varying(255) USING "certificateType"::text;
ALTER TABLE public."Connectors"
    ALTER COLUMN status TYPE character varying(255) USING status::text,
    ALTER COLUMN status SET DEFAULT 'Unknown'::character varying,
    ALTER COLUMN "errorCode" TYPE character varying(255) USING "errorCode"::text,
    ALTER COLUMN "errorCode" SET DEFAULT 'NoError'::character varying;
DROP TYPE IF EXISTS public."enum_Connectors_errorCode";
DROP TYPE IF EXISTS public."enum_Connectors_status";
DROP TYPE IF EXISTS public."enum_InstalledCertificates_certificateType";
"""

# What the consolidated migration runs after its contract phase (the columns are varchar by
# then): the values an earlier down archived go back.
LATE_DATA_MOVES = ("remove-enums.restore.sql", "drop-empty-archive.sql")


def _enum(name: str, values: tuple[str, ...]) -> str:
    labels = ",\n    ".join(f"'{v}'" for v in values)
    return f'CREATE TYPE public."{name}" AS ENUM (\n    {labels}\n);\n'


# The types first (creating them touches no table), then the values they lack go to the archive
# and become NULL, then the columns turn back, defaults dropped first ('Unknown' would not cast).
DOWN = (
    _enum("enum_Connectors_errorCode", CONNECTOR_ERROR_CODES)
    + _enum("enum_Connectors_status", CONNECTOR_STATUSES)
    + _enum("enum_InstalledCertificates_certificateType", CERTIFICATE_TYPES)
    + """
CREATE TABLE IF NOT EXISTS {archive}."20251111160000_Connectors" (
    id integer PRIMARY KEY,
    "stationId" character varying(255),
    "connectorId" integer,
    status character varying(255),
    "errorCode" character varying(255)
);
INSERT INTO {archive}."20251111160000_Connectors" AS a
    (id, "stationId", "connectorId", status, "errorCode")
SELECT id, "stationId", "connectorId",
       CASE WHEN status::text <> ALL (enum_range(NULL::public."enum_Connectors_status")::text[])
            THEN status END,
       CASE WHEN "errorCode"::text
                 <> ALL (enum_range(NULL::public."enum_Connectors_errorCode")::text[])
            THEN "errorCode" END
FROM public."Connectors"
WHERE status::text <> ALL (enum_range(NULL::public."enum_Connectors_status")::text[])
   OR "errorCode"::text <> ALL (enum_range(NULL::public."enum_Connectors_errorCode")::text[])
ON CONFLICT (id) DO UPDATE SET
    "stationId" = EXCLUDED."stationId", "connectorId" = EXCLUDED."connectorId",
    status = COALESCE(EXCLUDED.status, a.status),
    "errorCode" = COALESCE(EXCLUDED."errorCode", a."errorCode");
UPDATE public."Connectors" SET
    status = CASE WHEN status::text
                       = ANY (enum_range(NULL::public."enum_Connectors_status")::text[])
                  THEN status END,
    "errorCode" = CASE WHEN "errorCode"::text
                            = ANY (enum_range(NULL::public."enum_Connectors_errorCode")::text[])
                       THEN "errorCode" END
WHERE status::text <> ALL (enum_range(NULL::public."enum_Connectors_status")::text[])
   OR "errorCode"::text <> ALL (enum_range(NULL::public."enum_Connectors_errorCode")::text[]);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM {archive}."20251111160000_Connectors") THEN
        DROP TABLE {archive}."20251111160000_Connectors";
    END IF;
END
$$;
ALTER TABLE public."Connectors"
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE public."enum_Connectors_status"
        USING status::text::public."enum_Connectors_status",
    ALTER COLUMN "errorCode" DROP DEFAULT,
    ALTER COLUMN "errorCode" TYPE public."enum_Connectors_errorCode"
        USING "errorCode"::text::public."enum_Connectors_errorCode";
ALTER TABLE public."InstalledCertificates"
    ALTER COLUMN "certificateType" TYPE public."enum_InstalledCertificates_certificateType"
        USING "certificateType"::text::public."enum_InstalledCertificates_certificateType";
"""
)

# Installed certificates whose type 1.8.0's enum does not know (the down refuses on them).
UNKNOWN_CERTIFICATE_TYPES = """
SELECT id, "stationId", "certificateType"::text FROM public."InstalledCertificates"
WHERE "certificateType"::text <> ALL (CAST(:known AS text[]))
ORDER BY id
"""

SHOWN = 5  # rows named in a refusal


def up(ctx: Any) -> None:
    ctx.script(UP)
    table = f'{ctx.archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    ctx.script(ctx.sql_file("remove-enums.restore.sql"))
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))
    if archived:
        ctx.report(f"put back the connector status / error code values of {archived} "
                   f"connector(s) from {table}")


def down(ctx: Any) -> None:
    unknown = ctx.execute(UNKNOWN_CERTIFICATE_TYPES, {"known": list(CERTIFICATE_TYPES)}).all()
    if unknown:
        named = "; ".join(f"id {i} (station {s}): {t!r}" for i, s, t in unknown[:SHOWN])
        more = f"; and {len(unknown) - SHOWN} more" if len(unknown) > SHOWN else ""
        ctx.refuse(
            f"{ctx.step.name}: cannot turn InstalledCertificates.certificateType back into "
            f"1.8.0's enum: {len(unknown)} installed certificate(s) have a type it does not "
            f"know ({named}{more}); change or delete them first (1.8.0 knows "
            f"{', '.join(CERTIFICATE_TYPES)})"
        )
    archive = ctx.ensure_archive()
    ctx.script(DOWN.replace("{archive}", archive))
    table = f'{archive}."{ARCHIVE_TABLE}"'
    archived = ctx.count_rows(table)
    if archived:
        ctx.report(f"{archived} connector(s) had a status or error code that 1.8.0's enums "
                   f"lack: kept in {table}, set NULL (an upgrade puts them back)")
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))


# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "5b8e4e7fcadc4090515c743eb3fad5261e5169819805b6afef380c2e4caf5641",
    "ce51ac7e127dad2f188c2e8d65b1d6a8584220b90d97ef1ebaa32ea3c9b08c51",
)
