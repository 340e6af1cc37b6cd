from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.published_out import PublishedOut
from ...types import Response


def _get_kwargs(
    assessment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/assessments/{assessment_id}/publish".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PublishedOut:
    if response.status_code == 200:
        response_200 = PublishedOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = PublishedOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | PublishedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | PublishedOut]:
    """Validate the draft and freeze it as the next version.

    Args:
        assessment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublishedOut]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | PublishedOut | None:
    """Validate the draft and freeze it as the next version.

    Args:
        assessment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublishedOut
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | PublishedOut]:
    """Validate the draft and freeze it as the next version.

    Args:
        assessment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublishedOut]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | PublishedOut | None:
    """Validate the draft and freeze it as the next version.

    Args:
        assessment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublishedOut
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
        )
    ).parsed
