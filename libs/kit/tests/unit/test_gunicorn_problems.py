"""gunicorn's own refusals (a URL or header too large, a malformed request) reach clients as
problem+json, not as gunicorn's HTML page, in every process `lms.kit.gunicorn.serve` runs."""

from __future__ import annotations

import json
import socket

from gunicorn import util

from lms.kit.gunicorn import answer_refusals_as_problems, write_problem


def test_a_refusal_is_written_as_a_problem_and_the_connection_closes():
    server, client = socket.socketpair()
    with server, client:
        write_problem(server, 414, "URI Too Long", "Request Line is too large (9000 > 4094)")
        server.shutdown(socket.SHUT_WR)
        raw = b"".join(iter(lambda: client.recv(4096), b""))
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    assert lines[0] == "HTTP/1.1 414 URI Too Long"
    assert "Content-Type: application/problem+json" in lines
    assert "Connection: close" in lines
    assert "X-Content-Type-Options: nosniff" in lines  # as on every reply the apps write
    assert f"Content-Length: {len(body)}" in lines
    problem = json.loads(body)
    assert problem["status"] == 414
    assert problem["detail"] == "Request Line is too large (9000 > 4094)"
    assert problem["type"].endswith("/uri-too-long")


def test_the_worker_hook_replaces_gunicorns_html_writer():
    original = util.write_error
    try:
        answer_refusals_as_problems(None)
        assert util.write_error is write_problem
    finally:
        util.write_error = original
