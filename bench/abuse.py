"""Ordinary latency under abuse: the same ordinary GETs through the gateway, alone and while
abusive requests run at the gateway's rate limit; p50/p99 of both runs and their ratio.

    python bench/abuse.py [--seconds 15] [--ordinary-rate 20] [--abusers 2] [--abuse-rate 10]
                          [--storage redis://127.0.0.1:56379/0]

It starts a stand-in service (kit web base under gunicorn) and the gateway
(`python -m lms.gateway web`, default limits: 600/minute per principal, import 10, submit 60
and CSV export 10 per minute) on 127.0.0.1, and stops both when done. Ordinary callers (four
learners, each well within its budget) GET an enrolment at a fixed total rate over keep-alive
connections. Each abuser (a principal of its own) sends, at its per-principal rate limit, in
turn: a body declared larger than the limit, a chunked body past the limit, a URL too long for
the server, a submit with 40,000 option ids, and a YAML alias-bomb package. The stand-in
answers abusive requests that get through at once: the services' own defences against the
payloads are measured by their benches; this one measures what the gateway lets reach them
and what abuse costs everyone else. Aim: p99 under abuse <= 2 x p99 without.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from flask import Flask, Response, request
from load import PYTHON, free_port, server, table

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.web import create_app

SECRET = "bench-abuse-3f9c1e7a5b2d4c6e8a0b1d3f5e7c9a2b"
JWT = JwtSettings(secret=SECRET)
AIM = 2.0
MAX_BODY = 5 * 1024 * 1024
ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(8)]
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=15, help="per run")
    parser.add_argument(
        "--ordinary-rate", type=float, default=20, help="ordinary requests per second, in all"
    )
    parser.add_argument("--abusers", type=int, default=2)
    parser.add_argument(
        "--abuse-rate", type=float, default=10, help="per abuser (the default limit: 600/min)"
    )
    parser.add_argument("--storage", default="memory://", help="LMS_RATE_LIMIT_STORAGE (e.g. redis://…)")
    parser.add_argument("--serve-upstream", metavar="BIND", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_upstream:
        from lms.kit.gunicorn import serve

        serve(upstream_app, bind=args.serve_upstream)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-abuse-"))
    with started(work, args.storage) as gateway:
        quiet = measure(gateway, args, abusers=0)
        noisy = measure(gateway, args, abusers=args.abusers)
    report(quiet, noisy, args)
    shutil.rmtree(work)  # kept (with the servers' logs) when a run fails


@contextmanager
def started(work: Path, storage: str) -> Iterator[tuple[str, int]]:
    """The stand-in and the gateway in front of it, for the block; yields the gateway's address."""
    upstream_port, gateway_port = free_port(), free_port()
    env = {
        "LMS_ENV": "dev",
        "LMS_JWT_SECRET": SECRET,
        "LMS_LOG_LEVEL": "WARNING",
        "LMS_RATE_LIMIT_STORAGE": storage,
        "LMS_RUN_DIR": str(work),
        "GATEWAY_DATABASE_URL": f"sqlite:///{work / 'gateway.db'}",
        "LMS_GATEWAY_ROUTES": json.dumps({"/api/v1": f"http://127.0.0.1:{upstream_port}"}),
    }
    subprocess.run([PYTHON, "-m", "lms.gateway", "migrate"], env={**os.environ, **env}, check=True)
    standin = [__file__, "--serve-upstream", f"127.0.0.1:{upstream_port}"]
    gateway = ["-m", "lms.gateway", "web", "--bind", f"127.0.0.1:{gateway_port}"]
    with ExitStack() as stack:
        for command, port, log in ((standin, upstream_port, "standin"), (gateway, gateway_port, "gateway")):
            stack.enter_context(server(command, env, f"http://127.0.0.1:{port}/healthz", work / f"{log}.log"))
        yield ("127.0.0.1", gateway_port)


def measure(gateway: tuple[str, int], args: argparse.Namespace, abusers: int) -> dict:
    """Ordinary latencies (ms) and the abusive answers' statuses of one run."""
    stop = threading.Event()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    callers = 4
    threads = [
        threading.Thread(
            target=ordinary, args=(gateway, f"learner-{n}", args.ordinary_rate / callers, stop, latencies)
        )
        for n in range(callers)
    ]
    threads += [
        threading.Thread(
            target=abuse, args=(gateway, f"mallory-{n}-{time.time_ns()}", args.abuse_rate, stop, statuses)
        )
        for n in range(abusers)
    ]
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join(30)
    return {"latencies": sorted(latencies), "abuse": statuses}


def bearer(sub: str) -> str:
    return "Bearer " + mint_token(JWT, sub, ["learner", "author"])


def paced(rate: float, stop: threading.Event):  # type: ignore[no-untyped-def]
    """Yields at `rate` per second until `stop` (no catching up after a slow request)."""
    interval, due = 1 / rate, time.monotonic()
    while not stop.is_set():
        due = max(due + interval, time.monotonic())
        yield
        time.sleep(max(0.0, due - time.monotonic()))


