"""Calls from the gateway to a service over HTTP with keep-alive, beside RPC over RabbitMQ.

Every use case a service declares (kam.usecase) answers on both. The gateway sends its calls here:
one TCP round trip to the service instead of two hops through the broker, each with its own
serialisation and acknowledgement (docs/PERFORMANCE.md has the figures). Nothing else changes: the
service loads the call with its contract, decides on the caller's identity from the gateway, and a
command's events still leave through its outbox to RabbitMQ. Several instances of a service on one
host share its port (SO_REUSEPORT); across hosts, any HTTP load balancer does.

    POST /kam/<method>  {"args": [...], "kwargs": {...}}   headers: X-Kam-User-Id, -Role, -Name, -Request-Id
    → 200 {"result": ...} | {"error": <nameko-serialised KamError>}

The caller is taken from those headers, so when `KAM_DIRECT_SECRET` is set every call must also carry it
in `X-Kam-Direct-Secret` (401 otherwise): a process on the host that lacks it cannot act as a manager.
"""
import hmac
import json
from functools import partial
from urllib.parse import quote, unquote

import eventlet
import eventlet.hubs
from eventlet import wsgi
from eventlet.event import Event
from nameko.exceptions import serialize
from nameko.web.handlers import HttpRequestHandler
from nameko.web.server import WebServer
from werkzeug.wrappers import Response

from kam.errors import KamError

HEADERS = {"user_id": "X-Kam-User-Id", "role": "X-Kam-Role", "display_name": "X-Kam-Name",
           "request_id": "X-Kam-Request-Id"}
SECRET_HEADER = "X-Kam-Direct-Secret"


def carries_secret(settings, headers):
    """Whether a direct call may be served: no secret is configured, or the call carries it."""
    if not settings.direct_secret:
        return True
    return hmac.compare_digest(headers.get(SECRET_HEADER, "").encode(), settings.direct_secret.encode())


def service_port(settings, service_name, plugin_names):
    """The port a service listens on for direct calls: KAM_DIRECT_PORT_BASE plus its place among the
    installed plugins (the gateway reaches a service elsewhere at KAM_DIRECT_<NAME>=host:port)."""
    return settings.direct_port_base + sorted(plugin_names).index(service_name)


def service_address(settings, service_name, plugin_names):
    if service_name in settings.direct_addresses:
        return settings.direct_addresses[service_name]
    return f"127.0.0.1:{service_port(settings, service_name, plugin_names)}"


class DirectServer(WebServer):
    """One per service container, on the service's own port, keeping connections alive."""

    answering = None  # the AnsweredBeforeStop in front of the app, once started

    @property
    def bind_addr(self):
        from kam.plugins import discover
        from kam.service import settings_of

        settings = settings_of(self.container)
        if settings.direct_port_base is None:
            return ("127.0.0.1", 0)  # off: nothing listens
        return ("127.0.0.1" if settings.direct_host is None else settings.direct_host,
                service_port(settings, self.container.service_name, discover()))

    def start(self):
        from kam.service import settings_of

        if settings_of(self.container).direct_port_base is None:
            return  # direct calls are off: the gateway uses RPC over RabbitMQ
        if not self._starting:
            self._starting = True
            self._sock = eventlet.listen(self.bind_addr, reuse_port=True)
            self._sock.settimeout(None)
            self._serv = self.get_wsgi_server(self._sock, self.get_wsgi_app(), protocol=wsgi.HttpProtocol)
            self._gt = self.container.spawn_managed_thread(self.run)

    def get_wsgi_app(self):
        return AnsweredBeforeStop(self, super().get_wsgi_app())

    def refuse_calls(self):
        """When the entrypoints stop: the port closes, so new connections reach another instance sharing it,
        and calls on kept-alive connections are refused."""
        if self.answering is not None:
            self.answering.refusing = True
        self._stop_accepting()

    def _stop_accepting(self):
        self._is_accepting = False
        if self._gt is not None:
            self._gt.kill()
            self._sock.close()
            self._gt = None

    def stop(self):
        self._stop_accepting()
        if self.answering is not None:
            self.answering.wait(ANSWER_GRACE_SECONDS)
        super(WebServer, self).stop()

    def get_wsgi_server(self, sock, wsgi_app, protocol=wsgi.HttpProtocol, debug=False):
        server = super().get_wsgi_server(sock, wsgi_app, protocol=protocol, debug=debug)
        server.log_output = False  # the service logs its workers; an access line per call is noise
        return server


ANSWER_GRACE_SECONDS = 10


class AnsweredBeforeStop:
    """Counts the calls whose answer is not yet written, and refuses new ones once the service stops.

    The container kills the connections' threads once its workers are done; a worker's committed result
    must reach the caller before that, or the caller would see a failure for what happened. Kept-alive
    connections still bring calls after the entrypoints have stopped; one run then could commit and lose
    its answer, so from then on a call is a 503 that runs nothing, and the gateway answers 503 too."""

    def __init__(self, server, app):
        self.app, self.busy, self.refusing = app, 0, False
        server.answering = self

    def __call__(self, environ, start_response):
        if self.refusing:
            refused = Response(json.dumps({"error": "the service is stopping"}), status=503,
                               mimetype="application/json", headers={"Connection": "close"})
            return refused(environ, start_response)
        self.busy += 1
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self.busy -= 1
            raise
        return _Written(body, self)

    def wait(self, timeout):
        deadline = eventlet.hubs.get_hub().clock() + timeout
        while self.busy and eventlet.hubs.get_hub().clock() < deadline:
            eventlet.sleep(0.01)


