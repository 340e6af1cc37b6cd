from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.impact_out_metrics_item import ImpactOutMetricsItem
    from ..models.impact_out_window import ImpactOutWindow


T = TypeVar("T", bound="ImpactOut")


@_attrs_define
class ImpactOut:
    """
    Attributes:
        team_id (str | Unset):
        course_id (str | Unset):
        window (ImpactOutWindow | Unset):
        metrics (list[ImpactOutMetricsItem] | Unset):
        note (str | Unset):
    """

    team_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    window: ImpactOutWindow | Unset = UNSET
    metrics: list[ImpactOutMetricsItem] | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        course_id = self.course_id

        window: dict[str, Any] | Unset = UNSET
        if not isinstance(self.window, Unset):
            window = self.window.to_dict()

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if window is not UNSET:
            field_dict["window"] = window
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.impact_out_metrics_item import ImpactOutMetricsItem  # noqa: PLC0415
        from ..models.impact_out_window import ImpactOutWindow  # noqa: PLC0415

        d = dict(src_dict)
        team_id = d.pop("team_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        _window = d.pop("window", UNSET)
        window: ImpactOutWindow | Unset
        if isinstance(_window, Unset):
            window = UNSET
        else:
            window = ImpactOutWindow.from_dict(_window)

        _metrics = d.pop("metrics", UNSET)
        metrics: list[ImpactOutMetricsItem] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = ImpactOutMetricsItem.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        note = d.pop("note", UNSET)

        impact_out = cls(
            team_id=team_id,
            course_id=course_id,
            window=window,
            metrics=metrics,
            note=note,
        )

        return impact_out
