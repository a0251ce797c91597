#!/usr/bin/env bash
# `comity power` against powerindex (PyPI) on the same games, in one run: time per index,
# whether both give the same indices (largest absolute difference), and the time ratio.
#
# Usage (from anywhere; runs from the repo root):
#   bash scripts/bench_power.sh
#
# Games, made from data/countries.csv (UN WPP 2024 populations of the 193 UN members):
#   un193_sqrt       weighted, weight = ⌊√population⌋, quota 60 % of the total (rounded up)
#   un193_millions   weighted, weight = population in millions rounded up (at least 1), 60 %
#   un170_millions   the same for the 170 most populous members (powerindex's Shapley–Shubik
#                    stops at 170: it divides by float(n!), which overflows from 171!)
#   eu27_qmv         EU Council QMV: 55 % of 27 members, 65 % of the population, blocking
#                    minority 4 (exact populations)
#   un40_qmv         the same rule for the 40 most populous UN members (exact populations)
#   un193_qmv_m      the same rule for the 193 members, populations rounded to millions
# powerindex has no double majority: the three *_qmv games run on comity only.
#
# Environment (defaults in brackets):
#   PEERS_VENV     venv with powerindex  [/work/peers-venv if it has powerindex, else
#                  /work/peers-venv-power] (created with `pip install powerindex` if missing)
#   BENCH_DIR      games and outputs      [/work/bench-power]
#   REPEAT         comity runs per game, median reported  [3]
#   PEER_TIMEOUT   seconds per powerindex computation     [900]
#   PEER_SS_193=1  also run powerindex's Shapley–Shubik on un193_millions, to watch it fail
#                  (it builds its whole n × n × q table first: ~1 min and ~3.5 GB) [0]
#   SKIP_BUILD=1   use target/release/comity as it is
#
# Timing, stated so the comparison is fair both ways:
#   - comity = wall clock of one whole `comity power GAME.json` process (start, read and
#     parse the JSON, compute, print). "Banzhaf" runs the game with "indices":["banzhaf"];
#     "Shapley–Shubik" runs it with both indices, so its time includes Banzhaf.
#   - comity MiB = peak resident memory of its last run (/usr/bin/time -f %M).
#   - powerindex = the seconds of Game(...) + calc_banzhaf() (or calc_shapley_shubik())
#     inside one Python process; Python start-up and import are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

BENCH_DIR=${BENCH_DIR:-/work/bench-power}
REPEAT=${REPEAT:-3}
PEER_TIMEOUT=${PEER_TIMEOUT:-900}
PEER_SS_193=${PEER_SS_193:-0}
COMITY=$repo/target/release/comity

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cargo build --release -p comity >&2
fi
if [ ! -x "$COMITY" ]; then
  echo "error: $COMITY is missing: build it with cargo build --release -p comity" >&2
  exit 1
fi

if [ -z "${PEERS_VENV:-}" ]; then
  if [ -x /work/peers-venv/bin/python ] && /work/peers-venv/bin/python -c 'import powerindex' 2>/dev/null; then
    PEERS_VENV=/work/peers-venv
  else
    PEERS_VENV=/work/peers-venv-power
  fi
fi
py=$PEERS_VENV/bin/python
if ! "$py" -c 'import powerindex' 2>/dev/null; then
  echo "creating the peer venv at $PEERS_VENV ..." >&2
  python3 -m venv "$PEERS_VENV"
  "$PEERS_VENV/bin/pip" install -q powerindex >&2
fi
peer_version=$("$py" -m pip show powerindex 2>/dev/null | sed -n 's/^Version: //p')

mkdir -p "$BENCH_DIR/games" "$BENCH_DIR/out"

# The games, in `comity power` format.
python3 - "$repo/data/countries.csv" "$BENCH_DIR/games" <<'PY'
import csv, json, math, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["un_member"] == "True"]
assert len(rows) == 193, len(rows)
out = sys.argv[2]
pop = {r["iso3"]: int(r["population_un_wpp2024_2025"]) for r in rows}
by_size = sorted(pop, key=lambda iso: (-pop[iso], iso))
millions = lambda p: max(1, -(-p // 1_000_000))
EU = "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()
QMV = {"kind": "double_majority", "states": 0.55, "population": 0.65, "blocking_minority": 4}

def write(name, members, rule):
    with open(f"{out}/{name}.json", "w") as f:
        json.dump({"members": members, "rule": rule}, f)

def weighted(name, isos, weight):
    write(name, [{"id": i, "weight": weight(pop[i])} for i in isos], {"kind": "weighted", "quota": 0.6})

weighted("un193_sqrt", sorted(pop), math.isqrt)
weighted("un193_millions", sorted(pop), millions)
weighted("un170_millions", sorted(by_size[:170]), millions)
write("eu27_qmv", [{"id": i, "population": pop[i]} for i in EU], QMV)
write("un40_qmv", [{"id": i, "population": pop[i]} for i in sorted(by_size[:40])], QMV)
write("un193_qmv_m", [{"id": i, "population": millions(pop[i]) * 1_000_000} for i in sorted(pop)], QMV)
PY

# REPEAT comity runs: "median wall seconds | peak MiB" on stdout, the indices in $3.
run_comity() { # game.json banzhaf|both out.json
  local game=$1 which=$2 out=$3 input=$1
  if [ "$which" = banzhaf ]; then
    input=$BENCH_DIR/out/$(basename "$game" .json).banzhaf-only.json
    python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); g["indices"]=["banzhaf"]; json.dump(g, open(sys.argv[2],"w"))' "$game" "$input"
  fi
  local times=()
  for _ in $(seq "$REPEAT"); do
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f %M -o "$out.rss" "$COMITY" power "$input" >"$out"
    t1=$(date +%s%N)
    times+=("$((t1 - t0))")
  done
  local secs
  secs=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e9}')
  echo "$secs | $(awk '{printf "%.0f", $1 / 1024}' "$out.rss")"
}

