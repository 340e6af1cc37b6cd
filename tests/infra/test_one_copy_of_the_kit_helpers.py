"""Upserts and `If-Match` are read and written one way, the kit's (`lms.kit.db.upsert`,
`lms.kit.web.preconditions.if_match`): no service, the gateway or the tools keeps a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
KIT_ONLY = {
    "on_conflict_do_update(": "lms.kit.db.upsert",
    "as_set(include_weak": "lms.kit.web.preconditions.if_match",  # werkzeug's reading of If-Match
}


def app_modules() -> list[Path]:
    globs = ("services/*/src/lms/**/*.py", "gateway/src/lms/**/*.py", "tools/src/lms/**/*.py")
    return sorted(path for pattern in globs for path in ROOT.glob(pattern))


@pytest.mark.parametrize("spelling", sorted(KIT_ONLY))
def test_only_the_kit_spells_it(spelling):
    copies = [str(path.relative_to(ROOT)) for path in app_modules() if spelling in path.read_text()]
    assert not copies, f"{copies} spell {spelling!r} instead of calling {KIT_ONLY[spelling]}"


def test_the_apps_are_found():
    assert len(app_modules()) > 100
