"""What the directory indexes and announces about a user or a team, read from its SCIM resource."""

from __future__ import annotations

from dataclasses import dataclass

from lms.people.domain import errors
from lms.people.domain.resources import Enterprise, TeamExtension, TeamResource, UserResource


@dataclass(frozen=True)
class UserRecord:
    user_name: str
    external_id: str | None
    employee_number: str | None
    display_name: str | None
    email: str | None
    department: str | None
    manager_id: str | None
    active: bool

    @property
    def user_name_key(self) -> str:
        """userName as uniqueness and filters compare it: case-insensitively (RFC 7643 §4.1.1)."""
        return name_key(self.user_name)


@dataclass(frozen=True)
class TeamRecord:
    display_name: str
    external_id: str | None
    manager_id: str | None
    member_ids: tuple[str, ...]


def name_key(user_name: str) -> str:
    return user_name.casefold()


def user_record(user: UserResource) -> UserRecord:
    """The indexed attributes of `user`; a user without a userName is refused."""
    if not (user.user_name or "").strip():
        raise errors.InvalidValue("userName is required.")
    enterprise = user[Enterprise] if user[Enterprise] is not None else Enterprise()
    return UserRecord(
        user_name=user.user_name,
        external_id=user.external_id,
        employee_number=enterprise.employee_number,
        display_name=user.display_name or _formatted_name(user),
        email=_main_email(user),
        department=enterprise.department,
        manager_id=enterprise.manager.value if enterprise.manager else None,
        active=user.active is not False,
    )


def team_record(team: TeamResource) -> TeamRecord:
    """The indexed attributes of `team`; a team without a displayName is refused."""
    if not (team.display_name or "").strip():
        raise errors.InvalidValue("displayName is required.")
    extension = team[TeamExtension]
    manager = extension.manager.value if extension and extension.manager else None
    members = tuple(dict.fromkeys(str(m.value) for m in team.members or () if m.value))
    return TeamRecord(team.display_name, team.external_id, manager, members)


def _formatted_name(user: UserResource) -> str | None:
    if user.name is None:
        return None
    if user.name.formatted:
        return user.name.formatted
    parts = [user.name.given_name, user.name.family_name]
    return " ".join(p for p in parts if p) or None


def _main_email(user: UserResource) -> str | None:
    emails = [e for e in user.emails or () if e.value]
    chosen = next((e for e in emails if e.primary), emails[0] if emails else None)
    return str(chosen.value).casefold() if chosen else None
