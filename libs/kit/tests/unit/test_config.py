from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from lms.kit.config import ConfigError, Settings, load_settings
from lms.kit.kafka_admin import TopicSpec, parse_topics_file


def test_defaults_are_embedded_sqlite_and_local_kafka(tmp_path):
    settings = load_settings("progress", {"LMS_RUN_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'progress.db'}"
    assert settings.kafka_bootstrap == "127.0.0.1:9092"
    assert settings.topic == "lms.progress.events"
    assert settings.topic_of("assessment") == "lms.assessment.events"
    assert settings.jwt.algorithms == ("HS256",)


def test_per_service_database_url_and_prefix_override(tmp_path):
    env = {
        "LMS_RUN_DIR": str(tmp_path),
        "PROGRESS_DATABASE_URL": "postgresql://db/progress",
        "CURRICULUM_DATABASE_URL": "postgresql://db/curriculum",
        "LMS_TOPIC_PREFIX": "t1.",
        "KAFKA_BOOTSTRAP_SERVERS": "k1:9092,k2:9092",
    }
    settings = load_settings("progress", env)
    assert settings.database_url == "postgresql://db/progress"
    assert settings.topic == "t1.lms.progress.events"
    assert settings.kafka_bootstrap == "k1:9092,k2:9092"


def test_dev_secret_is_read_from_the_run_dir_when_not_in_the_environment(tmp_path):
    (tmp_path / "jwt-secret").write_text("from-the-file\n")
    dev = {"LMS_RUN_DIR": str(tmp_path), "LMS_ENV": "dev"}
    assert load_settings("gateway", dev).jwt.secret == "from-the-file"
    env = {**dev, "LMS_JWT_SECRET": "from-env"}
    assert load_settings("gateway", env).jwt.secret == "from-env"


def test_a_jwks_url_switches_the_default_algorithm_to_rs256(tmp_path):
    env = {"LMS_RUN_DIR": str(tmp_path), "LMS_JWT_JWKS_URL": "https://idp.example/jwks.json"}
    assert load_settings("gateway", env).jwt.algorithms == ("RS256",)


def test_topics_file_is_parsed_with_partitions_and_configs():
    specs = parse_topics_file(Path(__file__).parents[4] / "infra/kafka/topics.txt", prefix="x.")
    assert [s.name for s in specs] == [
        "x.lms.curriculum.events",
        "x.lms.assessment.events",
        "x.lms.progress.events",
        "x.lms.people.events",
        "x.lms.insights.events",
        "x.lms.records.events",
    ]
    assert specs[0] == TopicSpec("x.lms.curriculum.events", 6, {"retention.ms": "-1"})


def test_production_is_the_default_and_only_an_explicit_dev_relaxes(tmp_path, monkeypatch):
    assert load_settings("progress", {"LMS_RUN_DIR": str(tmp_path)}).env == "prod"
    assert load_settings("progress", {"LMS_RUN_DIR": str(tmp_path), "LMS_ENV": ""}).env == "prod"
    assert load_settings("progress", {"LMS_RUN_DIR": str(tmp_path), "LMS_ENV": "dev"}).env == "dev"
    monkeypatch.delenv("LMS_ENV")
    assert Settings(service="progress").env == "prod"


WEAK_SECRETS = [
    "short-but-random-9f2c",
    "change-me-change-me-change-me-change-me",  # compose's old default
    "secretsecretsecretsecretsecretsecret",
    "dev-secret-dev-secret-dev-secret-dev-secret",
    "changeme" * 5,
    "a" * 64,
]


@pytest.mark.parametrize("secret", WEAK_SECRETS)
def test_outside_dev_a_guessable_secret_stops_the_process_with_one_line(tmp_path, secret):
    with pytest.raises(ConfigError) as refused:
        load_settings("progress", {"LMS_RUN_DIR": str(tmp_path), "LMS_JWT_SECRET": secret})
    message = str(refused.value)
    assert "LMS_JWT_SECRET" in message
    assert "\n" not in message
    assert secret not in message
    assert refused.value.code != 0


@pytest.mark.parametrize("secret", WEAK_SECRETS)
def test_dev_accepts_short_test_secrets(tmp_path, secret):
    env = {"LMS_RUN_DIR": str(tmp_path), "LMS_JWT_SECRET": secret, "LMS_ENV": "dev"}
    assert load_settings("progress", env).jwt.secret == secret


def test_a_random_secret_passes_in_production(tmp_path):
    secret = secrets.token_urlsafe(48)
    env = {"LMS_RUN_DIR": str(tmp_path), "LMS_JWT_SECRET": secret}
    assert load_settings("progress", env).jwt.secret == secret
