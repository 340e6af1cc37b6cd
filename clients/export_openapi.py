"""Write the merged OpenAPI document the gateway serves, built without a running suite.

Each service's app is created in this process (no database or broker is touched to build a
document) and the gateway's own merge joins them by its default routing table, exactly as
`/openapi.json` does from the services' documents over HTTP.

    python clients/export_openapi.py clients/openapi.json
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from lms.gateway.config import load_config
from lms.gateway.openapi import DESCRIPTION
from lms.gateway.openapi_merge import Part, merge
from lms.gateway.routing import RouteTable
from lms.kit.config import JwtSettings, Settings

JWT = JwtSettings(secret="export-only-export-only-export-only-0123")  # noqa: S106 - never verifies anything


def document() -> dict[str, Any]:
    """The merged document: the gateway's own operations and every routed service's."""
    config = load_config({})
    table = RouteTable(config.routes, config.names)
    with tempfile.TemporaryDirectory() as tmp:
        parts = [Part("gateway", _spec("gateway", tmp), lambda _path: True)]
        for upstream in table.upstreams:
            owns = (lambda u: lambda path: table.match(path) == u)(upstream)
            parts.append(Part(upstream.name, _spec(upstream.name, tmp), owns))
    return merge(parts, {"title": "LMS suite API", "version": "1.0.0", "description": DESCRIPTION})


def _spec(name: str, tmp: str) -> dict[str, Any]:
    definition = importlib.import_module(f"lms.{name}.__main__").DEFINITION
    settings = Settings(
        service=name, database_url=f"sqlite:///{tmp}/{name}.db", jwt=JWT, env="dev", run_dir=Path(tmp)
    )
    app = definition.create_app(settings)
    return app.extensions["lms.api"].spec.to_dict()


def main(argv: list[str]) -> int:
    text = json.dumps(document(), indent=2, ensure_ascii=False) + "\n"
    if len(argv) > 1:
        Path(argv[1]).write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
