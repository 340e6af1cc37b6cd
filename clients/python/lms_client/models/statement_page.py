from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.statement_page_statements_item import StatementPageStatementsItem


T = TypeVar("T", bound="StatementPage")


@_attrs_define
class StatementPage:
    """
    Attributes:
        statements (list[StatementPageStatementsItem] | Unset):
        more (str | Unset): relative URL of the next page, or empty
        next_cursor (str | Unset): the last position served (earlier clients)
    """

    statements: list[StatementPageStatementsItem] | Unset = UNSET
    more: str | Unset = UNSET
    next_cursor: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.statements, Unset):
            statements = []
            for statements_item_data in self.statements:
                statements_item = statements_item_data.to_dict()
                statements.append(statements_item)

        more = self.more

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if statements is not UNSET:
            field_dict["statements"] = statements
        if more is not UNSET:
            field_dict["more"] = more
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_page_statements_item import StatementPageStatementsItem  # noqa: PLC0415

        d = dict(src_dict)
        _statements = d.pop("statements", UNSET)
        statements: list[StatementPageStatementsItem] | Unset = UNSET
        if _statements is not UNSET:
            statements = []
            for statements_item_data in _statements:
                statements_item = StatementPageStatementsItem.from_dict(statements_item_data)

                statements.append(statements_item)

        more = d.pop("more", UNSET)

        next_cursor = d.pop("next_cursor", UNSET)

        statement_page = cls(
            statements=statements,
            more=more,
            next_cursor=next_cursor,
        )

        return statement_page
