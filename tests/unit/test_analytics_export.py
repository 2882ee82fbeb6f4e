"""The analytics part of a customer's PIPL export: for the customer's owner and managers only."""
from datetime import UTC, datetime

import pytest

from kam.errors import Forbidden, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.analytics import handlers
from services.analytics.models import customer_profiles, metadata

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def test_a_customers_figures_are_exported_only_to_their_owner_and_managers():
    with FakeUnitOfWork(metadata) as uow:
        uow.session.execute(customer_profiles.insert().values(customer_id="c-1", owner_id="dev-1", stage="lead",
                                                              registered_at=NOW))
        assert handlers.export_customer(uow.session, Actor("dev-1", "developer"), "c-1")["profile"]["stage"] == "lead"
        assert handlers.export_customer(uow.session, Actor("m-1", "manager"), "c-1")["facts"] == []
        with pytest.raises(NotFound):
            handlers.export_customer(uow.session, Actor("dev-2", "developer"), "c-1")
        with pytest.raises(Forbidden):
            handlers.export_customer(uow.session, Actor("a-1", "analyst"), "c-1")
