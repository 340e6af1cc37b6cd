"""The payloads of a needs analysis's events: who is invited, that it closed, and its frozen aggregates.

None of them carries a person's answers; only `opened` names people (the invitation lists).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row

from lms.insights.db import iso


def opened_event(analysis: dict[str, Any]) -> dict[str, Any]:
    return {
        "needs_analysis_id": analysis["id"],
        "team_id": analysis["team_id"],
        "survey_id": analysis["survey_id"],
        "leader_questionnaire_id": analysis["leader_questionnaire_id"],
        "opens_at": iso(analysis["opens_at"]),
        "closes_at": iso(analysis["closes_at"]),
        "invitees": list(analysis["invited"]),
        "leader_invitees": list(analysis["leader_invitees"]),
    }


def closed_event(analysis: Row, closed_at: datetime, min_group_size: int) -> dict[str, Any]:
    return {
        "needs_analysis_id": analysis.id,
        "team_id": analysis.team_id,
        "survey_id": analysis.survey_id,
        "leader_questionnaire_id": analysis.leader_questionnaire_id,
        "closed_at": iso(closed_at),
        "invited": len(analysis.invited),
        "min_group_size": min_group_size,
    }


def reported_event(analysis: Row, report: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "needs_analysis_id": analysis.id,
        "team_id": analysis.team_id,
        "survey_id": analysis.survey_id,
        "leader_questionnaire_id": analysis.leader_questionnaire_id,
        "closed_at": iso(analysis.closed_at),
        "respondents": report["respondents"],
        "invited": report["invited"],
        "min_group_size": report["min_group_size"],
        "suppressed": report["suppressed"],
    }
    if report["suppressed"]:
        return {**payload, "reason": report["reason"]}
    return {
        **payload,
        "participated": report["participated"],
        "causes": [{k: c[k] for k in ("cause", "share", "strength")} for c in report["causes"]],
        "skill_gaps": [
            {"competency": g["competency"], "module_ids": [m["module_id"] for m in g["recommended_modules"]]}
            for g in report["skill_gaps"]
        ],
        "system_causes": [
            {"cause": c["cause"], "leader_module_ids": [m["module_id"] for m in c["leader_modules"]]}
            for c in report["system_causes"]
        ],
        "verdict": report["verdict"],
    }
