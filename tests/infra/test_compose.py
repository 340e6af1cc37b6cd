"""The compose file for Docker users names only services, commands and variables that exist, and
runs as production should: secrets from the environment, each only where it is used, every
upstream of the gateway set, third-party images pinned by digest."""

from __future__ import annotations

import importlib
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from lms.gateway.config import SERVICE_URLS, load_config
from lms.gateway.limits import refuse_per_worker_counts
from lms.kit.config import Settings
from lms.kit.kafka_access import load_access
from lms.kit.service import ServiceDefinition

INFRA = Path(__file__).parents[2] / "infra"
COMPOSE = yaml.safe_load((INFRA / "docker-compose.yml").read_text())
DIGEST = re.compile(r"[^\s@]+@sha256:[0-9a-f]{64}")
SOURCES = [p.read_text() for p in (INFRA.parent).glob("**/src/lms/**/*.py")]


def commands() -> list[str]:
    found = [s["command"] for s in COMPOSE["services"].values() if "command" in s]
    return [c for c in found if isinstance(c, str)]


def test_every_lms_process_of_the_procfile_runs_in_compose():
    procfile = {
        line.split(":")[0]
        for line in (INFRA / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert procfile <= set(COMPOSE["services"])


def test_every_command_names_a_module_and_process_that_exist():
    for command in commands():
        for module, process in re.findall(r"python -m (lms\.[a-z_.]+) ([a-z-]+)", command):
            assert importlib.util.find_spec(module) is not None, module
            if module.count(".") == 1 and module != "lms.gateway":
                main = importlib.import_module(f"{module}.__main__")
                definition: ServiceDefinition = main.DEFINITION
                assert process in {"web", "relay", "consume", "migrate", "dlq", *definition.commands}, command


def test_every_variable_it_sets_is_read_by_the_code():
    environment = COMPOSE["x-lms"]["environment"]
    upstreams = {f"LMS_{s.upper()}_URL" for s in SERVICE_URLS}  # every service the gateway routes to
    for name in set(environment) - upstreams:
        assert any(name in source for source in SOURCES) or name.endswith("_DATABASE_URL"), name
    for service in ("curriculum", "assessment", "progress", "gateway"):
        assert f"{service.upper()}_DATABASE_URL" in environment
    routes = load_config(environment).routes  # the gateway reaches the web services compose defines
    for name in upstreams:
        host = environment[name].split("//")[1].split(":")[0]
        assert host in COMPOSE["services"], host
        assert environment[name] in routes.values(), name


def test_the_gateway_passes_its_own_start_checks():
    """Compose runs production behaviour: no in-memory rate limits on several workers."""
    environment = {k: str(v) for k, v in COMPOSE["services"]["gateway-web"]["environment"].items()}
    workers = int(environment.get("LMS_WEB_WORKERS", "2"))
    refuse_per_worker_counts(
        Settings(service="gateway", env=environment.get("LMS_ENV", "prod")), workers, environment
    )


def test_every_image_is_built_from_the_one_dockerfile_for_a_member_and_runs_its_package():
    members = {p.parent.name for p in (INFRA.parent).glob("*/*/pyproject.toml")} | {"gateway"}
    for name, spec in COMPOSE["services"].items():
        if "build" not in spec:
            continue
        assert spec["build"]["dockerfile"] == "infra/Dockerfile", name
        service = spec["build"]["args"]["SERVICE"]
        assert service in members, name
        assert f"python -m lms.{service} " in spec["command"], name
        assert spec["image"] == f"lms-{service}:dev", name


def test_the_dockerfile_installs_the_chosen_members_wheel_with_migrations_inside():
    dockerfile = (INFRA / "Dockerfile").read_text()
    assert 'uv sync --locked --package "lms-$SERVICE" --no-dev --no-editable' in dockerfile
    assert "ARG SERVICE" in dockerfile
    assert 'python -m \\"lms.$LMS_SERVICE\\" web' in dockerfile
    others = set((INFRA.parent).glob("*/Dockerfile")) | set((INFRA.parent).glob("services/*/Dockerfile"))
    assert others == {INFRA / "Dockerfile"}


def interpolate(value: str, environ: dict[str, str]) -> str:
    """Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` (the forms this file uses)."""

    def one(match: re.Match[str]) -> str:
        name, operator, rest = match.group(1), match.group(2), match.group(3) or ""
        if environ.get(name):
            return environ[name]
        if operator == ":?":
            raise LookupError(f"{name}: {rest}")
        return rest if operator == ":-" else ""

    return re.sub(r"\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}", one, value)


def test_it_refuses_to_start_without_a_jwt_secret_and_has_no_fallback():
    text = (INFRA / "docker-compose.yml").read_text()
    environment = COMPOSE["services"]["gateway-web"]["environment"]
    with pytest.raises(LookupError, match="LMS_JWT_SECRET"):
        interpolate(environment["LMS_JWT_SECRET"], {})
    assert interpolate(environment["LMS_JWT_SECRET"], {"LMS_JWT_SECRET": "s3cr3t"}) == "s3cr3t"
    assert re.findall(r"LMS_JWT_SECRET:-", text) == []
    assert "change-me" not in text


def test_it_runs_with_production_behaviour():
    for name, spec in COMPOSE["services"].items():
        environment = spec.get("environment") or {}
        assert "LMS_ENV" not in environment or environment["LMS_ENV"] != "dev", name


def test_the_gateway_is_published_on_loopback_unless_asked_otherwise():
    published = [
        interpolate(str(port), {}) for spec in COMPOSE["services"].values() for port in spec.get("ports", [])
    ]
    assert published == ["127.0.0.1:8080:8080"]
    exposed = interpolate(
        COMPOSE["services"]["gateway-web"]["ports"][0], {"LMS_GATEWAY_PUBLISH": "192.0.2.7"}
    )
    assert exposed == "192.0.2.7:8080:8080"


def test_the_jwt_secret_reaches_the_web_processes_only():
    for name, spec in COMPOSE["services"].items():
        given = "LMS_JWT_SECRET" in (spec.get("environment") or {})
        assert given == name.endswith("-web"), name


def test_each_kafka_client_acts_as_its_service_with_that_service_s_password_alone():
    for name, spec in COMPOSE["services"].items():
        environment, secrets = spec.get("environment") or {}, spec.get("secrets") or []
        service, _, kind = name.partition("-")
        if kind in ("relay", "consume"):
            assert environment["KAFKA_SASL_USERNAME"] == service, name
            assert secrets == [f"kafka-{service}"], name
            assert environment["KAFKA_SASL_PASSWORD_FILE"] == f"/run/secrets/kafka-{service}", name
        elif name not in ("kafka", "migrate"):  # the broker and its set-up know the admin's
            assert "KAFKA_SASL_USERNAME" not in environment, name
            assert not secrets, name
    declared = {s["environment"] for s in COMPOSE["secrets"].values()}
    assert declared == {
        f"LMS_KAFKA_{p.upper()}_PASSWORD" for p in load_access(INFRA / "kafka/access.toml").principals
    }


def test_postgres_takes_its_password_from_the_environment_and_the_urls_carry_no_other():
    postgres = COMPOSE["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"]
    with pytest.raises(LookupError, match="LMS_POSTGRES_PASSWORD"):
        interpolate(postgres, {})
    urls = [v for k, v in COMPOSE["x-lms"]["environment"].items() if k.endswith("_DATABASE_URL")]
    assert {interpolate(url, {"LMS_POSTGRES_PASSWORD": "pw"}).split("@")[0] for url in urls} == {
        "postgresql://lms:pw"
    }


def test_every_image_from_elsewhere_is_pinned_by_digest():
    pulled = [spec["image"] for spec in COMPOSE["services"].values() if "build" not in spec]
    assert pulled
    assert all(DIGEST.fullmatch(image) for image in pulled), pulled
    dockerfile = (INFRA / "Dockerfile").read_text()
    bases = re.findall(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.MULTILINE)
    assert len(bases) == 1
    assert DIGEST.fullmatch(bases[0])
    assert re.findall(r"^FROM (\S+)", dockerfile, re.MULTILINE) == ["${PYTHON_IMAGE}"] * 2
    assert "pip install --no-cache-dir --require-hashes -r /tmp/uv-requirements.txt" in dockerfile


def test_uv_is_installed_at_the_version_and_by_the_hashes_the_lock_records():
    lock = tomllib.loads((INFRA.parent / "uv.lock").read_text())
    (uv,) = [package for package in lock["package"] if package["name"] == "uv"]
    requirements = (INFRA / "docker/uv-requirements.txt").read_text()
    assert f"uv=={uv['version']} " in requirements
    pinned = set(re.findall(r"--hash=(sha256:[0-9a-f]{64})", requirements))
    linux = {
        w["hash"] for w in uv["wheels"] if "linux" in w["url"] and re.search(r"x86_64|aarch64", w["url"])
    }
    assert pinned == linux


def test_the_gateway_counts_rate_limits_in_the_password_protected_redis():
    gateway = COMPOSE["services"]["gateway-web"]
    storage = interpolate(gateway["environment"]["LMS_RATE_LIMIT_STORAGE"], {"LMS_REDIS_PASSWORD": "pw"})
    assert storage == "redis://:pw@redis:6379/0"
    assert "--requirepass" in COMPOSE["services"]["redis"]["command"]
    assert gateway["depends_on"]["redis"] == {"condition": "service_healthy"}
