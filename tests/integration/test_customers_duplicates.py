"""A person is entered once, enforced by PostgreSQL: two registrations of one phone at the same moment give
one customer and one 409 `duplicate_customer`; migration 0005 keys old rows, the oldest keeping a key."""
import threading
from datetime import UTC, datetime

import eventlet
import pytest
from sqlalchemy import select, text

from kam import migrate, testing
from kam.config import Settings
from kam.db import make_engine
from kam.errors import Conflict
from kam.identity import Actor
from services.customers.handlers import files
from services.customers.models import customers
from services.customers.plugin import plugin
from services.customers.rules import load_rules
from services.customers.sealing import Sealer
from services.customers.service import CustomersService

DEV, OTHER_DEV = Actor("dev-1", "developer"), Actor("dev-2", "developer")
NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)


def test_two_concurrent_creates_of_the_same_phone_give_one_customer_and_one_duplicate(service_harness):
    harness = service_harness(CustomersService, now=NOW, rpc_timeout=5)
    outcomes, start = [], threading.Barrier(2)

    def create(actor, name, phone):
        with harness.as_(actor.as_dict()) as customers_rpc:
            start.wait()
            try:
                outcomes.append(("created", customers_rpc.create_customer({"name": name, "phone": phone})))
            except Conflict as refused:
                outcomes.append(("refused", refused))

    threads = [threading.Thread(target=create, args=(DEV, "王丽", "13812345678")),
               threading.Thread(target=create, args=(OTHER_DEV, "王莉", "+86 138-1234-5678"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(kind for kind, _ in outcomes) == ["created", "refused"]
    refused = next(value for kind, value in outcomes if kind == "refused")
    assert refused.error_code == "duplicate_customer"
    store = harness.store()
    with store.session() as session:
        assert session.execute(select(customers.c.phone_key)).scalars().all() == ["13812345678"]
    store.close()


def test_a_registration_racing_past_the_check_is_refused_by_the_unique_index(service_harness):
    """The second registration checks before the first commits, so only the index can stop it: the
    IntegrityError becomes the same 409, and its savepoint leaves the rest of its transaction usable."""
    harness = service_harness(CustomersService, now=NOW)
    store, sealer, rules = harness.store(), Sealer(harness.settings), load_rules()
    first, second = store.unit_of_work(), store.unit_of_work()
    with first as winner, second as loser:
        files.create_customer(winner, DEV, NOW, data={"name": "王丽", "phone": "13812345678"}, sealer=sealer,
                              rules=rules)
        racing = eventlet.spawn(files.create_customer, loser, DEV, NOW,
                                data={"name": "王莉", "phone": "138 1234 5678"}, sealer=sealer, rules=rules)
        eventlet.sleep(0.5)  # the loser has passed the check and waits on the index
        winner.commit()
        with pytest.raises(Conflict) as refused:
            racing.wait()
        assert refused.value.extra["existing_customer_name"] == "王丽"
        files.create_customer(loser, DEV, NOW, data={"name": "李梅", "phone": "13566667777"}, sealer=sealer,
                              rules=rules)
        loser.commit()
    with store.session() as session:
        assert sorted(session.execute(select(customers.c.name)).scalars()) == ["李梅", "王丽"]
    store.close()


@pytest.fixture
def database():
    url = testing.create_database(testing.unique_name("kam_customers_0005"))
    yield url
    testing.drop_database(url)


def test_migration_keys_old_rows_and_the_oldest_of_a_duplicate_keeps_the_key(database):
    settings = Settings(database_url=database)
    migrate.upgrade("customers", plugin.migrations, settings, revision="0004")
    engine = make_engine(*settings.database_for("customers"))
    old = [("c-1", "王丽", "138 1234 5678", "WangLi", "2026-01-01"), ("c-2", "王丽（重复）", "+8613812345678", None, "2026-02-01"),
           ("c-3", "李梅", "13566667777", "wangli", "2026-03-01"), ("c-4", "周婷", None, "zhouting", "2026-04-01")]
    try:
        with engine.begin() as connection:
            for customer_id, name, phone, wechat, created in old:
                connection.execute(text(
                    "INSERT INTO customers (id, name, kind, stage, owner_id, created_at, updated_at, phone, wechat, "
                    "key_dates, profile, outreach_opt_out) VALUES (:id, :name, 'person', 'prospect', 'dev-1', "
                    ":at, :at, :phone, :wechat, '[]', '{}', false)"),
                    {"id": customer_id, "name": name, "phone": phone, "wechat": wechat, "at": f"{created}T00:00:00Z"})
        migrate.upgrade("customers", plugin.migrations, settings)
        with engine.connect() as connection:
            keys = {row.id: (row.phone_key, row.wechat_key) for row in
                    connection.execute(text("SELECT id, phone_key, wechat_key FROM customers"))}
            phones = dict(connection.execute(text("SELECT id, phone FROM customers")).all())
    finally:
        engine.dispose()
    assert keys == {"c-1": ("13812345678", "wangli"), "c-2": (None, None), "c-3": ("13566667777", None),
                    "c-4": (None, "zhouting")}
    assert phones["c-2"] == "+8613812345678"  # kept as written; only its key is left out
