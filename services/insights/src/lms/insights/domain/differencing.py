"""Differencing: two released reports over nearly the same people give away the ones who differ.

A report over the results of n people and another over the same n and one more reveal that
one's result: (n+1)*m2 - n*m1. So, competency by competency, a report is compared with every
earlier released report: the people whose results differ between the two (one has them and the
other not, or their result changed) must be nobody or at least the minimum group size. Only
competencies that both reports could show (at least the minimum assessed in each) are compared:
from a figure only one of them shows there is nothing to subtract.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Results = Mapping[str, float]  # learner -> percent, for one competency
Snapshot = Mapping[str, Results]  # competency -> results


def differing(earlier: Results, later: Results) -> set[str]:
    """The people whose result is in one and not the other, or is not the same in both."""
    return {person for person in earlier.keys() | later.keys() if earlier.get(person) != later.get(person)}


def too_close(later: Snapshot, earlier: Snapshot, min_group: int) -> bool:
    """Whether subtracting `earlier` from `later` isolates fewer than `min_group` people's results."""
    for competency in later.keys() & earlier.keys():
        before, after = earlier[competency], later[competency]
        if len(before) < min_group or len(after) < min_group:
            continue
        if 0 < len(differing(before, after)) < min_group:
            return True
    return False


def differs_by_too_few(later: Snapshot, released: Iterable[Snapshot], min_group: int) -> bool:
    """Whether `later` must be withheld because of any of the reports released before it."""
    return any(too_close(later, earlier, min_group) for earlier in released)
