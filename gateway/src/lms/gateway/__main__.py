"""`python -m lms.gateway web|migrate`: serve the gateway (gunicorn gthread) or migrate its database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lms.kit.config import load_settings
from lms.kit.migrations import packaged, upgrade
from lms.kit.web.logs import configure_logging

MIGRATIONS_DIR = packaged("lms.gateway")
DEFAULT_BIND = "127.0.0.1:8080"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lms.gateway")
    commands = parser.add_subparsers(dest="command", required=True)
    web = commands.add_parser("web", help="serve the gateway with gunicorn (gthread workers)")
    web.add_argument("--bind", default=os.environ.get("LMS_BIND", DEFAULT_BIND))
    web.add_argument("--workers", type=int, default=int(os.environ.get("LMS_WEB_WORKERS", "2")))
    web.add_argument("--threads", type=int, default=int(os.environ.get("LMS_WEB_THREADS", "4")))
    commands.add_parser("migrate", help="bring the gateway's database (API keys) to the latest revision")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    settings = load_settings("gateway")
    configure_logging(f"gateway.{args.command}", settings.log_level)
    if args.command == "migrate":
        if settings.database_url.startswith("sqlite:///"):
            Path(settings.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        upgrade(settings.database_url, MIGRATIONS_DIR)
        return 0
    from lms.gateway.app import create_app
    from lms.kit.gunicorn import serve

    serve(lambda: create_app(settings), bind=args.bind, workers=args.workers, threads=args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
