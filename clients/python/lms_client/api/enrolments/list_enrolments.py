from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.enrolment_summary import EnrolmentSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    course_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["learner_id"] = learner_id

    params["course_id"] = course_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/enrolments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[EnrolmentSummary]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = EnrolmentSummary.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[EnrolmentSummary]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    course_id: str | Unset = UNSET,
) -> Response[Problem | list[EnrolmentSummary]]:
    """List enrolments: your own, or (HR) anyone's by learner_id / course_id.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        course_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[EnrolmentSummary]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        course_id=course_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    course_id: str | Unset = UNSET,
) -> Problem | list[EnrolmentSummary] | None:
    """List enrolments: your own, or (HR) anyone's by learner_id / course_id.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        course_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[EnrolmentSummary]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        course_id=course_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    course_id: str | Unset = UNSET,
) -> Response[Problem | list[EnrolmentSummary]]:
    """List enrolments: your own, or (HR) anyone's by learner_id / course_id.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        course_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[EnrolmentSummary]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        course_id=course_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    course_id: str | Unset = UNSET,
) -> Problem | list[EnrolmentSummary] | None:
    """List enrolments: your own, or (HR) anyone's by learner_id / course_id.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        course_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[EnrolmentSummary]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            learner_id=learner_id,
            course_id=course_id,
        )
    ).parsed
