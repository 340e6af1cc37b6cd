"""`/healthz` and `/readyz` report each upstream to admins; an upstream that is down degrades, never
blocks; anyone else learns up or down only, and `/metrics` is for admins and monitoring keys."""

from __future__ import annotations

from lms.testing.gateway.helpers import assert_problem, bearer
from lms.testing.servers import free_port

ADMIN = bearer("root", "admin")
SERVICES = ("curriculum", "assessment", "progress", "people", "insights", "records")


def test_healthz_reports_every_upstream_to_admins(client):
    body = client.get("/healthz", headers=ADMIN).get_json()
    assert body["status"] == "ok"
    assert body["upstreams"] == {name: "ok" for name in SERVICES}


def test_readyz_is_ready_when_everything_answers(client):
    response = client.get("/readyz", headers=ADMIN)
    assert response.status_code == 200
    assert response.get_json()["status"] == "ready"
    assert response.get_json()["checks"] == {"database": "ok"}


def test_readyz_is_degraded_but_200_while_an_upstream_is_down(make_gateway):
    client = make_gateway({"/api/v1/reports": f"http://127.0.0.1:{free_port()}"}).test_client()
    response = client.get("/readyz", headers=ADMIN)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "degraded"
    down = [state for state in body["upstreams"].values() if state != "ok"]
    assert len(down) == 1
    assert "unavailable" in down[0]


def test_the_public_sees_up_or_down_and_nothing_of_the_internals(make_gateway):
    client = make_gateway({"/api/v1/reports": f"http://127.0.0.1:{free_port()}"}).test_client()
    for headers in ({}, bearer("lea", "learner"), bearer("hr1", "hr")):
        ready = client.get("/readyz", headers=headers)
        assert ready.status_code == 200
        assert ready.get_json() == {"status": "degraded"}
        assert client.get("/healthz", headers=headers).get_json() == {"status": "ok"}


def test_metrics_are_for_admins_and_keys_with_the_metrics_scope(client):
    assert_problem(client.get("/metrics"), 401)
    assert_problem(client.get("/metrics", headers=bearer("lea", "learner")), 403)
    assert b"lms_gateway" in client.get("/metrics", headers=ADMIN).data
    created = client.post(
        "/api/v1/api-keys", json={"name": "prom", "roles": ["learner"], "scopes": ["metrics"]}, headers=ADMIN
    ).get_json()
    scraped = client.get("/metrics", headers={"Authorization": f"Bearer {created['key']}"})
    assert scraped.status_code == 200
    assert scraped.mimetype == "text/plain"
