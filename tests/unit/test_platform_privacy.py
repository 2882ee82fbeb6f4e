"""PIPL erasure in the platform tables, and errors that never carry a statement's parameters."""
import pytest
from sqlalchemy import Column, MetaData, String, Table, insert, select
from sqlalchemy.exc import IntegrityError

from kam.db import make_engine, service_metadata, session_factory, utcnow
from kam.privacy import erase_customer_events


@pytest.fixture()
def session(tmp_path):
    metadata = service_metadata()
    engine = make_engine(f"sqlite:///{tmp_path}/service.db")
    metadata.create_all(engine)
    with session_factory(engine)() as session:
        yield session, metadata


def envelope(event_id, customer_id, **data):
    return {"id": event_id, "type": "customer.updated", "version": 1, "occurred_at": "2026-01-01T00:00:00+00:00",
            "producer": "customers", "actor": {}, "data": {"customer_id": customer_id, **data}}


def test_an_erased_customers_identity_leaves_the_outbox_and_the_failed_events(session):
    session, metadata = session
    outbox, failed = metadata.tables["outbox"], metadata.tables["failed_events"]
    session.execute(insert(outbox), [
        {"event_id": "e1", "type": "customer.updated", "created_at": utcnow(), "published_at": utcnow(),
         "envelope": envelope("e1", "c1", name="张三", key_dates=[{"date": "1970-01-01"}], category="A")},
        {"event_id": "e2", "type": "customer.updated", "created_at": utcnow(), "published_at": utcnow(),
         "envelope": envelope("e2", "c2", name="李四")},
    ])
    session.execute(insert(failed).values(
        event_id="e3", consumer="visits.refresh", queue="q", attempts=3, failed_at=utcnow(),
        envelope=envelope("e3", "c1", reason="张三的生日宴", place="北京饭店"), error="ValueError: 张三 13800000000"))
    session.commit()

    erase_customer_events(session, metadata, "c1")
    session.commit()

    kept = dict(session.execute(select(outbox.c.event_id, outbox.c.envelope)).all())
    assert kept["e1"]["data"] == {"customer_id": "c1", "category": "A"}
    assert kept["e2"]["data"]["name"] == "李四"
    parked = session.execute(select(failed)).mappings().one()
    assert parked["envelope"]["data"] == {"customer_id": "c1"}
    assert "张三" not in parked["error"] and parked["error"].startswith("ValueError")


def test_database_errors_never_carry_the_statements_parameters(tmp_path):
    metadata = MetaData()
    people = Table("people", metadata, Column("phone", String, primary_key=True))
    engine = make_engine(f"sqlite:///{tmp_path}/people.db")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(people).values(phone="13800000000"))
    with pytest.raises(IntegrityError) as raised, engine.begin() as connection:
        connection.execute(insert(people).values(phone="13800000000"))
    assert "13800000000" not in str(raised.value)
