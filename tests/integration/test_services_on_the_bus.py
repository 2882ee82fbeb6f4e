"""Services in nameko containers (nameko's own test helpers) on the real RabbitMQ and PostgreSQL."""
from nameko.standalone.rpc import ServiceRpcProxy

from kam import testing, topology
from kam.config import Settings
from kam.errors import NotFound
from kam.relay import OutboxRelay
from services.analytics.service import AnalyticsService
from services.customers.models import metadata as customers_metadata
from services.customers.service import CustomersService

DEVELOPER = {"user_id": "dev-1", "role": "developer"}


def nameko_config(rabbit_config, database_url, tmp_path):
    settings = Settings(amqp_uri=rabbit_config["AMQP_URI"], database_url=database_url, data_dir=tmp_path,
                        retry_delays=(0.05,))
    return settings, {**rabbit_config, **settings.nameko_config()}


def test_customer_created_is_relayed_and_counted_by_analytics(runner_factory, rabbit_config, database_url,
                                                              tmp_path):
    settings, config = nameko_config(rabbit_config, database_url, tmp_path)
    topology.declare(settings.amqp_uri, {"customers": CustomersService, "analytics": AnalyticsService})
    runner_factory(config, CustomersService, AnalyticsService).start()

    with ServiceRpcProxy("customers", config, context_data=DEVELOPER) as customers:
        created = customers.create_customer({"name": "王丽", "kind": "person", "category": "high_value"})
    relay = OutboxRelay("customers", customers_metadata, settings)
    assert relay.drain() == 1

    with ServiceRpcProxy("analytics", config, context_data={"user_id": "m-1", "role": "manager"}) as analytics:
        testing.wait_until(lambda: analytics.overview()["customers"] == 1, timeout=10, message="the count")
    assert created["owner_id"] == "dev-1" and created["stage"] == "prospect"
    assert relay.drain() == 0  # nothing is published twice


def test_caller_identity_travels_in_context_data(runner_factory, rabbit_config, database_url, tmp_path):
    settings, config = nameko_config(rabbit_config, database_url, tmp_path)
    runner_factory(config, CustomersService).start()

    with ServiceRpcProxy("customers", config, context_data=DEVELOPER) as as_owner:
        created = as_owner.create_customer({"name": "刘建国"})
        assert as_owner.get_customer(created["id"])["name"] == "刘建国"
    with ServiceRpcProxy("customers", config, context_data={"user_id": "dev-2", "role": "developer"}) as other:
        try:
            other.get_customer(created["id"])
        except NotFound:
            pass
        else:
            raise AssertionError("another developer could read the customer")


def test_relay_publishes_from_the_embedded_sqlite_default(rabbit_config, tmp_path):
    from kam import migrate
    from kam.service import open_store
    from services.customers import handlers
    from services.customers.plugin import plugin

    settings = Settings(amqp_uri=rabbit_config["AMQP_URI"], data_dir=tmp_path)
    migrate.upgrade("customers", plugin.migrations, settings)
    topology.declare(settings.amqp_uri, {"analytics": AnalyticsService})
    store = open_store("customers", customers_metadata, settings)
    from kam.identity import Actor

    with store.unit_of_work() as uow:
        handlers.create_customer(uow, Actor("dev-1", "developer"), {"name": "周婷"})
    store.close()

    assert OutboxRelay("customers", customers_metadata, settings).drain() == 1
    testing.wait_until(lambda: testing.queue_depth(settings.amqp_uri, "kam.analytics.record_event") == 1,
                       timeout=10, message="the event in the analytics queue")
