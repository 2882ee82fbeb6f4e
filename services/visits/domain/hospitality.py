"""Hospitality caps (规格根据公司规定): what may be given (a visit's gift, at its catalog list price) or spent
(a reception's meal out, per head) on a customer of each category. Above the cap only the manager's
stated override approves it, and every override is logged."""
from decimal import Decimal

from kam.errors import Conflict, Forbidden
from services.visits.terms import CUSTOMER_CATEGORIES, HOSPITALITY_KINDS

WHAT = {"gift_value": "gift", "meal_per_head": "meal out per head"}


def ensure_may_set(actor):
    if actor.role != "manager":
        raise Forbidden("only a manager may set the hospitality caps")


def ensure_may_list_overrides(actor):
    if actor.role != "manager":
        raise Forbidden("only a manager may read the hospitality overrides")


def policy_of(rows):
    """Every category, capped or not (null: no cap); the table holds only what a manager set."""
    found = {row["category"]: row for row in rows}
    return {"caps": {category: {kind: (found.get(category) or {}).get(kind) for kind in HOSPITALITY_KINDS}
                     for category in CUSTOMER_CATEGORIES}}


def cap_rows(caps, actor_id, now):
    """The policy as sent replaces the one kept: a category left out has no cap any more."""
    return [{"category": category, **{kind: (limits or {}).get(kind) for kind in HOSPITALITY_KINDS},
             "updated_by": actor_id, "updated_at": now} for category, limits in caps.items()]


def override_needed(caps, category, kind, amount, override_reason):
    """None when `amount` is within the cap for `category` (or there is no cap or no amount); else the
    override to log, which needs the manager's reason (409 `over_hospitality_cap` without one)."""
    cap = (caps.get(category) or {}).get(kind) if category else None
    if cap is None or amount in (None, "", "None"):
        return None
    amount = Decimal(str(amount))
    if amount <= cap:
        return None
    reason = (override_reason or "").strip()
    if not reason:
        what = WHAT[kind]
        raise Conflict(f"the {what} of {amount} is above the cap of {cap} for this customer's category; "
                       "approving it needs the manager's override_reason", code="over_hospitality_cap",
                       extra={"kind": kind, "amount": str(amount), "cap": str(cap), "category": category})
    return {"category": category, "kind": kind, "amount": amount, "cap": cap, "reason": reason}
