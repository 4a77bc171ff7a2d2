#!/usr/bin/env bash
# A throwaway local PostgreSQL server for tests: Unix socket only, trust auth, superuser
# `postgres`, everything under one folder.
#
#   pg-throwaway.sh start DIR          initdb DIR/data, start, print the base URI (also DIR/uri)
#   pg-throwaway.sh createdb DIR NAME  (re)create database NAME, print its URI
#   pg-throwaway.sh stop DIR           fast shutdown, remove DIR; fine if already stopped
#
# Needs only Debian's postgresql-15 (or any server binaries: PG_BINDIR, pg_config --bindir, PATH).
# As root the server runs as the `postgres` system user, since initdb and postgres refuse root.
set -euo pipefail

readonly PORT=5432
readonly START_TIMEOUT=30

die() {
  echo "pg-throwaway: $*" >&2
  exit 1
}

usage() {
  echo "usage: pg-throwaway.sh start DIR | createdb DIR NAME | stop DIR" >&2
  exit 2
}

# The folder holding initdb, pg_ctl, postgres, psql and pg_isready: PG_BINDIR, Debian's
# versioned folders (15 first, then newest), pg_config --bindir, then PATH.
find_bindir() {
  local candidates=("${PG_BINDIR:-}" /usr/lib/postgresql/15/bin)
  local v
  while IFS= read -r v; do candidates+=("$v"); done < <(
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn)
  if command -v pg_config >/dev/null 2>&1; then
    candidates+=("$(pg_config --bindir 2>/dev/null || true)")
  fi
  if command -v initdb >/dev/null 2>&1; then
    candidates+=("$(dirname "$(command -v initdb)")")
  fi
  local dir tool ok
  for dir in "${candidates[@]}"; do
    [ -n "$dir" ] && [ -d "$dir" ] || continue
    ok=1
    for tool in initdb pg_ctl postgres psql pg_isready; do
      [ -x "$dir/$tool" ] || ok=0
    done
    [ "$ok" = 1 ] && { echo "$dir"; return 0; }
  done
  return 1
}

require_bindir() {
  BINDIR=$(find_bindir) || die "PostgreSQL server binaries (initdb, pg_ctl, postgres, psql," \
    "pg_isready) not found; install the postgresql-15 package (tools/scripts/install-deps.sh)" \
    "or set PG_BINDIR"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if ! is_root; then
    (cd / && "$@")
    return
  fi
  if command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
  fi
}

