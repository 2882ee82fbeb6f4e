"""The visits service in a nameko container on the real RabbitMQ and PostgreSQL, with stand-ins for the
customers and reception RPCs it calls (same names and signatures as promised in the brief). Replies come
back dumped (times and money as text), events are built from their producer's contract."""
import base64
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import eventlet
import pytest
from sqlalchemy import select

from kam import testing
from kam.errors import Conflict, InvalidTransition, NotFound
from kam.service import CurrentActor, rpc
from services.visits.models import visits
from services.visits.service import VisitsService

DEV1 = {"user_id": "dev-1", "role": "developer"}
DEV2 = {"user_id": "dev-2", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}
COORDINATOR = {"user_id": "co-1", "role": "coordinator"}
NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
CUSTOMERS = {"c1": {"id": "c1", "name": "王丽", "kind": "person", "category": "high_value", "owner_id": "dev-1"}}
PLANS = {"p1": {"id": "p1", "customer_id": "c1", "developer_id": "dev-1", "status": "approved",
                "budget": Decimal("1000.00")}}
RECEPTIONS = {"r1": {"id": "r1", "customer_id": "c1", "host_id": "dev-1", "status": "approved",
                     "funded_amount": Decimal("300.00")}}


def _visible(actor, record, owner_key):
    if record is None or (actor.role == "developer" and record[owner_key] != actor.user_id):
        raise NotFound("no such record")
    return record


class CustomersStandIn:
    name = "customers"
    actor = CurrentActor()

    @rpc
    def customer_summary(self, customer_id):
        return _visible(self.actor, CUSTOMERS.get(customer_id), "owner_id")

    @rpc
    def get_development_plan(self, plan_id):
        return _visible(self.actor, PLANS.get(plan_id), "developer_id")


class ReceptionStandIn:
    name = "reception"
    actor = CurrentActor()

    @rpc
    def get_reception(self, reception_id):
        return _visible(self.actor, RECEPTIONS.get(reception_id), "host_id")


class CatalogStandIn:
    """The analyst's gift rule for high-value customers; other categories have none yet."""

    name = "catalog"

    @rpc
    def suggest_gift(self, category):
        if category == "high_value":
            return {"category": category, "product_id": "p-gift-2", "name": "淡水珍珠胸针礼盒"}
        return {"category": category}


@pytest.fixture
def system(service_harness):
    return service_harness(VisitsService, CustomersStandIn, ReceptionStandIn, CatalogStandIn, now=NOW)


def at(text):
    return datetime.fromisoformat(text)


def plan(system, actor=DEV1, **overrides):
    data = {"customer_id": "c1", "planned_at": NOW + timedelta(days=2), "place": "客户家中", "method": "in_person",
            "objectives": "介绍结婚周年克拉钻", "companions": ["王芳"], "budget": Decimal("800.00"),
            "preparation": {"products": ["1克拉钻戒"], "offers": [{"product": "1克拉钻戒", "discount": Decimal("0.08")}],
                            "transport": {"company_car": True, "note": None}}, **overrides}
    with system.as_(actor) as service:
        return service.plan_visit(data)


def summarized_visit(system, occurred_at=NOW - timedelta(hours=3)):
    visit = plan(system, planned_at=NOW - timedelta(hours=4))
    with system.as_(DEV1) as developer, system.as_(MANAGER) as manager:
        developer.submit_visit(visit["id"])
        manager.approve_visit(visit["id"], Decimal("500.00"))
        developer.record_visit(visit["id"], {"occurred_at": occurred_at, "talking_points": "克拉钻与定制"})
        return developer.summarize_visit(visit["id"], "客户意向明确，邀请到店品鉴")


def test_a_developer_plans_visits_only_for_customers_they_can_see(system):
    with pytest.raises(NotFound):
        plan(system, actor=DEV2)
    visit = plan(system)
    assert visit["status"] == "draft" and visit["visitor_id"] == "dev-1" and visit["customer_name"] == "王丽"
    assert (visit["preparation"]["gift"], visit["preparation"]["gift_product_id"]) == ("淡水珍珠胸针礼盒", "p-gift-2")


def test_get_visit_is_the_promised_rpc_and_keeps_other_developers_out(system):
    visit = plan(system)
    with system.as_(DEV1) as developer:
        assert developer.get_visit(visit["id"])["funded_amount"] is None
    with system.as_(DEV2) as other, pytest.raises(NotFound):
        other.get_visit(visit["id"])


