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
from lms.progress.catalog.service.curriculum_reader import CurriculumReader
from lms.progress.clock import clock_from_env
from lms.progress.compliance.api import compliance
from lms.progress.context import Context
from lms.progress.enrolment.api import enrolments
from lms.progress.enrolment.service.statements import XapiIdentity
from lms.progress.hr_sync.api import hr, webhooks, xapi
from lms.progress.teams.api import teams
from lms.progress.web import install


def create_app(
    settings: Settings, *, curriculum: CurriculumReader | None = None, outbound: SafeClient | None = None
) -> Flask:
    """The Flask app of the service (`curriculum`, `outbound` for tests; else from the settings)."""
    engine = make_engine(settings.database_url)
    curriculum_url = os.environ.get("LMS_CURRICULUM_URL")
    ctx = Context(
        sessions=make_session_factory(engine),
        outbox=Outbox(source="/progress", topic=settings.topic),
        env=settings.env,
        curriculum=curriculum or (CurriculumReader(curriculum_url) if curriculum_url else None),
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
