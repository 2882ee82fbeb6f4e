"""A development plan's step past its due day is its owner's task once, done when the step is done."""
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kam.fakes import FakeUnitOfWork
from services.notifications.models import metadata, tasks
from services.notifications.plan_steps import raise_overdue_steps, step_added, step_completed

ADDED = datetime(2026, 12, 1, 2, tzinfo=UTC)
STEP = {"step_id": "s-1", "plan_id": "p-1", "customer_id": "c-1", "developer_id": "dev-1", "method": "visit",
        "due_on": date(2026, 12, 3)}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def step_tasks(uow):
    return uow.session.execute(select(tasks).where(tasks.c.kind == "plan_step_overdue")).mappings().all()


def test_a_step_is_a_task_only_after_its_due_day(uow):
    step_added(uow, ADDED, step=STEP)
    assert raise_overdue_steps(uow, datetime(2026, 12, 3, 15, tzinfo=UTC)) == 0  # 23:00 on the due day in Shanghai
    assert raise_overdue_steps(uow, datetime(2026, 12, 3, 16, 30, tzinfo=UTC)) == 1  # 00:30 the day after
    [task] = step_tasks(uow)
    assert (task["assignee_id"], task["subject_type"], task["subject_id"]) == ("dev-1", "development_plan", "p-1")
    assert task["details"] == {"step_id": "s-1", "method": "visit", "due_on": "2026-12-03"}


def test_an_overdue_step_is_one_task_however_often_the_timer_runs(uow):
    step_added(uow, ADDED, step=STEP)
    step_added(uow, ADDED, step=STEP)  # a redelivery
    later = datetime(2026, 12, 5, 2, tzinfo=UTC)
    assert [raise_overdue_steps(uow, later), raise_overdue_steps(uow, later)] == [1, 0]
    assert len(step_tasks(uow)) == 1


def test_the_task_is_done_when_the_step_is(uow):
    step_added(uow, ADDED, step=STEP)
    raise_overdue_steps(uow, datetime(2026, 12, 5, 2, tzinfo=UTC))
    done_at = datetime(2026, 12, 5, 6, tzinfo=UTC)
    step_completed(uow, done_at, step={**STEP, "done_by": {"kind": "visit", "id": "v-1"}, "done_at": done_at,
                                       "completed_by": None})
    [task] = step_tasks(uow)
    assert (task["status"], task["completed_at"]) == ("done", done_at)
    assert "task.completed" in uow.published_types()


def test_a_step_done_in_time_never_becomes_a_task(uow):
    done_at = datetime(2026, 12, 2, 6, tzinfo=UTC)
    done = {**STEP, "done_by": {"kind": "contact", "id": "k-1"}, "done_at": done_at, "completed_by": "dev-1"}
    step_completed(uow, done_at, step=done)  # its completion may arrive before its addition
    step_added(uow, ADDED, step=STEP)
    assert raise_overdue_steps(uow, datetime(2026, 12, 9, 2, tzinfo=UTC)) == 0
    assert step_tasks(uow) == []
