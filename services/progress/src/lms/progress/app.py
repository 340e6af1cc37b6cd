"""The progress web app: `create_app(settings)`."""

from __future__ import annotations

import os

from flask import Flask

from lms.kit.access import manager_depth
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.safehttp import SafeClient
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check
from lms.progress.api import compliance, enrolments, hr, teams, webhooks, xapi
from lms.progress.api.common import install
from lms.progress.clock import clock_from_env
from lms.progress.service.context import Context
from lms.progress.service.curriculum import CurriculumReader, curriculum_reader
from lms.progress.service.xapi_store import XapiIdentity


def create_app(
    settings: Settings, *, curriculum: CurriculumReader | None = None, outbound: SafeClient | None = None
) -> Flask:
    """The Flask app of the service (`curriculum`, `outbound` for tests; else from the settings)."""
    engine = make_engine(settings.database_url)
    ctx = Context(
        sessions=make_session_factory(engine),
        outbox=Outbox(source="/progress", topic=settings.topic),
        env=settings.env,
        curriculum=curriculum or curriculum_reader(os.environ),
        xapi=XapiIdentity.from_env(settings.env),
        outbound=outbound or SafeClient.for_env(settings.env),
        manager_depth=manager_depth(),
        clock=clock_from_env(settings.env),
    )
    return create_service_app(
        settings,
        title="LMS progress",
        blueprints=[enrolments.blp, hr.blp, xapi.blp, webhooks.blp, teams.blp, compliance.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=lambda app: install(app, ctx),
    )