def ordinary(
    gateway: tuple[str, int], sub: str, rate: float, stop: threading.Event, out: list[float]
) -> None:
    headers = {"Authorization": bearer(sub)}
    connection = http.client.HTTPConnection(*gateway, timeout=30)
    for _ in paced(rate, stop):
        started_at = time.perf_counter()
        connection.request("GET", "/api/v1/enrolments/e-bench", headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"an ordinary request got {response.status}")
        out.append((time.perf_counter() - started_at) * 1000)
    connection.close()


def abuse(gateway: tuple[str, int], sub: str, rate: float, stop: threading.Event, out: Counter[str]) -> None:
    token = bearer(sub)
    kinds = itertools.cycle([declared_too_large, chunked_too_large, url_too_long, huge_submit, alias_bomb])
    for _ in paced(rate, stop):
        kind = next(kinds)
        try:
            out[f"{kind.__name__} {kind(gateway, token)}"] += 1
        except OSError as exc:  # the server may close on us mid-send: that is a refusal too
            out[f"{kind.__name__} {type(exc).__name__}"] += 1


def declared_too_large(gateway: tuple[str, int], token: str) -> int:
    """Content-Length 50 MB, 64 KiB sent: what an attacker does to tie up a worker."""
    with socket.create_connection(gateway, timeout=30) as sock:
        head = f"POST /api/v1/course-packages HTTP/1.1\r\nHost: x\r\nAuthorization: {token}\r\n"
        sock.sendall(
            f"{head}Content-Type: application/json\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n".encode()
        )
        sock.sendall(b"x" * 65536)
        return int(sock.recv(64).split(b" ")[1])


def chunked_too_large(gateway: tuple[str, int], token: str) -> int:
    chunk = b"y" * 65536
    body = (chunk for _ in range(MAX_BODY // len(chunk) + 2))
    return send(gateway, "POST", "/api/v1/course-packages", token, body, encode_chunked=True)


def url_too_long(gateway: tuple[str, int], token: str) -> int:
    return send(gateway, "GET", "/api/v1/enrolments?q=" + "a" * 9000, token)


def huge_submit(gateway: tuple[str, int], token: str) -> int:
    ids = [f"option-{n}" for n in range(40_000)]
    body = json.dumps({"responses": [{"item_id": "item-1", "option_ids": ids}]}).encode()
    return send(gateway, "POST", "/api/v1/attempts/a-bench/submit", token, body)


def alias_bomb(gateway: tuple[str, int], token: str) -> int:
    return send(
        gateway,
        "POST",
        "/api/v1/course-packages?dry_run=true",
        token,
        ALIAS_BOMB.encode(),
        "application/yaml",
    )


def send(
    gateway, method, path, token, body=None, content_type="application/json", encode_chunked=False
) -> int:  # type: ignore[no-untyped-def]
    connection = http.client.HTTPConnection(*gateway, timeout=30)
    try:
        headers = {"Authorization": token, "Content-Type": content_type}
        connection.request(method, path, body=body, headers=headers, encode_chunked=encode_chunked)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def report(quiet: dict, noisy: dict, args: argparse.Namespace) -> None:
    rows = [("run", "ordinary requests", "p50 ms", "p99 ms")]
    for name, run in (("without abuse", quiet), ("under abuse", noisy)):
        latencies = run["latencies"]
        rows.append(
            (
                name,
                str(len(latencies)),
                f"{percentile(latencies, 50):.1f}",
                f"{percentile(latencies, 99):.1f}",
            )
        )
    ratio = percentile(noisy["latencies"], 99) / percentile(quiet["latencies"], 99)
    print(
        f"abuse benchmark: gateway and stand-in under gunicorn 2 x 4 gthread on one machine; "
        f"{args.ordinary_rate:g} ordinary req/s; {args.abusers} abusers at {args.abuse_rate:g} req/s each; "
        f"{args.seconds:g} s per run; rate-limit store {args.storage}\n"
    )
    print(table(rows))
    print(
        f"\np99 under abuse / p99 without: {ratio:.2f} (aim <= {AIM}: {'met' if ratio <= AIM else 'MISSED'})"
    )
    print("abusive requests, by kind and answer:")
    for key, count in sorted(noisy["abuse"].items()):
        print(f"  {key}: {count}")


def percentile(values: list[float], pct: float) -> float:
    return values[min(len(values) - 1, int(len(values) * pct / 100))]


def upstream_app() -> Flask:
    """The stand-in: an enrolment read, and quick answers to whatever abuse gets through."""
    app = create_app(Settings(service="standin", env="dev", jwt=JWT), title="abuse bench stand-in")
    enrolment = json.dumps({"id": "e-bench", "course_id": "c-bench", "status": "in_progress"}).encode()

    def read_enrolment(enrolment_id: str) -> Response:
        return Response(enrolment, mimetype="application/json")

    def refuse_payload(**_ids: str) -> Response:
        request.get_data()
        return Response(b'{"status": 422}', status=422, mimetype="application/problem+json")

    app.add_url_rule("/api/v1/enrolments/<enrolment_id>", "enrolment", read_enrolment)
    app.add_url_rule("/api/v1/course-packages", "packages", refuse_payload, methods=["POST"])
    app.add_url_rule("/api/v1/attempts/<attempt_id>/submit", "submit", refuse_payload, methods=["POST"])
    return app


if __name__ == "__main__":
    main()
