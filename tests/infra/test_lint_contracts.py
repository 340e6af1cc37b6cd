"""The import contracts of `make lint` name every workspace member, so a new service is covered at once."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
CONTRACTS = {c["id"]: c for c in PYPROJECT["tool"]["importlinter"]["contracts"]}
LIBRARIES = {"lms.kit", "lms.contracts"}
TESTS_ONLY = {"lms.testing"}  # the tests' plugin and helpers: it may import anything, nothing imports it


def member_packages(pattern: str) -> set[str]:
    """`lms.<name>` of every member whose folder matches `pattern` (its one package under src/lms)."""
    folders = [p.parent for p in ROOT.glob(f"{pattern}/pyproject.toml")]
    return {f"lms.{next((f / 'src' / 'lms').iterdir()).name}" for f in folders}


def all_members() -> set[str]:
    globs = PYPROJECT["tool"]["uv"]["workspace"]["members"]
    return set().union(*(member_packages(g) for g in globs))


def test_every_app_is_independent_of_the_others_and_unreachable_from_the_libraries():
    apps = all_members() - LIBRARIES - TESTS_ONLY
    assert {"lms.gateway", "lms.tools", "lms.assessment"} <= apps
    assert set(CONTRACTS["apps-are-independent"]["modules"]) == apps
    assert set(CONTRACTS["libraries-import-no-app"]["source_modules"]) == LIBRARIES
    assert set(CONTRACTS["libraries-import-no-app"]["forbidden_modules"]) == apps


def test_no_member_imports_the_test_code():
    members = all_members()
    assert members >= TESTS_ONLY
    assert set(CONTRACTS["nothing-imports-the-tests"]["source_modules"]) == members - TESTS_ONLY
    assert set(CONTRACTS["nothing-imports-the-tests"]["forbidden_modules"]) == TESTS_ONLY


def layered_folders() -> dict[str, Path]:
    """`lms.<service>` -> its folder; a service grown into subdomains (progress) gives each of its
    subdomains instead, `lms.<service>.<subdomain>`: every package that has a `service/` layer."""
    found = {}
    for package in member_packages("services/*"):
        folder = ROOT / "services" / package.removeprefix("lms.") / "src" / package.replace(".", "/")
        if (folder / "service").is_dir():
            found[package] = folder
        else:
            parts = [f for f in folder.iterdir() if (f / "service").is_dir()]
            assert parts, f"{package} has neither a service/ layer nor subdomains with one"
            found |= {f"{package}.{f.name}": f for f in parts}
    return found


def test_every_service_is_layered_with_a_pure_domain_and_thin_views():
    layered = layered_folders()
    assert {"lms.assessment", "lms.progress.enrolment"} <= set(layered)
    assert set(CONTRACTS["service-layers"]["containers"]) == set(layered)
    assert CONTRACTS["service-layers"]["layers"] == ["(api)", "service", "domain"]
    assert set(CONTRACTS["domain-is-pure"]["source_modules"]) == {f"{p}.domain" for p in layered}
    assert {"flask", "sqlalchemy", "marshmallow"} <= set(CONTRACTS["domain-is-pure"]["forbidden_modules"])
    with_api = {f"{p}.api" for p, folder in layered.items() if (folder / "api").is_dir()}
    assert set(CONTRACTS["views-call-use-cases"]["source_modules"]) == with_api
    assert {f"lms.{s}.api" for s in ("curriculum", "assessment", "people", "insights", "records")} <= with_api


def test_every_subdomain_of_progress_has_its_place_in_the_layers():
    folder = ROOT / "services/progress/src/lms/progress"
    subdomains = {f.name for f in folder.iterdir() if (f / "__init__.py").is_file()} - {"migrations"}
    contract = CONTRACTS["progress-subdomains"]
    placed = [name.strip() for layer in contract["layers"] for name in layer.split("|")]
    assert contract["containers"] == ["lms.progress"]
    assert sorted(placed) == sorted(subdomains)
    above_enrolment = ("teams", "compliance", "hr_sync")
    assert placed.index("enrolment") > max(placed.index(upper) for upper in above_enrolment)
    assert placed.index("catalog") > placed.index("enrolment")
