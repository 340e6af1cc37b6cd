"""The progress service assembled: its context (the one place settings are read), the hooks that let
lower subdomains tell upper ones, and the web app (`create_app(settings)`)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from flask import Flask
from sqlalchemy import Engine

from lms.kit.access import manager_depth
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.kit.safehttp import SafeClient
from lms.kit.uow import Join, joiner
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import OutboxCollector, database_check, kafka_check
from lms.progress.announcing import Channels, Hooks
from lms.progress.catalog.service.curriculum_reader import CurriculumReader, curriculum_reader
from lms.progress.clock import clock_from_env
from lms.progress.compliance.api import compliance
from lms.progress.compliance.service.cycles import completed_many
from lms.progress.context import Context
from lms.progress.enrolment.api import enrolments
from lms.progress.enrolment.service.statements import XapiIdentity
from lms.progress.hr_sync.api import hr, webhooks, xapi
from lms.progress.hr_sync.service.webhook_fan_out import deliveries_for
from lms.progress.teams.api import teams
from lms.progress.web import install

# Every announced event goes to the webhooks subscribed to it (an announce hook of every unit of
# work); every course completion completes the compliance cycles resting on its enrolment.
HOOKS = Hooks(on_announced=(deliveries_for,), on_completed=(completed_many,))


def create_app(
    settings: Settings,
    environ: Mapping[str, str] | None = None,
    *,
    curriculum: CurriculumReader | None = None,
    outbound: SafeClient | None = None,
) -> Flask:
    """The Flask app of the service; `environ` (default: the process's) holds its settings;
    `curriculum` and `outbound` are for tests."""
    engine = make_engine(settings.database_url)
    environ = os.environ if environ is None else environ
    ctx = context_of(settings, environ, engine=engine, curriculum=curriculum, outbound=outbound)
    return create_service_app(
        settings,
        title="LMS progress",
        blueprints=[enrolments.blp, hr.blp, xapi.blp, webhooks.blp, teams.blp, compliance.blp],
        readiness={"database": database_check(engine), "kafka": kafka_check(settings.kafka_bootstrap)},
        collectors=[OutboxCollector(engine)],
        configure=lambda app: install(app, ctx),
    )


def context_of(
    settings: Settings,
    environ: Mapping[str, str],
    *,
    engine: Engine | None = None,
    curriculum: CurriculumReader | None = None,
    outbound: SafeClient | None = None,
) -> Context:
    """What the use cases need, from the settings and `environ`: `LMS_CURRICULUM_URL` (the
    read-your-writes reader), `LMS_XAPI_*`, `LMS_MANAGER_DEPTH`, `LMS_CLOCK_*` (dev only)."""
    return Context(
        sessions=make_session_factory(engine or make_engine(settings.database_url)),
        outbox=outbox_of(settings),
        hooks=HOOKS,
        env=settings.env,
        curriculum=curriculum or curriculum_reader(environ),
        xapi=XapiIdentity.from_env(settings.env, environ),
        outbound=outbound or SafeClient.for_env(settings.env),
        manager_depth=manager_depth(environ),
        clock=clock_from_env(settings.env, environ),
    )


def channels_of(settings: Settings, environ: Mapping[str, str]) -> Channels:
    """The consumer's (and a rebuild's) channels: the xAPI identity `LMS_XAPI_*` describe, and the
    completion hooks."""
    return Channels(XapiIdentity.from_env(settings.env, environ), HOOKS.on_completed)


def join_of(settings: Settings) -> Join:
    """The live consumer's units: each joins the batch's transaction and announces into this
    service's outbox, with the announce hooks."""
    return joiner(outbox_of(settings), on_announce=HOOKS.on_announced)


def outbox_of(settings: Settings) -> Outbox:
    return Outbox(source="/progress", topic=settings.topic)
