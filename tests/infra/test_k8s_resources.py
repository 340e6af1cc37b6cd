"""What the Kubernetes overlays promise around the processes: probes, budgets, autoscalers,
hardened pods, Kafka and PostgreSQL sized per overlay, and only the gateway open to the world."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[2]
TOPICS = [
    line.split()[0]
    for line in (ROOT / "infra/kafka/topics.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
SERVICES = set(re.findall(r"python -m lms\.(\w+)", (ROOT / "infra/Procfile").read_text()))
SIZES = {"dev": 1, "prod": 3}  # Kafka nodes, PostgreSQL instances and topic replicas


def kustomize() -> Path:
    binary = Path(os.environ.get("LMS_RUN_DIR", ROOT / ".run")) / "bin/kustomize"
    if not binary.exists():
        subprocess.run(["make", "-s", "k8s-tools"], cwd=ROOT, check=True)
    return binary


def build(overlay: str) -> list[dict[str, Any]]:
    out = subprocess.run(
        [kustomize(), "build", ROOT / "infra/k8s/overlays" / overlay],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


@pytest.fixture(scope="module", params=sorted(SIZES))
def overlay(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, build(request.param)


def of_kind(render: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in render if doc["kind"] == kind}


def test_every_web_is_probed_served_and_autoscaled(overlay):
    _, render = overlay
    services, autoscalers = of_kind(render, "Service"), of_kind(render, "HorizontalPodAutoscaler")
    webs = {n: d for n, d in of_kind(render, "Deployment").items() if n.endswith("-web")}
    assert set(webs) == {f"{service}-web" for service in SERVICES}
    for name, web in webs.items():
        (app,) = web["spec"]["template"]["spec"]["containers"]
        assert app["livenessProbe"]["httpGet"]["path"] == "/healthz", name
        assert app["readinessProbe"]["httpGet"]["path"] == "/readyz", name
        assert (
            services[name]["spec"]["selector"].items()
            <= web["spec"]["template"]["metadata"]["labels"].items()
        )
        assert autoscalers[name]["spec"]["scaleTargetRef"]["name"] == name


def test_every_deployment_has_a_budget_limits_and_a_hardened_pod(overlay):
    _, render = overlay
    budgets = of_kind(render, "PodDisruptionBudget")
    for name, deployment in of_kind(render, "Deployment").items():
        pod = deployment["spec"]["template"]["spec"]
        (app,) = pod["containers"]
        assert (
            budgets[name]["spec"]["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
        )
        assert app["resources"]["requests"], name
        assert app["resources"]["limits"]["memory"], name
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert app["securityContext"]["readOnlyRootFilesystem"] is True, name
        assert app["securityContext"]["allowPrivilegeEscalation"] is False, name


def test_kafka_runs_in_kraft_with_a_topic_per_line_sized_for_the_overlay(overlay):
    name, render = overlay
    (pool,) = of_kind(render, "KafkaNodePool").values()
    assert pool["spec"]["replicas"] == SIZES[name]
    assert sorted(pool["spec"]["roles"]) == ["broker", "controller"]
    topics = {t["spec"]["topicName"]: t["spec"] for t in of_kind(render, "KafkaTopic").values()}
    assert set(TOPICS) <= set(topics)
    for spec in topics.values():
        assert spec["replicas"] == SIZES[name]
        assert spec["config"]["min.insync.replicas"] == (2 if name == "prod" else 1)


def test_each_service_has_its_own_postgresql_cluster(overlay):
    name, render = overlay
    clusters = of_kind(render, "Cluster")
    assert set(clusters) == {
        f"{s}-pg"
        for s in ("curriculum", "assessment", "progress", "people", "insights", "records", "gateway")
    }
    assert {c["spec"]["instances"] for c in clusters.values()} == {SIZES[name]}


def test_only_the_gateway_is_open_to_the_world(overlay):
    name, render = overlay
    policies = of_kind(render, "NetworkPolicy").values()
    open_ingress = [
        p["metadata"]["name"]
        for p in policies
        if any("from" not in rule for rule in p["spec"].get("ingress", []))
    ]
    assert open_ingress == ["gateway-from-anywhere"]
    assert of_kind(render, "Service")["gateway-web"]["spec"].get("type", "ClusterIP") == "ClusterIP"
    ingresses = of_kind(render, "Ingress")
    if name == "prod":
        (ingress,) = ingresses.values()
        backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"]
        assert backend == "gateway-web"
    else:
        assert not ingresses


def test_kafka_admits_only_authenticated_clients_over_tls_and_authorises_every_request(overlay):
    _, render = overlay
    (cluster,) = of_kind(render, "Kafka").values()
    listeners = cluster["spec"]["kafka"]["listeners"]
    assert [(lsn["tls"], lsn["authentication"]["type"]) for lsn in listeners] == [(True, "scram-sha-512")]
    assert cluster["spec"]["kafka"]["authorization"] == {"type": "simple"}  # no super user of ours
    assert "userOperator" in cluster["spec"]["entityOperator"]
    common = of_kind(render, "ConfigMap")
    (settings,) = [m["data"] for name, m in common.items() if name.startswith("lms-common")]
    assert settings["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert settings["KAFKA_BOOTSTRAP_SERVERS"].endswith(f":{listeners[0]['port']}")


def test_the_gateway_counts_rate_limits_in_a_redis_only_it_reaches(overlay):
    _, render = overlay
    (app,) = of_kind(render, "Deployment")["gateway-web"]["spec"]["template"]["spec"]["containers"]
    storage = {v["name"]: v.get("value") for v in app["env"]}["LMS_RATE_LIMIT_STORAGE"]
    assert storage.startswith("redis://:$(REDIS_PASSWORD)@gateway-redis:6379/")
    assert "gateway-redis" in of_kind(render, "Service")
    (reachers,) = [
        p["spec"]["ingress"]
        for p in of_kind(render, "NetworkPolicy").values()
        if p["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name") == "gateway-redis"
    ]
    assert reachers == [
        {
            "from": [
                {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "gateway", "lms/process": "web"}}}
            ],
            "ports": [{"port": 6379, "protocol": "TCP"}],
        }
    ]


def test_every_image_the_manifests_pull_from_elsewhere_is_pinned_by_digest(overlay):
    _, render = overlay
    workloads = [*of_kind(render, "Deployment").values(), *of_kind(render, "Job").values()]
    containers = [c for w in workloads for c in w["spec"]["template"]["spec"]["containers"]]
    theirs = [
        c["image"] for c in containers if c.get("command", [])[:2] != ["python", "-m"]
    ]  # not an LMS one
    assert theirs  # the gateway's Redis at least
    assert all(re.fullmatch(r"[^\s@]+@sha256:[0-9a-f]{64}", image) for image in theirs), theirs
