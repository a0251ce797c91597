#!/usr/bin/env bash
# Signing under load (issue 17): online signatures through HTTP (POST
# /api/v1/initiatives/{id}/signatures, each a distinct signatory) on the demo's collecting
# initiative, sustained for N seconds by wrk, while a second wrk reads the initiative's page
# and the members page. Prints signatures/s with p50/p99, the pages' requests/s and p99 under
# that load, the signatures the initiative gained (each 201 counted once), and the journal
# entries that hold them (group commit: one batch for the rows that arrive during a write).
# Usage: bash scripts/bench_signing.sh [seconds] [connections] [page readers]  (installs wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
conns=${2:-64}
readers=${3:-8}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p comity
work=$(mktemp -d)
port=18490
./target/release/comity demo --port "$port" --data-dir "$work/demo" > "$work/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
base="http://127.0.0.1:$port"
id=$(curl -fs "$base/api/v1/initiatives?per_page=100" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(next(i["id"] for i in (d if isinstance(d, list) else d["items"]) if i["status"] == "collecting"))')
total() { curl -fs "$base/api/v1/initiatives/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
head_seq() { curl -fs "$base/api/v1/journal/checkpoint" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tree_size"])'; }
cat > "$work/sign.lua" <<'LUA'
local n = 0
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function request()
  n = n + 1
  local body = string.format('{"name":"Signatory %d %d","nationality":"FRA","birth_date":"1980-01-01"}', tid, n)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
LUA
before=$(total); seq0=$(head_seq)
wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$work/sign.lua" "$base/api/v1/initiatives/$id/signatures" > "$work/sign.out" &
signer=$!
sleep 1
wrk -t1 -c"$readers" -d"$((secs - 2))s" --latency "$base/initiatives/$id" > "$work/page.out"
wrk -t1 -c8 -d2s --latency "$base/members" > "$work/members.out" || true
wait $signer
after=$(total); seq1=$(head_seq)
field() { awk -v k="$2" '$1==k {print $2}' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
non2xx=$(awk '/Non-2xx/ {print $5}' "$work/sign.out"); non2xx=${non2xx:-0}
printf '%-34s %12s %10s %10s\n' "what" "per second" "p50" "p99"
printf '%-34s %12s %10s %10s\n' "POST signatures ($conns connections)" "$(rps "$work/sign.out")" "$(field "$work/sign.out" 50%)" "$(field "$work/sign.out" 99%)"
printf '%-34s %12s %10s %10s\n' "GET /initiatives/$id ($readers conn.)" "$(rps "$work/page.out")" "$(field "$work/page.out" 50%)" "$(field "$work/page.out" 99%)"
printf '%-34s %12s %10s %10s\n' "GET /members meanwhile (2 s)" "$(rps "$work/members.out")" "$(field "$work/members.out" 50%)" "$(field "$work/members.out" 99%)"
echo "signatures gained: $((after - before)) (non-2xx responses: $non2xx); journal entries written: $((seq1 - seq0))"
