#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and load runs: Debian's packages, installed if missing,
# a fresh cluster in a temporary folder, trust authentication on loopback only.
# Usage: tests/postgres/start.sh [port]   (default 5433). Prints the connection string to use.
set -euo pipefail
port=${1:-5433}
as_root=$( [[ $(id -u) -eq 0 ]] && echo "" || echo "sudo" )

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $as_root apt-get update -q >&2
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb refuses to run as root, so the cluster belongs to the postgres user that the package creates.
data=${PGTEST_DATA:-/tmp/digitalinitiativer-pg-$port}
run_as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ ! -f "$data/PG_VERSION" ]]; then
  mkdir -p "$data"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$data"; fi
  run_as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# The suite runs many test databases side by side, so durability is off for throwaway data; PGTEST_DURABLE=1
# keeps PostgreSQL's defaults, for load measurements.
options="-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=400"
[[ "${PGTEST_DURABLE:-0}" == 1 ]] || options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if ! run_as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  run_as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start -o "$options" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres"
