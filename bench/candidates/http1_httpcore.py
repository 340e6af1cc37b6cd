"""The gateway's upstream client on httpcore: a stand-in for `lms/gateway/http1.py` that
`bench/gateway.py --gateway httpcore=bench/candidates/http1_httpcore.py` runs in a copy of the
gateway, so decision 0077 compares h11 under our pool with httpcore's own pool in one run.

Same interface as http1.py (`Pool.request` -> `Response` with `read`, `stream`, `release`), same
errors (`wire.BadResponse`, `TimeoutError`, `ConnectionRefusedError`, `StaleConnection`).
httpcore frames with h11 as well, so it refuses what h11 refuses; the checks `wire.check_head`
adds cannot be made here, as httpcore never shows the raw head.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpcore

from lms.gateway.wire import NOT_FORWARDED, RECEIVE, BadResponse

MAX_IDLE_S = 15.0


class StaleConnection(ConnectionError):
    """A reused keep-alive connection was closed by the server before it answered."""


def _translated(exc: Exception) -> OSError:
    if isinstance(exc, httpcore.TimeoutException):
        return TimeoutError(str(exc))
    if isinstance(exc, httpcore.ConnectError):
        return ConnectionRefusedError(str(exc))
    if isinstance(exc, httpcore.RemoteProtocolError):
        return BadResponse(f"malformed answer: {exc}")
    return ConnectionResetError(str(exc))


class Response:
    def __init__(self, answer: httpcore.Response) -> None:
        self.answer = answer
        self.status = answer.status
        self.headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in answer.headers]
        self.fields = {name.lower(): value for name, value in self.headers}

    def header(self, name: str) -> str | None:
        return self.fields.get(name)

    def read(self) -> bytes:
        return b"".join(self.stream(RECEIVE))

    def stream(self, size: int) -> Iterator[bytes]:
        try:
            yield from self.answer.iter_stream()
        except httpcore.NetworkError as exc:
            raise _translated(exc) from None
        except httpcore.ProtocolError as exc:
            raise _translated(exc) from None
        except httpcore.TimeoutException as exc:
            raise _translated(exc) from None

    def release(self) -> None:
        self.answer.close()


class Pool:
    def __init__(self, url: str, *, maxsize: int, connect_s: float, read_s: float) -> None:
        self.url = url.rstrip("/")
        self.host = urlsplit(url).netloc.encode("latin-1")
        self.connect_s = connect_s
        self.read_s = read_s
        self.https = url.startswith("https")
        options = {"ssl_context": ssl.create_default_context()} if self.https else {}
        self._pool = httpcore.ConnectionPool(
            max_connections=None, max_keepalive_connections=maxsize, keepalive_expiry=MAX_IDLE_S, **options
        )
        self._fresh = httpcore.ConnectionPool(max_connections=None, max_keepalive_connections=0, **options)

    def request(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | None,
        read_s: float | None = None,
        fresh: bool = False,
    ) -> Response:
        fields = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        fields = [(k, v) for k, v in fields if k.decode().lower() not in NOT_FORWARDED]
        fields.append((b"Host", self.host))
        if body is not None:
            fields.append((b"Content-Length", str(len(body)).encode()))
        timeout = {"connect": self.connect_s, "read": read_s or self.read_s, "write": read_s or self.read_s}
        request = httpcore.Request(
            method, self.url + target, headers=fields, content=body or b"", extensions={"timeout": timeout}
        )
        try:
            return Response((self._fresh if fresh else self._pool).handle_request(request))
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.TimeoutException) as exc:
            raise _translated(exc) from None

    def close(self) -> None:
        self._pool.close()
        self._fresh.close()
