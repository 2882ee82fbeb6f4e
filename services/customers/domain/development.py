"""Is this customer worth developing, and the development plan's approval workflow."""
from decimal import ROUND_HALF_UP, Decimal

from kam.errors import Conflict, InvalidTransition

CENTS = Decimal("0.01")
COST_KINDS = ("staff", "travel", "pr", "management")

TRANSITIONS = {
    "submit": ("draft", "pending_approval"),
    "approve": ("pending_approval", "approved"),
    "reject": ("pending_approval", "rejected"),
}


def assess(expected_revenue, expected_profit, costs, risk_factor):
    """Worth developing when the profit, discounted by the risk factor (0 = certain, 1 = hopeless),
    exceeds every cost of developing the customer: an individual treated like a corporate account."""
    total_cost = sum((Decimal(str(costs.get(kind) or 0)) for kind in COST_KINDS), Decimal(0)).quantize(CENTS)
    risk = Decimal(str(risk_factor))
    risk_adjusted = (Decimal(str(expected_profit)) * (Decimal(1) - risk)).quantize(CENTS, ROUND_HALF_UP)
    return {"expected_revenue": Decimal(str(expected_revenue)).quantize(CENTS),
            "expected_profit": Decimal(str(expected_profit)).quantize(CENTS),
            "costs": {kind: str(Decimal(str(costs.get(kind) or 0)).quantize(CENTS)) for kind in COST_KINDS},
            "total_cost": total_cost, "risk_factor": risk, "risk_adjusted_profit": risk_adjusted,
            "net_value": risk_adjusted - total_cost, "worth_developing": risk_adjusted > total_cost}


def move_plan(status, action):
    """The plan's next status; an illegal move, repeating one already made included, is refused."""
    before, after = TRANSITIONS[action]
    if status != before:
        raise InvalidTransition(f"a {status} plan cannot be {action}ed", code="invalid_transition")
    return after


def ensure_worth_developing(latest_assessment):
    """A development plan is submitted only after an assessment found the customer worth developing."""
    if latest_assessment is None:
        raise Conflict("assess the customer before submitting a development plan", code="assessment_required")
    if not latest_assessment["worth_developing"]:
        raise Conflict("the latest assessment found the customer not worth developing",
                       code="not_worth_developing")
