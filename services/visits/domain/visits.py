"""A visit's life: its preparation, approval, the record form, the one-week callback and the summary."""
from datetime import timedelta
from decimal import Decimal

from kam.errors import Conflict, Invalid
from kam.workflow import Step, Workflow, owner, role
from services.visits.contracts import (
    VisitApproved,
    VisitCompleted,
    VisitRejected,
    VisitSubmitted,
    VisitSummarized,
)
from services.visits.domain.check_in import may_check_in, record_form
from services.visits.domain.review import with_version
from services.visits.terms import CALLBACK_DAYS, SUPPORTABLE_STATUSES, SUPPORTER_ROLES

# The gift by customer category is the analyst's rule table in the catalog; this is only for a category
# the catalog has no rule for yet.
DEFAULT_GIFT = "品牌珠宝保养礼包"

VISIT = Workflow(
    Step("submit", "draft", "pending_approval", by=owner("visitor_id")),
    Step("edit", "draft", "draft", by=owner("visitor_id")),
    Step("withdraw", "draft", "withdrawn", by=owner("visitor_id")),
    Step("redraft", "rejected", "draft", by=owner("visitor_id")),
    Step("approve", "pending_approval", "approved", by=role("manager")),
    Step("reject", "pending_approval", "rejected", by=role("manager")),
    Step("check_in", "approved", "approved", by=may_check_in),
    Step("record", "approved", "completed", by=owner("visitor_id")),
    Step("summarize", "completed", "summarized", by=owner("visitor_id")),
    # 提升拜访等级: the planner or a manager supports a visit still to come; it stays where it is.
    *(Step("support", status, status, by=role(*SUPPORTER_ROLES)) for status in SUPPORTABLE_STATUSES),
)
EVENTS = {"submit": VisitSubmitted, "approve": VisitApproved, "reject": VisitRejected, "record": VisitCompleted,
          "summarize": VisitSummarized}
DISCUSSABLE = ("draft", "pending_approval", "approved")
NOT_YET_MADE = DISCUSSABLE  # the open work that passes to a customer's new owner
FUNDED = ("approved", "completed", "summarized")
EDITABLE_FIELDS = ("planned_at", "place", "method", "objectives", "preparation", "companions", "budget")


def prepared(preparation, suggestion=None):
    """The preparation as kept: the gift defaults to `suggestion`, the catalog's gift product for the
    customer's category ({"product_id", "name"}), and to the house gift if the catalog has no rule."""
    preparation = dict(preparation or {})
    gift = preparation.get("gift")
    suggestion = suggestion or {}
    return {
        "products": list(preparation.get("products") or []),
        "offers": [{**offer, "discount": str(offer["discount"])} for offer in preparation.get("offers") or []],
        "gift": gift or suggestion.get("name") or DEFAULT_GIFT,
        "gift_product_id": preparation.get("gift_product_id") if gift else suggestion.get("product_id"),
        "gift_suggested": not gift,
        "transport": dict(preparation.get("transport") or {"company_car": False, "note": None}),
    }


def plan_visit(*, id, data, customer, visitor_id, now, gift=None):
    return {
        "id": id, "customer_id": customer["id"], "customer_name": customer.get("name"),
        "customer_category": customer.get("category"), "visitor_id": visitor_id,
        "customer_owner_id": customer.get("owner_id"), "status": "draft",
        "planned_at": data["planned_at"], "place": data.get("place"), "method": data.get("method", "in_person"),
        "objectives": data.get("objectives"), "preparation": prepared(data.get("preparation"), gift),
        "companions": list(data.get("companions") or []), "budget": data.get("budget"),
        "created_at": now, "updated_at": now,
    }


def edit_draft(visit, changes, now, gift=None):
    if visit["status"] != "draft":
        raise Conflict("only a draft visit plan can be edited", code="not_a_draft")
    edited = {key: value for key, value in changes.items() if key in EDITABLE_FIELDS}
    if "preparation" in edited:
        edited["preparation"] = prepared(edited["preparation"], gift)
    return {**edited, "updated_at": now}


def withdraw_visit(visit, now):
    """A draft its visitor no longer means to submit; it stays on file as withdrawn."""
    if visit["status"] != "draft":
        raise Conflict("only a draft visit plan can be withdrawn", code="not_a_draft")
    return {"status": moved(visit, "withdraw"), "updated_at": now}


def redraft_visit(visit, now):
    """A rejected plan goes back to its visitor as a draft to revise and submit again; the reason it was
    rejected stays on it until the next decision."""
    return {"status": moved(visit, "redraft"), "updated_at": now}


def moved(visit, action):
    return VISIT.target(visit["status"], action)


def event_of(action, visit):
    """What the other services are told of a step: `visit.completed` carries what the callback task and
    analytics need (visitor, customer, occurred_at)."""
    data = {"visit_id": visit["id"], **visit}
    if action == "reject":
        data["reason"] = visit["rejection_reason"]
    if action == "record":
        data.update(method=visit["record_method"], place=visit["record_place"],
                    gift_product_id=visit["preparation"].get("gift_product_id"))
    return EVENTS[action].of(data)


def offers_beyond_authority(preparation, max_discount):
    return [offer for offer in preparation.get("offers") or [] if Decimal(str(offer["discount"])) > max_discount]


