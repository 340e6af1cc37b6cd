"""Fixtures: the service stand-ins on real ports, and gateways configured in front of them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from lms.gateway.app import create_app
from lms.gateway.config import DEFAULT_ROUTES, load_config
from lms.gateway.definition import MIGRATIONS_DIR
from lms.kit.config import JwtSettings, Settings
from lms.kit.migrations import upgrade
from lms.testing.gateway.helpers import JWT, SERVICE_JWT, write_gateway_key
from lms.testing.gateway.process import gateway_env, gateway_process
from lms.testing.gateway.redis_server import start_redis
from lms.testing.gateway.standins import standin
from lms.testing.servers import serving

SERVICES = ("curriculum", "assessment", "progress", "people", "insights", "records")


@dataclass
class Upstreams:
    apps: dict[str, Flask]
    urls: dict[str, str]

    def seen(self, service: str, path: str) -> list[dict[str, str]]:
        """Headers of each request the stand-in received for `path`."""
        return [headers for _m, p, headers in self.apps[service].extensions["seen"] if p == path]


@pytest.fixture(scope="session")
def upstreams() -> Iterator[Upstreams]:
    apps = {name: standin(name, SERVICE_JWT) for name in SERVICES}
    with ExitStack() as stack:
        yield Upstreams(apps, {name: stack.enter_context(serving(app)) for name, app in apps.items()})


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "gateway.db"
    upgrade(f"sqlite:///{path}", MIGRATIONS_DIR)
    return path


@pytest.fixture(scope="session")
def redis_url() -> str:
    return start_redis(Path(__file__).resolve().parents[2])


@pytest.fixture(scope="session")
def served_gateway(
    upstreams: Upstreams, signing_key: Path, migrated_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One gunicorn gateway over the stand-ins (body limit 1 KiB), for tests of the real server."""
    work = tmp_path_factory.mktemp("gunicorn-gateway")
    database = Path(shutil.copy(migrated_db, work / "gateway.db"))
    env = gateway_env(
        upstreams.urls, database, LMS_GATEWAY_MAX_BODY="1024", LMS_GATEWAY_SIGNING_KEY=str(signing_key)
    )
    with gateway_process(env, work / "gateway.log") as url:
        yield url


@pytest.fixture(scope="session")
def signing_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gateway_key(tmp_path_factory.mktemp("keys") / "gateway-signing-key.pem")


GatewayFactory = Callable[..., Flask]


@pytest.fixture
def make_gateway(
    upstreams: Upstreams, migrated_db: Path, signing_key: Path, tmp_path: Path
) -> GatewayFactory:
    """`make_gateway(extra_routes={prefix: url}, LMS_...="...")`: a gateway app over the stand-ins."""

    def make(
        extra_routes: dict[str, str] | None = None,
        jwt: JwtSettings = JWT,
        database: Path | None = None,
        **env: Any,
    ) -> Flask:
        if database is None:
            database = tmp_path / f"gateway-{len(list(tmp_path.glob('*.db')))}.db"
            shutil.copy(migrated_db, database)
        environ = {f"LMS_{name.upper()}_URL": url for name, url in upstreams.urls.items()}
        environ["LMS_GATEWAY_ROUTES"] = json.dumps({**DEFAULT_ROUTES, **(extra_routes or {})})
        environ["LMS_GATEWAY_SIGNING_KEY"] = str(signing_key)
        environ.update({name: str(value) for name, value in env.items()})
        settings = Settings(
            service="gateway", env="dev", run_dir=tmp_path, database_url=f"sqlite:///{database}", jwt=jwt
        )
        return create_app(settings, load_config(environ))

    return make


@pytest.fixture
def gateway(make_gateway: GatewayFactory) -> Flask:
    return make_gateway()


@pytest.fixture
def client(gateway: Flask):  # type: ignore[no-untyped-def]
    return gateway.test_client()
