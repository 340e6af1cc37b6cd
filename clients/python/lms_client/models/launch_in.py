from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.launch_in_launch_mode import LaunchInLaunchMode, check_launch_in_launch_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="LaunchIn")


@_attrs_define
class LaunchIn:
    """
    Attributes:
        launch_mode (LaunchInLaunchMode | Unset):  Default: 'Normal'.
        return_url (str | Unset): where the AU sends the learner when it ends (LMS.LaunchData returnURL)
    """

    launch_mode: LaunchInLaunchMode | Unset = "Normal"
    return_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        launch_mode: str | Unset = UNSET
        if not isinstance(self.launch_mode, Unset):
            launch_mode = self.launch_mode

        return_url = self.return_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if launch_mode is not UNSET:
            field_dict["launch_mode"] = launch_mode
        if return_url is not UNSET:
            field_dict["return_url"] = return_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _launch_mode = d.pop("launch_mode", UNSET)
        launch_mode: LaunchInLaunchMode | Unset
        if isinstance(_launch_mode, Unset):
            launch_mode = UNSET
        else:
            launch_mode = check_launch_in_launch_mode(_launch_mode)

        return_url = d.pop("return_url", UNSET)

        launch_in = cls(
            launch_mode=launch_mode,
            return_url=return_url,
        )

        return launch_in
