"""What the events service promises and relies on: the events it publishes and reads, the RPC methods it
offers, and what it reads of the customers' replies (docs/EVENTS.md)."""
from marshmallow import Schema, fields

from kam.contracts import Calls, Id, Method, Reads
from kam.events import ConsumedContract, Contract
from kam.schemas import Money
from services.events import schemas


class _Event(Contract):
    event_id = fields.String(required=True)
    title = fields.String(required=True)
    kind = fields.String(required=True)
    planner_id = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)


class _EventDecision(_Event):
    budget = Money(required=True)
    funded_amount = Money(allow_none=True, load_default=None)
    approver_id = fields.String(allow_none=True, load_default=None)
    reason = fields.String(allow_none=True, load_default=None)


class EventSubmitted(_EventDecision):
    event_type = "event.submitted"


class EventApproved(_EventDecision):
    event_type = "event.approved"


class EventRejected(_EventDecision):
    event_type = "event.rejected"


class Guest(Schema):
    invitation_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)


class EventCancelled(_Event):
    """Everyone invited is told: the guests travel with the fact."""

    event_type = "event.cancelled"

    venue = fields.String(required=True)
    reason = fields.String(required=True)
    guests = fields.List(fields.Nested(Guest), required=True)


class EventReported(_Event):
    event_type = "event.reported"

    reported_at = fields.DateTime(required=True)
    attended = fields.Integer(required=True)


class _Invitation(Contract):
    invitation_id = fields.String(required=True)
    event_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)


class InvitationSent(_Invitation):
    event_type = "invitation.sent"

    invited_by = fields.String(required=True)
    title = fields.String(required=True)
    kind = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    venue = fields.String(required=True)


class InvitationAnswered(_Invitation):
    event_type = "invitation.answered"

    response = fields.String(required=True)


class GuestCheckedIn(_Invitation):
    event_type = "guest.checked_in"

    title = fields.String(required=True)
    kind = fields.String(required=True)
    ends_at = fields.DateTime(required=True)
    checked_in_at = fields.DateTime(required=True)


class GuestNoShow(_Invitation):
    event_type = "guest.no_show"


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"

    customer_id = fields.String(required=True)


PUBLISHED = (EventSubmitted, EventApproved, EventRejected, EventCancelled, EventReported,
             InvitationSent, InvitationAnswered, GuestCheckedIn, GuestNoShow)
class CustomerTransferred(ConsumedContract):
    """客户移交: a guest's invitations follow the customer to its new owner (who is told and follows up)."""

    event_type = "customer.transferred"
    customer_id = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)


CONSUMED = (CustomerErased, CustomerTransferred)


def _body(schema):
    return fields.Nested(schema, required=True)


OFFERS = {
    "create_event": Method(schemas.EventOut, data=_body(schemas.EventIn)),
    "submit_event": Method(schemas.EventOut, event_id=Id()),
    "edit_event": Method(schemas.EventOut, event_id=Id(), changes=_body(schemas.EventPatch)),
    "withdraw_event": Method(schemas.EventOut, event_id=Id()),
    "redraft_event": Method(schemas.EventOut, event_id=Id()),
    "approve_event": Method(schemas.EventOut, event_id=Id(), data=_body(schemas.ApproveIn)),
    "reject_event": Method(schemas.EventOut, event_id=Id(), data=_body(schemas.ReasonIn)),
    "cancel_event": Method(schemas.EventOut, event_id=Id(), data=_body(schemas.ReasonIn)),
    "report_event": Method(schemas.EventOut, event_id=Id(), data=_body(schemas.ReportIn)),
    "get_event": Method(schemas.EventOut, event_id=Id()),
    "list_events": Method(schemas.EventPage, args=_body(schemas.EventFilter)),
    "invite_customers": Method(schemas.InviteResult, event_id=Id(), data=_body(schemas.InviteIn)),
    "list_invitations": Method(schemas.InvitationPage, event_id=Id(), args=_body(schemas.InvitationFilter)),
    "answer_invitation": Method(schemas.InvitationOut, invitation_id=Id(), data=_body(schemas.RsvpIn)),
    "check_in_guest": Method(schemas.InvitationOut, invitation_id=Id()),
    "export_customer": Method(schemas.CustomerHeld, customer_id=Id()),
}


class CustomerSeen(Reads):
    """A customer as the customers service shows it to the caller: whose, how to greet them at the door,
    and whether they said no to outreach."""

    id = fields.String(required=True)
    name = fields.String(allow_none=True, load_default=None)
    phone = fields.String(allow_none=True, load_default=None)
    owner_id = fields.String(allow_none=True, load_default=None)
    outreach_opt_out = fields.Boolean(load_default=False)


class SegmentSeen(Reads):
    items = fields.List(fields.Nested(CustomerSeen), required=True)


CALLS = (Calls("customers", "customer_summary", CustomerSeen),
         Calls("customers", "customers_in_segment", SegmentSeen))
