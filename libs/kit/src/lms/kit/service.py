"""The command line every service exposes: `python -m lms.<service> <process>`.

web       gunicorn serving the Flask app (gthread workers, keep-alive)
relay     outbox -> Kafka
consume   Kafka -> handlers, through the inbox
worker    relay, consume and the service's background loops as threads of one process
          (both take `--probe HOST:PORT`, or LMS_PROBE_BIND, to serve /healthz, /readyz, /metrics)
migrate   Alembic upgrade to head (`--make "message"` autogenerates a revision)
dlq       list | redrive dead letters of this service's consumer group
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from flask import Flask

from lms.kit import dlq
from lms.kit.config import Settings, load_settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.grouplag import GroupProgress
from lms.kit.inbox import BatchHandler, Handler, InboxConsumer, dlq_topic
from lms.kit.kafka import TOOLS_PRINCIPAL, use_principal
from lms.kit.liveness import STALL_AFTER_S
from lms.kit.migrations import make_revision, upgrade
from lms.kit.probe import probe_bind, serving_probe
from lms.kit.process import settle_collector, stop_on_signals
from lms.kit.relay import OutboxRelay
from lms.kit.web.health import Check, database_check
from lms.kit.web.logs import configure_logging
from lms.kit.worker import Loop, run_side_by_side

STALL_AFTER_VAR = "LMS_CONSUMER_STALL_AFTER_S"
KAFKA_PROCESSES = ("relay", "consume", "worker", "dlq")  # the process kinds with Kafka clients


@dataclass
class ServiceDefinition:
    """What makes one service: its app factory, migrations, and the events it consumes."""

    name: str
    create_app: Callable[[Settings], Flask]
    migrations: Path
    consumes: Sequence[str] = ()  # producing services whose topics this one reads
    handlers: Callable[[Settings], Mapping[str, Handler]] | None = None
    batch_handlers: Callable[[Settings], Mapping[str, BatchHandler]] | None = None
    default_port: int = 8100
    commands: dict[str, Callable[[Settings, list[str]], int]] = field(default_factory=dict)
    outbox: bool = True  # False for a web-only service: no `relay` process
    # background loops (besides relay and consume) a `worker` process runs as threads
    loops: dict[str, Callable[[Settings, threading.Event], None]] = field(default_factory=dict)
    # what a `web` process checks before serving, given its worker count (raise ConfigError to refuse)
    web_check: Callable[[Settings, int], None] | None = None

    @property
    def processes(self) -> list[str]:
        """The processes this service runs: `web` and `migrate` always, the rest as it needs them."""
        relay = ["relay"] if self.outbox else []
        consume = ["consume", "dlq"] if self.consumes else []
        worker = ["worker"] if relay or consume or self.loops else []
        return ["web", *relay, *consume, *worker, "migrate", *self.commands]


def main(definition: ServiceDefinition, argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    processes = definition.processes
    if not argv or argv[0] not in processes:
        print(f"usage: python -m lms.{definition.name} {{{','.join(processes)}}} [options]", file=sys.stderr)
        return 2
    process, rest = argv[0], argv[1:]
    settings = load_settings(definition.name)
    # Kafka clients authenticate as the service; dead letters are the operator's (tools) to redrive.
    # A process that talks to Kafka without its password stops here, with one line.
    use_principal(TOOLS_PRINCIPAL if process == "dlq" else definition.name, check=process in KAFKA_PROCESSES)
    configure_logging(f"{definition.name}.{process}", settings.log_level)
    if process != "web":  # gunicorn's workers settle after loading the app (lms.kit.gunicorn)
        settle_collector()
    if process in definition.commands:
        return definition.commands[process](settings, rest)
    kinds = {"web": _web, "relay": _relay, "consume": _consume, "worker": _worker, "migrate": _migrate}
    return {**kinds, "dlq": _dlq}[process](definition, settings, rest)


def _web(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"lms.{definition.name} web")
    parser.add_argument("--bind", default=os.environ.get("LMS_BIND", f"127.0.0.1:{definition.default_port}"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LMS_WEB_WORKERS", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("LMS_WEB_THREADS", "4")))
    args = parser.parse_args(argv)
    if definition.web_check is not None:
        definition.web_check(settings, args.workers)
    from lms.kit.gunicorn import serve

    serve(
        lambda: web_app(definition, settings),
        bind=args.bind,
        workers=args.workers,
        threads=args.threads,
        metrics_dir=settings.run_dir / "metrics" / f"{definition.name}-web",
    )
    return 0


def web_app(definition: ServiceDefinition, settings: Settings) -> Flask:
    """The service's app; when the service consumes, its readiness also fails while the consumer
    group stays behind without committing (`lms.kit.grouplag`)."""
    app = definition.create_app(settings)
    if definition.handlers is not None and definition.consumes:
        topics = [settings.topic_of(service) for service in definition.consumes]
        progress = GroupProgress.of(
            settings.kafka_bootstrap, settings.consumer_group, topics, stall_after_s=stall_after_s()
        )
        app.extensions["lms.readiness"]["consumer"] = progress.check
    return app


def stall_after_s() -> float:
    """How long a consumer may make no progress before it is unready and rejoins (60 s)."""
    return float(os.environ.get(STALL_AFTER_VAR) or STALL_AFTER_S)


def _relay(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    _relay_until(settings, stop_on_signals())
    return 0


def _relay_until(settings: Settings, stop: threading.Event) -> None:
    OutboxRelay(make_engine(settings.database_url), settings.kafka_bootstrap).run(stop)


def consumer_for(definition: ServiceDefinition, settings: Settings, **kwargs: Any) -> InboxConsumer:
    assert definition.handlers is not None, f"{definition.name} consumes no events"
    return InboxConsumer(
        session_factory=make_session_factory(make_engine(settings.database_url)),
        bootstrap=settings.kafka_bootstrap,
        group=settings.consumer_group,
        topics=[settings.topic_of(service) for service in definition.consumes],
        handlers=definition.handlers(settings),
        batch_handlers=definition.batch_handlers(settings) if definition.batch_handlers else None,
        stall_after_s=stall_after_s(),
        **kwargs,
    )


def _probe_option(definition: ServiceDefinition, process: str, argv: list[str]) -> str | None:
    parser = argparse.ArgumentParser(prog=f"lms.{definition.name} {process}")
    parser.add_argument("--probe", metavar="HOST:PORT", help="serve /healthz, /readyz and /metrics there")
    return probe_bind(parser.parse_args(argv).probe)


def _consume(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    bind = _probe_option(definition, "consume", argv)
    consumer = consumer_for(definition, settings)
    readiness = {
        "database": database_check(make_engine(settings.database_url)),
        "consumer": consumer.liveness.check,
    }
    with serving_probe(bind, settings, readiness):
        consumer.run(stop_on_signals())
    return 0


def _worker(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    """The relay, the consumer (when the service consumes) and its loops in one process."""
    bind = _probe_option(definition, "worker", argv)
    loops: dict[str, Loop] = {"relay": partial(_relay_until, settings)} if definition.outbox else {}
    readiness: dict[str, Check] = {"database": database_check(make_engine(settings.database_url))}
    if definition.handlers is not None:
        consumer = consumer_for(definition, settings)
        loops["consume"] = consumer.run
        readiness["consumer"] = consumer.liveness.check
    loops |= {name: partial(loop, settings) for name, loop in definition.loops.items()}
    with serving_probe(bind, settings, readiness):
        return run_side_by_side(loops, stop_on_signals())


def _migrate(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"lms.{definition.name} migrate")
    parser.add_argument("--make", metavar="MESSAGE", help="autogenerate a new revision")
    args = parser.parse_args(argv)
    if settings.database_url.startswith("sqlite:///"):
        Path(settings.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if args.make:
        make_revision(settings.database_url, definition.migrations, args.make)
    else:
        upgrade(settings.database_url, definition.migrations)
    return 0


def _dlq(definition: ServiceDefinition, settings: Settings, argv: list[str]) -> int:
    """`dlq list|redrive [--event-id ID]` over every DLQ topic of this service's group."""
    topics = [dlq_topic(settings.topic_of(s), settings.consumer_group) for s in definition.consumes]
    if not argv or argv[0] not in ("list", "redrive"):
        print("usage: dlq list|redrive [--event-id ID]\n  topics: " + ", ".join(topics), file=sys.stderr)
        return 2
    codes = [dlq.main([argv[0], topic, *argv[1:]], bootstrap=settings.kafka_bootstrap) for topic in topics]
    return max(codes, default=0)  # a redrive that could not publish a letter fails the command
