#!/usr/bin/env bash
# `comity sortition select` against the sortition peer (shared/peers/sortition_peer.py, PyPI
# sortition-algorithms 0.12.15, the algorithms of Flanigan et al., Nature 2021) on the same
# instance directories: fairness (minimum selection probability), time and peak memory,
# with every output checked independently by scripts/check_sortition.py.
#
# Usage (from anywhere; runs from the repo root):
#   bash scripts/bench_sortition.sh [INSTANCE ...]
# An INSTANCE is a name: small, medium, large (shared/peers/instances/NAME), example_small_20,
# example_large_200 (shared/peers/instances/real/flanigan2021/NAME), or a path to any instance
# directory (people.csv, categories.csv, instance.json). Default: all five names, in that order.
#
# For each instance it runs, one process at a time (2-core machine: never in parallel):
#   peer    $PEERS_VENV/bin/python sortition_peer.py DIR -a maximin -o peer-NAME.json
#           (the peer's LEXIMIN needs the commercial Gurobi, so its maximin is the reference:
#           maximin's minimum probability equals LEXIMIN's minimum probability)
#   comity  target/release/comity sortition select DIR --algorithm leximin --seed 1 -o ...
#           and the same with --algorithm maximin
# then check_sortition.py on every output: the peer's, and comity's with --require-weights and
# --min-at-least <the peer's min_probability> (comity must be at least as fair).
#
# Environment (defaults in brackets):
#   PEERS_VENV   Python venv with sortition-algorithms   [/work/peers-venv]  (created if missing)
#   BENCH_DATA   output root; files go in $BENCH_DATA/sortition/   [/work/bench-data]
#   PEERS_DIR    shared/peers                            [<repo>/../shared/peers]
#   TIMEOUT      seconds per run, peer and comity        [3600]  (peer maximin on `large`
#                takes 9 to 25 minutes on this machine)
#   COMITY       the comity binary                       [<repo>/target/release/comity]
#   PEER_TIMEOUT seconds per peer run                    [$TIMEOUT]  (the peer does not finish
#                example_large_200 in 52 minutes: a shorter cap saves the wait)
#   REUSE_PEER=1 reuse $BENCH_DATA/sortition/peer-NAME.json (+ .time) from an earlier run
#                instead of re-running the peer. Ratios are fairest when both sides are measured
#                in the same run (timings on shared machines vary from run to run).
#
# Timing, the same for both sides: wall clock and peak RSS of the whole process, from
# /usr/bin/time -v (installed with apt-get if missing): start-up, imports, reading the instance,
# the algorithm, drawing a panel, writing the JSON. The peer's own algorithm-only seconds are
# in its JSON (`seconds.algorithm`) and listed under the table. BLAS/OpenMP thread counts are
# pinned to 1 unless already set; HiGHS (the peer's solver) manages its own threads.
#
# Files in $BENCH_DATA/sortition/: {peer,comity-leximin,comity-maximin}-NAME.{json,time,log}
# (.time = /usr/bin/time -v report, .log = the program's stdout+stderr), check-NAME.tsv.
# Exit status: 0 when every comity run finished and every check passed, else 1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

PEERS_VENV=${PEERS_VENV:-/work/peers-venv}
BENCH_DATA=${BENCH_DATA:-/work/bench-data}
PEERS_DIR=${PEERS_DIR:-$repo/../shared/peers}
TIMEOUT=${TIMEOUT:-3600}
PEER_TIMEOUT=${PEER_TIMEOUT:-$TIMEOUT}
REUSE_PEER=${REUSE_PEER:-0}
COMITY=${COMITY:-$repo/target/release/comity}
CHECK=$repo/scripts/check_sortition.py
OUT=$BENCH_DATA/sortition
COMITY_ALGS=(leximin maximin)
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1} \
  MKL_NUM_THREADS=${MKL_NUM_THREADS:-1} NUMEXPR_NUM_THREADS=${NUMEXPR_NUM_THREADS:-1}

if [ ! -x "$COMITY" ]; then
  echo "error: $COMITY is missing: build it with cargo build --release" >&2
  exit 1
fi
if [ ! -f "$PEERS_DIR/sortition_peer.py" ]; then
  echo "error: $PEERS_DIR/sortition_peer.py not found (set PEERS_DIR to shared/peers)" >&2
  exit 1
fi

# GNU time for wall clock + peak RSS (the bash keyword `time` gives no memory figure).
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get) ..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq time >&2
fi

