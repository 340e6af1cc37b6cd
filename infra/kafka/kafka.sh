#!/usr/bin/env bash
# Apache Kafka (KRaft) for local runs and tests, from Maven Central jars: one broker, or with
# KAFKA_CLUSTER=1 three nodes (each broker and controller) on this machine. Every connection
# authenticates (SASL/SCRAM-SHA-512; controllers PLAIN) and ACLs allow only what
# infra/kafka/access.toml declares; passwords are made once, one file per principal, under
# $LMS_RUN_DIR/kafka-credentials (docs/decisions/0072, 0073).
#   kafka.sh fetch|start|stop|restart|status|topics|bootstrap|credentials|acls
#   kafka.sh node-start N|node-kill N|node-status N   (cluster mode: one node, 1-3)
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS  use that cluster and start nothing (start/topics only create topics)
#   KAFKA_CLUSTER            1: the three-node cluster; clients on KAFKA_CLUSTER_PORT..+2, controllers
#                            on KAFKA_CLUSTER_PORT+100..+102, data under <repo>/.run/kafka-cluster/node-N;
#                            topics (and every topic created later) get 3 replicas, 2 of them in sync
#   KAFKA_CLUSTER_PORT       client port of node 1 (default 19192)
#   KAFKA_DIR                data, logs and pid   (default: <repo>/.run/kafka)
#   KAFKA_LIBS               jar cache            (default: <repo>/.run/kafka/libs)
#   KAFKA_PORT               client port; the controller listens on KAFKA_PORT+1 (default 9092)
#   KAFKA_HEAP               JVM heap of each node (default 512m)
#   KAFKA_TOPICS_FILE        topics to create (default: infra/kafka/topics.txt)
#   KAFKA_ACCESS_FILE        principals and ACLs (default: infra/kafka/access.toml)
#   LMS_RUN_DIR              where kafka-credentials/ is kept (default: <repo>/.run)
#   PYTHON                   interpreter with lms-kit installed (default: <repo>/.venv/bin/python)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cluster=${KAFKA_CLUSTER:-0}
cluster_port=${KAFKA_CLUSTER_PORT:-19192}
nodes=(1)
if [[ $cluster == 1 ]]; then
  nodes=(1 2 3)
  cluster_dir=${KAFKA_DIR:-$repo/.run/kafka-cluster}
fi
libs=${KAFKA_LIBS:-$repo/.run/kafka/libs}
heap=${KAFKA_HEAP:-512m}
topics_file=${KAFKA_TOPICS_FILE:-$here/topics.txt}
access_file=${KAFKA_ACCESS_FILE:-$here/access.toml}
python=${PYTHON:-$repo/.venv/bin/python}
run_dir=${LMS_RUN_DIR:-$repo/.run}
credentials=$run_dir/kafka-credentials
version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")

