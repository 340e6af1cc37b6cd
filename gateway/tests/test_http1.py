"""The upstream HTTP/1.1 client: framing, keep-alive reuse, stale connections, bad answers."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from lms.gateway.http1 import Pool
from lms.gateway.routing import Upstream
from lms.gateway.upstream import UpstreamClient
from lms.gateway.wire import BadResponse
from lms.kit.web import Problem


class Scripted:
    """A raw upstream answering each request with the next scripted bytes (close after if asked)."""

    def __init__(self, answers: list[tuple[bytes, bool]]) -> None:
        self.answers = answers
        self.connections = 0
        self.requests: list[bytes] = []

    def serve(self, sock: socket.socket) -> None:
        while self.answers:
            with contextlib.suppress(OSError):
                conn, _ = sock.accept()
                self.connections += 1
                threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            buffer = b""
            while self.answers:
                while b"\r\n\r\n" not in buffer:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                self.requests.append(head)
                answer, close = self.answers.pop(0)
                conn.sendall(answer)
                if close:
                    return


@contextlib.contextmanager
def scripted(*answers: bytes | tuple[bytes, bool]) -> Iterator[tuple[Scripted, str]]:
    script = Scripted([a if isinstance(a, tuple) else (a, False) for a in answers])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.settimeout(0.2)
        thread = threading.Thread(target=script.serve, args=(sock,), daemon=True)
        thread.start()
        yield script, f"http://127.0.0.1:{sock.getsockname()[1]}"
        script.answers.clear()
        thread.join(2)


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Thing: a\r\n\r\nhello"
CHUNKED = (
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
)
HEAD_ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"
NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"


def call(pool: Pool, method: str = "GET", body: bytes | None = None) -> tuple[int, bytes, dict[str, str]]:
    response = pool.request(method, "/p?q=1", {"Accept": "*/*"}, body, 2.0)
    try:
        return response.status, response.read(), response.fields
    finally:
        response.release()


def pool_for(url: str) -> Pool:
    return Pool(url, maxsize=4, connect_s=1.0, read_s=2.0)


def test_content_length_and_chunked_bodies_are_framed_and_the_connection_reused():
    with scripted(OK, CHUNKED, OK) as (script, url):
        pool = pool_for(url)
        assert call(pool)[:2] == (200, b"hello")
        _status, body, fields = call(pool)
        assert body == b"hello world"
        assert fields["transfer-encoding"] == "chunked"
        assert call(pool)[1] == b"hello"
        assert script.connections == 1
        assert script.requests[0].startswith(b"GET /p?q=1 HTTP/1.1\r\nHost: 127.0.0.1:")
        assert script.requests[0].endswith(b"\r\nAccept: */*")


def test_a_body_until_close_is_read_whole_and_the_connection_not_reused():
    with scripted((b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it", True), OK) as (script, url):
        pool = pool_for(url)
        assert call(pool)[1] == b"all of it"
        assert call(pool)[1] == b"hello"
        assert script.connections == 2


def test_head_and_204_have_no_body_and_bodies_carry_a_length():
    with scripted(
        b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", b"HTTP/1.1 204 No Content\r\n\r\n", OK
    ) as (script, url):
        pool = pool_for(url)
        assert call(pool, "HEAD")[:2] == (200, b"")
        assert call(pool, "DELETE")[:2] == (204, b"")
        assert call(pool, "POST", b'{"a": 1}')[0] == 200
        assert b"Content-Length: 8" in script.requests[-1]
        assert script.connections == 1


def test_a_pooled_connection_the_server_closed_is_replaced_before_use():
    with scripted((OK, True), OK) as (script, url):
        pool = pool_for(url)
        call(pool)
        time.sleep(0.1)  # the server's close arrives while the connection is idle
        assert call(pool)[1] == b"hello"
        assert script.connections == 2


def test_a_connection_closed_as_it_is_reused_is_retried_on_a_fresh_one_when_safe():
    with scripted(OK, (b"", True), OK, (b"", True)) as (script, url):
        upstream = Upstream("svc", url)
        client = UpstreamClient([upstream], connect_s=1, read_s=2, pool_size=2)
        client.fetch(upstream, "/", 1.0)
        assert client.fetch(upstream, "/", 1.0) == (200, b"hello")
        assert script.connections == 2
        with pytest.raises(Problem) as caught:
            client.send(upstream, "POST", "/", {}, b"{}", retry=False)
        assert caught.value.status == 502


def test_a_request_that_may_not_be_retried_never_rides_a_pooled_connection():
    with scripted(OK, OK, OK) as (script, url):
        upstream = Upstream("svc", url)
        client = UpstreamClient([upstream], connect_s=1, read_s=2, pool_size=2)
        client.fetch(upstream, "/", 1.0)  # leaves a keep-alive connection in the pool
        response = client.send(upstream, "POST", "/", {}, b"{}", retry=False)
        assert (response.status, response.read()) == (200, b"hello")
        response.release()
        assert script.connections == 2
        assert client.fetch(upstream, "/", 1.0) == (200, b"hello")  # idempotent: rides a pooled one
        assert script.connections == 2


def test_garbled_answers_are_502_problems():
    with scripted(b"SMTP ready\r\n\r\n", b"SMTP ready\r\n\r\n") as (_script, url):
        client = UpstreamClient([Upstream("odd", url)], connect_s=1, read_s=1, pool_size=2)
        with pytest.raises(Problem) as caught:
            client.send(Upstream("odd", url), "GET", "/", {}, retry=True)
        assert caught.value.status == 502


def test_line_breaks_in_headers_are_refused():
    with scripted(OK) as (_script, url), pytest.raises(ValueError, match="line breaks"):
        pool_for(url).request("GET", "/", {"X-Evil": "a\r\nX-Injected: 1"}, None, 1.0)


def test_a_short_body_is_an_error():
    with scripted((b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", True)) as (_script, url):
        response = pool_for(url).request("GET", "/", {}, None, 1.0)
        with pytest.raises(BadResponse):
            response.read()
