#!/usr/bin/env bash
# Backup/restore drill: proves that a backup of the Newsroom database can be restored into a working copy.
#
#   ConnectionStrings__Newsroom="Host=...;Port=...;Username=...;Password=...;Database=..." infra/backup-restore-drill.sh [--keep]
#
# 1. pg_dump (custom format) of the database in ConnectionStrings__Newsroom: one consistent snapshot.
# 2. Restores it into a new database, <database>_drill_<time>, on the same server.
# 3. Runs the service's `verify` command against the copy: every article's hash chain must be intact.
# 4. Records every read model of the copy (all mt_doc_* tables: id and JSON data), as they were backed up.
# 5. Rebuilds every projection on the copy (`projections rebuild`) and records the read models again.
# 6. Compares the two: a rebuild from the restored events must give the very documents that were backed up.
# Exit code 0 when all of it holds, 1 on a broken chain or a difference, 2 (or the failing tool's own code)
# when it could not do its work.
# The copy is dropped at the end unless --keep is given (the dump file is always removed).
#
# The service is run as $NEWSROOM_APP (for example "dotnet /app/Newsroom.Api.dll"); by default the newest
# build under src/Newsroom.Api/bin, else `dotnet run --project src/Newsroom.Api`. The drill runs it with
# Newsroom__DemoData=false, so it adds nothing to the copy, and with ASPNETCORE_ENVIRONMENT as you set it
# (default Development; Production also needs Auth__SigningKey).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)

log() { echo "[drill] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    *) echo "usage: ConnectionStrings__Newsroom=... $0 [--keep]" >&2; exit 2 ;;
  esac
done
source_cs=${ConnectionStrings__Newsroom:-}
[ -n "$source_cs" ] || { echo "ConnectionStrings__Newsroom must name the database to back up" >&2; exit 2; }

# The PostgreSQL client tools: on PATH, else Debian's versioned folder (the newest, so pg_dump is not older than the server).
pgbin=""
if ! command -v pg_dump >/dev/null 2>&1; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/
  [ -x "${pgbin}pg_dump" ] || { echo "pg_dump not found" >&2; exit 2; }
fi

# The Npgsql connection string, as libpq environment variables (keys are case-insensitive, spaces optional).
database=""
IFS=';' read -ra parts <<< "$source_cs"
for part in "${parts[@]}"; do
  [ -n "${part// /}" ] || continue
  key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]'); value=${part#*=}
  case "$key" in
    host|server) export PGHOST=$value ;;
    port) export PGPORT=$value ;;
    username|userid|user) export PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
    database|db) database=$value ;;
  esac
done
[ -n "$database" ] || { echo "the connection string names no Database" >&2; exit 2; }
copy="${database}_drill_$(date -u +%Y%m%d%H%M%S)"
copy_cs="$source_cs;Database=$copy"   # a later key wins in Npgsql's parser

appdir=""
if [ -n "${NEWSROOM_APP:-}" ]; then
  read -ra app <<< "$NEWSROOM_APP"
else
  dll=$(ls -t "$root"/src/Newsroom.Api/bin/*/net*/Newsroom.Api.dll 2>/dev/null | head -1 || true)
  if [ -n "$dll" ]; then app=(dotnet "$dll"); else app=(dotnet run --project "$root/src/Newsroom.Api" --); fi
fi
# Run from the folder of the dll, when there is one: the service reads appsettings.json from its content root.
for a in "${app[@]}"; do case "$a" in *.dll) appdir=$(dirname "$a") ;; esac; done
service() {
  (if [ -n "$appdir" ]; then cd "$appdir"; fi
   ConnectionStrings__Newsroom="$copy_cs" Newsroom__DemoData=false \
     ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} "${app[@]}" "$@")
}

work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-drill.XXXXXX")
cleanup() {
  rm -rf "$work"
  if ! $keep; then "${pgbin}psql" -q -d "$database" -c "drop database if exists \"$copy\" with (force)" >/dev/null 2>&1 || true
  else log "kept the restored copy: database $copy"; fi
}
trap cleanup EXIT
sql() { "${pgbin}psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# 1. Backup.
started=$(date +%s%N)
"${pgbin}pg_dump" -Fc -d "$database" -f "$work/newsroom.dump" || { log "pg_dump failed"; exit 2; }
log "backed up $database ($(du -h "$work/newsroom.dump" | cut -f1))"

# 2. Restore into a new database.
sql -d "$database" -c "create database \"$copy\"" || { log "cannot create database $copy"; exit 2; }
"${pgbin}pg_restore" --no-owner --exit-on-error -d "$copy" "$work/newsroom.dump" || { log "pg_restore failed"; exit 2; }
log "restored into $copy"

schema=newsroom
events=$(sql -d "$copy" -c "select count(*) from $schema.mt_events")
log "the copy holds $events events"

# The backed-up read models are only comparable with a rebuild when every async projection had caught up
# (the daemon's own HighWaterMark and HighWaterAllocationFence rows are not projections).
behind=$(sql -d "$copy" -c "select string_agg(name || ' at ' || last_seq_id, ', ') from $schema.mt_event_progression
  where name not like 'HighWater%' and last_seq_id < (select coalesce(max(seq_id), 0) from $schema.mt_events)")
[ -z "$behind" ] || fail "the backup was taken while projections were behind the events ($behind); take the backup again once they have caught up"

# 3. Verify every hash chain.
if ! service verify > "$work/verify.txt" 2>&1; then
  grep -E '^(BROKEN|FAILED)' "$work/verify.txt" >&2 || tail -20 "$work/verify.txt" >&2
  fail "verify found broken chains in the restored copy (or could not run)"
fi
log "$(grep -E '^OK' "$work/verify.txt" || echo 'verify: OK')"

# 4-6. Read models before and after a rebuild.
tables=$(sql -d "$copy" -c "select table_name from information_schema.tables where table_schema = '$schema' and table_name like 'mt\\_doc\\_%' order by 1")
snapshot() {
  mkdir -p "$work/$1"
  for t in $tables; do
    sql -d "$copy" -c "\\copy (select id::text, data::text from $schema.$t order by id::text) to '$work/$1/$t.tsv'"
  done
}
snapshot before
if ! service projections rebuild > "$work/rebuild.txt" 2>&1; then
  tail -30 "$work/rebuild.txt" >&2
  fail "projections rebuild failed on the restored copy"
fi
log "rebuilt every projection on the copy"
snapshot after

differences=0
for t in $tables; do
  if ! cmp -s "$work/before/$t.tsv" "$work/after/$t.tsv"; then
    differences=$((differences + 1))
    log "DIFFERENT $t: $(wc -l < "$work/before/$t.tsv") row(s) backed up, $(wc -l < "$work/after/$t.tsv") after the rebuild"
    diff <(cut -c1-200 "$work/before/$t.tsv") <(cut -c1-200 "$work/after/$t.tsv") | head -6 >&2 || true
  else
    log "same $t ($(wc -l < "$work/before/$t.tsv") rows)"
  fi
done
[ "$differences" -eq 0 ] || fail "$differences read model table(s) differ after the rebuild"

elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
log "OK in $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000))) s: backup restored, every chain intact, the rebuilt read models equal the backed-up ones"
