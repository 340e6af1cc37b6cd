"""Every Kafka client of a process authenticates the same way, decided in one place."""

from __future__ import annotations

import pytest

from lms.kit.config import ConfigError
from lms.kit.kafka import client_config, client_security, use_principal


def test_a_process_acts_as_its_principal_with_the_password_dev_keeps_under_the_run_dir(tmp_path):
    (tmp_path / "kafka-credentials").mkdir()
    (tmp_path / "kafka-credentials" / "progress").write_text("s3cret-of-progress\n")
    security = client_security({"LMS_RUN_DIR": str(tmp_path), "KAFKA_SASL_USERNAME": "progress"})
    assert security == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "progress",
        "sasl_plain_password": "s3cret-of-progress",
    }


def test_a_password_from_the_environment_or_a_named_file_wins(tmp_path):
    secret = tmp_path / "mounted"
    secret.write_text("from-a-secret")
    base = {"LMS_RUN_DIR": str(tmp_path), "KAFKA_SASL_USERNAME": "people"}
    assert client_security({**base, "KAFKA_SASL_PASSWORD_FILE": str(secret)})["sasl_plain_password"] == (
        "from-a-secret"
    )
    assert client_security({**base, "KAFKA_SASL_PASSWORD": "from-env"})["sasl_plain_password"] == "from-env"


def test_tls_brings_the_ca_it_is_told_to_trust():
    env = {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "u", "KAFKA_SASL_PASSWORD": "p"}
    security = client_security({**env, "KAFKA_SSL_CAFILE": "/etc/lms/kafka-ca/ca.crt"})
    assert security["security_protocol"] == "SASL_SSL"
    assert security["ssl_cafile"] == "/etc/lms/kafka-ca/ca.crt"


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"KAFKA_SASL_PASSWORD": "p"}, "KAFKA_SASL_USERNAME"),
        ({"KAFKA_SASL_USERNAME": "insights"}, "KAFKA_SASL_PASSWORD"),
        ({"KAFKA_SECURITY_PROTOCOL": "PLAINTEXT", "LMS_ENV": "prod"}, "PLAINTEXT"),
        ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SASL_USERNAME": "u"}, "KAFKA_SECURITY_PROTOCOL"),
    ],
    ids=["no principal", "no password", "plaintext in prod", "unknown protocol"],
)
def test_a_process_that_cannot_authenticate_is_refused_with_one_line(tmp_path, environ, named):
    with pytest.raises(ConfigError) as refused:
        client_security({"LMS_RUN_DIR": str(tmp_path), **environ})
    assert named in str(refused.value)
    assert "\n" not in str(refused.value)


def test_plaintext_is_for_dev_only():
    assert client_security({"KAFKA_SECURITY_PROTOCOL": "PLAINTEXT", "LMS_ENV": "dev"}) == {
        "security_protocol": "PLAINTEXT"
    }


def test_a_service_process_defaults_to_its_own_principal_unless_told(monkeypatch, tmp_path):
    monkeypatch.setenv("KAFKA_SASL_USERNAME", "restored after the test")
    monkeypatch.delenv("KAFKA_SASL_USERNAME")
    for inherited in ("KAFKA_SASL_PASSWORD_FILE", "KAFKA_SECURITY_PROTOCOL"):  # the test session's admin
        monkeypatch.delenv(inherited, raising=False)
    monkeypatch.setenv("KAFKA_SASL_PASSWORD", "p")
    use_principal("curriculum")
    assert client_config("127.0.0.1:1,127.0.0.1:2")["sasl_plain_username"] == "curriculum"
    use_principal("tools")  # a second call does not take an identity over
    assert client_security()["sasl_plain_username"] == "curriculum"
    monkeypatch.delenv("KAFKA_SASL_PASSWORD")
    monkeypatch.setenv("LMS_RUN_DIR", str(tmp_path))
    with pytest.raises(ConfigError):
        use_principal("curriculum")


def test_explicit_security_settings_replace_the_process_s():
    config = client_config("h:1", security_protocol="SASL_PLAINTEXT", sasl_plain_username="x")
    assert config["bootstrap_servers"] == ["h:1"]
    assert config["sasl_plain_username"] == "x"
