"""The words people use for what a survey measures: one table, read by the report and the dashboard.

Tags stay the stable keys of the API and the events (`system:metrics`); these labels are what a
team leader reads ("call-time targets"), at most `LONGEST` characters so that a chart names each
in full on a phone. A competency a newly published course brings, and this table does not know
yet, reads as the words of its slug.
"""

from __future__ import annotations

COMPETENCY_PREFIX = "competency:"
LONGEST = 36

CAUSE_LABELS: dict[str, str] = {
    "system:metrics": "call-time targets",
    "system:policy": "rules that trap staff in calls",
    "system:tools-knowledge": "missing tools or information",
    "wellbeing:emotional-load": "distress with no time to recover",
    "wellbeing:difficult-contacts": "contacts no technique can turn round",
}

COMPETENCY_LABELS: dict[str, str] = {
    # questioning skills
    "asking-about-impact": "asking what it does to the customer",
    "question-sequencing": "asking questions in a useful order",
    "customer-centred-framing": "framing answers for the customer",
    "positive-language": "positive, honest language",
    "pacing-for-resolution": "taking time to solve it first time",
    # emotional coping
    "recognising-emotional-labour": "service work as emotional labour",
    "noticing-internalised-distress": "noticing distress you take on",
    "warm-boundaries": "protecting yourself, staying warm",
    "spotting-unproductive-contacts": "spotting contacts that lead nowhere",
    "ending-contacts-with-dignity": "ending such contacts with dignity",
    "recovering-between-contacts": "recovering between contacts",
    # internal customer service
    "serving-internal-customers": "serving colleagues as customers",
    "making-clean-handoffs": "clean hand-offs between teams",
    "aligning-across-teams": "keeping teams aligned",
    "preventing-communication-errors": "preventing misunderstandings",
    "working-through-conflict": "working through conflict",
    "reducing-team-strain": "easing strain in the team",
    # for team leaders
    "diagnosing-training-needs": "finding the real training need",
    "choosing-service-metrics": "measuring what customers value",
    "designing-call-boundaries": "setting when a call may end",
    "supporting-emotional-labour": "supporting staff's emotional load",
    "making-the-case-for-change": "making the case for change",
    "evaluating-training-impact": "judging what training changed",
}

KIND_LABELS: dict[str, str] = {
    "system": "how the work is set up",
    "wellbeing": "what the work takes out of people",
    "competency": "a skill training can build",
}


def label_of(tag: str) -> str:
    """The words for a cause (`system:metrics`) or a competency, with or without its prefix."""
    if tag in CAUSE_LABELS:
        return CAUSE_LABELS[tag]
    competency = tag.removeprefix(COMPETENCY_PREFIX)
    return COMPETENCY_LABELS.get(competency) or competency.replace("-", " ")


def kind_of(tag: str) -> str:
    """What sort of cause a tag is, in words: how the work is set up, wellbeing, or a skill."""
    prefix = tag.split(":", 1)[0] if ":" in tag else "competency"
    return KIND_LABELS.get(prefix, KIND_LABELS["competency"])
