#!/bin/bash
# The compose file's broker (Apache Kafka's image): the same node as infra/kafka/kafka.sh runs, from
# the same server.properties.in, listening on the compose network as `kafka`. Every connection
# authenticates; the admin's password comes from the compose secret kafka-admin, and its SCRAM
# credential goes into the metadata when the storage is first formatted (docs/decisions/0072).
set -euo pipefail
password=$(cat /run/secrets/kafka-admin)
data=/var/lib/kafka/data
config=/tmp/server.properties
umask 077
sed -e "s#@DATA@#$data#" -e "s#@PORT@#9092#g" -e "s#@CONTROLLER_PORT@#9093#g" -e "s#@NODE_ID@#1#" \
  -e "s#@QUORUM@#controller.quorum.bootstrap.servers=kafka:9093#" -e "s#@RF@#1#g" -e "s#@MIN_ISR@#1#g" \
  -e "s#@LISTEN@#0.0.0.0#g" -e "s#@HOST@#kafka#g" -e "s#@ADMIN_PASSWORD@#$password#g" \
  /lms/server.properties.in > "$config"
if [[ ! -f $data/meta.properties ]]; then
  /opt/kafka/bin/kafka-storage.sh format --standalone -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" \
    -c "$config" --add-scram "SCRAM-SHA-512=[name=admin,password=$password]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
