#!/usr/bin/env bash
# The benchmark, in one command: ./bench/run.sh [--seconds 20] [--clients 32] [--large-board 100000] ...
#  1. starts its own PostgreSQL (durable: fsync and synchronous_commit on) in the temp folder;
#  2. builds the service as production runs it: `codegen write` (pre-generated Wolverine handlers), Release publish;
#  3. runs the driver (bench/Newsroom.Bench): pgbench baseline, schema setup, the service over HTTP, rebuilds;
#  4. writes bench/results/results-<time>.md. Extra arguments go to the driver.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-bench.XXXXXX")
chmod 755 "$work"
cleanup() { "$root/infra/postgres/local-postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

command -v pgbench >/dev/null || { echo "[bench] installing pgbench (Debian's postgresql-contrib / postgresql-client)"; apt-get install -y -qq postgresql-contrib >/dev/null || true; }

echo "[bench] PostgreSQL (durable settings)"
pg_options=""
case " $* " in *" --profile "*) pg_options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" ;; esac
pgport=$(NEWSROOM_PG_PORT=${NEWSROOM_PG_PORT:-57432} NEWSROOM_PG_OPTIONS="$pg_options" "$root/infra/postgres/local-postgres.sh" start "$work/pg")

echo "[bench] building the service for production (pre-generated handlers, Release)"
mkdir -p "$work/src"
# A copy, so generating code never touches the working tree.
tar -C "$root" --exclude=bin --exclude=obj --exclude=.local --exclude=.git -cf - . | tar -C "$work/src" -xf -
(
  cd "$work/src"
  export ConnectionStrings__Newsroom="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
  dotnet build src/Newsroom.Api -c Release -v quiet -nologo >/dev/null
  dotnet run --no-build -c Release --project src/Newsroom.Api -- codegen write >/dev/null
  dotnet publish src/Newsroom.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
  dotnet publish bench/Newsroom.Bench -c Release -o "$work/driver" -v quiet -nologo >/dev/null
)

echo "[bench] running (about 22 minutes with the defaults)"
mkdir -p "$root/bench/results"
dotnet "$work/driver/Newsroom.Bench.dll" --app "$work/app/Newsroom.Api.dll" --pg-port "$pgport" \
  --work "$work/run" --results "$root/bench/results" "$@"