# The peer's venv: the exact versions of the README's timings (requirements-lock.txt), or the
# two pinned top-level packages if the lock will not install. An existing venv (e.g. one made
# by bench_voting.sh with pref-voting only) is extended, not replaced.
py=$PEERS_VENV/bin/python
if ! "$py" -c 'import sortition_algorithms' 2>/dev/null; then
  echo "setting up the peer venv at $PEERS_VENV ..." >&2
  [ -x "$py" ] || python3 -m venv "$PEERS_VENV"
  "$PEERS_VENV/bin/pip" install -q --upgrade pip >&2
  "$PEERS_VENV/bin/pip" install -q -r "$PEERS_DIR/requirements-lock.txt" >&2 \
    || "$PEERS_VENV/bin/pip" install -q -r "$PEERS_DIR/requirements.txt" >&2
fi

# Instance name -> directory.
instance_dir() {
  case $1 in
    small | medium | large) echo "$PEERS_DIR/instances/$1" ;;
    example_small_20 | example_large_200) echo "$PEERS_DIR/instances/real/flanigan2021/$1" ;;
    *) echo "$1" ;;
  esac
}

# run_timed SECONDS PREFIX CMD...: run CMD under /usr/bin/time -v and `timeout SECONDS`,
# writing PREFIX.time and PREFIX.log; never fails the script (returns the command's status:
# 124 = timed out).
run_timed() {
  local limit=$1 prefix=$2
  shift 2
  local rc=0
  /usr/bin/time -v -o "$prefix.time" timeout "$limit" "$@" >"$prefix.log" 2>&1 || rc=$?
  return "$rc"
}

