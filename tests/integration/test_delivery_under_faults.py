"""Every committed event is applied exactly once in effect, whatever fails on the way.

Each test commits N events through the real outbox, runs the real relay and a real consumer as
processes against the real RabbitMQ and PostgreSQL, injects one fault, and counts the effects.
"""
import subprocess
import sys
import time

import pytest
from kombu import Connection, Producer
from sqlalchemy import func, select

from kam import testing, topology
from kam.service import open_store
from tests.integration.probe import ProbeHappened, ProbeService, count_effects, create_tables, metadata

pytestmark = pytest.mark.timeout(240)


class ProbeSystem:
    def __init__(self, settings, log_dir):
        self.settings = settings
        self.log_dir = log_dir
        self.store = open_store("probe", metadata, settings)
        self.committed = 0
        self.processes = []

    def commit(self, count, sleep=0.0):
        with self.store.unit_of_work(actor={"user_id": "u-test", "role": "developer"}) as uow:
            for _ in range(count):
                uow.publish(ProbeHappened, {"n": self.committed, "sleep": sleep})
                self.committed += 1
            uow.commit()

    def _start(self, role, **env):
        process = testing.Process([sys.executable, "-m", "tests.integration.probe.run", role],
                                  env=testing.kam_env({**self.settings.as_env(), **env}),
                                  log_path=self.log_dir / f"{role}-{len(self.processes)}.log")
        self.processes.append(process)
        return process

    def start_consumer(self, **env):
        return self._start("serve", **env)

    def start_relay(self):
        return self._start("relay")

    def effects(self):
        return count_effects(self.store)

    def published(self):
        outbox = metadata.tables["outbox"]
        with self.store.session() as session:
            return session.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.isnot(None)))

    def failed(self):
        return self.store.failed_events()

    def wait_for_effects(self, count, timeout=60):
        testing.wait_until(lambda: self.effects()[0] >= count, timeout, message=f"{count} effects")
        return self.settled()

    def settled(self):
        """The effects once nothing more can come: every event published and the queue empty, with no
        delivery still unacknowledged (a doubled effect would have landed by then)."""
        testing.wait_until(lambda: self.published() == self.committed
                           and testing.queue_settled(self.settings.amqp_uri, "kam.probe.apply"),
                           timeout=60, interval=0.2, message="the probe's queue to settle")
        return self.effects()

    def figures(self, fault, **extra):
        total, distinct = self.effects()
        return {"fault": fault, "committed": self.committed, "effects": total,
                "lost": self.committed - distinct, "doubled": total - distinct, **extra}

    def close(self):
        for process in self.processes:
            process.stop()
        self.store.close()


@pytest.fixture
def probe(settings, tmp_path):
    create_tables(settings)
    topology.declare(settings.amqp_uri, {"probe": ProbeService})
    system = ProbeSystem(settings, tmp_path)
    yield system
    system.close()


def assert_once_each(figures):
    assert figures["lost"] == 0, figures
    assert figures["doubled"] == 0, figures
    assert figures["effects"] == figures["committed"], figures


def test_events_committed_before_the_consumer_ever_ran_are_applied_once(probe, figures):
    probe.start_relay()
    probe.commit(100)
    testing.wait_until(lambda: probe.published() == 100, message="the relay to publish 100 events")
    assert probe.effects() == (0, 0)

    probe.start_consumer()
    probe.wait_for_effects(100)

    result = probe.figures("consumer never started before the publish")
    figures.append(result)
    assert_once_each(result)


def test_consumer_killed_mid_handler_loses_and_doubles_nothing(probe, figures):
    probe.start_relay()
    consumer = probe.start_consumer()
    probe.commit(40, sleep=0.3)
    testing.wait_until(lambda: probe.effects()[0] >= 5, message="the consumer to be under way")
    consumer.kill()
    applied_at_kill = probe.effects()[0]
    assert applied_at_kill < 40

    probe.start_consumer()
    probe.wait_for_effects(40)

    result = probe.figures("consumer SIGKILLed mid-handler", applied_before_kill=applied_at_kill)
    figures.append(result)
    assert_once_each(result)


def test_failing_handler_is_parked_then_replayed_once_fixed(probe, figures):
    from kam.replay import FailedEvents
    from tests.integration.probe import plugin

    probe.start_relay()
    broken = probe.start_consumer(KAM_PROBE_BROKEN="1")
    probe.commit(10)
    testing.wait_until(lambda: probe.failed() == 10, message="10 parked events")
    assert probe.effects() == (0, 0)
    assert testing.queue_depth(probe.settings.amqp_uri, "kam.probe.apply") == 0  # acked, not lost: parked
    broken.stop()

    probe.start_consumer()  # the fix is deployed
    replayer = FailedEvents({"probe": plugin}, probe.settings)
    assert len(replayer.replay()) == 10
    replayer.close()
    probe.wait_for_effects(10)

    result = probe.figures("handler raising, then fixed and replayed", parked=10)
    figures.append(result)
    assert_once_each(result)
    assert probe.failed() == 0


def test_broker_closing_all_connections_loses_and_doubles_nothing(probe, figures):
    probe.start_relay()
    probe.start_consumer()
    vhost = testing.vhost_of(probe.settings.amqp_uri)
    for batch in range(6):
        probe.commit(50, sleep=0.01)
        if batch in (2, 4):
            subprocess.run(["rabbitmqctl", "close_all_connections", "-p", vhost, "fault test"],
                           check=True, capture_output=True, timeout=60)
        time.sleep(0.2)
    probe.wait_for_effects(300, timeout=120)

    result = probe.figures("rabbitmqctl close_all_connections, twice")
    figures.append(result)
    assert_once_each(result)


def test_relay_killed_between_commit_and_publish_loses_and_doubles_nothing(probe, figures):
    probe.start_consumer()
    probe.commit(3000)  # committed while no relay runs
    relay = probe.start_relay()
    testing.wait_until(lambda: probe.published() > 0, timeout=30, interval=0.005, message="publishing under way")
    relay.kill()
    published_at_kill = probe.published()
    assert published_at_kill < 3000

    probe.start_relay()
    probe.wait_for_effects(3000, timeout=120)

    result = probe.figures("relay SIGKILLed between commit and publish", published_before_kill=published_at_kill)
    figures.append(result)
    assert_once_each(result)


def test_same_event_delivered_twice_applies_once(probe, figures):
    probe.start_consumer()
    probe.start_relay()
    probe.commit(20)
    probe.wait_for_effects(20)
    outbox = metadata.tables["outbox"]
    with probe.store.session() as session:
        envelopes = session.scalars(select(outbox.c.envelope)).all()
    with Connection(probe.settings.amqp_uri) as connection:
        producer = Producer(connection.channel(), exchange=topology.events_exchange)
        for envelope in envelopes:
            producer.publish(envelope, routing_key=envelope["type"], serializer="json", delivery_mode=2)
    probe.settled()

    result = probe.figures("the same event delivered twice", redelivered=len(envelopes))
    figures.append(result)
    assert_once_each(result)
