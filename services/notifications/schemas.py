"""Payloads of the notifications API; its events and RPC methods are in contracts.py."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from kam.schemas import ListArgs, SubjectRef, page_of
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
    actions = fields.List(fields.String())


TaskPage = page_of(TaskOut)


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
    subject = fields.Nested(SubjectRef, allow_none=True, metadata={
        "description": "the record the notice is about (a decided plan, visit, reception, event or claim)"})
    created_at = fields.DateTime()
    read = fields.Boolean()


NotificationPage = page_of(NotificationOut)


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
