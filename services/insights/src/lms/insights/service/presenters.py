"""Replies as people read them: the report's causes and skill gaps named in words.

The report is computed and frozen with tags only; the labels are added here, on the way out,
from the one label table (`domain/labels.py`) that the dashboard reads too.
"""

from __future__ import annotations

from typing import Any

from lms.insights.domain.labels import label_of
from lms.insights.service import analyses
from lms.insights.service.context import Context
from lms.kit.auth import Principal


def labelled_report(ctx: Context, principal: Principal, analysis_id: str) -> dict[str, Any]:
    """The needs analysis report, each cause and skill gap with its `label`."""
    return with_labels(analyses.report(ctx, principal, analysis_id))


def with_labels(report: dict[str, Any]) -> dict[str, Any]:
    labelled = {**report}
    for key, tag in (("causes", "cause"), ("system_causes", "cause"), ("skill_gaps", "competency")):
        if key in report:
            labelled[key] = [{**item, "label": label_of(item[tag])} for item in report[key]]
    leader = report.get("leader_questionnaire")
    if leader and "causes" in leader:
        labelled["leader_questionnaire"] = with_labels(leader)
    return labelled
