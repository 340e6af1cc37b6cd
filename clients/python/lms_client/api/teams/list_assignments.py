from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.assignment_list import AssignmentList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    team_id: str | Unset = UNSET,
    learner_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["team_id"] = team_id

    params["learner_id"] = learner_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/assignments",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssignmentList | Problem:
    if response.status_code == 200:
        response_200 = AssignmentList.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssignmentList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: str | Unset = UNSET,
    learner_id: str | Unset = UNSET,
) -> Response[AssignmentList | Problem]:
    """Assignments you may see: HR all, managers their teams' and reports', learners their own.

    Args:
        team_id (str | Unset):
        learner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentList | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        learner_id=learner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    team_id: str | Unset = UNSET,
    learner_id: str | Unset = UNSET,
) -> AssignmentList | Problem | None:
    """Assignments you may see: HR all, managers their teams' and reports', learners their own.

    Args:
        team_id (str | Unset):
        learner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentList | Problem
    """

    return sync_detailed(
        client=client,
        team_id=team_id,
        learner_id=learner_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: str | Unset = UNSET,
    learner_id: str | Unset = UNSET,
) -> Response[AssignmentList | Problem]:
    """Assignments you may see: HR all, managers their teams' and reports', learners their own.

    Args:
        team_id (str | Unset):
        learner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentList | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        learner_id=learner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    team_id: str | Unset = UNSET,
    learner_id: str | Unset = UNSET,
) -> AssignmentList | Problem | None:
    """Assignments you may see: HR all, managers their teams' and reports', learners their own.

    Args:
        team_id (str | Unset):
        learner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            team_id=team_id,
            learner_id=learner_id,
        )
    ).parsed
