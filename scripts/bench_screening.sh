#!/usr/bin/env bash
# Screening at scale (issue 16): 1,000,000 query names against a 10,000-entity FollowTheMoney
# list, end to end through `comity sanctions screen` (the list read and blocked, the CSV read,
# one JSON line per query written), timed with its peak memory; then the recall of the
# blocking: a sample of queries screened again with --exhaustive (every query against every
# listed name) and the hits compared.
#   scripts/bench_screening.sh [QUERIES] [ENTITIES] [SAMPLE]
# The list and the queries are synthetic (scripts/gen_screening.py, seed 7): names drawn by a
# Zipf law as real name streams are, 2 % of queries being listed names written otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
queries=${1:-1000000}
entities=${2:-10000}
sample=${3:-2000}
cargo build --release -q -p comity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_screening.py "$work/list.jsonl" "$work/queries.csv" \
  --entities "$entities" --queries-count "$queries"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "list: $entities entities ($(wc -l < "$work/list.jsonl") FtM lines); queries: $queries"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" ./target/release/comity sanctions screen \
  --list "$work/list.jsonl" "$work/queries.csv" --format json > "$work/out.jsonl" 2> "$work/err"
end=$(date +%s.%N)
tail -1 "$work/err"
python3 - "$start" "$end" "$queries" "$(cat "$work/rss")" <<'PY'
import sys
start, end, n, rss = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
s = end - start
print(f"end to end: {s:.1f} s for {n:,} queries ({n / s:,.0f} queries/s), peak memory {rss / 1024:.0f} MiB")
print("goal: under 60 s" + ("  (met)" if s < 60 else "  (NOT met)"))
PY
# The recall of the blocking on a sample: the same hits as comparing with every name.
python3 - "$work/queries.csv" "$sample" > "$work/sample.csv" <<'PY'
import csv, random, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
head, body = rows[0], rows[1:]
rng = random.Random(11)
pick = sorted(rng.sample(range(len(body)), min(int(sys.argv[2]), len(body))))
w = csv.writer(sys.stdout)
w.writerow(head)
for i in pick:
    w.writerow(body[i])
PY
./target/release/comity sanctions screen --list "$work/list.jsonl" "$work/sample.csv" \
  --format json > "$work/blocked.jsonl" 2>/dev/null
./target/release/comity sanctions screen --list "$work/list.jsonl" "$work/sample.csv" \
  --format json --exhaustive > "$work/exhaustive.jsonl" 2>/dev/null
python3 - "$work/blocked.jsonl" "$work/exhaustive.jsonl" <<'PY'
import json, sys
blocked = [json.loads(l) for l in open(sys.argv[1])]
full = [json.loads(l) for l in open(sys.argv[2])]
want = found = 0
for b, f in zip(blocked, full):
    fh = {(h["entity"], h["score"]) for h in f.get("hits", [])}
    bh = {(h["entity"], h["score"]) for h in b.get("hits", [])}
    want += len(fh)
    found += len(fh & bh)
print(f"recall of blocking on {len(full)} sampled queries: {found}/{want} hits of the exhaustive comparison"
      f" ({(found / want if want else 1):.4f})")
PY
