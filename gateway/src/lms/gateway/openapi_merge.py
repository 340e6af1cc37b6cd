"""Merge OpenAPI documents: paths by owner, components renamed per service when they clash."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

SECURITY_SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}
BEARER_OR_KEY = [{"bearerAuth": []}, {"apiKey": []}]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """`(METHOD, path, operation)` for every operation of an OpenAPI document."""
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield method.upper(), path, item[method]


@dataclass(frozen=True)
class Part:
    """One service's document and the paths the routing table sends to it."""

    name: str
    document: Mapping[str, Any]
    owns: Callable[[str], bool]


def merge(parts: list[Part], info: dict[str, Any]) -> dict[str, Any]:
    """One OpenAPI 3.1 document for the whole API behind the gateway."""
    renames = _clash_renames(parts)
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": info,
        "servers": [{"url": "/"}],
        "security": BEARER_OR_KEY,
        "tags": [],
        "paths": {},
        "components": {"securitySchemes": dict(SECURITY_SCHEMES)},
    }
    for part in parts:
        document = _rewrite_refs(part.document, renames.get(part.name, {}))
        for section, items in document.get("components", {}).items():
            if section != "securitySchemes":
                target = merged["components"].setdefault(section, {})
                for name, value in items.items():
                    target[renames.get(part.name, {}).get(f"{section}/{name}", name)] = value
        for path, item in document.get("paths", {}).items():
            if part.owns(path) and path not in merged["paths"]:
                merged["paths"][path] = _allow_api_keys(item)
        known = {tag["name"] for tag in merged["tags"]}
        merged["tags"] += [tag for tag in document.get("tags", []) if tag["name"] not in known]
    merged["paths"] = dict(sorted(merged["paths"].items()))
    return merged


def _clash_renames(parts: list[Part]) -> dict[str, dict[str, str]]:
    """`{part: {"schemas/Item": "progress.Item"}}` for names whose definitions differ."""
    seen: dict[str, dict[str, str]] = {}
    for part in parts:
        for section, items in part.document.get("components", {}).items():
            for name, value in items.items():
                seen.setdefault(f"{section}/{name}", {})[part.name] = json.dumps(value, sort_keys=True)
    renames: dict[str, dict[str, str]] = {}
    for ref, by_part in seen.items():
        if len(set(by_part.values())) > 1 and not ref.startswith("securitySchemes/"):
            section, name = ref.split("/", 1)
            for part_name in by_part:
                renames.setdefault(part_name, {})[ref] = f"{part_name}.{name}"
    return renames


def _rewrite_refs(node: Any, renames: Mapping[str, str]) -> Any:
    if not renames:
        return node
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            section, _, name = ref.removeprefix("#/components/").partition("/")
            if f"{section}/{name}" in renames:
                node = {**node, "$ref": f"#/components/{section}/{renames[f'{section}/{name}']}"}
        return {key: _rewrite_refs(value, renames) for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(value, renames) for value in node]
    return node


def _allow_api_keys(item: Mapping[str, Any]) -> dict[str, Any]:
    """Operations that take a bearer token take an API key as well."""
    result = dict(item)
    for method in METHODS:
        operation = item.get(method)
        if isinstance(operation, dict) and operation.get("security"):
            schemes = [s for s in operation["security"] if "apiKey" not in s]
            result[method] = {**operation, "security": [*schemes, {"apiKey": []}]}
    return result
