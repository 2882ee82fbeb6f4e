"""What analytics reads of every event (it logs them all, and projects these onto its read models) and
the RPC methods it answers, each with its reply."""
from decimal import Decimal

from marshmallow import fields

from kam.contracts import Id, Method
from kam.events import AnyEvent, ConsumedContract
from kam.schemas import Money, SubjectRef
from services.analytics.schemas import (
    CustomerFigures,
    DeveloperList,
    EventFigures,
    EventList,
    Funnel,
    GroupList,
    Overview,
    Report,
    Workbook,
)
from services.analytics.terms import EVENT_STATUS_AFTER


def _consumed(event_type, **declared):
    return type(event_type.replace(".", "_").title().replace("_", ""), (ConsumedContract,),
                {"event_type": event_type, "version": 1, **declared})


def _id():
    return fields.String(required=True)


def _optional_id():
    return fields.String(allow_none=True, load_default=None)


def _customer_attributes():
    return {"customer_id": _id(), "owner_id": _id(),
            "category": fields.String(allow_none=True, load_default=None),
            "source_channel": fields.String(allow_none=True, load_default=None)}


CustomerCreated = _consumed("customer.created", stage=fields.String(required=True), **_customer_attributes())
CustomerUpdated = _consumed("customer.updated", **_customer_attributes())
CustomerClassified = _consumed("customer.classified", customer_id=_id(),
                              category=fields.String(required=True, allow_none=True))  # None: declassified
CustomerStageChanged = _consumed("customer.stage_changed", customer_id=_id(), owner_id=_id(),
                                 stage=fields.String(required=True),
                                 previous_stage=fields.String(allow_none=True, load_default=None))
CustomerErased = _consumed("customer.erased", customer_id=_id())
CustomerTransferred = _consumed("customer.transferred", customer_id=_id(), to_owner_id=_id())
ContactLogged = _consumed("contact.logged", contact_id=_id(), customer_id=_id(), developer_id=_id(),
                          occurred_at=fields.DateTime(allow_none=True, load_default=None))
AssessmentRecorded = _consumed("assessment.recorded", customer_id=_id(),
                               worth_developing=fields.Boolean(allow_none=True, load_default=None),
                               expected_revenue=Money(required=True), expected_profit=fields.Decimal(required=True),
                               total_cost=Money(required=True))
VisitCompleted = _consumed("visit.completed", visit_id=_id(), customer_id=_id(), visitor_id=_id(),
                           occurred_at=fields.DateTime(allow_none=True, load_default=None))
TaskCompleted = _consumed("task.completed", task_id=_id(), kind=fields.String(required=True),
                          customer_id=_optional_id(), assignee_id=_optional_id(), completed_by=_optional_id(),
                          completed_at=fields.DateTime(allow_none=True, load_default=None),
                          on_time=fields.Boolean(load_default=False))
ReceptionReported = _consumed("reception.reported", reception_id=_id(), customer_id=_id(), host_id=_id(),
                              reported_at=fields.DateTime(allow_none=True, load_default=None))
DealClosed = _consumed("deal.closed", deal_id=_id(), customer_id=_id(), seller_id=_id(), total=Money(required=True),
                       prepaid=Money(load_default=Decimal("0.00")), closed_at=fields.DateTime(allow_none=True, load_default=None))
WorkOrderAdvanced = _consumed("work_order.advanced", ticket_id=_id(), customer_id=_id(), owner_id=_id(),
                              kind=fields.String(required=True), action=fields.String(required=True),
                              amount=Money(allow_none=True, load_default=None),
                              commission=Money(allow_none=True, load_default=None),
                              at=fields.DateTime(allow_none=True, load_default=None))
ExpenseClaimReimbursed = _consumed("expense_claim.reimbursed", claim_id=_id(), claimant_id=_id(),
                                   customer_id=_optional_id(), total=Money(required=True),
                                   subject=fields.Nested(SubjectRef, allow_none=True, load_default=None))


def _event_facts():
    return {"event_id": _id(), "title": fields.String(required=True), "kind": fields.String(required=True),
            "planner_id": _id(), "starts_at": fields.DateTime(required=True), "ends_at": fields.DateTime(required=True)}


def _guest_facts(**declared):
    return {"invitation_id": _id(), "event_id": _id(), "customer_id": _id(), "owner_id": _optional_id(), **declared}


EventSubmitted, EventApproved, EventRejected, EventCancelled, EventReported = (
    _consumed(event_type, **_event_facts()) for event_type in EVENT_STATUS_AFTER)
InvitationSent = _consumed("invitation.sent", **_guest_facts(
    title=fields.String(required=True), kind=fields.String(required=True),
    starts_at=fields.DateTime(required=True), ends_at=fields.DateTime(required=True)))
InvitationAnswered = _consumed("invitation.answered", **_guest_facts(response=fields.String(required=True)))
GuestCheckedIn = _consumed("guest.checked_in", **_guest_facts(checked_in_at=fields.DateTime(required=True)))

# Read by the one handler that logs every event and projects it: one queue, so one order.
CONSUMED = (AnyEvent,)
PUBLISHED = ()
PROJECTED = {contract.event_type: contract for contract in (
    CustomerCreated, CustomerUpdated, CustomerClassified, CustomerStageChanged, CustomerErased, CustomerTransferred,
    ContactLogged,
    AssessmentRecorded, VisitCompleted, TaskCompleted, ReceptionReported, DealClosed, ExpenseClaimReimbursed,
    WorkOrderAdvanced, EventSubmitted, EventApproved, EventRejected, EventCancelled, EventReported, InvitationSent,
    InvitationAnswered, GuestCheckedIn)}


def _day():
    return fields.Date(allow_none=True, load_default=None)


OFFERS = {
    "overview": Method(Overview),
    "funnel": Method(Funnel, start=_day(), end=_day()),
    "developers": Method(DeveloperList, start=_day(), end=_day()),
    "groups": Method(GroupList, dimension=fields.String(required=True), start=_day(), end=_day()),
    "customer": Method(CustomerFigures, customer_id=Id()),
    "event": Method(EventFigures, event_id=Id()),
    "events": Method(EventList, start=_day(), end=_day()),
    "report": Method(Report, start=_day(), end=_day()),
    "report_workbook": Method(Workbook, start=_day(), end=_day(), display_names=fields.Dict(
        keys=fields.String(), values=fields.String(allow_none=True), allow_none=True, load_default=None)),
}

CALLS = ()
