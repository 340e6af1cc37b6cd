from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.course_summary import CourseSummary


T = TypeVar("T", bound="CataloguePage")


@_attrs_define
class CataloguePage:
    """
    Attributes:
        items (list[CourseSummary] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        total (int | Unset):
        pages (int | Unset):
    """

    items: list[CourseSummary] | Unset = UNSET
    page: int | Unset = UNSET
    page_size: int | Unset = UNSET
    total: int | Unset = UNSET
    pages: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        page = self.page

        page_size = self.page_size

        total = self.total

        pages = self.pages

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if page is not UNSET:
            field_dict["page"] = page
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if total is not UNSET:
            field_dict["total"] = total
        if pages is not UNSET:
            field_dict["pages"] = pages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.course_summary import CourseSummary  # noqa: PLC0415

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[CourseSummary] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = CourseSummary.from_dict(items_item_data)

                items.append(items_item)

        page = d.pop("page", UNSET)

        page_size = d.pop("page_size", UNSET)

        total = d.pop("total", UNSET)

        pages = d.pop("pages", UNSET)

        catalogue_page = cls(
            items=items,
            page=page,
            page_size=page_size,
            total=total,
            pages=pages,
        )

        return catalogue_page
