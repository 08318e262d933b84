#!/usr/bin/env bash
# Starts (or reuses) a local PostgreSQL cluster from Debian's packages, without Docker.
#
#   local-postgres.sh prepare                       installs the binaries and the OS user if missing; prints the owner
#   local-postgres.sh start DATADIR [--throwaway]   prints "PORT" of the running cluster on stdout
#   local-postgres.sh stop  DATADIR
#
# Why this shape: initdb refuses to run as root, so as root the cluster belongs to the
# `postgres` OS user (created if missing); as any other user it simply belongs to that user.
# The socket lives inside the data dir and the server listens on 127.0.0.1 only.
# A throwaway cluster (tests) trades durability for speed: fsync and synchronous_commit off.
set -euo pipefail

log() { echo "[postgres] $*" >&2; }

find_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_binaries() {
  if ! find_bin_dir >/dev/null; then
    log "PostgreSQL binaries not found; installing Debian's postgresql package"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    # Debian's package starts its own cluster on 5432; we never use it.
  fi
  find_bin_dir
}

# The OS user that owns the cluster: `postgres` when we are root, else ourselves.
cluster_user() {
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      log "creating the postgres OS user"
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    echo postgres
  else
    id -un
  fi
}

# Runs a command as the cluster's owner, from / (the caller's folder may be private to root).
as_owner() {
  local owner=$1; shift
  if [ "$owner" = "$(id -un)" ]; then "$@"; else (cd / && runuser -u "$owner" -- "$@"); fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p=${1:-55432}
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

cmd=${1:-}; datadir=${2:-}
if [ "$cmd" = "prepare" ]; then ensure_binaries >/dev/null; cluster_user; exit 0; fi
[ -n "$cmd" ] && [ -n "$datadir" ] || { echo "usage: $0 prepare | start|stop DATADIR [--throwaway]" >&2; exit 2; }
throwaway=false; [ "${3:-}" = "--throwaway" ] && throwaway=true

case "$cmd" in
  start)
    bindir=$(ensure_binaries)
    owner=$(cluster_user)
    mkdir -p "$datadir"
    chown "$owner" "$datadir"
    chmod 700 "$datadir"
    if ! as_owner "$owner" test -x "$datadir"; then
      log "the $owner user cannot reach $datadir (a parent folder is not traversable); choose another folder"
      exit 3
    fi
    if [ ! -f "$datadir/PG_VERSION" ]; then
      log "initialising a cluster in $datadir"
      as_owner "$owner" "$bindir/initdb" -D "$datadir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_owner "$owner" "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
      port=$(cat "$datadir/newsroom.port")
      log "reusing the cluster already running on port $port"
    else
      port=$(free_port "${NEWSROOM_PG_PORT:-55432}")
      opts="-p $port -k $datadir -c listen_addresses=127.0.0.1 -c max_connections=200"
      $throwaway && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      # Extra server settings for one start (the benchmark's --profile preloads pg_stat_statements).
      [ -n "${NEWSROOM_PG_OPTIONS:-}" ] && opts="$opts $NEWSROOM_PG_OPTIONS"
      if ! as_owner "$owner" "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -o "$opts" -w -t 60 start >/dev/null; then
        # Say why (port, shared memory, permissions): the log is in the data folder, which a caller may remove.
        log "PostgreSQL did not start on port $port; the end of its log:"
        tail -n 15 "$datadir/server.log" >&2 || true
        exit 1
      fi
      echo "$port" | as_owner "$owner" tee "$datadir/newsroom.port" >/dev/null
      log "started on 127.0.0.1:$port (data: $datadir)"
    fi
    echo "$port"
    ;;
  stop)
    bindir=$(find_bin_dir) || exit 0
    [ -d "$datadir" ] || exit 0
    owner=$(stat -c %U "$datadir")
    if [ -f "$datadir/PG_VERSION" ] && as_owner "$owner" "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
      as_owner "$owner" "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
      log "stopped the cluster in $datadir"
    fi
    ;;
  *) echo "usage: $0 start|stop DATADIR [--throwaway]" >&2; exit 2 ;;
esac
