"""The RPC entrypoint every service uses."""
from nameko.rpc import rpc as nameko_rpc

from kam.errors import KamError


def rpc(fn):
    """A nameko RPC entrypoint whose domain errors go back to the caller without an error log."""
    return nameko_rpc(expected_exceptions=(KamError,))(fn)
