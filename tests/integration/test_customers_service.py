"""The customers service on the real RabbitMQ and PostgreSQL: events from other services move stages and
build the timeline, a PIPL export gathers every service, erasure is published, plans are read over RPC."""
from decimal import Decimal

import pytest
from kombu import Connection, Exchange, Producer
from marshmallow import fields
from nameko.rpc import rpc
from nameko.standalone.rpc import ServiceRpcProxy
from sqlalchemy import select

from kam import testing, topology
from kam.config import Settings
from kam.errors import NotFound
from kam.events import EXCHANGE, Contract, make_envelope
from kam.identity import Actor
from kam.relay import OutboxRelay
from kam.remote import Remote
from kam.service import CurrentActor, open_store
from services.customers.handlers.classify import reclassify_customers, rules_changed
from services.customers.models import metadata
from services.customers.rules import load_rules
from services.customers.service import CustomersService

DEV = Actor("dev-1", "developer").as_dict()
OTHER_DEV = Actor("dev-2", "developer").as_dict()
MANAGER = Actor("m-1", "manager").as_dict()


class VisitCompleted(Contract):
    event_type = "visit.completed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)


class DealClosed(Contract):
    event_type = "deal.closed"
    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    total = fields.Decimal(as_string=True, required=True)


class Visits:
    """A stand-in for the visits service: its promised PIPL export, and a caller of get_development_plan."""

    name = "visits"
    actor = CurrentActor()
    customers = Remote("customers")

    @rpc
    def export_customer(self, customer_id):
        return {"visits": [{"id": "v-1", "customer_id": customer_id, "place": "客户办公室"}]}

    @rpc
    def plan_for_claim(self, plan_id):
        return self.customers.get_development_plan(plan_id)


@pytest.fixture
def system(runner_factory, rabbit_config, database_url, tmp_path):
    settings = Settings(amqp_uri=rabbit_config["AMQP_URI"], database_url=database_url, data_dir=tmp_path,
                        retry_delays=(0.05,), rpc_timeout=3)
    config = {**rabbit_config, **settings.nameko_config()}
    topology.declare(settings.amqp_uri, {"customers": CustomersService})
    runner_factory(config, CustomersService, Visits).start()
    return settings, config


def publish(settings, contract, data):
    envelope = make_envelope(contract, data, producer="stand-in", actor=DEV)
    with Connection(settings.amqp_uri) as connection:
        Producer(connection).publish(envelope, exchange=Exchange(EXCHANGE, type="topic", durable=True),
                                     routing_key=contract.event_type, serializer="json")


def relay(settings):
    return OutboxRelay("customers", metadata, settings).drain()


def test_stages_move_from_other_services_events_and_the_timeline_is_built(system):
    settings, config = system
    with ServiceRpcProxy("customers", config, context_data=DEV) as customers:
        referrer = customers.create_customer({"name": "王丽"})
        customer = customers.create_customer({"name": "李梅", "source": {"channel": "friend",
                                                                          "referrer_id": referrer["id"]}})
        relay(settings)
        publish(settings, VisitCompleted, {"visit_id": "v-1", "customer_id": customer["id"]})
        testing.wait_until(lambda: customers.get_customer(customer["id"])["stage"] == "visited", timeout=15,
                           message="the stage to follow visit.completed")
        publish(settings, DealClosed, {"deal_id": "d-1", "customer_id": customer["id"], "total": "128000.00"})
        publish(settings, DealClosed, {"deal_id": "d-1", "customer_id": customer["id"], "total": "128000.00"})
        testing.wait_until(lambda: customers.get_customer(customer["id"])["stage"] == "won", timeout=15,
                           message="the stage to follow deal.closed")
        publish(settings, VisitCompleted, {"visit_id": "v-2", "customer_id": customer["id"]})
        relay(settings)

        def kinds():
            return [item["kind"] for item in customers.customer_timeline(customer["id"])["items"]]

        testing.wait_until(lambda: {"customer.created", "visit.completed", "deal.closed",
                                    "customer.stage_changed"} <= set(kinds()), timeout=15, message="the timeline")
        assert customers.get_customer(customer["id"])["stage"] == "won"  # never back
        network = customers.customer_network(referrer["id"], 2)
        assert network["credit"] == {"referred_customers": 1, "revenue": Decimal("128000.00")}
        assert {node["name"] for node in network["nodes"]} == {"王丽", "李梅"}
        timeline = customers.customer_timeline(customer["id"])["items"]
        assert timeline == sorted(timeline, key=lambda item: item["at"], reverse=True)
        assert any(item["summary"] == "成交，金额 128000.00 元" for item in timeline)


