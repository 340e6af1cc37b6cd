from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.assessment_collaborators_in import AssessmentCollaboratorsIn
from ...models.assessment_collaborators_out import AssessmentCollaboratorsOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    assessment_id: str,
    *,
    body: AssessmentCollaboratorsIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/assessments/{assessment_id}/collaborators".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentCollaboratorsOut | Problem:
    if response.status_code == 200:
        response_200 = AssessmentCollaboratorsOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssessmentCollaboratorsOut | Problem]:
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
    body: AssessmentCollaboratorsIn,
) -> Response[AssessmentCollaboratorsOut | Problem]:
    """Replace the collaborators (owner or admin).

    Args:
        assessment_id (str):
        body (AssessmentCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentCollaboratorsOut | Problem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AssessmentCollaboratorsIn,
) -> AssessmentCollaboratorsOut | Problem | None:
    """Replace the collaborators (owner or admin).

    Args:
        assessment_id (str):
        body (AssessmentCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentCollaboratorsOut | Problem
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AssessmentCollaboratorsIn,
) -> Response[AssessmentCollaboratorsOut | Problem]:
    """Replace the collaborators (owner or admin).

    Args:
        assessment_id (str):
        body (AssessmentCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentCollaboratorsOut | Problem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AssessmentCollaboratorsIn,
) -> AssessmentCollaboratorsOut | Problem | None:
    """Replace the collaborators (owner or admin).

    Args:
        assessment_id (str):
        body (AssessmentCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentCollaboratorsOut | Problem
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
            body=body,
        )
    ).parsed
