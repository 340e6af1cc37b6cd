"""Which IP addresses an outbound request may reach: only globally routable ones.

IPv6 forms that carry an IPv4 address (IPv4-mapped, 6to4, NAT64) are judged by the address
they carry, so `::ffff:127.0.0.1` or `2002:7f00:1::` cannot smuggle loopback past the check.
The deprecated IPv4-compatible form (`::a.b.c.d`) lies in the reserved `::/8` and is refused
whatever it carries, as is the local-use NAT64 prefix `64:ff9b:1::/48`.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def parse(address: str) -> IPAddress | None:
    """The address `address` names, or None when it is not an IP literal."""
    try:
        return ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, well-known NAT64), if any."""
    if ip.version == 4:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_globally_routable(ip: IPAddress) -> bool:
    """True when `ip` (and any IPv4 address it carries) is public, unicast and assigned."""
    carried = embedded_ipv4(ip)
    if carried is not None and not is_globally_routable(carried):
        return False
    if carried is not None:
        return True
    refused = (
        ip.is_private,
        ip.is_loopback,
        ip.is_link_local,
        ip.is_multicast,
        ip.is_reserved,
        ip.is_unspecified,
        ip.version == 4 and ip in CGNAT,
        ip.version == 6 and ip in LOCAL_NAT64,
    )
    return ip.is_global and not any(refused)


def is_loopback(ip: IPAddress) -> bool:
    """True for 127.0.0.0/8 and ::1, also when written as an IPv4-mapped address."""
    carried = embedded_ipv4(ip) if ip.version == 6 and ip.ipv4_mapped else None
    return (carried or ip).is_loopback


def is_allowed(ip: IPAddress, allow_loopback: bool = False) -> bool:
    """Whether a request may connect to `ip`; loopback only when explicitly allowed (dev)."""
    return is_globally_routable(ip) or (allow_loopback and is_loopback(ip))
