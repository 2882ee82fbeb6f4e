"""What the reception service promises and relies on: the events it publishes and reads, the RPC methods
it offers, and what it reads of the customers' and visits' replies (docs/EVENTS.md)."""
from decimal import Decimal

from marshmallow import Schema, fields, validate

from kam.contracts import Calls, Id, Method, Reads
from kam.events import ConsumedContract, Contract
from kam.schemas import Money
from services.reception import schemas
from services.reception.terms import REVIEW_DECISIONS


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


class HospitalityOverride(Schema):
    """A meal out above the cap of the customer's category, approved with the manager's reason."""

    category = fields.String(allow_none=True)
    kind = fields.String(required=True)
    amount = Money(required=True)
    cap = Money(required=True)
    reason = fields.String(required=True)


class ReceptionApproved(_ReceptionDecision):
    event_type = "reception.approved"

    hospitality_override = fields.Nested(HospitalityOverride, allow_none=True, load_default=None)  # visits logs it


class ReceptionRejected(_ReceptionDecision):
    event_type = "reception.rejected"


class ReceptionReported(_Reception):
    event_type = "reception.reported"

    reported_at = fields.DateTime(required=True)
    outcome = fields.String(required=True)


class ReceptionReviewed(_Reception):
    """接待报告的审查: a manager accepted the report, or returned it to its host with what to revise."""

    event_type = "reception.reviewed"
    scheduled_at = fields.DateTime(required=True)
    decision = fields.String(required=True, validate=validate.OneOf(REVIEW_DECISIONS))
    comment = fields.String(allow_none=True)
    reviewed_by = fields.String(required=True)


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
    prepaid = Money(load_default=Decimal("0.00"))  # already counted as revenue when paid (a custom design's deposit)
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


class Notice(Schema):
    channel = fields.String(required=True)
    address = fields.String(required=True)


class WorkOrderAdvanced(Contract):
    """A custom design, repair or resale took a step; `amount` is the step's money (quote, deposit paid,
    estimate, sale price, payout), `commission` the company's share of a sale, `notice` how the customer
    is told that the piece is ready (none without their consent)."""

    event_type = "work_order.advanced"

    ticket_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    owner_id = fields.String(required=True)
    kind = fields.String(required=True)
    action = fields.String(required=True)
    previous_status = fields.String(required=True)
    status = fields.String(required=True)
    by = fields.String(allow_none=True, load_default=None)
    at = fields.DateTime(required=True)
    amount = Money(allow_none=True, load_default=None)
    commission = Money(allow_none=True, load_default=None)
    due_date = fields.Date(allow_none=True, load_default=None)
    until = fields.Date(allow_none=True, load_default=None)
    mode = fields.String(allow_none=True, load_default=None)
    notice = fields.Nested(Notice, allow_none=True, load_default=None)


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


PUBLISHED = (ReceptionSubmitted, ReceptionApproved, ReceptionRejected, ReceptionReported, ReceptionReviewed, DealClosed,
             DealDelivered, ServiceTicketOpened, ServiceTicketResolved, WorkOrderAdvanced, ReturnVisitRecorded)
class CustomerTransferred(ConsumedContract):
    """客户移交: receptions not yet held and open tickets pass to the new owner, who sees the customer's all."""

    event_type = "customer.transferred"

    customer_id = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)


CONSUMED = (CustomerErased, CustomerTransferred)


def _body(schema):
    return fields.Nested(schema, required=True)


