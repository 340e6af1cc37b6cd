"""multipart/mixed bodies (RFC 2046), as statements with attachments travel in both directions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from lms.records.domain.errors import Invalid

CRLF = b"\r\n"


@dataclass(frozen=True)
class Part:
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def boundary(content_type: str) -> str:
    """The `boundary` parameter of a multipart Content-Type, or `Invalid`."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "boundary" and value.strip().strip('"'):
            return value.strip().strip('"')
    raise Invalid("A multipart/mixed request names its boundary in the Content-Type header.")


def parse(body: bytes, boundary_text: str) -> list[Part]:
    """The parts of `body`: everything between the first delimiter and the closing one."""
    delimiter = b"--" + boundary_text.encode("latin-1")
    text = CRLF + body if body.startswith(delimiter) else body
    chunks = text.split(CRLF + delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise Invalid("The multipart body does not open and close with its boundary.")
    return [_part(chunk) for chunk in chunks[1:-1]]


def _part(chunk: bytes) -> Part:
    if not chunk.startswith(CRLF):
        raise Invalid("A multipart boundary must end its line.")
    rest = chunk[2:]
    if rest.startswith(CRLF):
        head, body = b"", rest[2:]
    else:
        head, separator, body = rest.partition(CRLF + CRLF)
        if not separator:
            raise Invalid("A multipart part has no blank line after its headers.")
    headers = {}
    for line in head.split(CRLF) if head else []:
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon:
            raise Invalid(f"A multipart part has a malformed header line: {line[:60]!r}.")
        headers[name.strip().lower()] = value.strip()
    return Part(headers, body)


def build(parts: list[Part]) -> tuple[bytes, str]:
    """A multipart/mixed body of `parts` and its Content-Type."""
    marker = f"lrs-{uuid.uuid4().hex}"
    delimiter = b"--" + marker.encode()
    out = []
    for part in parts:
        head = b"".join(f"{name}: {value}".encode() + CRLF for name, value in part.headers.items())
        out.append(delimiter + CRLF + head + CRLF + part.body + CRLF)
    out.append(delimiter + b"--" + CRLF)
    return b"".join(out), f"multipart/mixed; boundary={marker}"
