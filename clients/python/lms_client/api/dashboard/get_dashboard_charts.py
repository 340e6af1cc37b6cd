from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.charts_out import ChartsOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    team_id: str,
    course_id: str | Unset = UNSET,
    needs_analysis_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["team_id"] = team_id

    params["course_id"] = course_id

    params["needs_analysis_id"] = needs_analysis_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dashboard/charts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChartsOut | Problem:
    if response.status_code == 200:
        response_200 = ChartsOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChartsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: str,
    course_id: str | Unset = UNSET,
    needs_analysis_id: str | Unset = UNSET,
) -> Response[ChartsOut | Problem]:
    """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager).

     Without `course_id` or `needs_analysis_id`: the course most of the team completed and the
    team's latest closed analysis (the reply names them).

    Args:
        team_id (str):
        course_id (str | Unset):
        needs_analysis_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChartsOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        course_id=course_id,
        needs_analysis_id=needs_analysis_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    team_id: str,
    course_id: str | Unset = UNSET,
    needs_analysis_id: str | Unset = UNSET,
) -> ChartsOut | Problem | None:
    """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager).

     Without `course_id` or `needs_analysis_id`: the course most of the team completed and the
    team's latest closed analysis (the reply names them).

    Args:
        team_id (str):
        course_id (str | Unset):
        needs_analysis_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChartsOut | Problem
    """

    return sync_detailed(
        client=client,
        team_id=team_id,
        course_id=course_id,
        needs_analysis_id=needs_analysis_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: str,
    course_id: str | Unset = UNSET,
    needs_analysis_id: str | Unset = UNSET,
) -> Response[ChartsOut | Problem]:
    """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager).

     Without `course_id` or `needs_analysis_id`: the course most of the team completed and the
    team's latest closed analysis (the reply names them).

    Args:
        team_id (str):
        course_id (str | Unset):
        needs_analysis_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChartsOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        course_id=course_id,
        needs_analysis_id=needs_analysis_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    team_id: str,
    course_id: str | Unset = UNSET,
    needs_analysis_id: str | Unset = UNSET,
) -> ChartsOut | Problem | None:
    """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager).

     Without `course_id` or `needs_analysis_id`: the course most of the team completed and the
    team's latest closed analysis (the reply names them).

    Args:
        team_id (str):
        course_id (str | Unset):
        needs_analysis_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChartsOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            team_id=team_id,
            course_id=course_id,
            needs_analysis_id=needs_analysis_id,
        )
    ).parsed
