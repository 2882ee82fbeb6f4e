"""Payloads of the notifications API, the events it publishes, and what it reads of others' events."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from kam.events import ConsumedContract, Contract
from kam.schemas import ListArgs, SubjectRef
from services.notifications.terms import CHANNELS, KINDS, STATUSES


class TaskListArgs(ListArgs):
    assignee = fields.String(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    kind = fields.String(load_default=None, validate=validate.OneOf(KINDS))
    customer_id = fields.String(load_default=None)
    due_before = fields.DateTime(load_default=None)


class TaskOut(Schema):
    id = fields.String()
    kind = fields.String()
    title = fields.String()
    customer_id = fields.String(allow_none=True)
    subject = fields.Nested(SubjectRef)
    assignee_id = fields.String(allow_none=True)
    assignee_role = fields.String(allow_none=True)
    due_at = fields.DateTime()
    original_due_at = fields.DateTime()
    status = fields.String()
    overdue = fields.Boolean()
    suggestion = fields.String(allow_none=True)
    details = fields.Dict()
    created_at = fields.DateTime()
    completed_at = fields.DateTime(allow_none=True)
    completed_by = fields.String(allow_none=True)
    outcome = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)


class CompleteTaskIn(Schema):
    outcome = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    notes = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=4000))


class ReassignTaskIn(Schema):
    assignee_id = fields.String(required=True, validate=validate.Length(min=1, max=64))


class SnoozeTaskIn(Schema):
    until = fields.AwareDateTime(required=True)


class OverdueCount(Schema):
    assignee_id = fields.String(allow_none=True)
    assignee_role = fields.String(allow_none=True)
    overdue = fields.Integer()
    escalated = fields.Integer()


class OverdueCounts(Schema):
    items = fields.List(fields.Nested(OverdueCount))


class NotificationListArgs(ListArgs):
    unread = fields.Boolean(load_default=False)


class NotificationOut(Schema):
    id = fields.String()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    task_id = fields.String(allow_none=True)
    customer_id = fields.String(allow_none=True)
    created_at = fields.DateTime()
    read = fields.Boolean()


class PreferencesIn(Schema):
    """The e-mail address, phone and WeChat id live here: the gateway's users have no contact fields."""

    channels = fields.List(fields.String(validate=validate.OneOf(CHANNELS)), required=True)
    email = fields.Email(load_default=None, allow_none=True)
    phone = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))
    wechat = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=100))
    digest = fields.Boolean(load_default=True)

    @validates_schema
    def addresses_for_channels(self, data, **kwargs):
        needed = {"email": "email", "sms": "phone", "wechat": "wechat"}
        missing = {field: ["required when the channel is chosen"]
                   for channel, field in needed.items() if channel in data["channels"] and not data.get(field)}
        if missing:
            raise ValidationError(missing)


class PreferencesOut(Schema):
    channels = fields.List(fields.String())
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    wechat = fields.String(allow_none=True)
    digest = fields.Boolean()


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
    occurred_at = fields.AwareDateTime(required=True)


class DealDelivered(ConsumedContract):
    event_type = "deal.delivered"
    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    seller_id = fields.String(required=True)
    delivered_at = fields.AwareDateTime(required=True)


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


class ReturnVisitRecorded(ConsumedContract):
    event_type = "return_visit.recorded"
    task_id = fields.String(allow_none=True, load_default=None)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    occurred_at = fields.AwareDateTime(required=True)


APPROVABLE = {  # subject type: (its id field, who decided it)
    "visit": ("visit_id", "approver_id"),
    "expense_claim": ("claim_id", "decided_by"),
    "reception": ("reception_id", "approver_id"),
    "development_plan": ("plan_id", "decided_by"),
}


def _approval_contract(subject_type, action):
    id_field, decider_field = APPROVABLE[subject_type]
    return type(f"{subject_type.title().replace('_', '')}{action.title()}", (ConsumedContract,), {
        "event_type": f"{subject_type}.{action}",
        id_field: fields.String(required=True),
        "customer_id": fields.String(allow_none=True, load_default=None),
        decider_field: fields.String(allow_none=True, load_default=None),
    })


APPROVAL_EVENTS = tuple(_approval_contract(subject, action)
                        for subject in APPROVABLE for action in ("submitted", "approved", "rejected"))
