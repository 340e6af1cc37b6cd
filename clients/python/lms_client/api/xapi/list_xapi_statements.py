import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.list_xapi_statements_format import ListXapiStatementsFormat
from ...models.problem import Problem
from ...models.statement_page import StatementPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    statement_id: UUID | Unset = UNSET,
    since: str | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    ascending: bool | Unset = False,
    verb: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    agent: str | Unset = UNSET,
    registration: UUID | Unset = UNSET,
    cursor: int | Unset = UNSET,
    format_: ListXapiStatementsFormat | Unset = UNSET,
    attachments: bool | Unset = UNSET,
    related_activities: bool | Unset = UNSET,
    related_agents: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_statement_id: str | Unset = UNSET
    if not isinstance(statement_id, Unset):
        json_statement_id = str(statement_id)
    params["statementId"] = json_statement_id

    params["since"] = since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["limit"] = limit

    params["ascending"] = ascending

    params["verb"] = verb

    params["activity"] = activity

    params["agent"] = agent

    json_registration: str | Unset = UNSET
    if not isinstance(registration, Unset):
        json_registration = str(registration)
    params["registration"] = json_registration

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["attachments"] = attachments

    params["related_activities"] = related_activities

    params["related_agents"] = related_agents

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/xapi/statements",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementPage:
    if response.status_code == 200:
        response_200 = StatementPage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | StatementPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    statement_id: UUID | Unset = UNSET,
    since: str | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    ascending: bool | Unset = False,
    verb: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    agent: str | Unset = UNSET,
    registration: UUID | Unset = UNSET,
    cursor: int | Unset = UNSET,
    format_: ListXapiStatementsFormat | Unset = UNSET,
    attachments: bool | Unset = UNSET,
    related_activities: bool | Unset = UNSET,
    related_agents: bool | Unset = UNSET,
) -> Response[Problem | StatementPage]:
    """Statements, newest first (`ascending=true`: oldest first); `more` continues the same query.

    Args:
        statement_id (UUID | Unset):
        since (str | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        ascending (bool | Unset):  Default: False.
        verb (str | Unset):
        activity (str | Unset):
        agent (str | Unset):
        registration (UUID | Unset):
        cursor (int | Unset):
        format_ (ListXapiStatementsFormat | Unset):
        attachments (bool | Unset):
        related_activities (bool | Unset):
        related_agents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementPage]
    """

    kwargs = _get_kwargs(
        statement_id=statement_id,
        since=since,
        until=until,
        limit=limit,
        ascending=ascending,
        verb=verb,
        activity=activity,
        agent=agent,
        registration=registration,
        cursor=cursor,
        format_=format_,
        attachments=attachments,
        related_activities=related_activities,
        related_agents=related_agents,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    statement_id: UUID | Unset = UNSET,
    since: str | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    ascending: bool | Unset = False,
    verb: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    agent: str | Unset = UNSET,
    registration: UUID | Unset = UNSET,
    cursor: int | Unset = UNSET,
    format_: ListXapiStatementsFormat | Unset = UNSET,
    attachments: bool | Unset = UNSET,
    related_activities: bool | Unset = UNSET,
    related_agents: bool | Unset = UNSET,
) -> Problem | StatementPage | None:
    """Statements, newest first (`ascending=true`: oldest first); `more` continues the same query.

    Args:
        statement_id (UUID | Unset):
        since (str | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        ascending (bool | Unset):  Default: False.
        verb (str | Unset):
        activity (str | Unset):
        agent (str | Unset):
        registration (UUID | Unset):
        cursor (int | Unset):
        format_ (ListXapiStatementsFormat | Unset):
        attachments (bool | Unset):
        related_activities (bool | Unset):
        related_agents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementPage
    """

    return sync_detailed(
        client=client,
        statement_id=statement_id,
        since=since,
        until=until,
        limit=limit,
        ascending=ascending,
        verb=verb,
        activity=activity,
        agent=agent,
        registration=registration,
        cursor=cursor,
        format_=format_,
        attachments=attachments,
        related_activities=related_activities,
        related_agents=related_agents,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    statement_id: UUID | Unset = UNSET,
    since: str | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    ascending: bool | Unset = False,
    verb: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    agent: str | Unset = UNSET,
    registration: UUID | Unset = UNSET,
    cursor: int | Unset = UNSET,
    format_: ListXapiStatementsFormat | Unset = UNSET,
    attachments: bool | Unset = UNSET,
    related_activities: bool | Unset = UNSET,
    related_agents: bool | Unset = UNSET,
) -> Response[Problem | StatementPage]:
    """Statements, newest first (`ascending=true`: oldest first); `more` continues the same query.

    Args:
        statement_id (UUID | Unset):
        since (str | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        ascending (bool | Unset):  Default: False.
        verb (str | Unset):
        activity (str | Unset):
        agent (str | Unset):
        registration (UUID | Unset):
        cursor (int | Unset):
        format_ (ListXapiStatementsFormat | Unset):
        attachments (bool | Unset):
        related_activities (bool | Unset):
        related_agents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementPage]
    """

    kwargs = _get_kwargs(
        statement_id=statement_id,
        since=since,
        until=until,
        limit=limit,
        ascending=ascending,
        verb=verb,
        activity=activity,
        agent=agent,
        registration=registration,
        cursor=cursor,
        format_=format_,
        attachments=attachments,
        related_activities=related_activities,
        related_agents=related_agents,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    statement_id: UUID | Unset = UNSET,
    since: str | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    ascending: bool | Unset = False,
    verb: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    agent: str | Unset = UNSET,
    registration: UUID | Unset = UNSET,
    cursor: int | Unset = UNSET,
    format_: ListXapiStatementsFormat | Unset = UNSET,
    attachments: bool | Unset = UNSET,
    related_activities: bool | Unset = UNSET,
    related_agents: bool | Unset = UNSET,
) -> Problem | StatementPage | None:
    """Statements, newest first (`ascending=true`: oldest first); `more` continues the same query.

    Args:
        statement_id (UUID | Unset):
        since (str | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        ascending (bool | Unset):  Default: False.
        verb (str | Unset):
        activity (str | Unset):
        agent (str | Unset):
        registration (UUID | Unset):
        cursor (int | Unset):
        format_ (ListXapiStatementsFormat | Unset):
        attachments (bool | Unset):
        related_activities (bool | Unset):
        related_agents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementPage
    """

    return (
        await asyncio_detailed(
            client=client,
            statement_id=statement_id,
            since=since,
            until=until,
            limit=limit,
            ascending=ascending,
            verb=verb,
            activity=activity,
            agent=agent,
            registration=registration,
            cursor=cursor,
            format_=format_,
            attachments=attachments,
            related_activities=related_activities,
            related_agents=related_agents,
        )
    ).parsed
