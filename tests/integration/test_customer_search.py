"""Search finds a customer by any piece of the name, by the last digits of the phone however written, and
by a piece of the WeChat id, on PostgreSQL and on the embedded SQLite, through the migrated indexes."""
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from kam.config import Settings
from kam.identity import Actor
from kam.service import open_store
from services.customers.handlers import files
from services.customers.models import metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)
OWNER = Actor("dev-1", "developer")
PEOPLE = [("欧阳娜娜", "+86 138-1234-5678", "OuYang_88"), ("王丽", "13900005678", "wangli"),
          ("王丽华", "13700001111", "lihua2026"), ("李娜", "13612340000", None)]


@pytest.fixture(params=["postgresql", "sqlite"])
def settings(request, database_url, tmp_path):
    if request.param == "postgresql":
        return Settings(database_url=database_url, data_dir=tmp_path)
    from kam import migrate
    from services.customers.plugin import plugin

    settings = Settings(data_dir=tmp_path)
    migrate.upgrade("customers", plugin.migrations, settings)
    return settings


def test_search_finds_a_customer_by_any_piece_of_name_phone_tail_or_wechat(settings):
    store = open_store("customers", metadata, settings)
    sealer = Sealer(Settings(secret_key="search-test-secret"))
    with store.unit_of_work() as uow:
        for name, phone, wechat in PEOPLE:
            files.create_customer(uow, OWNER, NOW, data={"name": name, "phone": phone, "wechat": wechat},
                                  sealer=sealer, rules=load_rules())
        uow.commit()

    def found(q):
        with store.session() as session:
            return sorted(item["name"] for item in files.list_customers(session, OWNER, NOW, args={"q": q})["items"])

    assert found("王丽") == ["王丽", "王丽华"]
    assert found("丽华") == ["王丽华"]
    assert found("娜") == ["李娜", "欧阳娜娜"] and found("华") == ["王丽华"]  # one character, anywhere in the name
    assert found("阳娜娜") == ["欧阳娜娜"] and found("欧阳娜娜") == ["欧阳娜娜"]
    assert found("wlh") == ["王丽华"] and found("oynn") == ["欧阳娜娜"]
    assert found("5678") == ["欧阳娜娜", "王丽"]  # 尾号: the last four digits
    assert found("0000") == ["李娜"] and found("45678") == ["欧阳娜娜"]
    assert found("138-1234-5678") == ["欧阳娜娜"] and found("3900005") == ["王丽"]  # 7 digits: anywhere
    assert found("ouyang") == ["欧阳娜娜"] and found("hua20") == ["王丽华"]
    assert found("1234") == []  # in the middle of a phone: not its last digits
    with store.session() as session:
        tails = session.execute(text("SELECT phone_tail FROM customers ORDER BY phone_tail")).scalars().all()
    assert "87654321831" in tails
    store.close()


def test_customers_written_before_every_character_was_a_token_are_found_by_one_after_migration_0012(settings):
    from alembic import command

    from kam import migrate
    from kam.db import make_engine
    from services.customers.plugin import plugin

    migrate.upgrade("customers", plugin.migrations, settings)
    store = open_store("customers", metadata, settings)
    with store.unit_of_work() as uow:
        files.create_customer(uow, OWNER, NOW, data={"name": "上官婉宁", "phone": "13512345678"},
                              sealer=Sealer(Settings(secret_key="search-test-secret")), rules=load_rules())
        uow.commit()
    engine = make_engine(*settings.database_for("customers"))
    try:
        with engine.begin() as connection:  # the tokens 0011 wrote: the surname, no other single character
            connection.execute(text("DELETE FROM search_tokens WHERE token IN ('官', '婉', '宁')"))
            command.downgrade(migrate.alembic_config(plugin.migrations, connection), "0011")
        migrate.upgrade("customers", plugin.migrations, settings)
    finally:
        engine.dispose()
    with store.session() as session:
        assert [item["name"] for item in files.list_customers(session, OWNER, NOW, args={"q": "婉"})["items"]] == ["上官婉宁"]
    store.close()


def test_a_phone_suffix_is_estimated_from_a_fine_histogram_on_postgresql(database_url):
    """Migration 0013: with the default 100 buckets, ANALYZE's sample decided whether a 4-digit suffix
    read its hundred rows from the prefix index or walked 1M rows newest first (bench.customers_search)."""
    from kam.db import make_engine

    engine = make_engine(database_url, "customers")
    try:
        with engine.connect() as connection:
            target = connection.scalar(text(
                "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'customers'::regclass "
                "AND attname = 'phone_tail'"))
    finally:
        engine.dispose()
    assert target == 1000
