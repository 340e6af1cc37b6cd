"""A cmi5 package as a ZIP archive (cmi5 section 14.1), read defensively.

Before any file is decompressed the central directory is checked: at most `MAX_ENTRIES`
entries, every name a plain relative path (no absolute path, drive, backslash, `..`, NUL or
duplicate), no symbolic link, no encryption, declared sizes within `MAX_TOTAL_BYTES` and no
entry that claims to expand more than `MAX_RATIO` times. Files are then read in chunks that
stop at the declared size: an archive that lies about a size fails, as does a bad CRC. ZIP64
archives are read like any other.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lms.curriculum.domain.cmi5.course_xml import MAX_XML_BYTES
from lms.curriculum.domain.errors import TooLarge, Unreadable

STRUCTURE = "cmi5.xml"
MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # a file over 1 MiB that expands more than this is a bomb, not content
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024


class PackageRefused(Unreadable):
    """A ZIP the importer will not open (unsafe names, links, encryption): a 400."""


@dataclass(frozen=True)
class Entry:
    name: str
    size: int


class Archive:
    """The checked entries of a ZIP package; `read`/`chunks` decompress one with its size enforced."""

    def __init__(self, data: bytes):
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
            raise Unreadable(f"The package is not a ZIP archive: {exc}.") from None
        self.entries = _checked(self._zip.infolist())
        if STRUCTURE not in {e.name for e in self.entries}:
            raise Unreadable(f"The package has no {STRUCTURE} at its root (cmi5 section 14.1).")

    @property
    def names(self) -> frozenset[str]:
        return frozenset(e.name for e in self.entries)

    def structure(self) -> bytes:
        entry = next(e for e in self.entries if e.name == STRUCTURE)
        if entry.size > MAX_XML_BYTES:
            raise TooLarge(f"{STRUCTURE} is larger than {MAX_XML_BYTES} bytes.")
        return b"".join(self.chunks(entry))

    def chunks(self, entry: Entry) -> Iterator[bytes]:
        """The entry's bytes, never more than its declared size."""
        read = 0
        try:
            with self._zip.open(entry.name) as source:
                while chunk := source.read(CHUNK):
                    read += len(chunk)
                    if read > entry.size:
                        raise PackageRefused(f"{entry.name} holds more than its declared size.")
                    yield chunk
        except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
            raise PackageRefused(f"{entry.name} cannot be read from the archive: {exc}.") from None


def _checked(infos: list[zipfile.ZipInfo]) -> list[Entry]:
    if len(infos) > MAX_ENTRIES:
        raise TooLarge(f"A package holds at most {MAX_ENTRIES} entries; this one has {len(infos)}.")
    entries: list[Entry] = []
    names: set[str] = set()
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        name = _safe_name(info.filename)
        if name in names:
            raise PackageRefused(f"The archive names {name!r} twice.")
        if info.flag_bits & 0x1:
            raise PackageRefused(f"{name} is encrypted.")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageRefused(f"{name} is a symbolic link.")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TooLarge(
                f"{name} expands {info.file_size // max(info.compress_size, 1)} times: a ZIP bomb?"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise TooLarge(f"A package expands to at most {MAX_TOTAL_BYTES} bytes.")
        names.add(name)
        entries.append(Entry(name, info.file_size))
    return entries


def _safe_name(name: str) -> str:
    """The entry name, if it is a plain relative path inside the package."""
    parts = name.split("/")
    unsafe = (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("", ".", "..") for part in parts)
        or len(name) > 1000
    )
    if unsafe:
        raise PackageRefused(f"The archive holds an entry with an unsafe name: {name[:200]!r}.")
    return name
