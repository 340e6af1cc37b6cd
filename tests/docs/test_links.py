"""The repository stands alone: its Markdown links and names only files inside it that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
SKIPPED = {".venv", ".run", ".git", "node_modules"}
LINK = re.compile(r"\]\(([^)\s]+)\)")
FILE_NAME = re.compile(r"`([\w.-]+(?:/[\w.-]+)+\.(?:py|md|yaml|yml|txt|toml|sh|json))`")


def markdown_files() -> list[Path]:
    files = [p for p in ROOT.rglob("*.md") if not SKIPPED & set(p.relative_to(ROOT).parts)]
    return [p for p in files if "lessons" not in p.parts]  # lesson bodies are course content


def test_there_are_documents_to_check():
    names = {p.relative_to(ROOT).as_posix() for p in markdown_files()}
    assert {"README.md", "docs/api.md", "docs/architecture.md"} <= names


def test_every_link_is_to_a_file_inside_the_repository():
    broken = []
    for document in markdown_files():
        for target in LINK.findall(document.read_text()):
            if re.match(r"[a-z]+:|#", target):
                continue
            resolved = (document.parent / target.split("#")[0]).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                broken.append(f"{document.relative_to(ROOT)}: {target}")
    assert not broken, broken


def test_the_readme_and_docs_name_only_files_that_exist():
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    missing = [
        f"{document.relative_to(ROOT)}: {name}"
        for document in documents
        for name in FILE_NAME.findall(document.read_text())
        if not (ROOT / name).exists() and not (document.parent / name).exists()
    ]
    assert not missing, missing


def test_nothing_points_outside_the_repository():
    outside = [
        p.relative_to(ROOT) for p in markdown_files() if re.search(r"\.\./shared|STYLE\.md", p.read_text())
    ]
    assert not outside, outside
