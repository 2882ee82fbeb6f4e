"""The unit of work: a service's change and the events it raises commit together, in one transaction."""
from sqlalchemy import insert, text

from kam.db import utcnow
from kam.events import make_envelope


def notify_channel(service_name):
    return f"kam_outbox_{service_name}"


class UnitOfWork:
    """Use as `with store.unit_of_work() as uow: ...; uow.commit()`; leaving without commit rolls back."""

    def __init__(self, sessions, outbox_table, *, producer, actor=None, request_id=None, postgres=False):
        self._sessions = sessions
        self._outbox = outbox_table
        self.producer = producer
        self.actor = actor or {}
        self.request_id = request_id
        self._postgres = postgres
        self.session = None
        self.events = []
        self.committed = False

    def __enter__(self):
        self.session = self._sessions()
        self.events = []
        return self

    def __exit__(self, *exc_info):
        self.session.rollback()
        self.session.close()

    def publish(self, contract, data, occurred_at=None):
        """Record an event; it leaves through the outbox after the commit, never before."""
        return self._record([(contract, data, occurred_at, None)])[0]

    def collect(self, *facts):
        """Record the events the domain returned (`Contract.of(...)`), in the order raised: one statement
        for all of them (an import collects a batch's hundreds at once)."""
        if facts:
            self._record([(fact.contract, fact.data, fact.occurred_at, fact.wire) for fact in facts])

    def _record(self, events):
        envelopes = [make_envelope(contract, data, producer=self.producer, actor=self.actor,
                                   request_id=self.request_id, occurred_at=occurred_at, wire=wire)
                     for contract, data, occurred_at, wire in events]
        created_at = utcnow()
        self.session.execute(insert(self._outbox), [
            {"event_id": envelope["id"], "type": envelope["type"], "envelope": envelope, "created_at": created_at}
            for envelope in envelopes])
        self.events.extend(envelopes)
        return envelopes

    def commit(self):
        if self.events and self._postgres:
            self.session.execute(text(f"NOTIFY {notify_channel(self.producer)}"))
        self.session.commit()
        self.events = []
        self.committed = True
