"""Add the global unique index "idToken_type" on Authorizations("idToken", "idTokenType").

Upstream's ``20260122000000-add-authorization-unique-index`` (dump 17): ``CREATE UNIQUE INDEX
"idToken_type" ON "Authorizations" ("idToken", "idTokenType")``, skipped when an index of that
name exists. It has no tenantId, so a token and type may exist once across ALL tenants, and
since idToken is citext (normalize-id-token-case), 'abc' and 'ABC' are the same token.

Upstream first counts ``GROUP BY "idToken", "idTokenType" HAVING count(*) > 1`` and throws on
any hit, also on rows whose type is NULL, which the index allows (NULLs are distinct); with 13-16
already committed. Here NULL types are no conflict, and when real duplicates exist (same token
ignoring case, same type, within one tenant or across tenants: the query of
``sql/authorization-token-conflicts.sql``) the step refuses before creating anything, naming how
many groups there are and the first few. Under ``migrate`` (the index built online) that check is
the pre-flight's, and a conflict that arrives after it fails the concurrent build, which undoes
the step with the same report. ``down`` drops the index.

Its pre-flight (``preflight``) finds the same groups before a run starts -- on a 1.7 database
too, where the tokens are still in IdTokens -- so the run refuses before any of its steps ran,
with a report: each group's tenant(s), Authorization ids, token and type, and how many rows
point at each Authorization (every foreign key into Authorizations: transactions, local-list
rows, group members). A group within one tenant can be merged by ``--resolve
merge-token-duplicates`` (``sql/authorization-token-merge.sql``): into its oldest row,
references repointed, the other rows and their links kept in the archive, which the down puts
back exactly (``sql/authorization-token-unmerge.sql``). Across tenants nothing merges: those
rows are changed by hand.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from citrine_state.online import Index

# The index, built CONCURRENTLY beside traffic by migrate, after the conflict check.
ONLINE = (
    Index("idToken_type", 'public."Authorizations"', 'USING btree ("idToken", "idTokenType")',
          unique=True),
)

DOWN = """
DROP INDEX IF EXISTS public."idToken_type";
"""

SHOWN = 3  # groups named in a refusal

# Earlier forms of this file that ran the same statements and made the same refusals: edits
# that only moved code into the engine (it runs SQL-only steps itself, steps refuse with
# ctx.refuse and ask the step context's catalog helpers) or, in 1.8.2's token step, left its
# conflict check to the pre-flight when migrate builds the index online. See the step contract
# in citrine_state.steps.
FORMER_CHECKSUMS = (
    "3a1c0ca0da80a4af700a8e82b0d5556c79a310c7d4725d7b71ffe035aa33167b",
    "814c7eb9ffd85a3051343b0e58087d1eaeb06dcb6418942f9da6e92e73bab093",
    "94c8a0450775dfdc610e192ce4775311c9435a3523181158bc2689f863fbc6c1",
)


def up(ctx: Any) -> None:
    if ctx.defer_online:
        # migrate builds the index CONCURRENTLY after this transaction: its pre-flight ran the
        # same query moments ago, and a conflict that arrived since fails the build, which
        # undoes the step and repeats the pre-flight's report (see citrine_state.online_run)
        return
    rows = ctx.execute(ctx.sql_file("authorization-token-conflicts.sql")).mappings().all()
    if rows:
        groups = [list(g) for _, g in groupby(rows, key=lambda r: r["group"])]
        named = "; ".join(_describe(g) for g in groups[:SHOWN])
        more = f"; and {len(groups) - SHOWN} more" if len(groups) > SHOWN else ""
        ctx.refuse(
            f"{ctx.step.name}: {len(groups)} group(s) of Authorizations share a token (ignoring "
            f"case) and a type, which the global unique index \"idToken_type\" forbids: "
            f"{named}{more}; give each token and type one row across all tenants (or a NULL "
            "type), then run again"
        )


def _describe(group: list[Any]) -> str:
    tenants = sorted({r["tenantId"] for r in group})
    tokens = list(dict.fromkeys(r["idToken"] for r in group))
    who = ("tenant " if len(tenants) == 1 else "tenants ") + ", ".join(map(str, tenants))
    return (f"{who} ids {', '.join(str(r['id']) for r in group)} token "
            f"{' / '.join(repr(t) for t in tokens)} type {group[0]['idTokenType']!r}")


def down(ctx: Any) -> None:
    ctx.script(DOWN)
    _unmerge(ctx)


# --- pre-flight and --resolve merge-token-duplicates ----------------------------------------

MERGE = "merge-token-duplicates"
RESOLUTIONS = {
    MERGE: "merge each group of one tenant into its oldest Authorization: references "
           "repointed, the other rows archived; the step's down puts them back",
}
MERGED = "20260122000000_merged_Authorizations"

# Every single-column foreign key into Authorizations: what points at a row.
REFERENCES = """
SELECT c.conrelid::regclass::text AS rel, cl.relname AS "table", a.attname AS col
FROM pg_constraint AS c
JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_class AS cl ON cl.oid = c.conrelid
WHERE c.contype = 'f' AND c.confrelid = to_regclass('public."Authorizations"')
  AND cardinality(c.conkey) = 1
