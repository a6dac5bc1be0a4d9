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
many groups there are and the first few. ``down`` drops the index.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from citrine_state.errors import Refused

UP = """
CREATE UNIQUE INDEX IF NOT EXISTS "idToken_type"
    ON public."Authorizations" USING btree ("idToken", "idTokenType");
"""

DOWN = """
DROP INDEX IF EXISTS public."idToken_type";
"""

SHOWN = 3  # groups named in a refusal


def up(ctx: Any) -> None:
    rows = ctx.execute(ctx.sql_file("authorization-token-conflicts.sql")).mappings().all()
    if rows:
        groups = [list(g) for _, g in groupby(rows, key=lambda r: r["group"])]
        named = "; ".join(_describe(g) for g in groups[:SHOWN])
        more = f"; and {len(groups) - SHOWN} more" if len(groups) > SHOWN else ""
        raise Refused(
            f"{ctx.step.name}: {len(groups)} group(s) of Authorizations share a token (ignoring "
            f"case) and a type, which the global unique index \"idToken_type\" forbids: "
            f"{named}{more}; give each token and type one row across all tenants (or a NULL "
            "type), then run again"
        )
    ctx.script(UP)


def _describe(group: list[Any]) -> str:
    tenants = sorted({r["tenantId"] for r in group})
    tokens = list(dict.fromkeys(r["idToken"] for r in group))
    who = ("tenant " if len(tenants) == 1 else "tenants ") + ", ".join(map(str, tenants))
    return (f"{who} ids {', '.join(str(r['id']) for r in group)} token "
            f"{' / '.join(repr(t) for t in tokens)} type {group[0]['idTokenType']!r}")


def down(ctx: Any) -> None:
    ctx.script(DOWN)
