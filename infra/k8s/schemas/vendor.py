"""Write the JSON Schemas kubeconform validates the rendered overlays against (run by fetch.sh).

    python vendor.py kubernetes SOURCE_DIR < rendered.yaml   # Kubernetes kinds the render uses
    python vendor.py crd CRD.yaml...                          # custom resources, one file per version

SOURCE_DIR is one `vX.Y.Z-local-strict` folder of the kubernetes-validate wheel (PyPI): one
schema per kind whose references point into a shared `_definitions.json`. Each kind the render
uses is written self-contained (only the definitions it reaches, under its own `$defs`), as
`kubernetes/<kind>-<group>-<version>.json`, the name kubeconform asks for.

A CRD's `openAPIV3Schema` (of its storage version) becomes `crds/<group>/<kind>_<version>.json`,
made strict the way openapi2jsonschema does it: apiVersion and kind pinned, unknown fields
refused wherever the CRD lists the fields and does not say it keeps unknown ones,
`int-or-string` and `nullable` spelled in JSON Schema. Descriptions are dropped from both:
they are documentation, not rules.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
CRD_GROUPS = ("kafka.strimzi.io", "postgresql.cnpg.io")
REF = re.compile(r"^[^#]*#/\$defs/(.+)$")


def used_kinds(documents: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(apiVersion, kind) of every built-in resource in a render."""
    pairs = {(d["apiVersion"], d["kind"]) for d in documents if d}
    return {(api, kind) for api, kind in pairs if api.split("/")[0] not in CRD_GROUPS}


def schema_name(api_version: str, kind: str) -> str:
    group, _, version = api_version.rpartition("/")
    suffix = f"-{group.split('.')[0]}-{version}" if group else f"-{version}"
    return f"{kind.lower()}{suffix}.json"


def without_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        kept = {k: v for k, v in node.items() if not (k == "description" and isinstance(v, str))}
        return {k: without_descriptions(v) for k, v in kept.items()}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def bundle(schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """`schema` with every definition it reaches copied under `$defs` and references made local."""
    reached: dict[str, Any] = {}

    def localise(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: localise(v) for k, v in node.items()}
            if isinstance(ref := node.get("$ref"), str) and (match := REF.match(ref)):
                name = match.group(1)
                out["$ref"] = f"#/$defs/{name}"
                if name not in reached:
                    reached[name] = None
                    reached[name] = localise(definitions[name])
            return out
        if isinstance(node, list):
            return [localise(v) for v in node]
        return node

    root = localise(schema)
    root.pop("$id", None)
    return without_descriptions({**root, "$defs": dict(sorted(reached.items()))})


def vendor_kubernetes(source: Path, documents: list[dict[str, Any]]) -> None:
    definitions = json.loads((source / "_definitions.json").read_text())["$defs"]
    target = HERE / "kubernetes"
    target.mkdir(exist_ok=True)
    for api_version, kind in sorted(used_kinds(documents)):
        name = schema_name(api_version, kind)
        schema = bundle(json.loads((source / name).read_text()), definitions)
        (target / name).write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")


def strict(node: Any) -> Any:
    """An OpenAPI v3 schema of a CRD as strict JSON Schema (see the module's docstring)."""
    if isinstance(node, list):
        return [strict(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: strict(v) for k, v in node.items() if k != "nullable" and not k.startswith("x-kubernetes")}
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if node.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    keeps_unknown = node.get("x-kubernetes-preserve-unknown-fields")
    if "properties" in node and "additionalProperties" not in node and not keeps_unknown:
        out["additionalProperties"] = False
    return out


def vendor_crd(path: Path) -> None:
    crd = yaml.safe_load(path.read_text())
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    target = HERE / "crds" / group
    target.mkdir(parents=True, exist_ok=True)
    for version in (v for v in crd["spec"]["versions"] if v.get("storage")):
        schema = strict(without_descriptions(version["schema"]["openAPIV3Schema"]))
        properties = schema.setdefault("properties", {})
        properties["apiVersion"] = {"type": "string", "enum": [f"{group}/{version['name']}"]}
        properties["kind"] = {"type": "string", "enum": [kind]}
        properties["metadata"] = {"type": "object"}
        name = f"{kind.lower()}_{version['name']}.json"
        (target / name).write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")


def main(argv: list[str]) -> int:
    if argv[:1] == ["kubernetes"] and len(argv) == 2:
        vendor_kubernetes(Path(argv[1]), list(yaml.safe_load_all(sys.stdin)))
    elif argv[:1] == ["crd"] and len(argv) > 1:
        for path in argv[1:]:
            vendor_crd(Path(path))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
