"""SCIM filters as SQL: what each operator becomes, and which filters are refused."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql

from lms.people.domain.errors import InvalidFilter
from lms.people.service.filter_columns import GROUP_ATTRIBUTES, USER_ATTRIBUTES
from lms.people.service.filtering import sort_column, where_clause


def sql(expression: str, attributes=USER_ATTRIBUTES) -> str:
    clause = where_clause(expression, attributes)
    return str(clause.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def test_user_name_is_compared_case_folded_on_its_indexed_column():
    assert sql('userName eq "Ann@Example.ORG"') == "users.user_name_key = 'ann@example.org'"


def test_substring_operators_become_escaped_like_patterns():
    assert sql('externalId co "50%_off"') == "users.external_id LIKE '%%50\\%%\\_off%%' ESCAPE '\\'"
    assert sql('userName sw "ann"') == "users.user_name_key LIKE 'ann%%' ESCAPE '\\'"
    assert sql('emails.value ew "@example.org"') == "users.email LIKE '%%@example.org' ESCAPE '\\'"


def test_case_insensitive_text_is_lowered_on_both_sides():
    assert sql('displayName eq "Ann Lee"') == "lower(users.display_name) = 'ann lee'"


def test_logical_operators_nest_and_not_negates():
    text = sql('active eq true and (userName eq "a" or not (externalId pr))')
    assert text == "users.active = true AND (users.user_name_key = 'a' OR users.external_id IS NULL)"
    negated = sql('not (userName sw "a" or active eq false)')
    assert negated == "NOT (users.user_name_key LIKE 'a%%' ESCAPE '\\' OR users.active = false)"


def test_dates_compare_as_timestamps():
    assert sql('meta.lastModified gt "2026-01-02T03:04:05Z"').startswith(
        "users.updated_at > '2026-01-02 03:04:05"
    )


def test_ne_includes_absent_values_and_null_means_absent():
    assert sql('externalId ne "x"') == "users.external_id != 'x' OR users.external_id IS NULL"
    assert sql("externalId eq null") == "users.external_id IS NULL"


def test_schema_qualified_names_and_value_paths_resolve():
    core = "urn:ietf:params:scim:schemas:core:2.0:User:userName"
    assert sql(f'{core} eq "a"') == "users.user_name_key = 'a'"
    enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
    assert sql(f'{enterprise} eq "42"') == "users.employee_number = '42'"
    assert sql('emails[value eq "A@x.org"]') == "users.email = 'a@x.org'"


def test_group_member_filters_are_an_exists_on_memberships():
    text = sql('members.value eq "u1"', GROUP_ATTRIBUTES)
    assert text.startswith("EXISTS (SELECT team_members.team_id")
    assert "team_members.user_id = 'u1'" in text


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "userName eq",
        'userName xx "a"',
        '(userName eq "a"',
        'title eq "x"',  # no column: refused, never scanned
        'active co "t"',
        'active eq "perhaps"',
        'meta.created gt "last week"',
        'urn:example:other:userName eq "a"',
        "displayName gt null",
    ],
)
def test_bad_filters_are_invalid_filter(expression: str):
    with pytest.raises(InvalidFilter):
        where_clause(expression, USER_ATTRIBUTES)


def test_sorting_is_only_by_columns():
    assert str(sort_column("userName", USER_ATTRIBUTES)) == "users.user_name_key"
    with pytest.raises(InvalidFilter):
        sort_column("members", GROUP_ATTRIBUTES)
    with pytest.raises(InvalidFilter):
        sort_column("nickName", USER_ATTRIBUTES)
