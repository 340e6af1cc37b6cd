"""`make demo`: the suite's story in the terminal, against a running suite (`make run`).

An author publishes, a learner takes a diagnostic and follows the recommended modules,
fails and then passes each scenario quiz, completes the course; HR sees it in the feed, as
CSV, as xAPI and by a signed webhook; the certificate verifies.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import uuid
from pathlib import Path

import httpx

from lms.contracts import events
from lms.kit.auth import mint_token
from lms.kit.config import load_jwt_settings
from lms.tools.dev import AUTHOR, HR
from lms.tools.importer import Importer
from lms.tools.journeys import Learner, course_by_slug, definitions, eventually, responses
from lms.tools.webhook_receiver import Receiver, signature_valid

COURSE = "questioning-skills"


def say(text: str = "", indent: int = 0) -> None:
    print(" " * indent + text, flush=True)


def step(title: str) -> None:
    say()
    say(f"── {title} " + "─" * max(0, 70 - len(title)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make demo", description=__doc__)
    parser.add_argument("--url", default=os.environ.get("LMS_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--courses", type=Path, default=Path("courses"))
    args = parser.parse_args(argv)
    jwt = load_jwt_settings(os.environ, Path(os.environ.get("LMS_RUN_DIR", ".run")).resolve())
    if not jwt.secret:
        print("demo: no dev secret; start the suite with `make run` first", file=sys.stderr)
        return 1
    learner_id = f"demo-{uuid.uuid4().hex[:6]}"

    def client(sub: str, role: str, name: str, root: bool = False) -> httpx.Client:
        token = mint_token(jwt, sub, [role], name)
        return httpx.Client(
            base_url=args.url + ("" if root else "/api/v1"),
            timeout=30,
            headers={"Authorization": f"Bearer {token}"},
        )

    try:
        httpx.get(f"{args.url}/healthz", timeout=3)
    except httpx.HTTPError:
        print(f"demo: nothing answers at {args.url}; start the suite with `make run`", file=sys.stderr)
        return 1
    with (
        client(AUTHOR.sub, AUTHOR.role, AUTHOR.name, root=True) as author,
        client(learner_id, "learner", "Dana Demo") as learner_http,
        client(HR.sub, HR.role, HR.name) as hr,
    ):
        return story(args, author, Learner(learner_http), learner_http, hr)


def story(
    args: argparse.Namespace,
    author: httpx.Client,
    learner: Learner,
    learner_http: httpx.Client,
    hr: httpx.Client,
) -> int:
    quizzes = definitions(args.courses / COURSE)
    step("1. An author publishes the course (assessments first, then the course)")
    for report in Importer(author).run([args.courses / COURSE], progress=False):
        say(report.line(), 3)
    course = course_by_slug(learner_http, COURSE)
    say(
        f"“{course['title']}”: version {course['version']}, {len(course['modules'])} modules, "
        f"{course['lessons_count']} lessons, ~{course['duration_min']} minutes",
        3,
    )

    step("2. HR registers a webhook for completions")
    receiver = Receiver()
    hook = hr.post(
        "/webhooks", json={"url": receiver.url, "event_types": [events.COURSE_COMPLETED.name]}
    ).json()
    say(f"endpoint {hook['url']}, secret {hook['secret'][:12]}… (shown once)", 3)

    step("3. Dana takes the diagnostic: where does she need training?")
    ids = {a["slug"]: a["id"] for a in author.get("/api/v1/assessments").json()}
    diagnostic = learner.take(
        ids[f"{COURSE}-diagnostic"], responses(quizzes[f"{COURSE}-diagnostic"], best=False)
    )
    weak = sorted({r["competency"] for r in diagnostic["recommended_modules"]})
    say(f"weakest competencies: {', '.join(weak)}", 3)
    titles = {m["id"]: m["title"] for m in course["modules"]}
    for module_id in dict.fromkeys(r["module_id"] for r in diagnostic["recommended_modules"]):
        say(f"recommended: {titles.get(module_id, module_id)}", 3)

    step("4. Dana enrols and works through the modules")
    enrolment = learner.enrol(course["id"])
    say(f"enrolled, pinned to version {enrolment['course_version']}", 3)
    for module in course["modules"]:
        for lesson in module["lessons"]:
            learner.complete(enrolment["id"], lesson["id"])
        quiz = quizzes[module["assessment_slug"]]
        failed = learner.take(module["assessment_id"], responses(quiz, best=False))
        passed = learner.take(module["assessment_id"], responses(quiz, best=True))
        feedback = next((f for i in failed["items"] for f in i.get("feedback", []) if f), "")
        say(
            f"{module['title']}: {len(module['lessons'])} lessons; quiz {failed['percent']:.0%} "
            f"(not yet: “{feedback[:70]}…”), then {passed['percent']:.0%} passed",
            3,
        )

    step("5. Progress completes the course from the graded attempts")
    done = eventually(
        lambda: (
            (e := learner_http.get(f"/enrolments/{enrolment['id']}").json())["status"] == "completed" and e
        )
    )
    say(
        f"completed at {done['completed_at']}, score {done['score']:.0%}, "
        f"certificate {done['certificate_code']}",
        3,
    )

    step("6. What HR sees")
    feed = hr.get("/completions", params={"limit": 1000}).json()["items"]
    mine = next(c for c in feed if c["enrolment_id"] == enrolment["id"])
    say(
        "feed:    "
        + json.dumps({k: mine[k] for k in ("learner_id", "course_version", "completed_at", "score")}),
        3,
    )
    rows = [
        r
        for r in csv.DictReader(io.StringIO(hr.get("/completions.csv").text))
        if r["enrolment_id"] == enrolment["id"]
    ]
    say(f"CSV:     {','.join(rows[0].values())}", 3)
    statements = hr.get("/xapi/statements", params={"limit": 1000}).json()["statements"]
    verbs = [s["verb"]["display"]["en-US"] for s in statements]
    say(
        f"xAPI:    {len(statements)} statements "
        f"({', '.join(f'{v} {verbs.count(v)}' for v in sorted(set(verbs)))})",
        3,
    )
    # a busy machine may take a while: the sender polls its queue
    headers, body = eventually(lambda: receiver.received and receiver.received[-1], timeout_s=120)
    ok = signature_valid(hook["secret"], headers, body)
    say(
        f"webhook: {len(body)} bytes, webhook-id {headers['webhook-id'][:8]}…, "
        f"signature {'verified' if ok else 'INVALID'}",
        3,
    )

    step("7. Anyone verifies the certificate (no token)")
    answer = httpx.get(f"{args.url}/api/v1/certificates/{done['certificate_code']}")
    certificate = answer.json()
    say(json.dumps(certificate), 3)
    verified = answer.status_code == 200 and certificate.get("code") == done["certificate_code"]
    say(f"certificate {'verified' if verified else 'NOT VERIFIED'}", 3)
    receiver.close()
    say()
    return 0 if ok and verified else 1


if __name__ == "__main__":
    sys.exit(main())
