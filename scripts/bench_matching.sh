#!/usr/bin/env bash
# Name matching beside its peer, in one run (issue 16): `comity sanctions compare` and
# nomenklatura's logic-v2 on the same labelled pairs (data/sanctions/labelled_pairs.csv:
# precision, recall and F1 at each tool's threshold, accuracy per kind of pair), then the
# pairs compared per second: comity end to end (CSV read, JSON written) on the pairs repeated
# to 200,000 rows, the peer's compare() alone on the pairs five times over.
#   scripts/bench_matching.sh [PAIRS.csv]
# The peer is installed in a venv outside the repository (PEER_VENV, default /tmp/comity-peer-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-data/sanctions/labelled_pairs.csv}
venv=${PEER_VENV:-/tmp/comity-peer-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check nomenklatura==4.17.4 followthemoney==4.11.2
fi
cargo build --release -q -p comity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./target/release/comity sanctions compare "$pairs" --format json > "$work/ours.jsonl"
"$venv/bin/python" scripts/matching_peer.py "$pairs" > "$work/peer.jsonl" 2> "$work/peer-speed.txt"
python3 - "$pairs" "$work/ours.jsonl" "$work/peer.jsonl" <<'PY'
import csv, json, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
tools = {"comity": [json.loads(l) for l in open(sys.argv[2])],
         "nomenklatura logic-v2": [json.loads(l) for l in open(sys.argv[3])]}
print(f"{len(rows)} labelled pairs ({sum(r['match'] == 'true' for r in rows)} the same, the rest different)")
print(f"{'tool':<24}{'precision':>10}{'recall':>8}{'F1':>7}   errors by kind")
for name, out in tools.items():
    tp = fp = fn = 0
    wrong = defaultdict(int)
    for r, o in zip(rows, out):
        truth, said = r["match"] == "true", bool(o.get("match"))
        tp += truth and said; fp += said and not truth; fn += truth and not said
        if truth != said:
            wrong[r["kind"]] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"{name:<24}{p:>10.3f}{rc:>8.3f}{f1:>7.3f}   {dict(sorted(wrong.items()))}")
PY
# Speed: the pairs repeated to 200,000 rows for comity, five times over for the peer.
python3 - "$pairs" "$work/many.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["schema", "name1", "name2"])
    for i in range(200_000):
        r = rows[i % len(rows)]; w.writerow([r["schema"], r["name1"], r["name2"]])
PY
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/mem.txt" ./target/release/comity sanctions compare "$work/many.csv" --format json > /dev/null
end=$(date +%s.%N)
"$venv/bin/python" scripts/matching_peer.py "$pairs" --repeat 5 > /dev/null 2> "$work/peer-speed.txt"
python3 - "$start" "$end" "$(cat "$work/mem.txt")" "$(cat "$work/peer-speed.txt")" <<'PY'
import re, sys
secs = float(sys.argv[2]) - float(sys.argv[1])
ours = 200_000 / secs
peer = float(re.search(r"([\d,]+) pairs/s", sys.argv[4]).group(1).replace(",", ""))
print(f"comity: 200,000 pairs in {secs:.2f} s end to end, {ours:,.0f} pairs/s, peak {int(sys.argv[3]) / 1024:.0f} MB")
print(f"peer:   {sys.argv[4].strip()}")
print(f"comity / peer: {ours / peer:,.0f}x")
PY
