"""Publish checks of a scenario: start, links, no cycles, every path ends, feedback, a maximum."""

from __future__ import annotations

from lms.assessment.domain.model import MAX_STEPS, ScenarioItem, ScenarioOption, Step
from lms.assessment.domain.scenario import best_score, reachable_steps, scenario_problems


def opt(oid: str, nxt: str | None, score: float = 1, feedback: str | None = "fine") -> ScenarioOption:
    return ScenarioOption(oid, "you say", score, feedback, nxt)


def scenario(*steps: Step, start: str | None = "s1") -> ScenarioItem:
    return ScenarioItem("q1", "A call", start, steps)


def test_a_well_formed_scenario_has_no_problems():
    item = scenario(
        Step("s1", "hi", (opt("o1", "s2"), opt("o2", None, 0))), Step("s2", "so", (opt("o1", None),))
    )
    assert scenario_problems(item) == []


def test_the_start_step_must_exist():
    problems = scenario_problems(scenario(Step("s1", "hi", (opt("o1", None),)), start="nope"))
    assert any("start step 'nope'" in p for p in problems)


def test_every_next_must_name_an_existing_step():
    problems = scenario_problems(scenario(Step("s1", "hi", (opt("o1", "s7"),))))
    assert problems == ["option s1/o1 leads to unknown step 's7'"]


def test_a_cycle_is_named_with_its_steps():
    item = scenario(
        Step("s1", "a", (opt("o1", "s2"),)),
        Step("s2", "b", (opt("o1", "s3"), opt("o2", None))),
        Step("s3", "c", (opt("o1", "s1"),)),
    )
    assert scenario_problems(item) == ["steps s1 -> s2 -> s3 -> s1 form a cycle"]


def test_a_step_that_leads_to_itself_is_a_cycle():
    item = scenario(Step("s1", "a", (opt("o1", "s1"), opt("o2", None))))
    assert scenario_problems(item) == ["steps s1 -> s1 form a cycle"]


def test_a_step_without_options_never_ends():
    problems = scenario_problems(scenario(Step("s1", "a", (opt("o1", "s2"),)), Step("s2", "b", ())))
    assert problems == ["step 's2' has no options, so its path never ends"]


def test_every_option_needs_feedback():
    problems = scenario_problems(scenario(Step("s1", "a", (opt("o1", None, feedback=" "),))))
    assert problems == ["option s1/o1 has no feedback"]


def test_unreachable_steps_are_reported():
    item = scenario(Step("s1", "a", (opt("o1", None),)), Step("s2", "b", (opt("o1", None),)))
    assert scenario_problems(item) == ["step 's2' cannot be reached from the start"]


def test_a_scenario_where_no_path_scores_has_no_reachable_maximum():
    item = scenario(Step("s1", "a", (opt("o1", None, score=0), opt("o2", None, score=0))))
    assert scenario_problems(item) == ["no path scores above 0, so the scenario has no reachable maximum"]


def test_duplicate_step_and_option_ids_are_reported():
    item = scenario(Step("s1", "a", (opt("o1", None), opt("o1", None))), Step("s1", "b", (opt("o1", None),)))
    problems = scenario_problems(item)
    assert "step id 's1' is used more than once" in problems
    assert "option id s1/o1 is used more than once" in problems


def chain(length: int) -> ScenarioItem:
    """A conversation of `length` steps in a row, each worth 1."""
    steps = [
        Step(f"s{n}", "t", (opt("o1", f"s{n + 1}" if n < length else None),)) for n in range(1, length + 1)
    ]
    return scenario(*steps)


def test_a_scenario_over_the_step_cap_is_refused_naming_the_cap():
    assert scenario_problems(chain(5000)) == [
        f"a scenario may have at most {MAX_STEPS} steps (this one has 5000)"
    ]


def test_graph_checks_walk_a_deep_conversation_without_recursion():
    deep = chain(5000)
    assert best_score(deep) == 5000
    assert len(reachable_steps(deep)) == 5000


def test_a_cycle_through_every_step_up_to_the_cap_is_found():
    steps = [Step(f"s{n}", "t", (opt("o1", f"s{n % MAX_STEPS + 1}"),)) for n in range(1, MAX_STEPS + 1)]
    [problem] = scenario_problems(scenario(*steps))
    names = " -> ".join(f"s{n}" for n in [*range(1, MAX_STEPS + 1), 1])
    assert problem == f"steps {names} form a cycle"
