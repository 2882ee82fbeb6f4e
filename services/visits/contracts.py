"""What the visits service promises and relies on: the events it publishes and reads, the RPC methods
it offers, and what it reads of the customers' and reception's replies."""
from marshmallow import fields, validate

from kam.contracts import Calls, Id, Method, Reads
from kam.events import ConsumedContract, Contract
from kam.schemas import Money, SubjectRef, page_of
from services.visits.hospitality_schemas import (
    HospitalityOverride,
    HospitalityReviewIn,
    HospitalityReviewOut,
    OverrideArgs,
    OverrideOut,
    PolicyIn,
    PolicyOut,
)
from services.visits.schemas import (
    AdviceIn,
    AdviceList,
    AdviceOut,
    CheckInIn,
    ClaimArgs,
    ClaimIn,
    ClaimOut,
    ClaimPatch,
    LogisticsOut,
    ReceiptContentOut,
    ReceiptOut,
    RecordIn,
    ReviewIn,
    RevisionIn,
    SupportIn,
    SupportOut,
    UploadIn,
    VisitArgs,
    VisitIn,
    VisitOut,
    VisitPatch,
    required_text,
)
from services.visits.terms import MAX_LOGISTICS_DAYS, REVIEW_DECISIONS


class VisitSubmitted(Contract):
    event_type = "visit.submitted"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    planned_at = fields.DateTime(required=True)
    budget = Money(allow_none=True)


class VisitApproved(Contract):
    event_type = "visit.approved"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    planned_at = fields.DateTime(required=True)
    funded_amount = Money(required=True)
    approver_id = fields.String(required=True)


class VisitRejected(Contract):
    event_type = "visit.rejected"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    planned_at = fields.DateTime(allow_none=True)  # added in v1: names the plan in the visitor's notice
    reason = fields.String(required=True)
    approver_id = fields.String(required=True)


class VisitCompleted(Contract):
    event_type = "visit.completed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    method = fields.String(required=True)
    place = fields.String(allow_none=True)
    next_visit_at = fields.DateTime(allow_none=True)
    customer_category = fields.String(allow_none=True)
    gift_product_id = fields.String(allow_none=True)  # the catalog's gift handed out on the visit


class VisitSummarized(Contract):
    event_type = "visit.summarized"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    summarized_at = fields.DateTime(required=True)


class VisitReviewed(Contract):
    """报告检查: a manager accepted the visit's report, or returned it to its visitor with a comment."""

    event_type = "visit.reviewed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(allow_none=True)  # names the report in its visitor's notice
    decision = fields.String(required=True, validate=validate.OneOf(REVIEW_DECISIONS))
    comment = fields.String(allow_none=True)
    reviewed_by = fields.String(required=True)


class VisitRevised(Contract):
    """A returned report was revised by its visitor; the next visit it agrees may have moved."""

    event_type = "visit.revised"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    next_visit_at = fields.DateTime(allow_none=True)
    revised_at = fields.DateTime(required=True)


class _ClaimEvent(Contract):
    claim_id = fields.String(required=True)
    claimant_id = fields.String(required=True)
    customer_id = fields.String(required=True, allow_none=True)  # null: a claim on an event names no customer
    subject = fields.Nested(SubjectRef, required=True)
    total = Money(required=True)
    status = fields.String(required=True)
    reason = fields.String(allow_none=True)
    decided_by = fields.String(allow_none=True)
    override_reason = fields.String(allow_none=True)
    reimbursed_by = fields.String(allow_none=True)  # added in v1: who paid it out


class ExpenseClaimSubmitted(_ClaimEvent):
    event_type = "expense_claim.submitted"


class ExpenseClaimApproved(_ClaimEvent):
    event_type = "expense_claim.approved"


class ExpenseClaimRejected(_ClaimEvent):
    event_type = "expense_claim.rejected"


class ExpenseClaimReimbursed(_ClaimEvent):
    event_type = "expense_claim.reimbursed"


PUBLISHED = (VisitSubmitted, VisitApproved, VisitRejected, VisitCompleted, VisitSummarized, VisitReviewed,
             VisitRevised, ExpenseClaimSubmitted,
             ExpenseClaimApproved, ExpenseClaimRejected, ExpenseClaimReimbursed)


class TaskCompleted(ConsumedContract):
    event_type = "task.completed"
    kind = fields.String(required=True)
    subject = fields.Nested(SubjectRef, required=True)
    completed_at = fields.DateTime(required=True)
    on_time = fields.Boolean(allow_none=True, load_default=None)


class ReceptionApproved(ConsumedContract):
    event_type = "reception.approved"
    reception_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    host_id = fields.String(allow_none=True, load_default=None)
    scheduled_at = fields.DateTime(required=True)
    party_size = fields.Integer(allow_none=True, load_default=None)
    funded_amount = fields.Decimal(allow_none=True, load_default=None)
    approver_id = fields.String(allow_none=True, load_default=None)
    hospitality_override = fields.Nested(HospitalityOverride, allow_none=True, load_default=None)  # logged here


class ReceptionReported(ConsumedContract):
    event_type = "reception.reported"
    reception_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    reported_at = fields.DateTime(required=True)


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"
    customer_id = fields.String(required=True)


class CustomerUpdated(ConsumedContract):
    """A visit keeps a copy of its customer's name and category; this keeps them current."""

    event_type = "customer.updated"
    customer_id = fields.String(required=True)
    name = fields.String(required=True)
    category = fields.String(allow_none=True, load_default=None)


class CustomerTransferred(ConsumedContract):
    """客户移交: the visits not yet made pass to the new owner, who sees every visit to the customer."""

    event_type = "customer.transferred"
    customer_id = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)


