from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.import_report import ImportReport
from ...models.package_in import PackageIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PackageIn,
    dry_run: bool | Unset = False,
    publish: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params["publish"] = publish

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/course-packages",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReport | Problem:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ImportReport.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PackageIn,
    dry_run: bool | Unset = False,
    publish: bool | Unset = False,
) -> Response[ImportReport | Problem]:
    """Import a package; ?dry_run=true reports changes, ?publish=true publishes.

     Over an existing slug: owner, collaborators or admins only, with If-Match (the draft's ETag).

    Args:
        dry_run (bool | Unset):  Default: False.
        publish (bool | Unset):  Default: False.
        body (PackageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        publish=publish,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PackageIn,
    dry_run: bool | Unset = False,
    publish: bool | Unset = False,
) -> ImportReport | Problem | None:
    """Import a package; ?dry_run=true reports changes, ?publish=true publishes.

     Over an existing slug: owner, collaborators or admins only, with If-Match (the draft's ETag).

    Args:
        dry_run (bool | Unset):  Default: False.
        publish (bool | Unset):  Default: False.
        body (PackageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
        publish=publish,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PackageIn,
    dry_run: bool | Unset = False,
    publish: bool | Unset = False,
) -> Response[ImportReport | Problem]:
    """Import a package; ?dry_run=true reports changes, ?publish=true publishes.

     Over an existing slug: owner, collaborators or admins only, with If-Match (the draft's ETag).

    Args:
        dry_run (bool | Unset):  Default: False.
        publish (bool | Unset):  Default: False.
        body (PackageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        publish=publish,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PackageIn,
    dry_run: bool | Unset = False,
    publish: bool | Unset = False,
) -> ImportReport | Problem | None:
    """Import a package; ?dry_run=true reports changes, ?publish=true publishes.

     Over an existing slug: owner, collaborators or admins only, with If-Match (the draft's ETag).

    Args:
        dry_run (bool | Unset):  Default: False.
        publish (bool | Unset):  Default: False.
        body (PackageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
            publish=publish,
        )
    ).parsed
