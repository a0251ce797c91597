#!/usr/bin/env bash
# HTTP throughput of the members page and a member page on the demo database (SQLite), beside
# nginx serving the same bytes as static files, in the same run: wrk, 100 connections, 30 s.
# Usage: bash scripts/bench_http.sh [seconds]   (installs wrk and nginx from Debian if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null; }
done
cargo build --release -q -p comity
work=$(mktemp -d)
port=18480; nport=18481
./target/release/comity demo --port "$port" --data-dir "$work/demo" > "$work/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
mkdir -p "$work/www/members"
curl -fs "http://127.0.0.1:$port/members" > "$work/www/members/index.html"
curl -fs "http://127.0.0.1:$port/members/DNK" > "$work/www/members/DNK"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$nport; root $work/www; location = /members { try_files /members/index.html =404; } }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 1
printf '%-22s %-8s %12s %10s %10s\n' "path" "server" "requests/s" "p50" "p99"
for path in /members /members/DNK; do
  for server in comity nginx; do
    p=$port; [ "$server" = nginx ] && p=$nport
    out=$(wrk -t2 -c100 -d"${secs}s" --latency "http://127.0.0.1:$p$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    printf '%-22s %-8s %12s %10s %10s\n' "$path" "$server" "$rps" "$p50" "$p99"
  done
done
