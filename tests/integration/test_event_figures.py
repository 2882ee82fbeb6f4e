"""Event figures on the real RabbitMQ and PostgreSQL: the events and visits services' facts, published as
their producers publish them, become an event's figures; attendance reaches the funnel through the
customers service's stage change."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam import testing
from kam.errors import Forbidden, NotFound
from kam.identity import Actor
from kam.relay import OutboxRelay
from services.analytics.service import AnalyticsService
from services.customers.models import metadata as customers_metadata
from services.customers.service import CustomersService

STARTS = datetime(2026, 11, 20, 18, tzinfo=UTC)
ENDS = STARTS + timedelta(hours=3)
PLANNER = Actor("p-1", "planner").as_dict()
DEV = Actor("dev-1", "developer").as_dict()
EVENT = {"event_id": "e-1", "title": "冬季高级珠宝品鉴会", "kind": "appraisal_salon", "planner_id": "p-1",
         "starts_at": STARTS, "ends_at": ENDS}


def decided(**extra):
    return {**EVENT, "budget": Decimal("30000.00"), "funded_amount": None, "approver_id": None, "reason": None,
            **extra}


def guest(invitation_id, customer_id, owner_id):
    return {"invitation_id": invitation_id, "event_id": "e-1", "customer_id": customer_id, "owner_id": owner_id}


def sent(invitation_id, customer_id, owner_id):
    return {**guest(invitation_id, customer_id, owner_id), "invited_by": "p-1", "title": EVENT["title"],
            "kind": EVENT["kind"], "starts_at": STARTS, "ends_at": ENDS, "venue": "总部三楼品鉴厅"}


def checked_in(invitation_id, customer_id, owner_id, at=STARTS):
    return {**guest(invitation_id, customer_id, owner_id), "title": EVENT["title"], "kind": EVENT["kind"],
            "ends_at": ENDS, "checked_in_at": at}


def deal(deal_id, customer_id, closed_at, total):
    return {"deal_id": deal_id, "customer_id": customer_id, "seller_id": "dev-1",
            "origin": {"type": "reception", "id": "r-1"}, "total": Decimal(total), "closed_at": closed_at,
            "repeat_sale": False, "item_count": 1}


def event_claim(claim_id, status="reimbursed"):
    """A claim on an event as the visits service publishes it: the event as subject, no customer."""
    return {"claim_id": claim_id, "claimant_id": "p-1", "customer_id": None, "subject": {"type": "event", "id": "e-1"},
            "total": Decimal("4200.00"), "status": status, "reason": None, "decided_by": "m-1",
            "override_reason": None}


@pytest.fixture
def analytics(service_harness):
    return service_harness(AnalyticsService)


def feed(harness, *events):
    for event_type, data, at in events:
        harness.applied(harness.publish(event_type, data, actor=PLANNER, occurred_at=at))


def test_an_events_guests_cost_and_the_deals_after_it_from_the_bus(analytics):
    before = STARTS - timedelta(days=10)
    feed(analytics,
         ("event.submitted", decided(), before), ("event.approved", decided(funded_amount=Decimal("25000.00")),
                                                  before + timedelta(hours=2)),
         ("invitation.sent", sent("i-1", "c-1", "dev-1"), before + timedelta(days=1)),
         ("invitation.sent", sent("i-2", "c-2", "dev-2"), before + timedelta(days=1)),
         ("invitation.answered", {**guest("i-1", "c-1", "dev-1"), "response": "accepted"}, before + timedelta(days=2)),
         ("invitation.answered", {**guest("i-2", "c-2", "dev-2"), "response": "accepted"}, before + timedelta(days=2)),
         ("guest.checked_in", checked_in("i-1", "c-1", "dev-1"), STARTS),
         ("deal.closed", deal("d-1", "c-1", ENDS + timedelta(days=10), "12800.00"), ENDS + timedelta(days=10)),
         ("deal.closed", deal("d-2", "c-1", ENDS + timedelta(days=95), "9000.00"), ENDS + timedelta(days=95)),
         ("deal.closed", deal("d-3", "c-2", ENDS + timedelta(days=10), "50000.00"), ENDS + timedelta(days=10)),
         ("expense_claim.approved", event_claim("x-1", "approved"), ENDS + timedelta(days=1)),
         ("expense_claim.reimbursed", event_claim("x-1"), ENDS + timedelta(days=2)),
         ("expense_claim.submitted", event_claim("x-2", "submitted"), ENDS + timedelta(days=2)))

    expected = {"event_id": "e-1", "invited": 2, "accepted": 2, "attended": 1, "cost": "4200.00",
                "deals_after": 1, "revenue_after": "12800.00"}
    with analytics.as_(PLANNER) as planner:
        assert planner.event("e-1") == expected
        [row] = planner.events("2026-11-01", "2026-11-30")["items"]
        assert {key: row[key] for key in expected} == expected
        assert (row["title"], row["status"], row["return_on_spend"]) == ("冬季高级珠宝品鉴会", "approved", "3.05")
        with pytest.raises(NotFound):
            planner.event("no-such-event")
    with analytics.as_(DEV) as developer:
        assert developer.event("e-1")["attended"] == 1
        assert developer.developers()["items"][0]["events_attended"] == 1
    with analytics.as_({"user_id": "dev-2", "role": "developer"}) as other:
        assert (other.event("e-1")["accepted"], other.event("e-1")["attended"]) == (1, 0)
    with analytics.as_({"user_id": "co-1", "role": "coordinator"}) as coordinator, pytest.raises(Forbidden):
        coordinator.event("e-1")


def test_attendance_moves_the_guest_to_contacted_in_the_funnel(service_harness):
    harness = service_harness(CustomersService, AnalyticsService, now=STARTS)
    with harness.as_(DEV) as customers:
        customer = customers.create_customer({"name": "欧阳婉清"})
    OutboxRelay("customers", customers_metadata, harness.settings).drain()

    harness.applied(harness.publish("guest.checked_in", checked_in("i-9", customer["id"], "dev-1"), actor=PLANNER,
                                    occurred_at=STARTS), "customers")
    OutboxRelay("customers", customers_metadata, harness.settings).drain()

    def contacted():
        with harness.as_(DEV, "analytics") as analytics:
            stages = {stage["stage"]: stage["customers"] for stage in analytics.funnel()["stages"]}
        return stages["contacted"] == 1 and stages["prospect"] == 1 and stages["visited"] == 0

    testing.wait_until(contacted, timeout=15, message="the funnel to count the guest as contacted")
