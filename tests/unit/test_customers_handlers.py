"""The customers use cases on a fake unit of work: no broker, no PostgreSQL."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from kam.config import Settings
from kam.errors import Conflict, Forbidden, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from kam.plugins import discover
from services.customers import contracts
from services.customers.handlers import development, files, network, privacy, spreadsheets
from services.customers.models import access_log, customers, deals, metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)
OWNER, OTHER = Actor("dev-1", "developer"), Actor("dev-2", "developer")
MANAGER, ANALYST = Actor("m-1", "manager"), Actor("a-1", "analyst")
SEALER = Sealer(Settings(secret_key="unit-test-secret"))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def register(uow, **data):
    return files.create_customer(uow, OWNER, NOW, data={"name": "王丽", **data}, sealer=SEALER, rules=load_rules())


def test_a_read_of_sensitive_data_is_logged_and_other_roles_never_see_it(uow):
    customer = register(uow, sensitive={"health": "过敏体质"}, consent={"sensitive": True, "purpose": "挑选材质"})

    seen = files.get_customer(uow, OWNER, NOW, customer_id=customer["id"], sealer=SEALER)
    read = files.get_customer(uow, ANALYST, NOW, customer_id=customer["id"], sealer=SEALER)

    assert seen["sensitive"] == {"health": "过敏体质"} and "sensitive" not in read
    logged = uow.session.execute(select(access_log.c.user_id, access_log.c.fields)).all()
    assert logged == [("dev-1", ["health"])]
    with pytest.raises(NotFound):
        files.get_customer(uow, OTHER, NOW, customer_id=customer["id"], sealer=SEALER)


def test_a_plan_is_submitted_by_its_developer_approved_by_a_manager_and_says_who_may_do_what(uow):
    customer = register(uow)
    development.record_assessment(uow, OWNER, NOW, customer_id=customer["id"], data={
        "expected_revenue": Decimal("180000"), "expected_profit": Decimal("54000"),
        "costs": {"staff": Decimal("4000")}, "risk_factor": Decimal("0.4")})
    plan = development.create_development_plan(uow, OWNER, NOW, data={
        "customer_id": customer["id"], "methods": ["visit"], "plan": "约茶叙", "budget": Decimal("2000.00")})
    assert plan["actions"] == ["submit", "edit", "withdraw"]

    submitted = development.move_development_plan(uow, OWNER, NOW, plan_id=plan["id"], action="submit")
    assert (submitted["status"], submitted["actions"]) == ("pending_approval", [])
    assert development.get_development_plan(uow.session, MANAGER, NOW, plan_id=plan["id"])["actions"] == [
        "approve", "reject"]
    approved = development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="approve")

    assert (approved["status"], approved["decided_by"]) == ("approved", "m-1")
    assert files.get_customer(uow, OWNER, NOW, customer_id=customer["id"], sealer=SEALER)["stage"] == "developing"
    assert uow.published_types()[-3:] == ["development_plan.submitted", "development_plan.approved",
                                          "customer.stage_changed"]
    with pytest.raises(NotFound):
        development.get_development_plan(uow.session, OTHER, NOW, plan_id=plan["id"])
    assert development.list_development_plans(uow.session, OTHER, NOW, args={})["items"] == []


def test_the_pipl_export_reads_every_other_service():
    assert sorted(call.service for call in contracts.CALLS) == sorted(set(discover()) - {"customers"})


def test_every_reply_keeps_what_visits_and_reception_read_of_a_customer_and_a_plan():
    customer = contracts.OFFERS["get_customer"].reply().fields
    plan = contracts.OFFERS["get_development_plan"].reply().fields
    assert {"id", "name", "category", "stage", "owner_id", "erased", "revenue", "profile"} <= set(customer)
    assert {"id", "customer_id", "developer_id", "status", "budget", "actions"} <= set(plan)


def test_an_admin_may_not_list_development_plans(uow):
    with pytest.raises(Forbidden):
        development.list_development_plans(uow.session, Actor("root", "admin"), NOW, args={})


def test_the_owners_export_leaves_out_the_access_log_that_only_managers_read(uow):
    customer = register(uow, sensitive={"health": "过敏体质"}, consent={"sensitive": True, "purpose": "挑选材质"})

    owners = privacy.export_customer(uow, OWNER, NOW, customer_id=customer["id"], sealer=SEALER)
    managers = privacy.export_customer(uow, MANAGER, NOW, customer_id=customer["id"], sealer=SEALER)

    assert "access_log" not in owners and owners["customer"]["sensitive"] == {"health": "过敏体质"}
    assert sorted(entry["user_id"] for entry in managers["access_log"]) == ["dev-1", "m-1"]


def test_a_manager_may_not_approve_their_own_development_plan(uow):
    customer = files.create_customer(uow, MANAGER, NOW, data={"name": "李梅"}, sealer=SEALER, rules=load_rules())
    development.record_assessment(uow, MANAGER, NOW, customer_id=customer["id"], data={
        "expected_revenue": Decimal("180000"), "expected_profit": Decimal("54000"),
        "costs": {"staff": Decimal("4000")}, "risk_factor": Decimal("0.4")})
    plan = development.create_development_plan(uow, MANAGER, NOW, data={
        "customer_id": customer["id"], "methods": ["visit"], "plan": "约茶叙", "budget": Decimal("2000.00")})
    submitted = development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="submit")
    assert submitted["actions"] == ["reject"]

    with pytest.raises(Conflict) as refused:
        development.move_development_plan(uow, MANAGER, NOW, plan_id=plan["id"], action="approve")

    assert refused.value.error_code == "own_submission"
    other_manager = Actor("m-2", "manager")
    approved = development.move_development_plan(uow, other_manager, NOW, plan_id=plan["id"], action="approve")
    assert approved["status"] == "approved"


def test_other_services_read_a_customers_summary_without_sensitive_data_or_an_access_log_entry(uow):
    customer = register(uow, sensitive={"health": "过敏体质"}, consent={"sensitive": True, "purpose": "挑选材质"})

    summary = contracts.OFFERS["customer_summary"].reply().dump(
        files.customer_summary(uow.session, OWNER, NOW, customer_id=customer["id"]))

    assert summary == {"id": customer["id"], "name": "王丽", "category": customer["category"], "owner_id": "dev-1",
                       "phone": None, "wechat": None, "email": None, "outreach_opt_out": False}
    assert uow.session.execute(select(access_log)).all() == []
    with pytest.raises(NotFound):
        files.customer_summary(uow.session, OTHER, NOW, customer_id=customer["id"])
    callers = [call for plugin in discover().values() for call in plugin.contracts_of("CALLS")
               if call.service == "customers"]
    assert "get_customer" not in {call.method for call in callers}


def test_erasure_reaches_the_access_logs_purpose_and_the_published_envelopes(uow):
    customer = register(uow, sensitive={"health": "过敏体质"}, consent={"sensitive": True, "purpose": "为王丽挑选材质"})
    files.get_customer(uow, OWNER, NOW, customer_id=customer["id"], sealer=SEALER)
    outbox = metadata.tables["outbox"]
    uow.session.execute(outbox.insert().values(event_id="e1", type="customer.created", created_at=NOW, published_at=NOW,
                                               envelope={"id": "e1", "data": {"customer_id": customer["id"],
                                                                              "name": "王丽", "stage": "lead"}}))

    privacy.erase_customer(uow, MANAGER, NOW, customer_id=customer["id"])

    assert uow.session.execute(select(access_log.c.purpose)).scalars().all() == [None]
    envelope = uow.session.scalar(select(outbox.c.envelope))
    assert envelope["data"] == {"customer_id": customer["id"], "stage": "lead"}


def test_an_import_never_names_another_developers_customer_whose_phone_it_repeats(uow):
    theirs = register(uow, phone="13800000001")
    sheet = "姓名,手机\n李雷,13800000001\n".encode()

    report = spreadsheets.import_file(uow, OTHER, NOW, "list.csv", sheet, sealer=SEALER, rules=load_rules())
    [row] = report["rows"]
    assert row["status"] == "rejected" and "customer_id" not in row
    assert theirs["id"] not in str(report) and "王丽" not in str(report) and "dev-1" not in str(report)

    [own] = spreadsheets.import_file(uow, OWNER, NOW, "list.csv", sheet, sealer=SEALER, rules=load_rules())["rows"]
    assert own["status"] == "rejected" and own["customer_id"] == theirs["id"]


def test_the_consents_purpose_is_for_the_owner_and_managers_only(uow):
    customer = register(uow, sensitive={"health": "过敏体质"}, consent={"sensitive": True, "purpose": "挑选材质"})
    assert files.get_customer(uow, OWNER, NOW, customer_id=customer["id"], sealer=SEALER)["consent"]["purpose"] == "挑选材质"
    for role in ("coordinator", "planner", "analyst"):
        shown = files.get_customer(uow, Actor("x-1", role), NOW, customer_id=customer["id"], sealer=SEALER)
        assert shown["consent"]["sensitive"] is True and "purpose" not in shown["consent"]


def test_the_network_never_walks_through_a_customer_the_caller_cannot_see(uow):
    mine = register(uow)
    hidden = files.create_customer(uow, OTHER, NOW, data={"name": "赵强"}, sealer=SEALER, rules=load_rules())
    also_mine = register(uow, name="钱芳")
    network.link_customers(uow, MANAGER, NOW, customer_id=mine["id"],
                           data={"to_customer_id": hidden["id"], "kind": "colleague"})
    network.link_customers(uow, MANAGER, NOW, customer_id=hidden["id"],
                           data={"to_customer_id": also_mine["id"], "kind": "relative"})

    seen = network.customer_network(uow.session, OWNER, NOW, customer_id=mine["id"], depth=3)

    assert [node["id"] for node in seen["nodes"]] == [mine["id"]] and seen["edges"] == []
    assert {node["id"]: node["distance"] for node in network.customer_network(
        uow.session, MANAGER, NOW, customer_id=mine["id"], depth=3)["nodes"]}[also_mine["id"]] == 2


def test_referrer_credit_counts_only_the_revenue_the_caller_may_see(uow):
    referrer = register(uow)
    own = register(uow, name="钱芳", source={"channel": "referral", "referrer_id": referrer["id"]})
    theirs = files.create_customer(uow, MANAGER, NOW, sealer=SEALER, rules=load_rules(), data={
        "name": "赵强", "source": {"channel": "referral", "referrer_id": referrer["id"]}})
    uow.session.execute(update(customers).where(customers.c.id == theirs["id"]).values(owner_id="dev-2"))
    uow.session.execute(deals.insert(), [
        {"deal_id": "d1", "customer_id": own["id"], "total": Decimal("1000.00"), "closed_at": NOW},
        {"deal_id": "d2", "customer_id": theirs["id"], "total": Decimal("90000.00"), "closed_at": NOW}])

    assert network.referrer_credit(uow.session, OWNER, referrer["id"]) == {
        "referred_customers": 1, "revenue": Decimal("1000.00")}
    assert network.referrer_credit(uow.session, MANAGER, referrer["id"])["revenue"] == Decimal("91000.00")


def test_a_segment_finds_the_callers_customers_with_a_wedding_anniversary_within_n_days(uow):
    from datetime import date

    from services.customers.handlers.segments import anniversary_within, customers_in_segment

    soon = register(uow, key_dates=[{"kind": "wedding_anniversary", "date": date(2011, 12, 20)}])
    register(uow, name="陈刚", key_dates=[{"kind": "wedding_anniversary", "date": date(2011, 3, 1)}])
    segment = {"anniversary_within_days": 30}
    assert [c["id"] for c in customers_in_segment(uow.session, OWNER, NOW, segment=segment)["items"]] == [soon["id"]]
    assert customers_in_segment(uow.session, OTHER, NOW, segment={})["items"] == []
    assert anniversary_within([{"kind": "wedding_anniversary", "date": "2012-02-29"}], date(2027, 2, 20), 8)
