"""Receptions: the plan's arrangements, the status machine, and who may see or change one."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.identity import Actor
from services.reception.domain.access import ensure_may
from services.reception.domain.receptions import SEEN, WORKFLOW, plan_reception

NOW = datetime(2026, 5, 10, 2, 0, tzinfo=UTC)
CUSTOMER = {"id": "c-1", "owner_id": "dev-1", "name": "王丽"}


def planned(**arrangements):
    data = {"scheduled_at": NOW + timedelta(days=3), "party_size": 2, "needs": "结婚十周年钻戒",
            "location": "总部", "hosts": ["张敏", "李华"], "arrangements": arrangements}
    return plan_reception(id="r-1", customer=CUSTOMER, host_id="dev-1", data=data, now=NOW)


def test_a_reception_starts_as_a_draft_hosted_by_its_creator():
    reception = planned(business_lounge="3号商务室", refreshments=["茶水", "甜点"])
    assert reception.status == "draft" and reception.host_id == "dev-1"
    assert reception.customer_owner_id == "dev-1"
    assert reception.arrangements["refreshments"] == ["茶水", "甜点"]


def test_a_meal_out_needs_an_accompanying_senior_leader():
    with pytest.raises(Invalid) as raised:
        planned(meal_out={"venue": "香格里拉夏宫", "accompanying_leader": " "})
    assert "meal_out" in raised.value.errors["arrangements"]
    assert planned(meal_out={"venue": "香格里拉夏宫", "accompanying_leader": "刘总"}).status == "draft"


def test_reception_goes_draft_pending_approved_reported():
    reception = planned()
    reception.submit(NOW)
    reception.approve("m-1", Decimal("3000.00"), NOW)
    assert (reception.status, reception.funded_amount, reception.approver_id) == ("approved", Decimal("3000.00"), "m-1")
    reception.record_report({"experience": "满意", "outcome": "deal"}, NOW)
    assert reception.status == "reported" and reception.reported_at == NOW


def test_approval_without_funding_is_allowed():
    reception = planned()
    reception.submit(NOW)
    reception.approve("m-1", None, NOW)
    assert reception.status == "approved" and reception.funded_amount is None


def test_no_report_before_approval():
    for steps in ([], ["submit"], ["submit", "reject"]):
        reception = planned()
        for step in steps:
            reception.submit(NOW) if step == "submit" else reception.reject("m-1", "预算不足", NOW)
        with pytest.raises(InvalidTransition):
            reception.record_report({"experience": "满意", "outcome": "deal"}, NOW)


def test_repeating_a_transition_is_invalid():
    reception = planned()
    reception.submit(NOW)
    with pytest.raises(InvalidTransition):
        reception.submit(NOW)
    reception.approve("m-1", None, NOW)
    with pytest.raises(InvalidTransition):
        reception.approve("m-1", None, NOW)
    with pytest.raises(InvalidTransition):
        reception.reject("m-1", "迟了", NOW)


def test_a_developer_sees_only_their_own_or_their_customers_records():
    record = {"host_id": "dev-1", "customer_owner_id": "dev-9"}
    SEEN.ensure(Actor("dev-1", "developer"), record)
    SEEN.ensure(Actor("dev-9", "developer"), record)
    for everyone in ("analyst", "manager", "coordinator", "planner"):
        SEEN.ensure(Actor("x-1", everyone), record)
    for stranger in (Actor("dev-2", "developer"), Actor("root", "admin")):
        with pytest.raises(NotFound):
            SEEN.ensure(stranger, record)


def test_only_managers_approve_receptions():
    pending = {"status": "pending_approval", "host_id": "dev-1", "customer_owner_id": "dev-1"}
    with pytest.raises(Forbidden):
        ensure_may(WORKFLOW, Actor("dev-1", "developer"), SEEN.ensure(Actor("dev-1", "developer"), pending), "approve")
    with pytest.raises(NotFound):
        SEEN.ensure(Actor("dev-2", "developer"), pending)
    ensure_may(WORKFLOW, Actor("m-1", "manager"), SEEN.ensure(Actor("m-1", "manager"), pending), "approve")
    assert WORKFLOW.actions(Actor("m-1", "manager"), pending) == ["approve", "reject"]
    assert WORKFLOW.actions(Actor("dev-1", "developer"), pending) == []


def test_the_plan_changes_only_while_a_draft():
    reception = planned()
    reception.revise({"party_size": 4, "arrangements": {"business_lounge": "1号商务室", "refreshments": ["茶水"]}}, NOW)
    assert reception.party_size == 4 and reception.arrangements["business_lounge"] == "1号商务室"
    with pytest.raises(Invalid):
        reception.revise({"arrangements": {"meal_out": {"venue": "夏宫", "accompanying_leader": None}}}, NOW)
    reception.submit(NOW)
    with pytest.raises(Conflict) as raised:
        reception.revise({"party_size": 5}, NOW)
    assert raised.value.error_code == "plan_locked" and reception.party_size == 4


def test_revising_a_reception_changes_only_its_editable_fields():
    reception = planned()
    for fixed in ({"status": "approved"}, {"host_id": "dev-2"}, {"funded_amount": Decimal("1")}, {"id": "r-2"}):
        with pytest.raises(Invalid) as raised:
            reception.revise({"party_size": 6, **fixed}, NOW)
        assert set(raised.value.errors) == set(fixed)
    assert (reception.status, reception.host_id, reception.funded_amount, reception.id) == ("draft", "dev-1", None, "r-1")
    assert reception.party_size == 2
    reception.revise({"party_size": 6, "needs": "夫妇与女儿同来", "hosts": ["张敏"]}, NOW + timedelta(hours=1))
    assert (reception.party_size, reception.needs, reception.hosts) == (6, "夫妇与女儿同来", ["张敏"])
    assert reception.updated_at == NOW + timedelta(hours=1)
