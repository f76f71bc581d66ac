#!/usr/bin/env bash
# Runs soak.mjs against a running server (see docs/performance.md): tests/load/soak.sh <server pid> [seconds] [requests/s] [url]
# The pid is the app's own process, not `dotnet run`'s: pgrep -f "bin/Release/net10.0/DigitalInitiativer.Api"
set -euo pipefail
cd "$(dirname "$0")/../.."
pid=$1; seconds=${2:-600}; rate=${3:-40}; url=${4:-http://localhost:5080}
token() { dotnet run -c Release --no-build --project src/DigitalInitiativer.Api -- dev-token --role "$1" ${2:+--person "$2"} | tail -n 1; }
evaluator=$(token Evaluator)
voters=(); for n in 0201 0202 0203 0204 0205 0206; do voters+=("$(token Employee "demo-$n")"); done
proposal=$(curl -s "$url/graphql" -H "Authorization: Bearer $evaluator" -H 'Content-Type: application/json' \
  -d '{"query":"{ initiative(code: \"IDEA-2026\") { competition { proposals(first: 1) { nodes { id } } } } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["initiative"]["competition"]["proposals"]["nodes"][0]["id"])')
node tests/load/soak.mjs "$url" "$pid" "$evaluator" "$proposal" "$seconds" "$rate" "${voters[@]}"
