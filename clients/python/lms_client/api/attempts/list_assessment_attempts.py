from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attempt_summary import AttemptSummary
from ...models.list_assessment_attempts_status import (
    ListAssessmentAttemptsStatus,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assessment_id: str,
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    status: ListAssessmentAttemptsStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["learner_id"] = learner_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/assessments/{assessment_id}/attempts".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[AttemptSummary]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AttemptSummary.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[AttemptSummary]]:
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
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    status: ListAssessmentAttemptsStatus | Unset = UNSET,
) -> Response[Problem | list[AttemptSummary]]:
    """List attempts: a learner's own, or anyone's for hr.

    Args:
        assessment_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        status (ListAssessmentAttemptsStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[AttemptSummary]]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    status: ListAssessmentAttemptsStatus | Unset = UNSET,
) -> Problem | list[AttemptSummary] | None:
    """List attempts: a learner's own, or anyone's for hr.

    Args:
        assessment_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        status (ListAssessmentAttemptsStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[AttemptSummary]
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    status: ListAssessmentAttemptsStatus | Unset = UNSET,
) -> Response[Problem | list[AttemptSummary]]:
    """List attempts: a learner's own, or anyone's for hr.

    Args:
        assessment_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        status (ListAssessmentAttemptsStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[AttemptSummary]]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        limit=limit,
        offset=offset,
        learner_id=learner_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    learner_id: str | Unset = UNSET,
    status: ListAssessmentAttemptsStatus | Unset = UNSET,
) -> Problem | list[AttemptSummary] | None:
    """List attempts: a learner's own, or anyone's for hr.

    Args:
        assessment_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        learner_id (str | Unset):
        status (ListAssessmentAttemptsStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[AttemptSummary]
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
            limit=limit,
            offset=offset,
            learner_id=learner_id,
            status=status,
        )
    ).parsed
