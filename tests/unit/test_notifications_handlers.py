"""The task use cases on a fake unit of work: what they save, what they announce, what they answer."""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kam.errors import Forbidden, InvalidTransition, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications import handlers
from services.notifications.channels import Message, SmsChannel, WeChatChannel
from services.notifications.domain import Policy
from services.notifications.models import customer_facts, metadata, notifications, tasks

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DUE = DAY0 + timedelta(days=7)
DEV, OTHER = Actor("dev-1", "developer"), Actor("dev-2", "developer")
MANAGER, MANAGER2 = Actor("m-1", "manager"), Actor("m-2", "manager")


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def given_task(uow, task_id="t-1", **changes):
    uow.session.execute(tasks.insert().values(**{
        "id": task_id, "kind": "callback", "customer_id": "c-1", "subject_type": "visit", "subject_id": "v-1",
        "assignee_id": "dev-1", "assignee_role": None, "due_at": DUE, "original_due_at": DUE, "status": "open",
        "dedupe_key": f"callback:{task_id}", "created_at": DAY0, "details": {}, **changes}))
    return task_id


def stored(uow, task_id="t-1"):
    return uow.session.execute(select(tasks).where(tasks.c.id == task_id)).mappings().one()


def test_completing_saves_the_outcome_and_announces_it_on_time(uow):
    given_task(uow)
    done = handlers.complete_task(uow, DEV, DAY0 + timedelta(days=3), task_id="t-1",
                                  data={"outcome": "客户满意", "notes": None})
    assert done["status"] == "done" and done["actions"] == []
    assert stored(uow)["completed_by"] == "dev-1"
    [completed] = uow.published
    assert completed["type"] == "task.completed"
    assert completed["data"]["on_time"] is True and completed["data"]["task_id"] == "t-1"
    assert uow.commits == 0  # the use-case layer commits, not the handler


def test_completing_twice_is_invalid_transition(uow):
    given_task(uow, status="done")
    with pytest.raises(InvalidTransition):
        handlers.complete_task(uow, DEV, DAY0, task_id="t-1", data={"outcome": "again"})
    assert uow.published == []


def test_a_hidden_task_is_404_whatever_is_done_to_it(uow):
    given_task(uow)
    with pytest.raises(NotFound):
        handlers.get_task(uow.session, OTHER, DAY0, task_id="t-1")
    with pytest.raises(NotFound):
        handlers.complete_task(uow, OTHER, DAY0, task_id="t-1", data={"outcome": "x"})
    with pytest.raises(NotFound):
        handlers.snooze_task(uow, OTHER, DAY0, task_id="t-1", until=DUE + timedelta(days=1), policy=Policy())
    with pytest.raises(NotFound):
        handlers.get_task(uow.session, MANAGER, DAY0, task_id="missing")


def test_a_role_task_is_seen_and_acted_on_by_every_member_of_the_role(uow):
    given_task(uow, kind="approval", assignee_id=None, assignee_role="manager")
    assert handlers.get_task(uow.session, MANAGER2, DAY0, task_id="t-1")["actions"] == [
        "complete", "reassign", "snooze"]
    with pytest.raises(NotFound):
        handlers.get_task(uow.session, DEV, DAY0, task_id="t-1")
    assert handlers.list_tasks(uow.session, MANAGER2, DAY0, args={"assignee": "me"})["items"][0]["id"] == "t-1"
    assert handlers.list_tasks(uow.session, DEV, DAY0, args={})["items"] == []


def test_actions_say_what_the_caller_may_do_now(uow):
    given_task(uow)
    assert handlers.get_task(uow.session, DEV, DAY0, task_id="t-1")["actions"] == ["complete", "snooze"]
    assert handlers.get_task(uow.session, MANAGER, DAY0, task_id="t-1")["actions"] == ["complete", "reassign"]


def test_reassigning_is_the_managers_and_tells_the_new_assignee(uow):
    given_task(uow)
    with pytest.raises(Forbidden):
        handlers.reassign_task(uow, DEV, DAY0, task_id="t-1", assignee_id="dev-2")
    moved = handlers.reassign_task(uow, MANAGER, DAY0, task_id="t-1", assignee_id="dev-2")
    assert moved["assignee_id"] == "dev-2" and moved["status"] == "open"
    assert stored(uow)["assignee_id"] == "dev-2"
    assert uow.session.scalar(select(notifications.c.recipient_id).where(
        notifications.c.kind == "task_reassigned")) == "dev-2"
    with pytest.raises(InvalidTransition):
        handlers.reassign_task(uow, MANAGER, DAY0, task_id="t-1", assignee_id="dev-2")


def test_snoozing_moves_the_due_time_for_the_assignee_only(uow):
    given_task(uow)
    with pytest.raises(Forbidden):
        handlers.snooze_task(uow, MANAGER, DAY0, task_id="t-1", until=DUE + timedelta(days=1), policy=Policy())
    snoozed = handlers.snooze_task(uow, DEV, DAY0, task_id="t-1", until=DUE + timedelta(days=2), policy=Policy())
    assert snoozed["due_at"] == DUE + timedelta(days=2) and snoozed["original_due_at"] == DUE
    assert stored(uow)["due_at"] == DUE + timedelta(days=2)
    assert uow.published == []


def test_a_return_visit_naming_another_developers_task_does_not_complete_it(uow):
    given_task(uow, "t-theirs", kind="return_visit", assignee_id="dev-2", customer_id="c-2")
    given_task(uow, "t-mine", kind="return_visit", assignee_id="dev-1", customer_id="c-1")
    recorded = {"task_id": "t-theirs", "customer_id": "c-1", "developer_id": "dev-1",
                "occurred_at": DAY0 + timedelta(days=1)}

    handlers.complete_return_visit(uow, DEV, DAY0 + timedelta(days=1), recorded=recorded)
    handlers.complete_return_visit(uow, DEV, DAY0 + timedelta(days=1), recorded={**recorded, "customer_id": "c-2"})

    assert stored(uow, "t-theirs")["status"] == "open"
    handlers.complete_return_visit(uow, DEV, DAY0 + timedelta(days=1), recorded={**recorded, "task_id": "t-mine"})
    assert stored(uow, "t-mine")["status"] == "done"


def test_sms_and_wechat_log_lines_carry_no_recipient_and_no_text(caplog):
    caplog.set_level("DEBUG")
    for channel in (SmsChannel(), WeChatChannel()):
        channel.send("13800000000", Message("回访提醒：王丽", "请今天回访王丽（北京饭店）"))
    assert caplog.records and "13800000000" not in caplog.text and "王丽" not in caplog.text


def test_a_customers_notifications_are_exported_only_to_their_owner_and_managers(uow):
    uow.session.execute(customer_facts.insert().values(customer_id="c-1", owner_id="dev-1", name="王丽", key_dates=[],
                                                       holdings=[], outreach_opt_out=False, known_since={}))
    given_task(uow)
    assert len(handlers.export_customer(uow.session, DEV, "c-1")["tasks"]) == 1
    assert handlers.export_customer(uow.session, MANAGER, "c-1")["customer_facts"]["name"] == "王丽"
    with pytest.raises(NotFound):
        handlers.export_customer(uow.session, OTHER, "c-1")
    with pytest.raises(Forbidden):
        handlers.export_customer(uow.session, Actor("a-1", "analyst"), "c-1")
