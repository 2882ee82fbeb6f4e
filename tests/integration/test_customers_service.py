"""The customers service on the real RabbitMQ and PostgreSQL: events from other services move stages and
build the timeline, a PIPL export gathers every service, erasure is published, plans are read over RPC."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from marshmallow import fields
from nameko.rpc import rpc

from kam import testing
from kam.contracts import Calls, Reads
from kam.errors import NotFound
from kam.identity import Actor
from kam.relay import OutboxRelay
from kam.remote import Remote
from kam.service import CurrentActor
from services.customers.handlers.classify import reclassify_customers, rules_changed
from services.customers.models import metadata
from services.customers.rules import load_rules
from services.customers.service import CustomersService

DEV = Actor("dev-1", "developer").as_dict()
OTHER_DEV = Actor("dev-2", "developer").as_dict()
MANAGER = Actor("m-1", "manager").as_dict()
NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)


class PlanSeen(Reads):
    status = fields.String()
    budget = fields.Decimal()
    developer_id = fields.String()


class Visits:
    """A stand-in for the visits service: its promised PIPL export, and a caller of get_development_plan."""

    name = "visits"
    actor = CurrentActor()
    customers = Remote("customers", calls=(Calls("customers", "get_development_plan", PlanSeen),))

    @rpc
    def export_customer(self, customer_id):
        return {"visits": [{"id": "v-1", "customer_id": customer_id, "place": "客户办公室"}]}

    @rpc
    def plan_for_claim(self, plan_id):
        return self.customers.get_development_plan(plan_id)


@pytest.fixture
def harness(service_harness):
    return service_harness(CustomersService, Visits, now=NOW, rpc_timeout=3)


def relay(harness):
    return OutboxRelay("customers", metadata, harness.settings).drain()


def visit_completed(customer_id, visit_id):
    return {"visit_id": visit_id, "customer_id": customer_id, "visitor_id": "dev-1", "occurred_at": NOW,
            "method": "face_to_face"}


def deal_closed(customer_id):
    return {"deal_id": "d-1", "customer_id": customer_id, "seller_id": "dev-1",
            "origin": {"type": "reception", "id": "r-1"}, "total": Decimal("128000.00"), "closed_at": NOW,
            "repeat_sale": False, "item_count": 1}


def test_stages_move_from_other_services_events_and_the_timeline_is_built(harness):
    with harness.as_(DEV) as customers:
        referrer = customers.create_customer({"name": "王丽"})
        customer = customers.create_customer({"name": "李梅", "source": {"channel": "friend",
                                                                          "referrer_id": referrer["id"]}})
        relay(harness)
        harness.applied(harness.publish("visit.completed", visit_completed(customer["id"], "v-1")))
        assert customers.get_customer(customer["id"])["stage"] == "visited"
        harness.applied(harness.publish("deal.closed", deal_closed(customer["id"])))
        harness.applied(harness.publish("deal.closed", deal_closed(customer["id"])))
        assert customers.get_customer(customer["id"])["stage"] == "won"
        harness.applied(harness.publish("visit.completed", visit_completed(customer["id"], "v-2")))
        relay(harness)

        def kinds():
            return [item["kind"] for item in customers.customer_timeline(customer["id"])["items"]]

        testing.wait_until(lambda: {"customer.created", "visit.completed", "deal.closed",
                                    "customer.stage_changed"} <= set(kinds()), timeout=15, message="the timeline")
        assert customers.get_customer(customer["id"])["stage"] == "won"  # never back
        network = customers.customer_network(referrer["id"], 2)
        assert network["credit"] == {"referred_customers": 1, "revenue": "128000.00"}  # dumped by CreditOut
        assert {node["name"] for node in network["nodes"]} == {"王丽", "李梅"}
        timeline = customers.customer_timeline(customer["id"])["items"]
        assert timeline == sorted(timeline, key=lambda item: item["at"], reverse=True)
        assert any(item["summary"] == "成交，金额 128000.00 元" for item in timeline)


def test_export_gathers_every_service_and_a_silent_one_is_marked_unavailable(harness):
    with harness.as_(DEV) as customers:
        customer = customers.create_customer({"name": "周婷", "sensitive": {"health": "过敏体质"},
                                              "consent": {"sensitive": True, "purpose": "挑选材质"}})
        exported = customers.export_customer_everywhere(customer["id"])
    services = exported["services"]
    assert services["customers"]["data"]["customer"]["sensitive"] == {"health": "过敏体质"}
    assert services["visits"] == {"status": "ok", "data": {"visits": [
        {"id": "v-1", "customer_id": customer["id"], "place": "客户办公室"}]}}
    assert services["reception"]["status"] == "unavailable"
    with harness.as_(OTHER_DEV) as other, pytest.raises(NotFound):
        other.export_customer_everywhere(customer["id"])


def test_erasure_removes_identity_keeps_figures_and_is_published(harness):
    with harness.as_(DEV) as customers:
        customer = customers.create_customer({"name": "赵敏", "phone": "13411112222", "category": "high_value"})
    with harness.as_(MANAGER) as manager:
        erased = manager.erase_customer(customer["id"])
        assert erased["erased"] and erased["name"] == "已删除客户" and erased["phone"] is None
        assert erased["category"] == "high_value" and erased["stage"] == "prospect"
        assert manager.list_customers({"q": "赵敏"})["items"] == []
        assert manager.list_customers({"q": "2222"})["items"] == []
    assert "customer.erased" in [envelope["type"] for envelope in harness.events()]


def test_get_development_plan_rpc_enforces_the_callers_visibility(harness):
    with harness.as_(DEV) as customers:
        customer = customers.create_customer({"name": "陈晓东"})
        plan = customers.create_development_plan({"customer_id": customer["id"], "methods": ["visit"],
                                                  "plan": "约茶叙", "budget": Decimal("2000.00")})
    with harness.as_(DEV, "visits") as visits:
        seen = visits.plan_for_claim(plan["id"])
        assert (seen["status"], seen["budget"], seen["developer_id"]) == ("draft", Decimal("2000.00"), "dev-1")
    with harness.as_(OTHER_DEV, "visits") as visits, pytest.raises(NotFound):
        visits.plan_for_claim(plan["id"])


def test_potential_is_re_evaluated_when_the_rules_file_changes(harness, tmp_path, monkeypatch):
    strict = tmp_path / "strict.yaml"
    strict.write_text("threshold: 100\nrules:\n  - {id: r, fact: kind, op: eq, value: person, weight: 10, reason: 个人}\n")
    monkeypatch.setenv("KAM_CLASSIFICATION_RULES", str(strict))
    with harness.as_(DEV) as customers:
        customer = customers.create_customer({"name": "何俊", "category": "potential"})
        assert customer["category"] is None and customer["score"] == 10
        strict.write_text(strict.read_text().replace("threshold: 100", "threshold: 10"))
        store = harness.store()
        with store.unit_of_work() as uow:
            assert rules_changed(uow.session, load_rules())
            assert reclassify_customers(uow, load_rules(), datetime.fromisoformat(customer["created_at"])) == 1
        store.close()
        reread = customers.get_customer(customer["id"])
        assert reread["category"] == "potential" and reread["score_reasons"] == ["个人 (+10)"]
