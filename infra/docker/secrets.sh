#!/usr/bin/env bash
# Fresh random secrets for docker-compose.yml, as .env lines: run once, keep the output out of git.
#   infra/docker/secrets.sh > infra/.env
# One Kafka password per principal of infra/kafka/access.toml (and the admin and tools ones), the
# PostgreSQL, Redis and JWT secrets. The gateway's signing key is a PEM key: export it yourself
# (README, "Quick start"). Hex only, so every value is safe inside the URLs that carry it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
random() { openssl rand -hex 32; }
services=$(sed -n '/^\[services\]/,/^\[/s/^\([a-z][a-z0-9_-]*\) *=.*/\1/p' "$here/../kafka/access.toml")
for principal in admin $services tools; do
  echo "LMS_KAFKA_${principal^^}_PASSWORD=$(random)"
done
echo "LMS_POSTGRES_PASSWORD=$(random)"
echo "LMS_REDIS_PASSWORD=$(random)"
echo "LMS_JWT_SECRET=$(random)"
