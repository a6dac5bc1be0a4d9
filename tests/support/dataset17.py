"""A CitrineOS 1.7.x data set, token side: every token/authorization case of MIGRATIONS.md.

``load_tokens(conn)`` inserts into a database whose schema is a real 1.7.x one (reference dump
05, or 06 which only adds two Authorizations columns with defaults) and whose Tenants row 1
exists. Ids are explicit, and the sequences are then advanced past them the way a running app
leaves them. Station ids start with ``tok-`` and the ids of Transactions, their events, local
lists and the like are >= 1000, clear of ``dataset17_evse.load_evses``.

``snapshot_rows(conn)`` hashes the content of every table of the public and archive schemas, for
round-trip tests; ``snapshot_sequences(conn)`` does the same for sequence positions.

The cases (ids are those below):

- Authorizations 1, 2, 3, 4, 5, 6, 8, 15 have a token with a value and survive the flattening:
  1 has a full IdTokenInfo (cache expiry, priority, languages, personalMessage json) whose group
  token 3 is owned by Authorization 3, arrays, concurrentTransaction true and one additional
  info; 2 has no IdTokenInfo (-> status 'Accepted') and concurrentTransaction NULL; 4's group
  token 4 is owned by NO authorization (-> groupAuthorizationId NULL) and its arrays are empty;
  5 has four additional infos, one of them shared with token 1, and a json personalMessage with
  odd spacing and non-ASCII text; 6's group token 1 is owned by Authorization 1; 8's token has
  no type and its info no status; 15's group token 13 belongs to an Authorization that cannot
  survive (-> NULL).
- Authorizations 7 and 10 have no idTokenId, 9 has a token without a value: 1.8.0 cannot hold
  them (archived and removed); LocalListAuthorizations 1002 points to 7.
- IdTokens 4, 6, 15 belong to no authorization (6 has an additional info of its own); 7 is used
  only by a StartTransactions row, 9 only by a LocalListAuthorizations row, 10 only by a
  TransactionEvents row, 11 only by a StopTransactions row.
- IdTokenInfo 9 is used by nobody, 11 only by a LocalListAuthorizations row; AdditionalInfo 4 is
  linked to nothing and 5 only to the orphan token 6.
- IdTokens_id_seq stands beyond max(id) (rows deleted in the past), which must be kept.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

ARCHIVE_SCHEMA = "citrine_archive"
STATIONS = ("tok-CS1", "tok-CS2")
IDTOKENS_SEQUENCE_AHEAD = 40  # IdTokens_id_seq is left here, beyond max(id) = 16

T0 = "2025-03-01 12:00:00+00"
T1 = "2025-03-02 08:30:00.123456+00"

ID_TOKENS = [
    # id, idToken, type
    (1, "TOKEN-A", "ISO14443"),
    (2, "TOKEN-B", "ISO14443"),
    (3, "GROUP-1", "Central"),
    (4, "GROUP-ORPHAN", "Central"),
    (5, "TOKEN-C", "eMAID"),
    (6, "ORPHAN-1", "ISO15693"),
    (7, "START-ONLY", "ISO14443"),
    (8, "TOKEN-D", "KeyCode"),
    (9, "LL-ONLY", "ISO14443"),
    (10, "TE-ONLY", "MacAddress"),
    (11, "STOP-ONLY", "ISO14443"),
    (12, "NOTYPE", None),
    (13, None, "Central"),
    (14, "TOKEN-E", "Local"),
    (15, "ORPHAN-2", None),
    (16, "TOKEN-F", "ISO14443"),
]

PERSONAL_1 = '{"format":"UTF8","language":"en","content":"Hello"}'
PERSONAL_5 = '{ "format" : "HTML",  "content": "<b>Hoi</b> ünïcode", "nested": {"a": [1, 2]} }'

ID_TOKEN_INFOS = [
    # id, status, cacheExpiryDateTime, chargingPriority, language1, groupIdTokenId, language2,
    # personalMessage
    (1, "Accepted", "2026-01-01 00:00:00+00", 5, "en", 3, "de", PERSONAL_1),
    (3, "Accepted", None, None, None, None, None, None),
    (4, "Blocked", "2025-12-31 23:59:59.123+00", 0, "fr", 4, None, None),
    (5, "ConcurrentTx", None, 9, None, None, "nl", PERSONAL_5),
    (6, "Invalid", None, None, "it", None, None, None),
    (7, None, None, None, None, None, None, None),
    (8, "Expired", "2025-06-30 10:00:00+02", -5, "es", 1, "pt", None),
    (9, "Unknown", None, 1, None, 6, None, '{"content":"nobody reads me"}'),
    (10, "Accepted", None, None, None, 13, None, None),
    (11, "NoCredit", None, 2, "sv", None, None, None),
]

ADDITIONAL_INFOS = [
    # id, additionalIdToken, type
    (1, "ADD-1", "typeA"),
    (2, "ADD-2", "typeB"),
    (3, "ADD-3", None),
    (4, "UNUSED", "x"),
    (5, "ORPHAN-ADD", "y"),
    (6, "SHARED", "z"),
]

ID_TOKEN_ADDITIONAL_INFOS = [(8, 1), (8, 2), (8, 3), (8, 6), (1, 6), (6, 5)]

AUTHORIZATIONS = [
    # id, allowedConnectorTypes, disallowedEvseIdPrefixes, idTokenId, idTokenInfoId,
    # concurrentTransaction
    (1, ["cType2", "cCCS2"], ["FR*ABC"], 1, 1, True),
    (2, None, None, 2, None, None),
    (3, None, None, 3, 3, False),
    (4, [], [], 5, 4, False),
    (5, ["sType2"], None, 8, 5, True),
    (6, None, ["DE*X", "DE*Y"], 14, 8, False),
    (7, None, None, None, 6, False),
    (8, None, None, 12, 7, None),
    (9, None, None, 13, None, False),
    (10, None, None, None, None, None),
    (15, None, None, 16, 10, False),
]
REMOVED_AUTHORIZATIONS = (7, 9, 10)  # 1.8.0 has no place for them (no token value)

LOCAL_LIST_AUTHORIZATIONS = [
    # id, allowedConnectorTypes, disallowedEvseIdPrefixes, idTokenId, idTokenInfoId,
    # authorizationId
    (1000, ["cType2"], None, 1, 1, 1),
    (1001, None, None, 9, 11, None),
    (1002, None, None, None, 6, 7),
    (1003, None, ["NL*"], 2, None, 2),
]


def _insert(conn: Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    cols = ", ".join(f'"{c}"' for c in columns)
    names = ", ".join(f":c{i}" for i in range(len(columns)))
    stmt = sa.text(f'INSERT INTO public."{table}" ({cols}) VALUES ({names})')
    conn.execute(stmt, [{f"c{i}": v for i, v in enumerate(row)} for row in rows])


def _stamped(rows: list[tuple], tenant: int = 1) -> list[tuple]:
    return [(*row, T0, T1, tenant) for row in rows]


STAMPS = ["createdAt", "updatedAt", "tenantId"]


def load_tokens(conn: Connection) -> None:
    """Insert the token-side 1.7.x data set (the caller commits)."""
    _insert(conn, "IdTokens", ["id", "idToken", "type", *STAMPS], _stamped(ID_TOKENS))
    conn.execute(
        sa.text(
            'INSERT INTO public."IdTokenInfos" (id, status, "cacheExpiryDateTime",'
            ' "chargingPriority", language1, "groupIdTokenId", language2, "personalMessage",'
            ' "createdAt", "updatedAt", "tenantId") VALUES (:id, :st, :ce, :cp, :l1, :g, :l2,'
            " CAST(:pm AS json), :ca, :ua, 1)"
        ),
        [
            dict(id=r[0], st=r[1], ce=r[2], cp=r[3], l1=r[4], g=r[5], l2=r[6], pm=r[7],
                 ca=T0, ua=T1)
            for r in ID_TOKEN_INFOS
        ],
    )
    _insert(
        conn, "AdditionalInfos", ["id", "additionalIdToken", "type", *STAMPS],
        _stamped(ADDITIONAL_INFOS),
    )
    _insert(
        conn, "IdTokenAdditionalInfos", ["idTokenId", "additionalInfoId", *STAMPS],
        _stamped(ID_TOKEN_ADDITIONAL_INFOS),
    )
    _insert(
        conn, "Authorizations",
        ["id", "allowedConnectorTypes", "disallowedEvseIdPrefixes", "idTokenId",
         "idTokenInfoId", "concurrentTransaction", *STAMPS],
        _stamped(AUTHORIZATIONS),
    )
    _insert(
        conn, "LocalListAuthorizations",
        ["id", "allowedConnectorTypes", "disallowedEvseIdPrefixes", "idTokenId",
         "idTokenInfoId", "authorizationId", *STAMPS],
        _stamped(LOCAL_LIST_AUTHORIZATIONS),
    )
    _insert(conn, "LocalListVersions", ["id", "stationId", "versionNumber", *STAMPS],
            _stamped([(1000, "tok-CS1", 3)]))
    _insert(
        conn, "LocalListVersionAuthorizations", ["localListVersionId", "authorizationId", *STAMPS],
        _stamped([(1000, 1000), (1000, 1001), (1000, 1003)]),
    )
    _insert(
        conn, "SendLocalLists",
        ["id", "stationId", "correlationId", "versionNumber", "updateType", *STAMPS],
        _stamped([(1000, "tok-CS1", "tok-corr-1", 3, "Full")]),
    )
    _insert(
        conn, "SendLocalListAuthorizations", ["sendLocalListId", "authorizationId", *STAMPS],
        _stamped([(1000, 1002), (1000, 1000)]),
    )

    # Stations and transactions, just enough for the token references.
    _insert(conn, "ChargingStations", ["id", "isOnline", "protocol", *STAMPS],
            _stamped([(s, True, "ocpp2.0.1") for s in STATIONS]))
    _insert(
        conn, "Transactions", ["id", "stationId", "transactionId", "isActive", *STAMPS],
        _stamped([(1000, "tok-CS1", "tok-tx-1", False), (1001, "tok-CS2", "tok-tx-2", False),
                  (1002, "tok-CS1", "tok-tx-3", True)]),
    )
    _insert(
        conn, "TransactionEvents",
        ["id", "stationId", "eventType", "timestamp", "triggerReason", "seqNo",
         "transactionDatabaseId", "idTokenId", *STAMPS],
        _stamped([
            (1000, "tok-CS1", "Started", T0, "Authorized", 0, 1000, 1),
            (1001, "tok-CS1", "Updated", T0, "Authorized", 1, 1000, 10),
            (1002, "tok-CS1", "Ended", T1, "StopAuthorized", 2, 1000, None),
            (1003, "tok-CS1", "Started", T1, "Authorized", 0, 1002, 13),
        ]),
    )
    _insert(
        conn, "StartTransactions",
        ["id", "stationId", "meterStart", "timestamp", "transactionDatabaseId",
         "idTokenDatabaseId", *STAMPS],
        _stamped([(1000, "tok-CS2", 100, T0, 1001, 7), (1001, "tok-CS1", 0, T0, 1002, 1)]),
    )
    _insert(
        conn, "StopTransactions",
        ["id", "stationId", "transactionDatabaseId", "meterStop", "timestamp", "reason",
         "idTokenDatabaseId", *STAMPS],
        _stamped([(1000, "tok-CS2", 1001, 500, T1, "Local", 11),
                  (1001, "tok-CS1", 1002, 42, T1, "Remote", 2)]),
    )

    for table in ("IdTokens", "IdTokenInfos", "AdditionalInfos", "Authorizations",
                  "LocalListAuthorizations", "LocalListVersions", "SendLocalLists",
                  "Transactions", "TransactionEvents", "StartTransactions", "StopTransactions"):
        advance_sequence(conn, table)
    # As after deleted rows: the sequence stands beyond max(id), and must stay there.
    conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('public.\"IdTokens\"', 'id'), :v)"),
                 {"v": IDTOKENS_SEQUENCE_AHEAD})


def ensure_default_tenant(conn: Connection) -> None:
    """Tenant 1 as upstream's create-default-tenant makes it (its sequence NOT advanced)."""
    conn.execute(sa.text(
        'INSERT INTO public."Tenants" (id, name, "createdAt", "updatedAt")'
        " VALUES (1, 'Default Tenant', now(), now()) ON CONFLICT (id) DO NOTHING"
    ))


