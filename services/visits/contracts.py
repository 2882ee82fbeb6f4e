"""The events the visits service publishes (docs/EVENTS.md, version 1) and what it reads of others'."""
from marshmallow import fields

from kam.events import ConsumedContract, Contract
from kam.schemas import Money, SubjectRef


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


class VisitSummarized(Contract):
    event_type = "visit.summarized"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    summarized_at = fields.DateTime(required=True)


class _ClaimEvent(Contract):
    claim_id = fields.String(required=True)
    claimant_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    subject = fields.Nested(SubjectRef, required=True)
    total = Money(required=True)
    status = fields.String(required=True)
    reason = fields.String(allow_none=True)
    decided_by = fields.String(allow_none=True)
    override_reason = fields.String(allow_none=True)


class ExpenseClaimSubmitted(_ClaimEvent):
    event_type = "expense_claim.submitted"


class ExpenseClaimApproved(_ClaimEvent):
    event_type = "expense_claim.approved"


class ExpenseClaimRejected(_ClaimEvent):
    event_type = "expense_claim.rejected"


class ExpenseClaimReimbursed(_ClaimEvent):
    event_type = "expense_claim.reimbursed"


PUBLISHED = (VisitSubmitted, VisitApproved, VisitRejected, VisitCompleted, VisitSummarized, ExpenseClaimSubmitted,
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


class ReceptionReported(ConsumedContract):
    event_type = "reception.reported"
    reception_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    reported_at = fields.DateTime(required=True)


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"
    customer_id = fields.String(required=True)
