"""Events this service applies: the xAPI statements progress derives from completions, the cmi5
courses curriculum publishes, and the enrolments progress makes (whose, which version)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import Handler
from lms.kit.outbox import Outbox
from lms.records.service.cmi5 import catalog
from lms.records.service.own_statements import record


def handlers(settings: Settings) -> Mapping[str, Handler]:
    outbox = Outbox(source="/records", topic=settings.topic)
    home_page = os.environ.get("LMS_XAPI_HOMEPAGE", "https://lms.example")
    return {
        events.STATEMENT_RECORDED.name: partial(record, outbox, home_page),
        events.COURSE_PUBLISHED.name: catalog.course_published,
        events.ENROLMENT_CREATED.name: catalog.enrolment_created,
        events.ENROLMENT_UPGRADED.name: catalog.enrolment_upgraded,
    }
