"""Authorization lookup by token and type on 1.7.x, 1.8.0 and 1.8.2, at a scale factor: the
seed's claim that lookups are faster after flattening, measured. Prints JSON.

    .venv/bin/python -m bench.auth_lookup [--scale 1] [--lookups 500]

One 1.7.x database is made by ``bench.generate17`` (scale 1: 200k Authorizations, each with
its own IdToken). The same random sample of existing (token, type) pairs is looked up on it as
1.7.x does (Authorizations joined to IdTokens, where the token lives, and IdTokenInfos), then
the database is upgraded in place with ``citrine-migrate version 1.8.0`` (the flat columns, no
index on the token: CitrineOS 1.8.0 has none) and ``version 1.8.2`` (the global unique index
"idToken_type" on the citext token), and the sample is looked up again, on each version the way
that version's model asks (one flat table, no join). After each upgrade the database is
VACUUM ANALYZEd, as autovacuum would, and every lookup is run once before timing.

Figures per version: the median and 95th percentile of the lookups' round trip (milliseconds,
one prepared query per lookup, as an application sends it), the median server execution time
from ``EXPLAIN (ANALYZE)`` on a tenth of the sample, and the plan's top scan node. No figure is
asserted; the database is dropped at the end. ``CITRINE_BENCH_SERVER_URL`` picks the server
(default: the managed cluster).
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import sqlalchemy as sa

from citrine_state import db

from . import generate17
from .common import cli, emit, median, new_database, server_url, timed

# What each version's model sends for "the authorization of this token and type".
LOOKUPS = {
    "1.7.x": """
        SELECT a.*, t."idToken", t.type, i.status
        FROM "Authorizations" AS a
        JOIN "IdTokens" AS t ON t.id = a."idTokenId"
        LEFT JOIN "IdTokenInfos" AS i ON i.id = a."idTokenInfoId"
        WHERE t."idToken" = :token AND t.type = :type""",
    "1.8.0": """
        SELECT * FROM "Authorizations" WHERE "idToken" = :token AND "idTokenType" = :type""",
    "1.8.2": """
        SELECT * FROM "Authorizations" WHERE "idToken" = :token AND "idTokenType" = :type""",
}

SAMPLE = """
SELECT t."idToken", t.type FROM "Authorizations" AS a JOIN "IdTokens" AS t ON t.id = a."idTokenId"
WHERE t.type IS NOT NULL ORDER BY md5(a.id::text) LIMIT :n
"""


def _vacuum(url: Any) -> None:
    with db.connect(url) as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")


def _top_scan(plan: dict[str, Any]) -> str:
    """The first scan node under the plan's top (what finds the rows)."""
    node = plan
    while "Scan" not in node["Node Type"] and node.get("Plans"):
        node = node["Plans"][0]
    relation = node.get("Relation Name")
    index = node.get("Index Name")
    return node["Node Type"] + (f" on {relation}" if relation else "") + (
        f" using {index}" if index else "")


def measure(url: Any, version: str, sample: list[tuple[str, str]]) -> dict[str, Any]:
    """Round trips and server times of the sample's lookups on the database as it is."""
    sql = sa.text(LOOKUPS[version])
    round_trips: list[float] = []
    server_ms: list[float] = []
    found = 0
    with db.connect(url) as conn:
        for token, type_ in sample:  # warm-up: every page the lookups touch, once
            conn.execute(sql, {"token": token, "type": type_}).all()
        for token, type_ in sample:
            seconds, rows = timed(lambda t=token, y=type_: conn.execute(
                sql, {"token": t, "type": y}).all())
            round_trips.append(seconds * 1000)
            found += len(rows) == 1
        explain = sa.text("EXPLAIN (ANALYZE, FORMAT JSON) " + LOOKUPS[version])
        scan = ""
        for token, type_ in sample[:: 10]:
            result = conn.execute(explain, {"token": token, "type": type_}).scalar_one()
            result = json.loads(result) if isinstance(result, str) else result
            server_ms.append(float(result[0]["Execution Time"]))
            scan = _top_scan(result[0]["Plan"])
        rows_total = conn.execute(sa.text('SELECT count(*) FROM "Authorizations"')).scalar_one()
        conn.rollback()
    ordered = sorted(round_trips)
    return {
        "authorizations": rows_total,
        "lookups": len(sample),
        "found_exactly_one": found,
        "round_trip_ms_median": median(round_trips),
        "round_trip_ms_p95": round(ordered[int(len(ordered) * 0.95) - 1], 4),
        "server_ms_median": median(server_ms),
        "plan": scan,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lookups", type=int, default=500)
    args = parser.parse_args()
    url = new_database(server_url(), "bench_auth")
    figures: dict[str, Any] = {"scale": args.scale}
    try:
        figures["generation_s"] = generate17.build(url, args.scale)["generation_s"]
        with db.connect(url) as conn:
            sample = [(t, y) for t, y in conn.execute(sa.text(SAMPLE), {"n": args.lookups})]
        results = {"1.7.x": measure(url, "1.7.x", sample)}
        for version in ("1.8.0", "1.8.2"):
            upgrade_s, _ = timed(lambda v=version: cli("version", v, url=url))
            _vacuum(url)
            results[version] = measure(url, version, sample) | {"upgrade_s": round(upgrade_s, 2)}
        figures["versions"] = results
        base = results["1.7.x"]["round_trip_ms_median"]
        figures["round_trip_median_vs_17x"] = {
            v: round(r["round_trip_ms_median"] / base, 3) for v, r in results.items()}
        server_base = results["1.7.x"]["server_ms_median"]
        figures["server_median_vs_17x"] = {
            v: round(r["server_ms_median"] / server_base, 3) if server_base else None
            for v, r in results.items()}
        figures["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    finally:
        db.drop_database(url)
    emit("auth_lookup", figures)


if __name__ == "__main__":
    main()
