"""The runner offers each service the processes it has: a web-only service has no relay or consumer."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from lms.kit.service import ServiceDefinition, main


def definition(**options) -> ServiceDefinition:
    return ServiceDefinition(
        name="sample", create_app=lambda _settings: Flask("sample"), migrations=Path("."), **options
    )


def test_a_service_that_consumes_and_produces_runs_every_process_and_its_own_commands():
    found = definition(consumes=["curriculum"], handlers=dict, commands={"rebuild": lambda _s, _a: 0})
    assert found.processes == ["web", "relay", "consume", "dlq", "worker", "migrate", "rebuild"]


def test_a_web_only_service_offers_web_and_migrate_only():
    assert definition(outbox=False).processes == ["web", "migrate"]


def test_a_process_the_service_does_not_have_is_refused_with_the_usage(capsys):
    assert main(definition(outbox=False), ["relay"]) == 2
    assert "usage: python -m lms.sample {web,migrate}" in capsys.readouterr().err


def test_a_producer_without_consumers_gets_a_worker_for_its_relay():
    assert definition().processes == ["web", "relay", "worker", "migrate"]
