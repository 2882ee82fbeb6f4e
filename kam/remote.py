"""RPC from one service to another, always with a timeout (stock nameko waits forever)."""
import eventlet
from nameko.exceptions import UnknownService
from nameko.rpc import RpcProxy, ServiceProxy

from kam.config import get_settings
from kam.errors import ServiceUnavailable


class Remote(RpcProxy):
    """`customers = Remote("customers", calls=CALLS)`; calls carry the caller's context, give up after the
    timeout, and a reply is read with the caller's own `Calls` schema for that method (kam.contracts)."""

    def __init__(self, target_service, timeout=None, calls=(), **options):
        super().__init__(target_service, **options)
        self.timeout = timeout
        self.reads = {call.method: call for call in calls if call.service == target_service}

    def get_dependency(self, worker_ctx):
        settings = self.container.config.get("KAM_SETTINGS") or get_settings()
        return TimedServiceProxy(super().get_dependency(worker_ctx), self.target_service,
                                 self.timeout or settings.rpc_timeout, self.reads)


class TimedServiceProxy:
    def __init__(self, proxy, service_name, timeout, reads=None):
        self._proxy = proxy
        self._service_name = service_name
        self._timeout = timeout
        self._reads = reads or {}

    def __getattr__(self, method_name):
        method = getattr(self._proxy, method_name)

        def call(*args, **kwargs):
            try:
                reply = method.call_async(*args, **kwargs)
                with eventlet.Timeout(self._timeout):
                    result = reply.result()
            except (eventlet.Timeout, UnknownService) as error:
                raise ServiceUnavailable(f"{self._service_name}.{method_name} did not answer") from error
            read = self._reads.get(method_name)
            return read.load(result) if read and result is not None else result

        return call


class Cluster(RpcProxy):
    """`cluster = Cluster()`; `self.cluster["visits"].export_customer(id)`: any service by name, with the
    timeout, for the rare call that must reach services this one does not know in advance; `calls` as
    for Remote."""

    def __init__(self, timeout=None, calls=(), **options):
        super().__init__(target_service=None, **options)
        self.timeout = timeout
        self.calls = tuple(calls)

    def get_dependency(self, worker_ctx):
        settings = self.container.config.get("KAM_SETTINGS") or get_settings()
        timeout = self.timeout or settings.rpc_timeout
        listener, options, calls = self.rpc_reply_listener, self.options, self.calls

        class Services:
            def __getitem__(self, name):
                reads = {call.method: call for call in calls if call.service == name}
                return TimedServiceProxy(ServiceProxy(worker_ctx, name, listener, **options), name, timeout, reads)

        return Services()
