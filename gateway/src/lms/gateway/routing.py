"""The routing table: path prefix -> upstream, longest prefix wins, on segment boundaries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Upstream:
    """One service behind the gateway."""

    name: str
    url: str  # base URL without a trailing slash, e.g. http://127.0.0.1:8101


class RouteTable:
    """Finds the upstream for a request path in a few dict look-ups."""

    def __init__(self, routes: Mapping[str, str], names: Mapping[str, str]):
        upstreams = {url: Upstream(names.get(url, url), url) for url in routes.values()}
        self._routes = {prefix: upstreams[url] for prefix, url in routes.items()}
        self.upstreams: tuple[Upstream, ...] = tuple(upstreams.values())

    def match(self, path: str) -> Upstream | None:
        """The upstream of the longest prefix that `path` equals or continues with '/'."""
        candidate = path.rstrip("/")
        while candidate:
            upstream = self._routes.get(candidate)
            if upstream is not None:
                return upstream
            candidate = candidate.rpartition("/")[0]
        return self._routes.get("/")

    def prefixes_of(self, upstream: Upstream) -> list[str]:
        return sorted(p for p, u in self._routes.items() if u == upstream)

    def items(self) -> list[tuple[str, Upstream]]:
        return sorted(self._routes.items())
