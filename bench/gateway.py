"""Gateway throughput: the same GETs straight to the service and through the gateway, same run.

    python bench/gateway.py [--seconds 6] [--rounds 2] [--connections 16]
                            [--gateway LABEL=SOURCE ...]
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

`--gateway` (repeatable) runs several gateways side by side and measures each in turn, round by
round: SOURCE is `.` (this checkout, the default), a git revision (its `gateway/src`, e.g. `main`)
or a `.py` file that replaces `lms/gateway/http1.py` in a copy of this checkout's gateway (e.g.
`bench/candidates/http1_httpcore.py`). Besides req/s it prints the gateway's CPU time per
request (its master and workers, from /proc), the figure decision 0077 compares.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import marshmallow as ma
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from load import PYTHON, REPO, free_port, server, table, wrk
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
    parser.add_argument(
        "--gateway",
        action="append",
        metavar="LABEL=SOURCE",
        help="a gateway to measure (repeatable): SOURCE is ., a git revision or an http1.py stand-in",
    )
    parser.add_argument("--client-calls", type=int, default=3000, help="calls of the client-alone figure")
    parser.add_argument("--serve-upstream", nargs=2, metavar=("BIND", "DB_URL"), help=argparse.SUPPRESS)
    parser.add_argument("--client-loop", nargs=3, metavar=("URL", "PATH", "TOKEN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_loop:
        client_loop(*args.client_loop, calls=args.client_calls)
        return
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
    gateways = [gateway_source(spec, work) for spec in args.gateway or ["this checkout=."]]
    routes = {_prefix(args.course_path): course_url, _prefix(args.enrolment_path): enrolment_url}
    cases = [
        ("cached GET (course)", course_url, args.course_path, {}),
        ("course, cache bypassed", course_url, args.course_path, {"Cache-Control": "no-cache"}),
        ("DB-backed GET (enrolment)", enrolment_url, args.enrolment_path, {}),
    ]
    client_cpu = {
        (label, name): client_cpu_per_call(source, upstream, path, token, args.client_calls)
        for label, source in gateways
        for name, upstream, path, _extra in (cases[1], cases[2])
    }
    with contextlib.ExitStack() as running:
        started = [
            (label, running.enter_context(gateway_process(label, source, routes, work)))
            for label, source in gateways
        ]
        for _name, upstream, path, extra in cases:  # warm-up: pools, caches, compiled SQL
            wrk(f"{upstream}{path}", {**auth, **extra}, 1, args.connections)
            for _label, (url, _pid) in started:
                wrk(f"{url}{path}", {**auth, **extra}, 1, args.connections)
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(args.rounds):
            for name, upstream, path, extra in cases:
                direct = wrk(f"{upstream}{path}", {**auth, **extra}, args.seconds, args.connections)
                results.setdefault((name, "direct"), []).append((direct, 0.0))
                for label, (url, pid) in started:
                    before = cpu_seconds(pid)
                    rate = wrk(f"{url}{path}", {**auth, **extra}, args.seconds, args.connections)
                    used = cpu_seconds(pid) - before
                    results.setdefault((name, label), []).append((rate, used / (rate * args.seconds)))
    report(results, [label for label, _ in started], args)
    print(f"\nthe upstream client alone, CPU per call ({args.client_calls} sequential GETs, best of 3):")
    rows = [("case", "gateway", "CPU/call")]
    for (label, name), cpu in sorted(client_cpu.items(), key=_by_case):
        rows.append((name, label, f"{cpu * 1e6:.0f} µs"))
    print(table(rows))


def _by_case(item: tuple[tuple[str, str], float]) -> str:
    return item[0][1]


def client_cpu_per_call(source: Path | None, upstream: str, path: str, token: str, calls: int) -> float:
    """CPU seconds per call of the gateway's upstream client from `source` (in a process of its own)."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))
    command = [PYTHON, __file__, "--client-calls", str(calls), "--client-loop", upstream, path, token]
    runs = [subprocess.run(command, env=env, check=True, capture_output=True, text=True) for _ in range(3)]
    return min(float(run.stdout) for run in runs)


