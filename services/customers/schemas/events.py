"""The contracts of the events the customers service publishes, and of those it reads."""
from marshmallow import Schema, fields

from kam.events import AnyEvent, ConsumedContract, Contract
from kam.schemas import Money


class KeyDateData(Schema):
    kind = fields.String(required=True)
    date = fields.Date(required=True)
    note = fields.String(allow_none=True)


class HoldingData(Schema):
    piece = fields.String(required=True)
    style = fields.String(allow_none=True)
    carat = fields.Decimal(as_string=True, allow_none=True)
    amount = fields.Decimal(as_string=True, allow_none=True)


class CustomerCreated(Contract):
    event_type = "customer.created"
    version = 1

    customer_id = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    category = fields.String(allow_none=True)
    stage = fields.String(required=True)
    owner_id = fields.String(required=True)
    source_channel = fields.String(allow_none=True, load_default=None)
    referrer_id = fields.String(allow_none=True, load_default=None)
    key_dates = fields.List(fields.Nested(KeyDateData), load_default=list)
    holdings = fields.List(fields.Nested(HoldingData), load_default=list)
    outreach_opt_out = fields.Boolean(load_default=False)


class CustomerUpdated(CustomerCreated):
    event_type = "customer.updated"

    changed = fields.List(fields.String(), required=True)


class CustomerClassified(Contract):
    event_type = "customer.classified"

    customer_id = fields.String(required=True)
    category = fields.String(allow_none=True)
    previous_category = fields.String(allow_none=True)
    score = fields.Integer(allow_none=True)
    reasons = fields.List(fields.String(), required=True)


class CustomerStageChanged(Contract):
    event_type = "customer.stage_changed"

    customer_id = fields.String(required=True)
    owner_id = fields.String(required=True)
    stage = fields.String(required=True)
    previous_stage = fields.String(required=True)
    cause = fields.String(required=True)


class CustomerErased(Contract):
    event_type = "customer.erased"

    customer_id = fields.String(required=True)


class ContactLogged(Contract):
    event_type = "contact.logged"

    contact_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    channel = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)


class AssessmentRecorded(Contract):
    event_type = "assessment.recorded"

    assessment_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    worth_developing = fields.Boolean(required=True)
    expected_revenue = Money(required=True)
    expected_profit = Money(required=True)
    total_cost = Money(required=True)


class _PlanDecision(Contract):
    plan_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    budget = Money(required=True)
    status = fields.String(required=True)
    reason = fields.String(allow_none=True)
    decided_by = fields.String(allow_none=True)


class DevelopmentPlanSubmitted(_PlanDecision):
    event_type = "development_plan.submitted"


class DevelopmentPlanApproved(_PlanDecision):
    event_type = "development_plan.approved"


class DevelopmentPlanRejected(_PlanDecision):
    event_type = "development_plan.rejected"


PUBLISHED = (CustomerCreated, CustomerUpdated, CustomerClassified, CustomerStageChanged, CustomerErased,
             ContactLogged, AssessmentRecorded, DevelopmentPlanSubmitted, DevelopmentPlanApproved,
             DevelopmentPlanRejected)


class _CustomerMilestone(ConsumedContract):
    customer_id = fields.String(required=True)


class VisitCompleted(_CustomerMilestone):
    event_type = "visit.completed"


class ReceptionReported(_CustomerMilestone):
    event_type = "reception.reported"


class DealDelivered(_CustomerMilestone):
    event_type = "deal.delivered"


class DealClosed(_CustomerMilestone):
    event_type = "deal.closed"

    deal_id = fields.String(required=True)
    total = fields.Decimal(required=True)
    closed_at = fields.DateTime(allow_none=True, load_default=None)


MILESTONES = (VisitCompleted, ReceptionReported, DealDelivered)
EVERY_EVENT = AnyEvent
