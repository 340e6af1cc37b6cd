"""Events of the other services, as they publish them (small factories with unique ids)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime
from typing import Any

from lms.contracts import events
from lms.contracts.events import SURVEY_PARTICIPATED, SURVEY_RELEASED, SURVEY_RESPONDED

LEADERS_COURSE = {
    "slug": "training-that-targets-the-real-need",
    "title": "For team leaders: training that targets the real need",
    "modules": [
        ("finding-the-real-need", ["diagnosing-training-needs"]),
        ("metrics-that-work-against-service", ["choosing-service-metrics"]),
        ("policies-that-trap-staff", ["designing-call-boundaries"]),
        ("supporting-emotional-load", ["supporting-emotional-labour"]),
    ],
}
QUESTIONING_COURSE = {
    "slug": "questioning-skills",
    "title": "Questioning skills",
    "modules": [
        ("things-and-people", ["asking-about-impact"]),
        ("beyond-the-standard-opener", ["question-sequencing"]),
        ("positive-language", ["positive-language"]),
    ],
}


def now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def team(team_id: str, members: list[str], manager: str | None, name: str | None = None) -> dict[str, Any]:
    return {
        "team_id": team_id,
        "display_name": name or f"Team {team_id[:8]}",
        "members": members,
        "manager_learner_id": manager,
        "deleted": False,
        "occurred_at": now(),
    }


def user(learner_id: str, manager: str | None) -> dict[str, Any]:
    return {
        "user_id": str(uuid.uuid5(uuid.NAMESPACE_URL, learner_id)),
        "learner_id": learner_id,
        "manager_learner_id": manager,
        "active": True,
        "occurred_at": now(),
    }


def course(course: dict[str, Any], course_id: str | None = None, version: int = 1) -> dict[str, Any]:
    course_id = course_id or str(uuid.uuid4())
    modules = [
        {
            "module_id": f"{course_id[:8]}-{key}",
            "key": key,
            "position": i,
            "title": key.replace("-", " ").capitalize(),
            "required": True,
            "competencies": comps,
            "assessment_id": None,
            "lessons": [
                {
                    "lesson_id": f"{course_id[:8]}-{key}-l1",
                    "position": 0,
                    "title": "Lesson",
                    "kind": "text",
                    "duration_min": 5,
                }
            ],
        }
        for i, (key, comps) in enumerate(course["modules"])
    ]
    return {
        "course_id": course_id,
        "slug": course["slug"],
        "title": course.get("title", course["slug"]),
        "version": version,
        "published_at": now(),
        "modules": modules,
    }


def diagnostic(learner_id: str, percents: dict[str, float]) -> dict[str, Any]:
    scores = {c: {"score": p * 4, "max_score": 4, "percent": p} for c, p in percents.items()}
    return {
        "attempt_id": str(uuid.uuid4()),
        "learner_id": learner_id,
        "assessment_id": "diag",
        "assessment_version": 1,
        "competency_scores": scores,
        "recommended_modules": [],
        "completed_at": now(),
    }


def responded(survey_id: str, analysis_id: str, scores: dict[str, float]) -> dict[str, Any]:
    return {
        "survey_id": survey_id,
        "survey_version": 1,
        "needs_analysis_id": analysis_id,
        "scores": scores,
        "group_id": analysis_id,
    }


def participated(learner_id: str, survey_id: str, analysis_id: str) -> dict[str, Any]:
    return {
        "learner_id": learner_id,
        "survey_id": survey_id,
        "needs_analysis_id": analysis_id,
        "participated_at": now(),
    }


def released(analysis_id: str, groups: dict[str, list[dict]], min_group_size: int = 5) -> dict[str, Any]:
    """The sealed responses of a closed analysis as assessment releases them: per survey, shuffled;
    a group under the floor with its count only."""
    surveys = []
    for survey_id, responses in groups.items():
        withheld = len(responses) < min_group_size
        shuffled = random.sample(responses, len(responses))
        surveys.append({"survey_id": survey_id, "respondents": len(responses), "withheld": withheld,
                        "responses": [] if withheld else shuffled})  # fmt: skip
    return {"needs_analysis_id": analysis_id, "min_group_size": min_group_size, "surveys": surveys}


def completed(learner_id: str, course_id: str, at: datetime) -> dict[str, Any]:
    return {
        "completion_id": str(uuid.uuid4()),
        "enrolment_id": str(uuid.uuid4()),
        "learner_id": learner_id,
        "course_id": course_id,
        "course_version": 1,
        "completed_at": at.isoformat().replace("+00:00", "Z"),
        "score": 1.0,
        "certificate_code": uuid.uuid4().hex[:12],
    }


EVENTS = {
    "team": events.TEAM_CHANGED,
    "user": events.USER_PROVISIONED,
    "course": events.COURSE_PUBLISHED,
    "diagnostic": events.DIAGNOSTIC_COMPLETED,
    "completed": events.COURSE_COMPLETED,
    "responded": SURVEY_RESPONDED,
    "participated": SURVEY_PARTICIPATED,
    "released": SURVEY_RELEASED,
}