mkdir -p "$OUT"
[ "$#" -eq 0 ] && set -- small medium large example_small_20 example_large_200
names=()
dirs=()
overall=0
for inst in "$@"; do
  dir=$(instance_dir "$inst")
  [ -f "$dir/people.csv" ] || { echo "error: $dir is not an instance directory" >&2; exit 1; }
  name=$(basename "$dir")
  names+=("$name")
  dirs+=("$dir")
  checks=$OUT/check-$name.tsv
  : >"$checks"

  # --- the peer (maximin) ---
  peer=$OUT/peer-$name
  if [ "$REUSE_PEER" = 1 ] && [ -s "$peer.json" ]; then
    echo "== $name: reusing $peer.json" >&2
  else
    echo "== $name: peer maximin ($(date +%T), timeout ${PEER_TIMEOUT}s) ..." >&2
    rm -f "$peer.json"
    rc=0
    run_timed "$PEER_TIMEOUT" "$peer" "$py" "$PEERS_DIR/sortition_peer.py" "$dir" -a maximin -o "$peer.json" || rc=$?
    if [ "$rc" != 0 ]; then
      # a peer failure or timeout is shown in the table but does not fail the comity benchmark
      echo "   peer exit $rc$([ "$rc" = 124 ] && echo ' (timeout)'); see $peer.log" >&2
      printf 'peer\trun-%s\n' "$rc" >>"$checks"
    fi
  fi
  peer_min=""
  if [ -s "$peer.json" ]; then
    peer_min=$(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get("min_probability"); print("" if v is None else repr(v))' "$peer.json")
    rc=0
    python3 "$CHECK" "$dir" "$peer.json" >&2 || rc=$?
    printf 'peer\t%s\n' "$rc" >>"$checks"
    [ "$rc" = 0 ] || overall=1
  fi

  # --- comity, each algorithm ---
  for alg in "${COMITY_ALGS[@]}"; do
    c=$OUT/comity-$alg-$name
    echo "== $name: comity $alg ($(date +%T)) ..." >&2
    rm -f "$c.json"
    rc=0
    run_timed "$TIMEOUT" "$c" "$COMITY" sortition select "$dir" --algorithm "$alg" --seed 1 -o "$c.json" || rc=$?
    if [ "$rc" != 0 ] || [ ! -s "$c.json" ]; then
      echo "   comity $alg exit $rc$([ "$rc" = 124 ] && echo ' (timeout)'); see $c.log" >&2
      printf '%s\trun-%s\n' "$alg" "$rc" >>"$checks"
      overall=1
      continue
    fi
    min_args=()
    [ -n "$peer_min" ] && min_args=(--min-at-least "$peer_min")
    rc=0
    python3 "$CHECK" "$dir" "$c.json" --require-weights "${min_args[@]}" >&2 || rc=$?
    printf '%s\t%s\n' "$alg" "$rc" >>"$checks"
    [ "$rc" = 0 ] || overall=1
  done
done

# --- the side-by-side table (stdlib Python: reads the JSON, .time and check files) ---
python3 - "$OUT" "$PEERS_DIR" "$PEER_TIMEOUT" "${#names[@]}" "${names[@]}" "${dirs[@]}" <<'PY'
import json, re, sys
from pathlib import Path

out, peers_dir, timeout, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
names, dirs = sys.argv[5:5 + count], sys.argv[5 + count:5 + 2 * count]
ref_dir = peers_dir / "instances/real/flanigan2021/reference_output"

def load_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None

def gnu_time(path):
    """(wall seconds, peak RSS MiB, exit status) from a /usr/bin/time -v report, or Nones."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, None, None
    wall = rss = None
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):  # h:mm:ss or m:ss.ss
            secs = secs * 60 + float(part)
        wall = secs
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        rss = int(m.group(1)) / 1024
    m = re.search(r"Exit status: (\d+)", text)
    return wall, rss, int(m.group(1)) if m else None

def reference_leximin_min(name):
    """LEXIMIN minimum probability from the paper's *_statistics.txt (e.g. '10.0%'), or None."""
    path = ref_dir / f"{name}_statistics.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"LEXIMIN minimum probability \(exact\):\s*([0-9.]+)%", text)
    return float(m.group(1)) / 100 if m else None

def prob(x):
    return "—" if x is None else f"{x:.6f}"

def secs(x):
    return "—" if x is None else (f"{x:.2f}" if x < 100 else f"{x:.0f}")

def mib(x):
    return "—" if x is None else f"{x:.0f}"

def status(wall, code, doc):
    """A cell for a run: its seconds, or why there are none."""
    if code == 124:
        return f"timeout (>{timeout})"
    if doc is None:
        return "failed" if code not in (None, 0) else "—"
    return secs(wall)

print("\n### comity sortition select vs sortition-algorithms 0.12.15 (peer maximin)\n")
print("Seconds and MiB: wall clock and peak RSS of the whole process (/usr/bin/time -v), one run "
      "at a time. Min p: minimum selection probability. Flanigan ref: the paper's exact LEXIMIN "
      "minimum (reference_output/*_statistics.txt, rounded to 0.1 %). Speed-up: peer s / comity "
      "leximin s.\n")
print("| instance | pool n | panel k | Flanigan ref LEXIMIN min | peer maximin min p | peer s | peer MiB "
      "| comity leximin min p | comity leximin s | MiB | comity maximin min p | comity maximin s "
      "| speed-up | checks ok |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
notes = []
for name, d in zip(names, dirs):
    meta = load_json(Path(d) / "instance.json") or {}
    peer = load_json(out / f"peer-{name}.json")
    p_wall, p_rss, p_code = gnu_time(out / f"peer-{name}.time")
    if peer is not None and p_wall is None:  # reused output without a .time report
        p_wall = (peer.get("seconds") or {}).get("total")
    n = (peer or {}).get("pool_size")
    k = (peer or {}).get("panel_size", meta.get("panel_size"))
    if n is None:
        try:
            n = sum(1 for _ in open(Path(d) / "people.csv", encoding="utf-8-sig")) - 1
        except OSError:
            n = None
    com = {}
    for alg in ("leximin", "maximin"):
        doc = load_json(out / f"comity-{alg}-{name}.json")
        wall, rss, code = gnu_time(out / f"comity-{alg}-{name}.time")
        com[alg] = (doc, wall, rss, code)
    checks = {}
    try:
        for line in (out / f"check-{name}.tsv").read_text().splitlines():
            who, rc = line.split("\t")
            checks[who] = rc
    except OSError:
        pass
    bad = [f"{who} ({'run ' + rc[4:] if rc.startswith('run-') else 'check'})"
           for who, rc in checks.items() if rc != "0"]
    missing = [who for who in ("peer", "leximin", "maximin") if who not in checks]
    ok = "yes" if not bad and not missing else "no: " + ", ".join(bad + [m + " (none)" for m in missing])

    lex_doc, lex_wall, lex_rss, lex_code = com["leximin"]
    max_doc, max_wall, _, max_code = com["maximin"]
    speed = "—"
    if peer is not None and lex_doc is not None and p_wall and lex_wall:
        speed = f"{p_wall / lex_wall:.1f}×"
    print(f"| {name} | {n if n is not None else '—'} | {k if k is not None else '—'} "
          f"| {prob(reference_leximin_min(name))} "
          f"| {prob((peer or {}).get('min_probability'))} | {status(p_wall, p_code, peer)} "
          f"| {mib(p_rss if peer is not None else None)} "
          f"| {prob((lex_doc or {}).get('min_probability'))} | {status(lex_wall, lex_code, lex_doc)} "
          f"| {mib(lex_rss if lex_doc is not None else None)} "
          f"| {prob((max_doc or {}).get('min_probability'))} | {status(max_wall, max_code, max_doc)} "
          f"| {speed} | {ok} |")
    if peer is not None:
        s = peer.get("seconds") or {}
        support = (peer.get("distribution") or {}).get("committees_with_positive_probability")
        notes.append(f"{name}: peer algorithm-only {secs(s.get('algorithm'))} s "
                     f"(solver {peer.get('solver_backend')}, {support} panels in support)")
if notes:
    print("\n" + "; ".join(notes) + ".")
PY
exit "$overall"
