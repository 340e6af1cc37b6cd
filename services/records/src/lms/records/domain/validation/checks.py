"""Small checks the statement rules are written with; each raises `Invalid` naming the path."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lms.records.domain.errors import Invalid
from lms.records.domain.validation import primitives as p


def fail(path: str, reason: str) -> Invalid:
    return Invalid(f"{path}: {reason}.")


def json_object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(path, "must be a JSON object")
    return value


def members(value: Any, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, Any]:
    """`value` as an object holding only `allowed` members (names are case-sensitive), and `required` ones."""
    found = json_object(value, path)
    allowed = set(allowed)
    unknown = sorted(k for k in found if k not in allowed)
    if unknown:
        raise fail(path, f"has no property {unknown[0]!r} (names are case-sensitive)")
    missing = [k for k in required if k not in found]
    if missing:
        raise fail(path, f"needs the property {missing[0]!r}")
    return found


def typed(check: Callable[[Any], bool], kind: str) -> Callable[[Any, str], None]:
    """A check that `value` passes `check`, failing as "must be <kind>"."""

    def checked(value: Any, path: str) -> None:
        if not check(value):
            raise fail(path, f"must be {kind}, not {_shown(value)}")

    return checked


string = typed(lambda v: isinstance(v, str), "a string")
boolean = typed(lambda v: isinstance(v, bool), "true or false")
number = typed(p.is_number, "a number")
iri = typed(p.is_iri, "an absolute IRI with a scheme")
irl = typed(p.is_irl, "a URL with a scheme and a host")
uuid = typed(p.is_uuid, "a UUID in its standard form")
timestamp = typed(p.is_timestamp, "an ISO 8601 timestamp with a time zone other than -00:00")
duration = typed(p.is_duration, "an ISO 8601 duration")
mime_type = typed(p.is_mime_type, "a MIME type")
sha2 = typed(p.is_sha2, "a hexadecimal SHA-2 digest")


def optional(found: dict[str, Any], key: str, path: str, check: Callable[[Any, str], None]) -> None:
    if key in found:
        check(found[key], f"{path}.{key}")


def language_map(value: Any, path: str) -> None:
    for tag, text in json_object(value, path).items():
        if not p.is_language_tag(tag):
            raise fail(path, f"{tag!r} is not an RFC 5646 language tag")
        string(text, f"{path}[{tag!r}]")


def extensions(value: Any, path: str) -> None:
    """An object whose keys are IRIs; its values may be anything, null included."""
    for key in json_object(value, path):
        if not p.is_iri(key):
            raise fail(path, f"the key {key!r} is not an IRI")


def array(value: Any, path: str, item: Callable[[Any, str], None], *, non_empty: bool = False) -> None:
    if not isinstance(value, list):
        raise fail(path, "must be an array")
    if non_empty and not value:
        raise fail(path, "must not be empty")
    for index, element in enumerate(value):
        item(element, f"{path}[{index}]")


def integer(value: Any, path: str) -> None:
    if not p.is_number(value) or value != int(value):
        raise fail(path, f"must be an integer, not {_shown(value)}")


def no_nulls(value: Any, path: str) -> None:
    """No property holds null, except inside an `extensions` object."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if inner is None:
                raise fail(f"{path}.{key}", "is null (only extension values may be)")
            if key != "extensions":
                no_nulls(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            if inner is None:
                raise fail(f"{path}[{index}]", "is null")
            no_nulls(inner, f"{path}[{index}]")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