# One powerindex computation in its own process: {"values":[...], "seconds":s} or
# {"error":"..."}; the members in the game file's order.
run_peer() { # game.json banzhaf|shapley_shubik out.json
  timeout "$PEER_TIMEOUT" "$py" - "$1" "$2" "$3" <<'PY' || echo "{\"error\": \"no result within ${PEER_TIMEOUT} s (or killed)\"}" >"$3"
import json, math, sys, time
import powerindex as px
game, which, out = sys.argv[1:4]
g = json.load(open(game))
w = [m["weight"] for m in g["members"]]
q = -(-sum(w) * 6 // 10)  # 60 % of the total, rounded up, as comity reads "quota": 0.6
try:
    t = time.perf_counter()
    pi = px.Game(q, weights=w)
    if which == "banzhaf":
        pi.calc_banzhaf()
        values = pi.banzhaf
    else:
        pi.calc_shapley_shubik()
        values = pi.shapley_shubik
    res = {"values": values, "seconds": time.perf_counter() - t}
except Exception as e:
    res = {"error": f"{type(e).__name__}: {e}"}
json.dump(res, open(out, "w"))
PY
}

rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$@")"); }

compare() { # game.json comity.json key peer.json -> largest |difference|, member by member
  python3 - "$@" <<'PY'
import json, sys
ids = [m["id"] for m in json.load(open(sys.argv[1]))["members"]]
c = json.load(open(sys.argv[2]))[sys.argv[3]]
p = json.load(open(sys.argv[4]))
print("—" if "error" in p else f"{max(abs(c[i] - v) for i, v in zip(ids, p['values'])):.1e}")
PY
}
peer_field() { # peer.json -> seconds, or why there are none
  python3 - "$1" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print("%.3f" % p["seconds"] if "seconds" in p else "fails: " + p["error"])
PY
}
ratio() { python3 -c 'import sys
try: print(f"{float(sys.argv[1]) / float(sys.argv[2].split()[0]):,.0f}×")
except ValueError: print("—")' "$1" "$2"; }

for game in un193_sqrt un193_millions un170_millions; do
  f=$BENCH_DIR/games/$game.json
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["members"]))' "$f")
  echo "== $game ($n members)" >&2
  cb=$(run_comity "$f" banzhaf "$BENCH_DIR/out/$game.comity-bz.json")
  run_peer "$f" banzhaf "$BENCH_DIR/out/$game.peer-bz.json"
  pb=$(peer_field "$BENCH_DIR/out/$game.peer-bz.json")
  row "$game" "$n" Banzhaf "$cb" "$pb" "$(ratio "$pb" "$cb")" "$(compare "$f" "$BENCH_DIR/out/$game.comity-bz.json" banzhaf "$BENCH_DIR/out/$game.peer-bz.json")"
  cs=$(run_comity "$f" both "$BENCH_DIR/out/$game.comity.json")
  if [ "$n" -le 170 ] || [ "$PEER_SS_193" = 1 ]; then
    run_peer "$f" shapley_shubik "$BENCH_DIR/out/$game.peer-ss.json"
    ps=$(peer_field "$BENCH_DIR/out/$game.peer-ss.json")
    row "$game" "$n" "Shapley–Shubik (+ Banzhaf for comity)" "$cs" "$ps" "$(ratio "$ps" "$cs")" "$(compare "$f" "$BENCH_DIR/out/$game.comity.json" shapley_shubik "$BENCH_DIR/out/$game.peer-ss.json")"
  else
    row "$game" "$n" "Shapley–Shubik (+ Banzhaf for comity)" "$cs" "not run: float(n!) overflows from 171 members (OverflowError), after an n × n × q table" "—" "—"
  fi
done
for game in eu27_qmv un40_qmv un193_qmv_m; do
  f=$BENCH_DIR/games/$game.json
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["members"]))' "$f")
  echo "== $game ($n members)" >&2
  c=$(run_comity "$f" both "$BENCH_DIR/out/$game.comity.json")
  how=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["method"]; print("table" if m.startswith("dynamic") else "meet in the middle")' "$BENCH_DIR/out/$game.comity.json")
  row "$game" "$n" "double majority, Banzhaf + Shapley–Shubik ($how)" "$c" "cannot express a double majority" "—" "—"
done

echo
echo "comity $(git -C "$repo" rev-parse --short HEAD) vs powerindex ${peer_version:-?}; $(nproc) cores; comity: median of $REPEAT whole processes"
echo
echo "| game | members | index | comity s | comity MiB | powerindex s | ratio | max abs diff |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
