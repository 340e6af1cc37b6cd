"""Ids for what authors left unnamed: items get UUIDs, options, steps and criteria short ids."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Mapping
from typing import Any


def with_ids(definition: Mapping[str, Any], new_id: Callable[[], str] | None = None) -> dict[str, Any]:
    """A copy of `definition` where every item, option, step and rubric criterion has an id."""
    make = new_id or (lambda: str(uuid.uuid4()))
    found = copy.deepcopy(dict(definition))
    for item in found.get("items") or []:
        _ensure(item, make)
        for option in item.get("options") or []:
            _ensure(option, lambda: make()[:8])
        for criterion in item.get("rubric") or []:
            _ensure(criterion, lambda: make()[:8])
        for step in item.get("steps") or []:
            _ensure(step, lambda: make()[:8])
            for option in step.get("options") or []:
                _ensure(option, lambda: make()[:8])
    return found


def _ensure(node: dict[str, Any], make: Callable[[], str]) -> None:
    if not node.get("id"):
        node["id"] = make()
