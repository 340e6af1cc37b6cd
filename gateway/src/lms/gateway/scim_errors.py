"""Under /scim/v2 an error is a SCIM Error message (RFC 7644 section 3.12), whoever answers it.

Identity providers read `application/scim+json` errors and nothing else, so the problems the
gateway answers on SCIM paths itself (401, 403, 413, 429, 400 for a body it refuses, 502-504 for
an upstream that failed) are reshaped here: same status and headers, the problem's detail, and
`scimType: invalidSyntax` for a 400 (a body or URL the gateway could not accept). A problem an
upstream answered is reshaped the same way; the people service itself answers SCIM already.
"""

from __future__ import annotations

import json

from flask import Response, request

from lms.kit.web.problems import PROBLEM_JSON

SCIM_PREFIX = "/scim/v2"
SCIM_JSON = "application/scim+json"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"


def reshape(response: Response) -> Response:
    """after_request: a problem+json answer on a SCIM path becomes a SCIM Error message."""
    if response.mimetype != PROBLEM_JSON or response.is_streamed or not _under_scim(request.path):
        return response
    try:
        problem = json.loads(response.get_data())
    except ValueError:
        problem = {}
    status = response.status_code
    body = {"schemas": [ERROR_SCHEMA], "status": str(status)}
    if status == 400:
        body["scimType"] = "invalidSyntax"
    body["detail"] = str(problem.get("detail") or problem.get("title") or response.status)
    response.set_data(json.dumps(body))
    response.mimetype = SCIM_JSON
    return response


def _under_scim(path: str) -> bool:
    return path == SCIM_PREFIX or path.startswith(SCIM_PREFIX + "/")
