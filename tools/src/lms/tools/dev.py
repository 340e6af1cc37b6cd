"""The people a local suite is shown with: the tokens `make run` prints, the author that imports
the flagship courses and the one the demo publishes as are the same, so each may edit what the
other made."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DevPerson:
    sub: str
    role: str
    name: str


LEARNER = DevPerson("alice", "learner", "Alice Learner")
AUTHOR = DevPerson("ann", "author", "Ann Author")
HR = DevPerson("hana", "hr", "Hana HR")