absolute() {
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

# Where the server of DIR really lives: DIR itself, or a folder under /tmp named in DIR/real when
# DIR cannot hold it (a parent folder the postgres user may not enter, such as root's home, or a
# path too long for a Unix socket).
real_of() {  # DIR
  if [ -f "$1/real" ]; then cat "$1/real"; else echo "$1"; fi
}

# True when the server's owner can use DIR and its socket path fits in sun_path (107 bytes).
usable() {  # DIR
  [ $((${#1} + 15)) -le 107 ] || return 1
  if is_root; then
    chown postgres: "$1" && chmod 0755 "$1" || return 1
  fi
  as_owner test -w "$1" -a -x "$1"
}

# Percent-encodes a path for the URI's `host=` query value.
uri_encode() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [A-Za-z0-9/._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "$out"
}

uri_for() {  # DIR DBNAME
  echo "postgresql:///$2?host=$(uri_encode "$1")&port=$PORT&user=postgres"
}

# A process that exited but was not reaped yet (a container's init may be slow) counts as gone.
alive() {  # PID
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [ "$state" != Z ] && [ "$state" != X ]
}

# Gives a slow init up to 3 s to reap the exited postmaster, so no <defunct> entry lingers.
await_reaped() {  # PID
  local tries
  for ((tries = 0; tries < 30; tries++)); do
    [ -e "/proc/$1" ] || return 0
    sleep 0.1
  done
}

# The postmaster's pid when one is alive for DIR/data, else nothing.
postmaster_pid() {  # DIR
  local pid
  pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  alive "$pid" || return 0
  # A stale pid file may name an unrelated process by now.
  [ "$(cat "/proc/$pid/comm" 2>/dev/null || echo postgres)" = postgres ] || return 0
  echo "$pid"
}

# Signals the postmaster directly (no server binaries needed): SIGINT is a fast shutdown,
# SIGQUIT an immediate one, SIGKILL the last resort.
stop_server() {  # DIR
  local dir=$1 pid sig tries
  for sig in INT QUIT KILL; do
    pid=$(postmaster_pid "$dir")
    [ -n "$pid" ] || return 0
    kill -s "$sig" "$pid" 2>/dev/null || true
    for ((tries = 0; tries < START_TIMEOUT * 10; tries++)); do
      alive "$pid" || { await_reaped "$pid"; return 0; }
      sleep 0.1
    done
  done
  [ -z "$(postmaster_pid "$dir")" ] || die "could not stop the server in $dir (pid $pid)"
}

cmd_start() {
  local given dir
  given=$(absolute "$1")
  require_bindir
  if is_root; then
    id postgres >/dev/null 2>&1 ||
      die "running as root needs the 'postgres' system user (installed by postgresql-15)"
  fi
  # A leftover from an interrupted run is stopped and replaced: every start is a fresh server.
  dir=$(real_of "$given")
  stop_server "$dir"
  [ "$dir" = "$given" ] || rm -rf "$dir"
  rm -rf "$given/data" "$given/uri" "$given/real" "$given/server.log" "$given"/.s.PGSQL."$PORT"*
  dir=$given
  if ! usable "$dir"; then
    dir=$(mktemp -d /tmp/mskc-pg.XXXXXX)
    usable "$dir" || die "the postgres user cannot use $given nor $dir"
    echo "$dir" >"$given/real"
  fi
  local log
  log=$(mktemp)
  if ! as_owner "$BINDIR/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 \
      --no-sync >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "initdb failed in $dir/data"
  fi
  rm -f "$log"
  cat >>"$dir/data/postgresql.conf" <<EOF

# pg-throwaway: socket only, in the folder itself; durability is not the point of a test server.
listen_addresses = ''
unix_socket_directories = '$dir'
unix_socket_permissions = 0777
port = $PORT
fsync = off
full_page_writes = off
EOF
  if ! as_owner "$BINDIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$START_TIMEOUT" \
      start >/dev/null 2>&1; then
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    stop_server "$dir"
    die "the server did not start (log: $dir/server.log)"
  fi
  local waited=0
  until "$BINDIR/pg_isready" -q -h "$dir" -p "$PORT" -U postgres -d postgres; do
    waited=$((waited + 1))
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      stop_server "$dir"
      die "the server did not become ready within ${START_TIMEOUT}s (log: $dir/server.log)"
    fi
    sleep 1
  done
  uri_for "$dir" postgres | tee "$given/uri"
}

cmd_createdb() {
  local dir name
  dir=$(cd "$1" 2>/dev/null && pwd -P) || die "no server folder $1 (run start first)"
  dir=$(real_of "$dir")
  name=$2
  [[ "$name" =~ ^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$ ]] ||
    die "database name must be 1-63 letters, digits, '_' or '-': $name"
  require_bindir
  [ -S "$dir/.s.PGSQL.$PORT" ] || die "no server running in $dir (run start first)"
  local psql=("$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$PORT" -U postgres -d postgres)
  local out
  out=$("${psql[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" 2>&1) ||
    die "could not drop the old database $name: $out"
  out=$("${psql[@]}" -c "CREATE DATABASE \"$name\"" 2>&1) ||
    die "could not create database $name: $out"
  uri_for "$dir" "$name"
}

cmd_stop() {
  [ -e "$1" ] || return 0
  local dir
  dir=$(cd "$1" && pwd -P)
  local real
  real=$(real_of "$dir")
  stop_server "$real"
  rm -rf "$real" "$dir"
  [ ! -e "$dir" ] && [ ! -e "$real" ] || die "could not remove $dir"
}

[ $# -ge 2 ] || usage
case "$1" in
  start) [ $# -eq 2 ] || usage; cmd_start "$2" ;;
  createdb) [ $# -eq 3 ] || usage; cmd_createdb "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; cmd_stop "$2" ;;
  *) usage ;;
esac
