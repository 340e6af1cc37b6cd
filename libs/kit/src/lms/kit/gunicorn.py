"""Serve a Flask app factory with gunicorn from Python (no config file).

The listening socket uses plain `SO_REUSEADDR` (gunicorn's default), never `SO_REUSEPORT`,
which would let any other process of the same user bind the same port and take a share of
the traffic. The problem `SO_REUSEPORT` once papered over, workers of a SIGKILLed master
holding the port, is solved at its root: on Linux each worker asks the kernel to SIGKILL it
when its master dies (`PR_SET_PDEATHSIG`), so the port is free as soon as the master is
gone; elsewhere gunicorn's own parent check ends orphans within a second or so.

Metrics: before forking, the master puts prometheus_client in multiprocess mode over a directory
of its own (`PROMETHEUS_MULTIPROC_DIR` when the environment sets it, else `metrics_dir`, else
`<LMS_RUN_DIR>/metrics/web-<pid>`), emptied at start and removed at exit when it was not the
environment's, so `/metrics` sums every worker whichever one answers (`lms.kit.metrics`,
decision 0078).

No control socket: gunicorn's default puts every master of a user at one path
(`~/.gunicorn/gunicorn.ctl`), so each service's web process (and every test server) would unlink
and rebind the others', and `gunicornc` would steer whichever master bound it last.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn import util
from gunicorn.app.base import BaseApplication

from lms.kit import metrics
from lms.kit.process import settle_collector
from lms.kit.web.problems import PROBLEM_JSON, TYPE_BASE

PR_SET_PDEATHSIG = 1


class _Server(BaseApplication):
    def __init__(self, factory: Callable[[], Flask], options: dict[str, Any]):
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.factory()


def die_with_master(server: Any, worker: Any) -> None:
    """gunicorn `post_fork` hook: this worker is killed by the kernel when its master dies."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols include libc's prctl
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        server.log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
    if os.getppid() != server.pid:  # the master died before the request took effect
        os._exit(1)


def serve(
    factory: Callable[[], Flask],
    *,
    bind: str,
    workers: int = 2,
    threads: int = 4,
    metrics_dir: Path | None = None,
) -> None:
    """gthread workers keep connections alive, which the gateway's upstream pool relies on."""
    chosen = os.environ.get(metrics.MULTIPROCESS_DIR)
    run_dir = Path(os.environ.get("LMS_RUN_DIR", ".run"))
    directory = Path(chosen) if chosen else metrics.own_directory(metrics_dir or run_dir / "metrics" / "web")
    metrics.count_across_processes(directory)
    _Server(
        factory,
        {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "keepalive": 30,
            "reuse_port": False,
            "control_socket_disable": True,
            "post_fork": die_with_master,
            "graceful_timeout": 10,
            "timeout": 60,
            "accesslog": None,
            "post_worker_init": _worker_ready,
            "child_exit": lambda _server, worker: metrics.process_gone(worker.pid),
            "on_exit": lambda _server: None if chosen else metrics.remove_directory(directory),
        },
    ).run()


def _worker_ready(worker: object) -> None:
    """gunicorn `post_worker_init` hook: the app is loaded in this worker."""
    answer_refusals_as_problems(worker)
    settle_collector()


def answer_refusals_as_problems(_worker: object) -> None:
    """gunicorn hook: what gunicorn refuses itself (414, 431, 400, ...) is problem+json, not HTML."""
    util.write_error = write_problem  # gunicorn's workers look the writer up at each refusal


def write_problem(sock: socket.socket, status: int, reason: str, message: str) -> None:
    """Send an RFC 9457 problem and close: the replacement for gunicorn's HTML error page."""
    body = json.dumps(
        {
            "type": TYPE_BASE + reason.lower().replace(" ", "-").replace("'", ""),
            "title": reason,
            "status": status,
            "detail": message or reason,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM_JSON}\r\n"
        f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)
