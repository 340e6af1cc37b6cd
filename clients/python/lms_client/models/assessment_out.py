from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_out_items_item import AssessmentOutItemsItem


T = TypeVar("T", bound="AssessmentOut")


@_attrs_define
class AssessmentOut:
    """
    Attributes:
        id (str | Unset):
        slug (str | Unset):
        title (str | Unset):
        kind (str | Unset):
        pass_mark (float | Unset):
        max_attempts (int | None | Unset):
        time_limit_s (int | None | Unset):
        shuffle (bool | Unset):
        recommend_below (float | None | Unset):
        items (list[AssessmentOutItemsItem] | Unset):
        item_count (int | Unset):
        status (str | Unset): draft | published
        version (int | None | Unset):
        latest_version (int | None | Unset):
        revision (int | Unset):
        owner (str | Unset): drafts: the author who owns the assessment
        etag (str | Unset):
        max_score (float | Unset):
        competencies (list[str] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        published_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    kind: str | Unset = UNSET
    pass_mark: float | Unset = UNSET
    max_attempts: int | None | Unset = UNSET
    time_limit_s: int | None | Unset = UNSET
    shuffle: bool | Unset = UNSET
    recommend_below: float | None | Unset = UNSET
    items: list[AssessmentOutItemsItem] | Unset = UNSET
    item_count: int | Unset = UNSET
    status: str | Unset = UNSET
    version: int | None | Unset = UNSET
    latest_version: int | None | Unset = UNSET
    revision: int | Unset = UNSET
    owner: str | Unset = UNSET
    etag: str | Unset = UNSET
    max_score: float | Unset = UNSET
    competencies: list[str] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    published_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        title = self.title

        kind = self.kind

        pass_mark = self.pass_mark

        max_attempts: int | None | Unset
        if isinstance(self.max_attempts, Unset):
            max_attempts = UNSET
        else:
            max_attempts = self.max_attempts

        time_limit_s: int | None | Unset
        if isinstance(self.time_limit_s, Unset):
            time_limit_s = UNSET
        else:
            time_limit_s = self.time_limit_s

        shuffle = self.shuffle

        recommend_below: float | None | Unset
        if isinstance(self.recommend_below, Unset):
            recommend_below = UNSET
        else:
            recommend_below = self.recommend_below

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        item_count = self.item_count

        status = self.status

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        latest_version: int | None | Unset
        if isinstance(self.latest_version, Unset):
            latest_version = UNSET
        else:
            latest_version = self.latest_version

        revision = self.revision

        owner = self.owner

        etag = self.etag

        max_score = self.max_score

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        published_at: str | Unset = UNSET
        if not isinstance(self.published_at, Unset):
            published_at = self.published_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if kind is not UNSET:
            field_dict["kind"] = kind
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark
        if max_attempts is not UNSET:
            field_dict["max_attempts"] = max_attempts
        if time_limit_s is not UNSET:
            field_dict["time_limit_s"] = time_limit_s
        if shuffle is not UNSET:
            field_dict["shuffle"] = shuffle
        if recommend_below is not UNSET:
            field_dict["recommend_below"] = recommend_below
        if items is not UNSET:
            field_dict["items"] = items
        if item_count is not UNSET:
            field_dict["item_count"] = item_count
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if revision is not UNSET:
            field_dict["revision"] = revision
        if owner is not UNSET:
            field_dict["owner"] = owner
        if etag is not UNSET:
            field_dict["etag"] = etag
        if max_score is not UNSET:
            field_dict["max_score"] = max_score
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if published_at is not UNSET:
            field_dict["published_at"] = published_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_out_items_item import AssessmentOutItemsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        kind = d.pop("kind", UNSET)

        pass_mark = d.pop("pass_mark", UNSET)

        def _parse_max_attempts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_attempts = _parse_max_attempts(d.pop("max_attempts", UNSET))

        def _parse_time_limit_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_limit_s = _parse_time_limit_s(d.pop("time_limit_s", UNSET))

        shuffle = d.pop("shuffle", UNSET)

        def _parse_recommend_below(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        recommend_below = _parse_recommend_below(d.pop("recommend_below", UNSET))

        _items = d.pop("items", UNSET)
        items: list[AssessmentOutItemsItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = AssessmentOutItemsItem.from_dict(items_item_data)

                items.append(items_item)

        item_count = d.pop("item_count", UNSET)

        status = d.pop("status", UNSET)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_latest_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        latest_version = _parse_latest_version(d.pop("latest_version", UNSET))

        revision = d.pop("revision", UNSET)

        owner = d.pop("owner", UNSET)

        etag = d.pop("etag", UNSET)

        max_score = d.pop("max_score", UNSET)

        competencies = cast(list[str], d.pop("competencies", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _published_at = d.pop("published_at", UNSET)
        published_at: datetime.datetime | Unset
        if isinstance(_published_at, Unset):
            published_at = UNSET
        else:
            published_at = datetime.datetime.fromisoformat(_published_at)

        assessment_out = cls(
            id=id,
            slug=slug,
            title=title,
            kind=kind,
            pass_mark=pass_mark,
            max_attempts=max_attempts,
            time_limit_s=time_limit_s,
            shuffle=shuffle,
            recommend_below=recommend_below,
            items=items,
            item_count=item_count,
            status=status,
            version=version,
            latest_version=latest_version,
            revision=revision,
            owner=owner,
            etag=etag,
            max_score=max_score,
            competencies=competencies,
            created_at=created_at,
            updated_at=updated_at,
            published_at=published_at,
        )

        return assessment_out
