from typing import Literal

ListAssessmentAttemptsStatus = Literal["awaiting_review", "expired", "graded", "in_progress"]

LIST_ASSESSMENT_ATTEMPTS_STATUS_VALUES: set[ListAssessmentAttemptsStatus] = {
    "awaiting_review",
    "expired",
    "graded",
    "in_progress",
}


def check_list_assessment_attempts_status(value: str) -> ListAssessmentAttemptsStatus:
    if value in LIST_ASSESSMENT_ATTEMPTS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ASSESSMENT_ATTEMPTS_STATUS_VALUES!r}")