OFFERS = {
    "create_reception": Method(schemas.ReceptionOut, data=_body(schemas.ReceptionIn)),
    "revise_reception": Method(schemas.ReceptionOut, reception_id=Id(), changes=_body(schemas.ReceptionChange)),
    "submit_reception": Method(schemas.ReceptionOut, reception_id=Id()),
    "withdraw_reception": Method(schemas.ReceptionOut, reception_id=Id()),
    "redraft_reception": Method(schemas.ReceptionOut, reception_id=Id()),
    "approve_reception": Method(schemas.ReceptionOut, reception_id=Id(), data=_body(schemas.ApproveIn)),
    "reject_reception": Method(schemas.ReceptionOut, reception_id=Id(), data=_body(schemas.RejectIn)),
    "report_reception": Method(schemas.ReceptionOut, reception_id=Id(), data=_body(schemas.ReportIn)),
    "review_reception": Method(schemas.ReceptionOut, reception_id=Id(), data=_body(schemas.ReviewIn)),
    "revise_report": Method(schemas.ReceptionOut, reception_id=Id(), changes=_body(schemas.ReportRevision)),
    "get_reception": Method(schemas.ReceptionOut, reception_id=Id()),
    "list_receptions": Method(schemas.ReceptionPage, args=_body(schemas.ReceptionFilter)),
    "create_deal": Method(schemas.DealOut, data=_body(schemas.DealIn)),
    "deliver_deal": Method(schemas.DealOut, deal_id=Id()),
    "get_deal": Method(schemas.DealOut, deal_id=Id()),
    "list_deals": Method(schemas.DealPage, args=_body(schemas.DealFilter)),
    "create_ticket": Method(schemas.TicketOut, data=_body(schemas.TicketIn)),
    "start_ticket": Method(schemas.TicketOut, ticket_id=Id()),
    "resolve_ticket": Method(schemas.TicketOut, ticket_id=Id(), data=_body(schemas.ResolveIn)),
    "get_ticket": Method(schemas.TicketOut, ticket_id=Id()),
    "advance_work_order": Method(schemas.TicketOut, ticket_id=Id(), action=fields.String(
        required=True, validate=validate.OneOf(schemas.STEP_BODIES)), data=fields.Dict(required=True)),
    "attach_image": Method(schemas.ImageOut, ticket_id=Id(), upload=_body(schemas.ImageUpload)),
    "read_image": Method(schemas.ImageContentOut, ticket_id=Id(), image_id=Id(),
                         thumbnail=fields.Boolean(load_default=False)),
    "list_tickets": Method(schemas.TicketPage, args=_body(schemas.TicketFilter)),
    "create_return_visit": Method(schemas.ReturnVisitOut, data=_body(schemas.ReturnVisitIn)),
    "get_return_visit": Method(schemas.ReturnVisitOut, return_visit_id=Id()),
    "list_return_visits": Method(schemas.ReturnVisitPage, args=_body(schemas.ReturnVisitFilter)),
    "export_customer": Method(schemas.CustomerHeld, customer_id=Id()),
}


class CustomerSeen(Reads):
    """A customer as the customers service shows it to the caller: whose it is."""

    id = fields.String(required=True)
    owner_id = fields.String(allow_none=True, load_default=None)
    category = fields.String(allow_none=True, load_default=None)  # for the hospitality cap
    phone = fields.String(allow_none=True, load_default=None)
    wechat = fields.String(allow_none=True, load_default=None)
    email = fields.String(allow_none=True, load_default=None)
    outreach_opt_out = fields.Boolean(load_default=False)


class VisitSeen(Reads):
    """A deal's origin visit: whose customer, and how far it got."""

    customer_id = fields.String(required=True)
    status = fields.String(required=True)


class ClaimedItem(Reads):
    sku = fields.String(required=True)
    in_catalog = fields.Boolean(required=True)


class ItemsClaimed(Reads):
    """What a deal drew from the catalog: each item, in order, and whether its sku is a catalog product."""

    items = fields.List(fields.Nested(ClaimedItem), required=True)


class HospitalityReviewed(Reads):
    """The visits service's word on a meal out per head against the hospitality cap (it keeps the caps
    and logs every override, from this service's reception.approved)."""

    over_cap = fields.Boolean(required=True)
    override = fields.Nested(HospitalityOverride, allow_none=True, load_default=None)


CALLS = (Calls("customers", "customer_summary", CustomerSeen), Calls("visits", "get_visit", VisitSeen),
         Calls("catalog", "claim_items_for_deal", ItemsClaimed),
         Calls("visits", "review_hospitality", HospitalityReviewed))
