from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.course_out import CourseOut
from ...models.get_course_format import GetCourseFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    course_id: str,
    *,
    version: str | Unset = UNSET,
    format_: GetCourseFormat | Unset = "markdown",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/courses/{course_id}".format(
            course_id=quote(str(course_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CourseOut | Problem:
    if response.status_code == 200:
        response_200 = CourseOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CourseOut | Problem]:
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
    version: str | Unset = UNSET,
    format_: GetCourseFormat | Unset = "markdown",
) -> Response[CourseOut | Problem]:
    """A course: its latest published version, or ?version=N, or (authors) ?version=draft.

    Args:
        course_id (str):
        version (str | Unset):
        format_ (GetCourseFormat | Unset):  Default: 'markdown'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourseOut | Problem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        version=version,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    format_: GetCourseFormat | Unset = "markdown",
) -> CourseOut | Problem | None:
    """A course: its latest published version, or ?version=N, or (authors) ?version=draft.

    Args:
        course_id (str):
        version (str | Unset):
        format_ (GetCourseFormat | Unset):  Default: 'markdown'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourseOut | Problem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
        version=version,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    format_: GetCourseFormat | Unset = "markdown",
) -> Response[CourseOut | Problem]:
    """A course: its latest published version, or ?version=N, or (authors) ?version=draft.

    Args:
        course_id (str):
        version (str | Unset):
        format_ (GetCourseFormat | Unset):  Default: 'markdown'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourseOut | Problem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        version=version,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    format_: GetCourseFormat | Unset = "markdown",
) -> CourseOut | Problem | None:
    """A course: its latest published version, or ?version=N, or (authors) ?version=draft.

    Args:
        course_id (str):
        version (str | Unset):
        format_ (GetCourseFormat | Unset):  Default: 'markdown'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourseOut | Problem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
            version=version,
            format_=format_,
        )
    ).parsed
