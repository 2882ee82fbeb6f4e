"""Hospitality caps on the real RabbitMQ and PostgreSQL: the visits service keeps the caps and logs the
overrides; the reception service asks it over RPC when a manager approves a reception with a meal out, and
the override is logged from the approval's event."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from nameko.rpc import rpc

from kam.errors import Conflict, Forbidden
from kam.relay import Publisher
from services.reception.service import ReceptionService
from services.visits.service import VisitsService

DEV = {"user_id": "dev-1", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}
NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
CUSTOMER = {"id": "c-1", "name": "刘建国", "owner_id": "dev-1", "category": "important", "stage": "visited"}


class StandInCustomers:
    name = "customers"

    @rpc
    def customer_summary(self, customer_id):
        return CUSTOMER


class StandInCatalog:
    name = "catalog"

    @rpc
    def get_product(self, product_id):
        return {"id": product_id, "name": "珍珠胸针礼盒", "list_price": "380.00"}


@pytest.fixture
def harness(service_harness):
    return service_harness(VisitsService, ReceptionService, StandInCustomers, StandInCatalog, now=NOW, rpc_timeout=5)


def test_a_gift_and_a_meal_above_the_cap_need_the_managers_override_and_are_logged(harness):
    with harness.as_(MANAGER) as manager, harness.as_(DEV) as developer:
        manager.set_hospitality_policy({"caps": {"important": {"gift_value": "200.00", "meal_per_head": "150.00"}}})
        assert developer.get_hospitality_policy()["caps"]["important"] == {"gift_value": "200.00",
                                                                           "meal_per_head": "150.00"}
        with pytest.raises(Forbidden):
            developer.set_hospitality_policy({"caps": {}})

        visit = developer.plan_visit({"customer_id": "c-1", "planned_at": NOW + timedelta(days=3), "place": "市机关",
                                      "preparation": {"gift": "珍珠胸针礼盒", "gift_product_id": "p-gift"}})
        developer.submit_visit(visit["id"])
        with pytest.raises(Conflict) as refused:
            manager.approve_visit(visit["id"], Decimal("500.00"))
        assert refused.value.error_code == "over_hospitality_cap"
        approved = manager.approve_visit(visit["id"], Decimal("500.00"), "退休老领导，礼品按集团惯例")
        assert approved["status"] == "approved"

    with harness.as_(DEV, "reception") as host, harness.as_(MANAGER, "reception") as approver:
        meal = {"venue": "香格里拉夏宫", "accompanying_leader": "刘总", "standard": "公司标准", "meal_per_head": "288.00"}
        reception = host.create_reception({"customer_id": "c-1", "scheduled_at": NOW + timedelta(days=2),
                                           "party_size": 3, "arrangements": {"meal_out": meal}})
        host.submit_reception(reception["id"])
        with pytest.raises(Conflict) as refused:
            approver.approve_reception(reception["id"], {"funded_amount": None})
        assert refused.value.error_code == "over_hospitality_cap"
        assert approver.get_reception(reception["id"])["status"] == "pending_approval"
        approved = approver.approve_reception(reception["id"], {"override_reason": "军区首长同席，按集团标准"})
        assert approved["status"] == "approved"

    with harness.as_(MANAGER) as manager:
        assert [o["subject_type"] for o in manager.list_hospitality_overrides({})["items"]] == ["visit"]
    # the reception's override is logged from its reception.approved, as the relay would deliver it
    [approval] = [e for e in harness.events("reception") if e["type"] == "reception.approved"]
    publisher = Publisher(harness.settings.amqp_uri)
    try:
        publisher.publish(approval)
    finally:
        publisher.reset()
    harness.applied(approval, "visits")
    with harness.as_(MANAGER) as manager:
        overrides = manager.list_hospitality_overrides({})["items"]
    assert sorted((o["subject_type"], o["kind"], o["amount"], o["cap"], o["reason"]) for o in overrides) == [
        ("reception", "meal_per_head", "288.00", "150.00", "军区首长同席，按集团标准"),
        ("visit", "gift_value", "380.00", "200.00", "退休老领导，礼品按集团惯例")]