def client_loop(url: str, path: str, token: str, calls: int) -> None:
    """Print the CPU seconds per call of `Pool.request` + `read` with the headers the gateway sends."""
    import time

    from lms.gateway.http1 import Pool

    pool = Pool(url, maxsize=4, connect_s=1.0, read_s=10.0)
    headers = {
        "User-Agent": "curl/8.5.0",
        "Accept": "application/json",
        "Accept-Encoding": "gzip, deflate",
        "Authorization": f"Bearer {token}",
        "X-Forwarded-For": "203.0.113.7",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "lms.example",
        "X-Request-ID": "0" * 32,
    }

    def call() -> None:
        response = pool.request("GET", path, headers, None)
        assert response.status == 200, response.status
        response.read()
        response.release()

    for _ in range(200):
        call()
    started = time.process_time()
    for _ in range(calls):
        call()
    print((time.process_time() - started) / calls)


def gateway_source(spec: str, work: Path) -> tuple[str, Path | None]:
    """`LABEL=SOURCE` -> the label and a `gateway/src` to put first on PYTHONPATH (None: as installed)."""
    label, _, source = spec.partition("=")
    source = source or label
    if source == ".":
        return label, None
    tree = work / f"gateway-{len(list(work.glob('gateway-*')))}"
    if source.endswith(".py"):
        shutil.copytree(REPO / "gateway" / "src", tree / "src")
        shutil.copy(source, tree / "src" / "lms" / "gateway" / "http1.py")
        return label, tree / "src"
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", source, "gateway/src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    return label, tree / "gateway" / "src"


@contextlib.contextmanager
def gateway_process(label: str, source: Path | None, routes: dict[str, str], work: Path):
    """A gateway (gunicorn 2 x 4 gthread) from `source`; yields its URL and its master's pid."""
    port = free_port()
    slug = "".join(c if c.isalnum() else "-" for c in label)
    env = {
        "LMS_JWT_SECRET": os.environ.get("LMS_JWT_SECRET", SECRET),
        "LMS_LOG_LEVEL": "WARNING",
        "GATEWAY_DATABASE_URL": f"sqlite:///{work / f'gateway-{slug}.db'}",
        "LMS_RATE_LIMIT_AUTHENTICATED": "100000000/minute",
        "LMS_GATEWAY_ROUTES": json.dumps(routes),
        "LMS_GATEWAY_SIGNING_KEY": str(signing_key(work)),
    }
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))
    subprocess.run([PYTHON, "-m", "lms.gateway", "migrate"], env={**os.environ, **env}, check=True)
    url = f"http://127.0.0.1:{port}"
    command = ["-m", "lms.gateway", "web", "--bind", f"127.0.0.1:{port}"]
    with server(command, env, f"{url}/healthz", work / f"gateway-{slug}.log") as process:
        yield url, process.pid


def signing_key(work: Path) -> Path:
    """The Ed25519 key the gateway signs internal tokens with (required outside dev)."""
    path = work / "gateway-signing.pem"
    if not path.exists():
        key = ed25519.Ed25519PrivateKey.generate()
        pkcs8, pem = serialization.PrivateFormat.PKCS8, serialization.Encoding.PEM
        path.write_bytes(key.private_bytes(pem, pkcs8, serialization.NoEncryption()))
    return path


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children (a gunicorn master and its workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def report(
    results: dict[tuple[str, str], list[tuple[float, float]]], labels: list[str], args: argparse.Namespace
) -> None:
    rows = [("case", "gateway", "req/s", "ratio to direct", "aim", "gateway CPU/request", "rounds (req/s)")]
    for name in dict.fromkeys(name for name, _ in results):
        direct = max(rate for rate, _cpu in results[(name, "direct")])
        each = " ".join(f"{rate:,.0f}" for rate, _cpu in results[(name, "direct")])
        rows.append((name, "(direct)", f"{direct:,.0f}", "", "", "", each))
        for label in labels:
            measured = results[(name, label)]
            best_rate = max(rate for rate, _cpu in measured)
            ratio = best_rate / direct
            aim = AIMS.get(name)
            verdict = f">= {aim}: {'met' if ratio >= aim else 'MISSED'}" if aim else "(information)"
            cpu = f"{min(cpu for _rate, cpu in measured) * 1000:.2f} ms"
            each = " ".join(f"{rate:,.0f}" for rate, _cpu in measured)
            rows.append(("", label, f"{best_rate:,.0f}", f"{ratio:.2f}", verdict, cpu, each))
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
