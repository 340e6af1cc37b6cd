"""Branching conversations: graph checks for publishing, the best path, walking a learner's path."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lms.assessment.domain.model import MAX_OPTIONS, MAX_STEPS, ScenarioItem, ScenarioOption, Step


class PathInvalid(ValueError):
    """A learner's path does not follow the scenario's `next` links."""


def scenario_problems(item: ScenarioItem) -> list[str]:
    """Everything that stops `item` from being published: size, ids, links, cycles, dead ends, feedback."""
    problems = _size_problems(item) or _id_problems(item)
    if problems:
        return problems
    known = {step.id for step in item.steps}
    if item.start not in known:
        problems.append(f"start step {item.start!r} does not exist")
    for step in item.steps:
        problems += _step_problems(step, known)
    if problems:
        return problems
    problems += [
        f"steps {' -> '.join(cycle)} form a cycle"
        for cycle in _depth_first(item, [s.id for s in item.steps])[1]
    ]
    if problems:
        return problems
    unreachable = known - reachable_steps(item)
    problems += [f"step {step_id!r} cannot be reached from the start" for step_id in sorted(unreachable)]
    if best_score(item) <= 0:
        problems.append("no path scores above 0, so the scenario has no reachable maximum")
    return problems


def _size_problems(item: ScenarioItem) -> list[str]:
    if len(item.steps) > MAX_STEPS:
        return [f"a scenario may have at most {MAX_STEPS} steps (this one has {len(item.steps)})"]
    return [
        f"step {step.id!r} has {len(step.options)} options; a step may have at most {MAX_OPTIONS}"
        for step in item.steps
        if len(step.options) > MAX_OPTIONS
    ]


def _step_problems(step: Step, known: set[str]) -> list[str]:
    problems = [] if step.options else [f"step {step.id!r} has no options, so its path never ends"]
    for option in step.options:
        if option.next is not None and option.next not in known:
            problems.append(f"option {step.id}/{option.id} leads to unknown step {option.next!r}")
        if not (option.feedback or "").strip():
            problems.append(f"option {step.id}/{option.id} has no feedback")
    return problems


def _id_problems(item: ScenarioItem) -> list[str]:
    problems = [f"step id {sid!r} is used more than once" for sid in duplicates(s.id for s in item.steps)]
    for step in item.steps:
        problems += [
            f"option id {step.id}/{oid} is used more than once"
            for oid in duplicates(o.id for o in step.options)
        ]
    return problems


def duplicates(ids: Iterable[str]) -> list[str]:
    """The ids that occur more than once, sorted (one pass)."""
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def _targets(item: ScenarioItem, step_id: str) -> list[str]:
    step = item.step(step_id)
    return [o.next for o in step.options if o.next is not None and item.step(o.next)] if step else []


def _depth_first(item: ScenarioItem, roots: Iterable[str]) -> tuple[list[str], list[list[str]]]:
    """Steps reachable from `roots` in post-order, and one cycle per back edge (no recursion)."""
    state: dict[str, bool] = {}  # False while on the path, True once finished
    order: list[str] = []
    cycles: list[list[str]] = []
    for root in roots:
        if root in state or item.step(root) is None:
            continue
        path, pending = [root], [iter(_targets(item, root))]
        state[root] = False
        while pending:
            target = next(pending[-1], None)
            if target is None:
                pending.pop()
                order.append(path[-1])
                state[path.pop()] = True
            elif target not in state:
                state[target] = False
                path.append(target)
                pending.append(iter(_targets(item, target)))
            elif state[target] is False:
                cycles.append([*path[path.index(target) :], target])
    return order, cycles


def reachable_steps(item: ScenarioItem) -> set[str]:
    return set(_depth_first(item, [item.start] if item.start else [])[0])


def best_score(item: ScenarioItem) -> float:
    """The highest total a path from the start can score (the scenario's maximum)."""
    best: dict[str, float] = {}
    order, _ = _depth_first(item, [item.start] if item.start else [])
    for step in filter(None, map(item.step, order)):  # each step after the steps it leads to
        best[step.id] = max((o.score + best.get(o.next or "", 0.0) for o in step.options), default=0.0)
    return best.get(item.start or "", 0.0)


@dataclass(frozen=True)
class Walk:
    """Where a path leads: the options chosen, and the step it stands on (None when it has ended)."""

    chosen: tuple[tuple[Step, ScenarioOption], ...]
    current: Step | None

    @property
    def ended(self) -> bool:
        return self.current is None

    @property
    def score(self) -> float:
        return sum(option.score for _, option in self.chosen)


def walk(item: ScenarioItem, option_ids: Sequence[str]) -> Walk:
    """Follow `option_ids` from the start; raise PathInvalid where the path leaves the graph."""
    chosen: list[tuple[Step, ScenarioOption]] = []
    current = item.step(item.start)
    for position, option_id in enumerate(option_ids, start=1):
        if current is None:
            raise PathInvalid(f"the conversation had already ended before choice {position} ({option_id!r})")
        option = current.option(option_id)
        if option is None:
            raise PathInvalid(
                f"choice {position}: option {option_id!r} is not offered at step {current.id!r}"
            )
        chosen.append((current, option))
        current = item.step(option.next) if option.next is not None else None
    return Walk(tuple(chosen), current)
