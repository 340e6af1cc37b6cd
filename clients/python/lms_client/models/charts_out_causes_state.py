from typing import Literal

ChartsOutCausesState = Literal["none", "open", "pending", "shown", "too_few", "withheld"]

CHARTS_OUT_CAUSES_STATE_VALUES: set[ChartsOutCausesState] = {
    "none",
    "open",
    "pending",
    "shown",
    "too_few",
    "withheld",
}


def check_charts_out_causes_state(value: str) -> ChartsOutCausesState:
    if value in CHARTS_OUT_CAUSES_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHARTS_OUT_CAUSES_STATE_VALUES!r}")
