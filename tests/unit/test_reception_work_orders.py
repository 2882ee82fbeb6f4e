"""Custom-centre work orders: each kind's state machine and the money the server works out."""
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kam.errors import Invalid, InvalidTransition
from kam.identity import Actor
from services.reception.domain import money
from services.reception.domain.tickets import open_ticket, workflow_of
from services.reception.domain.work_orders import WORKFLOWS, advance, customer_notice
from services.reception.schemas import STEP_BODIES
from services.reception.terms import WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
DEV = Actor("dev-1", "developer")
PIECE = {"description": "1.20克拉钻石戒指"}
OPENING = {"custom_design": {}, "repair": {"intake_notes": "爪口磨损", "piece": PIECE},
           "resale": {"resale_mode": "consignment", "valuation": Decimal("42000.00")}}


def work_order(kind, **data):
    return open_ticket(id="t-1", customer={"id": "c-1", "owner_id": "dev-1"}, owner_id="dev-1",
                       data={"kind": kind, "description": "结婚十周年对戒", **OPENING[kind], **data}, now=NOW)


def walk(ticket, *steps):
    for action, body in steps:
        ticket = replace(ticket, **advance(ticket, action, body, NOW).changes)
    return ticket


DESIGN_TO_READY = (("quote", {"amount": Decimal("38000"), "deposit": Decimal("10000")}),
                   ("pay-deposit", {"amount": Decimal("10000")}), ("approve-design", {"note": "客户确认"}),
                   ("quality-check", {"passed": True, "note": None}))


def test_a_custom_design_goes_from_brief_to_handed_over():
    ticket = work_order("custom_design")
    assert ticket.status == "brief"
    ready = walk(ticket, *DESIGN_TO_READY)
    assert (ready.status, ready.quote, ready.deposit_paid) == ("ready", Decimal("38000.00"), Decimal("10000.00"))
    step = advance(ready, "hand-over", {}, NOW)
    assert step.status == "handed_over"
    assert step.figures == {"amount": Decimal("38000.00"), "deposit_paid": Decimal("10000.00"),
                            "balance": Decimal("28000.00")}


def test_a_failed_quality_check_keeps_the_piece_in_production():
    ticket = walk(work_order("custom_design"), *DESIGN_TO_READY[:3])
    step = advance(ticket, "quality-check", {"passed": False, "note": "镶口不平"}, NOW)
    assert step.status == "in_production" and step.figures["passed"] is False


def test_a_step_out_of_order_is_an_invalid_transition():
    with pytest.raises(InvalidTransition):
        advance(work_order("custom_design"), "hand-over", {}, NOW)
    with pytest.raises(InvalidTransition):
        advance(work_order("repair"), "quote", {"amount": Decimal("1")}, NOW)
    quoted = walk(work_order("custom_design"), DESIGN_TO_READY[0])
    with pytest.raises(InvalidTransition):
        advance(quoted, "quote", {"amount": Decimal("1")}, NOW)


def test_other_kinds_keep_open_in_progress_resolved():
    for kind in ("appraisal", "care", "knowledge", "event"):
        assert workflow_of(kind).statuses == ["open", "in_progress", "resolved"]
        with pytest.raises(InvalidTransition):
            advance(open_ticket(id="t", customer={"id": "c"}, owner_id="d",
                                data={"kind": kind, "description": "x"}, now=NOW), "quote", {"amount": 1}, NOW)


def test_the_deposit_never_exceeds_the_quote():
    with pytest.raises(Invalid) as raised:
        advance(work_order("custom_design"), "quote", {"amount": Decimal("5000"), "deposit": Decimal("5000.01")}, NOW)
    assert set(raised.value.errors) == {"deposit"}
    quoted = walk(work_order("custom_design"), ("quote", {"amount": Decimal("5000"), "deposit": Decimal("1000")}))
    with pytest.raises(Invalid) as raised:
        advance(quoted, "pay-deposit", {"amount": Decimal("5000.01")}, NOW)
    assert set(raised.value.errors) == {"amount"}
    assert advance(quoted, "pay-deposit", {"amount": Decimal("5000")}, NOW).changes["deposit_paid"] == Decimal("5000.00")


