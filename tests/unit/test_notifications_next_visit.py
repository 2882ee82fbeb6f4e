"""约定下次拜访: the next_visit task from a visit record, on a fake unit of work."""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications import handlers, next_visits
from services.notifications.domain import Policy
from services.notifications.models import metadata, tasks

VISITED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
NEXT = VISITED + timedelta(days=14)
VISITOR = Actor("dev-1", "developer")


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def visit(visit_id="v-1", next_visit_at=NEXT, occurred_at=VISITED, **more):
    return {"visit_id": visit_id, "customer_id": "c-1", "visitor_id": "dev-1", "occurred_at": occurred_at,
            "next_visit_at": next_visit_at, **more}


def next_visit_tasks(uow):
    return uow.session.execute(select(tasks).where(tasks.c.kind == "next_visit")
                               .order_by(tasks.c.created_at, tasks.c.id)).mappings().all()


def test_a_recorded_next_visit_is_a_task_for_the_visitor_due_then(uow):
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    next_visits.visit_recorded(uow, VISITED, visit=visit())  # a redelivery makes no second task
    [task] = next_visit_tasks(uow)
    assert (task["assignee_id"], task["due_at"], task["status"], task["subject_id"]) == ("dev-1", NEXT, "open", "v-1")
    assert uow.published_types() == ["task.created"]


def test_no_next_visit_agreed_no_task(uow):
    next_visits.visit_recorded(uow, VISITED, visit=visit(next_visit_at=None))
    assert next_visit_tasks(uow) == [] and uow.published == []


def test_the_next_visit_task_moves_when_the_record_is_revised(uow):
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    later = NEXT + timedelta(days=7)
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=later, revised_at=VISITED + timedelta(days=1)))
    [task] = next_visit_tasks(uow)
    assert (task["due_at"], task["original_due_at"], task["status"]) == (later, later, "open")
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=None, revised_at=VISITED + timedelta(days=2)))
    assert [task["status"] for task in next_visit_tasks(uow)] == ["cancelled"]
    next_visits.visit_revised(uow, VISITED + timedelta(days=3),
                              visit=visit(next_visit_at=NEXT, revised_at=VISITED + timedelta(days=3)))
    assert [(task["status"], task["due_at"]) for task in next_visit_tasks(uow)] == [("cancelled", later), ("open", NEXT)]


def test_the_next_visit_task_is_done_when_the_next_visit_to_that_customer_is_recorded(uow):
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    again = NEXT - timedelta(days=1)
    next_visits.visit_recorded(uow, again, visit=visit("v-2", next_visit_at=None, occurred_at=again))
    [task] = next_visit_tasks(uow)
    assert (task["status"], task["completed_at"], task["completed_by"]) == ("done", again, "dev-1")
    assert uow.published_types() == ["task.created", "task.completed"]
    next_visits.visit_revised(uow, again, visit=visit(next_visit_at=NEXT + timedelta(days=30), revised_at=again))
    assert [task["status"] for task in next_visit_tasks(uow)] == ["done"]  # it has happened: nothing moves


def test_a_revision_withdrawing_the_next_visit_handled_before_its_record_leaves_no_open_task(uow):
    # visit.revised and visit.completed travel on different queues: the revision may be handled first
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=None, revised_at=VISITED + timedelta(days=1)))
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    assert [task["status"] for task in next_visit_tasks(uow)] == ["cancelled"]
    assert uow.published_types() == []


def test_a_revision_moving_the_next_visit_handled_before_its_record_keeps_the_revised_date(uow):
    later = NEXT + timedelta(days=7)
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=later, revised_at=VISITED + timedelta(days=1)))
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    assert [(task["status"], task["due_at"]) for task in next_visit_tasks(uow)] == [("open", later)]


def test_an_older_revision_handled_after_a_newer_one_changes_nothing(uow):
    next_visits.visit_recorded(uow, VISITED, visit=visit())
    newer, older = NEXT + timedelta(days=9), NEXT + timedelta(days=3)
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=newer, revised_at=VISITED + timedelta(days=2)))
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=older, revised_at=VISITED + timedelta(days=1)))
    next_visits.visit_revised(uow, VISITED, visit=visit(next_visit_at=None, revised_at=VISITED + timedelta(days=1)))
    assert [(task["status"], task["due_at"]) for task in next_visit_tasks(uow)] == [("open", newer)]


def recorded(uow, record):
    """As the service's visit.completed handler does: the callback first, then the next visit."""
    handlers.create_callback(uow, VISITOR, record["occurred_at"], visit=record, policy=Policy())
    next_visits.visit_recorded(uow, record["occurred_at"], visit=record)


def test_an_earlier_record_handled_after_a_later_one_does_not_do_the_later_ones_next_visit(uow):
    later = VISITED + timedelta(days=10)
    recorded(uow, visit("v-2", next_visit_at=later + timedelta(days=14), occurred_at=later))
    recorded(uow, visit("v-1", next_visit_at=NEXT, occurred_at=VISITED))  # handed over late
    tasks_of = {task["subject_id"]: task for task in next_visit_tasks(uow)}
    assert tasks_of["v-2"]["status"] == "open"
    # v-1 agreed a next visit, and v-2 (later) was that visit: done at once, by v-2's visit
    assert (tasks_of["v-1"]["status"], tasks_of["v-1"]["completed_at"]) == ("done", later)
