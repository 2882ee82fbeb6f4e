"""Events' guests in notifications on a fake unit of work: the invitation and the cancellation reach the
owner (not for an opted-out customer), and a guest who came gives the owner a follow-up."""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications import event_guests
from services.notifications.models import customer_facts, metadata, notifications, tasks

NOW = datetime(2026, 5, 10, 2, 0, tzinfo=UTC)
ENDS = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)
PLANNER = Actor("p-1", "planner")


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        for customer_id, opted_out in (("c-1", False), ("c-2", True)):
            fake.session.execute(customer_facts.insert().values(
                customer_id=customer_id, owner_id="dev-1", name=f"客户{customer_id}", key_dates=[],
                outreach_opt_out=opted_out, known_since={}, holdings=[]))
        yield fake


def invitation(customer_id):
    return {"invitation_id": f"i-{customer_id}", "event_id": "e-1", "customer_id": customer_id, "owner_id": "dev-1",
            "title": "春季品鉴会", "starts_at": ENDS - timedelta(hours=3), "venue": "总部品鉴厅", "ends_at": ENDS}


def inbox(uow):
    return uow.session.execute(select(notifications.c.kind, notifications.c.customer_id)).all()


def test_the_invitation_reaches_the_owner_but_never_for_an_opted_out_customer(uow):
    for customer_id in ("c-1", "c-2", "c-1"):
        event_guests.deliver_invitation(uow, PLANNER, NOW, invitation=invitation(customer_id))
    assert inbox(uow) == [("event_invitation", "c-1")]


def test_cancelling_tells_the_owner_of_everyone_invited(uow):
    guests = [{k: invitation(c)[k] for k in ("invitation_id", "customer_id", "owner_id")} for c in ("c-1", "c-2")]
    event_guests.tell_cancellation(uow, PLANNER, NOW, cancelled={
        "event_id": "e-1", "title": "春季品鉴会", "starts_at": ENDS, "reason": "场地变更", "guests": guests})
    assert inbox(uow) == [("event_cancelled", "c-1")]


def test_a_guest_who_came_gives_the_owner_an_event_follow_up_due_three_days_after_the_end(uow):
    for _ in range(2):
        event_guests.create_event_follow_up(uow, PLANNER, NOW, checked_in=invitation("c-1"))
    (task,) = uow.session.execute(select(tasks)).mappings().all()
    assert (task["kind"], task["assignee_id"], task["subject_type"]) == ("event_follow_up", "dev-1", "event")
    assert task["due_at"] == ENDS + timedelta(days=3)
    assert uow.published_types() == ["task.created"]
