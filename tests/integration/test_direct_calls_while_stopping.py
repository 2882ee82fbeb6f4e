"""A service stopping while the gateway's kept-alive connections still bring direct calls: a call either
runs and its answer reaches the caller, or is refused (503) and runs nothing, never committed and lost."""
import eventlet
import pytest
from nameko.containers import ServiceContainer
from nameko.extensions import DependencyProvider, SharedExtension

from kam import plugins, testing
from kam.config import Settings
from kam.direct import DirectClient, direct
from kam.errors import ServiceUnavailable

SLOW_CALL_S = 0.6
OTHER_STOP_S = 1.0


class SlowToStop(SharedExtension):
    """Stands for the broker consumers, which stop beside the direct server and take their time."""

    def stop(self):
        eventlet.sleep(OTHER_STOP_S)


class Consumers(DependencyProvider):
    slow = SlowToStop()

    def get_dependency(self, worker_ctx):
        return self.container.config.get("INSTANCE")


class Probe:
    name = "stopping_probe"
    consumers = Consumers()
    done = []

    @direct
    def work(self, n):
        eventlet.sleep(SLOW_CALL_S)
        Probe.done.append((n, self.consumers))
        return n, self.consumers


@pytest.fixture
def instances(monkeypatch):
    """`instances(n)`: n containers of the probe sharing one port, as scaled-out services on a host do."""
    monkeypatch.setattr(plugins, "discover", lambda: {Probe.name: None})
    Probe.done = []
    port, started = testing.free_port(), []

    def start(count):
        for instance in range(count):
            started.append(ServiceContainer(Probe, {"KAM_SETTINGS": Settings(direct_port_base=port),
                                                    "INSTANCE": instance}))
            started[-1].start()
        return started, DirectClient(Settings(direct_port_base=port, rpc_timeout=5), [Probe.name])

    yield start
    for container in started:
        container.kill()


def call(gateway, n):
    """As the gateway calls: over its kept-alive connections; what it would answer its own caller."""
    try:
        return 200, gateway.service(Probe.name, {}).work(n)
    except ServiceUnavailable as error:
        return 503, str(error)


def test_a_call_that_arrives_while_the_service_stops_is_refused_and_runs_nothing(instances):
    [container], gateway = instances(1)
    assert call(gateway, 0) == (200, [0, 0])  # a kept-alive connection, as the gateway holds them
    in_flight = eventlet.spawn(call, gateway, 1)
    eventlet.sleep(0.1)
    stopping = eventlet.spawn(container.stop)
    # the in-flight worker is done at about 0.5 s, the consumers stop until about 1.5 s; a call run at 1.0 s
    # would still be running when the connections' threads are killed
    eventlet.sleep(1.0)

    late = call(gateway, 2)
    stopping.wait()
    eventlet.sleep(SLOW_CALL_S)  # a worker the stop left running would be done by now

    assert in_flight.wait() == (200, [1, 0])
    assert late[0] == 503
    assert Probe.done == [(0, 0), (1, 0)]


def test_a_refused_call_is_answered_by_another_instance_on_the_same_port(instances):
    containers, gateway = instances(2)
    status, (_, serving) = call(gateway, 0)
    stopping = eventlet.spawn(containers[serving].stop)
    eventlet.sleep(0.2)

    late = call(gateway, 1)  # on the kept-alive connection to the instance that is stopping
    stopping.wait()

    assert late == (200, [1, 1 - serving])
    assert [n for n, _ in Probe.done] == [0, 1]
