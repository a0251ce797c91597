#!/usr/bin/env bash
# The API against its own description, by schemathesis (PyPI): a demo alliance is served, a
# secretariat token made, and schemathesis sends generated requests (valid and invalid) to
# every operation of /api/openapi.json, statefully too, checking that no answer is a server
# error and that every answer conforms to the description (status code, content type, body
# schema, headers). Exits non-zero on any failure.
#   scripts/schemathesis.sh [EXAMPLES]   (default 100 per operation; CI runs fewer)
# Needs a built `comity` (COMITY_BIN, default target/debug/comity); installs schemathesis.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-100}
bin=${COMITY_BIN:-target/debug/comity}
version=4.32.5
command -v st >/dev/null && st --version | grep -q "$version" \
  || pip install -q --disable-pip-version-check "schemathesis==$version"
work=$(mktemp -d)
"$bin" demo --port 0 --data-dir "$work/demo" > "$work/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null; wait $demo 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do grep -q "Serving on" "$work/demo.log" && break; sleep 1; done
url=$(grep -o 'http://[0-9.:]*' "$work/demo.log" | tail -1)
[ -n "$url" ] || { cat "$work/demo.log"; exit 1; }
token=$("$bin" user token secretariat --database "sqlite:$work/demo/comity.sqlite" | tail -1)
st run "$url/api/openapi.json" \
  --header "Authorization: Bearer $token" \
  --max-examples "$examples" \
  --seed 20261205 \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --no-color
