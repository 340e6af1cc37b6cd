"""The outbound HTTP client for URLs that users choose (webhooks): SSRF-safe by construction.

One request: parse the URL, resolve its host once, require every answer to be globally
routable (loopback also in dev), connect to the first answer while TLS and the Host header
keep the original name, and read at most `max_bytes` of the reply, all within one deadline.
Redirects are never followed and proxy variables are ignored.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore

from lms.kit.safehttp.addresses import is_allowed, parse
from lms.kit.safehttp.errors import Reason, SafeHttpError, http_reason
from lms.kit.safehttp.pinning import PinnedBackend

Resolver = Callable[[str, int], Sequence[str]]
_dns = ThreadPoolExecutor(max_workers=4, thread_name_prefix="safehttp-dns")


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host`, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class Response:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    @property
    def reason(self) -> str | None:
        """None for 2xx, else `http_<status>`."""
        return http_reason(self.status)


@dataclass(frozen=True)
class SafeClient:
    """Sends requests only to globally routable addresses; see the module docstring."""

    allow_loopback: bool = False
    resolver: Resolver = system_resolver
    max_bytes: int = 64 * 1024
    timeout_s: float = 10.0
    connect_timeout_s: float = 3.0
    ssl_context: ssl.SSLContext | None = None

    @classmethod
    def for_env(cls, env: str, **options: object) -> SafeClient:
        """The client for a process running in `env`: loopback allowed only in dev."""
        return cls(allow_loopback=env == "dev", **options)  # type: ignore[arg-type]

    def refusal(self, url: str) -> Reason | None:
        """Why `url` may not be reached now (checked without connecting), or None."""
        try:
            self.pinned_address(url, time.monotonic() + self.timeout_s)
        except SafeHttpError as exc:
            return exc.reason
        return None

    def post(self, url: str, content: bytes, headers: Iterable[tuple[str, str]] = ()) -> Response:
        """POST `content` to `url`; raises SafeHttpError with a generic reason on failure."""
        return self.request("POST", url, content=content, headers=headers)

    def request(
        self, method: str, url: str, content: bytes = b"", headers: Iterable[tuple[str, str]] = ()
    ) -> Response:
        """Send one request to the pinned address of `url` and read its capped reply."""
        deadline = time.monotonic() + self.timeout_s
        address = self.pinned_address(url, deadline)
        backend = PinnedBackend(address, deadline)
        with httpcore.ConnectionPool(ssl_context=self.ssl_context, network_backend=backend) as pool:
            try:
                return self._exchange(pool, method, url, content, list(headers))
            except httpcore.TimeoutException:
                raise SafeHttpError(Reason.TIMEOUT) from None
            except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol):
                raise SafeHttpError(Reason.BAD_RESPONSE) from None

    def pinned_address(self, url: str, deadline: float) -> str:
        """The one checked address a request to `url` connects to."""
        host, port = _host_and_port(url)
        literal = parse(host)
        answers = [host] if literal else self._resolve(host, port, deadline)
        checked = [parse(answer) for answer in answers]
        if any(ip is None or not is_allowed(ip, self.allow_loopback) for ip in checked):
            raise SafeHttpError(Reason.ADDRESS_NOT_ALLOWED)
        return str(checked[0])

    def _resolve(self, host: str, port: int, deadline: float) -> Sequence[str]:
        future = _dns.submit(self.resolver, host, port)
        try:
            answers = future.result(timeout=max(deadline - time.monotonic(), 0))
        except FutureTimeout:
            raise SafeHttpError(Reason.TIMEOUT) from None
        except Exception:
            raise SafeHttpError(Reason.DNS_FAILED) from None
        if not answers:
            raise SafeHttpError(Reason.DNS_FAILED)
        return answers

    def _exchange(
        self, pool: httpcore.ConnectionPool, method: str, url: str, content: bytes, headers: list
    ) -> Response:
        timeouts = {"connect": self.connect_timeout_s, "read": self.timeout_s, "write": self.timeout_s}
        extensions = {"timeout": {**timeouts, "pool": self.timeout_s}}
        with pool.stream(method, url, headers=headers, content=content, extensions=extensions) as reply:
            body = _read_capped(reply, self.max_bytes)
            return Response(reply.status, list(reply.headers), body)


def _host_and_port(url: str) -> tuple[str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme, 0)
    except ValueError:
        raise SafeHttpError(Reason.INVALID_URL) from None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or not host.isascii():
        raise SafeHttpError(Reason.INVALID_URL)
    return host, port


def _read_capped(reply: httpcore.Response, max_bytes: int) -> bytes:
    declared = dict((k.lower(), v) for k, v in reply.headers).get(b"content-length", b"0")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SafeHttpError(Reason.TOO_LARGE)
    body = bytearray()
    for chunk in reply.iter_stream():
        body += chunk
        if len(body) > max_bytes:
            raise SafeHttpError(Reason.TOO_LARGE)
    return bytes(body)
