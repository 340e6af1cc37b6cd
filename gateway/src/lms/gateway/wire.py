"""HTTP/1.1 framing for the upstream client, by h11: the request out, the response in.

h11 refuses most malformed framing itself (chunk sizes that are not plain hex, a Content-Length
that is not plain digits, a field name followed by a space, oversized heads, codings other than
chunked). A gateway must refuse a few things more that h11 accepts, because a lenient reading of
them is exactly what lets two parsers disagree on where a message ends: a bare CR or LF, a folded
field line, Content-Length given twice (even twice the same), Transfer-Encoding together with
Content-Length, a version other than HTTP/1.0 or 1.1, and a protocol switch nobody asked for.
Interim 1xx responses are read past: the caller sees the final answer only.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator, Mapping

import h11

MAX_HEAD = 64 * 1024
MAX_FIELDS = 200
RECEIVE = 64 * 1024
NOT_FORWARDED = frozenset({"expect"})  # the whole body goes with the head: nothing to wait for
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:([^\r\n]*)", re.IGNORECASE)


class BadResponse(ConnectionError):
    """The upstream's answer is not framed as RFC 9112 asks: refused, never guessed at."""


class UnsendableRequest(ValueError):
    """The request cannot be written as HTTP/1.1 (a line break in a field, a target with spaces)."""


class Wire:
    """One connection's HTTP/1.1 state over its socket: one exchange at a time, then the next."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.state = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD)

    def send(
        self, method: str, target: str, host: str, headers: Mapping[str, str], body: bytes | None
    ) -> None:
        """Write the request head and body with one `sendall` (field text is Latin-1, as WSGI has it)."""
        if any("\n" in part or "\r" in part for part in (target, *headers.keys(), *headers.values())):
            raise UnsendableRequest("line breaks are not allowed in a request line or header")
        fields = [(name, value) for name, value in headers.items() if name.lower() not in NOT_FORWARDED]
        fields.append(("Host", host))
        if body is not None:
            fields.append(("Content-Length", str(len(body))))
        try:
            request = h11.Request(
                method=method,
                target=target.encode("latin-1"),
                headers=[(name.encode("latin-1"), value.encode("latin-1")) for name, value in fields],
            )
            data = self.state.send(request) or b""
            if body:
                data += self.state.send(h11.Data(data=body)) or b""
            data += self.state.send(h11.EndOfMessage()) or b""
        except (h11.LocalProtocolError, UnicodeEncodeError) as exc:
            raise UnsendableRequest(str(exc)) from None
        self.sock.sendall(data)

    def receive_head(self) -> tuple[int, list[tuple[str, str]]]:
        """The final response's status and fields (interim 1xx responses are read past)."""
        received = bytearray()
        while True:
            event = self._next(RECEIVE, received)
            if isinstance(event, h11.InformationalResponse) and event.status_code != 101:
                if len(received) > MAX_HEAD:  # interim answers count towards the head's limit
                    raise _malformed(f"interim answers over {MAX_HEAD // 1024} KiB")
                continue
            if isinstance(event, h11.Response):
                break
            raise _malformed(f"{type(event).__name__} {getattr(event, 'status_code', '')} unasked")
        head = bytes(received[: len(received) - len(self.state.trailing_data[0])])
        check_head(head, event)
        return event.status_code, [
            (name.decode("latin-1"), value.decode("latin-1")) for name, value in event.headers.raw_items()
        ]

    def receive_body(self, size: int) -> Iterator[bytes]:
        """The body in pieces of at most `size` bytes (chunked encoding decoded, trailers dropped)."""
        while True:
            event = self._next(size)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                return
            else:
                raise _malformed(f"{type(event).__name__} inside a body")

    def ready_for_next(self) -> bool:
        """After a whole exchange: whether both sides keep the connection open for another (and
        the upstream sent nothing past its answer, which could only be taken for the next one's)."""
        both_done = self.state.our_state is h11.DONE and self.state.their_state is h11.DONE
        if both_done and not self.state.trailing_data[0]:
            self.state.start_next_cycle()
            return True
        return False

    def _next(self, size: int, received: bytearray | None = None) -> object:
        while True:
            try:
                event = self.state.next_event()
            except h11.RemoteProtocolError as exc:
                raise _malformed(str(exc)) from None
            if event is not h11.NEED_DATA:
                return event
            data = self.sock.recv(size)
            if not data and received is not None and not received:
                raise ConnectionResetError("the connection closed before a response")
            if received is not None:
                received += data
            self.state.receive_data(data)


def check_head(head: bytes, response: h11.Response) -> None:
    """What h11 lets through and a gateway must not (see the module docstring)."""
    if len(head) > MAX_HEAD:
        raise _malformed(f"a head over {MAX_HEAD // 1024} KiB")
    crlf = head.count(b"\r\n")
    if head.count(b"\n") != crlf or head.count(b"\r") != crlf:
        raise _malformed("a bare CR or LF in the head")
    if b"\r\n " in head or b"\r\n\t" in head:
        raise _malformed("a folded field line (obs-fold)")
    if response.http_version not in (b"1.1", b"1.0"):
        raise _malformed(f"HTTP/{response.http_version.decode()} is not HTTP/1.x")
    names = [name for name, _value in response.headers]
    if len(names) > MAX_FIELDS:
        raise _malformed(f"more than {MAX_FIELDS} fields")
    if b"transfer-encoding" in names and b"content-length" in names:
        raise _malformed("both Transfer-Encoding and Content-Length")
    lengths = _CONTENT_LENGTH.findall(head)
    if len(lengths) > 1 or any(b"," in value for value in lengths):
        raise _malformed("more than one Content-Length")


def _malformed(reason: str) -> BadResponse:
    return BadResponse(f"malformed answer: {reason}")
