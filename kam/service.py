"""What every service plugs into: its database as a small front object, the caller, and health."""
import logging
import time
from contextlib import contextmanager

from nameko.extensions import DependencyProvider
from sqlalchemy import func, select

from kam.clock import Clock
from kam.config import get_settings
from kam.db import make_engine, session_factory
from kam.identity import Actor
from kam.inbox import Inbox
from kam.logs import request_id_var
from kam.outbox import UnitOfWork
from kam.service_rpc import rpc
from kam.usecase import declare_entrypoints

worker_log = logging.getLogger("kam.worker")


def settings_of(container):
    return container.config.get("KAM_SETTINGS") or get_settings()


class Store:
    """A worker's view of its service database."""

    def __init__(self, name, sessions, tables, *, postgres, actor, request_id, retry_delays):
        self.name = name
        self.tables = tables
        self._sessions = sessions
        self.postgres = postgres
        self._actor = actor
        self._request_id = request_id
        self._inbox = Inbox(self, retry_delays)

    def unit_of_work(self, actor=None, request_id=None):
        return UnitOfWork(self._sessions, self.tables["outbox"], producer=self.name,
                          actor=actor if actor is not None else self._actor,
                          request_id=request_id or self._request_id, postgres=self.postgres)

    @contextmanager
    def session(self):
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def apply_event(self, body, consumer, contracts, handler):
        return self._inbox.apply(body, consumer, contracts, handler)

    def apply_events(self, bodies, consumer, contracts, handler):
        return self._inbox.apply_all(bodies, consumer, contracts, handler)

    def failed_events(self):
        failed = self.tables["failed_events"]
        with self.session() as session:
            return session.scalar(select(func.count()).select_from(failed).where(failed.c.replayed_at.is_(None)))


def open_store(name, metadata, settings, actor=None):
    """A Store outside nameko (command-line tools, demo data); close it with `.close()`."""
    engine = make_engine(*settings.database_for(name))
    store = Store(name, session_factory(engine), metadata.tables, postgres=settings.uses_postgres,
                  actor=actor or {}, request_id=None, retry_delays=settings.retry_delays)
    store.close = engine.dispose
    return store


class Database(DependencyProvider):
    """The service's own database. Engines open lazily; tables come from migrations, never from here."""

    def __init__(self, metadata):
        self.metadata = metadata

    def setup(self):
        self.settings = settings_of(self.container)
        url, schema = self.settings.database_for(self.container.service_name)
        self.engine = make_engine(url, schema, **self.settings.pool_options)
        self.sessions = session_factory(self.engine)

    def stop(self):
        self.engine.dispose()

    def kill(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        return store_of(self.container.service_name, self.sessions, self.metadata, self.settings,
                        Actor.from_context(worker_ctx.data))


def store_of(name, sessions, metadata, settings, actor):
    """The Store of one call or event, acting as `actor` (a kam.identity.Actor)."""
    return Store(name, sessions, metadata.tables, postgres=settings.uses_postgres, actor=actor.as_dict(),
                 request_id=actor.request_id, retry_delays=settings.retry_delays)


class CurrentActor(DependencyProvider):
    """The originating user of this worker, from nameko context data."""

    def get_dependency(self, worker_ctx):
        return Actor.from_context(worker_ctx.data)


class LogContext(DependencyProvider):
    """Every log line a worker writes carries the request id of the call or event that started it
    (each eventlet green thread has its own context). At KAM_LOG_LEVEL=DEBUG each worker also logs
    what it served and how long it took, which shows how calls spread over a service's instances."""

    def setup(self):
        self.started = {}

    def worker_setup(self, worker_ctx):
        request_id_var.set(worker_ctx.data.get("request_id"))
        if worker_log.isEnabledFor(logging.DEBUG):
            self.started[worker_ctx] = time.perf_counter()

    def worker_teardown(self, worker_ctx):
        started = self.started.pop(worker_ctx, None)
        if started is not None:
            worker_log.debug("served %s", worker_ctx.call_id, extra={
                "service": worker_ctx.service_name, "entrypoint": worker_ctx.entrypoint.method_name,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2)})


class ServiceBase:
    """Mixin for every KAM service: set `name`, `db = Database(metadata)` and `offers` (the service's
    RPC contracts), and declare use cases with `kam.usecase.command` and `query`."""

    actor = CurrentActor()
    log_context = LogContext()
    clock = Clock()
    offers = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        declare_entrypoints(cls)

    @rpc
    def health(self):
        return {"status": "ok", "failed_events": self.db.failed_events()}

    @rpc
    def export_customer(self, customer_id):
        """All this service holds on one customer (PIPL export). A service that holds any overrides it,
        and also handles `customer.erased`."""
        return {}
