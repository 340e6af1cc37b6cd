"""`make lint`: every workspace member declares what its code imports, and imports what it declares.

Third-party imports are checked by deptry, run in each member's folder over its `src/`. Imports of
other members (`lms.kit`, `lms.contracts`, ...) share the `lms` namespace, which deptry cannot
tell apart, so they are checked here: `lms.<x>` needs `lms-<x>` in the member's dependencies.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPTRY = Path(sys.executable).with_name("deptry")

# Imported by a library at run time, never by our code.
NEVER_IMPORTED = {"lms-kit": ["crc32c"]}  # kafka-python verifies record batches with it


@dataclass(frozen=True)
class Member:
    folder: Path
    name: str
    declared: frozenset[str]

    @property
    def module(self) -> str:
        return next((self.folder / "src" / "lms").iterdir()).name


def members() -> list[Member]:
    """Every workspace member, found through the root's `members` globs."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    folders = sorted({p.parent for g in globs for p in ROOT.glob(f"{g}/pyproject.toml")})
    return [_member(folder) for folder in folders]


def _member(folder: Path) -> Member:
    project = tomllib.loads((folder / "pyproject.toml").read_text())["project"]
    extras = [r for group in project.get("optional-dependencies", {}).values() for r in group]
    names = {_requirement_name(r) for r in project.get("dependencies", []) + extras}
    return Member(folder, project["name"], frozenset(names))


def _requirement_name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.strip().lower()


def lms_imports(member: Member) -> set[str]:
    """The other members' modules (`kit`, `contracts`, ...) that the member's code imports."""
    found: set[str] = set()
    for path in (member.folder / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            found |= {name.split(".")[1] for name in _imported(node) if name.startswith("lms.")}
    return found - {member.module}


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "lms":
        return [f"lms.{alias.name}" for alias in node.names]
    return [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []


def workspace_problems(member: Member, by_module: dict[str, str]) -> list[str]:
    needed = {by_module[m] for m in lms_imports(member)}
    declared = {d for d in member.declared if d in by_module.values()}
    unused = declared - needed
    return [f"{member.name}: imports lms.{m} without declaring {d}" for m, d in _named(needed - declared)] + [
        f"{member.name}: declares {d} but never imports it" for d in sorted(unused)
    ]


def _named(dists: set[str]) -> list[tuple[str, str]]:
    return sorted((d.removeprefix("lms-"), d) for d in dists)


def deptry(member: Member, workspace: list[str]) -> bool:
    ignores = [f"DEP002={'|'.join(workspace + NEVER_IMPORTED.get(member.name, []))}"]
    options = ["--known-first-party", "lms", "--no-ansi", "--per-rule-ignores", ",".join(ignores)]
    command = [str(DEPTRY), "src", *options]
    result = subprocess.run(command, cwd=member.folder, capture_output=True, text=True)
    if result.returncode:
        print(f"{member.name}:\n{result.stdout}{result.stderr}", file=sys.stderr)
    return result.returncode == 0


def main() -> int:
    found = members()
    by_module = {m.module: m.name for m in found}
    problems = [p for m in found for p in workspace_problems(m, by_module)]
    print("\n".join(problems), file=sys.stderr) if problems else None
    clean = [deptry(m, sorted(by_module.values())) for m in found]
    print(f"dependencies: {len(found)} members checked, {len(problems)} workspace problems")
    return 0 if all(clean) and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
