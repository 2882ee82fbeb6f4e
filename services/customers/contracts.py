"""What the customers service promises and relies on: the events it publishes and reads, the RPC
methods it offers, and what it reads of the PIPL exports it gathers (kam.contracts)."""
from marshmallow import Schema, fields, validate

from kam.contracts import Calls, Held, Id, Method
from kam.events import AnyEvent, ConsumedContract, Contract
from kam.pagination import MAX_LIMIT
from kam.plugins import discover
from kam.schemas import Money, page_of
from services.customers.schemas.http import (
    AccessLogOut,
    CustomerBrief,
    CustomerIn,
    CustomerListArgs,
    CustomerOut,
    CustomerPatch,
    CustomerSummaryOut,
    ExportedFile,
    HistoryOut,
    ImportJobList,
    ImportJobOut,
    ImportReport,
    TimelineOut,
    TransferIn,
    TransfersIn,
    TransfersOut,
)
from services.customers.schemas.work import (
    AssessmentIn,
    AssessmentOut,
    ContactIn,
    ContactOut,
    LinkIn,
    LinkOut,
    NetworkOut,
    PlanIn,
    PlanListArgs,
    PlanOut,
    PlanPatch,
    StepDoneIn,
    StepIn,
    StepOut,
    TemplateArgs,
    TemplateList,
)
from services.customers.terms import PLAN_ACTIONS


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


class StepLink(Schema):
    kind = fields.String(required=True)
    id = fields.String(required=True)


class _PlanStep(Contract):
    step_id = fields.String(required=True)
    plan_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    method = fields.String(required=True)
    due_on = fields.Date(required=True)


class PlanStepAdded(_PlanStep):
    """An approved plan has a new step (实施开发计划); past its date and still open, it is its owner's task."""

    event_type = "plan_step.added"


class PlanStepCompleted(_PlanStep):
    """A step is done, by the visit, contact or event linked to it."""

    event_type = "plan_step.completed"

    done_by = fields.Nested(StepLink, required=True)
    done_at = fields.DateTime(required=True)
    completed_by = fields.String(allow_none=True)


class CustomerTransferred(Contract):
    """A manager handed the customer to another developer (客户移交): every service moves the customer's
    open work to `to_owner_id` and its copies of the owner; past records keep who did them."""

    event_type = "customer.transferred"

    customer_id = fields.String(required=True)
    name = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)
    reason = fields.String(required=True)
    transferred_by = fields.String(required=True)
    from_owner_name = fields.String(allow_none=True, load_default=None)
    to_owner_name = fields.String(allow_none=True, load_default=None)
    transferred_by_name = fields.String(allow_none=True, load_default=None)


PUBLISHED = (CustomerCreated, CustomerUpdated, CustomerClassified, CustomerStageChanged, CustomerErased,
             CustomerTransferred, ContactLogged, AssessmentRecorded, DevelopmentPlanSubmitted, DevelopmentPlanApproved,
             DevelopmentPlanRejected, PlanStepAdded, PlanStepCompleted)


class _CustomerMilestone(ConsumedContract):
    customer_id = fields.String(required=True)


class VisitCompleted(_CustomerMilestone):
    event_type = "visit.completed"

    visit_id = fields.String(required=True)  # a plan's open `visit` step is done by it


class ReceptionReported(_CustomerMilestone):
    event_type = "reception.reported"


class DealDelivered(_CustomerMilestone):
    event_type = "deal.delivered"


class DealClosed(_CustomerMilestone):
    event_type = "deal.closed"

    deal_id = fields.String(required=True)
    total = fields.Decimal(required=True)
    closed_at = fields.DateTime(allow_none=True, load_default=None)


class GuestCheckedIn(_CustomerMilestone):
    """An event's guest who came: attendance is development."""

    event_type = "guest.checked_in"

    event_id = fields.String(required=True)  # a plan's open step of the event's method is done by it
    kind = fields.String(required=True)


MILESTONES = (VisitCompleted, ReceptionReported, DealDelivered, GuestCheckedIn)
WORK_ON_PLANS = (VisitCompleted, GuestCheckedIn)  # recorded work that carries out a plan's step
EVERY_EVENT = AnyEvent
CONSUMED = (*MILESTONES, DealClosed, EVERY_EVENT)


class CustomerQuery(CustomerListArgs):
    """The list's query as it arrives over RPC: `ids` already a list (the gateway split the text)."""

    ids = fields.List(fields.String(), validate=validate.Length(max=200), load_default=None, allow_none=True)


def Limit():  # noqa: N802 - used like a field class
    return fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=MAX_LIMIT))


def Cursor():  # noqa: N802 - used like a field class
    return fields.String(load_default=None, allow_none=True)


class Person(Schema):
    role = fields.String(required=True)
    display_name = fields.String(allow_none=True, load_default=None)
    disabled = fields.Boolean(load_default=False)


