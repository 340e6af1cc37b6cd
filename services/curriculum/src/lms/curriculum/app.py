"""The curriculum web app: `create_app(settings)`."""

from __future__ import annotations

import os
from collections.abc import Mapping

from flask import Flask

from lms.curriculum.api import cmi5_packages, collaborators, content, courses, modules, packages
from lms.curriculum.api.common import install
from lms.curriculum.service.assessment_lookup import AssessmentLookup
from lms.curriculum.service.content_store import content_store
from lms.curriculum.service.context import Context
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check

DEFAULT_ASSESSMENT_URL = "http://127.0.0.1:8102"


def create_app(settings: Settings, environ: Mapping[str, str] | None = None) -> Flask:
    """The Flask app of the service; `environ` (default: the process's) names the assessment service."""
    engine = make_engine(settings.database_url)
    ctx = Context(
        sessions=make_session_factory(engine),
        outbox=Outbox(source="/curriculum", topic=settings.topic),
        lookup=assessment_lookup(os.environ if environ is None else environ),
    )
    return create_service_app(
        settings,
        title="LMS curriculum",
        blueprints=[courses.blp, modules.blp, collaborators.blp, packages.blp, cmi5_packages.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=lambda app: _configure(app, ctx, environ),
    )


def _configure(app: Flask, ctx: Context, environ: Mapping[str, str] | None) -> None:
    install(app, ctx)
    app.extensions["lms.content"] = content_store(os.environ if environ is None else environ)
    app.register_blueprint(content.blp)


def assessment_lookup(env: Mapping[str, str]) -> AssessmentLookup | None:
    """`LMS_ASSESSMENT_URL` (`off` disables the read), `LMS_ASSESSMENT_TIMEOUT` in seconds (2)."""
    url = env.get("LMS_ASSESSMENT_URL", DEFAULT_ASSESSMENT_URL)
    if url.lower() in ("", "off"):
        return None
    return AssessmentLookup(url, float(env.get("LMS_ASSESSMENT_TIMEOUT", "2")))
