"""What the catalog promises and relies on: its events, the events it reads, its RPC methods, and what it
reads of the visits' and reception's replies."""
from marshmallow import Schema, fields

from kam.contracts import Calls, Id, Method, Reads
from kam.events import ConsumedContract, Contract
from kam.schemas import SubjectRef, page_of
from services.catalog.schemas import (
    ClaimOut,
    DealItemIn,
    GiftOutcomeList,
    GiftRuleIn,
    GiftRuleList,
    GiftRuleOut,
    ImageContentOut,
    ImageOut,
    ImportOut,
    KitOut,
    ProductArgs,
    ProductIn,
    ProductOut,
    ProductPatch,
    ReleaseOut,
    ReservationArgs,
    ReservationIn,
    ReservationOut,
    UploadIn,
    WorkbookOut,
    category_field,
)


class StockLow(Contract):
    event_type = "stock.low"
    product_id = fields.String(required=True)
    sku = fields.String(required=True)
    name = fields.String(required=True)
    quantity = fields.Integer(required=True)
    reorder_level = fields.Integer(required=True)


class _Reservation(Contract):
    reservation_id = fields.String(required=True)
    product_id = fields.String(required=True)
    sku = fields.String(required=True)
    name = fields.String(required=True)
    subject = fields.Nested(SubjectRef, required=True)
    customer_id = fields.String(allow_none=True)
    developer_id = fields.String(required=True)


class ReservationOverdue(_Reservation):
    event_type = "reservation.overdue"
    due_back_at = fields.DateTime(required=True)


class ReservationReturned(_Reservation):
    event_type = "reservation.returned"
    returned_at = fields.DateTime(required=True)


class GiftHandedOut(Contract):
    event_type = "gift.handed_out"
    visit_id = fields.String(required=True)
    product_id = fields.String(required=True)
    name = fields.String(required=True)
    customer_id = fields.String(allow_none=True)
    category = fields.String(allow_none=True)


PUBLISHED = (StockLow, ReservationOverdue, ReservationReturned, GiftHandedOut)


class VisitRejected(ConsumedContract):
    event_type = "visit.rejected"
    visit_id = fields.String(required=True)


class ReceptionRejected(ConsumedContract):
    event_type = "reception.rejected"
    reception_id = fields.String(required=True)


class CustomerErased(ConsumedContract):
    event_type = "customer.erased"
    customer_id = fields.String(required=True)


class VisitCompleted(ConsumedContract):
    """The gift planned for a visit was handed out when the visit took place."""

    event_type = "visit.completed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    gift_product_id = fields.String(allow_none=True, load_default=None)
    customer_category = fields.String(allow_none=True, load_default=None)


class Origin(Schema):
    type = fields.String(required=True)
    id = fields.String(required=True)


class DealClosed(ConsumedContract):
    event_type = "deal.closed"
    deal_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    origin = fields.Nested(Origin, required=True)


class CustomerTransferred(ConsumedContract):
    """客户移交: the pieces held for the customer's visits and receptions pass to its new owner with that work."""

    event_type = "customer.transferred"
    customer_id = fields.String(required=True)
    from_owner_id = fields.String(required=True)
    to_owner_id = fields.String(required=True)


CONSUMED = (VisitRejected, ReceptionRejected, CustomerErased, CustomerTransferred, VisitCompleted, DealClosed)

OFFERS = {
    "create_product": Method(ProductOut, data=fields.Nested(ProductIn, required=True)),
    "edit_product": Method(ProductOut, product_id=Id(), changes=fields.Nested(ProductPatch(partial=True), required=True)),
    "get_product": Method(ProductOut, product_id=Id()),
    "list_products": Method(page_of(ProductOut), args=fields.Nested(ProductArgs, load_default=dict)),
    "add_image": Method(ImageOut, product_id=Id(), upload=fields.Nested(UploadIn, required=True)),
    "read_image": Method(ImageContentOut, product_id=Id(), image_id=Id(),
                         thumbnail=fields.Boolean(load_default=False)),
    "import_products": Method(ImportOut, filename=fields.String(required=True), content_b64=fields.String(required=True)),
    "export_products": Method(WorkbookOut),
    "reserve_piece": Method(ReservationOut, data=fields.Nested(ReservationIn, required=True)),
    "check_out": Method(ReservationOut, reservation_id=Id()),
    "check_in": Method(ReservationOut, reservation_id=Id()),
    "cancel_reservation": Method(ReservationOut, reservation_id=Id()),
    "get_reservation": Method(ReservationOut, reservation_id=Id()),
    "list_reservations": Method(page_of(ReservationOut), args=fields.Nested(ReservationArgs, load_default=dict)),
    "get_kit": Method(KitOut, visit_id=Id()),
    "claim_items_for_deal": Method(ClaimOut, deal_id=Id(), customer_id=Id(),
                                   items=fields.List(fields.Nested(DealItemIn), required=True)),
    "release_deal_items": Method(ReleaseOut, deal_id=Id()),
    "list_gift_rules": Method(GiftRuleList),
    "set_gift_rule": Method(GiftRuleOut, category=category_field(required=True),
                            rule=fields.Nested(GiftRuleIn, required=True)),
    "suggest_gift": Method(GiftRuleOut, category=category_field(allow_none=True, load_default=None)),
    "gift_outcomes": Method(GiftOutcomeList),
}


class VisitSeen(Reads):
    """A visit as the visits service shows it to the caller: whose, how far, when, and its preparation."""

    id = fields.String(required=True)
    customer_id = fields.String(required=True)
    customer_name = fields.String(allow_none=True)
    visitor_id = fields.String(required=True)
    status = fields.String(required=True)
    planned_at = fields.DateTime(allow_none=True)
    preparation = fields.Dict(allow_none=True)


class ReceptionSeen(Reads):
    id = fields.String(required=True)
    customer_id = fields.String(required=True)
    host_id = fields.String(allow_none=True)
    status = fields.String(required=True)
    scheduled_at = fields.DateTime(allow_none=True)


CALLS = (Calls("visits", "get_visit", VisitSeen), Calls("reception", "get_reception", ReceptionSeen))
