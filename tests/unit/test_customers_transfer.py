"""客户移交 in the customers service, on a fake unit of work: the file and its open plans move in one step,
the old owner loses sight of it, the new owner sees all of it, and the event says who, from, to, why."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from kam.config import Settings
from kam.errors import Conflict, Forbidden, Invalid, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.customers.domain.timeline import summarize
from services.customers.handlers import development, files, transfers
from services.customers.models import customer_history, development_plans, metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)
ZHANG, LI = Actor("dev-1", "developer", display_name="张伟"), Actor("dev-2", "developer", display_name="李娜")
MANAGER = Actor("m-1", "manager", display_name="王经理")
PEOPLE = {"dev-1": {"role": "developer", "display_name": "张伟", "disabled": True},
          "dev-2": {"role": "developer", "display_name": "李娜", "disabled": False},
          "dev-3": {"role": "developer", "display_name": "赵敏", "disabled": False},
          "m-1": {"role": "manager", "display_name": "王经理", "disabled": False},
          "p-1": {"role": "planner", "display_name": "孙策划", "disabled": False}}
SEALER = Sealer(Settings(secret_key="unit-test-secret"))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def register(uow, name="王丽", owner=ZHANG):
    return files.create_customer(uow, owner, NOW, data={"name": name}, sealer=SEALER, rules=load_rules())


def plan(uow, customer, status):
    made = development.create_development_plan(uow, ZHANG, NOW, data={
        "customer_id": customer["id"], "methods": ["visit"], "plan": "约茶叙", "budget": Decimal("800.00")})
    uow.session.execute(development_plans.update().where(development_plans.c.id == made["id"]).values(status=status))
    return made["id"]


def transfer(uow, customer, to="dev-2", reason="张伟离职，由李娜接手", actor=MANAGER):
    return transfers.transfer_customer(uow, actor, NOW, customer_id=customer["id"],
                                       data={"to_owner_id": to, "reason": reason}, people=PEOPLE)


def test_a_transferred_customer_leaves_the_old_owners_view(uow):
    customer = register(uow)
    moved = transfer(uow, customer)

    assert moved["owner_id"] == "dev-2" and moved["actions"] == ["transfer"]
    with pytest.raises(NotFound):
        files.get_customer(uow, ZHANG, NOW, customer_id=customer["id"], sealer=SEALER)
    assert files.list_customers(uow.session, ZHANG, NOW, args={"q": "王丽"})["items"] == []
    assert [c["id"] for c in files.list_customers(uow.session, LI, NOW, args={"q": "王丽"})["items"]] == [customer["id"]]
    assert files.get_customer(uow, LI, NOW, customer_id=customer["id"], sealer=SEALER)["actions"] == []


def test_transfer_moves_open_plans_and_keeps_past_ones_with_their_developer(uow):
    customer = register(uow)
    open_plan, past_plan = plan(uow, customer, "approved"), plan(uow, customer, "rejected")
    transfer(uow, customer)

    developers = dict(uow.session.execute(select(development_plans.c.id, development_plans.c.developer_id)).all())
    assert developers == {open_plan: "dev-2", past_plan: "dev-1"}
    seen = development.list_development_plans(uow.session, LI, NOW, args={"customer_id": customer["id"]})
    assert sorted(p["id"] for p in seen["items"]) == sorted([open_plan, past_plan])
    history = uow.session.execute(select(customer_history.c.user_id, customer_history.c.changes)).all()
    assert history[-1] == ("m-1", {"owner_id": {"before": "dev-1", "after": "dev-2"}})


def test_the_transfer_event_says_who_from_whom_to_whom_and_why(uow):
    customer = register(uow)
    transfer(uow, customer)

    event = uow.published[-1]
    assert event["type"] == "customer.transferred"
    assert {k: event["data"][k] for k in ("customer_id", "from_owner_id", "to_owner_id", "transferred_by", "reason")} == {
        "customer_id": customer["id"], "from_owner_id": "dev-1", "to_owner_id": "dev-2", "transferred_by": "m-1",
        "reason": "张伟离职，由李娜接手"}
    assert summarize(event["type"], event["data"]) == "王经理 将客户由 张伟 移交给 李娜，理由：张伟离职，由李娜接手"


def test_only_managers_transfer_customers(uow):
    customer = register(uow)
    with pytest.raises(Forbidden):
        transfer(uow, customer, actor=ZHANG)
    with pytest.raises(Forbidden):
        transfers.transfer_customers(uow, ZHANG, NOW, data={"from_owner_id": "dev-1", "to_owner_id": "dev-2",
                                                            "reason": "离职"}, people=PEOPLE)
    assert files.get_customer(uow, ZHANG, NOW, customer_id=customer["id"], sealer=SEALER)["actions"] == []


@pytest.mark.parametrize("to", ["nobody", "p-1", "dev-1"])
def test_customers_pass_only_to_an_active_developer(uow, to):
    customer = register(uow, owner=LI)
    with pytest.raises(Invalid) as refused:
        transfer(uow, customer, to=to)
    assert list(refused.value.errors) == ["to_owner_id"]
    assert uow.published_types().count("customer.transferred") == 0


def test_a_transfer_to_the_current_owner_is_refused(uow):
    customer = register(uow, owner=LI)
    with pytest.raises(Conflict) as refused:
        transfer(uow, customer, to="dev-2")
    assert refused.value.error_code == "already_owner"


def test_a_transfer_needs_a_reason(uow):
    with pytest.raises(Invalid) as refused:
        transfer(uow, register(uow), reason="   ")
    assert list(refused.value.errors) == ["reason"]


def test_a_bulk_transfer_moves_every_customer_of_the_leaver_and_says_how_many(uow):
    mine = [register(uow, name) for name in ("王丽", "欧阳娜娜", "陈静")]
    other = register(uow, "周芳", owner=LI)
    answer = transfers.transfer_customers(uow, MANAGER, NOW, data={
        "from_owner_id": "dev-1", "to_owner_id": "dev-3", "reason": "张伟离职"}, people=PEOPLE)

    assert answer["transferred"] == 3 and sorted(answer["customer_ids"]) == sorted(c["id"] for c in mine)
    assert uow.published_types().count("customer.transferred") == 3
    assert files.list_customers(uow.session, ZHANG, NOW, args={})["items"] == []
    assert files.get_customer(uow, LI, NOW, customer_id=other["id"], sealer=SEALER)["owner_id"] == "dev-2"


def test_a_bulk_transfer_names_a_wrong_leaver_or_the_same_developer_on_its_field(uow):
    for data, field in (({"from_owner_id": "nobody", "to_owner_id": "dev-2"}, "from_owner_id"),
                        ({"from_owner_id": "dev-2", "to_owner_id": "dev-2"}, "to_owner_id")):
        with pytest.raises(Invalid) as refused:
            transfers.transfer_customers(uow, MANAGER, NOW, data={**data, "reason": "离职"}, people=PEOPLE)
        assert list(refused.value.errors) == [field]
