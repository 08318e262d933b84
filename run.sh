#!/usr/bin/env bash
# Runs Newsroom locally: starts a local PostgreSQL when ConnectionStrings__Newsroom is not set,
# applies the schema, loads the demo articles and serves the API (default http://127.0.0.1:5080).
# Works from any directory: ./run.sh, or /path/to/newsroom/run.sh. Ctrl+C stops the service and its database.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$root"

port=${NEWSROOM_PORT:-5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Newsroom__DemoData=${Newsroom__DemoData:-true}

if [ -z "${ConnectionStrings__Newsroom:-}" ]; then
  # The cluster's data lives in a git-ignored folder of the project. The postgres OS user must be able to
  # reach it; when the clone sits under a private home folder it cannot, so the data goes under /var/tmp.
  datadir="$root/.local/postgres"
  mkdir -p "$root/.local"
  owner=$("$root/infra/postgres/local-postgres.sh" prepare)
  if [ "$owner" != "$(id -un)" ] && ! (cd / && runuser -u "$owner" -- test -x "$root/.local"); then
    datadir="/var/tmp/newsroom-$(echo "$root" | md5sum | cut -c1-8)/postgres"
    mkdir -p "$(dirname "$datadir")" && chmod 755 "$(dirname "$datadir")"
    echo "[run] $root is not reachable by the $owner user; keeping the database in $datadir"
  fi
  pgport=$("$root/infra/postgres/local-postgres.sh" start "$datadir")
  trap '"$root/infra/postgres/local-postgres.sh" stop "$datadir"' EXIT
  export ConnectionStrings__Newsroom="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
fi

echo "[run] building"
dotnet build "$root/src/Newsroom.Api" -c Debug -v quiet -nologo
echo "[run] Newsroom on http://127.0.0.1:$port  (API docs: http://127.0.0.1:$port/docs, OpenAPI: /openapi/v1.json)"
# The service runs in the background so that Ctrl+C or a TERM to this script reaches it first: it leaves the
# cluster and finishes its work, and only then does the EXIT trap stop the database under it.
cd "$root/src/Newsroom.Api"   # the content root: appsettings.json
dotnet bin/Debug/net10.0/Newsroom.Api.dll --urls "http://127.0.0.1:$port" &
service=$!
trap 'kill -TERM "$service" 2>/dev/null || true' INT TERM
status=0
wait "$service" || status=$?
# A signal interrupts the first wait; the second waits for the service to finish stopping.
if kill -0 "$service" 2>/dev/null; then wait "$service" || status=$?; fi
exit "$status"
