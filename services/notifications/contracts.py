"""What the notifications service promises and reads: the task events it publishes, the events it
makes tasks from, and its RPC methods."""
from marshmallow import Schema, fields, validate

from kam.contracts import Id, Method
from kam.events import ConsumedContract, Contract
from kam.schemas import SubjectRef
from services.notifications.schemas import (
    CompleteTaskIn,
    NotificationListArgs,
    NotificationOut,
    NotificationPage,
    OverdueCounts,
    PreferencesIn,
    PreferencesOut,
    TaskListArgs,
    TaskOut,
    TaskPage,
)


class _TaskEvent(Contract):
    task_id = fields.String(required=True)
    kind = fields.String(required=True)
    customer_id = fields.String(allow_none=True)
    subject = fields.Nested(SubjectRef, required=True)
    assignee_id = fields.String(allow_none=True)
    assignee_role = fields.String(allow_none=True)
    due_at = fields.DateTime(required=True)


class TaskCreated(_TaskEvent):
    event_type = "task.created"


class TaskOverdue(_TaskEvent):
    event_type = "task.overdue"


class TaskCompleted(_TaskEvent):
    event_type = "task.completed"
    completed_at = fields.DateTime(required=True)
    completed_by = fields.String(allow_none=True)
    on_time = fields.Boolean(required=True)


PUBLISHED = (TaskCreated, TaskCompleted, TaskOverdue)


class VisitCompleted(ConsumedContract):
    event_type = "visit.completed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    next_visit_at = fields.DateTime(allow_none=True, load_default=None)  # the next_visit task's due time


class VisitRevised(ConsumedContract):
    """A returned record revised: its agreed next visit may have moved."""

    event_type = "visit.revised"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    next_visit_at = fields.DateTime(allow_none=True, load_default=None)
    revised_at = fields.DateTime(required=True)


class DealDelivered(ConsumedContract):
    event_type = "deal.delivered"
    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    seller_id = fields.String(required=True)
    delivered_at = fields.DateTime(required=True)


class KeyDate(Schema):
    kind = fields.String(required=True)
    date = fields.Date(required=True)


class Holding(Schema):
    piece = fields.String(required=True)
    style = fields.String(allow_none=True, load_default=None)
    carat = fields.Decimal(allow_none=True, load_default=None)


class _CustomerFacts(ConsumedContract):
    customer_id = fields.String(required=True)
    owner_id = fields.String(required=True)
    name = fields.String(load_default=None)
    key_dates = fields.List(fields.Nested(KeyDate, unknown="exclude"), load_default=list)
    holdings = fields.List(fields.Nested(Holding, unknown="exclude"), load_default=list)
    outreach_opt_out = fields.Boolean(load_default=False)


class CustomerCreated(_CustomerFacts):
    event_type = "customer.created"


class CustomerUpdated(_CustomerFacts):
    event_type = "customer.updated"


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"
    customer_id = fields.String(required=True)


class CustomerTransferred(ConsumedContract):
    """客户移交: open tasks follow the customer to its new owner, who is told who handed it over and why."""

    event_type = "customer.transferred"
    customer_id = fields.String(required=True)
    name = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)
    reason = fields.String(required=True)
    from_owner_name = fields.String(allow_none=True, load_default=None)
    transferred_by_name = fields.String(allow_none=True, load_default=None)


class ReturnVisitRecorded(ConsumedContract):
    event_type = "return_visit.recorded"
    task_id = fields.String(allow_none=True, load_default=None)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)


class Notice(Schema):
    channel = fields.String(required=True)
    address = fields.String(required=True)


class WorkOrderAdvanced(ConsumedContract):
    event_type = "work_order.advanced"
    ticket_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(required=True)
    kind = fields.String(required=True)
    action = fields.String(required=True)
    previous_status = fields.String(required=True)
    status = fields.String(required=True)
    due_date = fields.Date(allow_none=True, load_default=None)
    until = fields.Date(allow_none=True, load_default=None)
    mode = fields.String(allow_none=True, load_default=None)
    notice = fields.Nested(Notice, allow_none=True, load_default=None)


APPROVABLE = {  # subject type: (its id field, who decided it, whose it is: the one told of the decision)
    "visit": ("visit_id", "approver_id", "visitor_id"),
    "expense_claim": ("claim_id", "decided_by", "claimant_id"),
    "reception": ("reception_id", "approver_id", "host_id"),
    "development_plan": ("plan_id", "decided_by", "developer_id"),
    "event": ("event_id", "approver_id", "planner_id"),
}
DECISIONS = ("approved", "rejected")


def _approval_contract(subject_type, action):
    id_field, decider_field, owner_field = APPROVABLE[subject_type]
    return type(f"{subject_type.title().replace('_', '')}{action.title()}", (ConsumedContract,), {
        "event_type": f"{subject_type}.{action}",
        id_field: fields.String(required=True),
        owner_field: fields.String(required=True),
        "customer_id": fields.String(allow_none=True, load_default=None),
        decider_field: fields.String(allow_none=True, load_default=None),
        # what names the item in its owner's notice, and why it was decided so
        "reason": fields.String(allow_none=True, load_default=None),
        "title": fields.String(allow_none=True, load_default=None),
        "planned_at": fields.DateTime(allow_none=True, load_default=None),
        "scheduled_at": fields.DateTime(allow_none=True, load_default=None),
        "total": fields.String(allow_none=True, load_default=None),
        "subject": fields.Dict(allow_none=True, load_default=None),
        "reimbursed_by": fields.String(allow_none=True, load_default=None),
    })


