from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.enrolment_out import EnrolmentOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    enrolment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/enrolments/{enrolment_id}".format(
            enrolment_id=quote(str(enrolment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EnrolmentOut | Problem:
    if response.status_code == 200:
        response_200 = EnrolmentOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EnrolmentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    enrolment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EnrolmentOut | Problem]:
    """An enrolment: per-module status, percent, certificate, and why it is or is not complete.

    Args:
        enrolment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrolmentOut | Problem]
    """

    kwargs = _get_kwargs(
        enrolment_id=enrolment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    enrolment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EnrolmentOut | Problem | None:
    """An enrolment: per-module status, percent, certificate, and why it is or is not complete.

    Args:
        enrolment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrolmentOut | Problem
    """

    return sync_detailed(
        enrolment_id=enrolment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    enrolment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EnrolmentOut | Problem]:
    """An enrolment: per-module status, percent, certificate, and why it is or is not complete.

    Args:
        enrolment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrolmentOut | Problem]
    """

    kwargs = _get_kwargs(
        enrolment_id=enrolment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    enrolment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EnrolmentOut | Problem | None:
    """An enrolment: per-module status, percent, certificate, and why it is or is not complete.

    Args:
        enrolment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrolmentOut | Problem
    """

    return (
        await asyncio_detailed(
            enrolment_id=enrolment_id,
            client=client,
        )
    ).parsed
