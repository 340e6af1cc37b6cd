"""The people web app: `create_app(settings)`, SCIM 2.0 at /scim/v2."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from flask import Flask

from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check
from lms.people.api import discovery, scim  # noqa: F401  (discovery adds its views to scim.blp)
from lms.people.service.context import Context, utcnow


def create_app(settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> Flask:
    """The Flask app of the service (`clock` is for tests)."""
    engine = make_engine(settings.database_url, pool_pre_ping=False)
    ctx = Context(
        sessions=make_session_factory(engine),
        outbox=Outbox(source="/people", topic=settings.topic),
        clock=clock,
        identity_claim=os.environ.get("LMS_IDENTITY_CLAIM", "sub"),
    )

    def configure(app: Flask) -> None:
        app.extensions["lms.people"] = ctx
        app.register_blueprint(scim.blp)

    return create_service_app(
        settings,
        title="LMS people",
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=configure,
    )
