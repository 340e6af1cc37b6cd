"""`python -m lms.people import FILE [--dry-run]`: filled in by the CSV importer."""

from __future__ import annotations

from lms.kit.config import Settings


def import_command(settings: Settings, argv: list[str]) -> int:
    print("import: not available yet")
    return 2
