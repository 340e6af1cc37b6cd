"""SCIM filters (RFC 7644 §3.4.2.2) as SQL: parsed by scim2-filter-parser, built here as SQLAlchemy.

Only attributes with a column can be filtered or sorted on; anything else is `invalidFilter`,
so every query runs on indexed columns and pages in SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from scim2_filter_parser import ast
from scim2_filter_parser.lexer import SCIMLexer
from scim2_filter_parser.parser import SCIMParser
from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.sql.elements import ColumnElement as Column

from lms.people.db import team_members, teams
from lms.people.domain.errors import InvalidFilter
from lms.people.service.filter_columns import SCHEMAS, Attribute


def parse_filter(text: str) -> ast.Filter:
    """The syntax tree of a filter, or `invalidFilter`."""
    if len(text) > 2000:
        raise InvalidFilter("The filter is longer than 2000 characters.")
    try:
        return SCIMParser().parse(SCIMLexer().tokenize(text))
    except Exception:  # the parser raises bare errors of several kinds on bad input
        raise InvalidFilter(f"The filter {text!r} is not valid SCIM filter syntax.") from None


def where_clause(text: str, attributes: dict[str, Attribute]) -> ColumnElement[bool]:
    """The SQL condition a filter stands for, over the columns named in `attributes`."""
    return _Builder(attributes).build(parse_filter(text))


def sort_column(attribute: str, attributes: dict[str, Attribute]) -> Any:
    """The column behind a `sortBy` attribute, or `invalidFilter` when it has none."""
    found = attributes.get(_strip_schema(attribute.lower(), attributes))
    if found is None or not found.sortable:
        raise InvalidFilter(f"Results cannot be sorted by {attribute!r}.")
    return func.lower(found.column) if found.kind == "ci" else found.column


def _strip_schema(name: str, attributes: dict[str, Attribute]) -> str:
    for urn in SCHEMAS[id(attributes)]:
        if name.startswith(urn + ":"):
            return name[len(urn) + 1 :]
    return name


class _Builder:
    def __init__(self, attributes: dict[str, Attribute]):
        self.attributes = attributes

    def build(self, node: Any, namespace: str = "") -> ColumnElement[bool]:
        if isinstance(node, ast.Filter):
            inner = namespace
            if node.namespace is not None:
                inner = self._name(node.namespace, namespace) + "."
            clause = self.build(node.expr, inner)
            return not_(clause) if node.negated else clause
        if isinstance(node, ast.LogExpr):
            join = and_ if node.op.lower() == "and" else or_
            return join(self.build(node.expr1, namespace), self.build(node.expr2, namespace))
        if isinstance(node, ast.AttrExpr):
            return self._comparison(node, namespace)
        raise InvalidFilter("The filter has a part this service does not understand.")

    def _name(self, path: ast.AttrPath, namespace: str) -> str:
        name = path.attr_name + (f".{path.sub_attr.value}" if path.sub_attr else "")
        if path.uri and path.uri.lower() not in SCHEMAS[id(self.attributes)]:
            raise InvalidFilter(f"Unknown schema {path.uri!r} in the filter.")
        return namespace + name.lower()

    def _comparison(self, node: ast.AttrExpr, namespace: str) -> ColumnElement[bool]:
        name = self._name(node.attr_path, namespace)
        attribute = self.attributes.get(name)
        if attribute is None:
            raise InvalidFilter(f"Filtering on {name!r} is not supported.")
        op = node.value.lower()
        value = node.comp_value.value if node.comp_value is not None else None
        if attribute.kind == "member":
            return exists(
                select(team_members.c.team_id).where(
                    team_members.c.team_id == teams.c.id, _compare(team_members.c.user_id, op, value, "text")
                )
            )
        return _compare(attribute.column, op, value, attribute.kind)


def _compare(column: Any, op: str, raw: str | None, kind: str) -> ColumnElement[bool]:
    if op == "pr":
        return column.is_not(None)
    if raw is None or raw == "null":
        return _null_comparison(column, op)
    target, value = _operands(column, raw, kind)
    build = _OPERATORS.get(op)
    if (
        build is None
        or (op in _TEXT_ONLY and kind in ("bool", "date"))
        or (op in _ORDERED and kind == "bool")
    ):
        raise InvalidFilter(f"The operator {op!r} does not apply to this attribute.")
    return build(target, value)


def _null_comparison(column: Any, op: str) -> ColumnElement[bool]:
    if op == "eq":
        return column.is_(None)
    if op == "ne":
        return column.is_not(None)
    raise InvalidFilter(f"null cannot be compared with {op!r}.")


def _operands(column: Any, raw: str, kind: str) -> tuple[Any, Any]:
    if kind == "bool":
        if raw.lower() not in ("true", "false"):
            raise InvalidFilter(f"{raw!r} is not a boolean.")
        return column, raw.lower() == "true"
    if kind == "date":
        try:
            return column, datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidFilter(f"{raw!r} is not an RFC 3339 date-time.") from None
    if kind == "folded":
        return column, raw.casefold()
    if kind == "ci":
        return func.lower(column), raw.lower()
    return column, raw


def _like(pattern: str) -> Callable[[Column, str], ColumnElement[bool]]:
    def build(column: Column, value: str) -> ColumnElement[bool]:
        escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return column.like(pattern.format(escaped), escape="\\")

    return build


_OPERATORS: dict[str, Callable[[Any, Any], ColumnElement[bool]]] = {
    "eq": lambda c, v: c == v,
    "ne": lambda c, v: or_(c != v, c.is_(None)),
    "co": _like("%{}%"),
    "sw": _like("{}%"),
    "ew": _like("%{}"),
    "gt": lambda c, v: c > v,
    "ge": lambda c, v: c >= v,
    "lt": lambda c, v: c < v,
    "le": lambda c, v: c <= v,
}
_TEXT_ONLY = {"co", "sw", "ew"}
_ORDERED = {"gt", "ge", "lt", "le"}
