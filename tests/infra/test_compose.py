"""The compose file for Docker users names only services, commands and variables that exist."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from lms.gateway.config import load_config
from lms.gateway.limits import refuse_per_worker_counts
from lms.kit.config import Settings
from lms.kit.service import ServiceDefinition

INFRA = Path(__file__).parents[2] / "infra"
COMPOSE = yaml.safe_load((INFRA / "docker-compose.yml").read_text())
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
    upstreams = {f"LMS_{s.upper()}_URL" for s in ("curriculum", "assessment", "progress")}
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
    environment = COMPOSE["x-lms"]["environment"]
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