APPROVAL_EVENTS = tuple(_approval_contract(subject, action)
                        for subject in APPROVABLE for action in ("submitted", *DECISIONS))
# What its owner is told of: each decision, and a claim paid out.
DECISION_EVENTS = (*(contract for contract in APPROVAL_EVENTS if contract.event_type.split(".")[1] in DECISIONS),
                   _approval_contract("expense_claim", "reimbursed"))

REVIEWABLE = {"visit": ("visit_id", "visitor_id", "occurred_at"),  # subject: its id, whose report it is, its time
              "reception": ("reception_id", "host_id", "scheduled_at")}


def _review_contract(subject_type):
    id_field, owner_field, when_field = REVIEWABLE[subject_type]
    return type(f"{subject_type.title()}Reviewed", (ConsumedContract,), {
        "event_type": f"{subject_type}.reviewed",
        id_field: fields.String(required=True),
        owner_field: fields.String(required=True),
        when_field: fields.DateTime(allow_none=True, load_default=None),
        "customer_id": fields.String(required=True),
        "decision": fields.String(required=True),
        "comment": fields.String(allow_none=True, load_default=None),
        "reviewed_by": fields.String(required=True),
    })


# 报告检查: the report's author is told whether it was accepted or returned, and what to revise.
REVIEW_EVENTS = tuple(_review_contract(subject) for subject in REVIEWABLE)


class InvitationSent(ConsumedContract):
    event_type = "invitation.sent"
    invitation_id = fields.String(required=True)
    event_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)
    title = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    venue = fields.String(required=True)


class Guest(Schema):
    invitation_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)


class EventCancelled(ConsumedContract):
    event_type = "event.cancelled"
    event_id = fields.String(required=True)
    title = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    reason = fields.String(required=True)
    guests = fields.List(fields.Nested(Guest), required=True)


class GuestCheckedIn(ConsumedContract):
    event_type = "guest.checked_in"
    invitation_id = fields.String(required=True)
    event_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)
    title = fields.String(required=True)
    ends_at = fields.DateTime(required=True)


class StockLow(ConsumedContract):
    event_type = "stock.low"
    product_id = fields.String(required=True)
    sku = fields.String(required=True)
    name = fields.String(required=True)
    quantity = fields.Integer(required=True)
    reorder_level = fields.Integer(required=True)


class _Reservation(ConsumedContract):
    reservation_id = fields.String(required=True)
    sku = fields.String(required=True)
    name = fields.String(required=True)
    customer_id = fields.String(allow_none=True, load_default=None)


class ReservationOverdue(_Reservation):
    event_type = "reservation.overdue"
    due_back_at = fields.DateTime(required=True)


class ReservationReturned(_Reservation):
    event_type = "reservation.returned"
    returned_at = fields.DateTime(required=True)


class StepLink(Schema):
    kind = fields.String(required=True)
    id = fields.String(required=True)


class PlanStepAdded(ConsumedContract):
    event_type = "plan_step.added"
    step_id = fields.String(required=True)
    plan_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    method = fields.String(required=True)
    due_on = fields.Date(required=True)


class PlanStepCompleted(PlanStepAdded):
    event_type = "plan_step.completed"
    done_by = fields.Nested(StepLink, required=True)
    done_at = fields.DateTime(required=True)
    completed_by = fields.String(allow_none=True, load_default=None)


CONSUMED = (VisitCompleted, VisitRevised, DealDelivered, CustomerCreated, CustomerUpdated, CustomerErased,
            CustomerTransferred, ReturnVisitRecorded,
            *APPROVAL_EVENTS, DECISION_EVENTS[-1], *REVIEW_EVENTS, InvitationSent, EventCancelled, GuestCheckedIn, StockLow, ReservationOverdue,
            ReservationReturned, WorkOrderAdvanced, PlanStepAdded, PlanStepCompleted)

OFFERS = {
    "list_tasks": Method(TaskPage, args=fields.Nested(TaskListArgs, required=True)),
    "get_task": Method(TaskOut, task_id=Id()),
    "complete_task": Method(TaskOut, task_id=Id(), data=fields.Nested(CompleteTaskIn, required=True)),
    "reassign_task": Method(TaskOut, task_id=Id(),
                            assignee_id=fields.String(required=True, validate=validate.Length(min=1, max=64))),
    "snooze_task": Method(TaskOut, task_id=Id(), until=fields.AwareDateTime(required=True)),
    "overdue_counts": Method(OverdueCounts),
    "list_notifications": Method(NotificationPage, args=fields.Nested(NotificationListArgs, required=True)),
    "mark_read": Method(NotificationOut, notification_id=Id()),
    "get_preferences": Method(PreferencesOut),
    "set_preferences": Method(PreferencesOut, data=fields.Nested(PreferencesIn, required=True)),
}

CALLS = ()
