"""Settings (environment variables) are read where the service is assembled, never deep in a use case:
`app.py`, `definition.py` and `__main__.py` read them and hand the values down."""

from __future__ import annotations

import ast
from pathlib import Path

import lms.progress

PACKAGE = Path(lms.progress.__file__).parent
ASSEMBLY = {"app.py", "definition.py", "__main__.py"}
READERS = {"current_env", "manager_depth", "load_settings"}  # the kit's, reading the process's environment


def reads_of_the_environment(tree: ast.AST) -> list[int]:
    """Lines that touch `os.environ` / `os.getenv`, or call a kit reader without a mapping."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and not node.args and not node.keywords:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in READERS:
                lines.append(node.lineno)
    return lines


def test_only_the_assembly_reads_settings():
    found = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "migrations" or str(relative) in ASSEMBLY:
            continue
        if lines := reads_of_the_environment(ast.parse(path.read_text())):
            found[str(relative)] = lines
    assert not found, f"settings read outside app.py/definition.py/__main__.py: {found}"


def test_the_check_sees_a_read():
    assert reads_of_the_environment(ast.parse("import os\nx = os.environ.get('LMS_X')\n")) == [2]
    assert reads_of_the_environment(ast.parse("depth = manager_depth()\n")) == [1]
    assert reads_of_the_environment(ast.parse("depth = manager_depth(environ)\n")) == []
