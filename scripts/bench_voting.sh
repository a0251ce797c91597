#!/usr/bin/env bash
# `comity tally` against the pref-voting peer (shared/peers/voting_peer.py, PyPI pref-voting
# 1.18.2) on the same ballot files: time per method and whether both elect the same.
#
# Usage (from anywhere; runs from the repo root):
#   bash scripts/bench_voting.sh [FILE ...]
# Default files: $BENCH_DATA/c20_v100k_d1000.json.gz then $BENCH_DATA/c20_v1M_d10000.json.gz
# (20 candidates; 100k voters / 1,000 distinct rankings and 1M voters / 10,000 distinct),
# generated with shared/peers/gen_ballots.py if missing.
#
# Environment (defaults in brackets):
#   PEERS_VENV      Python venv with pref-voting            [/work/peers-venv]  (created if missing)
#   BENCH_DATA      directory of the ballot files            [/work/bench-data]  (created if missing)
#   PEERS_DIR       shared/peers                             [<repo>/../shared/peers]
#   METHODS         comma list                               [the 9 methods below]
#   SEATS           STV seats                                [5]
#   METHOD_TIMEOUT  seconds per method, peer and comity      [900]
#   REPEAT          runs per method, median reported (both)  [1]
#   REUSE_PEER=1    reuse $BENCH_DATA/peer_<file>.json from an earlier run instead of re-running
#                   the peer (ratios are fairest when both sides are measured in the same run)
#
# Timing, stated so the comparison is fair both ways:
#   - comity s   = wall clock of one `comity tally --method M --seats N FILE --format json`
#                  process: start, read + gunzip + parse the file, count, print.
#   - peer total = the peer's own read_json + normalise_group + build_profile + method seconds
#                  (reading, grouping, pref-voting profile construction, then the method).
#                  The peer runs once for all methods, so the one file read is charged to every
#                  method, as each comity run reads the file itself. Excluded: Python start-up,
#                  imports and numba JIT warm-up (reported separately, paid once per process).
#   - peer method = the method's own seconds only (profile already built).
#   "× total" = peer total / comity s (the headline ratio); "× method" = peer method / comity s.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

PEERS_VENV=${PEERS_VENV:-/work/peers-venv}
BENCH_DATA=${BENCH_DATA:-/work/bench-data}
PEERS_DIR=${PEERS_DIR:-$repo/../shared/peers}
METHODS=${METHODS:-plurality,borda,irv,schulze,copeland,ranked_pairs,minimax,stv-scottish,stv-meek}
SEATS=${SEATS:-5}
METHOD_TIMEOUT=${METHOD_TIMEOUT:-900}
REPEAT=${REPEAT:-1}
REUSE_PEER=${REUSE_PEER:-0}
COMITY=$repo/target/release/comity

if [ ! -x "$COMITY" ]; then
  echo "error: $COMITY is missing: build it with cargo build --release" >&2
  exit 1
fi
if [ ! -f "$PEERS_DIR/voting_peer.py" ]; then
  echo "error: $PEERS_DIR/voting_peer.py not found (set PEERS_DIR to shared/peers)" >&2
  exit 1
fi

# The peer's venv: the exact versions of the peer's timings; pref-voting alone if the
# sortition extras will not install.
py=$PEERS_VENV/bin/python
if ! "$py" -c 'import pref_voting' 2>/dev/null; then
  echo "creating the peer venv at $PEERS_VENV ..." >&2
  python3 -m venv "$PEERS_VENV"
  "$PEERS_VENV/bin/pip" install -q --upgrade pip >&2
  "$PEERS_VENV/bin/pip" install -q -r "$PEERS_DIR/requirements-lock.txt" >&2 \
    || "$PEERS_VENV/bin/pip" install -q pref-voting==1.18.2 >&2
fi

mkdir -p "$BENCH_DATA"
gen() { # out voters distinct
  [ -f "$1" ] && return 0
  echo "generating $1 ..." >&2
  "$py" "$PEERS_DIR/gen_ballots.py" "$1" --candidates 20 --voters "$2" --distinct "$3" --seats 5 >&2
}
if [ "$#" -eq 0 ]; then
  gen "$BENCH_DATA/c20_v100k_d1000.json.gz" 100000 1000
  gen "$BENCH_DATA/c20_v1M_d10000.json.gz" 1000000 10000
  set -- "$BENCH_DATA/c20_v100k_d1000.json.gz" "$BENCH_DATA/c20_v1M_d10000.json.gz"
fi

