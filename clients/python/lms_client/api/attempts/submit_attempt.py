from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.submit_in import SubmitIn
from ...models.submit_result import SubmitResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    attempt_id: str,
    *,
    body: SubmitIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/attempts/{attempt_id}/submit".format(
            attempt_id=quote(str(attempt_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SubmitResult:
    if response.status_code == 200:
        response_200 = SubmitResult.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SubmitResult]:
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
    body: SubmitIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubmitResult]:
    """Submit the responses and get the grade at once.

    Args:
        attempt_id (str):
        idempotency_key (str | Unset):
        body (SubmitIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmitResult]
    """

    kwargs = _get_kwargs(
        attempt_id=attempt_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubmitResult | None:
    """Submit the responses and get the grade at once.

    Args:
        attempt_id (str):
        idempotency_key (str | Unset):
        body (SubmitIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmitResult
    """

    return sync_detailed(
        attempt_id=attempt_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubmitResult]:
    """Submit the responses and get the grade at once.

    Args:
        attempt_id (str):
        idempotency_key (str | Unset):
        body (SubmitIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmitResult]
    """

    kwargs = _get_kwargs(
        attempt_id=attempt_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    attempt_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubmitResult | None:
    """Submit the responses and get the grade at once.

    Args:
        attempt_id (str):
        idempotency_key (str | Unset):
        body (SubmitIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmitResult
    """

    return (
        await asyncio_detailed(
            attempt_id=attempt_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
