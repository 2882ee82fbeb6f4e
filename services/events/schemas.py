"""The events service's HTTP/RPC payloads (its event and RPC contracts: contracts.py)."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from kam.schemas import ListArgs, Money, page_of
from services.events.terms import (
    EVENT_KINDS,
    EVENT_STATUSES,
    INVITATION_STATUSES,
    RSVP_RESPONSES,
    SKIP_REASONS,
)

Text = fields.String


def one_of(values, **kwargs):
    return fields.String(validate=validate.OneOf(values), **kwargs)


class EventIn(Schema):
    title = Text(required=True, validate=validate.Length(min=1, max=200))
    kind = one_of(EVENT_KINDS, required=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    venue = Text(required=True, validate=validate.Length(min=1, max=200))
    capacity = fields.Integer(required=True, validate=validate.Range(min=1, max=5000))
    budget = Money(required=True)
    description = Text(load_default=None, allow_none=True)

    @validates_schema
    def ends_after_start(self, data, **kwargs):
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            raise ValidationError("an event ends after it starts", field_name="ends_at")


class EventPatch(Schema):
    """A draft event's changes (only the fields sent)."""

    title = Text(validate=validate.Length(min=1, max=200))
    kind = one_of(EVENT_KINDS)
    starts_at = fields.AwareDateTime()
    ends_at = fields.AwareDateTime()
    venue = Text(validate=validate.Length(min=1, max=200))
    capacity = fields.Integer(validate=validate.Range(min=1, max=5000))
    budget = Money()
    description = Text(allow_none=True)


class ApproveIn(Schema):
    funded_amount = Money(required=True)


class ReasonIn(Schema):
    reason = Text(required=True, validate=validate.Length(min=1))


class ReportIn(Schema):
    summary = Text(required=True, validate=validate.Length(min=1))
    highlights = fields.List(Text(validate=validate.Length(min=1)), load_default=list)
    attendance_notes = Text(load_default=None, allow_none=True)


class Report(ReportIn):
    reported_at = fields.DateTime()


class Counts(Schema):
    invited = fields.Integer()
    accepted = fields.Integer()
    declined = fields.Integer()
    attended = fields.Integer()
    no_show = fields.Integer()


class EventOut(Schema):
    id = fields.String()
    title = fields.String()
    kind = one_of(EVENT_KINDS)
    status = one_of(EVENT_STATUSES)
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    venue = fields.String()
    capacity = fields.Integer()
    seats_taken = fields.Integer()
    budget = Money()
    funded_amount = Money(allow_none=True)
    description = fields.String(allow_none=True)
    planner_id = fields.String()
    approver_id = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    reason = fields.String(allow_none=True)
    report = fields.Nested(Report, allow_none=True)
    counts = fields.Nested(Counts)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


EventPage = page_of(EventOut)


class EventFilter(ListArgs):
    month = Text(load_default=None, validate=validate.Regexp(r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$"))
    status = one_of(EVENT_STATUSES, load_default=None)
    kind = one_of(EVENT_KINDS, load_default=None)


class Segment(Schema):
    category = Text(load_default=None, allow_none=True)
    stage = Text(load_default=None, allow_none=True)
    owner_id = Text(load_default=None, allow_none=True)
    anniversary_within_days = fields.Integer(load_default=None, allow_none=True,
                                             validate=validate.Range(min=0, max=366))


class InviteIn(Schema):
    customer_ids = fields.List(Text(validate=validate.Length(min=1, max=64)),
                               validate=validate.Length(min=1, max=500))
    segment = fields.Nested(Segment)

    @validates_schema
    def ids_or_segment(self, data, **kwargs):
        if ("customer_ids" in data) == ("segment" in data):
            raise ValidationError("give either customer_ids or a segment", field_name="_schema")


class Skipped(Schema):
    customer_id = fields.String()
    reason = one_of(SKIP_REASONS)


class InviteResult(Schema):
    invited = fields.Integer()
    skipped = fields.List(fields.Nested(Skipped))


class InvitationOut(Schema):
    id = fields.String()
    event_id = fields.String()
    customer_id = fields.String()
    customer_name = fields.String(allow_none=True)
    customer_phone = fields.String(allow_none=True)
    status = one_of(INVITATION_STATUSES)
    invited_by = fields.String()
    responded_at = fields.DateTime(allow_none=True)
    checked_in_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    actions = fields.List(fields.String())


InvitationPage = page_of(InvitationOut)


class InvitationFilter(ListArgs):
    q = Text(load_default=None, validate=validate.Length(max=100))
    status = one_of(INVITATION_STATUSES, load_default=None)


class RsvpIn(Schema):
    response = one_of(RSVP_RESPONSES, required=True)


class CustomerHeld(Schema):
    invitations = fields.List(fields.Dict())
