"""Serve a Flask app factory with gunicorn from Python (no config file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


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


def serve(factory: Callable[[], Flask], *, bind: str, workers: int = 2, threads: int = 4) -> None:
    """gthread workers keep connections alive, which the gateway's upstream pool relies on."""
    _Server(
        factory,
        {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "keepalive": 30,
            # a restarted master binds even while workers of a killed one still hold the port
            "reuse_port": True,
            "graceful_timeout": 10,
            "timeout": 60,
            "accesslog": None,
        },
    ).run()
