"""`/healthz` and `/readyz` report each upstream; an upstream that is down degrades, never blocks."""

from __future__ import annotations

from lms.gateway.testing.servers import free_port


def test_healthz_reports_every_upstream(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["upstreams"] == {"curriculum": "ok", "assessment": "ok", "progress": "ok"}


def test_readyz_is_ready_when_everything_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ready"
    assert response.get_json()["checks"] == {"database": "ok"}


def test_readyz_is_degraded_but_200_while_an_upstream_is_down(make_gateway):
    client = make_gateway({"/api/v1/reports": f"http://127.0.0.1:{free_port()}"}).test_client()
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "degraded"
    down = [state for state in body["upstreams"].values() if state != "ok"]
    assert len(down) == 1
    assert "unavailable" in down[0]
