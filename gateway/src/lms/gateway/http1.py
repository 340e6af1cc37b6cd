"""The gateway's HTTP/1.1 client for its own upstreams: pooled keep-alive sockets, the request
written with one `sendall`, the framing done by h11 (`lms.gateway.wire`; decision 0077).
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

from lms.gateway.wire import RECEIVE, BadResponse, Wire

MAX_IDLE_S = 15.0  # below the keep-alive timeouts of gunicorn (kit: 30 s) and common proxies


class StaleConnection(ConnectionError):
    """A reused keep-alive connection was closed by the server before it answered."""


class Response:
    """Status, headers and an unread body; `release()` when done (after `read()` or `stream()`)."""

    def __init__(self, connection: Connection, pool: Pool, status: int, headers: list[tuple[str, str]]):
        self.connection = connection
        self.pool = pool
        self.status = status
        self.headers = headers
        self.fields = {name.lower(): value for name, value in headers}
        self._done = False

    def header(self, name: str) -> str | None:
        return self.fields.get(name)

    def read(self) -> bytes:
        return b"".join(self.stream(RECEIVE))

    def stream(self, size: int) -> Iterator[bytes]:
        """The body in pieces of at most `size` bytes (chunked encoding decoded)."""
        yield from self.connection.wire.receive_body(size)
        self._done = True

    def release(self) -> None:
        """Return the connection to the pool when the body was read to the end, else close it."""
        self.pool.put(self.connection, reusable=self._done and self.connection.wire.ready_for_next())


class Connection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.wire = Wire(sock)
        self.reused = False
        self.idle_since = 0.0

    def usable(self, now: float) -> bool:
        """Still open on the server's side (nothing to read yet) and not idle for too long."""
        if now - self.idle_since > MAX_IDLE_S:
            return False
        poller = select.poll()
        poller.register(self.sock, select.POLLIN)
        return not poller.poll(0)  # readable while idle means EOF (or junk): the server is done with it

    def close(self) -> None:
        self.sock.close()


class Pool:
    """Keep-alive connections to one upstream (at most `maxsize` kept idle)."""

    def __init__(self, url: str, *, maxsize: int, connect_s: float, read_s: float) -> None:
        parts = urlsplit(url)
        self.https = parts.scheme == "https"
        self.address = (parts.hostname or "127.0.0.1", parts.port or (443 if self.https else 80))
        self.host_header = parts.netloc
        self.maxsize = maxsize
        self.connect_s = connect_s
        self.read_s = read_s
        self._idle: list[Connection] = []
        self._lock = threading.Lock()
        self._tls = ssl.create_default_context() if self.https else None

    def request(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | None,
        read_s: float | None = None,
        fresh: bool = False,
    ) -> Response:
        """Send the request and read the final response head (raises OSError subclasses on failure:
        `BadResponse` for a malformed answer, `StaleConnection` when a reused one was closed)."""
        connection = self._connect() if fresh else self._get()
        try:
            connection.sock.settimeout(read_s or self.read_s)
            connection.wire.send(method, target, self.host_header, headers, body)
            status, fields = connection.wire.receive_head()
        except BadResponse:
            connection.close()
            raise
        except ConnectionError as exc:
            connection.close()
            raise StaleConnection(str(exc)) if connection.reused else exc from None
        except BaseException:
            connection.close()
            raise
        return Response(connection, self, status, fields)

    def put(self, connection: Connection, *, reusable: bool) -> None:
        with self._lock:
            if reusable and len(self._idle) < self.maxsize:
                connection.reused = True
                connection.idle_since = time.monotonic()
                self._idle.append(connection)
                return
        connection.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def _get(self) -> Connection:
        now = time.monotonic()
        while True:
            with self._lock:
                connection = self._idle.pop() if self._idle else None
            if connection is None:
                return self._connect()
            if connection.usable(now):
                return connection
            connection.close()

    def _connect(self) -> Connection:
        sock = socket.create_connection(self.address, timeout=self.connect_s)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self._tls is not None:
            sock = self._tls.wrap_socket(sock, server_hostname=self.address[0])
        return Connection(sock)
