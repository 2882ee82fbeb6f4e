"""The reception service's HTTP payloads and event contracts."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from kam.errors import ContractViolation
from kam.events import make_envelope
from services.reception.contracts import DealClosed, ReceptionApproved, ReturnVisitRecorded
from services.reception.schemas import ApproveIn, DealIn, DealOut, ReceptionIn, TicketIn

NOW = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)
DEAL = {"customer_id": "c-1", "origin": {"type": "reception", "id": "r-1"},
        "items": [{"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1,
                   "unit_price": "68800.00"}],
        "discount": "3800.00", "delivery": {"method": "pickup"}}


def test_server_owned_deal_fields_are_refused():
    for field in ("total", "subtotal", "status", "id", "repeat_sale", "seller_id"):
        with pytest.raises(ValidationError) as raised:
            DealIn().load({**DEAL, field: "x"})
        assert field in raised.value.messages


def test_money_is_a_decimal_string_never_a_float():
    loaded = DealIn().load(DEAL)
    assert loaded["items"][0]["unit_price"] == Decimal("68800.00")
    with pytest.raises(ValidationError):
        DealIn().load({**DEAL, "discount": "-1.00"})
    dumped = DealOut(only=("total", "subtotal", "discount")).dump(
        {"total": Decimal("65000"), "subtotal": Decimal("68800"), "discount": Decimal("3800"), "items": []})
    assert dumped == {"total": "65000.00", "subtotal": "68800.00", "discount": "3800.00"}


def test_a_deal_has_at_least_one_item_with_a_positive_quantity():
    with pytest.raises(ValidationError):
        DealIn().load({**DEAL, "items": []})
    with pytest.raises(ValidationError):
        DealIn().load({**DEAL, "items": [{**DEAL["items"][0], "quantity": 0}]})


def test_reception_times_carry_a_zone_and_status_is_server_owned():
    base = {"customer_id": "c-1", "scheduled_at": "2026-05-20T14:00:00+08:00", "party_size": 2}
    assert ReceptionIn().load(base)["scheduled_at"].utcoffset() is not None
    with pytest.raises(ValidationError):
        ReceptionIn().load({**base, "scheduled_at": "2026-05-20T14:00:00"})
    with pytest.raises(ValidationError):
        ReceptionIn().load({**base, "status": "approved"})
    with pytest.raises(ValidationError):
        ReceptionIn().load({**base, "arrangements": {"meal_out": {"venue": "夏宫", "cost": "1"}}})


def test_approval_body_is_optional_and_funding_is_money():
    assert ApproveIn().load({}) == {"funded_amount": None, "override_reason": None}
    assert ApproveIn().load({"funded_amount": "5000"})["funded_amount"] == Decimal("5000")


def test_ticket_kinds_are_the_offers():
    with pytest.raises(ValidationError):
        TicketIn().load({"customer_id": "c-1", "kind": "tattoo", "description": "x"})


def test_events_carry_exactly_the_catalog_fields():
    closed = make_envelope(DealClosed, {
        "deal_id": "d-1", "customer_id": "c-1", "seller_id": "dev-1", "origin": {"type": "visit", "id": "v-1"},
        "total": Decimal("65000"), "closed_at": NOW, "repeat_sale": False, "item_count": 1}, producer="reception")
    assert closed["data"]["total"] == "65000.00" and closed["type"] == "deal.closed"
    approved = make_envelope(ReceptionApproved, {
        "reception_id": "r-1", "customer_id": "c-1", "host_id": "dev-1", "scheduled_at": NOW, "party_size": 2,
        "funded_amount": None, "reason": None, "approver_id": "m-1"}, producer="reception")
    assert set(approved["data"]) == {"reception_id", "customer_id", "host_id", "scheduled_at", "party_size",
                                     "funded_amount", "reason", "approver_id"}
    with pytest.raises(ContractViolation):
        make_envelope(ReturnVisitRecorded, {"return_visit_id": "rv-1", "customer_id": "c-1"}, producer="reception")
