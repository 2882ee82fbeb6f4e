"""Fakes of what the platform owns, for handler unit tests in the cosmicpython style: no broker, no
PostgreSQL. The unit of work runs on an in-memory SQLite database with the service's tables and keeps
the events it was given instead of writing an outbox."""
from sqlalchemy import StaticPool, create_engine

from kam.db import session_factory
from kam.events import make_envelope


class FakeUnitOfWork:
    def __init__(self, metadata, actor=None, producer="test"):
        self.engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
        metadata.create_all(self.engine)  # a test database, not a service's: migrations own those
        self._sessions = session_factory(self.engine)
        self.session = self._sessions()
        self.producer = producer
        self.actor = actor or {}
        self.published = []
        self.commits = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.session.rollback()

    def publish(self, contract, data, occurred_at=None):
        envelope = make_envelope(contract, data, producer=self.producer, actor=self.actor, occurred_at=occurred_at)
        self.published.append(envelope)
        return envelope

    def collect(self, *facts):
        for fact in facts:
            self.publish(fact.contract, fact.data, fact.occurred_at)

    def commit(self):
        self.session.commit()
        self.commits += 1

    def published_types(self):
        return [envelope["type"] for envelope in self.published]


class FakeRemote:
    """A stand-in for another service's RPC proxy: `FakeRemote(get_customer=lambda id: {...})`."""

    def __init__(self, **methods):
        self.calls = []
        self._methods = methods

    def __getattr__(self, name):
        method = self._methods[name]

        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return method(*args, **kwargs)

        return call
