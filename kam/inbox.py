"""Consuming events: a nameko entrypoint per handler, an idempotent inbox, retries, then parking.

    class Analytics(ServiceBase):
        @handles(CustomerCreated)
        def count_customer(self, uow, event): ...

The handler runs in a unit of work that also records the event id in the inbox, so a redelivered
event changes nothing. A handler that raises is retried with backoff; after the last try the event is
parked in `failed_events` (see `kam events failed|replay`) and only then acknowledged.

The deliveries the broker has already handed over to a handler's queue are applied together: one worker,
one transaction, then their acknowledgements. A batch that fails is rolled back whole and its events are
applied one by one, each with its retries, so one bad event costs only its own parking.
"""
import functools
import logging
import time

import eventlet
from nameko.exceptions import ContainerBeingKilled
from nameko.messaging import Consumer
from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite

from kam.db import utcnow
from kam.errors import ContractViolation
from kam.events import read_envelope, routing_key
from kam.topology import handler_queue, queue_name

log = logging.getLogger(__name__)


class EventHandler(Consumer):
    """Consumes one handler's durable queue; a message is acked only once its effect or its parking
    has committed, and requeued if even parking failed."""

    def __init__(self, contracts, **kwargs):
        self.contracts = tuple(contracts)
        self.routing_keys = sorted({routing_key(contract) for contract in self.contracts})
        super().__init__(queue=None, requeue_on_error=True, **kwargs)

    def setup(self):
        self.queue = handler_queue(self.container.service_name, self.method_name, self.routing_keys)
        self._waiting = []
        super().setup()

    def handle_message(self, body, message):
        self._waiting.append((body, message))
        if len(self._waiting) == 1:
            self.container.spawn_managed_thread(self._hand_over)

    def _hand_over(self):
        eventlet.sleep(0)  # the deliveries already read from the socket join this batch
        batch, self._waiting = self._waiting, []
        messages = [message for _, message in batch]
        try:
            self.container.spawn_worker(self, ([body for body, _ in batch],), {},
                                        context_data=self.unpack_message_headers(messages[0]),
                                        handle_result=functools.partial(self._handled, messages))
        except ContainerBeingKilled:
            for message in messages:
                self.queue_consumer.requeue_message(message)

    def _handled(self, messages, worker_ctx, result=None, exc_info=None):
        for message in messages:
            self.handle_message_processed(message, result, exc_info)
        return result, exc_info


def handles(*contracts):
    """Make a service method `(self, uow, event)` the handler of the events these contracts read."""
    by_key = {(contract.event_type, contract.version): contract for contract in contracts}

    def decorate(fn):
        @functools.wraps(fn)
        def consume(self, bodies):
            consumer = queue_name(self.name, fn.__name__)
            self.db.apply_events(bodies, consumer, by_key, functools.partial(fn, self))

        return EventHandler.decorator(contracts)(consume)

    return decorate


@functools.cache
def _claim_statement(inbox, postgres):
    """The inbox row, unless it is there: one statement where a select first cost a round trip an event."""
    return (postgresql.insert if postgres else sqlite.insert)(inbox).on_conflict_do_nothing()


class Inbox:
    """Applies events exactly once in effect for one consumer, over one service database."""

    def __init__(self, store, retry_delays):
        self.store = store
        self.retry_delays = retry_delays
        self.inbox = store.tables["inbox"]
        self.failed = store.tables["failed_events"]
        self.claim = _claim_statement(self.inbox, store.postgres)

    def apply_all(self, bodies, consumer, contracts, handler):
        """Each event's outcome, in order: applied together when they can be, else one by one."""
        events = {}
        for n, body in enumerate(bodies):
            try:
                events[n] = read_envelope(body, contracts)
            except ContractViolation as error:
                self._park(body, consumer, f"ContractViolation: {error}", attempts=0)
        outcomes = dict.fromkeys(range(len(bodies)), "parked")
        together = self._apply_together(events, consumer, handler) if len(events) > 1 else None
        outcomes.update(together if together is not None else {
            n: self._apply_with_retries(event, bodies[n], consumer, handler) for n, event in events.items()})
        return list(outcomes.values())

    def apply(self, body, consumer, contracts, handler):
        return self.apply_all([body], consumer, contracts, handler)[0]

    def _apply_together(self, events, consumer, handler):
        """Every event's outcome in one transaction, or None once it failed and was rolled back whole. Each
        event's inbox row is claimed just before its handler runs, not all in one insert first: a handler
        that commits part-way then commits only the claims whose effects it commits too (one insert for
        the batch lost effects in test_consumer_killed_mid_handler_loses_and_doubles_nothing)."""
        try:
            with self.store.unit_of_work() as uow:
                outcomes = {}
                for n, event in events.items():
                    uow.actor, uow.request_id = event["actor"] or {}, event.get("request_id")  # its events' own
                    outcomes[n] = self._claimed_and_handled(uow, event, consumer, handler)
                uow.commit()
            return outcomes
        except Exception as exc:  # noqa: BLE001 - each event is then applied on its own, with its retries
            log.info("a batch of %d for %s failed, applying them one by one: %r", len(events), consumer, exc)
            return None

    def _apply_with_retries(self, event, body, consumer, handler):
        error = None
        for attempt, delay in enumerate((0, *self.retry_delays), start=1):
            time.sleep(delay)
            try:
                return self._apply_once(event, consumer, handler)
            except Exception as exc:  # noqa: BLE001 - any failure of a handler is retried, then parked
                if self.applied(event["id"], consumer):
                    return "duplicate"
                error = exc
                log.warning("handler %s failed on %s (attempt %d): %r", consumer, event["id"], attempt, exc)
        self._park(body, consumer, f"{type(error).__name__}: {error}", attempts=attempt)
        return "parked"

    def applied(self, event_id, consumer):
        with self.store.session() as session:
            return self._seen(session, event_id, consumer)

    def _apply_once(self, event, consumer, handler):
        with self.store.unit_of_work(actor=event["actor"], request_id=event.get("request_id")) as uow:
            outcome = self._claimed_and_handled(uow, event, consumer, handler)
            uow.commit()  # the inbox row, and whatever the handler left uncommitted
        return outcome

    def _claimed_and_handled(self, uow, event, consumer, handler):
        claimed = uow.session.execute(self.claim, {"event_id": event["id"], "consumer": consumer,
                                                   "applied_at": utcnow()})
        if claimed.rowcount != 1:  # applied already, or by a redelivery whose commit the insert waited for
            return "duplicate"
        handler(uow, event)
        return "applied"

    def _seen(self, session, event_id, consumer):
        found = session.execute(select(self.inbox.c.event_id).where(
            self.inbox.c.event_id == event_id, self.inbox.c.consumer == consumer)).first()
        return found is not None

    def _park(self, body, consumer, error, attempts):
        body = body if isinstance(body, dict) else {"raw": repr(body)}
        log.error("parking event %s for %s: %s", body.get("id"), consumer, error)
        with self.store.session() as session:
            session.execute(insert(self.failed).values(
                event_id=str(body.get("id", "")), consumer=consumer, queue=consumer,
                envelope=body, error=error[:4000], attempts=attempts, failed_at=utcnow()))
            session.commit()
