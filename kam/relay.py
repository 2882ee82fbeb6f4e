"""The outbox relay: publishes each service's committed events to RabbitMQ, at once after the commit
and again from the table after any failure or restart.

Publishing uses publisher confirms and `mandatory=True`: a row is marked published only once the
broker has confirmed it and routed it to at least one queue. On PostgreSQL rows are claimed with
`FOR UPDATE SKIP LOCKED`, so several relays can run; a relay killed mid-batch leaves its rows to be
published again, and the consumers' inbox makes that harmless.
"""
import logging
import select as io_select
import signal
import tempfile
import threading
import time
from pathlib import Path

from kombu import Connection, Producer
from sqlalchemy import select, update

from kam.db import make_engine, utcnow
from kam.outbox import notify_channel
from kam.topology import events_exchange

log = logging.getLogger(__name__)
BATCH = 200
HEARTBEAT = Path(tempfile.gettempdir()) / "kam-relay.heartbeat"
HEARTBEAT_STALE_SECONDS = 30


class Unroutable(Exception):
    """The broker returned a message: no queue is bound for its type."""


class Publisher:
    def __init__(self, amqp_uri):
        self.amqp_uri = amqp_uri
        self._connection = None
        self._producer = None

    def _ensure(self):
        if self._producer is None:
            self._connection = Connection(self.amqp_uri, transport_options={"confirm_publish": True},
                                          connect_timeout=5)
            self._connection.ensure_connection(max_retries=1)
            channel = self._connection.channel()
            events_exchange(channel).declare()
            self._producer = Producer(channel, exchange=events_exchange, on_return=self._returned)
        return self._producer

    @staticmethod
    def _returned(exception, exchange, routing_key, message):
        raise Unroutable(f"{routing_key}: {exception}")

    def publish(self, envelope):
        actor = envelope.get("actor") or {}
        headers = {f"nameko.{key}": value for key, value in (
            ("user_id", actor.get("user_id")), ("role", actor.get("role")),
            ("request_id", envelope.get("request_id"))) if value}
        self._ensure().publish(
            envelope, routing_key=envelope["type"], serializer="json", delivery_mode=2,
            mandatory=True, message_id=envelope["id"], headers=headers, retry=False)

    def reset(self):
        try:
            if self._connection is not None:
                self._connection.close()
        except Exception:  # noqa: BLE001 - the connection is being thrown away
            pass
        self._connection = self._producer = None


class OutboxRelay:
    """Relays one service database's outbox."""

    def __init__(self, name, metadata, settings):
        self.name = name
        self.outbox = metadata.tables["outbox"]
        self.settings = settings
        url, schema = settings.database_for(name)
        self.engine = make_engine(url, schema)
        self.publisher = Publisher(settings.amqp_uri)
        self.published = 0

    def drain(self):
        """Publish every pending row; returns how many were published."""
        total = 0
        while True:
            count = self._publish_batch()
            total += count
            if count < BATCH:
                return total

    def _publish_batch(self):
        query = select(self.outbox.c.seq, self.outbox.c.envelope).where(
            self.outbox.c.published_at.is_(None)).order_by(self.outbox.c.seq).limit(BATCH)
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        done, error = [], None
        with self.engine.begin() as connection:
            for seq, envelope in connection.execute(query).all():
                try:
                    self.publisher.publish(envelope)
                except Exception as exc:  # noqa: BLE001 - mark what went out, then report
                    error = exc
                    break
                done.append(seq)
            if done:
                connection.execute(update(self.outbox).where(self.outbox.c.seq.in_(done))
                                   .values(published_at=utcnow()))
        self.published += len(done)
        if error is not None:
            raise error
        return len(done)

    def run(self, stop):
        """Publish until `stop` is set; waits on NOTIFY (PostgreSQL) or polls (SQLite)."""
        listener, backoff = None, 0.5
        while not stop.is_set():
            try:
                if listener is None and self.engine.dialect.name == "postgresql":
                    listener = self._listen()
                self.drain()
                self._wait(listener, stop)
                backoff = 0.5
            except Exception as error:  # noqa: BLE001 - rows stay pending; try again after a pause
                log.warning("relay %s: failed, retrying in %.1fs: %r", self.name, backoff, error)
                self.publisher.reset()
                listener = self._close(listener)
                stop.wait(backoff)
                backoff = min(backoff * 2, 10)
        self.publisher.reset()
        self._close(listener)

    @staticmethod
    def _close(listener):
        if listener is not None:
            try:
                listener.close()
            except Exception:  # noqa: BLE001
                pass

    def _listen(self):
        raw = self.engine.raw_connection()
        raw.driver_connection.autocommit = True
        raw.driver_connection.cursor().execute(f"LISTEN {notify_channel(self.name)}")
        return raw

    def _wait(self, listener, stop):
        if listener is None:
            stop.wait(self.settings.relay_poll_seconds)
            return
        connection = listener.driver_connection
        io_select.select([connection], [], [], 1.0)
        connection.poll()
        connection.notifies.clear()


def run_relays(plugins, settings, stop=None):
    """One relay thread per service database; returns when `stop` is set."""
    stop = stop or threading.Event()
    relays = [OutboxRelay(name, plugin.load_metadata(), settings) for name, plugin in plugins.items()]
    threads = [threading.Thread(target=relay.run, args=(stop,), name=f"relay-{relay.name}", daemon=True)
               for relay in relays]
    for thread in threads:
        thread.start()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.is_set():
            if all(thread.is_alive() for thread in threads):
                HEARTBEAT.touch()
            time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=5)
    return relays


def heartbeat_is_fresh(now=None):
    """For a container healthcheck: every relay thread was alive within the last half minute."""
    try:
        age = (now or time.time()) - HEARTBEAT.stat().st_mtime
    except FileNotFoundError:
        return False
    return age < HEARTBEAT_STALE_SECONDS
