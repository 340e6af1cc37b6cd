"""How the gateway reads its upstreams' answers: interim 1xx responses are skipped, anything not
framed as RFC 9112 asks is a 502 problem and the connection it came on is closed, never reused.

Each case runs against a raw upstream: a loopback socket that answers with exactly the bytes the
case needs, whatever a real server would have made of them.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from lms.testing.gateway.helpers import assert_problem, bearer

OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
CHUNKED = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"


class RawUpstream:
    """Answers the n-th request it reads with `answers[n]`, byte for byte; notes how many
    connections the gateway opened and whether the gateway closed one."""

    def __init__(self, answers: list[bytes]) -> None:
        self.answers = answers
        self.connections = 0
        self.requests: list[bytes] = []
        self.closed_by_gateway = threading.Event()
        self._open: list[socket.socket] = []

    def serve(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                conn, _ = listener.accept()
                self.connections += 1
                self._open.append(conn)
                threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        try:
            self._answer(conn)
        except (ConnectionResetError, BrokenPipeError):
            # the gateway closed with our bytes still unread: its kernel resets rather than ends
            self.closed_by_gateway.set()
        except OSError:
            pass  # the test closed it

    def _answer(self, conn: socket.socket) -> None:
        buffer = b""
        while True:
            while b"\r\n\r\n" not in buffer:
                data = conn.recv(65536)
                if not data:
                    self.closed_by_gateway.set()
                    return
                buffer += data
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            length = _content_length(head)
            while len(buffer) < length:
                buffer += conn.recv(65536)
            self.requests.append(head)
            buffer = buffer[length:]
            conn.sendall(self.answers.pop(0) if self.answers else b"")

    def close(self) -> None:
        for conn in self._open:
            conn.close()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


@contextlib.contextmanager
def raw_upstream(*answers: bytes) -> Iterator[tuple[RawUpstream, str]]:
    upstream = RawUpstream(list(answers))
    stop = threading.Event()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.2)
        thread = threading.Thread(target=upstream.serve, args=(listener, stop), daemon=True)
        thread.start()
        try:
            yield upstream, f"http://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            stop.set()
            thread.join(5)
            upstream.close()


@pytest.fixture
def through(make_gateway):
    """`through(*answers)`: a test client of a gateway routing /api/v1/raw to a raw upstream."""

    @contextlib.contextmanager
    def gateway_over(*answers: bytes) -> Iterator[tuple[RawUpstream, object]]:
        with raw_upstream(*answers) as (upstream, url):
            yield upstream, make_gateway({"/api/v1/raw": url}).test_client()

    return gateway_over


def test_interim_responses_are_skipped_and_the_connection_stays_in_step(through):
    continued = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nfirst"
    hinted = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" + OK
    third = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nthird"
    with through(continued, hinted, third) as (upstream, client):
        first = client.post("/api/v1/raw/a", headers=bearer(), json={"n": 1})
        assert (first.status_code, first.data) == (201, b"first")
        second = client.get("/api/v1/raw/b", headers=bearer())
        assert (second.status_code, second.data) == (200, b"hello")
        assert "Link" not in second.headers, "an interim response's fields are not the final one's"
        third = client.get("/api/v1/raw/c", headers=bearer())
        assert (third.status_code, third.data) == (200, b"third"), "each request gets its own answer"
        assert upstream.connections == 1, "one keep-alive connection carried all three"


def test_the_gateway_never_asks_an_upstream_to_continue(through):
    with through(OK) as (upstream, client):
        client.post("/api/v1/raw/a", headers={**bearer(), "Expect": "100-continue"}, json={"n": 1})
    assert b"expect" not in upstream.requests[0].lower()


def test_field_values_beyond_ascii_are_forwarded_byte_for_byte(through):
    """WSGI hands over field values as Latin-1 text: UTF-8 from the client goes on unchanged."""
    utf8_as_wsgi_has_it = "Ren\u00c3\u00a9e"  # b"Ren\xc3\xa9e" read as Latin-1
    with through(OK) as (upstream, client):
        response = client.get("/api/v1/raw/a", headers={**bearer(), "X-Display-Name": utf8_as_wsgi_has_it})
        assert response.status_code == 200
    assert b"\r\nX-Display-Name: Ren\xc3\xa9e" in upstream.requests[0]


def test_a_field_that_cannot_be_written_as_http_is_a_400_and_goes_nowhere(through):
    with through(OK) as (upstream, client):
        response = client.get("/api/v1/raw/a", headers={**bearer(), "X-Note": "a\x00b"})
        body = assert_problem(response, 400)
        assert "cannot be forwarded" in body["detail"]
    assert upstream.requests == []


MALFORMED = {
    "chunk size 0x3": CHUNKED + b"0x3\r\nabc\r\n0\r\n\r\n",
    "chunk size -1": CHUNKED + b"-1\r\nabc\r\n0\r\n\r\n",
    "chunk size 1_0": CHUNKED + b"1_0\r\n0123456789abcdef\r\n0\r\n\r\n",
    "chunk size +3": CHUNKED + b"+3\r\nabc\r\n0\r\n\r\n",
    "chunk data longer than its size": CHUNKED + b"3\r\nabcdef\r\n0\r\n\r\n",
    "Content-Length -5": b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello",
    "Content-Length +5": b"HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello",
    "Content-Length twice": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
    "Content-Length as a list": b"HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello",
    "conflicting Content-Lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "Transfer-Encoding with Content-Length": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    ),
    "a coding other than chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    ),
    "space before the colon": b"HTTP/1.1 200 OK\r\nName : x\r\nContent-Length: 5\r\n\r\nhello",
    "folded header line": b"HTTP/1.1 200 OK\r\nX-Note: a\r\n  b\r\nContent-Length: 5\r\n\r\nhello",
    "bare LF line ends": b"HTTP/1.1 200 OK\nContent-Length: 5\n\nhello",
    "bare CR in a field": b"HTTP/1.1 200 OK\r\nX-Note: a\rb\r\nContent-Length: 5\r\n\r\nhello",
    "NUL in a field": b"HTTP/1.1 200 OK\r\nX-Note: a\x00b\r\nContent-Length: 5\r\n\r\nhello",
    "head over 64 KiB": (
        b"HTTP/1.1 200 OK\r\n"
        + b"".join(b"X-Pad-%d: %s\r\n" % (n, b"p" * 1000) for n in range(80))
        + b"Content-Length: 5\r\n\r\nhello"
    ),
    "HTTP/2.0 on an HTTP/1.1 connection": b"HTTP/2.0 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    "two-digit status": b"HTTP/1.1 20 OK\r\nContent-Length: 5\r\n\r\nhello",
    "interim answers without end": b"HTTP/1.1 100 Continue\r\n\r\n" * 4000,
    "protocol switch nobody asked for": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n" + OK,
    "not HTTP at all": b"SMTP ready\r\n\r\n",
}


@pytest.mark.parametrize("answer", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_answer_is_a_502_problem_and_its_connection_is_closed(through, answer):
    with through(answer, OK, OK) as (upstream, client):
        body = assert_problem(client.get("/api/v1/raw/x", headers=bearer()), 502)
        assert "malformed" in body["detail"]
        assert upstream.closed_by_gateway.wait(10), "the gateway closed the connection it came on"
        assert upstream.connections == 1, "a malformed answer is not asked for again"
        after = client.get("/api/v1/raw/y", headers=bearer())
        assert (after.status_code, after.data) == (200, b"hello")
        assert upstream.connections == 2, "the next request goes out on a new connection"


def test_a_body_malformed_past_what_the_gateway_reads_ahead_cuts_the_clients_connection(through):
    """Up to 256 KiB of a body is read before the status goes out (so a fault there is a 502);
    past that the body streams, and a fault can only end the stream without its last chunk."""
    big = b"x" * (300 * 1024)
    broken = CHUNKED + b"%x\r\n%s\r\nzz\r\n" % (len(big), big)
    with through(broken) as (upstream, client):
        response = client.get("/api/v1/raw/x", headers=bearer(), buffered=False)
        assert response.status_code == 200
        received: list[bytes] = []
        with pytest.raises(ConnectionError, match="malformed"):
            _drain(response.response, received)
        assert b"".join(received) == big, "what came before the fault, and nothing that looks like an end"
        response.close()
        assert upstream.closed_by_gateway.wait(10)


def _drain(pieces: Iterator[bytes], into: list[bytes]) -> None:
    for piece in pieces:
        into.append(piece)


def test_expect_100_continue_through_the_real_server_gets_the_final_answer(served_gateway, upstreams):
    """curl, .NET Framework and PowerShell send `Expect: 100-continue` before a body: the server
    answers 100 itself, and the client then reads the service's own 201."""
    body = b'{"slug": "expect", "title": "Asked to continue"}'
    head = (
        b"POST /api/v1/courses HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n"
        b"Content-Type: application/json\r\nExpect: 100-continue\r\n"
        b"Authorization: %s\r\nContent-Length: %d\r\n\r\n"
    ) % (bearer("ada", "author")["Authorization"].encode(), len(body))
    address = urlsplit(served_gateway)
    with socket.create_connection((address.hostname, address.port), timeout=60) as sock:
        sock.sendall(head)
        interim = b""
        while b"\r\n\r\n" not in interim:
            interim += sock.recv(65536)
        assert interim.startswith(b"HTTP/1.1 100 "), interim
        sock.sendall(body)
        reply = interim.partition(b"\r\n\r\n")[2]
        while data := sock.recv(65536):
            reply += data
    final_head, _, final_body = reply.partition(b"\r\n\r\n")
    assert final_head.startswith(b"HTTP/1.1 201 "), reply[:300]
    assert json.loads(final_body)["title"] == "Asked to continue"
    assert "Expect" not in upstreams.seen("curriculum", "/api/v1/courses")[-1]