class _Written:
    """The WSGI body; the server calls close() once it has written it."""

    def __init__(self, body, counter):
        self.body, self.counter, self.closed = body, counter, False

    def __iter__(self):
        return iter(self.body)

    def close(self):
        if not self.closed:
            self.closed = True
            self.counter.busy -= 1
            getattr(self.body, "close", lambda: None)()


class DirectCall(HttpRequestHandler):
    server = DirectServer()

    def __init__(self, **kwargs):
        super().__init__("POST", "/kam/<method>", **kwargs)

    def stop(self):
        self.server.refuse_calls()  # before the container waits for its workers: none starts after them
        super().stop()

    def get_url_rule(self):
        rule = super().get_url_rule()
        rule.rule = f"/kam/{self.method_name}"
        return rule

    def handle_request(self, request):
        from kam.service import settings_of

        request.shallow = False  # nameko reads no body before an entrypoint says so
        if not carries_secret(settings_of(self.container), request.headers):
            return Response(json.dumps({"error": "direct call without the shared secret"}), status=401,
                            mimetype="application/json")
        try:
            body = json.loads(request.get_data() or b"{}")
            args, kwargs = body.get("args", []), body.get("kwargs", {})
            context = {key: unquote(request.headers[header]) for key, header in HEADERS.items()
                       if header in request.headers}
            self.check_signature(args, kwargs)
        except (ValueError, TypeError) as error:
            return Response(json.dumps({"error": serialize(error)}), status=400, mimetype="application/json")
        done = Event()
        self.container.spawn_worker(self, args, kwargs, context_data=context,
                                    handle_result=partial(self.handle_result, done))
        result, exc_info = done.wait()
        if exc_info is None:
            return Response(json.dumps({"result": result}, ensure_ascii=False), mimetype="application/json")
        status = 200 if isinstance(exc_info[1], KamError) else 500
        return Response(json.dumps({"error": serialize(exc_info[1])}), status=status, mimetype="application/json")

    def handle_result(self, event, worker_ctx, result, exc_info):
        event.send((result, exc_info))
        return result, exc_info


def direct(fn):
    """Make a service method answer direct calls too."""
    return DirectCall.decorator(expected_exceptions=(KamError,))(fn)



class DirectClient:
    """The gateway's side: one keep-alive connection pool per gateway process, shared by its threads."""

    def __init__(self, settings, plugin_names):
        import urllib3

        self.settings = settings
        self.plugin_names = list(plugin_names)
        self.timeout = urllib3.Timeout(connect=min(2.0, settings.rpc_timeout), read=settings.rpc_timeout)
        self.pool = urllib3.PoolManager(num_pools=len(self.plugin_names) + 2, maxsize=32, block=False, retries=False)

    def service(self, name, identity):
        return DirectService(self, name, service_address(self.settings, name, self.plugin_names), identity)


class DirectService:
    def __init__(self, client, name, address, identity):
        self._client, self._name, self._address = client, name, address
        self._headers = {"Content-Type": "application/json",
                         **{header: quote(str(identity[key])) for key, header in HEADERS.items() if identity.get(key)}}
        if client.settings.direct_secret:
            self._headers[SECRET_HEADER] = client.settings.direct_secret

    def __getattr__(self, method_name):
        def call(*args, **kwargs):
            return self._call(method_name, args, kwargs)

        return call

    def _call(self, method_name, args, kwargs):
        import urllib3
        from nameko.exceptions import deserialize

        from kam.contracts import wire
        from kam.errors import ServiceUnavailable

        body = json.dumps({"args": wire(list(args)), "kwargs": wire(kwargs)}, ensure_ascii=False).encode()
        for _attempt in range(2):  # a refusal ran nothing: once more, on a new connection to another instance
            try:
                response = self._client.pool.request("POST", f"http://{self._address}/kam/{method_name}", body=body,
                                                     headers=self._headers, timeout=self._client.timeout)
            except urllib3.exceptions.HTTPError as error:
                raise ServiceUnavailable(f"{self._name}.{method_name} did not answer") from error
            if response.status != 503:
                break
        else:
            raise ServiceUnavailable(f"{self._name} is stopping; {method_name} did not run")
        if response.status == 404:
            raise ServiceUnavailable(f"{self._name} offers no {method_name}")
        if response.status == 401:
            raise ServiceUnavailable(f"{self._name} refused the direct call: KAM_DIRECT_SECRET differs")
        reply = json.loads(response.data)
        if "error" in reply:
            raise deserialize(reply["error"])
        return reply["result"]
