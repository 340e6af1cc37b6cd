"""SSRF-safe outbound HTTP for user-chosen URLs (webhooks).

client = SafeClient.for_env(settings.env)
try:
    reply = client.post(url, body, headers)
    failure = reply.reason          # None for 2xx, else "http_<status>"
except SafeHttpError as exc:
    failure = exc.reason.value      # "dns_failed", "address_not_allowed", ...
"""

from lms.kit.safehttp.addresses import is_allowed, is_globally_routable
from lms.kit.safehttp.client import Resolver, Response, SafeClient, system_resolver
from lms.kit.safehttp.errors import Reason, SafeHttpError, http_reason

__all__ = [
    "Reason",
    "Resolver",
    "Response",
    "SafeClient",
    "SafeHttpError",
    "http_reason",
    "is_allowed",
    "is_globally_routable",
    "system_resolver",
]