CONSUMED = (TaskCompleted, ReceptionApproved, ReceptionReported, CustomerErased, CustomerUpdated, CustomerTransferred)

OFFERS = {
    "plan_visit": Method(VisitOut, data=fields.Nested(VisitIn, required=True)),
    "edit_visit": Method(VisitOut, visit_id=Id(), changes=fields.Nested(VisitPatch(partial=True), required=True)),
    "submit_visit": Method(VisitOut, visit_id=Id()),
    "withdraw_visit": Method(VisitOut, visit_id=Id()),
    "redraft_visit": Method(VisitOut, visit_id=Id()),
    "approve_visit": Method(VisitOut, visit_id=Id(), funded_amount=Money(required=True), override_reason=fields.String(
        allow_none=True, load_default=None, validate=validate.Length(max=2000))),
    "reject_visit": Method(VisitOut, visit_id=Id(), reason=required_text()),
    "check_in_visit": Method(VisitOut, visit_id=Id(), data=fields.Nested(CheckInIn, required=True)),
    "record_visit": Method(VisitOut, visit_id=Id(), form=fields.Nested(RecordIn, required=True)),
    "summarize_visit": Method(VisitOut, visit_id=Id(), text=required_text(10000)),
    "review_visit": Method(VisitOut, visit_id=Id(), data=fields.Nested(ReviewIn, required=True)),
    "revise_visit": Method(VisitOut, visit_id=Id(), changes=fields.Nested(RevisionIn, required=True)),
    "get_visit": Method(VisitOut, visit_id=Id()),
    "list_visits": Method(page_of(VisitOut), args=fields.Nested(VisitArgs, load_default=dict)),
    "add_support": Method(SupportOut, visit_id=Id(), data=fields.Nested(SupportIn, required=True)),
    "add_advice": Method(AdviceOut, visit_id=Id(), data=fields.Nested(AdviceIn, required=True)),
    "list_advice": Method(AdviceList, visit_id=Id()),
    "open_claim": Method(ClaimOut, data=fields.Nested(ClaimIn, required=True)),
    "submit_claim": Method(ClaimOut, claim_id=Id()),
    "edit_claim": Method(ClaimOut, claim_id=Id(), changes=fields.Nested(ClaimPatch, required=True)),
    "withdraw_claim": Method(ClaimOut, claim_id=Id()),
    "redraft_claim": Method(ClaimOut, claim_id=Id()),
    "approve_claim": Method(ClaimOut, claim_id=Id(), override_reason=fields.String(
        allow_none=True, load_default=None, validate=validate.Length(max=2000))),
    "reject_claim": Method(ClaimOut, claim_id=Id(), reason=required_text()),
    "reimburse_claim": Method(ClaimOut, claim_id=Id()),
    "get_claim": Method(ClaimOut, claim_id=Id()),
    "list_claims": Method(page_of(ClaimOut), args=fields.Nested(ClaimArgs, load_default=dict)),
    "attach_receipt": Method(ReceiptOut, claim_id=Id(), upload=fields.Nested(UploadIn, required=True)),
    "read_receipt": Method(ReceiptContentOut, claim_id=Id(), receipt_id=Id()),
    "get_hospitality_policy": Method(PolicyOut),
    "set_hospitality_policy": Method(PolicyOut, policy=fields.Nested(PolicyIn, required=True)),
    "review_hospitality": Method(HospitalityReviewOut, data=fields.Nested(HospitalityReviewIn, required=True)),
    "list_hospitality_overrides": Method(page_of(OverrideOut), args=fields.Nested(OverrideArgs, load_default=dict)),
    "list_logistics": Method(LogisticsOut, days=fields.Integer(
        load_default=7, validate=validate.Range(min=1, max=MAX_LOGISTICS_DAYS))),
}


class CustomerSeen(Reads):
    """What a visit plan keeps of its customer (the callee has already checked the caller sees it)."""

    id = fields.String(required=True)
    name = fields.String(allow_none=True)
    category = fields.String(allow_none=True)


class PlanSeen(Reads):
    """A development plan as the subject of a claim: whose it is, whether approved, its budget."""

    id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(allow_none=True)
    status = fields.String(required=True)
    budget = fields.Decimal(allow_none=True)


class ReceptionSeen(Reads):
    """A reception as the subject of a claim: whose it is, whether reported, what was funded."""

    id = fields.String(required=True)
    customer_id = fields.String(required=True)
    host_id = fields.String(allow_none=True)
    status = fields.String(required=True)
    funded_amount = fields.Decimal(allow_none=True)
    review = fields.Dict(allow_none=True, load_default=None)  # its claims are approved once accepted


class EventSeen(Reads):
    """An event as the subject of a claim: who runs it, whether reported, what was funded."""

    id = fields.String(required=True)
    planner_id = fields.String(required=True)
    status = fields.String(required=True)
    funded_amount = fields.Decimal(allow_none=True)
    ends_at = fields.DateTime(allow_none=True)  # a visit's customer is invited to an event not yet over


class GiftSuggested(Reads):
    """The catalog's gift product for a customer category; no product_id: no rule for it yet."""

    product_id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)


class ProductPriced(Reads):
    """A visit's gift product: its catalog list price is what the hospitality cap is held against."""

    id = fields.String(required=True)
    list_price = fields.Decimal(allow_none=True)


CALLS = (
    Calls("catalog", "suggest_gift", GiftSuggested),
    Calls("catalog", "get_product", ProductPriced),
    Calls("customers", "customer_summary", CustomerSeen),
    Calls("customers", "get_development_plan", PlanSeen),
    Calls("events", "get_event", EventSeen),
    Calls("reception", "get_reception", ReceptionSeen),
)
