"""Carrying out a development plan, over the real RabbitMQ and PostgreSQL: the customers service's
`plan_step.added` reaches notifications; past its due day the step is its owner's task, once, and
`plan_step.completed` makes the task done. The clock is set, nothing sleeps for time."""
import time
from datetime import UTC, date, datetime

from kam import testing
from services.customers.contracts import PlanStepAdded, PlanStepCompleted
from services.notifications.service import NotificationsService

ADDED = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
OWNER = {"user_id": "dev-steps-1", "role": "developer"}
STEP = {"step_id": "step-1", "plan_id": "plan-1", "customer_id": "cust-1", "developer_id": "dev-steps-1",
        "method": "visit", "due_on": date(2026, 12, 3)}


def test_an_overdue_step_gives_its_owner_a_task(service_harness, monkeypatch):
    monkeypatch.setenv("KAM_DUE_WORK_INTERVAL", "0.05")
    harness = service_harness(NotificationsService, now=ADDED)
    harness.applied(harness.publish(PlanStepAdded, STEP, actor=OWNER))

    with harness.as_(OWNER) as owner:
        def step_tasks(status="open"):
            return owner.list_tasks({"assignee": "me", "kind": "plan_step_overdue", "status": status})["items"]

        harness.clock.set(datetime(2026, 12, 3, 15, 0, tzinfo=UTC))  # 23:00 on its due day in Shanghai
        time.sleep(0.5)  # ten ticks of the due-work timer
        assert step_tasks() == []

        harness.clock.set(datetime(2026, 12, 4, 1, 0, tzinfo=UTC))  # the next morning
        [task] = testing.wait_until(step_tasks, timeout=10, message="the overdue step's task")
        assert task["assignee_id"] == "dev-steps-1" and task["customer_id"] == "cust-1"
        assert task["subject"] == {"type": "development_plan", "id": "plan-1"}
        assert "开发方案步骤逾期" in task["title"]

        harness.clock.set(datetime(2026, 12, 6, 1, 0, tzinfo=UTC))  # the timer keeps ticking: still one task
        testing.wait_until(lambda: _events(harness, "task.overdue") >= 1, timeout=10, message="task.overdue")
        assert len(step_tasks()) == 1

        done_at = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
        harness.applied(harness.publish(PlanStepCompleted, {
            **STEP, "done_by": {"kind": "visit", "id": "visit-1"}, "done_at": done_at, "completed_by": None},
            actor=OWNER))
        assert step_tasks() == []
        [done] = step_tasks("done")
        assert done["id"] == task["id"]
        assert _events(harness, "task.created") == 1


def _events(harness, event_type):
    return sum(1 for envelope in harness.events() if envelope["type"] == event_type
               and envelope["data"].get("kind") == "plan_step_overdue")
