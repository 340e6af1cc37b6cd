from typing import Literal

ListAssessmentsKind = Literal["diagnostic", "quiz", "survey"]

LIST_ASSESSMENTS_KIND_VALUES: set[ListAssessmentsKind] = {
    "diagnostic",
    "quiz",
    "survey",
}


def check_list_assessments_kind(value: str) -> ListAssessmentsKind:
    if value in LIST_ASSESSMENTS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ASSESSMENTS_KIND_VALUES!r}")