# The node's ports and directory: node_env N sets port, controller_port, dir and pidfile.
node_env() {
  if [[ $cluster == 1 ]]; then
    port=$((cluster_port + $1 - 1)); controller_port=$((cluster_port + 99 + $1)); dir=$cluster_dir/node-$1
  else
    port=${KAFKA_PORT:-9092}; controller_port=$((port + 1)); dir=${KAFKA_DIR:-$repo/.run/kafka}
  fi
  pidfile=$dir/broker.pid
  java_cmd=(java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC
    -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$libs/*")
}
node_env 1

say() { echo "kafka: $*" >&2; }
die() { say "$*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found: install $2 (Debian: apt-get install $3)"
}

own_bootstrap() {
  local n addresses=()
  for n in "${nodes[@]}"; do node_env "$n"; addresses+=("127.0.0.1:$port"); done
  (IFS=,; echo "${addresses[*]}")
}

bootstrap() { echo "${KAFKA_BOOTSTRAP_SERVERS:-$(own_bootstrap)}"; }

# The admin tool; on our own brokers as their super user, on a cluster of yours as your environment says.
admin_tool() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
    "$python" -m lms.kit.kafka_admin --bootstrap "$(bootstrap)" "$@"
  else
    LMS_RUN_DIR=$run_dir KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT KAFKA_SASL_USERNAME=admin \
      KAFKA_SASL_PASSWORD_FILE=$credentials/admin "$python" -m lms.kit.kafka_admin --bootstrap "$(bootstrap)" "$@"
  fi
}

make_credentials() {  # a password file per principal of the declaration, made once, never printed
  "$python" -m lms.kit.kafka_admin credentials "$access_file" --dir "$credentials"
}
admin_password() { cat "$credentials/admin"; }

voters() {
  local n v=()
  for n in 1 2 3; do v+=("$n@127.0.0.1:$((cluster_port + 99 + n))"); done
  (IFS=,; echo "${v[*]}")
}

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

write_config() {  # of node $1 (node_env first); it holds the admin's password: private to its owner
  local quorum="controller.quorum.bootstrap.servers=127.0.0.1:$controller_port" rf=1 min_isr=1
  [[ $cluster == 1 ]] && { quorum="controller.quorum.voters=$(voters)"; rf=3; min_isr=2; }
  mkdir -p "$dir/data" "$dir/logs"
  rm -f "$dir/server.properties"
  (umask 077; sed -e "s#@DATA@#$dir/data#" -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" \
    -e "s#@NODE_ID@#$1#" -e "s#@QUORUM@#$quorum#" -e "s#@RF@#$rf#g" -e "s#@MIN_ISR@#$min_isr#g" \
    -e "s#@LISTEN@#127.0.0.1#g" -e "s#@HOST@#127.0.0.1#g" -e "s#@ADMIN_PASSWORD@#$(admin_password)#g" \
    "$here/server.properties.in" > "$dir/server.properties")
  sed -e "s#@LOGS@#$dir/logs#" "$here/log4j2.properties.in" > "$dir/log4j2.properties"
}

java_run() { "${java_cmd[@]}" "$@"; }

cluster_id() {  # one id for every node of the cluster, made once
  local file=${cluster_dir:-$dir}/cluster.id
  [[ -s $file ]] || { mkdir -p "$(dirname "$file")"; java_run kafka.tools.StorageTool random-uuid | tail -n 1 > "$file"; }
  cat "$file"
}

# Which admin password the storage was formatted with (a digest, not the password).
admin_stamp() { sha256sum "$credentials/admin" | cut -d' ' -f1; }

format_storage() {  # the admin's SCRAM credential goes into the metadata at format time
  [[ -f $dir/data/meta.properties ]] && return 0
  local mode=(--standalone)
  [[ $cluster == 1 ]] && mode=()  # the static voters of server.properties form the quorum
  java_run kafka.tools.StorageTool format "${mode[@]}" -t "$(cluster_id)" -c "$dir/server.properties" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$(admin_password)]" >/dev/null \
    || die "formatting $dir/data failed"
  admin_stamp > "$dir/admin.sha256"
}

# Data formatted before the brokers were secured, or for another admin password, cannot be
# administered: it is dropped (every node of the cluster at once) and formatted again.
reset_foreign_storage() {
  local n foreign=no
  for n in "${nodes[@]}"; do
    node_env "$n"
    if [[ -f $dir/data/meta.properties && $(cat "$dir/admin.sha256" 2>/dev/null) != "$(admin_stamp)" ]]; then
      foreign=yes
    fi
  done
  [[ $foreign == yes ]] || return 0
  for n in "${nodes[@]}"; do
    node_env "$n"
    running && die "$dir runs with other credentials: stop it first (kafka.sh stop)"
    say "$dir was formatted without the admin credential of $credentials: dropping its data"
    rm -rf "$dir/data" "$dir/admin.sha256"
  done
  [[ -n ${cluster_dir:-} ]] && rm -f "$cluster_dir/cluster.id"
  return 0
}

# 180 s a node: a secured broker loads its SCRAM users and ACLs before it listens, and a restart on
# two busy cores (the fault tests restart the tests' broker mid-run) took longer than 90 s
wait_ready() {
  admin_tool wait --timeout "${1:-$((180 * ${#nodes[@]}))}" --brokers "${#nodes[@]}" \
    || die "broker at $(bootstrap) did not serve metadata; see $dir/logs/server.log"
}

create_topics() {
  admin_tool ensure-topics "$topics_file"
}

set_up() {  # on our own brokers: every principal's SCRAM credential, the declared ACLs, the topics
  admin_tool setup "$access_file" --dir "$credentials" --topics "$topics_file" \
    || die "could not set up the users, ACLs and topics of $access_file"
}

port_taken() {  # something accepts connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

launch() {  # node $1 (node_env first): configure, format, start in the background
  running && return 0
  port_taken "$port" && die "127.0.0.1:$port is taken by a process this directory did not start" \
    "(a broker of another checkout? stop it there, or choose another port: KAFKA_PORT, LMS_TEST_KAFKA_PORT)"
  write_config "$1"
  format_storage
  say "starting Kafka $version node $1 on 127.0.0.1:$port (logs: $dir/logs)"
  # setsid: the node outlives this shell and a Ctrl-C in the terminal that started it.
  setsid "${java_cmd[@]}" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 </dev/null &
  echo $! > "$pidfile"
  disown
}

start() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
    say "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS: using that cluster, starting nothing"
    wait_ready 30; create_topics; return 0
  fi
  need java "a Java 17+ runtime" openjdk-17-jre-headless
  fetch
  make_credentials
  reset_foreign_storage
  local n
  for n in "${nodes[@]}"; do node_env "$n"; launch "$n"; done
  wait_ready
  set_up
  say "ready at $(bootstrap)"
}

signal_node() {  # node_env first; $1: the signal
  if running; then kill "-$1" "$(cat "$pidfile")"; fi
}

await_node() {  # node_env first: wait up to 30 s for it to exit, then SIGKILL
  [[ -f $pidfile ]] || return 0
  local pid; pid=$(cat "$pidfile")
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then say "still running after 30 s: SIGKILL"; kill -KILL "$pid"; fi
  rm -f "$pidfile"
  say "stopped $dir"
}

stop() {  # every node asked at once: a quorum that loses its members one by one stalls the last
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then say "external cluster: nothing to stop"; return 0; fi
  local n
  for n in "${nodes[@]}"; do node_env "$n"; signal_node TERM; done
  for n in "${nodes[@]}"; do node_env "$n"; await_node; done
}

status() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then echo "external: $KAFKA_BOOTSTRAP_SERVERS"; return 0; fi
  local n down=0
  for n in "${nodes[@]}"; do
    node_env "$n"
    if running; then echo "node $n running: pid $(cat "$pidfile"), 127.0.0.1:$port"; else echo "node $n stopped"; down=3; fi
  done
  return $down
}

# One node of the cluster, for fault tests: node-kill is a SIGKILL (no clean shutdown).
node() {
  [[ $cluster == 1 ]] || die "node commands need KAFKA_CLUSTER=1"
  [[ ${2:-} =~ ^[123]$ ]] || die "which node? 1, 2 or 3"
  node_env "$2"
  case $1 in
    node-start) launch "$2" ;;
    node-kill) signal_node KILL; await_node ;;
    node-status) running ;;
  esac
}

case ${1:-} in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  topics) create_topics ;;
  bootstrap) bootstrap ;;
  credentials) make_credentials ;;
  acls) admin_tool acls list ;;
  node-start|node-kill|node-status) node "$1" "${2:-}" ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|topics|bootstrap|credentials|acls|node-start N|node-kill N|node-status N" >&2; exit 2 ;;
esac