def submit_visit(visit, max_discount, now):
    """A developer offers discounts only within their authority (a fraction off the list price)."""
    status = moved(visit, "submit")
    beyond = offers_beyond_authority(visit["preparation"], max_discount)
    if beyond:
        products = "、".join(str(offer.get("product")) for offer in beyond)
        raise Conflict(f"offers beyond the developer's discount authority of {max_discount}: {products}",
                       code="discount_exceeds_authority")
    return {"status": status, "submitted_at": now, "updated_at": now}


def approve_visit(visit, approver_id, funded_amount, now):
    return {"status": moved(visit, "approve"), "funded_amount": funded_amount, "approver_id": approver_id,
            "rejection_reason": None, "decided_at": now, "updated_at": now}


def reject_visit(visit, approver_id, reason, now):
    return {"status": moved(visit, "reject"), "rejection_reason": reason, "approver_id": approver_id,
            "decided_at": now, "updated_at": now}


def record_visit(visit, form, now):
    """The visit record form (客户拜访记录表); the callback falls due one week after the visit."""
    status = moved(visit, "record")
    form = record_form(visit, form)
    occurred_at = form["occurred_at"]
    if occurred_at > now:
        raise Invalid("a visit is recorded after it happened",
                      errors={"occurred_at": ["must not be in the future"]})
    if form.get("next_visit_at") and form["next_visit_at"] <= occurred_at:
        raise Invalid("the next visit comes after this one", errors={"next_visit_at": ["must be after occurred_at"]})
    changes = {
        "status": status, "occurred_at": occurred_at,
        "record_place": form.get("place") or visit.get("place"), "record_method": form.get("method") or visit["method"],
        "talking_points": form.get("talking_points"), "customer_feedback": form.get("customer_feedback"),
        "next_steps": form.get("next_steps"), "next_visit_at": form.get("next_visit_at"),
        "recorded_at": now, "callback_due_at": occurred_at + timedelta(days=CALLBACK_DAYS), "updated_at": now,
    }
    return {**changes, **to_review({**visit, **changes}, now)}


def summarize_visit(visit, text, now):
    """The summary joins the report; it waits for the manager's review again (报告检查)."""
    changes = {"status": moved(visit, "summarize"), "summary": text, "summarized_at": now, "updated_at": now}
    return {**changes, **to_review({**visit, **changes}, now)}


def to_review(visit, now):
    return {"review_status": "pending", "review_comment": None, "reviewed_by": None, "reviewed_at": None,
            "versions": with_version(visit, visit["visitor_id"], now)}


# What each kind of support names besides its note: a senior leader's name, or the event invited to.
SUPPORT_NAMES = {"senior_leader": "leader_name", "event_invitation": "event_id"}


def support_item(visit, data, *, id, added_by, now):
    """提升拜访等级: a senior leader joins the visit, or the customer is invited to the company or to an
    event. Only on a visit still to come (409 invalid_transition after it, or once rejected); each kind
    names what it needs and nothing another kind names (422 on that field)."""
    VISIT.target(visit["status"], "support")
    kind = data["kind"]
    errors = {}
    for named_by, field in SUPPORT_NAMES.items():
        given = (data.get(field) or "").strip() or None
        if named_by == kind and given is None:
            errors[field] = ["required for this kind of support"]
        elif named_by != kind and given is not None:
            errors[field] = ["not for this kind of support"]
    if errors:
        raise Invalid("the support does not name what its kind needs", errors=errors)
    return {"id": id, "visit_id": visit["id"], "kind": kind, "note": (data.get("note") or "").strip() or None,
            "leader_name": (data.get("leader_name") or "").strip() or None, "event_id": data.get("event_id") or None,
            "added_by": added_by, "added_at": now}


def ensure_invitable_event(event, now):
    """The customer is invited only to an approved event that has not ended."""
    if event["status"] != "approved" or (event.get("ends_at") is not None and event["ends_at"] <= now):
        raise Conflict("the customer is invited only to an approved event still to come", code="event_not_open")


def ensure_discussable(visit):
    if visit["status"] not in DISCUSSABLE:
        raise Conflict("the pre-visit discussion is held before the visit", code="visit_not_open_for_discussion")


def callback_of(visit):
    """Whether the one-week callback after the visit was done, and when."""
    if visit.get("callback_due_at") is None:
        return None
    done_at = visit.get("callback_done_at")
    return {"status": "done" if done_at else "pending", "due_at": visit["callback_due_at"], "done_at": done_at,
            "on_time": visit.get("callback_on_time")}


def callback_done(visit, done_at, on_time):
    """The first completion counts; a later one (a replay, a second task) changes nothing."""
    if visit.get("callback_done_at") is not None:
        return {}
    if on_time is None:
        on_time = visit.get("callback_due_at") is not None and done_at <= visit["callback_due_at"]
    return {"callback_done_at": done_at, "callback_on_time": on_time}


ERASED_TEXT = ("customer_name", "place", "objectives", "record_place", "talking_points", "customer_feedback",
               "next_steps", "summary", "rejection_reason", "review_comment", "check_in_place", "check_in_location")


def erased_visit(visit):
    """Under PIPL: names and free text go; dates, amounts and statuses stay as anonymous figures."""
    preparation = {**visit["preparation"], "products": [], "offers": [
        {"discount": offer["discount"]} for offer in visit["preparation"].get("offers") or []]}
    versions = [{"version": kept["version"], "at": kept["at"], "by": kept["by"], "occurred_at": kept["occurred_at"],
                 "review": kept["review"] and {**kept["review"], "comment": None}} for kept in visit.get("versions") or []]
    return {**{field: None for field in ERASED_TEXT}, "companions": [], "preparation": preparation,
            "versions": versions}
