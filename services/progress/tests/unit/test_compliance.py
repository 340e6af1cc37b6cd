from datetime import UTC, datetime, timedelta

from lms.progress.compliance.domain.cycles import Policy, cycle_state, open_cycle_notices, policy_problems

NOW = datetime(2030, 1, 1, tzinfo=UTC)
ANNUAL = Policy(recertify_every_days=365, window_days=30, grace_days=14, remind_before_days=(14, 3))


def test_a_policy_names_each_field_that_cannot_run():
    bad = Policy(window_days=400, remind_before_days=(3, 3))
    assert set(policy_problems(bad)) == {"window_days", "remind_before_days"}
    assert policy_problems(ANNUAL) == {}


def test_a_reminder_already_past_when_the_cycle_opens_is_not_planned():
    planned = open_cycle_notices(ANNUAL, NOW, NOW + timedelta(days=7))
    assert [(n.kind, n.offset_days) for n in planned] == [("due_soon", 3), ("overdue", 0)]


def test_a_completed_cycle_is_valid_then_expiring_through_the_grace_days_then_expired():
    until = NOW + timedelta(days=365)
    state = lambda days: cycle_state("completed", None, until, ANNUAL, NOW + timedelta(days=days))  # noqa: E731
    assert [state(0), state(335), state(378), state(379)] == ["valid", "expiring", "expiring", "expired"]
    assert cycle_state("open", NOW, None, ANNUAL, NOW + timedelta(seconds=1)) == "overdue"


def test_a_cycle_opened_past_its_due_date_plans_one_overdue_notice_at_once():
    policy = Policy(remind_before_days=(14, 3), escalate_after_days=5)
    planned = open_cycle_notices(policy, NOW, NOW - timedelta(days=2))
    assert [(n.kind, n.offset_days, n.fire_at) for n in planned] == [
        ("overdue", 0, NOW),
        ("escalated", 5, NOW + timedelta(days=3)),
    ]
    long_ago = open_cycle_notices(policy, NOW, NOW - timedelta(days=60))
    assert [(n.kind, n.fire_at) for n in long_ago] == [("overdue", NOW)]
