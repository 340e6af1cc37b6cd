"""Reading cmi5 packages: the XSD and cmi5's rules by line, and ZIP archives read defensively."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from lms.curriculum.domain.cmi5.archive import Archive
from lms.curriculum.domain.cmi5.course_xml import PackageInvalid, parse
from lms.curriculum.domain.cmi5.module import build_module, event_form, module_problems
from lms.curriculum.domain.errors import TooLarge, Unreadable

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
COURSE_ID = "0b8f2c4e-3a59-4f43-9d6e-1c2b3a4d5e6f"


def text(value: str) -> str:
    title = f"<title><langstring lang='en'>{value}</langstring></title>"
    return f"{title}<description><langstring>{value} about</langstring></description>"


def au(au_id: str = "https://ex.example/au/1", url: str = "index.html", attributes: str = "") -> str:
    return f"<au id='{au_id}' {attributes}>{text('An AU')}<url>{url}</url></au>"


def structure(*children: str, course_id: str = "https://ex.example/course/1", head: str = "") -> bytes:
    body = "".join(children)
    course = f"<course id='{course_id}'>{text('A course')}</course>"
    return (
        f"<?xml version='1.0'?>{head}<courseStructure xmlns='{NS}'>{course}{body}</courseStructure>".encode()
    )


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_structure_is_read_with_blocks_aus_and_values_trimmed():
    judged = au(attributes="moveOn='Passed' masteryScore='0.8'")
    block = f"<block id='https://ex.example/b'>{text('B')}{judged}</block>"
    found = parse(
        structure(block, au("https://ex.example/au/2", "  https://cdn.example/x.html  ")),
        frozenset({"index.html"}),
    )
    assert [a.id for a in found.aus()] == ["https://ex.example/au/1", "https://ex.example/au/2"]
    assert (found.aus()[0].move_on, found.aus()[0].mastery_score) == ("Passed", 0.8)
    assert found.aus()[1].url == "https://cdn.example/x.html"
    assert found.aus()[1].move_on == "NotApplicable"
    assert [b.id for b in found.blocks()] == ["https://ex.example/b"]


@pytest.mark.parametrize(
    ("xml", "files", "says"),
    [
        (structure(au(), course_id="ex.example/course"), frozenset({"index.html"}), "not an absolute IRI"),
        (structure(au(), au()), frozenset({"index.html"}), "used twice"),
        (structure(au()), None, "relative, but a cmi5.xml alone"),
        (structure(au(url="missing.html")), frozenset({"index.html"}), "names no file"),
        (structure(au(url="../index.html")), frozenset({"index.html"}), "not a plain path"),
        (structure(au(url="index.html?endpoint=x")), frozenset({"index.html"}), "launch parameter"),
        (structure(au(url="http://ex.example a.html")), None, "not a URL"),
        (structure(au(url="javascript:alert(1)")), None, "not an http(s) URL"),
        (structure(au(attributes='moveOn="Sometimes"')), frozenset({"index.html"}), "moveOn"),
        (structure(au(attributes='masteryScore="1.5"')), frozenset({"index.html"}), "masteryScore"),
    ],
    ids=[
        "iri",
        "duplicate",
        "relative-alone",
        "missing-file",
        "dotdot",
        "query-clash",
        "space",
        "scheme",
        "xsd-enum",
        "xsd-range",
    ],
)
def test_a_structure_that_breaks_a_rule_is_refused_naming_the_line(xml, files, says):
    with pytest.raises(PackageInvalid) as refused:
        parse(xml, files)
    problems = refused.value.errors["cmi5.xml"]
    assert any(says in p for p in problems), problems
    assert all(p.startswith("line ") for p in problems)


def test_a_doctype_is_refused_so_no_entity_is_ever_expanded():
    bomb = "<!DOCTYPE c [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>]>"
    with pytest.raises((PackageInvalid, Unreadable)):
        parse(structure(au(), head=bomb), frozenset({"index.html"}))


def test_not_xml_is_unreadable():
    with pytest.raises(Unreadable):
        parse(b"# a markdown file", None)


def test_a_zip_package_reads_its_structure_and_files():
    archive = Archive(zipped({"cmi5.xml": structure(au()), "index.html": b"<p>hi</p>", "js/a.js": b"1"}))
    assert archive.names == frozenset({"cmi5.xml", "index.html", "js/a.js"})
    assert parse(archive.structure(), archive.names).aus()[0].url == "index.html"


@pytest.mark.parametrize(
    "name", ["../evil.html", "/etc/passwd", "a\\b.html", "c:/x.html", "a//b.html", "./a.html"], ids=str
)
def test_an_entry_with_an_unsafe_name_refuses_the_archive(name):
    with pytest.raises(Unreadable):
        Archive(zipped({"cmi5.xml": structure(au()), name: b"x"}))


def test_a_symbolic_link_refuses_the_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cmi5.xml", structure(au()))
        link = zipfile.ZipInfo("index.html")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(Unreadable, match="symbolic link"):
        Archive(buffer.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    with pytest.raises(TooLarge, match="ZIP bomb"):
        Archive(zipped({"cmi5.xml": structure(au()), "index.html": b"\0" * (64 * 1024 * 1024)}))


def test_an_archive_without_cmi5_xml_or_not_a_zip_is_unreadable():
    with pytest.raises(Unreadable, match=r"cmi5\.xml"):
        Archive(zipped({"index.html": b"x"}))
    with pytest.raises(Unreadable, match="not a ZIP"):
        Archive(b"PK but not really")


def test_a_cmi5_course_becomes_one_module_of_au_lessons_with_stable_ids():
    block = f"<block id='https://ex.example/b'>{text('B')}{au()}</block>"
    found = parse(structure(block, au("https://ex.example/au/2")), frozenset({"index.html"}))
    first, again = (build_module(COURSE_ID, found, "ab" * 16, True) for _ in range(2))
    assert first.id == again.id
    assert [lesson.id for lesson in first.lessons] == [lesson.id for lesson in again.lessons]
    assert {lesson.kind for lesson in first.lessons} == {"au"}
    assert module_problems(first) == []
    shaped = event_form(first)
    assert shaped["children"][0]["children"][0]["lesson_id"] == first.lessons[0].id
    first.lessons.pop()
    assert module_problems(first)
