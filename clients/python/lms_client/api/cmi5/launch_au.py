from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.launch_in import LaunchIn
from ...models.launch_out import LaunchOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    enrolment_id: str,
    lesson_id: str,
    *,
    body: LaunchIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/enrolments/{enrolment_id}/aus/{lesson_id}/launches".format(
            enrolment_id=quote(str(enrolment_id), safe=""),
            lesson_id=quote(str(lesson_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LaunchOut | Problem:
    if response.status_code == 201:
        response_201 = LaunchOut.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LaunchOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    enrolment_id: str,
    lesson_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LaunchIn,
) -> Response[LaunchOut | Problem]:
    """Launch an AU of your enrolment: a new session, its LaunchData and launched statement.

    Args:
        enrolment_id (str):
        lesson_id (str):
        body (LaunchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LaunchOut | Problem]
    """

    kwargs = _get_kwargs(
        enrolment_id=enrolment_id,
        lesson_id=lesson_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    enrolment_id: str,
    lesson_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LaunchIn,
) -> LaunchOut | Problem | None:
    """Launch an AU of your enrolment: a new session, its LaunchData and launched statement.

    Args:
        enrolment_id (str):
        lesson_id (str):
        body (LaunchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LaunchOut | Problem
    """

    return sync_detailed(
        enrolment_id=enrolment_id,
        lesson_id=lesson_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    enrolment_id: str,
    lesson_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LaunchIn,
) -> Response[LaunchOut | Problem]:
    """Launch an AU of your enrolment: a new session, its LaunchData and launched statement.

    Args:
        enrolment_id (str):
        lesson_id (str):
        body (LaunchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LaunchOut | Problem]
    """

    kwargs = _get_kwargs(
        enrolment_id=enrolment_id,
        lesson_id=lesson_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    enrolment_id: str,
    lesson_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LaunchIn,
) -> LaunchOut | Problem | None:
    """Launch an AU of your enrolment: a new session, its LaunchData and launched statement.

    Args:
        enrolment_id (str):
        lesson_id (str):
        body (LaunchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LaunchOut | Problem
    """

    return (
        await asyncio_detailed(
            enrolment_id=enrolment_id,
            lesson_id=lesson_id,
            client=client,
            body=body,
        )
    ).parsed
