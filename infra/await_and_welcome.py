"""Wait until the gateway and every upstream are ready, then print how to use the suite."""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

from lms.kit.auth import mint_token
from lms.kit.config import load_jwt_settings

GATEWAY = os.environ.get("LMS_GATEWAY_URL", "http://127.0.0.1:8080")


def ready(timeout_s: float = 180) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{GATEWAY}/readyz", timeout=2) as response:  # noqa: S310 - loopback
                if json.load(response).get("status") == "ready":  # not "degraded": every upstream answers
                    return True
        except OSError:
            pass
        time.sleep(1)
    return False


def main() -> int:
    if not ready():
        print(f"the suite did not become ready at {GATEWAY}/readyz within 3 minutes", file=sys.stderr)
        return 1
    jwt = load_jwt_settings(os.environ, Path(os.environ.get("LMS_RUN_DIR", ".run")))
    tokens = {
        "learner (alice)": mint_token(jwt, "alice", ["learner"], "Alice Learner"),
        "author (ann)": mint_token(jwt, "ann", ["author"], "Ann Author"),
        "hr (hana)": mint_token(jwt, "hana", ["hr"], "Hana HR"),
    }
    lines = [
        "",
        "LMS suite is ready.",
        f"  gateway:  {GATEWAY}/api/v1",
        f"  docs:     {GATEWAY}/docs",
        f"  openapi:  {GATEWAY}/openapi.json",
        "  tokens (8 h; `make token SUB=… ROLES=…` for more):",
        *[f"    {who:16} {token}" for who, token in tokens.items()],
        "  try:     curl -H 'Authorization: Bearer <learner token>' " + f"{GATEWAY}/api/v1/courses",
        "",
    ]
    (Path(os.environ.get("LMS_RUN_DIR", ".run")) / "tokens.json").write_text(json.dumps(tokens, indent=2))
    print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