def advance_sequence(conn: Connection, table: str, column: str = "id") -> None:
    """Move the column's sequence past max(column), never backwards (like inserts through the
    sequence would have left it)."""
    seq = conn.execute(
        sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
        {"t": f'public."{table}"', "c": column},
    ).scalar_one()
    if seq is None:
        return
    conn.execute(sa.text(
        f"SELECT CASE WHEN m.top > s.used THEN setval(:seq, m.top, true) END"
        f' FROM (SELECT COALESCE(max("{column}"), 0) AS top FROM public."{table}") m,'
        f" (SELECT last_value - (NOT is_called)::int AS used FROM {seq}) s"
    ), {"seq": seq})


def _tables(conn: Connection, schemas: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    rows = conn.execute(
        sa.text(
            "SELECT n.nspname, c.relname, array_agg(a.attname::text ORDER BY a.attname::text)"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(:schemas)"
            " GROUP BY n.nspname, c.relname ORDER BY 1, 2"
        ),
        {"schemas": list(schemas)},
    )
    return [(r[0], r[1], list(r[2])) for r in rows]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def snapshot_rows(conn: Connection, archive: str = ARCHIVE_SCHEMA) -> dict[str, str]:
    """``{"schema.table": md5}`` over the rows of every table in public and the archive schema.

    Each row is rendered as ``name=value`` pairs in column-NAME order (so column order and
    dropped columns do not matter, names and values do), with values as their text output
    (PostGIS points keep their SRID) and NULL distinct from the text 'NULL'; rows are sorted by
    that rendering, which orders them by all their columns.
    """
    result: dict[str, str] = {}
    for schema, table, columns in _tables(conn, ("public", archive)):
        if not columns:
            continue
        parts = " || ',' || ".join(
            f"{_literal(c)} || '=' || quote_nullable(t.{_quote(c)}::text)" for c in columns
        )
        digest = conn.execute(sa.text(
            f"SELECT md5(COALESCE(string_agg(r, E'\\n' ORDER BY r COLLATE \"C\"), ''))"
            f" FROM (SELECT {parts} AS r FROM {_quote(schema)}.{_quote(table)} t) x"
        )).scalar_one()
        result[f"{schema}.{table}"] = digest
    return result


def snapshot_sequences(conn: Connection, archive: str = ARCHIVE_SCHEMA) -> dict[str, Any]:
    """``{"schema.sequence": (last_value, is_called)}`` for the public and archive schemas."""
    names = conn.execute(
        sa.text(
            "SELECT n.nspname, c.relname FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'S' AND n.nspname = ANY(:schemas) ORDER BY 1, 2"
        ),
        {"schemas": ["public", archive]},
    ).all()
    out: dict[str, Any] = {}
    for schema, name in names:
        row = conn.execute(
            sa.text(f"SELECT last_value, is_called FROM {_quote(schema)}.{_quote(name)}")
        ).one()
        out[f"{schema}.{name}"] = (row[0], row[1])
    return out


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
