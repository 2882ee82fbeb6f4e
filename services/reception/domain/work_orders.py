"""Custom-centre work orders (定制中心): custom design, repair and resale tickets move through their
kind's stages by named actions; every step is recorded with who, when and its figures."""
from dataclasses import dataclass
from decimal import Decimal

from kam.errors import Invalid, InvalidTransition
from kam.workflow import Step, Workflow, role
from services.reception.contracts import WorkOrderAdvanced
from services.reception.domain import money

HANDLERS = ("developer", "manager", "coordinator")  # coordinators carry pieces through workshop and counter
_by = role(*HANDLERS)

CUSTOM_DESIGN = Workflow(
    Step("quote", "brief", "quoted", by=_by),
    Step("pay-deposit", "quoted", "in_design", by=_by),
    Step("approve-design", "in_design", "in_production", by=_by),
    Step("quality-check", "in_production", "ready", by=_by),
    Step("hand-over", "ready", "handed_over", by=_by),
)
REPAIR = Workflow(
    Step("estimate", "received", "estimated", by=_by),
    Step("accept-estimate", "estimated", "in_repair", by=_by),
    Step("decline-estimate", "estimated", "returned", by=_by),
    Step("finish", "in_repair", "ready", by=_by),
    Step("pick-up", "ready", "picked_up", by=_by),
)
RESALE = Workflow(
    Step("agree", "valued", "listed", by=_by),
    Step("sell", "listed", "sold", by=_by),
    Step("pay-out", "sold", "paid_out", by=_by),
    Step("return", "listed", "returned", by=_by),
    Step("extend", "listed", "listed", by=_by),  # a consignment past its end, kept on sale longer
)
WORKFLOWS = {"custom_design": CUSTOM_DESIGN, "repair": REPAIR, "resale": RESALE}
FIRST_STATUS = {"custom_design": "brief", "repair": "received", "resale": "valued"}
NOTICE_ADDRESS = {"sms": "phone", "wechat": "wechat", "email": "email"}


def is_work_order(kind):
    return kind in WORKFLOWS


@dataclass
class StepTaken:
    """What one action did: the status it leads to, the ticket's changed fields, the step's figures."""

    status: str
    changes: dict
    figures: dict


def advance(ticket, action, body, now):
    """The step `action` takes on the work order, or 409 invalid_transition (nothing changes)."""
    if not is_work_order(ticket.kind):
        raise InvalidTransition(f"a {ticket.kind} ticket is not a work order")
    target = WORKFLOWS[ticket.kind].target(ticket.status, action)
    step = RULES[action](ticket, body, now, target)
    step.changes.update(status=step.status, updated_at=now)
    return step


def _quote(ticket, body, now, target):
    amount, deposit = money.quoted(body["amount"], body.get("deposit"))
    return StepTaken(target, {"quote": amount, "deposit": deposit}, {"amount": amount, "deposit": deposit})


def _pay_deposit(ticket, body, now, target):
    paid = money.deposit_paid(ticket.quote, ticket.deposit or Decimal("0"), body["amount"])
    return StepTaken(target, {"deposit_paid": paid}, {"amount": paid})


def _approve_design(ticket, body, now, target):
    return StepTaken(target, {}, {"note": body.get("note")})


def _quality_check(ticket, body, now, target):
    """A piece that fails the check stays in production, the check recorded all the same."""
    passed = bool(body["passed"])
    return StepTaken(target if passed else ticket.status, {}, {"passed": passed, "note": body.get("note")})


def _hand_over(ticket, body, now, target):
    paid = ticket.deposit_paid or Decimal("0")
    return StepTaken(target, {"resolved_at": now}, {
        "amount": ticket.quote, "deposit_paid": paid, "balance": money.balance_due(ticket.quote, paid)})


