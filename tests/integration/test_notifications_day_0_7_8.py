"""The seed's chain in a nameko container with a controllable clock: a visit recorded on day 0 → the
callback is due on day 7 → the manager is told on day 8. The clock is set, nothing sleeps for time."""
from datetime import UTC, datetime, timedelta

from kam import testing
from services.notifications.contracts import VisitCompleted
from services.notifications.service import NotificationsService

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
VISITOR = {"user_id": "dev-1", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}


def test_visit_on_day_0_callback_due_day_7_manager_told_on_day_8(service_harness, monkeypatch):
    monkeypatch.setenv("KAM_DUE_WORK_INTERVAL", "0.05")
    harness = service_harness(NotificationsService, now=DAY0)
    harness.applied(harness.publish(VisitCompleted, {
        "visit_id": "v-1", "customer_id": "c-1", "visitor_id": "dev-1", "occurred_at": DAY0,
        "method": "in_person", "place": "客户办公室", "next_visit_at": None}, actor=VISITOR))

    with harness.as_(VISITOR) as visitor, harness.as_(MANAGER) as manager:
        def callbacks():
            return visitor.list_tasks({"assignee": "me", "kind": "callback", "status": "open"})["items"]

        [task] = callbacks()
        assert task["due_at"] == (DAY0 + timedelta(days=7)).isoformat()
        assert task["subject"] == {"type": "visit", "id": "v-1"}
        assert task["assignee_id"] == "dev-1" and not task["overdue"]

        harness.clock.set(DAY0 + timedelta(days=7, minutes=1))
        testing.wait_until(lambda: _events(harness, "task.overdue") == 1, timeout=10, message="task.overdue")
        assert callbacks()[0]["overdue"]
        assert not _escalations(manager)

        harness.clock.set(DAY0 + timedelta(days=8, minutes=1))
        [escalation] = testing.wait_until(lambda: _escalations(manager), timeout=10, message="the manager told")
        assert escalation["task_id"] == task["id"] and escalation["read"] is False
        assert manager.overdue_counts()["items"] == [
            {"assignee_id": "dev-1", "assignee_role": None, "overdue": 1, "escalated": 1}]
        assert _events(harness, "task.overdue") == 1  # the timer keeps ticking; nothing is announced twice


def _escalations(proxy):
    return [n for n in proxy.list_notifications({})["items"] if n["kind"] == "escalation"]


def _events(harness, event_type):
    return sum(1 for envelope in harness.events() if envelope["type"] == event_type)
