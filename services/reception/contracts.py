"""The contracts of the events the reception service publishes (docs/EVENTS.md) and reads."""
from marshmallow import Schema, fields

from kam.events import ConsumedContract, Contract
from kam.schemas import Money


class _Reception(Contract):
    reception_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    host_id = fields.String(required=True)


class _ReceptionDecision(_Reception):
    scheduled_at = fields.DateTime(required=True)
    party_size = fields.Integer(required=True)
    funded_amount = Money(allow_none=True, load_default=None)
    reason = fields.String(allow_none=True, load_default=None)
    approver_id = fields.String(allow_none=True, load_default=None)


class ReceptionSubmitted(_ReceptionDecision):
    event_type = "reception.submitted"


class ReceptionApproved(_ReceptionDecision):
    event_type = "reception.approved"


class ReceptionRejected(_ReceptionDecision):
    event_type = "reception.rejected"


class ReceptionReported(_Reception):
    event_type = "reception.reported"

    reported_at = fields.DateTime(required=True)
    outcome = fields.String(required=True)


class Origin(Schema):
    type = fields.String(required=True)
    id = fields.String(required=True)


class DealClosed(Contract):
    event_type = "deal.closed"

    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    seller_id = fields.String(required=True)
    origin = fields.Nested(Origin, required=True)
    total = Money(required=True)
    closed_at = fields.DateTime(required=True)
    repeat_sale = fields.Boolean(required=True)
    item_count = fields.Integer(required=True)


class DealDelivered(Contract):
    event_type = "deal.delivered"

    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    seller_id = fields.String(required=True)
    delivered_at = fields.DateTime(required=True)
    method = fields.String(required=True)


class _Ticket(Contract):
    ticket_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(required=True)
    kind = fields.String(required=True)
    status = fields.String(required=True)


class ServiceTicketOpened(_Ticket):
    event_type = "service_ticket.opened"


class ServiceTicketResolved(_Ticket):
    event_type = "service_ticket.resolved"


class ReturnVisitRecorded(Contract):
    event_type = "return_visit.recorded"

    return_visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    developer_id = fields.String(required=True)
    task_id = fields.String(allow_none=True, load_default=None)
    occurred_at = fields.DateTime(required=True)


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"

    customer_id = fields.String(required=True)


PUBLISHED = (ReceptionSubmitted, ReceptionApproved, ReceptionRejected, ReceptionReported, DealClosed,
             DealDelivered, ServiceTicketOpened, ServiceTicketResolved, ReturnVisitRecorded)