def test_export_gathers_every_service_and_a_silent_one_is_marked_unavailable(system):
    _, config = system
    with ServiceRpcProxy("customers", config, context_data=DEV, timeout=30) as customers:
        customer = customers.create_customer({"name": "周婷", "sensitive": {"health": "过敏体质"},
                                              "consent": {"sensitive": True, "purpose": "挑选材质"}})
        exported = customers.export_customer_everywhere(customer["id"])
    services = exported["services"]
    assert services["customers"]["data"]["customer"]["sensitive"] == {"health": "过敏体质"}
    assert services["visits"] == {"status": "ok", "data": {"visits": [
        {"id": "v-1", "customer_id": customer["id"], "place": "客户办公室"}]}}
    assert services["reception"]["status"] == "unavailable"
    with ServiceRpcProxy("customers", config, context_data=OTHER_DEV) as other, pytest.raises(NotFound):
        other.export_customer_everywhere(customer["id"])


def test_erasure_removes_identity_keeps_figures_and_is_published(system):
    settings, config = system
    with ServiceRpcProxy("customers", config, context_data=DEV) as customers:
        customer = customers.create_customer({"name": "赵敏", "phone": "13411112222", "category": "high_value"})
    with ServiceRpcProxy("customers", config, context_data=MANAGER) as manager:
        erased = manager.erase_customer(customer["id"])
        assert erased["erased"] and erased["name"] == "已删除客户" and erased["phone"] is None
        assert erased["category"] == "high_value" and erased["stage"] == "prospect"
        assert manager.list_customers({"q": "赵敏"})["items"] == []
        assert manager.list_customers({"q": "2222"})["items"] == []
    store = open_store("customers", metadata, settings)
    with store.session() as session:
        types = list(session.scalars(select(metadata.tables["outbox"].c.type)))
    store.close()
    assert "customer.erased" in types


def test_get_development_plan_rpc_enforces_the_callers_visibility(system):
    _, config = system
    with ServiceRpcProxy("customers", config, context_data=DEV) as customers:
        customer = customers.create_customer({"name": "陈晓东"})
        plan = customers.create_development_plan({"customer_id": customer["id"], "methods": ["visit"],
                                                  "plan": "约茶叙", "budget": Decimal("2000.00")})
    with ServiceRpcProxy("visits", config, context_data=DEV) as visits:
        seen = visits.plan_for_claim(plan["id"])
        assert (seen["status"], seen["budget"], seen["developer_id"]) == ("draft", Decimal("2000.00"), "dev-1")
    with ServiceRpcProxy("visits", config, context_data=OTHER_DEV) as visits, pytest.raises(NotFound):
        visits.plan_for_claim(plan["id"])


def test_potential_is_re_evaluated_when_the_rules_file_changes(system, tmp_path, monkeypatch):
    settings, config = system
    strict = tmp_path / "strict.yaml"
    strict.write_text("threshold: 100\nrules:\n  - {id: r, fact: kind, op: eq, value: person, weight: 10, reason: 个人}\n")
    monkeypatch.setenv("KAM_CLASSIFICATION_RULES", str(strict))
    with ServiceRpcProxy("customers", config, context_data=DEV) as customers:
        customer = customers.create_customer({"name": "何俊", "category": "potential"})
        assert customer["category"] is None and customer["score"] == 10
        strict.write_text(strict.read_text().replace("threshold: 100", "threshold: 10"))
        store = open_store("customers", metadata, settings)
        with store.unit_of_work() as uow:
            assert rules_changed(uow.session, load_rules())
            assert reclassify_customers(uow, load_rules(), customer["created_at"]) == 1
        store.close()
        reread = customers.get_customer(customer["id"])
        assert reread["category"] == "potential" and reread["score_reasons"] == ["个人 (+10)"]
