from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.catalogue_page import CataloguePage
from ...models.list_courses_status import ListCoursesStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    topic: str | Unset = UNSET,
    competency: str | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    status: ListCoursesStatus | Unset = "published",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["topic"] = topic

    params["competency"] = competency

    params["q"] = q

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/courses",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CataloguePage | Problem:
    if response.status_code == 200:
        response_200 = CataloguePage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CataloguePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    topic: str | Unset = UNSET,
    competency: str | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    status: ListCoursesStatus | Unset = "published",
) -> Response[CataloguePage | Problem]:
    """Browse the catalogue of published courses (authors: ?status=draft or retired).

    Args:
        topic (str | Unset):
        competency (str | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        status (ListCoursesStatus | Unset):  Default: 'published'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CataloguePage | Problem]
    """

    kwargs = _get_kwargs(
        topic=topic,
        competency=competency,
        q=q,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    topic: str | Unset = UNSET,
    competency: str | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    status: ListCoursesStatus | Unset = "published",
) -> CataloguePage | Problem | None:
    """Browse the catalogue of published courses (authors: ?status=draft or retired).

    Args:
        topic (str | Unset):
        competency (str | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        status (ListCoursesStatus | Unset):  Default: 'published'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CataloguePage | Problem
    """

    return sync_detailed(
        client=client,
        topic=topic,
        competency=competency,
        q=q,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    topic: str | Unset = UNSET,
    competency: str | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    status: ListCoursesStatus | Unset = "published",
) -> Response[CataloguePage | Problem]:
    """Browse the catalogue of published courses (authors: ?status=draft or retired).

    Args:
        topic (str | Unset):
        competency (str | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        status (ListCoursesStatus | Unset):  Default: 'published'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CataloguePage | Problem]
    """

    kwargs = _get_kwargs(
        topic=topic,
        competency=competency,
        q=q,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    topic: str | Unset = UNSET,
    competency: str | Unset = UNSET,
    q: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    status: ListCoursesStatus | Unset = "published",
) -> CataloguePage | Problem | None:
    """Browse the catalogue of published courses (authors: ?status=draft or retired).

    Args:
        topic (str | Unset):
        competency (str | Unset):
        q (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        status (ListCoursesStatus | Unset):  Default: 'published'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CataloguePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            topic=topic,
            competency=competency,
            q=q,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
