"""The progress web app."""

from __future__ import annotations

from flask import Flask

from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_base_app
from lms.kit.web import problem_response
from lms.kit.web.health import OutboxCollector, database_check, kafka_check
from lms.progress.api import enrolments, hr, webhooks
from lms.progress.emitter import Emitter
from lms.progress.errors import Conflict, ProgressError
from lms.progress.service import Progress


def create_app(settings: Settings) -> Flask:
    engine = make_engine(settings.database_url)

    def configure(app: Flask) -> None:
        emitter = Emitter(Outbox(source="/progress", topic=settings.topic))
        app.extensions["progress"] = Progress(make_session_factory(engine), emitter)
        app.register_error_handler(ProgressError, _problem)

    return create_base_app(
        settings,
        title="LMS progress",
        blueprints=[enrolments.blp, hr.blp, webhooks.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=configure,
    )


def _problem(error: ProgressError):
    if isinstance(error, Conflict) and error.body is not None:
        return problem_response(409, str(error), enrolment=error.body, enrolment_id=error.body["id"])
    return problem_response(error.status, str(error))
