#!/usr/bin/env bash
# Ingesting signatures at scale (issue 17): N synthetic statements of support (2 % exact and
# 0.5 % fuzzy duplicates, scripts/gen_signatures.py, seed 17) recorded end to end through
# `comity initiative sign` — each row read, checked against its member's requirements, keyed
# (two HMAC-SHA256), deduplicated against the table and written in batches of 50,000 with
# their journal entries — on SQLite and on PostgreSQL, timed with peak memory; beside it, in
# the same run, PostgreSQL's COPY of the same rows into a table of the same shape and indexes
# (the physical limit of loading them). Then `comity initiative verify` strikes the likely
# duplicates, and the exact and fuzzy duplicates found are compared with the generator's truth.
#   scripts/bench_initiatives.sh [COUNT] [POSTGRES_URL]
# BACKENDS="postgres" (or "sqlite") runs one backend only; the default is both.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000000}
pg=${2:-postgres://postgres@127.0.0.1:5432/test}
cargo build --release -q -p comity
bin=./target/release/comity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 scripts/gen_signatures.py "$work/sigs.csv" "$work/truth.json" --count "$count"
echo "signatures: $count rows, $(du -h "$work/sigs.csv" | cut -f1)"

admin=$pg
db=comity_bench_initiatives
psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
pgdb="${admin%/*}/$db"

setup() {
  local url=$1
  $bin init --charter charters/alliance-of-democracies.toml --database "$url" > /dev/null
  members=$(python3 -c 'print(" ".join(f"--member M{i}:{s}" for i, s in enumerate("PRT NLD JPN GHA ARG IND SWE".split())))')
  # shellcheck disable=SC2086
  $bin initiative register --title "Bench" --objective "Ingest" $members --database "$url" > /dev/null
  $bin initiative admit 1 --reasons "Admissible." --database "$url" > /dev/null
}

ingest() {
  local name=$1 url=$2
  setup "$url"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss-$name" $bin initiative sign 1 "$work/sigs.csv" --database "$url" \
    > "$work/out-$name.json" 2> "$work/err-$name"
  end=$(date +%s.%N)
  echo "$start $end $(tail -1 "$work/rss-$name")" > "$work/time-$name"
  start=$(date +%s.%N)
  $bin initiative verify 1 --database "$url" > "$work/verify-$name.json"
  end=$(date +%s.%N)
  echo "$start $end" > "$work/vtime-$name"
}

backends=${BACKENDS:-sqlite postgres}
if [[ " $backends " == *" sqlite "* ]]; then
  ingest sqlite "sqlite:$work/bench.sqlite"
  # The rows struck as likely duplicates, to compare with the generator's truth.
  python3 -c 'import sqlite3, sys; [print(f"{b},{n}") for b, n in sqlite3.connect(sys.argv[1]).execute("SELECT batch, n FROM initiative_signatures WHERE invalidation > 0")]' \
    "$work/bench.sqlite" > "$work/struck-sqlite.csv"
fi
# PostgreSQL always runs: the COPY beside it loads the rows its ingest wrote.
ingest postgres "$pgdb"
psql -At -F, "$pgdb" -c "SELECT batch, n FROM initiative_signatures WHERE invalidation > 0" > "$work/struck-postgres.csv"

# COPY of the same rows (exported from the table the ingest wrote) into a table of the same
# shape, with the same primary key and indexes.
psql -q "$pgdb" -c "\\copy (SELECT initiative, batch, n, state, id_key, person_key, invalidation FROM initiative_signatures ORDER BY batch, n) TO '$work/rows.copy'"
psql -q "$pgdb" <<SQL
CREATE TABLE copy_signatures (LIKE initiative_signatures INCLUDING ALL);
SQL
start=$(date +%s.%N)
psql -q "$pgdb" -c "\\copy copy_signatures FROM '$work/rows.copy'"
end=$(date +%s.%N)
echo "$start $end" > "$work/time-copy"

python3 - "$work" "$count" "$backends" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
backends = [b for b in ("sqlite", "postgres") if b in sys.argv[3].split() or b == "postgres"]
truth = json.load(open(f"{work}/truth.json"))
def t(name):
    a = open(f"{work}/time-{name}").read().split()
    return float(a[1]) - float(a[0]), (int(a[2]) if len(a) > 2 else None)
copy_s, _ = t("copy")
copied = sum(1 for _ in open(f"{work}/rows.copy"))
print(f"PostgreSQL COPY of the same {copied:,} keyed rows: {copy_s:.1f} s ({copied / copy_s:,.0f} rows/s)")
for name in backends:
    s, rss = t(name)
    out = json.load(open(f"{work}/out-{name}.json"))
    err = open(f"{work}/err-{name}").read().splitlines()
    dup_lines = {int(l.split(", line ")[1].split(",")[0]) for l in err if "has signed already" in l}
    exact = set(truth["exact"])
    tp = len(dup_lines & exact)
    p = tp / len(dup_lines) if dup_lines else 1.0
    r = tp / len(exact) if exact else 1.0
    v = json.load(open(f"{work}/verify-{name}.json"))
    struck = sum((v.get("invalidated") or {}).values())
    va = open(f"{work}/vtime-{name}").read().split()
    vs = float(va[1]) - float(va[0])
    fuzzy = set(truth["fuzzy"])
    # (batch, n) → file line: rows are checked in order, 50,000 to a batch, and a batch keeps
    # those not refused as exact duplicates.
    refused = {int(l.split(", line ")[1].split(",")[0]) for l in err if ", line " in l}
    checked = [l for l in range(2, n + 2) if l not in refused or l in dup_lines]
    where = {}
    for k in range(0, len(checked), 50_000):
        kept = [l for l in checked[k:k + 50_000] if l not in dup_lines]
        for i, l in enumerate(kept):
            where[(k // 50_000 + 1, i)] = l
    struck_lines = set()
    for row in open(f"{work}/struck-{name}.csv"):
        b, i = row.strip().split(",")
        struck_lines.add(where[(int(b), int(i))])
    ftp = len(struck_lines & fuzzy)
    fp = ftp / len(struck_lines) if struck_lines else 1.0
    fr = ftp / len(fuzzy) if fuzzy else 1.0
    print(f"{name}: {n:,} rows in {s:.1f} s ({n / s:,.0f} rows/s, {100 * (n / s) / (copied / copy_s):.0f} % of COPY), peak memory {rss / 1024:.0f} MiB"
          + ("" if rss / 1024 < 1024 else "  (over 1 GiB)"))
    print(f"  recorded {out['recorded']:,}, exact duplicates refused {out['duplicates']:,}: precision {p:.4f}, recall {r:.4f} (true {len(exact):,})")
    print(f"  verify: {struck:,} likely duplicates struck in {vs:.1f} s: precision {fp:.4f}, recall {fr:.4f} (true {len(fuzzy):,})")
PY
psql -q "$admin" -c "DROP DATABASE IF EXISTS $db"
