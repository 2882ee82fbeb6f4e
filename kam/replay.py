"""Failed events: list them across services, and send them again to the handler that failed."""
from kombu import Connection, Producer
from sqlalchemy import select, update

from kam.db import make_engine, utcnow


class FailedEvents:
    def __init__(self, plugins, settings):
        self.settings = settings
        self._tables = {name: plugin.load_metadata().tables["failed_events"] for name, plugin in plugins.items()}
        self._engines = {name: make_engine(*settings.database_for(name)) for name in self._tables}

    def pending(self):
        rows = []
        for name, table in self._tables.items():
            with self._engines[name].connect() as connection:
                found = connection.execute(select(table).where(table.c.replayed_at.is_(None))
                                           .order_by(table.c.id)).mappings().all()
            rows += [{"service": name, **row} for row in found]
        return rows

    def replay(self, ids=None):
        """Publish each pending failed event (all, or those with these `service:id` keys) straight to
        its handler's queue, with confirms; returns the keys replayed."""
        wanted = set(ids or ())
        replayed = []
        with Connection(self.settings.amqp_uri, transport_options={"confirm_publish": True}) as connection:
            producer = Producer(connection.channel())
            for row in self.pending():
                key = f"{row['service']}:{row['id']}"
                if wanted and key not in wanted:
                    continue
                producer.publish(row["envelope"], exchange="", routing_key=row["queue"], serializer="json",
                                 delivery_mode=2, mandatory=True, message_id=row["envelope"].get("id"))
                table = self._tables[row["service"]]
                with self._engines[row["service"]].begin() as db:
                    db.execute(update(table).where(table.c.id == row["id"]).values(replayed_at=utcnow()))
                replayed.append(key)
        return replayed

    def close(self):
        for engine in self._engines.values():
            engine.dispose()
