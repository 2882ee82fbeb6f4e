"""The reception service in nameko on the real RabbitMQ and PostgreSQL, with stand-ins for the
customers, visits and catalog services (same names and method signatures as the brief promises them)."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from kombu import Connection
from nameko.rpc import rpc

from kam import testing, topology
from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.relay import OutboxRelay
from kam.service import CurrentActor
from services.reception.models import metadata
from services.reception.service import ReceptionService

DEV1 = {"user_id": "dev-1", "role": "developer"}
DEV2 = {"user_id": "dev-2", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}
NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
CUSTOMERS = {"c-1": {"id": "c-1", "name": "王丽", "owner_id": "dev-1", "stage": "visited"},
             "c-2": {"id": "c-2", "name": "刘建国", "owner_id": "dev-2", "stage": "visited"}}
VISITS = {"v-done": {"id": "v-done", "customer_id": "c-1", "visitor_id": "dev-1", "status": "completed"},
          "v-approved": {"id": "v-approved", "customer_id": "c-1", "visitor_id": "dev-1", "status": "approved"},
          "v-other": {"id": "v-other", "customer_id": "c-2", "visitor_id": "dev-2", "status": "summarized"}}
RING = {"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1, "unit_price": Decimal("68800.00")}


class StandInCustomers:
    name = "customers"
    actor = CurrentActor()

    @rpc
    def customer_summary(self, customer_id):
        customer = CUSTOMERS.get(customer_id)
        if customer is None or not (self.actor.is_manager or customer["owner_id"] == self.actor.user_id):
            raise NotFound("no such customer")
        return customer


class StandInVisits:
    name = "visits"

    @rpc
    def get_visit(self, visit_id):
        if visit_id not in VISITS:
            raise NotFound("no such visit")
        return VISITS[visit_id]


class StandInCatalog:
    """A catalog that stocks none of the skus: every item stays free text."""

    name = "catalog"

    @rpc
    def claim_items_for_deal(self, deal_id, customer_id, items):
        return {"deal_id": deal_id, "items": [{"sku": item["sku"], "in_catalog": False} for item in items]}

    @rpc
    def release_deal_items(self, deal_id):
        return {"deal_id": deal_id, "released": 0}


@pytest.fixture
def harness(service_harness):
    return service_harness(ReceptionService, StandInCustomers, StandInVisits, StandInCatalog, now=NOW)


def published(harness, event_type):
    return [envelope["data"] for envelope in harness.events() if envelope["type"] == event_type]


def reception_data(customer_id="c-1", **extra):
    return {"customer_id": customer_id, "scheduled_at": NOW + timedelta(days=2), "party_size": 2,
            "needs": "结婚十周年，想看1克拉以上钻戒", "location": "总部", "hosts": ["张敏", "李华"],
            "arrangements": {"business_lounge": "3号商务室", "refreshments": ["茶水", "甜点"]}, **extra}


def approved_reception(harness):
    with harness.as_(DEV1) as dev, harness.as_(MANAGER) as manager:
        created = dev.create_reception(reception_data())
        dev.submit_reception(created["id"])
        return manager.approve_reception(created["id"], {"funded_amount": Decimal("3000.00")})


def deal_data(origin_type, origin_id, customer_id="c-1", **extra):
    return {"customer_id": customer_id, "origin": {"type": origin_type, "id": origin_id}, "items": [RING],
            "discount": Decimal("3800.00"), "delivery": {"method": "pickup"}, **extra}


def test_a_developer_only_plans_receptions_for_customers_they_can_see(harness):
    with harness.as_(DEV1) as dev:
        with pytest.raises(NotFound):
            dev.create_reception(reception_data("c-2"))
        assert dev.create_reception(reception_data())["status"] == "draft"
    with harness.as_({"user_id": "a-1", "role": "analyst"}) as analyst, pytest.raises(Forbidden):
        analyst.create_reception(reception_data())


def test_reception_steps_publish_their_events(harness):
    approved = approved_reception(harness)
    with harness.as_(DEV1) as dev:
        reported = dev.report_reception(approved["id"], {
            "experience": "客户对商务室环境满意，品鉴前沟通充分", "outcome": "deal", "notes": None,
            "products_viewed": [{"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指", "interest": "high"}]})
    assert reported["status"] == "reported" and reported["report"]["reported_at"] == NOW.isoformat()
    [submitted] = published(harness, "reception.submitted")
    [approval] = published(harness, "reception.approved")
    [report] = published(harness, "reception.reported")
    assert submitted["host_id"] == "dev-1" and submitted["party_size"] == 2
    assert approval["funded_amount"] == "3000.00" and approval["approver_id"] == "m-1"
    assert report == {"reception_id": approved["id"], "customer_id": "c-1", "host_id": "dev-1",
                      "reported_at": NOW.isoformat(), "outcome": "deal"}
    with Connection(harness.settings.amqp_uri) as connection:  # a listener of every event, so the relay may publish
        topology.handler_queue("test", "every_event", ["#"])(connection.default_channel).declare()
    assert OutboxRelay("reception", metadata, harness.settings).drain() == 3
    assert testing.queue_depth(harness.settings.amqp_uri, "kam.test.every_event") == 3


def test_report_only_after_approval_over_rpc(harness):
    with harness.as_(DEV1) as dev, harness.as_(MANAGER) as manager:
        created = dev.create_reception(reception_data())
        with pytest.raises(InvalidTransition):
            dev.report_reception(created["id"], {"experience": "好", "outcome": "deal"})
        dev.submit_reception(created["id"])
        with pytest.raises(Forbidden):
            dev.approve_reception(created["id"], {})
        manager.reject_reception(created["id"], {"reason": "与另一接待时间冲突"})
        with pytest.raises(InvalidTransition):
            manager.approve_reception(created["id"], {})
    assert published(harness, "reception.rejected")[0]["reason"] == "与另一接待时间冲突"


def test_get_reception_answers_visits_with_status_and_funding(harness):
    approved = approved_reception(harness)
    with harness.as_(DEV1) as dev, harness.as_(DEV2) as stranger:
        seen = dev.get_reception(approved["id"])
        with pytest.raises(NotFound):
            stranger.get_reception(approved["id"])
    assert {key: seen[key] for key in ("id", "customer_id", "host_id", "status", "funded_amount")} == {
        "id": approved["id"], "customer_id": "c-1", "host_id": "dev-1", "status": "approved",
        "funded_amount": "3000.00"}


def test_deal_from_a_visit_is_checked_through_the_visits_service(harness):
    with harness.as_(DEV1) as dev:
        with pytest.raises(Conflict) as not_done:
            dev.create_deal(deal_data("visit", "v-approved"))
        with pytest.raises(Conflict) as mismatch:
            dev.create_deal(deal_data("visit", "v-other"))
        with pytest.raises(NotFound):
            dev.create_deal(deal_data("visit", "v-unknown"))
        deal = dev.create_deal(deal_data("visit", "v-done"))
    assert not_done.value.error_code == "origin_not_eligible" and mismatch.value.error_code == "origin_mismatch"
    assert deal["total"] == "65000.00" and deal["status"] == "closed"


def test_deal_from_a_reception_needs_it_approved_and_visible(harness):
    with harness.as_(DEV1) as dev:
        draft = dev.create_reception(reception_data())
        with pytest.raises(Conflict) as raised:
            dev.create_deal(deal_data("reception", draft["id"]))
    assert raised.value.error_code == "origin_not_eligible"
    approved = approved_reception(harness)
    with harness.as_(MANAGER) as manager:
        with pytest.raises(Conflict):
            manager.create_deal(deal_data("reception", approved["id"], customer_id="c-2"))
        assert manager.create_deal(deal_data("reception", approved["id"]))["seller_id"] == "m-1"


def test_second_deal_is_a_repeat_sale_and_delivery_is_published_once(harness):
    approved = approved_reception(harness)
    with harness.as_(DEV1) as dev:
        first = dev.create_deal(deal_data("reception", approved["id"]))
        second = dev.create_deal(deal_data("visit", "v-done", delivery={
            "method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": (NOW + timedelta(days=5)).date()}))
        with pytest.raises(Invalid):
            dev.create_deal(deal_data("visit", "v-done", delivery={"method": "home_delivery"}))
        delivered = dev.deliver_deal(second["id"])
        with pytest.raises(InvalidTransition):
            dev.deliver_deal(second["id"])
    assert (first["repeat_sale"], second["repeat_sale"]) == (False, True)
    assert delivered["status"] == "delivered" and delivered["delivery"]["delivered_at"] == NOW.isoformat()
    assert [event["repeat_sale"] for event in published(harness, "deal.closed")] == [False, True]
    assert published(harness, "deal.delivered") == [{"deal_id": second["id"], "customer_id": "c-1",
                                                     "seller_id": "dev-1", "delivered_at": NOW.isoformat(),
                                                     "method": "home_delivery"}]


def test_lists_filter_and_page_by_keyset(harness):
    with harness.as_(DEV1) as dev, harness.as_(DEV2) as other:
        tickets = [dev.create_ticket({"customer_id": "c-1", "kind": kind, "description": "客户需求"})
                   for kind in ("care", "appraisal", "knowledge")]
        other.create_ticket({"customer_id": "c-2", "kind": "event", "description": "新品发布会邀请"})
        dev.start_ticket(tickets[0]["id"])
        first = dev.list_tickets({"limit": 2})
        second = dev.list_tickets({"limit": 2, "cursor": first["next_cursor"]})
        started = dev.list_tickets({"status": "in_progress"})
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["next_cursor"] is None
    assert {t["id"] for t in first["items"] + second["items"]} == {t["id"] for t in tickets}
    assert [t["id"] for t in started["items"]] == [tickets[0]["id"]]
    assert len(published(harness, "service_ticket.opened")) == 4


def test_one_return_visit_completes_one_task(harness):
    visit = {"customer_id": "c-1", "task_id": "task-9", "occurred_at": NOW - timedelta(hours=1), "method": "phone",
             "content": "回访佩戴感受", "feedback": "很满意", "next_steps": "周年纪念日前推荐对戒"}
    with harness.as_(DEV1) as dev:
        recorded = dev.create_return_visit(visit)
        with pytest.raises(Conflict) as raised:
            dev.create_return_visit(visit)
        listed = dev.list_return_visits({"customer_id": "c-1"})
    assert raised.value.error_code == "task_already_recorded"
    assert [item["id"] for item in listed["items"]] == [recorded["id"]]
    assert published(harness, "return_visit.recorded") == [{
        "return_visit_id": recorded["id"], "customer_id": "c-1", "developer_id": "dev-1", "task_id": "task-9",
        "occurred_at": (NOW - timedelta(hours=1)).isoformat()}]


def test_erased_customer_loses_free_text_and_addresses_but_keeps_figures(harness):
    approved = approved_reception(harness)
    with harness.as_(DEV1) as dev:
        deal = dev.create_deal(deal_data("reception", approved["id"], delivery={
            "method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": (NOW + timedelta(days=5)).date()}))
        dev.create_ticket({"customer_id": "c-1", "kind": "repair", "description": "戒托松动", "intake_notes": "爪口磨损",
                           "piece": {"description": "1.20克拉钻石戒指", "certificate_no": "GIA 2141438167"}})
        assert dev.export_customer("c-1")["deals"][0]["delivery"]["address"] == "上海市徐汇区衡山路8号"
    harness.applied(harness.publish("customer.erased", {"customer_id": "c-1"}, actor=MANAGER))
    with harness.as_(MANAGER) as manager:
        held = manager.export_customer("c-1")
    assert held["deals"][0]["delivery"]["address"] is None
    assert held["deals"][0]["total"] == "65000.00" and held["deals"][0]["id"] == deal["id"]
    assert held["service_tickets"][0]["piece"] is None and held["service_tickets"][0]["kind"] == "repair"
    assert held["receptions"][0]["needs"] is None and held["receptions"][0]["status"] == "approved"
