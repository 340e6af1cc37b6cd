"""Every operation gets a stable, readable `operationId` (resource + verb) from its method and path.

Generated clients name their calls after it (`listCourses`, `createEnrolment`, `submitAttempt`),
so it must not change when a view is edited. The rule:

- `GET /courses` → `listCourses`, `POST /courses` → `createCourse`, `GET|PATCH|PUT|DELETE
  /courses/{course_id}` → `getCourse`, `updateCourse`, `replaceCourse`, `deleteCourse`;
- a resource under another is named with its parent: `GET /courses/{course_id}/versions` →
  `listCourseVersions`; a singular word after an id is a part of it: `getTeamProgress`;
- `POST .../{id}/<action>` (publish, retire, submit, ...) → `publishCourse`, `submitAttempt`;
- `GET ....csv` → `exportCompletionsCsv`.

Where the rule reads badly, `OVERRIDES` names the operation; a view's own `operationId` wins
over both. A test keeps the whole list of ids (`clients/operations.txt`) from changing unseen.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from apispec import BasePlugin

ACTIONS = frozenset({"publish", "retire", "submit", "complete", "close", "upgrade", "redeliver"})
VERBS = {"get": "get", "put": "replace", "patch": "update", "delete": "delete"}
PREFIX = "/api/v1"
OVERRIDES = {
    ("POST", "/api/v1/assessments/{assessment_id}/attempts"): "startAttempt",
    ("POST", "/api/v1/attempts/{attempt_id}/steps"): "takeScenarioStep",
    ("POST", "/api/v1/attempts/{attempt_id}/reviews"): "reviewAttempt",
    ("POST", "/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete"): "completeLesson",
    ("GET", "/api/v1/certificates/{code}"): "verifyCertificate",
    ("POST", "/api/v1/course-packages"): "importCoursePackage",
    ("GET", "/api/v1/courses/{course_id}/package"): "exportCoursePackage",
    ("POST", "/api/v1/kpis"): "importKpis",
    ("DELETE", "/api/v1/api-keys/{key_id}"): "revokeApiKey",
    ("GET", "/api/v1/me/certifications"): "listMyCertifications",
    ("GET", "/api/v1/me/team"): "getMyTeamProgress",
    ("GET", "/api/v1/reports/overdue"): "getOverdueReport",
    ("GET", "/api/v1/reports/courses/{course_id}"): "getCourseReport",
    ("GET", "/api/v1/reports/compliance"): "getComplianceReport",
    ("GET", "/api/v1/reports/compliance.csv"): "exportComplianceReportCsv",
    ("GET", "/api/v1/dashboard/charts"): "getDashboardCharts",
    ("GET", "/api/v1/dashboard/choices"): "getDashboardChoices",
    ("POST", "/api/v1/cmi5-packages"): "importCmi5Package",
    ("POST", "/api/v1/cmi5/fetch/{key}"): "fetchCmi5AuthToken",
    ("POST", "/api/v1/cmi5/sessions/{session_id}/abandon"): "abandonCmi5Session",
    ("GET", "/api/v1/enrolments/{enrolment_id}/aus"): "listEnrolmentAus",
    ("POST", "/api/v1/enrolments/{enrolment_id}/aus/{lesson_id}/launches"): "launchAu",
    ("POST", "/api/v1/enrolments/{enrolment_id}/aus/{lesson_id}/waive"): "waiveAu",
}
PARAMETER = re.compile(r"^\{[^}]+\}$")


def operation_id(method: str, path: str) -> str:
    """The operationId of `METHOD path` (path as in the OpenAPI document, `/api/v1/...`)."""
    method = method.upper()
    if (method, path) in OVERRIDES:
        return OVERRIDES[(method, path)]
    segments = [s for s in path.removeprefix(PREFIX).split("/") if s]
    verb = None
    if method == "POST" and segments and segments[-1] in ACTIONS:
        verb = segments.pop()
    item = bool(segments) and PARAMETER.match(segments[-1]) is not None
    index = len(segments) - (2 if item else 1)
    name = segments[index] if index >= 0 else "root"
    name, export = (name.removesuffix(".csv"), True) if name.endswith(".csv") else (name, False)
    qualifier = _qualifier(segments, index)
    if export:
        return f"export{qualifier}{_camel(name)}Csv"
    if verb is None:
        verb = _verb(method, item, _plural(name))
    one = item or verb not in ("list", "replace")
    return f"{verb}{qualifier}{_camel(_singular(name) if one else name)}"


def _verb(method: str, item: bool, plural: bool) -> str:
    if method == "GET":
        return "list" if plural and not item else "get"
    if method == "POST":
        return "create"
    return VERBS.get(method.lower(), method.lower())


def _qualifier(segments: list[str], index: int) -> str:
    """The parent resource's name, singular when the resource sits under one of its items."""
    if index < 1:
        return ""
    before = segments[index - 1]
    if PARAMETER.match(before):
        return _camel(_singular(segments[index - 2])) if index >= 2 else ""
    return _camel(before)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def _singular(word: str) -> str:
    if not _plural(word):
        return word
    if word.endswith("yses"):
        return word[:-2] + "is"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


def _camel(word: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_.]", word) if part)


def _describe(responses: dict[str, Any]) -> None:
    """A response a view documents by hand (`@blp.doc(responses=...)`) may lack the description
    OpenAPI requires (and client generators refuse to go without): it gets the status's phrase."""
    for status, response in responses.items():
        if isinstance(response, dict) and "$ref" not in response and "description" not in response:
            phrase = HTTPStatus(int(status)).phrase if status.isdigit() else "Any other answer"
            response["description"] = phrase


class OperationIds(BasePlugin):
    """apispec plugin: fills in `operationId` (a view's own is kept) and missing response
    descriptions as each path is added."""

    def operation_helper(self, path: str | None = None, operations: dict | None = None, **_: Any) -> None:
        for method, operation in (operations or {}).items():
            if isinstance(operation, dict) and path is not None:
                operation.setdefault("operationId", operation_id(method, path))
                _describe(operation.get("responses", {}))