def test_each_step_of_a_visit_publishes_its_event_and_the_callback_falls_due_a_week_later(system):
    occurred_at = NOW - timedelta(hours=3)
    visit = summarized_visit(system, occurred_at)
    assert visit["status"] == "summarized"
    assert at(visit["callback"]["due_at"]) == occurred_at + timedelta(days=7)
    types = [event["type"] for event in system.events()]
    assert types == ["visit.submitted", "visit.approved", "visit.completed", "visit.summarized"]
    completed = system.events()[2]["data"]
    assert completed["visitor_id"] == "dev-1" and completed["customer_id"] == "c1"
    assert datetime.fromisoformat(completed["occurred_at"]) == occurred_at


def test_offers_beyond_authority_cannot_be_submitted(system):
    visit = plan(system, preparation={"offers": [{"product": "钻戒", "discount": Decimal("0.25")}]})
    with system.as_(DEV1) as developer, pytest.raises(Conflict) as refused:
        developer.submit_visit(visit["id"])
    assert refused.value.error_code == "discount_exceeds_authority"


def test_the_callback_shows_done_once_its_task_is_completed(system):
    visit = summarized_visit(system)
    data = {"task_id": "t1", "kind": "callback", "subject": {"type": "visit", "id": visit["id"]},
            "customer_id": "c1", "assignee_id": "dev-1", "due_at": NOW + timedelta(days=7),
            "completed_at": NOW + timedelta(days=3), "on_time": True}
    system.publish("task.completed", data)
    second = system.publish("task.completed", {**data, "task_id": "t2", "completed_at": NOW + timedelta(days=20),
                                               "on_time": False})

    def done():
        with system.as_(DEV1) as developer:
            callback = developer.get_visit(visit["id"])["callback"]
            return callback if callback["status"] == "done" else None

    callback = testing.wait_until(done, timeout=10, message="the callback to be done")
    system.applied(second)  # the second completion has arrived; it must change nothing
    with system.as_(DEV1) as developer:
        assert developer.get_visit(visit["id"])["callback"] == callback
    assert at(callback["done_at"]) == NOW + timedelta(days=3) and callback["on_time"] is True


def test_no_visit_summary_no_reimbursement(system):
    visit = plan(system, planned_at=NOW - timedelta(hours=4))
    with system.as_(DEV1) as developer, system.as_(MANAGER) as manager:
        developer.submit_visit(visit["id"])
        manager.approve_visit(visit["id"], Decimal("500.00"))
        developer.record_visit(visit["id"], {"occurred_at": NOW - timedelta(hours=1)})
        claim = developer.open_claim({"subject": {"type": "visit", "id": visit["id"]},
                                      "items": [{"category": "travel", "amount": Decimal("60.00")}]})
        with pytest.raises(Conflict) as refused:
            developer.submit_claim(claim["id"])
    assert refused.value.error_code == "summary_required"


def test_no_reception_report_no_reimbursement(system):
    with system.as_(DEV1) as developer:
        claim = developer.open_claim({"subject": {"type": "reception", "id": "r1"},
                                      "items": [{"category": "meal", "amount": Decimal("200.00")}]})
        with pytest.raises(Conflict) as refused:
            developer.submit_claim(claim["id"])
        assert refused.value.error_code == "report_required"
        RECEPTIONS["r1"]["status"] = "reported"
        try:
            assert developer.submit_claim(claim["id"])["status"] == "submitted"
        finally:
            RECEPTIONS["r1"]["status"] = "approved"


def test_a_development_plan_claim_is_funded_by_the_plans_budget_and_only_its_developer_claims(system):
    with system.as_(DEV2) as other, pytest.raises(NotFound):
        other.open_claim({"subject": {"type": "development_plan", "id": "p1"},
                          "items": [{"category": "pr", "amount": Decimal("10.00")}]})
    with system.as_(DEV1) as developer:
        claim = developer.open_claim({"subject": {"type": "development_plan", "id": "p1"},
                                      "items": [{"category": "pr", "amount": Decimal("1200.00")}]})
        claim = developer.submit_claim(claim["id"])
    assert Decimal(claim["funded_amount"]) == Decimal("1000.00") and claim["over_funded"] is True
    with system.as_(MANAGER) as manager:
        with pytest.raises(Conflict) as refused:
            manager.approve_claim(claim["id"])
        assert refused.value.error_code == "over_funded_amount"
        approved = manager.approve_claim(claim["id"], "年度重点客户，同意超出预算")
    assert approved["override_reason"] == "年度重点客户，同意超出预算"