def test_a_repair_is_estimated_with_a_promised_date_then_accepted_or_declined():
    estimated = walk(work_order("repair"), ("estimate", {"amount": Decimal("880"), "due_date": date(2026, 6, 10)}))
    assert (estimated.status, estimated.estimate, estimated.due_date) == ("estimated", Decimal("880.00"),
                                                                           date(2026, 6, 10))
    assert advance(estimated, "decline-estimate", {}, NOW).status == "returned"
    done = walk(estimated, ("accept-estimate", {}), ("finish", {}), ("pick-up", {}))
    assert done.status == "picked_up"


def test_a_repair_is_not_promised_for_a_day_already_past():
    with pytest.raises(Invalid):
        advance(work_order("repair"), "estimate", {"amount": Decimal("880"), "due_date": date(2026, 5, 31)}, NOW)


def test_commission_is_price_times_rate_rounded_to_the_fen_half_up():
    assert money.commission_of(Decimal("12345.67"), Decimal("0.15")) == Decimal("1851.85")  # 1851.8505
    assert money.commission_of(Decimal("0.10"), Decimal("0.05")) == Decimal("0.01")  # 0.005 rounds up
    assert money.commission_of(Decimal("0.10"), Decimal("0.04")) == Decimal("0.00")


def test_the_payout_is_the_price_less_the_commission():
    price, commission, payout = money.settle_sale(Decimal("36800"), Decimal("0.12"))
    assert (price, commission, payout) == (Decimal("36800.00"), Decimal("4416.00"), Decimal("32384.00"))


def test_a_consignment_is_agreed_listed_sold_and_paid_out():
    agreed = walk(work_order("resale"), ("agree", {"asking_price": Decimal("39800"), "commission_rate": Decimal("0.15"),
                                                   "mode": "consignment", "until": date(2026, 9, 1)}))
    assert (agreed.status, agreed.until, agreed.resale_mode) == ("listed", date(2026, 9, 1), "consignment")
    sold = walk(agreed, ("sell", {"price": Decimal("36000"), "buyer_customer_id": None}))
    assert (sold.status, sold.commission, sold.payout) == ("sold", Decimal("5400.00"), Decimal("30600.00"))
    assert advance(sold, "pay-out", {}, NOW).figures == {"amount": Decimal("30600.00")}
    assert advance(agreed, "return", {}, NOW).status == "returned"


def test_a_consignment_runs_until_a_date():
    with pytest.raises(Invalid) as raised:
        advance(work_order("resale"), "agree", {"asking_price": Decimal("39800"), "commission_rate": Decimal("0.15"),
                                                "mode": "consignment", "until": None}, NOW)
    assert set(raised.value.errors) == {"until"}


def test_the_customer_is_told_by_the_channel_they_chose_unless_they_opted_out():
    customer = {"id": "c-1", "phone": "13800000000", "wechat": "wx-lin", "email": None, "outreach_opt_out": False}
    assert customer_notice("wechat", customer) == {"channel": "wechat", "address": "wx-lin"}
    assert customer_notice(None, customer) is None
    assert customer_notice("email", customer) is None  # no address in the file
    assert customer_notice("sms", {**customer, "outreach_opt_out": True}) is None


def test_every_action_has_a_body_and_every_status_a_machine():
    assert set(STEP_BODIES) == set(WORK_ORDER_ACTIONS)
    assert {step.action for flow in WORKFLOWS.values() for step in flow.steps} == set(WORK_ORDER_ACTIONS)
    for kind, statuses in WORK_ORDER_STATUSES.items():
        assert set(WORKFLOWS[kind].statuses) == set(statuses)


def test_only_the_departments_handlers_take_steps():
    flow = WORKFLOWS["custom_design"]
    ticket = {"status": "brief", "owner_id": "dev-1"}
    assert flow.actions(DEV, ticket) == ["quote"]
    assert flow.actions(Actor("p-1", "planner"), ticket) == []
