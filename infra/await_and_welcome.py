"""Wait until the gateway and every upstream are ready, import the flagship courses, then print how
to use the suite."""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

from lms.kit.auth import mint_token
from lms.kit.config import load_jwt_settings
from lms.tools import cli, dev

GATEWAY = os.environ.get("LMS_GATEWAY_URL", "http://127.0.0.1:8080")


def ready(admin_token: str, timeout_s: float = 180) -> bool:
    """Until every service the Procfile runs answers through the gateway (the readiness details are
    for admins; a service routed but not run here leaves the gateway `degraded`, which is fine)."""
    headers = {"Authorization": f"Bearer {admin_token}"}
    request = urllib.request.Request(f"{GATEWAY}/readyz", headers=headers)  # noqa: S310 - loopback
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - loopback
                upstreams = json.load(response).get("upstreams", {})
                if all(upstreams.get(service) == "ok" for service in web_services()):
                    return True
        except OSError:
            pass
        time.sleep(1)
    return False


def web_services() -> list[str]:
    """The services with a `<name>-web` line in the Procfile (the gateway aside)."""
    lines = (Path(__file__).parent / "Procfile").read_text().splitlines()
    names = [
        line.split(":", 1)[0].removesuffix("-web") for line in lines if line.split(":", 1)[0].endswith("-web")
    ]
    return [name for name in names if name != "gateway"]


def main() -> int:
    run_dir = Path(os.environ.get("LMS_RUN_DIR", ".run"))
    jwt = load_jwt_settings(os.environ, run_dir)
    if not ready(mint_token(jwt, "make-run", ["admin"], ttl_s=600)):
        print(f"the suite did not become ready at {GATEWAY}/readyz within 3 minutes", file=sys.stderr)
        return 1
    # the flagship courses, as the dev author whose token is printed below (idempotent)
    if cli.main(["import", "courses", "--url", GATEWAY, "--author", dev.AUTHOR.sub]) != 0:
        print("course import failed: see above; the suite keeps running", file=sys.stderr)
    tokens = {
        f"{person.role} ({person.sub})": mint_token(jwt, person.sub, [person.role], person.name)
        for person in (dev.LEARNER, dev.AUTHOR, dev.HR)
    }
    hr_token = tokens[f"{dev.HR.role} ({dev.HR.sub})"]
    learner_token = tokens[f"{dev.LEARNER.role} ({dev.LEARNER.sub})"]
    lines = [
        "",
        "LMS suite is ready.",
        f"  gateway:   {GATEWAY}/api/v1",
        f"  docs:      {GATEWAY}/docs",
        f"  openapi:   {GATEWAY}/openapi.json",
        f"  learn:     {GATEWAY}/learn/#token={learner_token}",
        f"  dashboard: {GATEWAY}/dashboard#token={hr_token}",
        "  tokens (8 h; `make token SUB=… ROLES=…` for more):",
        *[f"    {who:16} {token}" for who, token in tokens.items()],
        "  try:      curl -H 'Authorization: Bearer <learner token>' " + f"{GATEWAY}/api/v1/courses",
        "  then, in a second terminal: make demo",
        "",
    ]
    (run_dir / "tokens.json").write_text(json.dumps(tokens, indent=2))
    print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
