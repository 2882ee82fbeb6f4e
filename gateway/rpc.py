"""A pool of started nameko RPC proxies: created lazily (after any fork), checked out one per request,
never shared by two threads at once, thrown away when their connection breaks."""
import queue
import threading

from flask import g
from nameko.exceptions import RpcTimeout
from nameko.standalone.rpc import ClusterRpcProxy

from kam import service_rpc  # noqa: F401 - its kept producers: no kombu Connection built per publish
from kam.identity import CONTEXT_KEYS


class PooledProxy:
    def __init__(self, config, timeout):
        self.context = {}
        self._standalone = ClusterRpcProxy(config, context_data=self.context, timeout=timeout)
        self.cluster = self._standalone.start()

    def use_context(self, data):
        self.context.clear()
        self.context.update({key: data[key] for key in CONTEXT_KEYS if data.get(key) is not None})
        return self.cluster

    def close(self):
        try:
            self._standalone.stop()
        except Exception:  # noqa: BLE001 - a broken proxy is being thrown away
            pass


class RpcPool:
    def __init__(self, settings, timeout=None, size=None):
        self.config = {"AMQP_URI": settings.amqp_uri, "serializer": "json"}
        self.timeout = timeout or settings.rpc_timeout
        self.size = size or settings.rpc_pool_size
        self._idle = queue.LifoQueue()
        self._lock = threading.Lock()
        self._created = 0

    def checkout(self):
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            grow = self._created < self.size
            if grow:
                self._created += 1
        if not grow:
            try:
                return self._idle.get(timeout=self.timeout)
            except queue.Empty as error:
                raise RpcTimeout("no free RPC proxy") from error
        try:
            return PooledProxy(self.config, self.timeout)
        except Exception:
            with self._lock:
                self._created -= 1
            raise

    def checkin(self, proxy, broken=False):
        if broken:
            proxy.close()
            with self._lock:
                self._created -= 1
        else:
            self._idle.put(proxy)

    def proxy_for_request(self):
        """The request's proxy, checked out on first use and returned at teardown."""
        if "kam_rpc" not in g:
            g.kam_rpc = self.checkout()
            g.kam_rpc_pool = self
        identity = g.get("identity") or {}
        return g.kam_rpc.use_context({**identity, "request_id": g.get("request_id")})

    def close(self):
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def mark_broken(_error):
    if "kam_rpc" in g:
        g.kam_rpc_broken = True


def release_request_proxy(_exc=None):
    proxy = g.pop("kam_rpc", None)
    if proxy is not None:
        g.pop("kam_rpc_pool").checkin(proxy, broken=g.pop("kam_rpc_broken", False))
