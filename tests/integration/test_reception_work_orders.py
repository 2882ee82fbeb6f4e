"""Work orders in the reception service on the real RabbitMQ and PostgreSQL: each step over RPC, a step
out of order changing nothing, the repair's events in the outbox."""
from datetime import UTC, date, datetime

import pytest

from kam.errors import Invalid, InvalidTransition
from services.reception.service import ReceptionService
from tests.integration.test_reception_service import DEV1, StandInCustomers, StandInVisits, published

NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
REPAIR = {"customer_id": "c-1", "kind": "repair", "description": "戒托松动", "intake_notes": "爪口磨损",
          "piece": {"description": "1.20克拉钻石戒指"}, "notify_channel": "sms"}


@pytest.fixture
def harness(service_harness):
    return service_harness(ReceptionService, StandInCustomers, StandInVisits, now=NOW)


def test_a_repair_over_rpc_from_intake_to_pick_up(harness):
    with harness.as_(DEV1) as dev:
        ticket = dev.create_ticket(REPAIR)
        with pytest.raises(InvalidTransition):
            dev.advance_work_order(ticket["id"], "finish", {})
        with pytest.raises(Invalid):
            dev.advance_work_order(ticket["id"], "estimate", {"amount": "880.00"})
        assert dev.get_ticket(ticket["id"])["history"][-1]["action"] == "open"
        dev.advance_work_order(ticket["id"], "estimate", {"amount": "880.00", "due_date": "2026-05-27"})
        dev.advance_work_order(ticket["id"], "accept-estimate", {})
        dev.advance_work_order(ticket["id"], "finish", {"note": "重新镶爪"})
        done = dev.advance_work_order(ticket["id"], "pick-up", {})
    assert (done["status"], done["estimate"], done["due_date"]) == ("picked_up", "880.00", "2026-05-27")
    assert [s["to_status"] for s in done["history"]] == ["received", "estimated", "in_repair", "ready", "picked_up"]
    steps = published(harness, "work_order.advanced")
    assert [(s["action"], s["status"]) for s in steps] == [
        ("estimate", "estimated"), ("accept-estimate", "in_repair"), ("finish", "ready"), ("pick-up", "picked_up")]
    assert steps[0]["due_date"] == date(2026, 5, 27).isoformat() and steps[-1]["amount"] == "880.00"
    assert steps[2]["notice"] is None  # the stand-in customer has no phone: nobody to message
