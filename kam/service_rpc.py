"""The RPC entrypoint every service uses."""
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


def rpc(fn):
    """A nameko RPC entrypoint whose domain errors go back to the caller without an error log."""
    return nameko_rpc(expected_exceptions=(KamError,))(fn)
