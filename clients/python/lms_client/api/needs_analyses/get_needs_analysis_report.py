from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report_out import ReportOut
from ...types import Response


def _get_kwargs(
    analysis_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/needs-analyses/{analysis_id}/report".format(
            analysis_id=quote(str(analysis_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportOut:
    if response.status_code == 200:
        response_200 = ReportOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReportOut]:
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
) -> Response[Problem | ReportOut]:
    """The report: aggregates once closed and with enough respondents, else counts only.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportOut]
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
) -> Problem | ReportOut | None:
    """The report: aggregates once closed and with enough respondents, else counts only.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportOut
    """

    return sync_detailed(
        analysis_id=analysis_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    analysis_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ReportOut]:
    """The report: aggregates once closed and with enough respondents, else counts only.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportOut]
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
) -> Problem | ReportOut | None:
    """The report: aggregates once closed and with enough respondents, else counts only.

    Args:
        analysis_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportOut
    """

    return (
        await asyncio_detailed(
            analysis_id=analysis_id,
            client=client,
        )
    ).parsed
