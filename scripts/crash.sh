#!/usr/bin/env bash
# The crash harness at full length: acts streamed through the API by 8 writers, the server
# killed with SIGKILL at POINTS random moments (default 1000) and restarted each time; every
# acknowledged act must be present and the chain must verify. SQLite always; PostgreSQL when
# COMITY_TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/test).
#   scripts/crash.sh [POINTS]
set -euo pipefail
cd "$(dirname "$0")/.."
export COMITY_CRASH_POINTS="${1:-1000}"
cargo test --release -p comity --test it crash -- --nocapture --test-threads 1 2>&1 \
  | grep -E "crash point .*/$COMITY_CRASH_POINTS:|journal verified|test result"
