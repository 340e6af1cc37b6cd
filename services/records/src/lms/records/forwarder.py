"""The `forward` process: statements to an outside LRS, batch after batch, until SIGTERM.

Configured by `LMS_XAPI_FORWARD_URL` (the outside LRS's endpoint, e.g. `https://lrs.example/xAPI`;
unset: the process idles), `LMS_XAPI_FORWARD_USER` / `LMS_XAPI_FORWARD_PASSWORD` (HTTP Basic),
`LMS_XAPI_FORWARD_VERSION` (default 1.0.3), `LMS_XAPI_FORWARD_BATCH` (default 100) and
`LMS_XAPI_FORWARD_INTERVAL_S` (the wait when nothing is new, default 1). A refused or failed
batch is retried with back-off, from 1 s up to 60 s.
"""

from __future__ import annotations

import base64
import logging
import os
import threading
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from lms.kit.config import Settings
from lms.kit.db import make_engine
from lms.kit.process import stop_on_signals
from lms.records.app import context
from lms.records.service.forwarding import Refused, Target, forward_batch

log = logging.getLogger(__name__)
MAX_BACKOFF_S = 60.0


def target_from(environ: Mapping[str, str]) -> Target | None:
    url = environ.get("LMS_XAPI_FORWARD_URL", "").strip()
    if not url:
        return None
    user, password = environ.get("LMS_XAPI_FORWARD_USER", ""), environ.get("LMS_XAPI_FORWARD_PASSWORD", "")
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    return Target(
        name=(urlsplit(url).netloc + urlsplit(url).path)[:200],  # the cursor's key
        endpoint=url,
        authorization=f"Basic {credentials}",
        version=environ.get("LMS_XAPI_FORWARD_VERSION", "1.0.3"),
        batch=int(environ.get("LMS_XAPI_FORWARD_BATCH", "100")),
    )


def forward(settings: Settings, argv: list[str]) -> int:
    """`python -m lms.records forward`."""
    forward_until(settings, stop_on_signals())
    return 0


def forward_until(settings: Settings, stop: threading.Event) -> None:
    target = target_from(os.environ)
    if target is None:
        log.info("LMS_XAPI_FORWARD_URL is not set: nothing to forward")
        stop.wait()
        return
    ctx = context(make_engine(settings.database_url), settings.topic)
    interval = float(os.environ.get("LMS_XAPI_FORWARD_INTERVAL_S", "1"))
    backoff = 1.0
    with httpx.Client(timeout=30) as client:

        def send(url: str, body: bytes, headers: dict[str, str]) -> int:
            return client.post(url, content=body, headers=headers).status_code

        while not stop.is_set():
            try:
                sent = forward_batch(ctx, target, send)
                backoff = 1.0
                if not sent:
                    stop.wait(interval)
            except (Refused, httpx.HTTPError) as exc:
                log.warning("forwarding to %s failed (%s); retrying in %.0f s", target.name, exc, backoff)
                stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
