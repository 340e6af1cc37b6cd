from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.team_kpis_out import TeamKpisOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: str,
    *,
    metric: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["metric"] = metric

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/teams/{team_id}/kpis".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TeamKpisOut:
    if response.status_code == 200:
        response_200 = TeamKpisOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TeamKpisOut]:
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
    metric: str | Unset = UNSET,
) -> Response[Problem | TeamKpisOut]:
    """A team's KPI values, each with the values it corrected.

    Args:
        team_id (str):
        metric (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamKpisOut]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        metric=metric,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    metric: str | Unset = UNSET,
) -> Problem | TeamKpisOut | None:
    """A team's KPI values, each with the values it corrected.

    Args:
        team_id (str):
        metric (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamKpisOut
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        metric=metric,
    ).parsed


async def asyncio_detailed(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    metric: str | Unset = UNSET,
) -> Response[Problem | TeamKpisOut]:
    """A team's KPI values, each with the values it corrected.

    Args:
        team_id (str):
        metric (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamKpisOut]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        metric=metric,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: str,
    *,
    client: AuthenticatedClient | Client,
    metric: str | Unset = UNSET,
) -> Problem | TeamKpisOut | None:
    """A team's KPI values, each with the values it corrected.

    Args:
        team_id (str):
        metric (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamKpisOut
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            metric=metric,
        )
    ).parsed
