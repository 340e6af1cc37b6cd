from typing import Literal

LaunchInLaunchMode = Literal["Browse", "Normal", "Review"]

LAUNCH_IN_LAUNCH_MODE_VALUES: set[LaunchInLaunchMode] = {
    "Browse",
    "Normal",
    "Review",
}


def check_launch_in_launch_mode(value: str) -> LaunchInLaunchMode:
    if value in LAUNCH_IN_LAUNCH_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LAUNCH_IN_LAUNCH_MODE_VALUES!r}")
