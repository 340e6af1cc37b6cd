"""HTTP/1.1 on the wire for the upstream client: the request head out, the response head and
chunked bodies in, as bytes (no email-parser round trip)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

MAX_LINE = 65536
MAX_HEADERS = 200


class BadResponse(ConnectionError):
    """The upstream's answer is not HTTP/1.x."""


def encode_head(method: str, target: str, host: bytes, headers: dict[str, str], body: bytes | None) -> bytes:
    lines = [f"{method} {target} HTTP/1.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    if any("\n" in part or "\r" in part for part in (target, *headers.keys(), *headers.values())):
        raise ValueError("line breaks are not allowed in a request line or header")
    text = "\r\n".join(lines)
    return b"%s\r\nHost: %s\r\n\r\n" % (text.encode("latin-1"), host)


def read_head(rfile: BinaryIO) -> tuple[int, list[tuple[str, str]]]:
    line = rfile.readline(MAX_LINE)
    if not line:
        raise ConnectionResetError("the connection closed before a response")
    version, _, rest = line.partition(b" ")
    if not version.startswith(b"HTTP/1.") or not rest[:3].isdigit():
        raise BadResponse(f"not an HTTP/1.x status line: {line[:60]!r}")
    fields = []
    while (line := rfile.readline(MAX_LINE)) not in (b"\r\n", b"\n", b""):
        name, colon, value = line.partition(b":")
        if not colon or len(fields) >= MAX_HEADERS:
            raise BadResponse(f"malformed header line: {line[:60]!r}")
        fields.append((name.decode("latin-1"), value.strip().decode("latin-1")))
    if not line:
        raise BadResponse("the connection closed inside the response head")
    return int(rest[:3]), fields


def read_chunks(rfile: BinaryIO, size: int) -> Iterator[bytes]:
    while True:
        line = rfile.readline(MAX_LINE)
        try:
            length = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise BadResponse(f"malformed chunk size: {line[:20]!r}") from None
        if length == 0:
            while rfile.readline(MAX_LINE) not in (b"\r\n", b"\n", b""):
                pass  # trailers are dropped
            return
        while length > 0:
            piece = rfile.read(min(size, length))
            if not piece:
                raise BadResponse("a chunk ended early")
            length -= len(piece)
            yield piece
        rfile.readline(MAX_LINE)
