"""The insights web app: `create_app(settings)`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Flask

from lms.insights.api import dashboard, kpis, needs_analyses
from lms.insights.api.common import install
from lms.insights.service.context import Context, thresholds_from, utcnow
from lms.kit.access import manager_depth
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check


def make_context(settings: Settings, clock: Callable[[], datetime] = utcnow) -> Context:
    """The use cases' context; refuses to start when the minimum group size is set too low."""
    engine = make_engine(settings.database_url)
    return Context(
        sessions=make_session_factory(engine),
        outbox=Outbox(source="/insights", topic=settings.topic),
        thresholds=thresholds_from(),
        clock=clock,
        manager_depth=manager_depth(),
    )


def create_app(settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> Flask:
    """The Flask app of the service (`clock` is for tests)."""
    ctx = make_context(settings, clock)
    engine = ctx.sessions.kw["bind"]
    return create_service_app(
        settings,
        title="LMS insights",
        blueprints=[needs_analyses.blp, kpis.blp, dashboard.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=lambda app: (install(app, ctx), dashboard.install(app)),
    )
