"""`/healthz`, `/readyz` and `/metrics` for the processes that serve no HTTP (consume, worker).

    with serving_probe("0.0.0.0:8080", settings, {"consumer": consumer.liveness.check}):
        consumer.run(stop)

The same views and rules as a web process (`lms.kit.web.health`): anyone sees ready or unready,
admins see each check, `/metrics` answers admin tokens only. A supervisor's readiness probe then
sees a consumer that makes no progress (`lms.kit.liveness`) as unready. Started when the process
is given `--probe HOST:PORT` or `LMS_PROBE_BIND`; a process without either listens nowhere.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from lms.kit.config import Settings
from lms.kit.web import create_app
from lms.kit.web.health import Check

PROBE_BIND_VAR = "LMS_PROBE_BIND"
log = logging.getLogger(__name__)


class _QuietHandler(WSGIRequestHandler):
    """A probe every few seconds is not worth a log line each."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def probe_bind(option: str | None) -> str | None:
    """The address to serve probes on: the command line's, else `LMS_PROBE_BIND`, else none."""
    return option or os.environ.get(PROBE_BIND_VAR) or None


@contextmanager
def serving_probe(
    bind: str | None, settings: Settings, readiness: Mapping[str, Check]
) -> Iterator[int | None]:
    """Serve the health views on `bind` (`host:port`; port 0 picks one) for the block; yields
    the port, or None when `bind` is None and nothing is served."""
    if bind is None:
        yield None
        return
    host, _, port = bind.rpartition(":")
    app = create_app(settings, title=f"LMS {settings.service} probes", readiness=readiness)
    server: BaseWSGIServer = make_server(
        host or "127.0.0.1", int(port), app, threaded=True, request_handler=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, name="probe", daemon=True)
    thread.start()
    log.info("probes on %s:%d", server.host, server.port)
    try:
        yield server.port
    finally:
        server.shutdown()
        server.server_close()
