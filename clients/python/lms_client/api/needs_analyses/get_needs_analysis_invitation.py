from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.invitation_out import InvitationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    analysis_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/needs-analyses/{analysis_id}/invitation".format(
            analysis_id=quote(str(analysis_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvitationOut | Problem:
    if response.status_code == 200:
        response_200 = InvitationOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InvitationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    analysis_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InvitationOut | Problem]:
    """The caller's own invitation: the surveys they are asked to answer, and until when.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationOut | Problem]
    """

    kwargs = _get_kwargs(
        analysis_id=analysis_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    analysis_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> InvitationOut | Problem | None:
    """The caller's own invitation: the surveys they are asked to answer, and until when.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationOut | Problem
    """

    return sync_detailed(
        analysis_id=analysis_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    analysis_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InvitationOut | Problem]:
    """The caller's own invitation: the surveys they are asked to answer, and until when.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationOut | Problem]
    """

    kwargs = _get_kwargs(
        analysis_id=analysis_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    analysis_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> InvitationOut | Problem | None:
    """The caller's own invitation: the surveys they are asked to answer, and until when.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationOut | Problem
    """

    return (
        await asyncio_detailed(
            analysis_id=analysis_id,
            client=client,
        )
    ).parsed