ORDER BY 2, 3
"""

# What the report calls them (others by table.column).
NAMES = {
    "Transactions.authorizationId": "transactions",
    "LocalListAuthorizations.authorizationId": "local-list rows",
    "LocalListAuthorizations.groupAuthorizationId": "local-list group links",
    "Authorizations.groupAuthorizationId": "group members",
    "IdTokenInfos.groupIdTokenId": "group members",
    "TransactionEvents.idTokenId": "transaction events",
}

# 1.7: what will point at an Authorization once the flatten has run, read through its token.
REFERENCES_17 = {
    "IdTokenInfos.groupIdTokenId": """
        SELECT a.id, count(b.id) FROM public."Authorizations" AS a
        JOIN public."IdTokenInfos" AS i ON i."groupIdTokenId" = a."idTokenId"
        JOIN public."Authorizations" AS b ON b."idTokenInfoId" = i.id
        WHERE a.id = ANY(:ids) GROUP BY a.id""",
    "TransactionEvents.idTokenId": """
        SELECT a.id, count(e.id) FROM public."Authorizations" AS a
        JOIN public."TransactionEvents" AS e ON e."idTokenId" = a."idTokenId"
        WHERE a.id = ANY(:ids) GROUP BY a.id""",
}


def preflight(ctx: Any) -> list[Any]:
    """One finding per group of Authorizations the global index cannot hold."""
    from citrine_state.steps import Finding

    if ctx.exists('public."idToken_type"'):
        return []  # the index is there: nothing can conflict
    rows = _conflicts(ctx)
    if not rows:
        return []
    counts = _reference_counts(ctx, [r["id"] for r in rows])
    found = []
    for _, grouped in groupby(rows, key=lambda r: r["group"]):
        group = list(grouped)
        tenants = sorted({r["tenantId"] for r in group})
        oldest = min(group, key=lambda r: (r["createdAt"], r["id"]))
        tokens = list(dict.fromkeys(r["idToken"] for r in group))
        where = (f"tenant {tenants[0]}" if len(tenants) == 1
                 else f"tenants {', '.join(map(str, tenants))}")
        summary = (f"token {' / '.join(repr(t) for t in tokens)} type "
                   f"{group[0]['idTokenType']!r}: {len(group)} Authorizations in {where} (ids "
                   f"{', '.join(str(r['id']) for r in group)})")
        details = [_row_line(r, counts.get(r["id"], {}), r is oldest) for r in group]
        if len(tenants) == 1:
            others = ", ".join(str(r["id"]) for r in group if r is not oldest)
            details.append(
                f"to do: --resolve {MERGE} keeps id {oldest['id']} (the oldest), points what "
                f"points at ids {others} at it and archives them (their own values are kept "
                "there, not combined; the step's down puts them back); or give all rows but "
                "one another token or type (or a NULL type) by hand")
            resolution: str | None = MERGE
        else:
            keep = oldest["tenantId"]
            change = [r for r in group if r["tenantId"] != keep]
            details.append(
                "to do, by hand: the index is global (no tenant in it), so a token and type "
                "can exist once across all tenants, and nothing merges rows of different "
                f"tenants; e.g. keep tenant {keep}'s (it holds the oldest) and give ids "
                f"{', '.join(str(r['id']) for r in change)} (tenant"
                f"{'s' if len({r['tenantId'] for r in change}) > 1 else ''} "
                f"{', '.join(str(t) for t in sorted({r['tenantId'] for r in change}))}) another "
                "token or type, or a NULL type"
                + (f"; then --resolve {MERGE} merges what is left within tenant {keep}"
                   if sum(r["tenantId"] == keep for r in group) > 1 else ""))
            resolution = None
        data = {
            "token": tokens, "type": group[0]["idTokenType"], "tenants": tenants,
            "keep": oldest["id"] if len(tenants) == 1 else None,
            "rows": [{"id": r["id"], "tenantId": r["tenantId"], "idToken": r["idToken"],
                      "createdAt": _utc(r["createdAt"]),
                      "references": counts.get(r["id"], {})} for r in group],
        }
        found.append(Finding(ctx.step.name, summary, details, data, resolution))
    return found


def _conflicts(ctx: Any) -> list[Any]:
    """The conflict groups wherever the tokens are: flat (1.8) or in IdTokens (1.7)."""
    table = 'public."Authorizations"'
    have = set(ctx.present_columns(table, "idToken", "idTokenId", "tenantId"))
    if "idToken" in have:
        sql = ctx.sql_file("authorization-token-conflicts.sql")
    elif "idTokenId" in have and ctx.exists('public."IdTokens"'):
        sql = ctx.sql_file("authorization-token-conflicts-1.7.sql").replace(
            "{tenant}", 'a."tenantId"' if "tenantId" in have else "1")
    else:
        return []
    return list(ctx.execute(sql).mappings().all())


def _reference_counts(ctx: Any, ids: list[int]) -> dict[int, dict[str, int]]:
    """For each id: how many rows of each referencing table.column point at it."""
    counts: dict[int, dict[str, int]] = {i: {} for i in ids}
    queries = {}
    for rel, table, col in ctx.execute(REFERENCES).all():
        queries[f"{table}.{col}"] = (f'SELECT "{col}", count(*) FROM {rel} '
                                     f'WHERE "{col}" = ANY(:ids) GROUP BY 1')
    if "idTokenId" in ctx.present_columns('public."Authorizations"', "idTokenId"):
        for name, sql in REFERENCES_17.items():
            table = name.split(".")[0]
            if ctx.exists(f'public."{table}"'):
                queries[name] = sql
    for name, sql in queries.items():
        for key in counts:
            counts[key][name] = 0
        for key, n in ctx.execute(sql, {"ids": ids}).all():
            counts[key][name] = int(n)
    return counts


def _row_line(row: Any, refs: dict[str, int], oldest: bool) -> str:
    said = ", ".join(f"{n} {NAMES.get(k, k)}" for k, n in refs.items()) or "nothing"
    return (f"id {row['id']} (tenant {row['tenantId']}, token {row['idToken']!r}, created "
            f"{_utc(row['createdAt'])}{', the oldest' if oldest else ''}): pointed at by {said}")


def _utc(when: Any) -> str:
    """A timestamp as the same text whatever the session's time zone."""
    from datetime import UTC

    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def resolve(ctx: Any, name: str) -> None:
    """--resolve merge-token-duplicates: merge the groups of one tenant (before ``up``)."""
    if name != MERGE:
        return
    if "idToken" not in ctx.present_columns('public."Authorizations"', "idToken"):
        return  # not flat yet (1.7): the flatten runs first, and this again before the index
    ctx.run_sql_file("authorization-token-merge.sql")
    merged = ctx.execute(f'SELECT count(*), count(DISTINCT "keptId") FROM '
                         f'{ctx.archive}."{MERGED}"').one()
    if merged[0]:
        ctx.report(f"merged {merged[0]} duplicate Authorization(s) into {merged[1]} older "
                   f"row(s) ({ctx.archive}.\"{MERGED}\"; the down puts them back)")
    else:
        ctx.script(f'DROP TABLE {ctx.archive}."{MERGED}", '
                   f'{ctx.archive}."20260122000000_merged_links";')
        ctx.script(ctx.sql_file("drop-empty-archive.sql"))


def _unmerge(ctx: Any) -> None:
    """The down of a merge: the merged rows and their links come back."""
    if not ctx.exists(f'{ctx.archive}."{MERGED}"'):
        return
    back = ctx.execute(f'SELECT count(*) FROM {ctx.archive}."{MERGED}"').scalar_one()
    ctx.script(ctx.sql_file("authorization-token-unmerge.sql"))
    ctx.script(ctx.sql_file("drop-empty-archive.sql"))
    ctx.report(f"put back {back} Authorization(s) that --resolve {MERGE} had merged, with "
               "their links")
