#!/usr/bin/env bash
# Load test against a running server with wrk (Debian package 'wrk'); prints a Markdown table for docs/performance.md.
# Start the server first, in Release, e.g.:
#   LoadTest__Baseline=true GraphQL__MutationsPerMinute=1000000 dotnet run -c Release --project src/DigitalInitiativer.Api
# then, from the repository root:  tests/load/run.sh [http://localhost:5080] [seconds per scenario]
set -euo pipefail
cd "$(dirname "$0")/../.."
url=${1:-http://localhost:5080}
seconds=${2:-20}
token() { dotnet run -c Release --no-build --project src/DigitalInitiativer.Api -- dev-token --role "$1" ${2:+--person "$2"} | tail -n 1; }
evaluator=$(token Evaluator)
voter=$(token Employee demo-0150)
proposal=$(curl -s "$url/graphql" -H "Authorization: Bearer $voter" -H 'Content-Type: application/json' \
  -d '{"query":"{ initiative(code: \"IDEA-2026\") { competition { proposals(first: 1) { nodes { id } } } } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["initiative"]["competition"]["proposals"]["nodes"][0]["id"])')

# Unmeasured warm-up of every scenario first: JIT, connection pools and caches are then the same for all of them.
export TOKEN=$evaluator VOTER_TOKEN=$voter PROPOSAL=$proposal
for scenario in baseline catalogue reach vote mixed; do wrk -t2 -c16 -d5s -s "tests/load/$scenario.lua" "$url" >/dev/null; done

echo "| Scenario | Requests/s | p50 | p99 | Non-2xx |"
echo "|---|---|---|---|---|"
for scenario in baseline catalogue reach vote mixed; do
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "tests/load/$scenario.lua" "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "| $scenario | $rps | $p50 | $p99 | ${bad:-0} |"
done
