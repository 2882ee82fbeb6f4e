"""A development plan whose methods include an event kind can name the event (and only then)."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam.config import Settings
from kam.errors import Invalid
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.customers.domain.development import ensure_event_fits_methods
from services.customers.handlers import development, files
from services.customers.models import development_plans, metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer
from services.customers.terms import DEVELOPMENT_METHODS, EVENT_METHODS

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)
OWNER = Actor("dev-1", "developer")
SEALER = Sealer(Settings(secret_key="unit-test-secret"))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def plan_with(uow, methods, event_id):
    customer = files.create_customer(uow, OWNER, NOW, data={"name": "王丽"}, sealer=SEALER, rules=load_rules())
    return development.create_development_plan(uow, OWNER, NOW, data={
        "customer_id": customer["id"], "methods": methods, "plan": "邀请参加俱乐部之夜", "budget": Decimal("900.00"),
        "event_id": event_id})


def test_a_plan_with_an_event_method_names_its_event(uow):
    plan = plan_with(uow, ["club_event", "visit"], "ev-1")
    assert plan["event_id"] == "ev-1"
    assert uow.session.execute(development_plans.select()).mappings().one()["event_id"] == "ev-1"


def test_a_plan_without_an_event_method_names_no_event(uow):
    with pytest.raises(Invalid) as refused:
        plan_with(uow, ["visit", "mailing"], "ev-1")
    assert list(refused.value.errors) == ["event_id"]
    assert uow.session.execute(development_plans.select()).first() is None


def test_a_plan_need_not_name_an_event():
    ensure_event_fits_methods(["club_event"], None)
    ensure_event_fits_methods(["visit"], None)


def test_every_event_method_is_a_development_method():
    assert set(EVENT_METHODS) < set(DEVELOPMENT_METHODS)
    for method in EVENT_METHODS:
        ensure_event_fits_methods([method], "ev-1")
