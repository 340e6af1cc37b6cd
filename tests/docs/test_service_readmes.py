"""Each service's README names what the code holds: every package folder of the service and every
process its definition lets `python -m lms.<service>` run (no more, no fewer); the root README's
layout names every member of the workspace."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SERVICES = sorted(path.name for path in (ROOT / "services").iterdir() if (path / "README.md").exists())


def readme(service: str) -> str:
    return (ROOT / "services" / service / "README.md").read_text()


def package_folders(service: str) -> list[str]:
    """The service's packages below its root, as paths relative to it (`compliance/service`)."""
    root = ROOT / "services" / service / "src" / "lms" / service
    return sorted(str(init.parent.relative_to(root)) for init in root.glob("*/**/__init__.py"))


def named_packages(text: str) -> set[str]:
    """Every `folder/` (or `folder/sub/`) the text names in backticks, as written and by each part."""
    named = set()
    for path in re.findall(r"`([a-z0-9_/]+)/`", text):
        named.add(path)
        named |= set(path.split("/"))
    return named


def named_processes(text: str, service: str) -> set[str]:
    """The processes the README's usage lines offer: `python -m lms.<service> a|b|c [options]`."""
    lines = re.findall(rf"^python -m lms\.{service} (\S+)", text, flags=re.MULTILINE)
    return {name for line in lines for name in line.split("|")}


def test_every_service_has_a_readme():
    services = sorted(
        path.name for path in (ROOT / "services").iterdir() if (path / "pyproject.toml").exists()
    )
    assert services == SERVICES


@pytest.mark.parametrize("service", SERVICES)
def test_the_readme_names_every_package_folder(service):
    named = named_packages(readme(service))
    missing = [
        folder
        for folder in package_folders(service)
        if folder not in named and folder.split("/")[-1] not in named
    ]
    assert not missing, f"services/{service}/README.md names no `{missing[0]}/` (of {missing})"


@pytest.mark.parametrize("service", SERVICES)
def test_the_readme_offers_exactly_the_processes_the_definition_runs(service):
    definition = importlib.import_module(f"lms.{service}.definition").DEFINITION
    assert named_processes(readme(service), service) == set(definition.processes)


def test_progress_readme_says_where_the_compliance_scheduler_is():
    text = readme("progress")
    assert "`schedule` (the compliance scheduler" in text
    assert "`processes/`" in text
    assert "`compliance/`" in text


def test_the_layout_lists_every_member_of_the_workspace():
    members = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    folders = {
        str(path.relative_to(ROOT)) for member in members for path in ROOT.glob(member) if path.is_dir()
    }
    layout = (ROOT / "README.md").read_text().split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^(\S+)/ ", layout, flags=re.MULTILINE))
    services = re.search(r"^services/\s+(.*)$", layout, flags=re.MULTILINE)
    listed |= {f"services/{name}" for name in re.findall(r"[a-z]+", services.group(1).split("(")[0])}
    assert folders <= listed, f"the README's layout leaves out {sorted(folders - listed)}"


def test_the_architecture_says_where_each_service_leaves_assessments_shape():
    """A service with a package assessment lacks, or a process of its own, is named with them."""
    shape = set(package_folders("assessment"))
    text = (ROOT / "docs/architecture.md").read_text()
    differences = text.split("\n## Where a service differs from assessment's shape\n", 1)[1].split(
        "\n## ", 1
    )[0]
    paragraphs = {
        m.group(1): m.group(0)
        for m in re.finditer(r"^- \*\*([a-z]+)\*\*.*?(?=^- \*\*|\Z)", differences, re.M | re.S)
    }
    for service in SERVICES:
        definition = importlib.import_module(f"lms.{service}.definition").DEFINITION
        folders = [f for f in package_folders(service) if f not in shape]
        service_root = ROOT / "services" / service / "src" / "lms" / service
        folders += [p.name for p in service_root.iterdir() if p.is_dir() and not (p / "__init__.py").exists()]
        # a new top-level package is named by itself, a new sub-package by its path (`domain/validation`)
        own = {f if f.split("/")[0] in shape else f.split("/")[0] for f in folders}
        own = (own - {"migrations", "__pycache__"}) | set(definition.commands)
        if not own:
            continue
        assert service in paragraphs, (
            f"docs/architecture.md does not say how {service} differs ({sorted(own)})"
        )
        unnamed = [name for name in sorted(own) if f"`{name}" not in paragraphs[service]]
        assert not unnamed, f"docs/architecture.md says nothing of {service}'s {unnamed}"
