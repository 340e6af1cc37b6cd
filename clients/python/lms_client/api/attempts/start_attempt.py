from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attempt_started import AttemptStarted
from ...models.problem import Problem
from ...models.start_in import StartIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assessment_id: str,
    *,
    body: StartIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/assessments/{assessment_id}/attempts".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttemptStarted | Problem:
    if response.status_code == 201:
        response_201 = AttemptStarted.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AttemptStarted | Problem]:
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
    body: StartIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[AttemptStarted | Problem]:
    """Start an attempt on the latest published version (a survey's names its needs analysis).

    Args:
        assessment_id (str):
        idempotency_key (str | Unset):
        body (StartIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptStarted | Problem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StartIn,
    idempotency_key: str | Unset = UNSET,
) -> AttemptStarted | Problem | None:
    """Start an attempt on the latest published version (a survey's names its needs analysis).

    Args:
        assessment_id (str):
        idempotency_key (str | Unset):
        body (StartIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptStarted | Problem
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StartIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[AttemptStarted | Problem]:
    """Start an attempt on the latest published version (a survey's names its needs analysis).

    Args:
        assessment_id (str):
        idempotency_key (str | Unset):
        body (StartIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttemptStarted | Problem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StartIn,
    idempotency_key: str | Unset = UNSET,
) -> AttemptStarted | Problem | None:
    """Start an attempt on the latest published version (a survey's names its needs analysis).

    Args:
        assessment_id (str):
        idempotency_key (str | Unset):
        body (StartIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttemptStarted | Problem
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
