from datetime import UTC, datetime, timedelta

from lms.progress.domain.compliance import Policy, cycle_state, open_cycle_notices, policy_problems

NOW = datetime(2030, 1, 1, tzinfo=UTC)
ANNUAL = Policy(recertify_every_days=365, window_days=30, grace_days=14, remind_before_days=(14, 3))


def test_a_policy_names_each_field_that_cannot_run():
    bad = Policy(window_days=400, remind_before_days=(3, 3))
    assert set(policy_problems(bad, NOW - timedelta(days=1), NOW)) == {
        "window_days",
        "remind_before_days",
        "due_at",
    }
    assert policy_problems(ANNUAL, NOW + timedelta(days=1), NOW) == {}


def test_a_reminder_already_past_when_the_cycle_opens_is_not_planned():
    planned = open_cycle_notices(ANNUAL, NOW, NOW + timedelta(days=7))
    assert [(n.kind, n.offset_days) for n in planned] == [("due_soon", 3), ("overdue", 0)]


def test_a_completed_cycle_is_valid_then_expiring_through_the_grace_days_then_expired():
    until = NOW + timedelta(days=365)
    state = lambda days: cycle_state("completed", None, until, ANNUAL, NOW + timedelta(days=days))  # noqa: E731
    assert [state(0), state(335), state(378), state(379)] == ["valid", "expiring", "expiring", "expired"]
    assert cycle_state("open", NOW, None, ANNUAL, NOW + timedelta(seconds=1)) == "overdue"
