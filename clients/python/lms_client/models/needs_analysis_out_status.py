from typing import Literal

NeedsAnalysisOutStatus = Literal["closed", "open"]

NEEDS_ANALYSIS_OUT_STATUS_VALUES: set[NeedsAnalysisOutStatus] = {
    "closed",
    "open",
}


def check_needs_analysis_out_status(value: str) -> NeedsAnalysisOutStatus:
    if value in NEEDS_ANALYSIS_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NEEDS_ANALYSIS_OUT_STATUS_VALUES!r}")
