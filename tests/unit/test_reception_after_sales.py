"""Service tickets for every offer, and return visits."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Invalid, InvalidTransition
from services.reception.domain.return_visits import record_return_visit
from services.reception.domain.tickets import open_ticket
from services.reception.terms import TICKET_KINDS

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
CUSTOMER = {"id": "c-1", "owner_id": "dev-1"}
PIECE = {"description": "1.20克拉钻石戒指", "certificate_no": "GIA 2141438167", "material": "PT950"}


def ticket(kind, **data):
    return open_ticket(id="t-1", customer=CUSTOMER, owner_id="dev-1",
                       data={"kind": kind, "description": "客户来电", **data}, now=NOW)


def test_every_offer_opens_a_ticket():
    extra = {"repair": {"intake_notes": "爪口磨损", "piece": PIECE},
             "resale": {"resale_mode": "consignment", "valuation": Decimal("42000.00")}}
    for kind in TICKET_KINDS:
        opened = ticket(kind, **extra.get(kind, {}))
        first = {"custom_design": "brief", "repair": "received", "resale": "valued"}.get(kind, "open")
        assert (opened.kind, opened.status, opened.opened_at) == (kind, first, NOW)


def test_repair_needs_intake_notes_and_the_piece():
    with pytest.raises(Invalid) as raised:
        ticket("repair")
    assert set(raised.value.errors) == {"intake_notes", "piece"}
    with pytest.raises(Invalid):
        ticket("repair", intake_notes="爪口磨损")
    assert ticket("repair", intake_notes="爪口磨损", piece=PIECE).piece["certificate_no"] == "GIA 2141438167"


def test_resale_or_consignment_needs_a_valuation():
    with pytest.raises(Invalid) as raised:
        ticket("resale", resale_mode="resale")
    assert set(raised.value.errors) == {"valuation"}
    with pytest.raises(Invalid) as raised:
        ticket("resale", valuation=Decimal("42000.00"))
    assert set(raised.value.errors) == {"resale_mode"}
    assert ticket("resale", resale_mode="resale", valuation=Decimal("42000.00")).valuation == Decimal("42000.00")


def test_resale_mode_only_on_a_resale_ticket():
    with pytest.raises(Invalid):
        ticket("care", resale_mode="consignment")


def test_ticket_goes_open_in_progress_resolved():
    opened = ticket("care")
    opened.start(NOW)
    opened.resolve("超声波清洗并抛光", NOW + timedelta(hours=2))
    assert (opened.status, opened.resolution) == ("resolved", "超声波清洗并抛光")
    assert opened.started_at == NOW and opened.resolved_at == NOW + timedelta(hours=2)


def test_ticket_is_resolved_only_once_work_has_started():
    opened = ticket("appraisal")
    with pytest.raises(InvalidTransition):
        opened.resolve("完成", NOW)
    opened.start(NOW)
    with pytest.raises(InvalidTransition):
        opened.start(NOW)
    opened.resolve("完成", NOW)
    with pytest.raises(InvalidTransition):
        opened.resolve("再次完成", NOW)


def visit(occurred_at, task_id="task-1"):
    return record_return_visit(id="rv-1", customer=CUSTOMER, developer_id="dev-1", now=NOW, data={
        "occurred_at": occurred_at, "method": "phone", "content": "回访佩戴感受", "task_id": task_id})


def test_a_return_visit_is_recorded_after_it_happened():
    with pytest.raises(Invalid) as raised:
        visit(NOW + timedelta(minutes=1))
    assert "occurred_at" in raised.value.errors
    recorded = visit(NOW - timedelta(hours=1))
    assert (recorded.task_id, recorded.developer_id, recorded.recorded_at) == ("task-1", "dev-1", NOW)
