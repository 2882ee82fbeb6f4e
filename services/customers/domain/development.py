"""Is this customer worth developing, and the development plan's approval workflow."""
from decimal import ROUND_HALF_UP, Decimal

from kam.errors import Conflict, Forbidden, Invalid
from kam.workflow import Step, Workflow, owner, role
from services.customers.contracts import (
    DevelopmentPlanApproved,
    DevelopmentPlanRejected,
    DevelopmentPlanSubmitted,
)
from services.customers.domain.access import PLANS, WRITERS
from services.customers.terms import EVENT_METHODS

CENTS = Decimal("0.01")
COST_KINDS = ("staff", "travel", "pr", "management")


def _its_writer(actor, plan):
    """Its developer or a manager (who may change the customer's file)."""
    return actor.role in WRITERS and PLANS.sees(actor, plan)


def _another_manager(actor, plan):
    """Segregation of duties: no manager approves their own plan."""
    return role("manager")(actor, plan) and not owner("developer_id")(actor, plan)


PLAN = Workflow(
    Step("submit", "draft", "pending_approval", by=_its_writer),
    Step("edit", "draft", "draft", by=owner("developer_id")),
    Step("withdraw", "draft", "withdrawn", by=owner("developer_id")),
    Step("redraft", "rejected", "draft", by=owner("developer_id")),
    Step("approve", "pending_approval", "approved", by=_another_manager),
    Step("reject", "pending_approval", "rejected", by=role("manager")),
)
EVENTS = {"submit": DevelopmentPlanSubmitted, "approve": DevelopmentPlanApproved, "reject": DevelopmentPlanRejected}
EDITABLE = ("methods", "plan", "budget", "event_id")
# Its own developer's steps on a plan not yet before a manager: no other service hears of them.
OWNERS_STEPS = ("withdraw", "redraft")


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


def ensure_event_fits_methods(methods, event_id):
    """A development plan names an event only when one of its methods is an event (a launch, a
    promotion, a club event, a training course)."""
    if event_id and not set(methods) & set(EVENT_METHODS):
        raise Invalid("an event is named only by a plan with an event method",
                      errors={"event_id": [f"only with an event method: {', '.join(EVENT_METHODS)}"]})


def ensure_owner_step(actor, plan):
    """Only the plan's own developer edits, withdraws or takes back a plan (403 for anyone else)."""
    if not owner("developer_id")(actor, plan):
        raise Forbidden("only the plan's own developer may do this")


def edit_plan(plan, changes):
    """A draft's methods, text, budget or event change; once submitted it is fixed (409 not_a_draft)."""
    if plan["status"] != "draft":
        raise Conflict("only a draft development plan can be edited", code="not_a_draft")
    edited = {key: value for key, value in changes.items() if key in EDITABLE}
    if "methods" in edited or "event_id" in edited:
        ensure_event_fits_methods(edited.get("methods", plan["methods"]), edited.get("event_id", plan["event_id"]))
    if "methods" in edited:
        edited["methods"] = list(edited["methods"])
    return edited


def move_plan(plan, action, decided_by, *, reason=None):
    """The plan's new values after `action`, and the event that says so (None for its developer's own
    withdraw and redraft); an illegal move, repeating one already made included, is refused (409)."""
    if action == "withdraw" and plan["status"] != "draft":
        raise Conflict("only a draft development plan can be withdrawn", code="not_a_draft")
    status = PLAN.target(plan["status"], action)
    if action in OWNERS_STEPS:
        return {"status": status}, None
    if action == "approve" and plan["developer_id"] == decided_by:
        raise Conflict("a manager may not approve their own development plan", code="own_submission")
    decided_by = decided_by if action != "submit" else None
    kept_reason = None if action == "approve" else plan["reason"]
    values = {"status": status, "reason": reason if action == "reject" else kept_reason, "decided_by": decided_by}
    return values, EVENTS[action].of({"plan_id": plan["id"], "customer_id": plan["customer_id"],
                                      "developer_id": plan["developer_id"], "budget": plan["budget"], **values})


def with_actions(actor, plan):
    return {**plan, "actions": PLAN.actions(actor, plan)}


def ensure_worth_developing(latest_assessment):
    """A development plan is submitted only after an assessment found the customer worth developing."""
    if latest_assessment is None:
        raise Conflict("assess the customer before submitting a development plan", code="assessment_required")
    if not latest_assessment["worth_developing"]:
        raise Conflict("the latest assessment found the customer not worth developing",
                       code="not_worth_developing")
