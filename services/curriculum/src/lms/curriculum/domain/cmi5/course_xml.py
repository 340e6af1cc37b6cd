"""Reading `cmi5.xml`: the cmi5 XSD first, then the rules the XSD cannot say, every refusal by line.

The parser resolves no entity, loads no DTD and reaches no network; a document with a DOCTYPE is
refused outright (no entity expansion, no external references). After the schema come the
rules of cmi5 sections 3, 8.1, 13 and 14: ids are absolute IRIs, unique in the structure; an
AU's URL is a well-formed http(s) URL, or (in a ZIP package only) a relative path to a file the
package holds; its query string does not use the names of the launch parameters.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from posixpath import normpath
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from lms.curriculum.domain.cmi5.structure import Au, Block, CourseStructure
from lms.curriculum.domain.errors import Invalid, Unreadable

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
MAX_XML_BYTES = 8 * 1024 * 1024
MAX_AUS = 2000
MAX_DEPTH = 20
LAUNCH_PARAMETERS = frozenset({"endpoint", "fetch", "actor", "registration", "activityId"})
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
WEB_SCHEMES = ("http", "https")


class PackageInvalid(Invalid):
    """A package that breaks the cmi5 schema or rules; `errors["cmi5.xml"]` lists each by line."""

    def __init__(self, problems: list[str]):
        super().__init__(
            f"The course structure is not valid cmi5: {problems[0]}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
            {"cmi5.xml": problems},
        )


@cache
def _schema() -> etree.XMLSchema:
    source = files("lms.curriculum.domain.cmi5").joinpath("CourseStructure.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(source, _parser()))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def parse(xml: bytes, package_files: frozenset[str] | None) -> CourseStructure:
    """The course structure of `xml`; `package_files` names the ZIP's files (None: a bare cmi5.xml)."""
    if len(xml) > MAX_XML_BYTES:
        raise PackageInvalid([f"cmi5.xml is larger than {MAX_XML_BYTES} bytes"])
    root = _document(xml)
    schema = _schema()
    if not schema.validate(root):
        raise PackageInvalid([f"line {e.line}: {e.message}" for e in schema.error_log])
    problems: list[str] = []
    structure = _Reader(problems, package_files).course(root)
    if problems:
        raise PackageInvalid(problems)
    return structure


def _document(xml: bytes) -> etree._Element:
    try:
        tree = etree.fromstring(xml, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        raise Unreadable(f"cmi5.xml is not well-formed XML: line {line}: {exc.msg}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise PackageInvalid(["line 1: a DOCTYPE is not allowed in a course structure"])
    return tree.getroot()


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


class _Reader:
    """Walks a schema-valid document into a `CourseStructure`, noting each rule it breaks."""

    def __init__(self, problems: list[str], package_files: frozenset[str] | None):
        self.problems = problems
        self.files = package_files
        self.seen: dict[str, set[str]] = {"course": set(), "block": set(), "au": set(), "objective": set()}
        self.au_count = 0

    def course(self, root: etree._Element) -> CourseStructure:
        course = root.find(_tag("course"))
        course_id = self._iri(course, "course")
        objectives = tuple(
            self._objective(o) for o in root.iterfind(f"{_tag('objectives')}/{_tag('objective')}")
        )
        return CourseStructure(
            id=course_id,
            title=_text(course.find(_tag("title"))),
            description=_text(course.find(_tag("description"))),
            children=self._children(root, 0),
            objectives=objectives,
        )

    def _children(self, parent: etree._Element, depth: int) -> tuple[Au | Block, ...]:
        if depth > MAX_DEPTH:
            self._note(parent, f"blocks are nested more than {MAX_DEPTH} deep")
            return ()
        found: list[Au | Block] = []
        for element in parent:
            if element.tag == _tag("au"):
                found.append(self._au(element))
            elif element.tag == _tag("block"):
                found.append(self._block(element, depth))
        return tuple(found)

    def _block(self, element: etree._Element, depth: int) -> Block:
        return Block(
            id=self._iri(element, "block"),
            title=_text(element.find(_tag("title"))),
            description=_text(element.find(_tag("description"))),
            children=self._children(element, depth + 1),
        )

    def _au(self, element: etree._Element) -> Au:
        self.au_count += 1
        if self.au_count == MAX_AUS + 1:
            self._note(element, f"a course structure holds at most {MAX_AUS} AUs")
        mastery = element.get("masteryScore")
        return Au(
            id=self._iri(element, "au"),
            title=_text(element.find(_tag("title"))),
            description=_text(element.find(_tag("description"))),
            url=self._url(element.find(_tag("url"))),
            move_on=element.get("moveOn", "NotApplicable").strip(),
            mastery_score=float(mastery) if mastery is not None else None,
            launch_method=element.get("launchMethod", "AnyWindow").strip(),
            launch_parameters=_optional_text(element.find(_tag("launchParameters"))),
            entitlement_key=_optional_text(element.find(_tag("entitlementKey"))),
            activity_type=(element.get("activityType") or "").strip() or None,
        )

    def _objective(self, element: etree._Element) -> str:
        return self._iri(element, "objective")

    def _iri(self, element: etree._Element, kind: str) -> str:
        value = (element.get("id") or "").strip()
        if not IRI.match(value):
            self._note(element, f"the {kind} id {value!r} is not an absolute IRI (cmi5 section 3)")
        elif value in self.seen[kind]:
            self._note(element, f"the {kind} id {value!r} is used twice (cmi5 section 13.1)")
        self.seen[kind].add(value)
        return value

    def _url(self, element: etree._Element) -> str:
        url = (element.text or "").strip()
        if not url or any(c.isspace() or ord(c) < 32 for c in url):
            self._note(element, f"the AU url {url!r} is not a URL (no spaces or control characters)")
            return url
        parts = urlsplit(url)
        clashes = sorted(LAUNCH_PARAMETERS & {name for name, _ in parse_qsl(parts.query, True)})
        if clashes:
            self._note(element, f"the AU url's query uses {', '.join(clashes)}, a launch parameter (8.1)")
        if parts.scheme:
            if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
                self._note(element, f"the AU url {url!r} is not an http(s) URL with a host")
        elif self.files is None:
            self._note(
                element, f"the AU url {url!r} is relative, but a cmi5.xml alone names AUs fully (14.2)"
            )
        else:
            self._relative(element, parts.path)
        return url

    def _relative(self, element: etree._Element, path: str) -> None:
        target = unquote(path)
        if not target or target.startswith("/") or ".." in target.split("/") or normpath(target) != target:
            self._note(element, f"the AU url {path!r} is not a plain path inside the package")
        elif target not in (self.files or frozenset()):
            self._note(element, f"the AU url {path!r} names no file of the package (14.1)")

    def _note(self, element: etree._Element, message: str) -> None:
        self.problems.append(f"line {element.sourceline}: {message}")


def _text(element: etree._Element | None) -> str:
    """The first langstring of a title or description."""
    if element is None:
        return ""
    first = element.find(_tag("langstring"))
    return (first.text or "").strip() if first is not None else ""


def _optional_text(element: etree._Element | None) -> str | None:
    return "".join(element.itertext()).strip() if element is not None else None
