"""Testing a service as it runs: a nameko runner on a fresh vhost and database, calls as any actor,
events built from their producer's contract, and waiting on the inbox instead of sleeping.

    def test_x(service_harness):
        harness = service_harness(VisitsService, CustomersStandIn, now=NOW)
        with harness.as_(DEVELOPER) as visits: ...
        harness.applied(harness.publish(TaskCompleted, {...}), "visits")
"""
import re

from nameko.standalone.rpc import ServiceRpcProxy
from sqlalchemy import select

from kam import topology
from kam.clock import FileClock
from kam.config import Settings
from kam.events import make_envelope
from kam.plugins import discover
from kam.relay import Publisher
from kam.service import open_store
from kam.testing import wait_until


def producer_contract(event_type, version=1):
    """The contract its producer publishes `event_type` with: tests build events as the producer would."""
    for plugin in discover().values():
        for contract in plugin.contracts_of("PUBLISHED"):
            if (contract.event_type, contract.version) == (event_type, version):
                return plugin.name, contract
    raise LookupError(f"no service publishes {event_type} v{version}")


class ServiceHarness:
    def __init__(self, runner_factory, rabbit_config, database_url, tmp_path, services, now=None, **settings):
        self.clock = FileClock(tmp_path / "clock")
        if now is not None:
            self.clock.set(now)
        self.settings = Settings(amqp_uri=rabbit_config["AMQP_URI"], database_url=database_url, data_dir=tmp_path,
                                 **{"retry_delays": (0.05,), "rpc_timeout": 5, **settings})
        self.config = {**rabbit_config, **self.settings.nameko_config(), "KAM_CLOCK": self.clock}
        self.services = services
        self.name = services[0].name
        topology.declare(self.settings.amqp_uri, {service.name: service for service in services})
        runner_factory(self.config, *services).start()

    def as_(self, actor, service=None):
        """An RPC proxy to the service (the first one, unless named) calling as `actor`."""
        return ServiceRpcProxy(service or self.name, self.config, context_data=dict(actor))

    def publish(self, event_type_or_contract, data, actor=None, occurred_at=None):
        """Publish an event as its producer would: its data checked against the producer's contract."""
        event_type = getattr(event_type_or_contract, "event_type", event_type_or_contract)
        producer, contract = producer_contract(event_type)
        envelope = make_envelope(contract, data, producer=producer, actor=actor, occurred_at=occurred_at)
        publisher = Publisher(self.settings.amqp_uri)
        try:
            publisher.publish(envelope)
        finally:
            publisher.reset()
        return envelope

    def store(self, service_name=None):
        plugin = discover()[service_name or self.name]
        return open_store(plugin.name, plugin.load_metadata(), self.settings)

    def applied(self, envelope, service_name=None, timeout=15):
        """Wait until every consumer of `envelope` in the service has applied (or parked) it; returns them."""
        store = self.store(service_name)
        inbox, failed = store.tables["inbox"], store.tables["failed_events"]
        expected = self._consumers_of(envelope["type"], service_name or self.name)

        def consumers():
            with store.session() as session:
                done = session.execute(select(inbox.c.consumer).where(inbox.c.event_id == envelope["id"])).scalars()
                parked = session.execute(select(failed.c.consumer).where(failed.c.event_id == envelope["id"]))
                found = sorted({*done, *parked.scalars()})
                return found if len(found) >= expected else None

        try:
            return wait_until(consumers, timeout=timeout, message=f"{envelope['type']} to be applied")
        finally:
            store.close()

    def _consumers_of(self, event_type, service_name):
        """How many of the service's handlers take `event_type` (at least one)."""
        service = next((cls for cls in self.services if cls.name == service_name), None)
        if service is None:
            return 1
        return max(1, sum(1 for _, keys in topology.event_handlers(service)
                          if any(_matches(key, event_type) for key in keys)))

    def events(self, service_name=None):
        """The envelopes the service has recorded in its outbox, oldest first."""
        store = self.store(service_name)
        outbox = store.tables["outbox"]
        try:
            with store.session() as session:
                return session.execute(select(outbox.c.envelope).order_by(outbox.c.seq)).scalars().all()
        finally:
            store.close()


def _matches(routing_key, event_type):
    """AMQP topic matching of a handler's binding (`*` one word, `#` any) against an event type."""
    pattern = re.escape(routing_key).replace(r"\*", r"[^.]+").replace(r"\#", r".*")
    return re.fullmatch(pattern, event_type) is not None
