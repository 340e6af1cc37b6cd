"""Every process of infra/Procfile runs in each Kubernetes overlay, with every variable it reads set.

The variables are found in the code, not listed by hand: each `.get("LMS_...")` / `os.environ[...]`
on an environment mapping in the kit, the contracts and the process's own package, with the
f-string names (`f"{service.upper()}_DATABASE_URL"`, ...) expanded. A new setting in the code
fails this test until the manifests set it. Secrets reach only the process kinds that use them:
the token secret the web processes, a service's Kafka password its Kafka clients.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from lms.gateway.config import COSTLY_LIMITS, SERVICE_URLS
from lms.gateway.limits import refuse_per_worker_counts
from lms.kit import kafka
from lms.kit.config import Settings
from lms.kit.service import KAFKA_PROCESSES
from lms.progress.clock import clock_from_env

ROOT = Path(__file__).parents[2]
OVERLAYS = sorted(p.name for p in (ROOT / "infra/k8s/overlays").iterdir())
VARIABLE = re.compile(r"(LMS|KAFKA)_[A-Z0-9_]+|[A-Z]+_DATABASE_URL")
ENV_MAPPINGS = {"env", "environ", "values"}  # names the code gives the environment mapping
TEMPLATES = {  # how the f-string names expand, per service
    "{}_DATABASE_URL": lambda service: [f"{service.upper()}_DATABASE_URL"],
    "LMS_{}_URL": lambda service: [f"LMS_{name.upper()}_URL" for name in SERVICE_URLS],
    "LMS_RATE_LIMIT_{}": lambda service: [f"LMS_RATE_LIMIT_{name.upper()}" for name in COSTLY_LIMITS],
}
DEV_ONLY = {"LMS_CLOCK_START", "LMS_CLOCK_SPEED"}  # the simulated clock, refused outside dev
# Variables that only some process kinds read, and that no other kind may be given: secrets.
ONLY_FOR = {
    "LMS_JWT_SECRET": {"web"},  # tokens are verified by the web processes alone
    "LMS_RATE_LIMIT_STORAGE": {"web"},  # the gateway's counters; its URL carries Redis's password
    kafka.USERNAME_VAR: set(KAFKA_PROCESSES),
    kafka.PASSWORD_VAR: set(KAFKA_PROCESSES),
    "LMS_XAPI_FORWARD_PASSWORD": {"forward", "worker"},  # the outside LRS's secret, for its sender
}
# Read instead of another one that is set (the password from a file, as compose gives it).
ALTERNATIVES = {kafka.PASSWORD_FILE_VAR: kafka.PASSWORD_VAR}


def procfile() -> dict[str, list[str]]:
    """Process kind -> argv, without `--bind` (in Kubernetes LMS_BIND says where to listen)."""
    lines = (ROOT / "infra/Procfile").read_text().splitlines()
    kinds = dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {kind: re.sub(r"\s--bind\s+\S+", "", command).split() for kind, command in kinds.items()}


def package_of(argv: list[str]) -> str:
    return argv[argv.index("-m") + 1].removeprefix("lms.")


def sources(service: str) -> Iterator[Path]:
    own = ROOT / ("gateway" if service == "gateway" else f"services/{service}") / "src/lms" / service
    for folder in (ROOT / "libs/kit/src/lms/kit", ROOT / "contracts/src", own):
        yield from (p for p in folder.rglob("*.py") if "testing" not in p.relative_to(folder).parts)


def mentions_environment(receiver: ast.expr) -> bool:
    """`os.environ`, `env`, `(os.environ if environ is None else environ)`, `os` (for getenv)."""
    names = {getattr(n, "id", None) or getattr(n, "attr", None) for n in ast.walk(receiver)}
    return bool(names & (ENV_MAPPINGS | {"os"}))


def names_a_variable(node: ast.Assign) -> bool:
    """`MIN_RESPONDENTS_VAR = "LMS_..."`: a constant that holds a variable's name."""
    return any(isinstance(t, ast.Name) and t.id.endswith("_VAR") for t in node.targets)


