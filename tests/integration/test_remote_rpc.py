"""Service-to-service RPC: context travels, and a silent service is an error within the timeout."""
import time

import pytest
from nameko.rpc import rpc
from nameko.standalone.rpc import ServiceRpcProxy

from kam.config import Settings
from kam.errors import ServiceUnavailable
from kam.identity import Actor
from kam.remote import Cluster, Remote
from kam.service import CurrentActor


class Echo:
    name = "echo"
    actor = CurrentActor()

    @rpc
    def whoami(self):
        return self.actor.user_id


class Caller:
    name = "caller"
    echo = Remote("echo")
    cluster = Cluster()

    @rpc
    def via_remote(self):
        return self.echo.whoami()

    @rpc
    def via_cluster(self, service):
        return self.cluster[service].whoami()


@pytest.fixture
def config(rabbit_config):
    return {**rabbit_config, "KAM_SETTINGS": Settings(amqp_uri=rabbit_config["AMQP_URI"], rpc_timeout=1)}


def test_the_callers_identity_travels_to_the_service_it_calls(runner_factory, config):
    runner_factory(config, Echo, Caller).start()
    with ServiceRpcProxy("caller", config, context_data=Actor("dev-7", "developer").as_dict()) as caller:
        assert caller.via_remote() == "dev-7"
        assert caller.via_cluster("echo") == "dev-7"


def test_a_service_that_is_not_running_is_unavailable_within_the_timeout(runner_factory, config):
    runner_factory(config, Caller).start()
    with ServiceRpcProxy("caller", config) as caller:
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable):
            caller.via_cluster("nobody")
        with pytest.raises(ServiceUnavailable):
            caller.via_remote()
        assert time.monotonic() - started < 5
