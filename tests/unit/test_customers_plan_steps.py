"""Carrying out a development plan (实施开发计划): steps on an approved plan, done once by the customer's
visit, contact or event, and the plan's progress."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kam.config import Settings
from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.customers.domain import plan_steps as steps
from services.customers.handlers import development, files, plan_steps
from services.customers.models import metadata, timeline
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 12, 2, 2, tzinfo=UTC)  # 10:00 in Shanghai, 2 December
TODAY = date(2026, 12, 2)
OWNER = Actor("dev-1", "developer")
OTHER = Actor("dev-2", "developer")
MANAGER = Actor("mgr-1", "manager")
SEALER = Sealer(Settings(secret_key="unit-test-secret"))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def a_plan(uow, *, approve=True):
    customer = files.create_customer(uow, OWNER, NOW, data={"name": "司徒静"}, sealer=SEALER, rules=load_rules())
    development.record_assessment(uow, OWNER, NOW, customer_id=customer["id"], data={
        "expected_revenue": Decimal("80000"), "expected_profit": Decimal("20000"),
        "costs": {"staff": Decimal("1000")}, "risk_factor": Decimal("0.2")})
    plan = development.create_development_plan(uow, OWNER, NOW, data={
        "customer_id": customer["id"], "methods": ["visit", "club_event"], "plan": "上门拜访，邀请俱乐部活动",
        "budget": Decimal("2000.00")})
    if approve:
        development.move_development_plan(uow, OWNER, NOW, plan_id=plan["id"], action="submit")
        plan = development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="approve")
    return plan


def add(uow, plan, method="visit", due_on=date(2026, 12, 10), actor=OWNER, now=NOW):
    return plan_steps.add_plan_step(uow, actor, now, plan_id=plan["id"], data={"method": method, "due_on": due_on})


def test_only_an_approved_plan_has_steps(uow):
    draft = a_plan(uow, approve=False)
    assert draft["may_add_steps"] is False
    with pytest.raises(Conflict) as refused:
        add(uow, draft)
    assert refused.value.error_code == "plan_not_approved"
    development.move_development_plan(uow, OWNER, NOW, plan_id=draft["id"], action="submit")
    with pytest.raises(Conflict):
        add(uow, draft)
    approved = development.move_development_plan(uow, MANAGER, NOW, plan_id=draft["id"], action="approve")
    assert approved["may_add_steps"] is True
    assert development.get_development_plan(uow.session, Actor("an-1", "analyst"), NOW,
                                            plan_id=draft["id"])["may_add_steps"] is False
    step = add(uow, draft)
    assert step["status"] == "open" and step["actions"] == ["complete"]
    assert uow.published_types()[-1] == "plan_step.added"


def test_a_step_is_not_due_in_the_past(uow):
    plan = a_plan(uow)
    with pytest.raises(Invalid) as refused:
        add(uow, plan, due_on=date(2026, 12, 1))
    assert list(refused.value.errors) == ["due_on"]
    assert add(uow, plan, due_on=TODAY)["due_on"] == TODAY


def test_today_is_the_departments_day():
    late_evening_utc = datetime(2026, 12, 1, 17, tzinfo=UTC)  # already 2 December in Shanghai
    assert steps.business_day(late_evening_utc) == date(2026, 12, 2)


def test_the_owner_and_managers_add_steps_others_do_not(uow):
    plan = a_plan(uow)
    assert add(uow, plan, actor=MANAGER)["created_by"] == MANAGER.user_id
    with pytest.raises(NotFound):
        add(uow, plan, actor=OTHER)
    with pytest.raises(Forbidden):
        add(uow, plan, actor=Actor("coord-1", "coordinator"))


def test_a_step_is_done_once_by_the_customers_contact(uow):
    plan = a_plan(uow)
    step = add(uow, plan, method="mailing")
    contact = development.log_contact(uow, OWNER, NOW, customer_id=plan["customer_id"],
                                      data={"channel": "wechat", "topic": "寄送新品图册"})
    done = plan_steps.complete_plan_step(uow, OWNER, NOW, plan_id=plan["id"], step_id=step["id"],
                                         data={"done_by": {"kind": "contact", "id": contact["id"]}})
    assert done["status"] == "done" and done["done_by"] == {"kind": "contact", "id": contact["id"]}
    assert done["actions"] == []
    assert uow.published[-1]["type"] == "plan_step.completed"
    assert uow.published[-1]["data"]["done_by"] == {"kind": "contact", "id": contact["id"]}
    with pytest.raises(InvalidTransition):
        plan_steps.complete_plan_step(uow, OWNER, NOW, plan_id=plan["id"], step_id=step["id"],
                                      data={"done_by": {"kind": "contact", "id": contact["id"]}})


def test_a_step_is_done_only_by_work_on_its_customer(uow):
    plan = a_plan(uow)
    step = add(uow, plan)
    with pytest.raises(NotFound):
        plan_steps.complete_plan_step(uow, OWNER, NOW, plan_id=plan["id"], step_id=step["id"],
                                      data={"done_by": {"kind": "visit", "id": "someone-elses-visit"}})
    uow.session.execute(timeline.insert().values(event_id="e1", customer_id=plan["customer_id"], at=NOW,
                                                 kind="visit.completed", summary="完成拜访", source_type="visit",
                                                 source_id="v1"))
    done = plan_steps.complete_plan_step(uow, MANAGER, NOW, plan_id=plan["id"], step_id=step["id"],
                                         data={"done_by": {"kind": "visit", "id": "v1"}})
    assert done["completed_by"] == MANAGER.user_id


def test_plan_progress_shows_on_the_customer_file(uow):
    plan = a_plan(uow)
    assert plan["progress"] == {"total": 0, "done": 0, "overdue": 0, "next_step": None}
    first = add(uow, plan, due_on=date(2026, 12, 3))
    add(uow, plan, method="club_event", due_on=date(2026, 12, 20), now=datetime(2026, 12, 2, 3, tzinfo=UTC))
    later = datetime(2026, 12, 5, 2, tzinfo=UTC)
    listed = development.list_development_plans(uow.session, OWNER, later, args={"customer_id": plan["customer_id"]})
    assert listed["items"][0]["progress"] == {"total": 2, "done": 0, "overdue": 1, "next_step": {
        "id": first["id"], "method": "visit", "due_on": date(2026, 12, 3)}}
    shown = plan_steps.list_plan_steps(uow.session, MANAGER, later, plan_id=plan["id"])
    assert [s["overdue"] for s in shown["items"]] == [True, False]


def test_a_recorded_visit_does_the_customers_next_visit_step(uow):
    plan = a_plan(uow)
    first = add(uow, plan, due_on=date(2026, 12, 3))
    add(uow, plan, due_on=date(2026, 12, 9))
    event = {"type": "visit.completed", "occurred_at": "2026-12-03T03:00:00+00:00",
             "data": {"customer_id": plan["customer_id"], "visit_id": "v9"}}
    plan_steps.complete_steps_by_work(uow, event, NOW)
    progress = development.get_development_plan(uow.session, OWNER, NOW, plan_id=plan["id"])["progress"]
    assert progress["done"] == 1 and progress["next_step"]["due_on"] == date(2026, 12, 9)
    assert uow.published[-1]["data"]["step_id"] == first["id"]
    assert uow.published[-1]["data"]["done_by"] == {"kind": "visit", "id": "v9"}


def test_attending_an_event_does_a_step_of_its_kind_only(uow):
    plan = a_plan(uow)
    add(uow, plan, method="club_event")
    salon = {"type": "guest.checked_in", "occurred_at": "2026-12-03T03:00:00+00:00",
             "data": {"customer_id": plan["customer_id"], "event_id": "ev-1", "kind": "appraisal_salon"}}
    plan_steps.complete_steps_by_work(uow, salon, NOW)
    assert development.get_development_plan(uow.session, OWNER, NOW, plan_id=plan["id"])["progress"]["done"] == 0
    club = {**salon, "data": {**salon["data"], "kind": "club"}}
    plan_steps.complete_steps_by_work(uow, club, NOW)
    assert development.get_development_plan(uow.session, OWNER, NOW, plan_id=plan["id"])["progress"]["done"] == 1
