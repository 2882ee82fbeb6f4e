"""A service built on the platform alone, to prove delivery under faults.

Its one handler records each event it applies as a row in `effects` (no unique key, so a doubled
effect would show), can be told to sleep (to be killed mid-handler) or to fail (KAM_PROBE_BROKEN=1).
"""
import os
import time

from marshmallow import fields
from sqlalchemy import Column, Integer, String, Table, func, insert, select, text

from kam.db import make_engine, service_metadata
from kam.events import Contract
from kam.inbox import handles
from kam.plugins import ServicePlugin
from kam.service import Database, ServiceBase

metadata = service_metadata()
effects = Table(
    "effects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False),
    Column("n", Integer, nullable=False),
)


class ProbeHappened(Contract):
    event_type = "probe.happened"
    n = fields.Integer(required=True)
    sleep = fields.Float(load_default=0.0)


class ProbeService(ServiceBase):
    name = "probe"
    db = Database(metadata)

    @handles(ProbeHappened)
    def apply(self, uow, event):
        if os.environ.get("KAM_PROBE_BROKEN") == "1":
            raise RuntimeError("the probe handler is broken")
        time.sleep(event["data"]["sleep"])
        uow.session.execute(insert(effects).values(event_id=event["id"], n=event["data"]["n"]))
        uow.commit()


plugin = ServicePlugin(name="probe", service="tests.integration.probe:ProbeService",
                       metadata="tests.integration.probe:metadata")


def create_tables(settings):
    url, schema = settings.database_for("probe")
    engine = make_engine(url, schema)
    if schema:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    metadata.create_all(engine)
    engine.dispose()


def count_effects(store):
    with store.session() as session:
        total, distinct = session.execute(select(func.count(), func.count(func.distinct(effects.c.event_id)))).one()
    return total, distinct
