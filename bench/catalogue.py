"""Catalogue throughput: the curriculum service against a bare Flask endpoint, same JSON, same run.

    python bench/catalogue.py [--seconds 6] [--connections 16]

Both run under gunicorn (2 gthread workers x 4 threads, like `make run`) on 127.0.0.1 and
are driven by wrk. The course has 6 modules x 4 lessons. Aim: >= 0.5 of the bare endpoint.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import free_port, server, table, wrk

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.migrations import packaged, upgrade

SECRET = "bench-secret-bench-secret-bench-secret"
AIM = 0.5


def package(modules: int = 6, lessons: int = 4) -> dict:
    words = " ".join(["Ask what the problem means for the customer, not only what is broken."] * 30)
    return {
        "slug": "bench-course",
        "title": "Questioning skills",
        "summary": "A course of 6 x 4 for the benchmark",
        "topics": ["questioning-skills"],
        "competencies": ["impact-questions"],
        "modules": [
            {
                "key": f"m{m}",
                "title": f"Module {m}",
                "competencies": [f"skill-{m}"],
                "lessons": [
                    {
                        "key": f"l{n}",
                        "title": f"Lesson {m}.{n}",
                        "body": f"## Lesson {n}\n\n{words}",
                        "duration_min": 8,
                    }
                    for n in range(lessons)
                ],
            }
            for m in range(modules)
        ],
    }


def seed(db_url: str) -> str:
    from lms.curriculum.app import create_app

    upgrade(db_url, packaged("lms.curriculum"))
    settings = Settings(service="curriculum", env="dev", database_url=db_url, jwt=JwtSettings(secret=SECRET))
    app = create_app(settings, environ={"LMS_ASSESSMENT_URL": "off"})
    headers = {"Authorization": "Bearer " + mint_token(JwtSettings(secret=SECRET), "bench", ["author"])}
    report = app.test_client().post("/api/v1/course-packages?publish=true", json=package(), headers=headers)
    assert report.status_code == 201, report.get_json()
    return report.get_json()["course_id"]


def bare_app(bodies: dict[str, bytes]):
    from flask import Flask, Response

    app = Flask("bare")
    for n, (path, body) in enumerate(bodies.items()):
        app.add_url_rule(path, f"e{n}", lambda body=body: Response(body, mimetype="application/json"))
    app.add_url_rule("/healthz", "health", lambda: "ok")
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--serve-bare", nargs=2, metavar=("PORT", "BODIES_JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        from lms.kit.gunicorn import serve

        bodies = {k: v.encode() for k, v in json.loads(Path(args.serve_bare[1]).read_text()).items()}
        serve(lambda: bare_app(bodies), bind=f"127.0.0.1:{args.serve_bare[0]}")
        return

    work = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    db_url = f"sqlite:///{work / 'curriculum.db'}"
    course_id = seed(db_url)
    token = mint_token(JwtSettings(secret=SECRET), "learner-1", ["learner"])
    auth = {"Authorization": f"Bearer {token}"}
    paths = {"GET /courses": "/api/v1/courses", "GET /courses/{id}": f"/api/v1/courses/{course_id}"}
    service_port, bare_port = free_port(), free_port()
    env = {"CURRICULUM_DATABASE_URL": db_url, "LMS_JWT_SECRET": SECRET, "LMS_LOG_LEVEL": "WARNING"}
    with server(
        ["-m", "lms.curriculum", "web", "--bind", f"127.0.0.1:{service_port}"],
        env,
        f"http://127.0.0.1:{service_port}/healthz",
        work / "service.log",
    ):
        import urllib.request

        bodies = {}
        for path in paths.values():
            request = urllib.request.Request(f"http://127.0.0.1:{service_port}{path}", headers=auth)
            with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
                bodies[path] = response.read().decode()
        (work / "bodies.json").write_text(json.dumps(bodies))
        service = {
            name: wrk(f"http://127.0.0.1:{service_port}{p}", auth, args.seconds, args.connections)
            for name, p in paths.items()
        }
    with server(
        [__file__, "--serve-bare", str(bare_port), str(work / "bodies.json")],
        {},
        f"http://127.0.0.1:{bare_port}/healthz",
        work / "bare.log",
    ):
        bare = {
            name: wrk(f"http://127.0.0.1:{bare_port}{p}", auth, args.seconds, args.connections)
            for name, p in paths.items()
        }

    rows = [("endpoint", "curriculum req/s", "bare Flask req/s", "ratio", f"aim >= {AIM}")]
    for name in paths:
        ratio = service[name] / bare[name]
        rows.append(
            (
                name,
                f"{service[name]:,.0f}",
                f"{bare[name]:,.0f}",
                f"{ratio:.2f}",
                "met" if ratio >= AIM else "MISSED",
            )
        )
    print(
        f"catalogue benchmark: course of 6 modules x 4 lessons, {len(bodies[paths['GET /courses/{id}']]):,} "
        f"bytes; gunicorn 2 x 4 gthread; wrk 1 thread, {args.connections} connections, {args.seconds} s\n"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
