"""The curriculum web app."""

from __future__ import annotations

from flask import Flask

from lms.curriculum.api import courses, packages
from lms.curriculum.cache import JsonCache
from lms.curriculum.errors import CurriculumError, Unpublishable
from lms.curriculum.service import Curriculum
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_base_app
from lms.kit.web import problem_response
from lms.kit.web.health import OutboxCollector, database_check, kafka_check


def create_app(settings: Settings) -> Flask:
    engine = make_engine(settings.database_url)

    def configure(app: Flask) -> None:
        app.extensions["curriculum"] = Curriculum(
            make_session_factory(engine), Outbox(source="/curriculum", topic=settings.topic)
        )
        app.extensions["curriculum.cache"] = JsonCache()
        app.register_error_handler(CurriculumError, _problem)

    return create_base_app(
        settings,
        title="LMS curriculum",
        blueprints=[courses.blp, packages.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=configure,
    )


def _problem(error: CurriculumError):
    if isinstance(error, Unpublishable):
        return problem_response(422, str(error), title="The draft cannot be published", errors=error.problems)
    return problem_response(error.status, str(error))
