#!/usr/bin/env python3
"""The peer for name matching: nomenklatura's logic-v2 (OpenSanctions), run on the same
pairs CSV `comity sanctions compare` reads (schema,name1,name2; other columns ignored).
Prints one JSON object per row, {"score", "match"} at logic-v2's threshold (0.7), and on
standard error the pairs compared per second (compare() alone, entities built beforehand).

Needs nomenklatura 4.17.4 and followthemoney 4.11.2, installed outside this repository
(scripts/bench_matching.sh makes a venv). Nothing here copies the peer's code: it imports it.

    python3 scripts/matching_peer.py PAIRS.csv [--algorithm logic-v2] [--repeat N]
"""
import argparse
import csv
import json
import sys
import time

from followthemoney import model
from nomenklatura.matching import get_algorithm
from nomenklatura.matching.types import ScoringConfig


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("--algorithm", default="logic-v2")
    ap.add_argument("--repeat", type=int, default=1, help="compare the pairs N times, for timing")
    args = ap.parse_args()
    algo = get_algorithm(args.algorithm)
    if algo is None:
        sys.exit(f"no algorithm {args.algorithm!r}")
    config = ScoringConfig.defaults()
    pairs = []
    with open(args.pairs, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            schema = (row.get("schema") or "LegalEntity").strip() or "LegalEntity"
            left = model.make_entity(schema)
            left.id = f"l{i}"
            left.add("name", row["name1"])
            right = model.make_entity(schema)
            right.id = f"r{i}"
            right.add("name", row["name2"])
            pairs.append((left, right))
    scores = []
    started = time.perf_counter()
    for _ in range(args.repeat):
        scores = [algo.compare(left, right, config).score for left, right in pairs]
    seconds = time.perf_counter() - started
    out = sys.stdout
    for s in scores:
        out.write(json.dumps({"score": round(s, 4), "match": s >= 0.7}) + "\n")
    n = len(pairs) * args.repeat
    print(f"{args.algorithm}: {n} pairs in {seconds:.3f} s, {n / seconds:,.0f} pairs/s", file=sys.stderr)


if __name__ == "__main__":
    main()