def _estimate(ticket, body, now, target):
    if body["due_date"] < now.date():
        raise Invalid("the promised date is in the past", errors={"due_date": ["today or later"]})
    amount = money.cny(body["amount"])
    return StepTaken(target, {"estimate": amount, "due_date": body["due_date"]},
                 {"amount": amount, "due_date": body["due_date"].isoformat()})


def _agree(ticket, body, now, target):
    until = body.get("until")
    if body["mode"] == "consignment" and until is None:
        raise Invalid("a consignment runs until a date", errors={"until": ["required for a consignment"]})
    if until is not None and until < now.date():
        raise Invalid("the agreement ends in the past", errors={"until": ["today or later"]})
    asking = money.cny(body["asking_price"])
    rate = Decimal(body["commission_rate"])
    return StepTaken(target, {"asking_price": asking, "commission_rate": rate, "resale_mode": body["mode"],
                          "until": until},
                 {"asking_price": asking, "commission_rate": rate, "mode": body["mode"],
                  "until": until.isoformat() if until else None})


def _extend(ticket, body, now, target):
    if body["until"] < now.date():
        raise Invalid("the agreement ends in the past", errors={"until": ["today or later"]})
    return StepTaken(target, {"until": body["until"]}, {"until": body["until"].isoformat()})


def _sell(ticket, body, now, target):
    price, commission, payout = money.settle_sale(body["price"], ticket.commission_rate)
    return StepTaken(target, {"sale_price": price, "commission": commission, "payout": payout,
                          "buyer_customer_id": body.get("buyer_customer_id")},
                 {"price": price, "commission": commission, "payout": payout,
                  "buyer_customer_id": body.get("buyer_customer_id")})


def _pick_up(ticket, body, now, target):
    """The repair is paid for as estimated when the customer picks the piece up."""
    return StepTaken(target, {"resolved_at": now}, {"amount": ticket.estimate, "note": body.get("note")})


def _pay_out(ticket, body, now, target):
    return StepTaken(target, {"resolved_at": now}, {"amount": ticket.payout})


def _simple(closes=False):
    def rule(ticket, body, now, target):
        return StepTaken(target, {"resolved_at": now} if closes else {}, {"note": (body or {}).get("note")})
    return rule


RULES = {
    "quote": _quote, "pay-deposit": _pay_deposit, "approve-design": _approve_design,
    "quality-check": _quality_check, "hand-over": _hand_over, "estimate": _estimate,
    "accept-estimate": _simple(), "decline-estimate": _simple(closes=True), "finish": _simple(),
    "pick-up": _pick_up, "agree": _agree, "extend": _extend, "sell": _sell, "pay-out": _pay_out,
    "return": _simple(closes=True),
}


def customer_notice(channel, customer):
    """How the customer is told their piece is ready: by the channel they chose at intake, to the address
    in their file; nobody is messaged who opted out or chose no channel (the owner tells them instead)."""
    if channel is None or customer.get("outreach_opt_out"):
        return None
    address = customer.get(NOTICE_ADDRESS[channel])
    return {"channel": channel, "address": address} if address else None


def advanced(ticket, action, previous, step, actor, at, notice=None):
    return WorkOrderAdvanced.of({
        "ticket_id": ticket.id, "customer_id": ticket.customer_id, "owner_id": ticket.owner_id,
        "kind": ticket.kind, "action": action, "previous_status": previous, "status": step.status,
        "by": actor.user_id, "at": at, "amount": step.figures.get("amount"),
        "commission": step.figures.get("commission"), "due_date": ticket.due_date, "until": ticket.until,
        "mode": ticket.resale_mode, "notice": notice})


def history_row(ticket_id, action, previous, step, actor, at):
    return {"ticket_id": ticket_id, "action": action, "from_status": previous, "to_status": step.status,
            "by": actor.user_id, "by_role": actor.role, "at": at,
            "figures": {k: (v if isinstance(v, bool) or v is None else str(v)) for k, v in step.figures.items()}}
