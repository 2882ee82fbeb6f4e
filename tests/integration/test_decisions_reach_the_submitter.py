"""Decisions reach the person who asked, through the real RabbitMQ and PostgreSQL: each owning service
publishes its decision from its outbox (relayed here), notifications tells the owner in zh-CN, naming
the item and the manager's reason; a rejected item is taken back, revised and submitted again."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam import testing
from kam.plugins import discover
from kam.relay import OutboxRelay
from kam.service import rpc
from services.customers.service import CustomersService
from services.events.service import EventsService
from services.notifications.service import NotificationsService
from services.reception.service import ReceptionService
from services.visits.service import VisitsService

DEV = {"user_id": "dev-1", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}
MANAGER2 = {"user_id": "m-2", "role": "manager"}
PLANNER = {"user_id": "planner-1", "role": "planner"}
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


class CatalogStandIn:
    name = "catalog"

    @rpc
    def suggest_gift(self, category):
        return {"category": category}


def relay(harness, *services):
    """Publish what the services committed, as the relay does after each commit."""
    for name in services:
        OutboxRelay(name, discover()[name].load_metadata(), harness.settings).drain()


def decisions_of(harness, actor, count=1):
    def found():
        with harness.as_(actor, "notifications") as notifications:
            items = [n for n in notifications.list_notifications({})["items"] if n["kind"] == "decision"]
        return items if len(items) >= count else None

    return testing.wait_until(found, timeout=20, message="the decision in the owner's inbox")


def customer_of(harness, actor=DEV, name="王丽"):
    """A customer the developer owns, its name known to notifications (customer.created)."""
    with harness.as_(actor, "customers") as customers:
        customer = customers.create_customer({"name": name, "category": "high_value"})
    relay(harness, "customers")
    return customer


def worth_developing(harness, customer):
    with harness.as_(DEV, "customers") as customers:
        customers.record_assessment(customer["id"], {
            "expected_revenue": Decimal("180000"), "expected_profit": Decimal("54000"),
            "costs": {"staff": Decimal("4000")}, "risk_factor": Decimal("0.4")})
        return customers.create_development_plan({"customer_id": customer["id"], "methods": ["visit"],
                                                  "plan": "约茶叙，介绍结婚周年克拉钻", "budget": Decimal("2000.00")})


def submitted_visit(developer, customer, **fields):
    visit = developer.plan_visit({"customer_id": customer["id"], "planned_at": NOW + timedelta(days=3),
                                  "place": "客户家中", "method": "in_person", "budget": Decimal("800.00"), **fields})
    developer.submit_visit(visit["id"])
    return visit


@pytest.fixture
def customers_system(service_harness):
    return service_harness(NotificationsService, CustomersService, now=NOW)


@pytest.fixture
def visits_system(service_harness):
    return service_harness(NotificationsService, VisitsService, CustomersService, CatalogStandIn, now=NOW)


def test_a_rejection_notifies_the_submitter_with_its_reason_plan(customers_system):
    harness = customers_system
    plan = worth_developing(harness, customer_of(harness))
    with harness.as_(DEV, "customers") as developer, harness.as_(MANAGER, "customers") as manager:
        developer.move_development_plan(plan["id"], "submit")
        manager.move_development_plan(plan["id"], "reject", "预算偏高，请压缩到一千元以内")
    relay(harness, "customers")
    [notice] = decisions_of(harness, DEV)
    assert notice["title"] == "开发方案被驳回"
    assert notice["body"] == "您的开发方案「王丽」已被驳回：预算偏高，请压缩到一千元以内"
    assert notice["subject"] == {"type": "development_plan", "id": plan["id"]}
    with harness.as_(MANAGER, "notifications") as other:
        assert [n for n in other.list_notifications({})["items"] if n["kind"] == "decision"] == []


def test_a_rejection_notifies_the_submitter_with_its_reason_visit(visits_system):
    harness = visits_system
    customer = customer_of(harness)
    with harness.as_(DEV, "visits") as developer, harness.as_(MANAGER, "visits") as manager:
        visit = submitted_visit(developer, customer, objectives="介绍结婚周年克拉钻")
        manager.reject_visit(visit["id"], "客户下周出国，请改期")
    relay(harness, "visits")
    [notice] = decisions_of(harness, DEV)
    assert notice["body"] == "您的拜访计划「王丽 · 2026-03-05 10:00」已被驳回：客户下周出国，请改期"
    assert notice["subject"] == {"type": "visit", "id": visit["id"]}


def test_a_rejected_item_can_be_revised_and_submitted_again(visits_system):
    """The visit goes back to its visitor as a draft, is revised, and its second submission is a new
    approval for the managers; its approval reaches the visitor too."""
    harness = visits_system
    customer = customer_of(harness)
    with harness.as_(DEV, "visits") as developer, harness.as_(MANAGER, "visits") as manager:
        visit = submitted_visit(developer, customer)
        rejected = manager.reject_visit(visit["id"], "客户下周出国，请改期")
        assert rejected["actions"] == [] and developer.get_visit(visit["id"])["actions"] == ["redraft"]
        # the first round reaches notifications before the second is submitted: the harness's clock gives
        # both rounds one instant, and rounds are told apart by when they were submitted
        # (test_a_resubmission_handled_before_the_first_rounds_rejection_keeps_its_own_task)
        relay(harness, "visits")

        def first_round_decided():
            with harness.as_(MANAGER2, "notifications") as notifications:
                return notifications.list_tasks({"kind": "approval", "status": "done"})["items"] or None

        testing.wait_until(first_round_decided, timeout=20, message="the first round's approval task done")
        redrafted = developer.redraft_visit(visit["id"])
        assert (redrafted["status"], redrafted["rejection_reason"]) == ("draft", "客户下周出国，请改期")
        developer.edit_visit(visit["id"], {"planned_at": NOW + timedelta(days=12)})
        assert developer.submit_visit(visit["id"])["status"] == "pending_approval"
    relay(harness, "visits")

    def approvals():
        with harness.as_(MANAGER2, "notifications") as notifications:
            found = notifications.list_tasks({"kind": "approval", "status": "open"})["items"]
        return found or None

    [task] = testing.wait_until(approvals, timeout=20, message="the second round's approval task")
    assert task["subject"] == {"type": "visit", "id": visit["id"]}
    with harness.as_(MANAGER, "visits") as manager:
        approved = manager.approve_visit(visit["id"], Decimal("800.00"))
        assert (approved["status"], approved["rejection_reason"]) == ("approved", None)
    relay(harness, "visits")
    notices = {notice["title"]: notice for notice in decisions_of(harness, DEV, count=2)}  # both made at NOW
    assert set(notices) == {"拜访计划被驳回", "拜访计划已批准"}
    assert notices["拜访计划已批准"]["body"] == "您的拜访计划「王丽 · 2026-03-14 10:00」已获批准"


def test_a_rejection_notifies_the_submitter_with_its_reason_claim(visits_system):
    """A claim on an approved plan: the rejected one with its reason, the other reimbursed."""
    harness = visits_system
    plan = worth_developing(harness, customer_of(harness))
    with harness.as_(DEV, "customers") as developer, harness.as_(MANAGER, "customers") as manager:
        developer.move_development_plan(plan["id"], "submit")
        manager.move_development_plan(plan["id"], "approve")
    subject = {"type": "development_plan", "id": plan["id"]}
    items = [{"category": "meal", "amount": Decimal("320.00"), "note": "午餐"},
             {"category": "travel", "amount": Decimal("86.50"), "note": "出租车"}]
    with harness.as_(DEV, "visits") as developer, harness.as_(MANAGER, "visits") as manager:
        refused = developer.open_claim({"subject": subject, "items": items})
        paid = developer.open_claim({"subject": subject, "items": items[:1]})
        developer.submit_claim(refused["id"])
        developer.submit_claim(paid["id"])
        manager.reject_claim(refused["id"], "午餐发票抬头有误，请重开")
        manager.approve_claim(paid["id"])
        manager.reimburse_claim(paid["id"])
    relay(harness, "visits")
    notices = decisions_of(harness, DEV, count=3)
    bodies = {n["body"] for n in notices}
    assert "您的费用报销「王丽 · 406.50 元」已被驳回：午餐发票抬头有误，请重开" in bodies
    assert {"您的费用报销「王丽 · 320.00 元」已获批准", "您的费用报销「王丽 · 320.00 元」已报销"} <= bodies


def test_a_rejection_notifies_the_submitter_with_its_reason_reception(service_harness):
    harness = service_harness(NotificationsService, ReceptionService, CustomersService, now=NOW)
    customer = customer_of(harness)
    with harness.as_(DEV, "reception") as developer, harness.as_(MANAGER, "reception") as manager:
        reception = developer.create_reception({
            "customer_id": customer["id"], "scheduled_at": NOW + timedelta(days=2, hours=4), "party_size": 2,
            "needs": "结婚十周年，想看1克拉以上钻戒", "location": "总部", "hosts": ["张敏"]})
        developer.submit_reception(reception["id"])
        manager.reject_reception(reception["id"], {"reason": "当天商务室已排满，请改到周五"})
    relay(harness, "reception")
    [notice] = decisions_of(harness, DEV)
    assert notice["body"] == "您的接待申请「王丽 · 2026-03-04 14:00」已被驳回：当天商务室已排满，请改到周五"
    assert notice["subject"] == {"type": "reception", "id": reception["id"]}


def test_a_rejection_notifies_the_submitter_with_its_reason_event(service_harness):
    harness = service_harness(NotificationsService, EventsService, now=NOW)
    starts = NOW + timedelta(days=20)
    with harness.as_(PLANNER, "events") as planner, harness.as_(MANAGER, "events") as manager:
        event = planner.create_event({"title": "春季新品品鉴会", "kind": "appraisal_salon", "starts_at": starts,
                                      "ends_at": starts + timedelta(hours=3), "venue": "总部品鉴厅", "capacity": 30,
                                      "budget": Decimal("30000.00"), "description": None})
        planner.submit_event(event["id"])
        manager.reject_event(event["id"], {"reason": "与周年庆撞期"})
    relay(harness, "events")
    [notice] = decisions_of(harness, PLANNER)
    assert notice["body"] == "您的活动方案「春季新品品鉴会」已被驳回：与周年庆撞期"


def reviews_of(harness, actor, title):
    def found():
        with harness.as_(actor, "notifications") as notifications:
            return [n for n in notifications.list_notifications({})["items"] if n["title"] == title] or None

    return testing.wait_until(found, timeout=20, message=f"{title} in the author's inbox")


def test_a_returned_report_reaches_its_author_visit(visits_system):
    harness = visits_system
    customer = customer_of(harness)
    with harness.as_(DEV, "visits") as developer, harness.as_(MANAGER, "visits") as manager:
        visit = submitted_visit(developer, customer)
        manager.approve_visit(visit["id"], Decimal("800.00"))
        developer.record_visit(visit["id"], {"occurred_at": NOW - timedelta(hours=1), "talking_points": "克拉钻"})
        manager.review_visit(visit["id"], {"decision": "returned", "comment": "请补充客户的预算"})
    relay(harness, "visits")
    [notice] = reviews_of(harness, DEV, "拜访报告被退回")
    assert notice["body"] == "您的拜访报告「王丽 · 2026-03-02 09:00」被退回修改：请补充客户的预算"
    assert notice["subject"] == {"type": "visit", "id": visit["id"]}


def test_a_returned_report_reaches_its_author_reception(service_harness):
    harness = service_harness(NotificationsService, ReceptionService, VisitsService, CustomersService,
                              CatalogStandIn, now=NOW)
    customer = customer_of(harness)
    with harness.as_(DEV, "reception") as developer, harness.as_(MANAGER, "reception") as manager:
        reception = developer.create_reception({
            "customer_id": customer["id"], "scheduled_at": NOW - timedelta(hours=3), "party_size": 2,
            "needs": "结婚十周年，想看1克拉以上钻戒", "location": "总部", "hosts": ["张敏"]})
        developer.submit_reception(reception["id"])
        manager.approve_reception(reception["id"], {"funded_amount": Decimal("3000.00")})
        developer.report_reception(reception["id"], {"experience": "客户对商务室环境满意", "outcome": "follow_up"})
        manager.review_reception(reception["id"], {"decision": "returned", "comment": "请写明客户看过的款式"})
    relay(harness, "reception")
    [notice] = reviews_of(harness, DEV, "接待报告被退回")
    assert notice["body"] == "您的接待报告「王丽 · 2026-03-02 07:00」被退回修改：请写明客户看过的款式"
    assert notice["subject"] == {"type": "reception", "id": reception["id"]}
