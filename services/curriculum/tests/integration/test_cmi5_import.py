"""cmi5 packages through the API: imported as a course, refused with a 4xx that stores nothing,
served sandboxed from the folder store or an S3-compatible one."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from lms.curriculum.service.content_store import S3Store

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
PAGE = b"<!doctype html><title>AU</title><script src='au.js'></script>"


def structure(url: str = "index.html", au_id: str = "https://ex.example/au/1") -> bytes:
    def text(value: str) -> str:
        langstring = f"<langstring>{value}</langstring>"
        return f"<title>{langstring}</title><description>{langstring}</description>"

    return (
        f"<?xml version='1.0'?>\n<courseStructure xmlns='{NS}'>\n"
        f"<course id='https://ex.example/course/1'>{text('A cmi5 course')}</course>\n"
        f"<au id='{au_id}' moveOn='Completed'>{text('An AU')}<url>{url}</url></au>\n"
        "</courseStructure>"
    ).encode()


def zipped(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def post(client, headers, body: bytes, kind: str = "application/zip", query: str = "publish=true"):
    return client.post(f"/api/v1/cmi5-packages?{query}", data=body, headers={**headers, "Content-Type": kind})


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "content"


@pytest.fixture
def app(harness, store):
    return harness.app(environ={"LMS_ASSESSMENT_URL": "off", "LMS_CONTENT_STORE": str(store)})


@pytest.fixture
def author(harness) -> dict[str, str]:
    return harness.bearer("ann", "author")


def test_a_zip_package_becomes_a_published_course_whose_files_are_served_sandboxed(app, author, store):
    client = app.test_client()
    imported = post(client, author, zipped({"cmi5.xml": structure(), "index.html": PAGE, "au.js": b"1;"}))
    assert imported.status_code == 201, imported.get_json()
    report = imported.get_json()
    assert (report["aus"], report["published_version"]) == (1, 1)
    course = client.get(f"/api/v1/courses/{report['course_id']}", headers=author).get_json()
    assert [lesson["kind"] for lesson in course["modules"][0]["lessons"]] == ["au"]

    page = client.get(f"/content/{report['package']}/index.html")
    assert page.data == PAGE
    policy = page.headers["Content-Security-Policy"]
    assert policy.startswith("sandbox ")
    assert "allow-scripts" in policy
    assert "allow-same-origin" not in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.mimetype == "text/html"
    assert client.get(f"/content/{report['package']}/../{report['package']}/index.html").status_code == 404
    assert client.get(f"/content/{'0' * 32}/index.html").status_code == 404
    assert len(files_under(store)) >= 2


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (zipped({"cmi5.xml": structure(), "index.html": PAGE, "../escape.html": b"x"}), 400),
        (zipped({"cmi5.xml": structure(), "index.html": b"\0" * (24 * 1024 * 1024)}), 413),
        (zipped({"cmi5.xml": structure(url="missing.html"), "index.html": PAGE}), 422),
        (zipped({"index.html": PAGE}), 400),
        (b"PK\x03\x04 not really a zip", 400),
    ],
    ids=["path traversal", "zip bomb", "AU file missing", "no cmi5.xml", "not a zip"],
)
def test_an_unsafe_or_invalid_package_is_refused_and_nothing_is_stored(app, author, store, body, status):
    client = app.test_client()
    refused = post(client, author, body)
    assert refused.status_code == status
    assert refused.mimetype == "application/problem+json"
    assert files_under(store) == []
    drafts = client.get("/api/v1/courses?status=draft", headers=author).get_json()
    assert drafts["total"] == 0


def test_an_xsd_breach_names_its_line(app, author, store):
    bad = structure().replace(b"moveOn='Completed'", b"moveOn='Sometimes'")
    refused = post(app.test_client(), author, bad, kind="application/xml")
    assert refused.status_code == 422
    assert "line 4" in str(refused.get_json())
    assert files_under(store) == []


def test_only_a_cmi5_package_may_be_larger_than_other_bodies(app, author):
    """A package carries its media (up to 64 MiB); every other body keeps the 2 MiB cap."""
    client = app.test_client()
    media = os.urandom(3 * 1024 * 1024)  # incompressible: no ratio to suspect
    package = zipped({"cmi5.xml": structure(), "index.html": PAGE, "film.bin": media}, zipfile.ZIP_STORED)
    assert post(client, author, package).status_code == 201
    padded = b'{"slug": "big", "title": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    big_json = client.post(
        "/api/v1/course-packages", data=padded, headers={**author, "Content-Type": "application/json"}
    )
    assert big_json.status_code == 413


@pytest.fixture
def s3():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    keys = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update(keys)
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="lms-content")
    yield endpoint
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    server.stop()


def test_an_s3_compatible_store_keeps_and_serves_the_files(harness, author, s3):
    environ = {
        "LMS_ASSESSMENT_URL": "off",
        "LMS_CONTENT_STORE": "s3://lms-content/cmi5",
        "LMS_CONTENT_S3_ENDPOINT": s3,
    }
    client = harness.app(environ=environ).test_client()
    imported = post(client, author, zipped({"cmi5.xml": structure(), "index.html": PAGE}))
    assert imported.status_code == 201, imported.get_json()
    package = imported.get_json()["package"]
    listed = boto3.client("s3", endpoint_url=s3).list_objects_v2(Bucket="lms-content", Prefix="cmi5/")
    assert f"cmi5/{package}/index.html" in {item["Key"] for item in listed["Contents"]}
    page = client.get(f"/content/{package}/index.html")
    assert (page.status_code, page.data) == (200, PAGE)
    assert "allow-same-origin" not in page.headers["Content-Security-Policy"]
    store = S3Store("lms-content", "cmi5", endpoint=s3)
    assert store.get(f"{package}/nothing.html") is None
    assert not store.exists(f"{package}/nothing.html")
