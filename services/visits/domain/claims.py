"""Expense claims: items by category, the subject's rules, over-funding, and reimbursement once only."""
from decimal import Decimal

from kam.errors import Conflict, Invalid
from kam.records import Visibility
from kam.workflow import Step, Workflow, owner, role
from services.visits.contracts import (
    ExpenseClaimApproved,
    ExpenseClaimReimbursed,
    ExpenseClaimRejected,
    ExpenseClaimSubmitted,
)

CLAIM = Workflow(
    Step("submit", "draft", "submitted", by=owner("claimant_id")),
    Step("edit", "draft", "draft", by=owner("claimant_id")),
    Step("withdraw", "draft", "withdrawn", by=owner("claimant_id")),
    Step("redraft", "rejected", "draft", by=owner("claimant_id")),
    Step("approve", "submitted", "approved", by=role("manager")),
    Step("reject", "submitted", "rejected", by=role("manager")),
    Step("reimburse", "approved", "reimbursed", by=role("manager")),
)
EVENTS = {"submit": ExpenseClaimSubmitted, "approve": ExpenseClaimApproved, "reject": ExpenseClaimRejected,
          "reimburse": ExpenseClaimReimbursed}
# A developer claims only on their own subjects.
SUBJECTS = {"visit": Visibility("visit", owners=("visitor_id",)),
            "development_plan": Visibility("development plan", owners=("developer_id",)),
            "reception": Visibility("reception", owners=("host_id",)),
            # An event's claims are filed by the one who runs it (its planner, a planner or a manager).
            "event": Visibility("event", owners=("planner_id",))}
FUNDED_STATUSES = {
    "visit": ("approved", "completed", "summarized"),
    "development_plan": ("approved",),
    "reception": ("approved", "reported"),
    "event": ("approved", "reported"),
}
# Who files a claim on each kind of subject: developers on their own work, the event's runner on an event.
FILERS = {"event": ("planner", "manager")}
DEVELOPERS = ("developer",)
COUNTED_STATUSES = ("submitted", "approved", "reimbursed")
RECEIPTS_OPEN = ("draft", "submitted")
CENT = Decimal("0.01")


def filers(subject_type):
    return FILERS.get(subject_type, DEVELOPERS)


def funded_amount_of(subject_type, subject):
    """What was approved for the subject: a plan's budget, a visit's, reception's or event's funded amount
    (a reception approved without one funded nothing)."""
    amount = subject.get("budget") if subject_type == "development_plan" else subject.get("funded_amount")
    return Decimal(str(amount or 0)).quantize(CENT)


def ensure_funded(subject_type, subject):
    if subject["status"] not in FUNDED_STATUSES[subject_type]:
        raise Conflict(f"a {subject_type} is claimed for only once it is approved", code="subject_not_approved")


def ensure_ready_for_claim(subject_type, subject):
    """无拜访总结不得报销费用; 无接待报告不得报销费用; no event report, no reimbursement either."""
    if subject_type == "visit" and subject["status"] != "summarized":
        raise Conflict("no visit summary, no expense reimbursement", code="summary_required")
    if subject_type == "reception" and subject["status"] != "reported":
        raise Conflict("no reception report, no expense reimbursement", code="report_required")
    if subject_type == "event" and subject["status"] != "reported":
        raise Conflict("no event report, no expense reimbursement", code="report_required")
    ensure_funded(subject_type, subject)


def priced_items(items):
    if not items:
        raise Invalid("a claim has at least one item", errors={"items": ["at least one item is required"]})
    bad = {str(index): ["amount must be above zero"] for index, item in enumerate(items) if item["amount"] <= 0}
    if bad:
        raise Invalid("every item costs something", errors={"items": bad})
    return [{**item, "amount": Decimal(item["amount"]).quantize(CENT)} for item in items]


def total_of(items):
    """A claim's total is the sum of its lines: the over-funding check and the caps hold it."""
    return sum((item["amount"] for item in items), Decimal("0.00"))


def open_claim(*, id, claimant_id, subject_type, subject, items, now):
    ensure_funded(subject_type, subject)
    items = priced_items(items)
    return {
        "id": id, "claimant_id": claimant_id, "customer_id": subject.get("customer_id"),
        "subject_type": subject_type, "subject_id": subject["id"], "status": "draft",
        "total": total_of(items), "funded_amount": funded_amount_of(subject_type, subject), "over_funded": False,
        "created_at": now, "updated_at": now,
    }, items


def edit_claim(claim, items, now):
    """A draft's lines are replaced as a whole; the total follows them."""
    if claim["status"] != "draft":
        raise Conflict("only a draft claim can be edited", code="not_a_draft")
    items = priced_items(items)
    return {"total": total_of(items), "updated_at": now}, items


def withdraw_claim(claim, now):
    if claim["status"] != "draft":
        raise Conflict("only a draft claim can be withdrawn", code="not_a_draft")
    return {"status": moved(claim, "withdraw"), "updated_at": now}


def redraft_claim(claim, now):
    """A rejected claim goes back to its claimant as a draft (lines and receipts can change again); the
    reason stays until the next decision, and submitting again checks the funding anew."""
    return {"status": moved(claim, "redraft"), "over_funded": False, "updated_at": now}


def moved(claim, action):
    return CLAIM.target(claim["status"], action)


def event_of(action, claim):
    return EVENTS[action].of({"claim_id": claim["id"], **claim,
                              "subject": {"type": claim["subject_type"], "id": claim["subject_id"]}})


def submit_claim(claim, subject, already_claimed, now):
    """Spending beyond what was funded may be claimed, but it is flagged for the manager."""
    status = moved(claim, "submit")
    ensure_ready_for_claim(claim["subject_type"], subject)
    funded = funded_amount_of(claim["subject_type"], subject)
    return {"status": status, "funded_amount": funded, "over_funded": already_claimed + claim["total"] > funded,
            "submitted_at": now, "updated_at": now}


def approve_claim(claim, approver_id, override_reason, now):
    status = moved(claim, "approve")
    override_reason = (override_reason or "").strip() or None
    if claim["over_funded"] and override_reason is None:
        raise Conflict(f"the claim of {claim['total']} exceeds the funded {claim['funded_amount']}: "
                       "approving it needs an override_reason", code="over_funded_amount")
    return {"status": status, "decided_by": approver_id, "override_reason": override_reason if claim["over_funded"]
            else None, "reason": None, "decided_at": now, "updated_at": now}


def reject_claim(claim, approver_id, reason, now):
    return {"status": moved(claim, "reject"), "decided_by": approver_id, "reason": reason, "decided_at": now,
            "updated_at": now}


def reimburse_claim(claim, manager_id, now):
    return {"status": moved(claim, "reimburse"), "reimbursed_by": manager_id, "reimbursed_at": now, "updated_at": now}


def ensure_receipts_open(claim):
    if claim["status"] not in RECEIPTS_OPEN:
        raise Conflict("receipts are attached before the claim is decided", code="claim_closed")
