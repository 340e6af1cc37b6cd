"""The upstream client: a keep-alive pool per upstream, timeouts, one retry when it is safe.

Failures become problems naming the service: connection refused (or no such host) 503,
a connect or read timeout 504, a malformed answer 502 at once (it was an answer: never asked
for again), anything else (reset, closed before answering) 502 after the one retry it may have.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterable, Mapping

from lms.gateway.http1 import Pool, Response
from lms.gateway.routing import Upstream
from lms.gateway.wire import BadResponse, UnsendableRequest
from lms.kit.web import Problem

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
log = logging.getLogger(__name__)


class UpstreamClient:
    """Sends requests to upstreams over pooled connections."""

    def __init__(
        self, upstreams: Iterable[Upstream], *, connect_s: float, read_s: float, pool_size: int
    ) -> None:
        self._pools = {
            u.url: Pool(u.url, maxsize=pool_size, connect_s=connect_s, read_s=read_s) for u in upstreams
        }

    def send(
        self,
        upstream: Upstream,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | None = None,
        *,
        retry: bool = False,
        read_s: float | None = None,
    ) -> Response:
        """The upstream's response with its body unread (read or stream it, then `release()`).

        A request that may not be retried goes out on a new connection: a pooled one can be
        closed by the server just as it is reused, and such a request could not be sent again."""
        pool = self._pools[upstream.url]
        for attempt in (1, 2):
            try:
                return pool.request(method, target, headers, body, read_s, fresh=attempt == 2 or not retry)
            except TimeoutError as exc:
                raise _problem(upstream, 504, "did not answer in time", exc) from None
            except BadResponse as exc:
                raise _problem(upstream, 502, f"sent a {exc}", exc) from None
            except UnsendableRequest as exc:
                raise Problem(400, f"The request cannot be forwarded: {exc}.") from None
            except (ConnectionRefusedError, socket.gaierror) as exc:
                if not (retry and attempt == 1):
                    raise _problem(upstream, 503, "is unavailable (connection refused)", exc) from None
            except OSError as exc:  # reset, closed before answering, garbled answer
                if not (retry and attempt == 1):
                    raise _problem(upstream, 502, "gave no valid answer", exc) from None
            log.info("retrying %s %s on %s", method, target, upstream.name)
        raise AssertionError("unreachable")

    def fetch(self, upstream: Upstream, target: str, read_s: float) -> tuple[int, bytes]:
        """GET `target` and read the whole answer (the gateway's own small look-ups)."""
        response = self.send(
            upstream, "GET", target, {"Accept": "application/json"}, retry=True, read_s=read_s
        )
        try:
            return response.status, response.read()
        finally:
            response.release()

    def close(self) -> None:
        for pool in self._pools.values():
            pool.close()


def retryable(method: str, headers: Mapping[str, str]) -> bool:
    """Idempotent methods, and POST/PATCH carrying an Idempotency-Key, may be sent twice."""
    return method in IDEMPOTENT or "Idempotency-Key" in headers


def _problem(upstream: Upstream, status: int, what: str, exc: Exception) -> Problem:
    log.warning("upstream %s failed: %r", upstream.name, exc)
    return Problem(status, f"The {upstream.name} service {what}.", upstream=upstream.name)