nmethods=$(tr ',' '\n' <<<"$METHODS" | grep -c .)
overall=0
for file in "$@"; do
  [ -f "$file" ] || { echo "error: $file not found" >&2; exit 1; }
  base=$(basename "$file"); base=${base%.gz}; base=${base%.json}; base=${base%.blt}
  peer_json=$BENCH_DATA/peer_$base.json
  if [ "$REUSE_PEER" = 1 ] && [ -s "$peer_json" ]; then
    echo "reusing $peer_json" >&2
  else
    echo "peer: $file ($METHODS; ${METHOD_TIMEOUT}s per method) ..." >&2
    # Outer limit in case a method cannot be interrupted by the peer's own alarm.
    timeout $((METHOD_TIMEOUT * nmethods + 900)) \
      "$py" "$PEERS_DIR/voting_peer.py" "$file" -m "$METHODS" --seats "$SEATS" \
        --method-timeout "$METHOD_TIMEOUT" --repeat "$REPEAT" --no-scores --progress \
        -o "$peer_json" >/dev/null
  fi
  "$py" - "$COMITY" "$file" "$peer_json" "$METHODS" "$SEATS" "$METHOD_TIMEOUT" "$REPEAT" <<'PY' || overall=1
import json, statistics, subprocess, sys, time

comity, path, peer_json, methods, seats, timeout, repeat = sys.argv[1:]
methods = [m for m in methods.split(",") if m]
timeout, repeat = int(timeout), max(1, int(repeat))
peer = json.load(open(peer_json, encoding="utf-8"))
ps = peer["seconds"]
prep = ps["read_json"] + ps["normalise_group"] + ps["build_profile"]

def fmt(x):
    return "—" if x is None else (f"{x:.4f}" if x < 10 else f"{x:.1f}")

def ratio(a, b):
    if a is None or b is None or b <= 0:
        return "—"
    r = a / b
    return f"{r:,.1f}" if r >= 10 else f"{r:.2f}"

print(f"\n### {path}\n")
print(f"{peer['num_candidates']} candidates, {peer['num_voters']:,} voters, "
      f"{peer['distinct_rankings']:,} distinct rankings, {seats} seats. Peer (pref-voting "
      f"{peer.get('peer_version')}): read {ps['read_json']:.3f} s + group {ps['normalise_group']:.3f} s"
      f" + build profile {ps['build_profile']:.3f} s = {prep:.3f} s charged to every method; "
      f"numba JIT warm-up {ps['jit_warmup']:.1f} s excluded. Comity: wall clock of the whole "
      f"`comity tally` process (reads the file itself), median of {repeat}.\n")
print("| method | peer method s | peer total s | comity s | × total | × method | same result |")
print("|---|---|---|---|---|---|---|")
sum_peer_total = sum_peer_method = sum_comity = 0.0
failures = 0
for m in methods:
    pm = peer["methods"].get(m, {})
    key = "elected" if m.startswith("stv") else "winners"
    p_err = pm.get("error")
    p_method = None if p_err else pm.get("seconds")
    p_total = None if p_method is None else prep + p_method
    p_res = pm.get(key)

    c_res, c_err, times = None, None, []
    cmd = [comity, "tally", "--method", m, "--seats", seats, path, "--format", "json"]
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            c_err = f"timeout after {timeout}s"
            break
        times.append(time.perf_counter() - t0)
        if out.returncode != 0:
            c_err = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"
            break
        doc = json.loads(out.stdout)
        c_res = doc.get(key, doc.get("winners", doc.get("elected")))
    c_s = statistics.median(times) if times and not c_err else None

    if p_err:
        p_cell_m = p_cell_t = p_err.replace("timeout after ", "timeout (>") + ")" if "timeout" in p_err else "error"
        same = "n/a (peer " + p_cell_m.split(" ")[0] + ")"
    else:
        p_cell_m, p_cell_t = fmt(p_method), fmt(p_total)
        same = "yes" if (c_res is not None and c_res == p_res) else "no"
    if c_err:
        c_cell = "timeout" if "timeout" in c_err else "error"
        if not p_err:
            same = f"no ({c_cell})"
    else:
        c_cell = fmt(c_s)
    if same.startswith("no"):
        failures += 1
        print(f"  {m}: peer {p_res} vs comity {c_res if not c_err else c_err}", file=sys.stderr)
    print(f"| {m} | {p_cell_m} | {p_cell_t} | {c_cell} | {ratio(p_total, c_s)} | "
          f"{ratio(p_method, c_s)} | {same} |")
    if p_total is not None and c_s is not None:
        sum_peer_total += p_total
        sum_peer_method += p_method
        sum_comity += c_s

print(f"\nOverall (methods both finished; peer timeouts left out): peer total {sum_peer_total:.3f} s, "
      f"peer method-only {sum_peer_method:.3f} s, comity {sum_comity:.3f} s → "
      f"**{ratio(sum_peer_total, sum_comity)}×** end to end (peer total / comity), "
      f"{ratio(sum_peer_method, sum_comity)}× method-only.")
if failures:
    print(f"\n{failures} method(s) gave a different result (details on stderr).")
sys.exit(1 if failures else 0)
PY
done
exit "$overall"
