#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft) for local runs and tests, from Maven Central jars.
#   kafka.sh fetch|start|stop|status|topics
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS  use that cluster and start nothing (start/topics only create topics)
#   KAFKA_DIR                data, logs and pid   (default: <repo>/.run/kafka)
#   KAFKA_LIBS               jar cache            (default: <repo>/.run/kafka/libs)
#   KAFKA_PORT               client port; the controller listens on KAFKA_PORT+1 (default 9092)
#   KAFKA_HEAP               JVM heap (default 512m)
#   KAFKA_TOPICS_FILE        topics to create (default: infra/kafka/topics.txt)
#   PYTHON                   interpreter with lms-kit installed (default: <repo>/.venv/bin/python)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${KAFKA_PORT:-9092}
controller_port=$((port + 1))
dir=${KAFKA_DIR:-$repo/.run/kafka}
libs=${KAFKA_LIBS:-$repo/.run/kafka/libs}
heap=${KAFKA_HEAP:-512m}
topics_file=${KAFKA_TOPICS_FILE:-$here/topics.txt}
python=${PYTHON:-$repo/.venv/bin/python}
version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")
pidfile=$dir/broker.pid

say() { echo "kafka: $*" >&2; }
die() { say "$*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found: install $2 (Debian: apt-get install $3)"
}

bootstrap() { echo "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$port}"; }

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

fetch() {
  [[ -f $libs/kafka_2.13-$version.jar ]] && return 0
  need java "a Java 17+ runtime" openjdk-17-jre-headless
  need mvn "Apache Maven" maven
  say "resolving Kafka $version jars from Maven Central into $libs"
  mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -Dlibs.dir="$libs" \
    || die "mvn could not resolve the Kafka jars (see the lines above)"
}

write_config() {
  mkdir -p "$dir/data" "$dir/logs"
  sed -e "s#@DATA@#$dir/data#" -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" \
    "$here/server.properties.in" > "$dir/server.properties"
  sed -e "s#@LOGS@#$dir/logs#" "$here/log4j2.properties.in" > "$dir/log4j2.properties"
}

java_cmd=(java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC
  -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$libs/*")

java_run() { "${java_cmd[@]}" "$@"; }

format_storage() {
  [[ -f $dir/data/meta.properties ]] && return 0
  local cluster_id
  cluster_id=$(java_run kafka.tools.StorageTool random-uuid | tail -n 1)
  java_run kafka.tools.StorageTool format --standalone -t "$cluster_id" \
    -c "$dir/server.properties" >/dev/null || die "formatting $dir/data failed"
}

wait_ready() {
  "$python" -m lms.kit.kafka_admin --bootstrap "$(bootstrap)" wait --timeout "${1:-90}" \
    || die "broker at $(bootstrap) did not serve metadata; see $dir/logs/server.log"
}

create_topics() {
  "$python" -m lms.kit.kafka_admin --bootstrap "$(bootstrap)" ensure-topics "$topics_file"
}

start() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
    say "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS: using that cluster, starting nothing"
    wait_ready 30; create_topics; return 0
  fi
  if running; then
    wait_ready; create_topics; return 0
  fi
  need java "a Java 17+ runtime" openjdk-17-jre-headless
  fetch
  write_config
  format_storage
  say "starting Kafka $version on 127.0.0.1:$port (logs: $dir/logs)"
  # setsid: the broker outlives this shell and a Ctrl-C in the terminal that started it.
  setsid "${java_cmd[@]}" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 </dev/null &
  echo $! > "$pidfile"
  disown
  wait_ready
  create_topics
  say "ready at 127.0.0.1:$port"
}

stop() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then say "external cluster: nothing to stop"; return 0; fi
  if ! running; then rm -f "$pidfile"; say "not running"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then say "still running after 30 s: SIGKILL"; kill -KILL "$pid"; fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then echo "external: $KAFKA_BOOTSTRAP_SERVERS"; return 0; fi
  if running; then echo "running: pid $(cat "$pidfile"), 127.0.0.1:$port"; else echo "stopped"; return 3; fi
}

case ${1:-} in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  topics) create_topics ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|topics" >&2; exit 2 ;;
esac