def names_read(tree: ast.AST) -> Iterator[str]:
    """Literal names and f-string templates looked up in an environment mapping."""
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            if node.func.attr in ("get", "getenv") and mentions_environment(node.func.value):
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and getattr(node.value, "attr", "") == "environ":
            key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            yield key.value
        elif isinstance(key, ast.JoinedStr):
            yield "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in key.values)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and names_a_variable(node):
            yield node.value.value


@functools.cache
def variables_read(service: str) -> frozenset[str]:
    found: set[str] = set()
    for path in sources(service):
        for name in names_read(ast.parse(path.read_text())):
            if "{}" in name:
                assert name in TEMPLATES, f"{path}: teach this test how {name!r} expands"
                found.update(TEMPLATES[name](service))
            elif VARIABLE.fullmatch(name):
                found.add(name)
    return frozenset(found - DEV_ONLY)


def kustomize() -> Path:
    binary = Path(os.environ.get("LMS_RUN_DIR", ROOT / ".run")) / "bin/kustomize"
    if not binary.exists():
        subprocess.run(["make", "-s", "k8s-tools"], cwd=ROOT, check=True)
    return binary


@pytest.fixture(scope="module", params=OVERLAYS)
def render(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    overlay = ROOT / "infra/k8s/overlays" / request.param
    built = subprocess.run([kustomize(), "build", overlay], capture_output=True, text=True, check=True)
    return [doc for doc in yaml.safe_load_all(built.stdout) if doc]


def of_kind(render: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in render if doc["kind"] == kind}


def container(workload: dict[str, Any]) -> dict[str, Any]:
    (only,) = workload["spec"]["template"]["spec"]["containers"]
    return only


@functools.cache
def out_of_band_secrets() -> dict[str, set[str]]:
    """Secret -> keys, as README.md tells operators to create them (`kubectl create secret ...`)."""
    readme = (ROOT / "README.md").read_text()
    made = re.findall(r"kubectl -n \S+ create secret generic (\S+)((?:\s*\\\n?\s*--from-\S+)+)", readme)
    return {name: set(re.findall(r"--from-\w+=([A-Z_]+)", keys)) for name, keys in made}


def environment(render: list[dict[str, Any]], workload: dict[str, Any]) -> dict[str, str]:
    """Name -> where its value comes from, checking that every source exists in the render."""
    maps, clusters, users = (
        of_kind(render, "ConfigMap"),
        of_kind(render, "Cluster"),
        of_kind(render, "KafkaUser"),
    )
    secrets = out_of_band_secrets() | {f"{name}-app": {"uri"} for name in clusters}
    secrets |= {name: {"password", "sasl.jaas.config"} for name in users}  # Strimzi's, per KafkaUser
    spec = container(workload)
    found = {}
    for source in spec.get("envFrom", []):
        name = source["configMapRef"]["name"]
        assert name in maps, f"{workload['metadata']['name']}: no ConfigMap {name}"
        found.update({key: f"configmap {name}" for key in maps[name].get("data", {})})
    for variable in spec.get("env", []):
        ref = variable.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            assert ref["key"] in secrets.get(ref["name"], set()), f"{ref}: neither made nor in README.md"
        found[variable["name"]] = f"secret {ref['name']}" if ref else repr(variable.get("value"))
    return found


def needed(package: str, kind: str) -> set[str]:
    """What a process kind of `package` must be given: what the code reads, less the secrets of
    other kinds and the variables read only when their alternative is missing."""
    read = variables_read(package) - set(ALTERNATIVES)
    return {name for name in read if kind in ONLY_FOR.get(name, {kind})}


def lms_deployments(render: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The Deployments that run an LMS package (not the gateway's Redis)."""
    return {
        name: deployment
        for name, deployment in of_kind(render, "Deployment").items()
        if container(deployment).get("command", [])[:2] == ["python", "-m"]
    }


def test_every_process_of_the_procfile_is_a_deployment_running_its_command(render):
    deployments = lms_deployments(render)
    for kind, argv in procfile().items():
        assert kind in deployments, f"no Deployment for {kind}"
        spec = container(deployments[kind])
        assert spec["command"] + spec.get("args", []) == argv, kind
    assert set(deployments) == set(procfile()), "a Deployment for a process the Procfile does not name"


def test_every_variable_a_process_reads_is_set_in_its_deployment(render):
    deployments = of_kind(render, "Deployment")
    for name, argv in procfile().items():
        missing = needed(package_of(argv), argv[-1]) - set(environment(render, deployments[name]))
        assert not missing, f"{name} reads {sorted(missing)} but its Deployment does not set them"


def test_a_secret_reaches_only_the_process_kinds_that_use_it(render):
    deployments = of_kind(render, "Deployment")
    for name, argv in procfile().items():
        given = set(environment(render, deployments[name]))
        kept_away = {variable for variable, kinds in ONLY_FOR.items() if argv[-1] not in kinds}
        assert not given & kept_away, f"{name} is given {sorted(given & kept_away)}"


def test_each_kafka_client_acts_as_its_own_service_with_that_service_s_password_only(render):
    deployments = of_kind(render, "Deployment")
    for name, argv in procfile().items():
        if argv[-1] not in KAFKA_PROCESSES:
            continue
        spec, service = container(deployments[name]), package_of(argv)
        env = {v["name"]: v for v in spec["env"]}
        assert env[kafka.USERNAME_VAR]["value"] == service, name
        assert env[kafka.PASSWORD_VAR]["valueFrom"]["secretKeyRef"] == {"name": service, "key": "password"}
        secrets = {
            v["secret"]["secretName"]
            for v in deployments[name]["spec"]["template"]["spec"]["volumes"]
            if "secret" in v
        }
        assert secrets == {"lms-cluster-ca-cert"}, name  # the brokers' CA, no other credential


def test_every_service_with_a_database_has_a_migration_job_with_its_variables(render):
    jobs = of_kind(render, "Job")
    for service in {package_of(argv) for argv in procfile().values()}:
        job = jobs[f"{service}-migrate"]
        argv = container(job)["command"] + container(job)["args"]
        assert argv == shlex.split(f"python -m lms.{service} migrate"), service
        given = set(environment(render, job))
        assert needed(service, "migrate") <= given, service
        assert not given & set(ONLY_FOR), service


def test_the_gateway_as_deployed_passes_its_own_start_checks(render):
    """Outside dev the gateway refuses in-memory rate limits on several workers: the manifests
    must not ask for that (each ConfigMap in envFrom order, later ones winning, as Kubernetes does)."""
    gateway = container(of_kind(render, "Deployment")["gateway-web"])
    maps = of_kind(render, "ConfigMap")
    values: dict[str, str] = {}
    for source in gateway.get("envFrom", []):
        values.update(maps[source["configMapRef"]["name"]].get("data", {}))
    values.update({e["name"]: e["value"] for e in gateway.get("env", []) if "value" in e})  # env wins
    settings = Settings(service="gateway", env=values.get("LMS_ENV", "prod"))
    refuse_per_worker_counts(settings, int(values.get("LMS_WEB_WORKERS", "2")), values)


def test_the_scan_finds_the_settings_it_is_meant_to(render):
    read = variables_read("gateway") & variables_read("progress")
    assert {"LMS_ENV", "LMS_JWT_SECRET", "KAFKA_BOOTSTRAP_SERVERS", "LMS_BIND", "LMS_RUN_DIR"} <= read
    assert {
        "KAFKA_SECURITY_PROTOCOL",
        "KAFKA_SASL_USERNAME",
        "KAFKA_SASL_PASSWORD",
        "KAFKA_SSL_CAFILE",
    } <= read
    assert {"LMS_DELIVER_WORKERS", "PROGRESS_DATABASE_URL"} <= variables_read("progress")
    assert {"LMS_INSIGHTS_MIN_RESPONDENTS"} <= variables_read("insights")
    assert {"LMS_PEOPLE_URL", "LMS_RATE_LIMIT_SUBMIT", "GATEWAY_DATABASE_URL"} <= variables_read("gateway")


def test_the_variables_left_unset_are_refused_outside_dev():
    with pytest.raises(SystemExit):
        clock_from_env("prod", {"LMS_CLOCK_START": "2026-01-01T00:00:00+00:00", "LMS_CLOCK_SPEED": "60"})
