"""docs/decisions/README.md lists every decision record of its folder, by number, once."""

from __future__ import annotations

import re
from pathlib import Path

DECISIONS = Path(__file__).parents[2] / "docs/decisions"


def test_the_index_lists_every_decision_once():
    listed = re.findall(r"\]\((\d{4}-[\w-]+\.md)\)", (DECISIONS / "README.md").read_text())
    records = sorted(p.name for p in DECISIONS.glob("[0-9][0-9][0-9][0-9]-*.md"))
    assert sorted(listed) == records
    assert len(listed) == len(set(listed))


def test_each_decision_starts_with_its_own_number():
    wrong = [
        p.name
        for p in DECISIONS.glob("[0-9][0-9][0-9][0-9]-*.md")
        if not p.read_text().startswith(f"# {p.name[:4]} ")
    ]
    assert not wrong
    numbers = [p.name[:4] for p in DECISIONS.glob("[0-9][0-9][0-9][0-9]-*.md")]
    assert len(numbers) == len(set(numbers)), "two decisions share a number"
