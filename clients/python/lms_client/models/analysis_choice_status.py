from typing import Literal

AnalysisChoiceStatus = Literal["closed", "open"]

ANALYSIS_CHOICE_STATUS_VALUES: set[AnalysisChoiceStatus] = {
    "closed",
    "open",
}


def check_analysis_choice_status(value: str) -> AnalysisChoiceStatus:
    if value in ANALYSIS_CHOICE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANALYSIS_CHOICE_STATUS_VALUES!r}")
