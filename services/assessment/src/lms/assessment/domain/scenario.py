"""Branching conversations: graph checks for publishing, the best path, walking a learner's path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lms.assessment.domain.model import ScenarioItem, ScenarioOption, Step


class PathInvalid(ValueError):
    """A learner's path does not follow the scenario's `next` links."""


def scenario_problems(item: ScenarioItem) -> list[str]:
    """Everything that stops `item` from being published: ids, links, cycles, dead ends, feedback."""
    problems = _id_problems(item)
    known = {step.id for step in item.steps}
    if item.start not in known:
        problems.append(f"start step {item.start!r} does not exist")
    for step in item.steps:
        if not step.options:
            problems.append(f"step {step.id!r} has no options, so its path never ends")
        for option in step.options:
            if option.next is not None and option.next not in known:
                problems.append(f"option {step.id}/{option.id} leads to unknown step {option.next!r}")
            if not (option.feedback or "").strip():
                problems.append(f"option {step.id}/{option.id} has no feedback")
    if problems:
        return problems
    problems += [f"steps {' -> '.join(cycle)} form a cycle" for cycle in _cycles(item)]
    if problems:
        return problems
    unreachable = known - reachable_steps(item)
    problems += [f"step {step_id!r} cannot be reached from the start" for step_id in sorted(unreachable)]
    if best_score(item) <= 0:
        problems.append("no path scores above 0, so the scenario has no reachable maximum")
    return problems


def _id_problems(item: ScenarioItem) -> list[str]:
    problems = []
    step_ids = [step.id for step in item.steps]
    problems += [f"step id {sid!r} is used more than once" for sid in sorted(_duplicates(step_ids))]
    for step in item.steps:
        option_ids = [option.id for option in step.options]
        problems += [
            f"option id {step.id}/{oid} is used more than once" for oid in sorted(_duplicates(option_ids))
        ]
    return problems


def _duplicates(ids: Sequence[str]) -> set[str]:
    return {i for i in ids if ids.count(i) > 1}


def _cycles(item: ScenarioItem) -> list[list[str]]:
    """One cycle per back edge found by a depth-first search over every step."""
    finished: set[str] = set()
    found: list[list[str]] = []

    def visit(step_id: str, stack: list[str]) -> None:
        stack.append(step_id)
        step = item.step(step_id)
        for target in [o.next for o in step.options if o.next is not None] if step else []:
            if target in stack:
                found.append([*stack[stack.index(target) :], target])
            elif target not in finished:
                visit(target, stack)
        stack.pop()
        finished.add(step_id)

    for step in item.steps:
        if step.id not in finished:
            visit(step.id, [])
    return found


def reachable_steps(item: ScenarioItem) -> set[str]:
    seen: set[str] = set()
    todo = [item.start] if item.start else []
    while todo:
        step = item.step(todo.pop())
        if step is None or step.id in seen:
            continue
        seen.add(step.id)
        todo += [o.next for o in step.options if o.next is not None]
    return seen


def best_score(item: ScenarioItem) -> float:
    """The highest total a path from the start can score (the scenario's maximum)."""
    memo: dict[str, float] = {}

    def best(step: Step | None) -> float:
        if step is None:
            return 0.0
        if step.id not in memo:
            memo[step.id] = max((o.score + best(item.step(o.next)) for o in step.options), default=0.0)
        return memo[step.id]

    return best(item.step(item.start))


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
