"""Gateway throughput: the same GETs straight to the service and through the gateway, same run.

    python bench/gateway.py [--seconds 6] [--rounds 2] [--connections 16]
                            [--upstream-url URL --course-path P --enrolment-path P --token JWT]

Without --upstream-url it starts a stand-in service (kit web base, gunicorn 2 x 4 gthread) with
  - a cached GET: a published 6 x 4 course as frozen JSON bytes, `Cache-Control: public,
    max-age=60` and an ETag (as curriculum serves published versions), and
  - a DB-backed GET: an enrolment with its 6 module rows and their lesson completions, loaded
    through the SQLAlchemy ORM from SQLite and dumped with marshmallow (as progress does),
and the gateway (`python -m lms.gateway web`, same gunicorn settings) in front of it, all on
127.0.0.1, driven by wrk. The gateway's rate limiter stays on (with a limit the run never hits).
"course, cache bypassed" sends `Cache-Control: no-cache`, so it shows the proxy path alone.
Aims: >= 0.4 of direct on the cached GET, >= 0.75 on the DB-backed one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import marshmallow as ma
from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from load import PYTHON, free_port, server, table, wrk
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, load_settings
from lms.kit.db import make_engine
from lms.kit.web import Problem, create_app, current_principal, requires

SECRET = "bench-secret-bench-secret-bench-secret"
LEARNER = "learner-bench"
AIMS = {"cached GET (course)": 0.4, "DB-backed GET (enrolment)": 0.75}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=6, help="per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="the best round of each case counts")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--upstream-url", help="a running service instead of the stand-in")
    parser.add_argument("--enrolment-upstream-url", help="when enrolments live elsewhere (progress)")
    parser.add_argument("--course-path", default="/api/v1/courses/c-bench")
    parser.add_argument("--enrolment-path", default="/api/v1/enrolments/e-bench")
    parser.add_argument("--token", help="bearer token the upstream accepts (default: minted)")
    parser.add_argument("--serve-upstream", nargs=2, metavar=("BIND", "DB_URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_upstream:
        from lms.kit.gunicorn import serve

        bind, db_url = args.serve_upstream
        serve(lambda: upstream_app(db_url), bind=bind)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-gateway-"))
    if args.upstream_url:
        run(args, args.upstream_url, args.enrolment_upstream_url or args.upstream_url, work)
    else:
        db_url = f"sqlite:///{work / 'standin.db'}"
        seed(db_url)
        port = free_port()
        env = {"LMS_JWT_SECRET": SECRET, "LMS_LOG_LEVEL": "WARNING"}
        standin = [__file__, "--serve-upstream", f"127.0.0.1:{port}", db_url]
        with server(standin, env, f"http://127.0.0.1:{port}/healthz", work / "standin.log"):
            run(args, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}", work)
    shutil.rmtree(work)  # kept (with the servers' logs) when a run fails


def run(args: argparse.Namespace, course_url: str, enrolment_url: str, work: Path) -> None:
    token = args.token or mint_token(JwtSettings(secret=SECRET), LEARNER, ["learner"])
    auth = {"Authorization": f"Bearer {token}"}
    gateway_port = free_port()
    env = {
        "LMS_JWT_SECRET": os.environ.get("LMS_JWT_SECRET", SECRET),
        "LMS_LOG_LEVEL": "WARNING",
        "GATEWAY_DATABASE_URL": f"sqlite:///{work / 'gateway.db'}",
        "LMS_RATE_LIMIT_AUTHENTICATED": "100000000/minute",
        "LMS_GATEWAY_ROUTES": json.dumps(
            {_prefix(args.course_path): course_url, _prefix(args.enrolment_path): enrolment_url}
        ),
    }
    subprocess.run([PYTHON, "-m", "lms.gateway", "migrate"], env={**os.environ, **env}, check=True)
    gateway = f"http://127.0.0.1:{gateway_port}"
    cases = [
        ("cached GET (course)", f"{course_url}{args.course_path}", f"{gateway}{args.course_path}", {}),
        (
            "course, cache bypassed",
            f"{course_url}{args.course_path}",
            f"{gateway}{args.course_path}",
            {"Cache-Control": "no-cache"},
        ),
        (
            "DB-backed GET (enrolment)",
            f"{enrolment_url}{args.enrolment_path}",
            f"{gateway}{args.enrolment_path}",
            {},
        ),
    ]
    command = ["-m", "lms.gateway", "web", "--bind", f"127.0.0.1:{gateway_port}"]
    with server(command, env, f"{gateway}/healthz", work / "gateway.log"):
        for _name, direct, through, extra in cases:  # warm-up: pools, caches, compiled SQL
            wrk(direct, {**auth, **extra}, 1, args.connections)
            wrk(through, {**auth, **extra}, 1, args.connections)
        results = {name: ([], []) for name, *_ in cases}
        for _ in range(args.rounds):
            for name, direct, through, extra in cases:
                results[name][0].append(wrk(direct, {**auth, **extra}, args.seconds, args.connections))
                results[name][1].append(wrk(through, {**auth, **extra}, args.seconds, args.connections))
    report(results, args)


def report(results: dict[str, tuple[list[float], list[float]]], args: argparse.Namespace) -> None:
    rows = [("case", "direct req/s", "via gateway req/s", "ratio", "aim", "rounds (direct / gateway)")]
    for name, (direct, through) in results.items():
        ratio = max(through) / max(direct)
        aim = AIMS.get(name)
        verdict = f">= {aim}: {'met' if ratio >= aim else 'MISSED'}" if aim else "(information)"
        each = " ".join(f"{d:,.0f}/{t:,.0f}" for d, t in zip(direct, through, strict=True))
        rows.append((name, f"{max(direct):,.0f}", f"{max(through):,.0f}", f"{ratio:.2f}", verdict, each))
    print(
        f"gateway benchmark: gunicorn 2 x 4 gthread (service and gateway), wrk 1 thread, "
        f"{args.connections} connections, {args.seconds} s x {args.rounds} rounds (best counts), "
        "everything on one 2-core machine\n"
    )
    print(table(rows))


def _prefix(path: str) -> str:
    return path.rsplit("/", 1)[0]


# ---- the stand-in service: what curriculum and progress do on these two GETs -----------------


def seed(db_url: str, modules: int = 6, lessons: int = 4) -> None:
    engine = make_engine(db_url)
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        enrolment = Enrolment(id="e-bench", learner_id=LEARNER, course_id="c-bench", course_version=1)
        for m in range(modules):
            module = ModuleProgress(module_id=f"m{m}", position=m, lessons_total=lessons)
            module.lessons = [LessonCompletion(lesson_id=f"m{m}-l{n}") for n in range(m % (lessons + 1))]
            enrolment.modules.append(module)
        session.add(enrolment)


def upstream_app(db_url: str) -> Flask:
    engine = make_engine(db_url)
    course = json.dumps(_course(), separators=(",", ":")).encode()
    blp = Blueprint("bench", __name__)

    @blp.route("/courses/<course_id>")
    class CoursesById(MethodView):
        @requires()
        def get(self, course_id: str) -> Response:
            """A published course version: frozen JSON bytes."""
            if request.headers.get("If-None-Match") == '"c-bench-v1"':
                return Response(status=304, headers={"ETag": '"c-bench-v1"'})
            headers = {"Cache-Control": "public, max-age=60", "ETag": '"c-bench-v1"'}
            return Response(course, mimetype="application/json", headers=headers)

    @blp.route("/enrolments/<enrolment_id>")
    class EnrolmentsById(MethodView):
        @blp.response(200, EnrolmentSchema)
        @requires("learner", "hr")
        def get(self, enrolment_id: str) -> Enrolment:
            """An enrolment with its module progress, from the database."""
            options = selectinload(Enrolment.modules).selectinload(ModuleProgress.lessons)
            with Session(engine) as session:
                enrolment = session.get(Enrolment, enrolment_id, options=[options])
            principal = current_principal()
            if enrolment is None or not (enrolment.learner_id == principal.sub or principal.has_any("hr")):
                raise Problem(404, f"No enrolment {enrolment_id}.")
            return enrolment

    return create_app(load_settings("progress"), title="bench stand-in", blueprints=[blp])


def _course(modules: int = 6, lessons: int = 4) -> dict:
    words = " ".join(["Ask what the problem means for the customer, not only what is broken."] * 30)
    return {
        "id": "c-bench",
        "version": 1,
        "title": "Questioning skills",
        "modules": [
            {
                "id": f"m{m}",
                "title": f"Module {m}",
                "lessons": [
                    {"id": f"m{m}-l{n}", "title": f"Lesson {n}", "body": words} for n in range(lessons)
                ],
            }
            for m in range(modules)
        ],
    }


class Base(DeclarativeBase):
    pass


class LessonCompletion(Base):
    __tablename__ = "lesson_completions"
    id: Mapped[int] = mapped_column(primary_key=True)
    module_progress_id: Mapped[int] = mapped_column(ForeignKey("module_progress.id"))
    lesson_id: Mapped[str] = mapped_column(String(40))


class ModuleProgress(Base):
    __tablename__ = "module_progress"
    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[str] = mapped_column(ForeignKey("enrolments.id"))
    module_id: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    lessons_total: Mapped[int]
    assessment_passed: Mapped[bool] = mapped_column(default=False)
    lessons: Mapped[list[LessonCompletion]] = relationship()


class Enrolment(Base):
    __tablename__ = "enrolments"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    learner_id: Mapped[str] = mapped_column(String(80))
    course_id: Mapped[str] = mapped_column(String(40))
    course_version: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="active")
    modules: Mapped[list[ModuleProgress]] = relationship(order_by=ModuleProgress.position)


class ModuleSchema(ma.Schema):
    module_id = ma.fields.String()
    status = ma.fields.Function(lambda m: "completed" if len(m.lessons) == m.lessons_total else "active")
    lessons_completed = ma.fields.Function(lambda m: len(m.lessons))
    lessons_total = ma.fields.Integer()
    assessment_passed = ma.fields.Boolean()


class EnrolmentSchema(ma.Schema):
    id = ma.fields.String()
    learner_id = ma.fields.String()
    course_id = ma.fields.String()
    course_version = ma.fields.Integer()
    status = ma.fields.String()
    percent = ma.fields.Function(
        lambda e: round(
            100 * sum(len(m.lessons) for m in e.modules) / sum(m.lessons_total for m in e.modules)
        )
    )
    modules = ma.fields.List(ma.fields.Nested(ModuleSchema))


if __name__ == "__main__":
    main()
