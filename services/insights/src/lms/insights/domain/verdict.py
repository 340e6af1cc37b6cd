"""The plain verdict: what training will fix, and what it will not fix on its own."""

from __future__ import annotations

from collections.abc import Sequence

from lms.insights.domain.causes import SYSTEM_CAUSES

NO_FINDING = (
    "No cause was reported by most of the team, and the diagnostics show no shared gap. "
    "Buying training now would not target a need this analysis can see."
)


def verdict(skill_gaps: Sequence[str], system_causes: Sequence[str]) -> str:
    """One paragraph a team leader can act on."""
    if not skill_gaps and not system_causes:
        return NO_FINDING
    parts = []
    if skill_gaps:
        parts.append(
            "Training can close these skill gaps: "
            + ", ".join(skill_gaps)
            + ". Assign the recommended modules."
        )
    if system_causes:
        labels = "; ".join(f"{SYSTEM_CAUSES[c].label} ({c})" for c in system_causes)
        parts.append(
            "Training alone will not fix: " + labels + ". These sit in how the work is set up; "
            "they need the leader actions listed, or the trained skills will give way under the "
            "same pressure."
        )
    else:
        parts.append("No system cause was reported by most of the team: training is a fair answer here.")
    return " ".join(parts)
