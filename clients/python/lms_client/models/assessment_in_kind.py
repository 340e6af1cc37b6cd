from typing import Literal

AssessmentInKind = Literal["diagnostic", "quiz", "survey"]

ASSESSMENT_IN_KIND_VALUES: set[AssessmentInKind] = {
    "diagnostic",
    "quiz",
    "survey",
}


def check_assessment_in_kind(value: str) -> AssessmentInKind:
    if value in ASSESSMENT_IN_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSESSMENT_IN_KIND_VALUES!r}")
