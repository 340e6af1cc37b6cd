"""Who may change an assessment and read its keys: its owner, its collaborators, and admins."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

MAX_COLLABORATORS = 50


@dataclass(frozen=True)
class Ownership:
    """An assessment's owner (the author who created it) and the authors it is shared with."""

    owner: str
    collaborators: frozenset[str] = frozenset()

    def may_edit(self, sub: str, *, admin: bool) -> bool:
        return admin or sub == self.owner or sub in self.collaborators

    def may_share(self, sub: str, *, admin: bool) -> bool:
        return admin or sub == self.owner


def collaborators_of(wanted: Collection[str], owner: str) -> frozenset[str]:
    """The set to store: distinct subjects other than the owner."""
    return frozenset(sub for sub in wanted if sub != owner)
