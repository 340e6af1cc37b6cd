"""Each service's built wheel, installed into a fresh venv, migrates an empty database.

A service is every workspace member with a `migrations` folder in its package. The wheels of
the services, the kit and the contracts are installed by file (never looked up by name in an
index) into one venv per session, and the schema a wheel creates must equal the one the source
tree creates. (That each wheel declares its own third-party needs is `make lint`'s deptry check.)
No wheel of a library, service, the gateway or the tools carries test code or requires it: that
is the `lms-testing` member's, which only the tests install.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lms.kit.migrations import packaged, upgrade

ROOT = Path(__file__).parents[2]
UV = Path(sys.executable).with_name("uv")
LIBRARIES = ("lms-kit", "lms-contracts")
TEST_CODE = ("pytest", "testcontainers", "lms-testing")  # what a wheel of the suite never requires


def services() -> list[str]:
    """`curriculum`, `assessment`, ...: the members whose package carries migrations."""
    return sorted(p.parent.name for p in ROOT.glob("*/**/src/lms/*/migrations") if ".venv" not in p.parts)


def build(package: str, out: Path) -> Path:
    command = [str(UV), "build", "--package", package, "--wheel", "--out-dir", str(out), "--quiet"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return next(out.glob(f"{package.replace('-', '_')}-*.whl"))


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheels of the libraries and the services (the gateway among them), by package name."""
    out = tmp_path_factory.mktemp("wheels")
    return {package: build(package, out) for package in (*LIBRARIES, *(f"lms-{s}" for s in services()))}


@pytest.fixture(scope="session")
def wheel_python(wheels: dict[str, Path]) -> Path:
    """A fresh venv holding only the built wheels (and what they require)."""
    out = next(iter(wheels.values())).parent
    venv = out / "venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    install = [str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python")]
    subprocess.run([*install, *map(str, wheels.values())], check=True, capture_output=True)
    return venv / "bin" / "python"


def tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def migrate_with(python: Path, service: str, database: Path) -> None:
    """Run `python -m lms.<service> migrate` outside the repository."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "LMS_RUN_DIR": str(database.parent),
        f"{service.upper()}_DATABASE_URL": f"sqlite:///{database}",
    }
    run = [str(python), "-m", f"lms.{service}", "migrate"]
    done = subprocess.run(run, cwd=database.parent, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_every_service_of_the_workspace_is_found():
    assert {"curriculum", "assessment", "progress", "gateway"} <= set(services())


def test_no_wheel_carries_test_code_or_requires_it(wheels, tmp_path):
    tools = build("lms-tools", tmp_path)
    for package, wheel in {**wheels, "lms-tools": tools}.items():
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        test_files = [
            n for n in names if {"testing", "tests"} & set(n.split("/")[:-1]) or n.endswith("conftest.py")
        ]
        assert not test_files, f"{package}'s wheel carries test code: {test_files[:3]}"
        required = [
            line.split(":", 1)[1].strip()
            for line in metadata.splitlines()
            if line.startswith("Requires-Dist:")
        ]
        assert not [
            r for r in required if r.split(";")[0].split("[")[0].split(">")[0].strip() in TEST_CODE
        ], f"{package} requires test code: {required}"


@pytest.mark.parametrize("service", services())
def test_the_installed_wheel_migrates_an_empty_database(service, wheel_python, tmp_path):
    location = subprocess.run(
        [str(wheel_python), "-c", f"import lms.{service}; print(lms.{service}.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(wheel_python.parents[1]) in location  # the wheel's copy, not the source tree
    migrate_with(wheel_python, service, tmp_path / "wheel.db")
    upgrade(f"sqlite:///{tmp_path / 'source.db'}", packaged(f"lms.{service}"))
    from_wheel = tables(tmp_path / "wheel.db")
    assert "alembic_version" in from_wheel
    assert from_wheel - {"alembic_version"}
    assert from_wheel == tables(tmp_path / "source.db")
