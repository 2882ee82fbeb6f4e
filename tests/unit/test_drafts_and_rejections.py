"""Drafts and rejections on a fake unit of work, for every kind of item a manager decides: a draft is
edited and withdrawn by its owner only (409 once submitted); a rejected item is taken back as a draft,
revised and submitted again."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.customers.models import metadata as customers_metadata
from services.events.handlers import events
from services.events.models import metadata as events_metadata
from services.reception.handlers import receptions
from services.reception.models import metadata as reception_metadata
from services.visits.handlers import claims, visits
from services.visits.models import metadata as visits_metadata
from tests.unit import test_customers_handlers as customers_case
from tests.unit import test_reception_handlers as reception_case
from tests.unit import test_visits_claim_handlers as claims_case

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
DEV, OTHER, MANAGER = Actor("dev-1", "developer"), Actor("dev-2", "developer"), Actor("m-1", "manager")
PLANNER, PLANNER2 = Actor("p-1", "planner"), Actor("p-2", "planner")
NO_GIFT = FakeRemote(suggest_gift=lambda category: {"category": category})
CUSTOMER = FakeRemote(customer_summary=lambda customer_id: {"id": customer_id, "name": "王丽", "category": None})


def fake(metadata):
    return FakeUnitOfWork(metadata)


def a_visit(uow):
    data = {"customer_id": "c1", "planned_at": NOW + timedelta(days=2), "place": "客户家中", "method": "in_person",
            "budget": Decimal("800.00")}
    return visits.plan_visit(uow, DEV, NOW, data=data, customers=CUSTOMER, catalog=NO_GIFT)


def test_a_draft_visit_is_edited_and_withdrawn_by_its_visitor_only():
    with fake(visits_metadata) as uow:
        visit = a_visit(uow)
        assert visit["actions"] == ["submit", "edit", "withdraw"]
        assert visits.get_visit(uow.session, MANAGER, NOW, visit_id=visit["id"])["actions"] == ["support"]
        with pytest.raises(Forbidden):
            visits.withdraw_visit(uow, MANAGER, NOW, visit_id=visit["id"])
        with pytest.raises(Forbidden):
            visits.edit_visit(uow, MANAGER, NOW, visit_id=visit["id"], changes={"place": "公司"}, catalog=NO_GIFT)
        withdrawn = visits.withdraw_visit(uow, DEV, NOW, visit_id=visit["id"])
        assert (withdrawn["status"], withdrawn["actions"]) == ("withdrawn", [])
        assert uow.published == []  # nobody else knew of the draft


def test_a_submitted_visit_is_no_longer_edited_or_withdrawn():
    with fake(visits_metadata) as uow:
        visit = a_visit(uow)
        visits.submit_visit(uow, DEV, NOW, visit_id=visit["id"], max_discount=Decimal("0.1"))
        for attempt in (lambda: visits.withdraw_visit(uow, DEV, NOW, visit_id=visit["id"]),
                        lambda: visits.edit_visit(uow, DEV, NOW, visit_id=visit["id"], changes={"place": "公司"},
                                                  catalog=NO_GIFT)):
            with pytest.raises(Conflict) as refused:
                attempt()
            assert refused.value.error_code == "not_a_draft"


def test_a_rejected_item_can_be_revised_and_submitted_again_visit():
    with fake(visits_metadata) as uow:
        visit = a_visit(uow)
        visits.submit_visit(uow, DEV, NOW, visit_id=visit["id"], max_discount=Decimal("0.1"))
        with pytest.raises(InvalidTransition):
            visits.redraft_visit(uow, DEV, NOW, visit_id=visit["id"])
        rejected = visits.reject_visit(uow, MANAGER, NOW, visit_id=visit["id"], reason="请改期")
        assert visits.get_visit(uow.session, DEV, NOW, visit_id=visit["id"])["actions"] == ["redraft"]
        assert rejected["actions"] == []
        with pytest.raises(Forbidden):
            visits.redraft_visit(uow, MANAGER, NOW, visit_id=visit["id"])
        draft = visits.redraft_visit(uow, DEV, NOW, visit_id=visit["id"])
        assert (draft["status"], draft["rejection_reason"]) == ("draft", "请改期")
        visits.edit_visit(uow, DEV, NOW, visit_id=visit["id"], changes={"place": "公司商务室"}, catalog=NO_GIFT)
        again = visits.submit_visit(uow, DEV, NOW, visit_id=visit["id"], max_discount=Decimal("0.1"))
        assert (again["status"], again["place"]) == ("pending_approval", "公司商务室")
        assert uow.published_types() == ["visit.submitted", "visit.rejected", "visit.submitted"]
        assert uow.published[1]["data"]["reason"] == "请改期"


def test_a_claims_lines_are_edited_as_a_draft_and_its_total_follows_them():
    with fake(visits_metadata) as uow:
        claims_case.add_visit(uow)
        claim = claims_case.opened(uow)
        lines = [{"category": "meal", "amount": Decimal("320.00"), "note": "午餐"},
                 {"category": "travel", "amount": Decimal("86.50"), "note": None}]
        with pytest.raises(Forbidden):
            claims.edit_claim(uow, MANAGER, NOW, claim_id=claim["id"], changes={"items": lines})
        edited = claims.edit_claim(uow, DEV, NOW, claim_id=claim["id"], changes={"items": lines})
        assert edited["total"] == Decimal("406.50") and [item["amount"] for item in edited["items"]] == [
            Decimal("320.00"), Decimal("86.50")]
        claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **claims_case.remotes())
        with pytest.raises(Conflict) as refused:
            claims.edit_claim(uow, DEV, NOW, claim_id=claim["id"], changes={"items": lines})
        assert refused.value.error_code == "not_a_draft"


def test_a_rejected_item_can_be_revised_and_submitted_again_claim():
    """The total is held against the funding anew when the revised claim is submitted again."""
    with fake(visits_metadata) as uow:
        claims_case.add_visit(uow, funded=Decimal("500.00"))
        claim = claims_case.opened(uow, amount="600.00")
        assert claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **claims_case.remotes())["over_funded"]
        claims.reject_claim(uow, MANAGER, NOW, claim_id=claim["id"], reason="超出批准经费")
        draft = claims.redraft_claim(uow, DEV, NOW, claim_id=claim["id"])
        assert (draft["status"], draft["reason"], draft["actions"]) == ("draft", "超出批准经费",
                                                                         ["submit", "edit", "withdraw"])
        claims.edit_claim(uow, DEV, NOW, claim_id=claim["id"], changes={"items": [
            {"category": "meal", "amount": Decimal("450.00"), "note": "午餐"}]})
        again = claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **claims_case.remotes())
        assert (again["status"], again["total"], again["over_funded"]) == ("submitted", Decimal("450.00"), False)
        approved = claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None,
                                        reception=FakeRemote())
        assert approved["reason"] is None


def test_a_draft_claim_is_withdrawn_by_its_claimant_only():
    with fake(visits_metadata) as uow:
        claims_case.add_visit(uow)
        claim = claims_case.opened(uow)
        with pytest.raises(Forbidden):
            claims.withdraw_claim(uow, MANAGER, NOW, claim_id=claim["id"])
        assert claims.withdraw_claim(uow, DEV, NOW, claim_id=claim["id"])["status"] == "withdrawn"
        with pytest.raises(Conflict):
            claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **claims_case.remotes())


def test_a_draft_reception_is_edited_and_withdrawn_by_its_host_only():
    with fake(reception_metadata) as uow:
        reception = reception_case.create(uow)
        with pytest.raises(Forbidden):
            receptions.revise_reception(uow, MANAGER, NOW, reception_id=reception["id"], changes={"party_size": 3})
        with pytest.raises(Forbidden):
            receptions.withdraw_reception(uow, MANAGER, NOW, reception_id=reception["id"])
        assert receptions.revise_reception(uow, reception_case.DEV1, NOW, reception_id=reception["id"],
                                           changes={"party_size": 3})["party_size"] == 3
        withdrawn = receptions.withdraw_reception(uow, reception_case.DEV1, NOW, reception_id=reception["id"])
        assert (withdrawn["status"], withdrawn["actions"]) == ("withdrawn", [])


def test_a_rejected_item_can_be_revised_and_submitted_again_reception():
    with fake(reception_metadata) as uow:
        reception = reception_case.create(uow)
        host = reception_case.DEV1
        receptions.submit_reception(uow, host, NOW, reception_id=reception["id"])
        with pytest.raises(Conflict) as refused:
            receptions.withdraw_reception(uow, host, NOW, reception_id=reception["id"])
        assert refused.value.error_code == "not_a_draft"
        receptions.reject_reception(uow, MANAGER, NOW, reception_id=reception["id"], data={"reason": "商务室已满"})
        assert receptions.get_reception(uow.session, host, NOW, reception_id=reception["id"])["actions"] == ["redraft"]
        draft = receptions.redraft_reception(uow, host, NOW, reception_id=reception["id"])
        assert (draft["status"], draft["reason"]) == ("draft", "商务室已满")
        receptions.revise_reception(uow, host, NOW, reception_id=reception["id"],
                                    changes={"scheduled_at": NOW + timedelta(days=5)})
        assert receptions.submit_reception(uow, host, NOW, reception_id=reception["id"])["status"] == "pending_approval"


def an_event(uow):
    starts = NOW + timedelta(days=20)
    return events.create_event(uow, PLANNER, NOW, data={
        "title": "春季品鉴会", "kind": "appraisal_salon", "starts_at": starts, "ends_at": starts + timedelta(hours=3),
        "venue": "总部品鉴厅", "capacity": 30, "budget": Decimal("30000.00"), "description": None})


def test_a_draft_event_is_edited_and_withdrawn_by_its_planner_only():
    with fake(events_metadata) as uow:
        event = an_event(uow)
        with pytest.raises(Forbidden):
            events.edit_event(uow, PLANNER2, NOW, event_id=event["id"], changes={"capacity": 40})
        assert events.edit_event(uow, PLANNER, NOW, event_id=event["id"], changes={"capacity": 40})["capacity"] == 40
        with pytest.raises(Invalid):
            events.edit_event(uow, PLANNER, NOW, event_id=event["id"],
                              changes={"ends_at": NOW + timedelta(days=19)})
        with pytest.raises(Forbidden):
            events.withdraw_event(uow, MANAGER, NOW, event_id=event["id"])
        assert events.withdraw_event(uow, PLANNER, NOW, event_id=event["id"])["status"] == "withdrawn"


def test_a_rejected_item_can_be_revised_and_submitted_again_event():
    with fake(events_metadata) as uow:
        event = an_event(uow)
        events.submit_event(uow, PLANNER, NOW, event_id=event["id"])
        with pytest.raises(Conflict):
            events.edit_event(uow, PLANNER, NOW, event_id=event["id"], changes={"capacity": 40})
        events.reject_event(uow, MANAGER, NOW, event_id=event["id"], data={"reason": "与周年庆撞期"})
        assert events.get_event(uow.session, PLANNER, NOW, event_id=event["id"])["actions"] == ["redraft"]
        draft = events.redraft_event(uow, PLANNER, NOW, event_id=event["id"])
        moved = NOW + timedelta(days=30)
        events.edit_event(uow, PLANNER, NOW, event_id=event["id"],
                          changes={"starts_at": moved, "ends_at": moved + timedelta(hours=2)})
        assert draft["reason"] == "与周年庆撞期"
        assert events.submit_event(uow, PLANNER, NOW, event_id=event["id"])["status"] == "pending_approval"
        approved = events.approve_event(uow, MANAGER, NOW, event_id=event["id"], data={"funded_amount": Decimal("1")})
        assert approved["reason"] is None


def a_plan(uow):
    customer = customers_case.register(uow)
    customers_case.development.record_assessment(uow, customers_case.OWNER, NOW, customer_id=customer["id"], data={
        "expected_revenue": Decimal("180000"), "expected_profit": Decimal("54000"),
        "costs": {"staff": Decimal("4000")}, "risk_factor": Decimal("0.4")})
    return customers_case.development.create_development_plan(uow, customers_case.OWNER, NOW, data={
        "customer_id": customer["id"], "methods": ["visit"], "plan": "约茶叙", "budget": Decimal("2000.00")})


def test_a_draft_plan_is_edited_and_withdrawn_by_its_developer_only():
    development = customers_case.development
    with fake(customers_metadata) as uow:
        plan = a_plan(uow)
        with pytest.raises(Forbidden):
            development.edit_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], changes={"budget": Decimal("1")})
        with pytest.raises(Forbidden):
            development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="withdraw")
        edited = development.edit_development_plan(uow, DEV, NOW, plan_id=plan["id"],
                                                   changes={"budget": Decimal("1500.00"), "plan": "约茶叙并赠送保养券"})
        assert (edited["budget"], edited["plan"]) == (Decimal("1500.00"), "约茶叙并赠送保养券")
        withdrawn = development.move_development_plan(uow, DEV, NOW, plan_id=plan["id"], action="withdraw")
        assert (withdrawn["status"], withdrawn["actions"]) == ("withdrawn", [])
        assert "development_plan.submitted" not in uow.published_types()


def test_a_rejected_item_can_be_revised_and_submitted_again_plan():
    development = customers_case.development
    with fake(customers_metadata) as uow:
        plan = a_plan(uow)
        development.move_development_plan(uow, DEV, NOW, plan_id=plan["id"], action="submit")
        with pytest.raises(Conflict) as refused:
            development.edit_development_plan(uow, DEV, NOW, plan_id=plan["id"], changes={"budget": Decimal("1")})
        assert refused.value.error_code == "not_a_draft"
        development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="reject", reason="预算偏高")
        assert development.get_development_plan(uow.session, DEV, NOW, plan_id=plan["id"])["actions"] == ["redraft"]
        draft = development.move_development_plan(uow, DEV, NOW, plan_id=plan["id"], action="redraft")
        assert (draft["status"], draft["reason"]) == ("draft", "预算偏高")
        development.edit_development_plan(uow, DEV, NOW, plan_id=plan["id"], changes={"budget": Decimal("900.00")})
        again = development.move_development_plan(uow, DEV, NOW, plan_id=plan["id"], action="submit")
        assert (again["status"], again["budget"]) == ("pending_approval", Decimal("900.00"))
        approved = development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="approve")
        assert approved["reason"] is None
