"""Where the files of imported packages live: a folder (the embedded default) or an S3 bucket.

`LMS_CONTENT_STORE` is a folder path (default `$LMS_RUN_DIR/content`) or `s3://bucket/prefix`;
an S3 store reads `LMS_CONTENT_S3_ENDPOINT` (any S3-compatible service; unset: AWS) and the
usual AWS credential variables through boto3. Keys are `<package>/<path>`; a package's files
are written once, under a fresh package key, and never changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

CHUNK = 64 * 1024


@dataclass(frozen=True)
class StoredFile:
    length: int
    chunks: Iterator[bytes]


class ContentStore(Protocol):
    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def get(self, key: str) -> StoredFile | None: ...

    def exists(self, key: str) -> bool: ...

    def delete_package(self, package: str) -> None: ...


class FolderStore:
    """Files under one folder (the embedded default: `.run/content`)."""

    def __init__(self, root: Path):
        self.root = root

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(data)
        partial.replace(path)

    def get(self, key: str) -> StoredFile | None:
        path = self._path(key)
        if not path.is_file():
            return None
        return StoredFile(path.stat().st_size, _read(path))

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete_package(self, package: str) -> None:
        shutil.rmtree(self._path(package), ignore_errors=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(f"key {key!r} leaves the content folder")
        return path


def _read(path: Path) -> Iterator[bytes]:
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


class S3Store:
    """Objects in an S3 bucket (any S3-compatible service), under an optional prefix."""

    def __init__(self, bucket: str, prefix: str = "", client: Any = None, endpoint: str | None = None):
        import boto3  # only deployments that use S3 pay for loading it

        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client = client or boto3.client("s3", endpoint_url=endpoint)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data, ContentType=content_type)

    def get(self, key: str) -> StoredFile | None:
        try:
            found = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
        except self.client.exceptions.NoSuchKey:
            return None
        body = found["Body"]
        return StoredFile(int(found["ContentLength"]), body.iter_chunks(CHUNK))

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self.prefix + key)
        except self.client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def delete_package(self, package: str) -> None:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}{package}/"
        )
        for page in pages:
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys})


def content_store(env: Mapping[str, str] | None = None) -> ContentStore:
    """The store `LMS_CONTENT_STORE` names (a folder, by default under `LMS_RUN_DIR`)."""
    env = os.environ if env is None else env
    where = env.get("LMS_CONTENT_STORE") or str(Path(env.get("LMS_RUN_DIR", ".run")) / "content")
    if where.startswith("s3://"):
        bucket, _, prefix = where.removeprefix("s3://").partition("/")
        return S3Store(bucket, prefix, endpoint=env.get("LMS_CONTENT_S3_ENDPOINT") or None)
    return FolderStore(Path(where))
