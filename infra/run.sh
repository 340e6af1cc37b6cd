#!/usr/bin/env bash
# `make run`: the whole suite on this machine. Kafka, migrations, every process under honcho,
# the flagship courses imported; Ctrl-C stops it all. Data stays under .run/ between runs.
#   LMS_DATABASE=postgres   use the private PostgreSQL cluster instead of SQLite files
#   KAFKA_BOOTSTRAP_SERVERS use that Kafka cluster; start none
#   LMS_PROCFILE=infra/Procfile   every process kind on its own (default: infra/Procfile.embedded)
#   KAFKA_CLUSTER=1         run on the local three-node Kafka cluster (started if it is not running)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"
export LMS_RUN_DIR=${LMS_RUN_DIR:-$repo/.run}
export LMS_ENV=${LMS_ENV:-dev}  # a local suite: loopback webhook receivers allowed (prod is the default)
# the services verify API-key callers' tokens with the gateway's public key (made under .run/ in dev)
export LMS_JWT_GATEWAY_JWKS_URL=${LMS_JWT_GATEWAY_JWKS_URL:-http://127.0.0.1:8080/.well-known/jwks.json}
export PYTHONUNBUFFERED=1
# a laptop's suite: one gunicorn worker per web process (4 threads each) and a modest broker heap
export LMS_WEB_WORKERS=${LMS_WEB_WORKERS:-1}
export KAFKA_HEAP=${KAFKA_HEAP:-256m}
export PATH="$repo/.venv/bin:$PATH"  # the Procfile says `python`: the workspace's
py=$repo/.venv/bin/python
mkdir -p "$LMS_RUN_DIR"

if [[ -z ${LMS_JWT_SECRET:-} ]]; then
  secret_file=$LMS_RUN_DIR/jwt-secret
  [[ -s $secret_file ]] || { "$py" -c 'import secrets; print(secrets.token_urlsafe(48))' > "$secret_file"; chmod 600 "$secret_file"; }
  LMS_JWT_SECRET=$(cat "$secret_file")
  export LMS_JWT_SECRET
fi

started_kafka=no
if [[ -z ${KAFKA_BOOTSTRAP_SERVERS:-} ]] && ! infra/kafka/kafka.sh status >/dev/null 2>&1; then started_kafka=yes; fi
infra/kafka/kafka.sh start
if [[ -z ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then  # every process reaches the brokers just started
  KAFKA_BOOTSTRAP_SERVERS=$(infra/kafka/kafka.sh bootstrap)
  export KAFKA_BOOTSTRAP_SERVERS
fi

services=(curriculum assessment progress people insights records gateway)
if [[ ${LMS_DATABASE:-sqlite} == postgres ]]; then
  infra/postgres/pg.sh start
  for s in "${services[@]}"; do
    var=${s^^}_DATABASE_URL
    if [[ -z ${!var:-} ]]; then
      url=$(infra/postgres/pg.sh url "lms_$s")
      infra/postgres/pg.sh createdb "lms_$s" >/dev/null 2>&1 || true
      export "$var=$url"
    fi
  done
fi
for s in "${services[@]}"; do
  echo "migrating $s" >&2
  LMS_LOG_LEVEL=WARNING "$py" -m "lms.$s" migrate
done

welcome_pid=
cleanup() {
  trap - INT TERM EXIT
  [[ -n $welcome_pid ]] && kill "$welcome_pid" 2>/dev/null || true
  [[ $started_kafka == yes ]] && env -u KAFKA_BOOTSTRAP_SERVERS infra/kafka/kafka.sh stop || true
}
trap cleanup INT TERM EXIT

# Once everything answers: the courses are imported (idempotent), then the welcome is printed.
"$py" infra/await_and_welcome.py &
welcome_pid=$!
"$repo/.venv/bin/honcho" -d "$repo" -f "${LMS_PROCFILE:-infra/Procfile.embedded}" start
