#!/usr/bin/env bash
# Runs every test (unit and integration) against a real PostgreSQL. When ConnectionStrings__Newsroom is not
# set it starts a throwaway cluster in the system temp folder and removes it afterwards.
# Works from any directory. Ends with the line "N passed, N failed". Extra arguments go to `dotnet test`.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$root"

if [ -z "${ConnectionStrings__Newsroom:-}" ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-test.XXXXXX")
  chmod 755 "$tmp"   # the postgres OS user must reach the data folder
  cleanup() { "$root/infra/postgres/local-postgres.sh" stop "$tmp/pg" || true; rm -rf "$tmp"; }
  trap cleanup EXIT
  pgport=$(NEWSROOM_PG_PORT=${NEWSROOM_PG_PORT:-56432} "$root/infra/postgres/local-postgres.sh" start "$tmp/pg" --throwaway)
  export ConnectionStrings__Newsroom="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-test.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
fi

# The desk's browser tests drive Debian's Chromium (Playwright cannot download browsers here).
if [ ! -x /usr/lib/chromium/chromium ]; then
  echo "[test] Chromium is missing: installing Debian's chromium package for the desk's browser tests" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >&2 \
    || echo "[test] could not install Chromium (apt-get install -y chromium): the desk's browser tests will fail" >&2
fi

results="$tmp/results"
# Everything runs (no extra arguments): the contract tests may then also assert that each status the OpenAPI
# document declares was observed by some test (tests/Newsroom.Tests/Integration/Contract).
# (A caller whose extra arguments do not narrow the run, e.g. a --logger, may set NEWSROOM_FULL_RUN=1 itself.)
# A full run also starts three service processes behind a load balancer (the several-nodes test, over a minute).
if [ $# -eq 0 ]; then export NEWSROOM_FULL_RUN=1; export NEWSROOM_SEVERAL_NODES=${NEWSROOM_SEVERAL_NODES:-1}; fi
set +e
dotnet test "$root/Newsroom.sln" --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
status=$?
set -e

# Count from the TRX report(s), the runner's own record of what ran.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
