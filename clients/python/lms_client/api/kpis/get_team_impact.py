from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.impact_out import ImpactOut
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    team_id: str,
    *,
    course_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["course_id"] = course_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/teams/{team_id}/impact".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImpactOut | Problem:
    if response.status_code == 200:
        response_200 = ImpactOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImpactOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    course_id: str,
) -> Response[ImpactOut | Problem]:
    """Per metric: before the training window against after most of the team completed.

    Args:
        team_id (str):
        course_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        course_id=course_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    course_id: str,
) -> ImpactOut | Problem | None:
    """Per metric: before the training window against after most of the team completed.

    Args:
        team_id (str):
        course_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactOut | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        course_id=course_id,
    ).parsed


async def asyncio_detailed(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    course_id: str,
) -> Response[ImpactOut | Problem]:
    """Per metric: before the training window against after most of the team completed.

    Args:
        team_id (str):
        course_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        course_id=course_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    course_id: str,
) -> ImpactOut | Problem | None:
    """Per metric: before the training window against after most of the team completed.

    Args:
        team_id (str):
        course_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactOut | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            course_id=course_id,
        )
    ).parsed
