"""The visits service's payloads: what a client may send, and the events it publishes."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from kam.events import make_envelope
from services.visits.contracts import ExpenseClaimReimbursed, VisitCompleted
from services.visits.schemas import ClaimIn, RecordIn, VisitIn


def test_server_owned_and_unknown_fields_are_refused():
    with pytest.raises(ValidationError) as refused:
        VisitIn().load({"customer_id": "c1", "planned_at": "2026-03-02T10:00:00+08:00", "status": "approved",
                        "visitor_id": "x", "funded_amount": "1.00", "colour": "red"})
    assert set(refused.value.messages) == {"status", "visitor_id", "funded_amount", "colour"}


def test_a_discount_is_a_fraction_below_one():
    base = {"customer_id": "c1", "planned_at": "2026-03-02T10:00:00+08:00"}
    loaded = VisitIn().load({**base, "preparation": {"offers": [{"product": "钻戒", "discount": "0.08"}]}})
    assert loaded["preparation"]["offers"][0]["discount"] == Decimal("0.08")
    with pytest.raises(ValidationError):
        VisitIn().load({**base, "preparation": {"offers": [{"product": "钻戒", "discount": "1.2"}]}})


def test_times_carry_a_time_zone():
    with pytest.raises(ValidationError):
        RecordIn().load({"occurred_at": "2026-03-02T10:00:00"})


def test_claim_items_are_categorised_cny_decimals():
    loaded = ClaimIn().load({"subject": {"type": "visit", "id": "v1"},
                             "items": [{"category": "meal", "amount": "260.00", "note": "午餐"}]})
    assert loaded["items"][0]["amount"] == Decimal("260.00")
    with pytest.raises(ValidationError) as refused:
        ClaimIn().load({"subject": {"type": "deal", "id": "d1"}, "items": [{"category": "spa", "amount": 1.5}],
                        "total": "1.50"})
    assert set(refused.value.messages) == {"subject", "items", "total"}


def test_visit_completed_carries_visitor_customer_and_occurred_at():
    occurred_at = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    envelope = make_envelope(VisitCompleted, {"visit_id": "v1", "customer_id": "c1", "visitor_id": "dev-1",
                                              "occurred_at": occurred_at, "method": "in_person", "place": "客户家中",
                                              "next_visit_at": None, "talking_points": "not published"},
                             producer="visits")
    assert envelope["data"] == {"visit_id": "v1", "customer_id": "c1", "visitor_id": "dev-1",
                                "occurred_at": occurred_at.isoformat(), "method": "in_person", "place": "客户家中",
                                "next_visit_at": None}


def test_claim_events_carry_the_catalogs_fields():
    data = make_envelope(ExpenseClaimReimbursed, {
        "claim_id": "e1", "claimant_id": "dev-1", "customer_id": "c1", "subject": {"type": "visit", "id": "v1"},
        "total": Decimal("94"), "status": "reimbursed", "reason": None, "decided_by": "m-1",
        "override_reason": None}, producer="visits")["data"]
    assert data["total"] == "94.00" and data["subject"] == {"type": "visit", "id": "v1"}
