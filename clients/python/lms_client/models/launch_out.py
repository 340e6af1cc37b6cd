from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LaunchOut")


@_attrs_define
class LaunchOut:
    """
    Attributes:
        launch_url (str | Unset): open it (launch_method OwnWindow: in its own window)
        launch_method (str | Unset): AnyWindow | OwnWindow
        launch_mode (str | Unset):
        session_id (str | Unset):
        registration (str | Unset): the cmi5 registration: the enrolment's id
        activity_id (str | Unset): the AU's activity id in statements
        au_id (str | Unset): the AU's id in the course structure
        lesson_id (str | Unset):
    """

    launch_url: str | Unset = UNSET
    launch_method: str | Unset = UNSET
    launch_mode: str | Unset = UNSET
    session_id: str | Unset = UNSET
    registration: str | Unset = UNSET
    activity_id: str | Unset = UNSET
    au_id: str | Unset = UNSET
    lesson_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        launch_url = self.launch_url

        launch_method = self.launch_method

        launch_mode = self.launch_mode

        session_id = self.session_id

        registration = self.registration

        activity_id = self.activity_id

        au_id = self.au_id

        lesson_id = self.lesson_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if launch_url is not UNSET:
            field_dict["launch_url"] = launch_url
        if launch_method is not UNSET:
            field_dict["launch_method"] = launch_method
        if launch_mode is not UNSET:
            field_dict["launch_mode"] = launch_mode
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if registration is not UNSET:
            field_dict["registration"] = registration
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if au_id is not UNSET:
            field_dict["au_id"] = au_id
        if lesson_id is not UNSET:
            field_dict["lesson_id"] = lesson_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        launch_url = d.pop("launch_url", UNSET)

        launch_method = d.pop("launch_method", UNSET)

        launch_mode = d.pop("launch_mode", UNSET)

        session_id = d.pop("session_id", UNSET)

        registration = d.pop("registration", UNSET)

        activity_id = d.pop("activity_id", UNSET)

        au_id = d.pop("au_id", UNSET)

        lesson_id = d.pop("lesson_id", UNSET)

        launch_out = cls(
            launch_url=launch_url,
            launch_method=launch_method,
            launch_mode=launch_mode,
            session_id=session_id,
            registration=registration,
            activity_id=activity_id,
            au_id=au_id,
            lesson_id=lesson_id,
        )

        return launch_out
