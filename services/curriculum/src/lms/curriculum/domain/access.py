"""Who may change a course: its owner, its collaborators, and admins."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from lms.curriculum.domain.errors import Forbidden

ADMIN = "admin"


@dataclass(frozen=True)
class Caller:
    """The subject and roles of whoever asks (built from the token at the edge)."""

    sub: str
    roles: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.roles


@dataclass(frozen=True)
class Ownership:
    """A course's owner (None: admins only, for courses older than ownership) and collaborators."""

    owner: str | None
    collaborators: frozenset[str]

    def may_edit(self, caller: Caller) -> bool:
        return caller.is_admin or caller.sub == self.owner or caller.sub in self.collaborators

    def may_share(self, caller: Caller) -> bool:
        return caller.is_admin or caller.sub == self.owner


def require_editor(ownership: Ownership, caller: Caller, course_id: str) -> None:
    if not ownership.may_edit(caller):
        raise Forbidden(f"Only the owner, collaborators and admins may change course {course_id}.")


def require_sharer(ownership: Ownership, caller: Caller, course_id: str) -> None:
    if not ownership.may_share(caller):
        raise Forbidden(f"Only the owner and admins may manage who edits course {course_id}.")


def collaborators_of(wanted: Collection[str], owner: str | None) -> frozenset[str]:
    """The set to store: distinct subjects other than the owner."""
    return frozenset(sub for sub in wanted if sub != owner)
