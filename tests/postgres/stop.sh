#!/usr/bin/env bash
# Stops the server tests/postgres/start.sh started on this port (default 5433). Its data stays for the next start.
set -euo pipefail
port=${1:-5433}
data=${PGTEST_DATA:-/tmp/digitalinitiativer-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
run_as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
