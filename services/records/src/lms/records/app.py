"""The records web app: `create_app(settings)`, the xAPI resources at /xapi."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from flask import Flask
from sqlalchemy import Engine

from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory, reader
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check
from lms.records.api import cmi5, documents, resources, statements
from lms.records.api.common import install
from lms.records.domain.cmi5.launch import Places
from lms.records.service.context import Context, utcnow

MAX_BODY_BYTES = 16 * 1024 * 1024  # statements with attachment data


def create_app(settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> Flask:
    """The Flask app of the service (`clock` is for tests)."""
    engine = make_engine(settings.database_url, pool_pre_ping=False)
    ctx = context(engine, settings.topic, clock)

    def configure(app: Flask) -> None:
        install(app, ctx)
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
        for blueprint in (statements.blp, documents.blp, resources.blp):
            app.register_blueprint(blueprint)

    app = create_service_app(
        settings,
        title="LMS records",
        blueprints=[cmi5.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=configure,
    )
    return app


def context(engine: Engine, topic: str, clock: Callable[[], datetime] = utcnow) -> Context:
    """The use cases' context over `engine` (web processes, the consumer and the forwarder share it)."""
    return Context(
        sessions=make_session_factory(engine),
        reads=make_session_factory(reader(engine)),
        outbox=Outbox(source="/records", topic=topic),
        home_page=os.environ.get("LMS_XAPI_HOMEPAGE", "https://lms.example"),
        clock=clock,
        places=places(),
    )


def places() -> Places:
    """`LMS_PUBLIC_URL` (the gateway as browsers reach it) and `LMS_CONTENT_URL` (package files);
    an empty value is the default, as a ConfigMap sets it."""
    public = (os.environ.get("LMS_PUBLIC_URL") or "http://127.0.0.1:8080").rstrip("/")
    return Places(public, (os.environ.get("LMS_CONTENT_URL") or f"{public}/content").rstrip("/"))