def test_a_claim_is_reimbursed_once_only_even_under_two_concurrent_requests(system):
    visit = summarized_visit(system)
    with system.as_(DEV1) as developer, system.as_(MANAGER) as manager:
        claim = developer.open_claim({"subject": {"type": "visit", "id": visit["id"]},
                                      "items": [{"category": "gift", "amount": Decimal("380.00"), "note": "礼盒"}]})
        developer.submit_claim(claim["id"])
        with pytest.raises(Conflict) as refused:
            manager.approve_claim(claim["id"])
        assert refused.value.error_code == "review_required"
        assert manager.review_visit(visit["id"], {"decision": "accepted"})["review"]["status"] == "accepted"
        manager.approve_claim(claim["id"])

    def reimburse():
        with system.as_(MANAGER) as manager:
            try:
                return manager.reimburse_claim(claim["id"])["status"]
            except InvalidTransition:
                return "refused"

    outcomes = sorted(eventlet.GreenPool().imap(lambda _: reimburse(), range(2)))
    assert outcomes == ["refused", "reimbursed"]
    reimbursed = [event for event in system.events() if event["type"] == "expense_claim.reimbursed"]
    assert len(reimbursed) == 1 and reimbursed[0]["data"]["total"] == "380.00"


def test_receipts_are_stored_under_the_data_dir_and_shown_to_those_who_see_the_claim(system):
    visit = summarized_visit(system)
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    with system.as_(DEV1) as developer:
        claim = developer.open_claim({"subject": {"type": "visit", "id": visit["id"]},
                                      "items": [{"category": "travel", "amount": Decimal("50.00")}]})
        receipt = developer.attach_receipt(claim["id"], {"filename": "发票.png", "content_type": "image/png",
                                                         "content_b64": base64.b64encode(png).decode()})
        assert developer.get_claim(claim["id"])["receipts"][0]["id"] == receipt["id"]
    assert (system.settings.data_dir / "receipts" / claim["id"] / f"{receipt['id']}.png").read_bytes() == png
    with system.as_(MANAGER) as manager:
        assert base64.b64decode(manager.read_receipt(claim["id"], receipt["id"])["content_b64"]) == png
    with system.as_(DEV2) as other, pytest.raises(NotFound):
        other.read_receipt(claim["id"], receipt["id"])


def test_the_coordinator_sees_approved_visits_and_receptions_of_the_coming_days(system):
    soon = plan(system, planned_at=NOW + timedelta(days=1))
    later = plan(system, planned_at=NOW + timedelta(days=20))
    with system.as_(DEV1) as developer, system.as_(MANAGER) as manager:
        for visit in (soon, later):
            developer.submit_visit(visit["id"])
            manager.approve_visit(visit["id"], Decimal("300.00"))
    system.publish("reception.approved", {"reception_id": "r9", "customer_id": "c1", "host_id": "dev-1",
                                          "scheduled_at": NOW + timedelta(days=3), "party_size": 4,
                                          "funded_amount": None})

    def listed():
        with system.as_(COORDINATOR) as coordinator:
            items = coordinator.list_logistics(7)["items"]
            return items if len(items) == 2 else None

    first, second = testing.wait_until(listed, timeout=10, message="the reception in the coordinator's view")
    assert (first["type"], first["id"], first["company_car"], first["party_size"]) == ("visit", soon["id"], True, 2)
    assert first["gift"] == "淡水珍珠胸针礼盒" and first["people"] == ["dev-1", "王芳"]
    assert (second["type"], second["id"], second["party_size"]) == ("reception", "r9", 4)


def test_a_customers_erasure_removes_names_and_free_text_and_keeps_the_figures(system):
    visit = summarized_visit(system)
    with system.as_(MANAGER) as manager:
        assert manager.export_customer("c1")["visits"][0]["summary"] == "客户意向明确，邀请到店品鉴"
    system.applied(system.publish("customer.erased", {"customer_id": "c1"}))
    row = visit_row(system, visit["id"])
    assert row["customer_name"] is None
    assert row["summary"] is None and row["talking_points"] is None
    assert row["funded_amount"] == Decimal("500.00") and row["status"] == "summarized"


def test_a_visit_shows_its_customer_as_the_customer_now_is(system):
    visit = plan(system)
    renamed = {**CUSTOMERS["c1"], "customer_id": "c1", "name": "王丽华", "category": "important", "stage": "visited",
               "changed": ["category", "name"]}
    system.applied(system.publish("customer.updated", renamed))
    with system.as_(DEV1) as developer:
        assert developer.get_visit(visit["id"])["customer_name"] == "王丽华"
    assert visit_row(system, visit["id"])["customer_category"] == "important"


def visit_row(system, visit_id):
    store = system.store()
    try:
        with store.session() as session:
            return session.execute(select(visits).where(visits.c.id == visit_id)).mappings().one()
    finally:
        store.close()
