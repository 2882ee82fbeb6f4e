"""A person is entered once: the same phone or WeChat, however written, is 409 `duplicate_customer`."""
from datetime import UTC, datetime

import pytest

from kam.config import Settings
from kam.errors import Conflict
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.customers.domain.duplicates import phone_key, wechat_key
from services.customers.handlers import files, privacy, spreadsheets
from services.customers.models import metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)
OWNER, OTHER, MANAGER = Actor("dev-1", "developer"), Actor("dev-2", "developer"), Actor("m-1", "manager")
SEALER = Sealer(Settings(secret_key="unit-test-secret"))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def register(uow, actor=OWNER, **data):
    return files.create_customer(uow, actor, NOW, data={"name": "王丽", **data}, sealer=SEALER, rules=load_rules())


def test_the_same_phone_twice_is_a_duplicate_not_a_second_customer(uow):
    first = register(uow, phone="13812345678")
    with pytest.raises(Conflict) as refused:
        register(uow, name="王莉", phone="13812345678")
    assert refused.value.error_code == "duplicate_customer" and set(refused.value.errors) == {"phone"}
    assert [c["id"] for c in files.list_customers(uow.session, MANAGER, NOW, args={})["items"]] == [first["id"]]


def test_the_same_wechat_twice_is_a_duplicate_too_and_a_patch_cannot_take_another_customers(uow):
    register(uow, wechat="WangLi_88")
    with pytest.raises(Conflict) as refused:
        register(uow, name="王莉", wechat=" wangli_88 ")
    assert set(refused.value.errors) == {"wechat"}
    other = register(uow, name="李梅", phone="13900001111")
    with pytest.raises(Conflict):
        files.update_customer(uow, OWNER, NOW, customer_id=other["id"], data={"wechat": "wangli_88"},
                              sealer=SEALER, rules=load_rules())
    kept = files.update_customer(uow, OWNER, NOW, customer_id=other["id"],
                                 data={"phone": "139-0000-1111", "name": "李梅梅"}, sealer=SEALER, rules=load_rules())
    assert kept["name"] == "李梅梅"  # its own phone, written differently, is no duplicate of itself


@pytest.mark.parametrize("written", ["+86 138 1234 5678", "138-1234-5678", "+86-138-1234-5678", "0086 13812345678",
                                     "8613812345678", "(138) 1234.5678", " 13812345678 "])
def test_a_phone_written_differently_is_the_same_phone(uow, written):
    assert phone_key(written) == "13812345678"
    register(uow, phone="13812345678")
    with pytest.raises(Conflict) as refused:
        register(uow, name="王莉", phone=written)
    assert refused.value.error_code == "duplicate_customer"


def test_keys_keep_what_is_not_a_mainland_mobile_prefix():
    assert phone_key("021-6234 5678") == "02162345678" and phone_key("+1 415 555 0100") == "+14155550100"
    assert phone_key("") is None and wechat_key("  ") is None and wechat_key("Wang Li") == "wangli"


def test_the_duplicate_names_the_existing_customer_only_to_who_may_see_it(uow):
    first = register(uow, phone="13812345678")
    with pytest.raises(Conflict) as to_owner:
        register(uow, name="王莉", phone="+86 13812345678")
    assert to_owner.value.extra == {"existing_customer_id": first["id"], "existing_customer_name": "王丽"}
    with pytest.raises(Conflict) as to_other:
        register(uow, OTHER, name="王莉", phone="138 1234 5678")
    assert to_other.value.error_code == "duplicate_customer" and to_other.value.extra == {}
    assert "王丽" not in to_other.value.detail and "manager" in to_other.value.detail
    with pytest.raises(Conflict) as to_manager:
        register(uow, MANAGER, name="王莉", phone="13812345678")
    assert to_manager.value.extra["existing_customer_id"] == first["id"]


def test_an_erased_customer_no_longer_holds_its_phone(uow):
    first = register(uow, phone="13812345678", wechat="wangli")
    privacy.erase_customer(uow, MANAGER, NOW, customer_id=first["id"])
    assert register(uow, name="王莉", phone="13812345678", wechat="wangli")["phone"] == "13812345678"


def test_import_reports_a_repeated_phone_or_wechat_as_a_row_error(uow):
    mine = register(uow, phone="13812345678")
    register(uow, OTHER, name="赵敏", wechat="zhaomin")
    sheet = ("姓名,手机,微信\n王莉,+86 138-1234-5678,\n周婷,13900001111,\n周婷婷,139 0000 1111,\n"
             "赵敏敏,,ZhaoMin\n何俊,13700002222,hejun\n").encode()
    report = spreadsheets.import_file(uow, OWNER, NOW, "customers.csv", sheet, sealer=SEALER, rules=load_rules())
    rows = {row["row"]: row for row in report["rows"]}
    assert (report["imported"], report["rejected"]) == (2, 3)
    assert rows[2]["errors"] == {"phone": ["手机号已登记（重复）"]} and rows[2]["customer_id"] == mine["id"]
    assert rows[4]["errors"] == {"phone": ["手机号已登记（重复）"]} and rows[4]["customer_id"] == rows[3]["customer_id"]
    assert rows[5]["errors"] == {"wechat": ["微信号已登记（重复）"]} and "customer_id" not in rows[5]
    assert rows[6]["status"] == "imported"


def test_an_import_batch_raced_by_a_registration_is_done_again_row_by_row(uow, monkeypatch):
    """The batch's lookup saw no holder (another registration committed after it); the unique index
    refuses the batch's insert, and the batch is done again row by row: the raced row is the only error."""
    raced = register(uow, OTHER, name="赵敏", phone="13812345678")
    monkeypatch.setattr(files, "holders", lambda session, keys: {})
    sheet = "姓名,手机\n王莉,13812345678\n周婷,13900001111\n".encode()
    report = spreadsheets.import_file(uow, OWNER, NOW, "customers.csv", sheet, sealer=SEALER, rules=load_rules())
    rows = {row["row"]: row for row in report["rows"]}
    assert (report["imported"], report["rejected"]) == (1, 1)
    assert rows[2]["errors"] == {"phone": ["手机号已登记（重复）"]} and "customer_id" not in rows[2]
    assert raced["id"] not in {row.get("customer_id") for row in report["rows"]}
    assert uow.published_types().count("customer.created") == 2  # 赵敏 and 周婷, once each
