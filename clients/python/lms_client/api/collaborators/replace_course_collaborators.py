from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.curriculum_collaborators_in import CurriculumCollaboratorsIn
from ...models.curriculum_collaborators_out import CurriculumCollaboratorsOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    course_id: str,
    *,
    body: CurriculumCollaboratorsIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/courses/{course_id}/collaborators".format(
            course_id=quote(str(course_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CurriculumCollaboratorsOut | Problem:
    if response.status_code == 200:
        response_200 = CurriculumCollaboratorsOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CurriculumCollaboratorsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CurriculumCollaboratorsIn,
) -> Response[CurriculumCollaboratorsOut | Problem]:
    """Replace the collaborators (owner or admin).

    Args:
        course_id (str):
        body (CurriculumCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurriculumCollaboratorsOut | Problem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CurriculumCollaboratorsIn,
) -> CurriculumCollaboratorsOut | Problem | None:
    """Replace the collaborators (owner or admin).

    Args:
        course_id (str):
        body (CurriculumCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurriculumCollaboratorsOut | Problem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CurriculumCollaboratorsIn,
) -> Response[CurriculumCollaboratorsOut | Problem]:
    """Replace the collaborators (owner or admin).

    Args:
        course_id (str):
        body (CurriculumCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CurriculumCollaboratorsOut | Problem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CurriculumCollaboratorsIn,
) -> CurriculumCollaboratorsOut | Problem | None:
    """Replace the collaborators (owner or admin).

    Args:
        course_id (str):
        body (CurriculumCollaboratorsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CurriculumCollaboratorsOut | Problem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
            body=body,
        )
    ).parsed
