"""The reception use cases on a fake unit of work and a fake customers service: what they write, what
they publish, and who may do what."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, InvalidTransition, NotFound
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.reception.handlers import customer_data, receptions
from services.reception.models import metadata

NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
DEV1, DEV2, MANAGER = Actor("dev-1", "developer"), Actor("dev-2", "developer"), Actor("m-1", "manager")
CUSTOMERS = {"c-1": {"id": "c-1", "owner_id": "dev-1"}, "c-2": {"id": "c-2", "owner_id": "dev-2"}}
REPORT = {"experience": "客户对商务室环境满意", "products_viewed": [], "outcome": "deal", "notes": None}


def customers_seen_by(actor):
    """The customers service answers only with the caller's own customers (or any, for a manager)."""
    def customer_summary(customer_id):
        customer = CUSTOMERS.get(customer_id)
        if customer is None or not (actor.is_manager or customer["owner_id"] == actor.user_id):
            raise NotFound("no such customer")
        return customer

    return FakeRemote(customer_summary=customer_summary)


NO_MEAL_TO_CAP = {"customers": FakeRemote(), "visits": FakeRemote()}  # no meal per head: neither is asked


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def create(uow, actor=DEV1, customer_id="c-1"):
    data = {"customer_id": customer_id, "scheduled_at": NOW + timedelta(days=2), "party_size": 2,
            "needs": "结婚十周年钻戒", "location": "总部", "hosts": ["张敏"], "arrangements": {}}
    return receptions.create_reception(uow, actor, NOW, data=data, customers=customers_seen_by(actor))


def test_creating_a_reception_plans_a_draft_for_the_callers_customer(uow):
    created = create(uow)
    assert (created["status"], created["host_id"], created["actions"]) == ("draft", "dev-1", ["submit", "edit", "withdraw"])
    assert receptions.get_reception(uow.session, DEV1, NOW, reception_id=created["id"])["needs"] == "结婚十周年钻戒"
    assert uow.published == [] and uow.commits == 0  # the use-case layer commits, not the handler


def test_a_customer_hidden_from_the_caller_is_404_and_nothing_is_written(uow):
    with pytest.raises(NotFound):
        create(uow, DEV1, "c-2")
    assert receptions.list_receptions(uow.session, MANAGER, NOW, args={})["items"] == []
    created = create(uow, DEV2, "c-2")
    with pytest.raises(NotFound):
        receptions.get_reception(uow.session, DEV1, NOW, reception_id=created["id"])
    with pytest.raises(NotFound):
        receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])


def test_submitting_publishes_the_plan_for_approval(uow):
    created = create(uow)
    submitted = receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])
    assert submitted["status"] == "pending_approval" and submitted["actions"] == []
    [event] = uow.published
    assert event["type"] == "reception.submitted"
    assert event["data"] == {"reception_id": created["id"], "customer_id": "c-1", "host_id": "dev-1",
                             "scheduled_at": (NOW + timedelta(days=2)).isoformat(), "party_size": 2,
                             "funded_amount": None, "reason": None, "approver_id": None}
    with pytest.raises(InvalidTransition):
        receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])


def test_only_a_manager_approves_and_their_funding_is_published(uow):
    created = create(uow)
    assert receptions.get_reception(uow.session, MANAGER, NOW, reception_id=created["id"])["actions"] == ["submit"]
    receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])
    with pytest.raises(Forbidden):
        receptions.approve_reception(uow, DEV1, NOW, reception_id=created["id"], data={}, **NO_MEAL_TO_CAP)
    pending = receptions.get_reception(uow.session, MANAGER, NOW, reception_id=created["id"])
    assert pending["actions"] == ["approve", "reject"]
    approved = receptions.approve_reception(uow, MANAGER, NOW, reception_id=created["id"],
                                            data={"funded_amount": Decimal("3000.00")}, **NO_MEAL_TO_CAP)
    assert (approved["status"], approved["approver_id"], approved["actions"]) == ("approved", "m-1", ["report"])
    assert uow.published_types() == ["reception.submitted", "reception.approved"]
    assert uow.published[-1]["data"]["funded_amount"] == "3000.00"


def test_a_reception_is_reported_only_once_approved(uow):
    created = create(uow)
    with pytest.raises(InvalidTransition):
        receptions.report_reception(uow, DEV1, NOW, reception_id=created["id"], data=REPORT)
    receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])
    receptions.approve_reception(uow, MANAGER, NOW, reception_id=created["id"], data={"funded_amount": None}, **NO_MEAL_TO_CAP)
    later = NOW + timedelta(days=2, hours=3)
    reported = receptions.report_reception(uow, DEV1, later, reception_id=created["id"], data=REPORT)
    assert reported["status"] == "reported" and reported["report"]["reported_at"] == later
    assert reported["actions"] == []
    assert uow.published[-1]["data"] == {"reception_id": created["id"], "customer_id": "c-1", "host_id": "dev-1",
                                         "reported_at": later.isoformat(), "outcome": "deal"}
    assert receptions.get_reception(uow.session, DEV1, NOW, reception_id=created["id"])["report"]["outcome"] == "deal"


def test_a_manager_may_not_approve_their_own_reception(uow):
    created = create(uow, MANAGER, "c-1")
    receptions.submit_reception(uow, MANAGER, NOW, reception_id=created["id"])
    assert receptions.get_reception(uow.session, MANAGER, NOW, reception_id=created["id"])["actions"] == ["reject"]

    with pytest.raises(Conflict) as refused:
        receptions.approve_reception(uow, MANAGER, NOW, reception_id=created["id"], data={"funded_amount": None}, **NO_MEAL_TO_CAP)

    assert refused.value.error_code == "own_submission"
    approved = receptions.approve_reception(uow, Actor("m-2", "manager"), NOW, reception_id=created["id"],
                                            data={"funded_amount": None}, **NO_MEAL_TO_CAP)
    assert approved["status"] == "approved"


def test_an_erased_customers_receptions_keep_no_arrangement_note_and_no_identity_in_events(uow):
    data = {"customer_id": "c-1", "scheduled_at": NOW + timedelta(days=2), "party_size": 2, "needs": "钻戒",
            "arrangements": {"note": "王女士对坚果过敏，其丈夫李总同行", "refreshments": ["tea"]}}
    created = receptions.create_reception(uow, DEV1, NOW, data=data, customers=customers_seen_by(DEV1))
    outbox = metadata.tables["outbox"]
    uow.session.execute(outbox.insert().values(event_id="e1", type="reception.submitted", created_at=NOW,
                                               published_at=NOW, envelope={"id": "e1", "data": {
                                                   "customer_id": "c-1", "reason": "王女士生日"}}))

    customer_data.erase_customer(uow, {"data": {"customer_id": "c-1"}})

    erased = receptions.get_reception(uow.session, DEV1, NOW, reception_id=created["id"])
    assert erased["arrangements"]["note"] is None and erased["arrangements"]["refreshments"] == ["tea"]
    assert uow.session.scalar(outbox.select().with_only_columns(outbox.c.envelope))["data"] == {"customer_id": "c-1"}
