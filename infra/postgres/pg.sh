#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and `LMS_DATABASE=postgres make run`.
#   pg.sh start|stop|status|url|createdb NAME|dropdb NAME
# Environment:
#   PG_PORT  port on 127.0.0.1 (default 55432)
#   PG_DIR   cluster directory (default <repo>/.run/postgres; as root: /tmp/lms-postgres-<port>,
#            since the server runs as the `postgres` user and must reach its directory)
# Installs Debian's `postgresql` package when the binaries are absent and we are root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${PG_PORT:-55432}

say() { echo "postgres: $*" >&2; }
die() { say "$*"; exit 1; }

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z $found ]] && command -v pg_config >/dev/null 2>&1; then found=$(pg_config --bindir); fi
  echo "$found"
}

install_if_missing() {
  [[ -n $(bindir) && -x $(bindir)/initdb ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    die "PostgreSQL server binaries not found: install them (Debian: sudo apt-get install postgresql)"
  fi
  say "installing Debian's postgresql package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; } \
    || die "apt-get install postgresql failed"
}

if [[ $(id -u) -eq 0 ]]; then
  dir=${PG_DIR:-/tmp/lms-postgres-$port}
  as_owner() { runuser -u postgres -- "$@"; }
else
  dir=${PG_DIR:-$repo/.run/postgres}
  as_owner() { "$@"; }
fi
data=$dir/data

url() { echo "postgresql://postgres@127.0.0.1:$port/${1:-postgres}"; }

running() { [[ -f $data/postmaster.pid ]] && as_owner "$(bindir)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

psql_admin() { as_owner "$(bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt "$@"; }

start() {
  install_if_missing
  local bin; bin=$(bindir)
  if running; then return 0; fi
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  if [[ ! -f $data/PG_VERSION ]]; then
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed"
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 128MB
log_min_messages = warning
CONF
  fi
  say "starting on 127.0.0.1:$port ($data)"
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || die "could not start; see $dir/server.log"
}

stop() {
  if running; then as_owner "$(bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null; say "stopped"; fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running: $(url)"; else echo "stopped"; exit 3; fi ;;
  url) url "${2:-postgres}" ;;
  createdb) start; psql_admin -c "CREATE DATABASE \"$2\"" && url "$2" ;;
  dropdb) psql_admin -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)" ;;
  destroy) stop; rm -rf "$dir" ;;
  *) echo "usage: $0 start|stop|status|url [db]|createdb NAME|dropdb NAME|destroy" >&2; exit 2 ;;
esac
