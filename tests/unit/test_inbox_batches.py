"""Deliveries taken together: one transaction for a batch, each event's effect once, and a failing event
parked alone while the rest of its batch takes effect."""
import pytest
from marshmallow import fields
from sqlalchemy import Column, String, Table, event, func, insert, select

from kam.db import make_engine, service_metadata, session_factory
from kam.events import Contract, make_envelope
from kam.service import Store

CONSUMER = "things.count_thing"


class ThingHappened(Contract):
    event_type = "thing.happened"
    name = fields.String(required=True)


CONTRACTS = {("thing.happened", 1): ThingHappened}


@pytest.fixture
def store(tmp_path):
    metadata = service_metadata()
    Table("things", metadata, Column("event_id", String(32), primary_key=True), Column("name", String(40)),
          Column("actor", String(32)))
    engine = make_engine(f"sqlite:///{tmp_path}/things.db")
    metadata.create_all(engine)
    commits = []
    event.listen(engine, "commit", lambda connection: commits.append(1))
    store = Store("things", session_factory(engine), metadata.tables, postgres=False, actor={}, request_id=None,
                  retry_delays=(0.0,))
    store.commits = commits
    yield store
    engine.dispose()


def thing(name, user_id="u1"):
    return make_envelope(ThingHappened, {"name": name}, producer="things", actor={"user_id": user_id, "role": "developer"})


@pytest.fixture
def count_thing(store):
    """The handler: a row a thing and an event of its own; it fails on 坏的."""
    def count(uow, envelope):
        if envelope["data"]["name"] == "坏的":
            raise ValueError("a handler that fails on this event")
        uow.publish(ThingHappened, {"name": envelope["data"]["name"] + "已计"})
        uow.session.execute(insert(store.tables["things"]).values(
            event_id=envelope["id"], name=envelope["data"]["name"], actor=envelope["actor"]["user_id"]))

    return count


def rows(store, table):
    with store.session() as session:
        return session.execute(select(store.tables[table])).mappings().all()


def test_a_batch_of_deliveries_takes_effect_in_one_transaction(store, count_thing):
    batch = [thing("王丽"), thing("李娜", "u2"), thing("张伟")]

    outcomes = store.apply_events(batch, CONSUMER, CONTRACTS, count_thing)

    assert outcomes == ["applied"] * 3
    assert store.commits == [1]
    assert sorted(row["name"] for row in rows(store, "things")) == ["张伟", "李娜", "王丽"]
    assert len(rows(store, "inbox")) == 3


def test_each_event_of_a_batch_publishes_as_its_own_actor(store, count_thing):
    store.apply_events([thing("王丽", "u1"), thing("李娜", "u2")], CONSUMER, CONTRACTS, count_thing)

    published = {row["envelope"]["data"]["name"]: row["envelope"]["actor"]["user_id"] for row in rows(store, "outbox")}
    assert published == {"王丽已计": "u1", "李娜已计": "u2"}


def test_an_event_delivered_twice_in_one_batch_takes_effect_once(store, count_thing):
    once = thing("王丽")

    outcomes = store.apply_events([once, once], CONSUMER, CONTRACTS, count_thing)

    assert outcomes == ["applied", "duplicate"]
    assert len(rows(store, "things")) == 1


def test_a_failing_event_is_parked_alone_and_the_rest_of_its_batch_takes_effect(store, count_thing):
    outcomes = store.apply_events([thing("王丽"), thing("坏的"), thing("张伟")], CONSUMER, CONTRACTS, count_thing)

    assert outcomes == ["applied", "parked", "applied"]
    assert sorted(row["name"] for row in rows(store, "things")) == ["张伟", "王丽"]
    [parked] = rows(store, "failed_events")
    assert parked["envelope"]["data"]["name"] == "坏的" and parked["error"].startswith("ValueError")
    assert len(rows(store, "outbox")) == 2  # the rolled-back batch left nothing behind


def test_an_event_that_breaks_its_contract_is_parked_and_the_rest_of_its_batch_takes_effect(store, count_thing):
    broken = {**thing("王丽"), "data": {}}

    outcomes = store.apply_events([broken, thing("李娜"), thing("张伟")], CONSUMER, CONTRACTS, count_thing)

    assert outcomes == ["parked", "applied", "applied"]
    assert len(store.commits) == 2 and len(rows(store, "things")) == 2  # the parking, then the batch
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(store.tables["failed_events"])) == 1


def test_an_event_applied_before_is_a_duplicate_in_a_later_batch(store, count_thing):
    first = thing("王丽")
    store.apply_events([first], CONSUMER, CONTRACTS, count_thing)

    outcomes = store.apply_events([thing("李娜"), first, thing("张伟")], CONSUMER, CONTRACTS, count_thing)

    assert outcomes == ["applied", "duplicate", "applied"]
    assert sorted(row["name"] for row in rows(store, "things")) == ["张伟", "李娜", "王丽"]
