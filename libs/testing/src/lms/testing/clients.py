"""What a service's API tests hold in hand: a clock they move and a client that signs in."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from werkzeug.test import TestResponse

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings


class Clock:
    """A clock the test moves forward: `clock.advance(5)` or `clock.advance(days=3)`."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> None:
        with self._lock:
            self.now += timedelta(seconds=seconds, **delta)


class ApiClient:
    """The Flask test client with tokens: `api.post(path, who=("ann", "learner"), json=...)`.

    `who` is the subject then its roles; the token is signed with `jwt`, as the service expects.
    Every JSON reply is kept in `replies` (method, path, body), for walks over all that was shown.
    """

    def __init__(self, app: Flask, jwt: JwtSettings, prefix: str = "/api/v1"):
        self.app = app
        self.jwt = jwt
        self.prefix = prefix
        self.replies: list[tuple[str, str, Any]] = []

    def call(
        self, method: str, path: str, who: tuple[str, ...], headers: dict | None = None, **kwargs: Any
    ) -> TestResponse:
        sub, *roles = who
        token = {"Authorization": "Bearer " + mint_token(self.jwt, sub, roles)}
        client = self.app.test_client()  # one per call: safe from many threads
        reply = client.open(self.prefix + path, method=method, headers={**token, **(headers or {})}, **kwargs)
        if reply.is_json and reply.data:  # a 204 may name JSON and carry nothing
            self.replies.append((method, path, reply.get_json()))
        return reply

    def get(self, path: str, who: tuple[str, ...], **kwargs: Any) -> TestResponse:
        return self.call("GET", path, who, **kwargs)

    def post(self, path: str, who: tuple[str, ...], **kwargs: Any) -> TestResponse:
        return self.call("POST", path, who, **kwargs)

    def put(self, path: str, who: tuple[str, ...], **kwargs: Any) -> TestResponse:
        return self.call("PUT", path, who, **kwargs)

    def patch(self, path: str, who: tuple[str, ...], **kwargs: Any) -> TestResponse:
        return self.call("PATCH", path, who, **kwargs)

    def delete(self, path: str, who: tuple[str, ...], **kwargs: Any) -> TestResponse:
        return self.call("DELETE", path, who, **kwargs)
