from typing import Literal

ReportOutStatus = Literal["awaiting_responses", "closed", "open"]

REPORT_OUT_STATUS_VALUES: set[ReportOutStatus] = {
    "awaiting_responses",
    "closed",
    "open",
}


def check_report_out_status(value: str) -> ReportOutStatus:
    if value in REPORT_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPORT_OUT_STATUS_VALUES!r}")
