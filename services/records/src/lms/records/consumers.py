"""Events this service applies: the xAPI statements progress derives from completions."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import Handler
from lms.kit.outbox import Outbox
from lms.records.service.own_statements import record


def handlers(settings: Settings) -> Mapping[str, Handler]:
    outbox = Outbox(source="/records", topic=settings.topic)
    home_page = os.environ.get("LMS_XAPI_HOMEPAGE", "https://lms.example")
    return {events.STATEMENT_RECORDED.name: partial(record, outbox, home_page)}
