"""Calls from the gateway to a service inside the gateway's own process: the embedded default's shape.

On one machine (`kam dev`), a read through the gateway crossed three processes and two loopback hops; the
service's HTTP server, its nameko worker and the gateway's HTTP client cost more CPU than the use case
itself (docs/PERFORMANCE.md has the figures). With `KAM_LOCAL_CALLS=on`, which `kam dev` sets, each
gateway worker hosts the services' use cases: the service's own declaration (kam.usecase), contract,
handler, unit of work and outbox, on the service's own database, acting as the caller the gateway
authenticated. Nothing of a rule moves into the gateway, and a command's events still leave through the
service's outbox and the relay to RabbitMQ.

A use case is hosted when every dependency it declares can be made outside a running service: a
DependencyProvider says so with `outside_container(settings)`, which returns what a call gets. One that
needs another service or the cluster (an RPC proxy lives in a nameko container), or that its service
declares `hostable=False`, stays a call to the running service, direct or over RabbitMQ, as before.
"""
import json
import logging

from nameko.exceptions import RemoteError

from kam.clock import clock_of
from kam.contracts import wire
from kam.db import make_engine, session_factory
from kam.errors import KamError
from kam.identity import Actor
from kam.service import store_of

log = logging.getLogger("kam.local")


class LocalCalls:
    """The gateway's side: every service's hosted use cases, made when the app is (gunicorn makes it in
    each worker after the fork, so no database connection is shared between processes; engines connect
    on first use), so that the idle footprint and the start are measured with them."""

    def __init__(self, settings, plugins, elsewhere):
        self.elsewhere = elsewhere  # (service name, identity) -> the proxy of the running service
        self._hosted = {name: HostedService(plugin, settings) for name, plugin in plugins.items()}

    def service(self, name, identity):
        return LocalService(self, name, identity)

    def hosted(self, name):
        return self._hosted[name]

    def close(self):
        for hosted in self._hosted.values():
            hosted.close()


class HostedService:
    """One service's hosted use cases, its database engine and the dependencies they declare."""

    def __init__(self, plugin, settings):
        service_cls = plugin.load_service()
        self.name = service_cls.name
        self.settings = settings
        self.offers = service_cls.offers
        self.metadata = plugin.load_metadata()
        self.clock = clock_of(settings)
        providers = {name: getattr(service_cls, name, None) for case in service_cls.use_cases.values()
                     for name in case.uses}
        self.dependencies = {name: provider.outside_container(settings) for name, provider in providers.items()
                             if hasattr(provider, "outside_container")}
        self.use_cases = {name: case for name, case in service_cls.use_cases.items()
                          if case.hostable and all(dependency in self.dependencies for dependency in case.uses)}
        self.engine = make_engine(*settings.database_for(self.name), **settings.pool_options)
        self.sessions = session_factory(self.engine)

    def call(self, method_name, identity, args, kwargs):
        case = self.use_cases[method_name]
        actor = Actor.from_context(identity)
        db = store_of(self.name, self.sessions, self.metadata, self.settings, actor)
        dependencies = {name: self.dependencies[name]() for name in case.uses}
        args, kwargs = as_sent(args), as_sent(kwargs)
        try:
            return as_sent(case.perform(self.offers[method_name], db, actor, self.clock.now(), args, kwargs,
                                        dependencies))
        except KamError:
            raise
        except Exception as error:
            # what a service's worker would have answered: the gateway logs it and says 500, nothing more
            log.exception("%s.%s failed", self.name, method_name)
            raise RemoteError(type(error).__name__, str(error)) from error

    def close(self):
        self.engine.dispose()


def as_sent(value):
    """A value as a call over the wire would deliver it (JSON: tuples become lists, keys strings), so that a
    hosted call answers exactly as a direct one (about 20 µs for a customer file, 1–2 % of a read)."""
    return json.loads(json.dumps(wire(value), ensure_ascii=False))


class LocalService:
    """The proxy of one service for one request: hosted use cases run here, the rest where the service runs."""

    def __init__(self, calls, name, identity):
        self._calls, self._name, self._identity = calls, name, identity

    def __getattr__(self, method_name):
        hosted = self._calls.hosted(self._name)
        if method_name not in hosted.use_cases:
            return getattr(self._calls.elsewhere(self._name, self._identity), method_name)

        def call(*args, **kwargs):
            return hosted.call(method_name, self._identity, args, kwargs)

        return call
