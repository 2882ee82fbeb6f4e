"""Decisions reach the person who asked: the notice its owner reads, on a fake unit of work."""
from datetime import UTC, datetime

import pytest

from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications import decisions, inbox
from services.notifications.models import customer_facts, metadata

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DEV, MANAGER = Actor("dev-1", "developer"), Actor("m-1", "manager")


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        fake.session.execute(customer_facts.insert().values(
            customer_id="c-1", owner_id="dev-1", name="王丽", key_dates=[], outreach_opt_out=False, known_since={},
            holdings=[]))
        yield fake


def inbox_of(uow, actor):
    return inbox.list_notifications(uow.session, actor, NOW, args={})["items"]


def test_a_rejection_notifies_the_submitter_with_its_reason(uow):
    data = {"visit_id": "v-1", "visitor_id": "dev-1", "customer_id": "c-1", "approver_id": "m-1",
            "planned_at": datetime(2026, 3, 5, 2, 0, tzinfo=UTC), "reason": "客户下周出国，请改期"}
    for _ in range(2):  # the same event handled twice tells once
        decisions.tell_decision(uow, MANAGER, NOW, event_id="e-1", event_type="visit.rejected", data=data)
    [notice] = inbox_of(uow, DEV)
    assert (notice["kind"], notice["title"]) == ("decision", "拜访计划被驳回")
    assert notice["body"] == "您的拜访计划「王丽 · 2026-03-05 10:00」已被驳回：客户下周出国，请改期"
    assert notice["subject"] == {"type": "visit", "id": "v-1"} and inbox_of(uow, MANAGER) == []


@pytest.mark.parametrize(("event_type", "data", "said"), [
    ("development_plan.approved", {"plan_id": "p-1", "developer_id": "dev-1", "customer_id": "c-1"},
     "您的开发方案「王丽」已获批准"),
    ("reception.rejected", {"reception_id": "r-1", "host_id": "dev-1", "customer_id": "c-1", "reason": None,
                            "scheduled_at": datetime(2026, 3, 4, 6, 0, tzinfo=UTC)},
     "您的接待申请「王丽 · 2026-03-04 14:00」已被驳回：未注明理由"),
    ("event.approved", {"event_id": "ev-1", "planner_id": "dev-1", "title": "春季新品品鉴会"},
     "您的活动方案「春季新品品鉴会」已获批准"),
    ("expense_claim.reimbursed", {"claim_id": "x-1", "claimant_id": "dev-1", "customer_id": None,
                                  "total": "12800.00"}, "您的费用报销「12,800.00 元」已报销"),
])
def test_each_decision_names_its_item_to_its_owner(uow, event_type, data, said):
    decisions.tell_decision(uow, MANAGER, NOW, event_id="e-1", event_type=event_type, data=data)
    assert [notice["body"] for notice in inbox_of(uow, DEV)] == [said]


def test_a_returned_report_tells_its_author_what_to_revise(uow):
    data = {"visit_id": "v-1", "visitor_id": "dev-1", "customer_id": "c-1", "reviewed_by": "m-1",
            "occurred_at": datetime(2026, 3, 5, 2, 0, tzinfo=UTC), "decision": "returned",
            "comment": "请补充客户的预算"}
    for _ in range(2):  # the same event handled twice tells once
        decisions.tell_review(uow, MANAGER, NOW, event_id="e-1", event_type="visit.reviewed", data=data)
    [notice] = inbox_of(uow, DEV)
    assert (notice["kind"], notice["title"]) == ("decision", "拜访报告被退回")
    assert notice["body"] == "您的拜访报告「王丽 · 2026-03-05 10:00」被退回修改：请补充客户的预算"
    assert notice["subject"] == {"type": "visit", "id": "v-1"} and inbox_of(uow, MANAGER) == []


def test_an_accepted_reception_report_is_told_to_its_host(uow):
    data = {"reception_id": "r-1", "host_id": "dev-1", "customer_id": "c-1", "reviewed_by": "m-1",
            "scheduled_at": datetime(2026, 3, 4, 6, 0, tzinfo=UTC), "decision": "accepted", "comment": None}
    decisions.tell_review(uow, MANAGER, NOW, event_id="e-2", event_type="reception.reviewed", data=data)
    assert [(n["title"], n["body"]) for n in inbox_of(uow, DEV)] == [
        ("接待报告已通过检查", "您的接待报告「王丽 · 2026-03-04 14:00」已通过检查")]
