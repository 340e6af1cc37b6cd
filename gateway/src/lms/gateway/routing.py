"""The routing table: path prefix -> upstream, longest prefix wins, on segment boundaries.

A prefix may stand for any one inner segment with `*` (`/api/v1/teams/*/impact`); such a
prefix is more specific than the plain prefixes it continues, so it is tried first.
"""

from __future__ import annotations

import re
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
        self._routes = {prefix: upstreams[url] for prefix, url in routes.items() if "*" not in prefix}
        wild = sorted((p for p in routes if "*" in p), key=lambda p: -p.count("/"))
        self._wild = [(_pattern(prefix), upstreams[routes[prefix]]) for prefix in wild]
        self._all = {prefix: upstreams[url] for prefix, url in routes.items()}
        self.upstreams: tuple[Upstream, ...] = tuple(upstreams.values())

    def match(self, path: str) -> Upstream | None:
        """The upstream of the longest prefix that `path` equals or continues with '/'."""
        for pattern, upstream in self._wild:
            if pattern.match(path):
                return upstream
        candidate = path.rstrip("/")
        while candidate:
            upstream = self._routes.get(candidate)
            if upstream is not None:
                return upstream
            candidate = candidate.rpartition("/")[0]
        return self._routes.get("/")

    def items(self) -> list[tuple[str, Upstream]]:
        return sorted(self._all.items())


def _pattern(prefix: str) -> re.Pattern[str]:
    segments = (r"[^/]+" if part == "*" else re.escape(part) for part in prefix.rstrip("/").split("/"))
    return re.compile("/".join(segments) + r"(/.*)?/?$")
