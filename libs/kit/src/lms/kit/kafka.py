"""kafka-python clients configured the way the suite needs them, each authenticated.

Every producer, consumer and admin client of the suite is built here, and so takes its security
settings from one place (`client_security`): SASL/SCRAM-SHA-512 as the process's principal, over
loopback plaintext in dev and tests (`SASL_PLAINTEXT`) or TLS elsewhere (`SASL_SSL`).

    KAFKA_SECURITY_PROTOCOL    SASL_PLAINTEXT (default) | SASL_SSL | PLAINTEXT (dev only: no authentication)
    KAFKA_SASL_USERNAME        the principal; `python -m lms.<service>` defaults it to the service's name
    KAFKA_SASL_PASSWORD        its password, or else the file KAFKA_SASL_PASSWORD_FILE names
                               (default: <LMS_RUN_DIR>/kafka-credentials/<principal>, where dev keeps them)
    KAFKA_SSL_CAFILE           the CA that signed the brokers' certificates (SASL_SSL)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from lms.kit.config import ConfigError, current_env

SECURITY_PROTOCOL_VAR = "KAFKA_SECURITY_PROTOCOL"
USERNAME_VAR = "KAFKA_SASL_USERNAME"
PASSWORD_VAR = "KAFKA_SASL_PASSWORD"  # noqa: S105 (a variable's name)
PASSWORD_FILE_VAR = "KAFKA_SASL_PASSWORD_FILE"  # noqa: S105
CAFILE_VAR = "KAFKA_SSL_CAFILE"
MECHANISM = "SCRAM-SHA-512"
CREDENTIALS_DIR = "kafka-credentials"  # under LMS_RUN_DIR: one password file per principal (dev, tests)
SASL_PROTOCOLS = ("SASL_PLAINTEXT", "SASL_SSL")
# The brokers' own principal, their only super user; and the operator's (topics, dead letters).
ADMIN_PRINCIPAL, TOOLS_PRINCIPAL = "admin", "tools"


def credentials_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where dev and the tests keep one password file per principal (never committed)."""
    env = os.environ if environ is None else environ
    return Path(env.get("LMS_RUN_DIR", ".run")).resolve() / CREDENTIALS_DIR


def client_security(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The kafka-python settings that authenticate this process's clients (see the module's doc).

    Raises ConfigError (the process stops with one line) when the principal or its password is
    missing, or when plaintext without authentication is asked for outside dev."""
    env = os.environ if environ is None else environ
    protocol = env.get(SECURITY_PROTOCOL_VAR) or "SASL_PLAINTEXT"
    if protocol == "PLAINTEXT":
        if current_env(env) != "dev":
            raise ConfigError(
                "refusing to start: KAFKA_SECURITY_PROTOCOL=PLAINTEXT (no authentication) is dev only"
            )
        return {"security_protocol": "PLAINTEXT"}
    if protocol not in SASL_PROTOCOLS:
        raise ConfigError(
            f"refusing to start: KAFKA_SECURITY_PROTOCOL must be one of {', '.join(SASL_PROTOCOLS)}"
        )
    username = env.get(USERNAME_VAR)
    if not username:
        raise ConfigError(f"refusing to start: {USERNAME_VAR} is not set (the Kafka principal to act as)")
    security = principal(username, env.get(PASSWORD_VAR) or _password_file(env, username), protocol)
    if protocol == "SASL_SSL" and (cafile := env.get(CAFILE_VAR)):
        security["ssl_cafile"] = cafile
    return security


def principal(username: str, password: str, protocol: str = "SASL_PLAINTEXT") -> dict[str, Any]:
    """Client settings that authenticate as `username` (tests use it to act as one service)."""
    return {
        "security_protocol": protocol,
        "sasl_mechanism": MECHANISM,
        "sasl_plain_username": username,
        "sasl_plain_password": password,
    }


def _password_file(env: Mapping[str, str], username: str) -> str:
    path = Path(env.get(PASSWORD_FILE_VAR) or credentials_dir(env) / username)
    try:
        return path.read_text().strip()
    except OSError:
        raise ConfigError(
            f"refusing to start: no Kafka password for {username!r}: set {PASSWORD_VAR} or "
            f"{PASSWORD_FILE_VAR} ({path} is not readable)"
        ) from None


def use_principal(name: str, check: bool = True) -> None:
    """Clients of this process authenticate as `name` unless KAFKA_SASL_USERNAME names another;
    with `check`, a missing password stops the process now, not at its first connection."""
    os.environ.setdefault(USERNAME_VAR, name)
    if check:
        client_security()


def client_config(bootstrap: str, **overrides: Any) -> dict[str, Any]:
    """`bootstrap_servers` and the security settings, then `overrides` (which may carry their own
    security: `**principal(...)`)."""
    security = {} if "security_protocol" in overrides else client_security()
    return {"bootstrap_servers": bootstrap.split(","), **security, **overrides}


def make_admin(bootstrap: str, **overrides: Any) -> KafkaAdminClient:
    """An admin client of this process's principal."""
    return KafkaAdminClient(**client_config(bootstrap, **overrides))


