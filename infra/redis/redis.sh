#!/usr/bin/env bash
# A private Redis instance (shared rate-limit counters for tests and `make run`).
#   redis.sh start|stop|status|url
# Environment:
#   REDIS_PORT  port on 127.0.0.1 (default 56379)
#   REDIS_DIR   working directory (default <repo>/.run/redis-<port>)
# Installs Debian's `redis-server` package when the binary is absent and we are root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${REDIS_PORT:-56379}
dir=${REDIS_DIR:-$repo/.run/redis-$port}

say() { echo "redis: $*" >&2; }
die() { say "$*"; exit 1; }

server_bin() { command -v redis-server || { [[ -x /usr/bin/redis-server ]] && echo /usr/bin/redis-server; } || true; }

install_if_missing() {
  [[ -n $(server_bin) ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    die "redis-server not found: install it (Debian: sudo apt-get install redis-server)"
  fi
  say "installing Debian's redis-server package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server >/dev/null \
    || { apt-get update -q >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server >/dev/null; } \
    || die "apt-get install redis-server failed"
  # the package starts a system-wide instance on 6379; this launcher runs its own
}

url() { echo "redis://127.0.0.1:$port/0"; }

pid() { [[ -f $dir/redis.pid ]] && cat "$dir/redis.pid"; }

running() { local p; p=$(pid) || return 1; [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

answers() { exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null || return 1; printf 'PING\r\n' >&3; local reply; read -r -t 2 reply <&3 || true; exec 3>&-; [[ $reply == +PONG* ]]; }

start() {
  install_if_missing
  if running; then return 0; fi
  mkdir -p "$dir"
  cat > "$dir/redis.conf" <<CONF
bind 127.0.0.1
protected-mode yes
port $port
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir
save ""
appendonly no
maxmemory 64mb
maxmemory-policy volatile-ttl
CONF
  say "starting on 127.0.0.1:$port ($dir)"
  "$(server_bin)" "$dir/redis.conf" || die "could not start; see $dir/redis.log"
  for _ in $(seq 1 100); do answers && return 0; sleep 0.1; done
  die "did not answer on port $port; see $dir/redis.log"
}

stop() {
  if running; then
    local p; p=$(pid)
    kill "$p"
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    say "stopped"
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running: $(url)"; else echo "stopped"; exit 3; fi ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
