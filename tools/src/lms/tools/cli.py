"""`lms`: the operator's command line. `lms token`, `lms api-key create|list|revoke`.

Subcommands register themselves in `COMMANDS` (`lms import <folder>` plugs in the same way).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from lms.kit.auth import ROLES, mint_token
from lms.kit.config import load_jwt_settings
from lms.tools.dev import AUTHOR

DEFAULT_URL = "http://127.0.0.1:8080"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lms", description="LMS suite command line")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(commands)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return args.run(args)
    except (ValueError, httpx.HTTPError) as exc:
        print(f"lms {args.command}: {exc}", file=sys.stderr)
        return 1


def _roles(value: str) -> list[str]:
    roles = [r.strip() for r in value.split(",") if r.strip()]
    unknown = sorted(set(roles) - set(ROLES))
    if not roles or unknown:
        raise argparse.ArgumentTypeError(f"roles must be among {', '.join(ROLES)} (got {value!r})")
    return roles


def _jwt_settings():  # type: ignore[no-untyped-def]
    return load_jwt_settings(os.environ, Path(os.environ.get("LMS_RUN_DIR", ".run")).resolve())


def register_token(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("token", help="print a dev JWT (HS256, LMS_JWT_SECRET)")
    parser.add_argument("--sub", required=True)
    parser.add_argument(
        "--roles", type=_roles, default=["learner"], help="comma-separated: " + ",".join(ROLES)
    )
    parser.add_argument("--name", default="")
    parser.add_argument("--ttl", type=int, default=8 * 3600, help="seconds")
    parser.set_defaults(run=_token)


def _token(args: argparse.Namespace) -> int:
    print(mint_token(_jwt_settings(), args.sub, args.roles, args.name, args.ttl))
    return 0


def register_api_key(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("api-key", help="create, list or revoke API keys (admin, over HTTP)")
    parser.add_argument("--url", default=os.environ.get("LMS_GATEWAY_URL", DEFAULT_URL), help="the gateway")
    parser.add_argument("--token", default=os.environ.get("LMS_TOKEN"), help="an admin JWT (env LMS_TOKEN)")
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a key; it is printed once")
    create.add_argument("--name", required=True)
    create.add_argument("--roles", type=_roles, required=True)
    create.set_defaults(run=_create)
    actions.add_parser("list", help="list keys (never their secrets)").set_defaults(run=_list)
    revoke = actions.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("id")
    revoke.set_defaults(run=_revoke)


def _create(args: argparse.Namespace) -> int:
    created = _call(args, "POST", "/api/v1/api-keys", {"name": args.name, "roles": args.roles})
    print(json.dumps(created, indent=2))
    print("Store the key now: it is not shown again.", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    for key in _call(args, "GET", "/api/v1/api-keys"):
        state = f"revoked {key['revoked_at']}" if key.get("revoked_at") else "active"
        print(f"{key['id']}  {key['key_prefix']}  {key['name']}  {','.join(key['roles'])}  {state}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    _call(args, "DELETE", f"/api/v1/api-keys/{args.id}")
    print(f"revoked {args.id}")
    return 0


def _call(args: argparse.Namespace, method: str, path: str, body: Any = None) -> Any:
    headers = {"Authorization": f"Bearer {args.token or _dev_admin_token()}"}
    response = httpx.request(method, args.url.rstrip("/") + path, json=body, headers=headers, timeout=10)
    if response.status_code >= 400:
        detail = response.json().get("detail") if "json" in response.headers.get("content-type", "") else ""
        raise ValueError(f"HTTP {response.status_code} {detail or response.text[:200]}")
    return response.json() if response.content else None


def _dev_admin_token() -> str:
    """Without --token, a 5-minute admin token from the dev secret (when this machine has it)."""
    settings = _jwt_settings()
    if not settings.secret:
        raise ValueError("give an admin token with --token or LMS_TOKEN")
    print("lms: no --token given; using a dev admin token from LMS_JWT_SECRET", file=sys.stderr)
    return mint_token(settings, f"cli:{getpass.getuser()}", ["admin"], ttl_s=300)


def register_import(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="import course packages (assessments, then the course) and cmi5 packages"
    )
    parser.add_argument(
        "folders",
        nargs="+",
        type=Path,
        help="course folders, or a folder of them (courses/); cmi5: a ZIP, a cmi5.xml, a folder with one",
    )
    parser.add_argument("--course", help="import the cmi5 packages as modules of this course (its id)")
    parser.add_argument("--url", default=os.environ.get("LMS_URL", DEFAULT_URL))
    parser.add_argument("--token", default=os.environ.get("LMS_TOKEN"), help="an author token (default: dev)")
    parser.add_argument(
        "--author", default=AUTHOR.sub, help=f"without --token: the dev author to import as ({AUTHOR.sub})"
    )
    parser.set_defaults(run=_import)


def _import(args: argparse.Namespace) -> int:
    from lms.tools.coursepack import PackError
    from lms.tools.importer import Importer, ImportFailed

    token = args.token or mint_token(_jwt_settings(), args.author, ["author"], AUTHOR.name, ttl_s=600)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=args.url.rstrip("/"), headers=headers, timeout=30) as client:
        try:
            reports = Importer(client).run(args.folders, into=args.course)
        except (ImportFailed, PackError) as exc:
            print(f"lms import: {exc}", file=sys.stderr)
            return 1
    for report in reports:
        print(report.line())
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    register_token,
    register_api_key,
    register_import,
]


if __name__ == "__main__":
    sys.exit(main())
