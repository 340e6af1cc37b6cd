"""A webhook receiver as HR would run one: it records deliveries and checks Standard Webhooks signatures.

The check is written from the receiver's side (the Standard Webhooks scheme), not borrowed from
the progress service, so the demo verifies what progress signs rather than trusting its code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Delivery = tuple[dict[str, str], bytes]


def signature_valid(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """True when one of the `webhook-signature` entries is `v1,<HMAC-SHA256 of id.timestamp.body>`."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, given) for given in headers["webhook-signature"].split())


class Receiver:
    """An HTTP endpoint on a free local port that keeps every POST it receives."""

    def __init__(self) -> None:
        self.received: list[Delivery] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/hr"

    def close(self) -> None:
        self._server.shutdown()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["content-length"])
                received.append(({k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        return Handler
