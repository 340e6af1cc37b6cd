"""An httpcore network backend that connects to one address checked beforehand.

httpcore hands the backend the URL's host name; this backend ignores it and connects to
the pinned address, so no second DNS lookup can redirect the connection (DNS rebinding).
TLS still runs against the original name (SNI and certificate check), and the Host header
comes from the URL. Every read, write and handshake is also cut at one overall deadline.
"""

from __future__ import annotations

import ssl
import time
import typing

import httpcore

from lms.kit.safehttp.errors import Reason, SafeHttpError


def _within(deadline: float, timeout: float | None) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise SafeHttpError(Reason.TIMEOUT)
    return remaining if timeout is None else min(timeout, remaining)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by `deadline` (time.monotonic)."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float):
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _within(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _within(self._deadline, timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        try:
            tls = self._inner.start_tls(ssl_context, server_hostname, _within(self._deadline, timeout))
        except httpcore.ConnectTimeout:
            raise SafeHttpError(Reason.TIMEOUT) from None
        except httpcore.ConnectError:
            raise SafeHttpError(Reason.TLS_FAILED) from None
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects every request to `address`, whatever host name httpcore asks for."""

    def __init__(self, address: str, deadline: float, inner: httpcore.NetworkBackend | None = None):
        self.address = address
        self._deadline = deadline
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _within(self._deadline, timeout)
        try:
            stream = self._inner.connect_tcp(self.address, port, timeout, local_address, socket_options)
        except httpcore.ConnectTimeout:
            raise SafeHttpError(Reason.TIMEOUT) from None
        except (httpcore.ConnectError, OSError):
            raise SafeHttpError(Reason.CONNECT_FAILED) from None
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> httpcore.NetworkStream:
        raise SafeHttpError(Reason.CONNECT_FAILED)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)
