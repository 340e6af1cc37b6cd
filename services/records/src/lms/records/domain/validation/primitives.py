"""The value types of xAPI statements: IRIs, UUIDs, timestamps, durations, language tags, MIME types.

Each `is_*` answers whether a JSON value has the type; `parse_timestamp` gives the instant.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

SCHEME = r"[A-Za-z][A-Za-z0-9+.\-]*"
IRI = re.compile(rf"^{SCHEME}:[^\s<>\"{{}}|\\^`\x00-\x1f\x7f]+$")
IRL = re.compile(rf"^{SCHEME}://[^\s<>\"{{}}|\\^`\x00-\x1f\x7f]+$")
UUID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$|^[^@\s]+@[^@\s.]+$")
HEX = re.compile(r"^[0-9a-fA-F]+$")
SHA2_LENGTHS = (56, 64, 96, 128)
TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?"
    r"(?:([Zz])|([+-])(\d{2}):?(\d{2})|([+-])(\d{2}))?$"
)
NUMBER = r"\d+(?:[.,]\d+)?"
DURATION = re.compile(
    rf"^P(?:(?:{NUMBER}Y)?(?:{NUMBER}M)?(?:{NUMBER}D)?(?:T(?=\d)(?:{NUMBER}H)?(?:{NUMBER}M)?(?:{NUMBER}S)?)?|{NUMBER}W)$"
)
MIME = re.compile(r"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(?:\s*;.*)?$")


def is_iri(value: Any) -> bool:
    """An absolute IRI: a scheme, a colon and no whitespace (RFC 3987)."""
    return isinstance(value, str) and IRI.match(value) is not None


def is_irl(value: Any) -> bool:
    """An IRI that locates something: a scheme and an authority (`scheme://...`)."""
    return isinstance(value, str) and IRL.match(value) is not None


def is_uuid(value: Any) -> bool:
    """A UUID in its standard string form, of an RFC 4122 variant."""
    return isinstance(value, str) and UUID.match(value) is not None


def is_mailto(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("mailto:") and EMAIL.match(value[7:]) is not None


def is_sha1(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 40 and HEX.match(value) is not None


def is_sha2(value: Any) -> bool:
    return isinstance(value, str) and len(value) in SHA2_LENGTHS and HEX.match(value) is not None


def is_duration(value: Any) -> bool:
    """An ISO 8601 duration (`P1DT2H`, `PT0.5S`, `P3W`), at least one part."""
    return isinstance(value, str) and value not in ("P", "PT") and DURATION.match(value) is not None


def is_mime_type(value: Any) -> bool:
    return isinstance(value, str) and MIME.match(value) is not None


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_timestamp(value: Any) -> bool:
    return parse_timestamp(value) is not None


def parse_timestamp(value: Any) -> datetime | None:
    """The instant an ISO 8601 / RFC 3339 timestamp names (UTC when it names no offset), or None.

    An offset of `-00:00` (RFC 3339's "offset unknown") is refused: a statement's time is known."""
    if not isinstance(value, str) or (match := TIMESTAMP.match(value)) is None:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()[:7]
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    except ValueError:
        return None
    micros = round(float(fraction) * 1_000_000) if fraction else 0
    offset = _offset(match.groups()[7:])
    if offset is False:
        return None
    try:
        return (moment + timedelta(microseconds=micros)).replace(tzinfo=offset or UTC).astimezone(UTC)
    except OverflowError:  # an offset that moves the first or last instant out of the calendar
        return None


def _offset(parts: tuple[str | None, ...]) -> timezone | bool | None:
    zulu, sign, hours, minutes, short_sign, short_hours = parts
    if zulu:
        return UTC
    if sign is None and short_sign is None:
        return None
    sign, hours, minutes = (sign, hours, minutes) if sign else (short_sign, short_hours, "00")
    if sign == "-" and int(hours) == 0 and int(minutes) == 0:
        return False
    if int(hours) > 23 or int(minutes) > 59:
        return False
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-delta if sign == "-" else delta)


LANGUAGE_TAG = re.compile(
    r"""^(?:
        (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})   # language (with extlang)
        (?:-[a-z]{4})?                                          # script
        (?:-(?:[a-z]{2}|\d{3}))?                                # region
        (?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*                     # variants
        (?:-[a-wy-z\d](?:-[a-z\d]{2,8})+)*                      # extensions
        (?:-x(?:-[a-z\d]{1,8})+)?                               # private use
      |x(?:-[a-z\d]{1,8})+                                      # private use alone
      |i-[a-z]{2,8}|en-gb-oed|sgn-[a-z]{2}-[a-z]{2,3}           # grandfathered
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_language_tag(value: Any) -> bool:
    """A language tag of RFC 5646 (BCP 47), in any case."""
    return isinstance(value, str) and LANGUAGE_TAG.match(value) is not None
