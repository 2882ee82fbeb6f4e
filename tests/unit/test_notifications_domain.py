"""Tasks move open → done once; reassigning is the manager's, snoozing the assignee's, within a limit."""
from datetime import UTC, datetime, timedelta

import pytest

from kam.errors import Forbidden, Invalid, InvalidTransition, NotFound
from kam.identity import Actor
from services.notifications.domain import (
    Policy,
    Task,
    complete_task,
    completed_on_time,
    needs_escalation,
    needs_overdue_mark,
    reassign_task,
    snooze_task,
)

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DUE = DAY0 + timedelta(days=7)
DEV, OTHER, MANAGER = Actor("dev-1", "developer"), Actor("dev-2", "developer"), Actor("m-1", "manager")


def callback(**changes):
    values = dict(id="t1", kind="callback", customer_id="c1", subject_type="visit", subject_id="v1",
                  assignee_id="dev-1", assignee_role=None, due_at=DUE, original_due_at=DUE, status="open",
                  dedupe_key="callback:v1", created_at=DAY0)
    return Task(**{**values, **changes})


def test_completing_twice_is_invalid_transition():
    done = complete_task(callback(), DEV, outcome="客户满意", notes=None, now=DAY0 + timedelta(days=3))
    assert done.status == "done" and done.completed_by == "dev-1"
    with pytest.raises(InvalidTransition):
        complete_task(done, DEV, outcome="again", notes=None, now=DAY0 + timedelta(days=4))


def test_another_developers_task_does_not_exist_for_them():
    with pytest.raises(NotFound):
        complete_task(callback(), OTHER, outcome="x", notes=None, now=DAY0)


def test_a_manager_role_task_is_completed_by_any_manager():
    approval = callback(kind="approval", assignee_id=None, assignee_role="manager")
    assert complete_task(approval, MANAGER, outcome="已批准", notes=None, now=DAY0).status == "done"
    with pytest.raises(NotFound):
        complete_task(approval, DEV, outcome="x", notes=None, now=DAY0)


def test_only_managers_reassign():
    with pytest.raises(Forbidden):
        reassign_task(callback(), DEV, "dev-2")
    assert reassign_task(callback(), MANAGER, "dev-2").assignee_id == "dev-2"


def test_snooze_is_limited_to_14_days_past_the_original_due_time():
    policy = Policy()
    snoozed = snooze_task(callback(), DEV, DUE + timedelta(days=14), DAY0, policy)
    assert snoozed.due_at == DUE + timedelta(days=14) and snoozed.original_due_at == DUE
    with pytest.raises(Invalid):
        snooze_task(callback(), DEV, DUE + timedelta(days=14, seconds=1), DAY0, policy)
    with pytest.raises(Invalid):
        snooze_task(callback(), DEV, DAY0 - timedelta(hours=1), DAY0, policy)
    with pytest.raises(Forbidden):
        snooze_task(callback(), MANAGER, DUE + timedelta(days=1), DAY0, policy)


def test_snoozing_does_not_make_a_late_callback_on_time_or_delay_escalation():
    policy = Policy()
    snoozed = snooze_task(callback(), DEV, DUE + timedelta(days=5), DAY0, policy)
    assert needs_escalation(snoozed, DAY0 + timedelta(days=8), policy)
    assert not needs_overdue_mark(snoozed, DAY0 + timedelta(days=8))
    late = complete_task(snoozed, DEV, outcome="ok", notes=None, now=DUE + timedelta(days=2))
    assert not completed_on_time(late)


def test_callback_is_escalated_on_day_8_not_before():
    policy = Policy()
    assert not needs_escalation(callback(), DAY0 + timedelta(days=8) - timedelta(seconds=1), policy)
    assert needs_escalation(callback(), DAY0 + timedelta(days=8), policy)
    assert not needs_escalation(callback(kind="return_visit"), DAY0 + timedelta(days=30), policy)


def test_a_task_is_marked_overdue_once():
    assert needs_overdue_mark(callback(), DUE + timedelta(seconds=1))
    assert not needs_overdue_mark(callback(overdue_at=DUE), DUE + timedelta(days=1))
    assert not needs_overdue_mark(callback(), DUE)
