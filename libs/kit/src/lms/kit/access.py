"""Who may see whom: the one access rule of every service that keeps a copy of the directory.

- HR and admins see everyone and every team.
- A manager sees the people whose manager line reaches them within `depth` steps
  (`LMS_MANAGER_DEPTH`, default 3) and every member of a team that names them its manager.
- Everyone sees themselves; nobody "oversees" themselves (a learner who is in a team does not
  become its manager).
- A team is seen *whole* by HR, admins, its named manager, and whoever oversees every other
  member; anyone else sees just the members they oversee one by one, possibly none. Per-person
  rows show those members; a figure over the whole team (an aggregate) needs the whole team,
  because it would tell about people the viewer may not see (decision 0060).

The rule asks a `Directory` (the service's own copy of the people service's events) only for
what it needs: manager lines upward a level at a time for just the people in question, reports
downward a level at a time from the viewer. It holds no state between requests.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from lms.kit.auth import Principal

OVERSEER_ROLES = ("hr", "admin")
DEPTH_VARIABLE = "LMS_MANAGER_DEPTH"
DEFAULT_DEPTH = 3


class Directory(Protocol):
    """The lookups a service's copy of the directory answers for the rule."""

    def managers_of(self, learners: Collection[str]) -> Mapping[str, str | None]:
        """Each learner's direct manager (learners the directory does not know may be left out)."""
        ...

    def reports_of(self, managers: Collection[str]) -> Collection[str]:
        """Everyone whose direct manager is one of `managers`."""
        ...

    def named_members(self, manager: str, learners: Collection[str] | None) -> Collection[str]:
        """Members of the live teams that name `manager` their manager: those of `learners`, or all."""
        ...


@dataclass(frozen=True)
class Team:
    team_id: str
    manager_id: str | None  # the team's named manager
    members: frozenset[str]


@dataclass(frozen=True)
class TeamView:
    """What a viewer may see of a team: all of it, or some members one by one (maybe none)."""

    whole: bool
    members: frozenset[str]

    @property
    def visible(self) -> bool:
        return self.whole or bool(self.members)


NOTHING = TeamView(False, frozenset())


def manager_depth(environ: Mapping[str, str] | None = None) -> int:
    """`LMS_MANAGER_DEPTH` (default 3): how many steps of manager lines count. A bad value stops
    the process, so two services never disagree about who sees whom."""
    raw = (os.environ if environ is None else environ).get(DEPTH_VARIABLE, str(DEFAULT_DEPTH))
    try:
        depth = int(raw)
    except ValueError:
        raise SystemExit(f"{DEPTH_VARIABLE} must be a whole number, not {raw!r}") from None
    if depth < 0:
        raise SystemExit(f"{DEPTH_VARIABLE} may not be negative (got {depth})")
    return depth


def managed_within(directory: Directory, manager: str, people: Iterable[str], depth: int) -> frozenset[str]:
    """Those of `people` whose manager line reaches `manager` within `depth` steps: each line is
    climbed a level per lookup, only for the people not yet decided (a loop in the lines ends)."""
    climbing = {person: person for person in people if person != manager}  # person -> where they are
    found: set[str] = set()
    for _ in range(depth):
        if not climbing:
            break
        above = directory.managers_of(set(climbing.values()))
        higher: dict[str, str] = {}
        for person, at in climbing.items():
            boss = above.get(at)
            if boss == manager:
                found.add(person)
            elif boss and boss not in (at, person):
                higher[person] = boss
        climbing = higher
    return frozenset(found)


def reports_within(directory: Directory, manager: str, depth: int) -> frozenset[str]:
    """Everyone whose manager line reaches `manager` within `depth` steps, a level per lookup."""
    found: set[str] = set()
    level = {manager}
    for _ in range(depth):
        level = set(directory.reports_of(level)) - found - {manager}
        if not level:
            break
        found |= level
    return frozenset(found)


@dataclass(frozen=True)
class Access:
    """The rule applied for one caller."""

    viewer: str
    overseer: bool  # HR or admin
    directory: Directory
    depth: int = DEFAULT_DEPTH

    @classmethod
    def of(cls, principal: Principal, directory: Directory, depth: int = DEFAULT_DEPTH) -> Access:
        return cls(principal.sub, principal.has_any(*OVERSEER_ROLES), directory, depth)

    def oversees(self, people: Iterable[str]) -> frozenset[str]:
        """Those of `people` the viewer may see as HR, an admin or one of their managers."""
        people = set(people)
        if self.overseer:
            return frozenset(people)
        people.discard(self.viewer)
        if not people:
            return frozenset()
        named = set(self.directory.named_members(self.viewer, people)) & people
        return frozenset(named | managed_within(self.directory, self.viewer, people - named, self.depth))

    def sees(self, person: str) -> bool:
        """The viewer themselves, or someone they oversee."""
        return person == self.viewer or person in self.oversees([person])

    def team(self, team: Team | None) -> TeamView:
        """The whole team, or the members the viewer oversees (see the module's rule)."""
        if team is None:
            return NOTHING
        return self._view(team, self.oversees)

    def teams(self, teams: Iterable[Team]) -> list[TeamView]:
        """Each team as `team` sees it, for a list of teams: the viewer's people are found once,
        walking down from the viewer, instead of climbing every team's lines."""
        if self.overseer:
            return [TeamView(True, team.members) for team in teams]
        everyone = self.overseen()
        return [self._view(team, lambda people: frozenset(people) & everyone) for team in teams]

    def _view(self, team: Team, oversees: Callable[[frozenset[str]], frozenset[str]]) -> TeamView:
        if self.overseer or (team.manager_id is not None and team.manager_id == self.viewer):
            return TeamView(True, team.members)
        others = team.members - {self.viewer}
        seen = oversees(others)
        whole = bool(others) and seen == others
        return TeamView(whole, team.members if whole else seen)

    def reports(self) -> frozenset[str]:
        """The viewer's direct and indirect reports (manager lines only), within the depth."""
        return reports_within(self.directory, self.viewer, self.depth)

    def overseen(self) -> frozenset[str]:
        """Everyone the viewer oversees, found downward (not for HR: they oversee everyone)."""
        return self.reports() | frozenset(self.directory.named_members(self.viewer, None))
