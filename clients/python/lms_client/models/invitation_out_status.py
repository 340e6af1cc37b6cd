from typing import Literal

InvitationOutStatus = Literal["closed", "open"]

INVITATION_OUT_STATUS_VALUES: set[InvitationOutStatus] = {
    "closed",
    "open",
}


def check_invitation_out_status(value: str) -> InvitationOutStatus:
    if value in INVITATION_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVITATION_OUT_STATUS_VALUES!r}")