def People():  # noqa: N802 - used like a field class
    """{user id: {role, display_name, disabled}}: the gateway owns the users, the service decides on them."""
    return fields.Dict(keys=fields.String(), values=fields.Nested(Person), load_default=dict)


def a_customers_page():
    return {"customer_id": Id(), "limit": Limit(), "cursor": Cursor()}


CustomerPage = page_of(CustomerSummaryOut)


class Segment(Schema):
    category = fields.String(load_default=None, allow_none=True)
    stage = fields.String(load_default=None, allow_none=True)
    owner_id = fields.String(load_default=None, allow_none=True)
    anniversary_within_days = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=366))


class SegmentMember(Schema):
    id = fields.String()
    name = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    owner_id = fields.String()
    outreach_opt_out = fields.Boolean()


class SegmentOut(Schema):
    items = fields.List(fields.Nested(SegmentMember))
HistoryPage = page_of(HistoryOut)
ContactPage = page_of(ContactOut)
PlanPage = page_of(PlanOut)
StepPage = page_of(StepOut)
TimelinePage = page_of(TimelineOut)
AccessLogPage = page_of(AccessLogOut)

OFFERS = {
    "create_customer": Method(CustomerOut, data=fields.Nested(CustomerIn, required=True)),
    "get_customer": Method(CustomerOut, customer_id=Id()),
    "customer_summary": Method(CustomerBrief, customer_id=Id()),
    "update_customer": Method(CustomerOut, customer_id=Id(), data=fields.Nested(CustomerPatch, required=True)),
    "list_customers": Method(CustomerPage, args=fields.Nested(CustomerQuery, load_default=dict)),
    "customers_in_segment": Method(SegmentOut, segment=fields.Nested(Segment, required=True)),
    "customer_history": Method(HistoryPage, **a_customers_page()),
    "link_customers": Method(LinkOut, customer_id=Id(), data=fields.Nested(LinkIn, required=True)),
    "customer_network": Method(NetworkOut, customer_id=Id(),
                               depth=fields.Integer(load_default=1, validate=validate.Range(min=1, max=4))),
    "log_contact": Method(ContactOut, customer_id=Id(), data=fields.Nested(ContactIn, required=True)),
    "list_contacts": Method(ContactPage, **a_customers_page()),
    "contact_templates": Method(TemplateList, customer_id=Id(), args=fields.Nested(TemplateArgs, load_default=dict)),
    "record_assessment": Method(AssessmentOut, customer_id=Id(), data=fields.Nested(AssessmentIn, required=True)),
    "create_development_plan": Method(PlanOut, data=fields.Nested(PlanIn, required=True)),
    "get_development_plan": Method(PlanOut, plan_id=Id()),
    "edit_development_plan": Method(PlanOut, plan_id=Id(), changes=fields.Nested(PlanPatch, required=True)),
    "list_development_plans": Method(PlanPage, args=fields.Nested(PlanListArgs, load_default=dict)),
    "move_development_plan": Method(PlanOut, plan_id=Id(),
                                    action=fields.String(required=True, validate=validate.OneOf(PLAN_ACTIONS)),
                                    reason=fields.String(load_default=None, allow_none=True)),
    "add_plan_step": Method(StepOut, plan_id=Id(), data=fields.Nested(StepIn, required=True)),
    "complete_plan_step": Method(StepOut, plan_id=Id(), step_id=Id(), data=fields.Nested(StepDoneIn, required=True)),
    "list_plan_steps": Method(StepPage, plan_id=Id(), limit=Limit(), cursor=Cursor()),
    "customer_timeline": Method(TimelinePage, **a_customers_page()),
    "access_log": Method(AccessLogPage, **a_customers_page()),
    "export_customer": Method(None, customer_id=Id()),
    "export_customer_everywhere": Method(None, customer_id=Id()),
    "erase_customer": Method(CustomerOut, customer_id=Id()),
    "import_customers": Method(ImportReport, filename=fields.String(required=True),
                               content_base64=fields.String(required=True)),
    "queue_import": Method(ImportJobOut, filename=fields.String(required=True),
                           content_base64=fields.String(required=True)),
    "get_import": Method(ImportJobOut, job_id=Id()),
    "list_imports": Method(ImportJobList),
    "transfer_customer": Method(CustomerOut, customer_id=Id(), data=fields.Nested(TransferIn, required=True),
                                people=People()),
    "transfer_customers": Method(TransfersOut, data=fields.Nested(TransfersIn, required=True), people=People()),
    "export_customers": Method(ExportedFile, fmt=fields.String(required=True, validate=validate.OneOf(("xlsx", "csv"))),
                               owner_names=fields.Dict(keys=fields.String(), values=fields.String(allow_none=True),
                                                       load_default=dict)),
}

# The PIPL export gathers what every other service holds, as it came (kam.contracts.PLATFORM_OFFERS).
HOLDERS = tuple(name for name in discover() if name != "customers")  # every other installed service
CALLS = tuple(Calls(service, "export_customer", Held) for service in HOLDERS)
