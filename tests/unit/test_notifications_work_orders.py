"""The custom centre's follow-up in notifications, on a fake unit of work: a ready piece, a repair past its
promised date, a consignment past its end."""
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications.channels import LoggingChannel
from services.notifications.models import customer_messages, metadata, tasks
from services.notifications.work_orders import dispatch_customer_messages, follow_work_order, raise_deadlines

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
DEV = Actor("dev-1", "developer")


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def step(action, status, previous="x", kind="repair", **data):
    return {"ticket_id": "t-1", "customer_id": "c-1", "owner_id": "dev-1", "kind": kind, "action": action,
            "previous_status": previous, "status": status, "due_date": None, "until": None, "mode": None,
            "notice": None, **data}


def open_tasks(uow, kind):
    return uow.session.execute(select(tasks).where(tasks.c.kind == kind, tasks.c.status == "open")).mappings().all()


def messages(uow):
    return uow.session.execute(select(customer_messages)).mappings().all()


def test_a_ready_piece_gives_its_owner_a_task_and_tells_the_customer_by_their_channel(uow):
    ready = step("finish", "ready", "in_repair", notice={"channel": "sms", "address": "13800000000"})
    follow_work_order(uow, DEV, NOW, step=ready)
    follow_work_order(uow, DEV, NOW, step=ready)  # a redelivery tells nobody twice
    [task] = open_tasks(uow, "piece_ready")
    assert (task["assignee_id"], task["subject_id"], task["details"]["customer_told"]) == ("dev-1", "t-1", True)
    [message] = messages(uow)
    assert (message["channel"], message["address"]) == ("sms", "13800000000")

    class Recording(LoggingChannel):
        name, sent = "sms", []

        def send(self, recipient, message):
            self.sent.append((recipient, message.title))

    assert dispatch_customer_messages(uow.session, {"sms": Recording()}) == 1
    assert Recording.sent == [("13800000000", "取件通知")] and messages(uow)[0]["sent_at"] is not None


def test_a_customer_without_consent_is_not_messaged_only_their_owner_is_told(uow):
    follow_work_order(uow, DEV, NOW, step=step("quality-check", "ready", "in_production", kind="custom_design"))
    assert len(open_tasks(uow, "piece_ready")) == 1 and messages(uow) == []


def test_a_repair_past_its_due_date_gives_its_owner_a_repair_overdue_task_once(uow):
    follow_work_order(uow, DEV, NOW, step=step("estimate", "estimated", due_date=date(2026, 6, 5)))
    assert raise_deadlines(uow, NOW + timedelta(days=4)) == 0  # on the day itself it is not late yet
    assert raise_deadlines(uow, NOW + timedelta(days=5)) == 1
    assert raise_deadlines(uow, NOW + timedelta(days=6)) == 0
    [task] = open_tasks(uow, "repair_overdue")
    assert task["assignee_id"] == "dev-1" and task["details"] == {"due_on": "2026-06-05"}
    follow_work_order(uow, DEV, NOW + timedelta(days=6), step=step("finish", "ready", "in_repair"))
    assert open_tasks(uow, "repair_overdue") == []  # done once the piece is ready


def test_a_repair_ready_in_time_raises_nothing(uow):
    follow_work_order(uow, DEV, NOW, step=step("estimate", "estimated", due_date=date(2026, 6, 5)))
    follow_work_order(uow, DEV, NOW, step=step("finish", "ready", "in_repair"))
    assert raise_deadlines(uow, NOW + timedelta(days=30)) == 0


def test_a_consignment_past_its_end_asks_its_owner_to_return_or_extend(uow):
    agreed = step("agree", "listed", "valued", kind="resale", mode="consignment", until=date(2026, 7, 1))
    follow_work_order(uow, DEV, NOW, step=agreed)
    assert raise_deadlines(uow, datetime(2026, 7, 2, 2, tzinfo=UTC)) == 1
    assert len(open_tasks(uow, "consignment_ending")) == 1
    follow_work_order(uow, DEV, NOW, step=step("extend", "listed", "listed", kind="resale", mode="consignment",
                                               until=date(2026, 8, 1)))
    assert open_tasks(uow, "consignment_ending") == []
    assert raise_deadlines(uow, datetime(2026, 7, 20, 2, tzinfo=UTC)) == 0
    assert raise_deadlines(uow, datetime(2026, 8, 2, 2, tzinfo=UTC)) == 1


def test_an_outright_resale_has_no_end_to_watch(uow):
    follow_work_order(uow, DEV, NOW, step=step("agree", "listed", "valued", kind="resale", mode="resale",
                                               until=date(2026, 7, 1)))
    assert raise_deadlines(uow, datetime(2026, 8, 2, 2, tzinfo=UTC)) == 0
