#!/usr/bin/env bash
# `comity caucus agreement` against the pandas + numpy peer (shared/peers/caucus_peer.py) on
# the shipped UNGA votes (870,109 votes, 6,203 roll calls): the whole agreement matrix of all
# states, end to end, and whether every cell agrees.
#
# Usage (from anywhere; runs from the repo root):
#   bash scripts/bench_caucus.sh
#
# Environment (defaults in brackets):
#   PEERS_VENV  Python venv with pandas and numpy   [/work/peers-venv]  (created if missing)
#   PEERS_DIR   shared/peers                        [<repo>/../shared/peers]
#   REPEAT      runs of each, median reported       [5]
#
# Timing, stated so the comparison is fair both ways:
#   - comity s = wall clock of one `comity caucus agreement --format json` process over the
#     gzipped file: start, gunzip, parse and check every row, compute, print the whole matrix
#     (all ordered pairs, 1.8 MB of JSON).
#   - peer end to end = wall clock of one `python caucus_peer.py FILE` process (start-up,
#     imports, read, pivot, three matrix products); it prints no matrix.
#   - peer compute = the peer's own read + matrix seconds (no start-up, no imports, no output).
# The check: every cell (agreement and number of roll calls) of comity's matrix against one
# computed by pandas the peer's way, in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PEERS_VENV=${PEERS_VENV:-/work/peers-venv}
PEERS_DIR=${PEERS_DIR:-$repo/../shared/peers}
REPEAT=${REPEAT:-5}
votes="$repo/data/unga_votes.csv.gz"

if [ ! -x "$PEERS_VENV/bin/python" ] || ! "$PEERS_VENV/bin/python" -c 'import pandas, numpy' 2>/dev/null; then
    python3 -m venv "$PEERS_VENV"
    "$PEERS_VENV/bin/pip" install -q pandas numpy
fi
cargo build --release -q -p comity
bin="$repo/target/release/comity"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
TIMEFORMAT=%R
# bash's own `time` of one process, in seconds.
wall() { { time "$@" > "$out/stdout" 2>/dev/null; } 2>&1; }

for _ in $(seq "$REPEAT"); do
    wall "$bin" caucus agreement --format json
    cp "$out/stdout" "$out/comity.json"
done | median > "$out/comity.s"
for _ in $(seq "$REPEAT"); do
    s=$(wall "$PEERS_VENV/bin/python" "$PEERS_DIR/caucus_peer.py" "$votes")
    echo "$s $(sed -n 's/.*total \([0-9.]*\)s.*/\1/p' "$out/stdout")"
done | median > "$out/peer.s"

"$PEERS_VENV/bin/python" - "$votes" "$out/comity.json" <<'PY'
import json, sys
import numpy as np, pandas as pd
v = pd.read_csv(sys.argv[1], usecols=["rcid", "iso3", "vote"])
wide = v.pivot_table(index="rcid", columns="iso3", values="vote", aggfunc="first")
pres = wide.notna().to_numpy(dtype=np.float64)
agree = sum((wide == x).to_numpy(dtype=np.float64).T @ (wide == x).to_numpy(dtype=np.float64) for x in ("yes", "no", "abstain"))
common = pres.T @ pres
states = list(wide.columns)
ours = json.load(open(sys.argv[2]))["matrix"]
assert sorted(ours) == sorted(states), (len(ours), len(states))
worst, cells = 0.0, 0
for i, a in enumerate(states):
    for j, b in enumerate(states):
        c = ours[a][b]
        assert c["roll_calls"] == int(common[i, j]), (a, b, c, common[i, j])
        if common[i, j] > 0:
            worst = max(worst, abs(c["agreement"] - agree[i, j] / common[i, j]))
        else:
            assert c["agreement"] is None
        cells += 1
assert worst <= 5e-7, worst
print(f"identical: {cells} cells ({len(states)} states), roll_calls equal, agreement within {worst:.1e} (6 decimals printed)")
PY
read -r comity_s < "$out/comity.s"
read -r peer_s peer_compute < "$out/peer.s"
printf '%-34s %10s %14s %14s %8s\n' "agreement matrix, all states" "comity s" "peer end-to-end" "peer compute" "× e2e"
printf '%-34s %10.3f %14.3f %14.3f %8.1f\n' "870,109 votes from .csv.gz" "$comity_s" "$peer_s" "$peer_compute" "$(echo "$peer_s / $comity_s" | bc -l)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); median of $REPEAT runs each"
