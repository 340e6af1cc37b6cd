from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attempt_out import AttemptOut
from ...models.problem import Problem
from ...models.review_in import ReviewIn
from ...types import Response


def _get_kwargs(
    attempt_id: str,
    *,
    body: ReviewIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/attempts/{attempt_id}/reviews".format(
            attempt_id=quote(str(attempt_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttemptOut | Problem:
    if response.status_code == 201:
        response_201 = AttemptOut.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AttemptOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewIn,
) -> Response[AttemptOut | Problem]:
    """Score a rubric-scored reflection (hr or admin); the last review grades the attempt.

    Args:
        attempt_id (str):
        body (ReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptOut | Problem]
    """

    kwargs = _get_kwargs(
        attempt_id=attempt_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewIn,
) -> AttemptOut | Problem | None:
    """Score a rubric-scored reflection (hr or admin); the last review grades the attempt.

    Args:
        attempt_id (str):
        body (ReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptOut | Problem
    """

    return sync_detailed(
        attempt_id=attempt_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewIn,
) -> Response[AttemptOut | Problem]:
    """Score a rubric-scored reflection (hr or admin); the last review grades the attempt.

    Args:
        attempt_id (str):
        body (ReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptOut | Problem]
    """

    kwargs = _get_kwargs(
        attempt_id=attempt_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewIn,
) -> AttemptOut | Problem | None:
    """Score a rubric-scored reflection (hr or admin); the last review grades the attempt.

    Args:
        attempt_id (str):
        body (ReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptOut | Problem
    """

    return (
        await asyncio_detailed(
            attempt_id=attempt_id,
            client=client,
            body=body,
        )
    ).parsed
