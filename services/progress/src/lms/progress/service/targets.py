"""Where webhooks may go: never to private, loopback or link-local addresses outside dev."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


def refusal(url: str, env: str) -> str | None:
    """Why `url` is refused as a webhook target, or None. Checked at registration and at each send."""
    if env == "dev":
        return None
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return f"{host!r} does not resolve"
    for address in sorted(addresses):
        ip = ipaddress.ip_address(address)
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return f"{host} resolves to {address}, a private or loopback address"
    return None
