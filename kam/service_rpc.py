"""The RPC entrypoint every service uses, and how RPC messages are published (services and gateway)."""
import json
from contextlib import contextmanager

from kombu import Connection
from kombu.pools import producers
from nameko.amqp import publish
from nameko.amqp.publish import Publisher
from nameko.rpc import Responder
from nameko.rpc import rpc as nameko_rpc

from kam.errors import KamError


class ReplyPublisher(Publisher):
    """RPC replies go out without waiting for a publisher confirm: a lost reply is already a timeout
    to its caller (kam.remote, the gateway), so the confirm bought nothing but a round trip to the
    broker per call. Events keep confirms and `mandatory` (kam.relay)."""

    use_confirms = False


Responder.publisher_cls = ReplyPublisher

_pool_keys = {}


@contextmanager
def kept_producer(amqp_uri, confirms=True, ssl=None, login_method=None, transport_options=None):
    """nameko's get_producer, but the kombu Connection that names the pool is built once per settings, not
    for every publish (12 % of the gateway's CPU on RPC reads). The pool and its connections are kombu's."""
    options = {**publish.DEFAULT_TRANSPORT_OPTIONS, **(transport_options or {}), "confirm_publish": confirms}
    key = (amqp_uri, json.dumps(options, sort_keys=True, default=repr), repr(ssl), repr(login_method))
    connection = _pool_keys.get(key)
    if connection is None:
        connection = _pool_keys.setdefault(key, Connection(amqp_uri, transport_options=options, ssl=ssl,
                                                           login_method=login_method))
    with producers[connection].acquire(block=True) as producer:
        yield producer


publish.get_producer = kept_producer


def rpc(fn):
    """A nameko RPC entrypoint whose domain errors go back to the caller without an error log."""
    return nameko_rpc(expected_exceptions=(KamError,))(fn)