def make_producer(bootstrap: str, **overrides: Any) -> KafkaProducer:
    """Idempotent producer, `acks=all`; `send()` gives up after 5 s without metadata.

    A record is retried until `delivery_timeout_ms`; the producer keeps per-partition
    order through retries (idempotence), so rows of one key stay in order.
    """
    config: dict[str, Any] = {
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "batch_size": 128 * 1024,
        "max_block_ms": 5_000,
        "request_timeout_ms": 10_000,
        "delivery_timeout_ms": 30_000,
        "reconnect_backoff_max_ms": 2_000,
        "client_id": "lms-producer",
    }
    return KafkaProducer(**client_config(bootstrap, **{**config, **overrides}))


# How long a broker holds a fetch that has no records yet. kafka-python keeps one fetch in flight
# per broker, for the partitions with nothing buffered: while it is held, the partitions just
# consumed wait for it, so a busy consumer asks for 100 ms (Kafka's 500 ms halved the outbox
# drain rate, and so did switching to 500 ms at every empty poll). A consumer idle for a while
# (the inbox: 5 s) asks for 500 ms: each empty answer costs the broker and the consumer CPU
# (four idle consumers on the three-node cluster: +0.21 broker cores at 100 ms, +0.04 at
# 500 ms), and a held fetch is answered as soon as a record arrives, so no latency is added.
BUSY_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS = 100, 500


def pace_fetches(consumer: KafkaConsumer, *, busy: bool) -> None:
    """Ask brokers to hold the next fetches 100 ms while `busy`, 500 ms otherwise.

    kafka-python reads `fetch_max_wait_ms` from its fetcher's config for every fetch request and
    has no public setter (libs/kit/tests/integration/test_fetch_pacing.py fails if that changes)."""
    config = getattr(getattr(consumer, "_fetcher", None), "config", None)
    if isinstance(config, dict) and "fetch_max_wait_ms" in config:
        config["fetch_max_wait_ms"] = BUSY_FETCH_WAIT_MS if busy else IDLE_FETCH_WAIT_MS


def make_consumer(bootstrap: str, group: str, *topics: str, **overrides: Any) -> KafkaConsumer:
    """Group consumer that never commits on its own: callers commit after their DB commit."""
    config: dict[str, Any] = {
        "group_id": group,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "session_timeout_ms": 10_000,
        "heartbeat_interval_ms": 3_000,
        "max_poll_interval_ms": 300_000,
        "max_poll_records": 2000,
        "fetch_max_wait_ms": BUSY_FETCH_WAIT_MS,  # see pace_fetches
        "reconnect_backoff_max_ms": 2_000,
        # a group that joined before a topic's partitions reached the metadata is assigned nothing
        # until the next refresh; kafka-python's default waits five minutes (decision 0080)
        "metadata_max_age_ms": 30_000,
        "client_id": f"lms-{group}",
    }
    consumer = KafkaConsumer(**client_config(bootstrap, **{**config, **overrides}))
    if topics:
        consumer.subscribe(list(topics))
    return consumer
