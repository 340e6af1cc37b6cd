"""Reading a package body: JSON, or YAML without aliases, bounded in nodes and depth before it is built."""

from __future__ import annotations

import json
from typing import Any

import marshmallow as ma
import yaml
from flask import request

from lms.curriculum.api.schemas import PackageIn
from lms.curriculum.domain.limits import check_counts
from lms.kit.web import Problem

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
MAX_NODES = 200_000
MAX_DEPTH = 20
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def load_package() -> dict[str, Any]:
    """The validated package of this request (400 unreadable, 422 invalid; nothing is built twice)."""
    raw = request.get_data(cache=False)
    is_yaml = request.mimetype in YAML_TYPES
    try:
        data = _from_yaml(raw) if is_yaml else json.loads(raw or b"null")
    except (ValueError, yaml.YAMLError, RecursionError) as exc:
        raise Problem(400, f"The package is not valid {'YAML' if is_yaml else 'JSON'}: {exc}") from None
    if not isinstance(data, dict):
        raise Problem(422, "A package is an object with the course's fields and its modules.")
    check_counts(*_lesson_counts(data))  # before validating thousands of items one by one
    try:
        return PackageIn().load(data)
    except ma.ValidationError as exc:
        errors = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        raise Problem(
            422, "The package has invalid fields: " + ", ".join(sorted(map(str, errors))) + ".", errors=errors
        ) from None


def _lesson_counts(data: dict[str, Any]) -> tuple[list[int], list[bool]]:
    modules = data.get("modules")
    if not isinstance(modules, list):
        return [], []
    counts = [
        len(m["lessons"]) if isinstance(m, dict) and isinstance(m.get("lessons"), list) else 0
        for m in modules
    ]
    return counts, [isinstance(m, dict) and isinstance(m.get("cmi5"), dict) for m in modules]


def _from_yaml(raw: bytes) -> Any:
    """Scan the event stream first: aliases (and so alias bombs) are refused, size and depth capped."""
    nodes = depth = 0
    for event in yaml.parse(raw, Loader=Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ValueError("anchors and aliases (&, *) are not allowed in packages")
        nodes += isinstance(event, yaml.NodeEvent)
        depth += isinstance(event, OPENING) - isinstance(event, CLOSING)
        if nodes > MAX_NODES or depth > MAX_DEPTH:
            raise ValueError(f"a package has at most {MAX_NODES} nodes nested at most {MAX_DEPTH} deep")
    return yaml.load(raw, Loader=Loader)  # noqa: S506 (a safe loader, chosen above)
