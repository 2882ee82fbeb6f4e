"""The reception service's HTTP/RPC payloads (its event and RPC contracts: contracts.py)."""
from marshmallow import Schema, fields, validate

from kam.schemas import ListArgs, Money, page_of
from services.reception.terms import (
    DEAL_ORIGIN_TYPES,
    DEAL_STATUSES,
    DELIVERY_METHODS,
    NOTICE_CHANNELS,
    ORIGIN_TYPES,
    PRODUCT_INTEREST,
    RECEPTION_OUTCOMES,
    RECEPTION_STATUSES,
    RESALE_MODES,
    RETURN_VISIT_METHODS,
    REVIEW_DECISIONS,
    REVIEW_STATUSES,
    TICKET_KINDS,
    TICKET_STATUSES,
)
from services.reception.work_order_schemas import (  # noqa: F401 - the service's payloads in one place
    STEP_BODIES,
    ImageContentOut,
    ImageForm,
    ImageOut,
    ImageUpload,
    StepOut,
)

Text = fields.String
Id = fields.String


def one_of(values, **kwargs):
    return fields.String(validate=validate.OneOf(values), **kwargs)


# Receptions
class MealOut(Schema):
    venue = Text(required=True, validate=validate.Length(min=1, max=200))
    accompanying_leader = Text(load_default=None, allow_none=True)
    standard = Text(load_default=None, allow_none=True)
    meal_per_head = Money(load_default=None, allow_none=True, metadata={
        "description": "what the meal costs per head; held against the hospitality cap of the customer's category"})


class Arrangements(Schema):
    business_lounge = Text(load_default=None, allow_none=True)
    refreshments = fields.List(Text(), load_default=list)
    meal_out = fields.Nested(MealOut, load_default=None, allow_none=True)
    note = Text(load_default=None, allow_none=True)


class ReceptionIn(Schema):
    customer_id = Id(required=True)
    scheduled_at = fields.AwareDateTime(required=True)
    party_size = fields.Integer(required=True, validate=validate.Range(min=1, max=200))
    needs = Text(load_default=None, allow_none=True)
    location = Text(load_default=None, allow_none=True, validate=validate.Length(max=200))
    hosts = fields.List(Text(validate=validate.Length(min=1)), load_default=list)
    arrangements = fields.Nested(Arrangements, load_default=dict)


class ReceptionChange(Schema):
    """A draft's plan, revised: only the fields sent change."""

    scheduled_at = fields.AwareDateTime()
    party_size = fields.Integer(validate=validate.Range(min=1, max=200))
    needs = Text(allow_none=True)
    location = Text(allow_none=True, validate=validate.Length(max=200))
    hosts = fields.List(Text(validate=validate.Length(min=1)))
    arrangements = fields.Nested(Arrangements)


class ApproveIn(Schema):
    funded_amount = Money(load_default=None, allow_none=True)
    override_reason = Text(load_default=None, allow_none=True, validate=validate.Length(max=2000), metadata={
        "description": "required when the meal out per head is above the hospitality cap"})


class RejectIn(Schema):
    reason = Text(required=True, validate=validate.Length(min=1))


class ProductViewed(Schema):
    sku = Text(load_default=None, allow_none=True)
    description = Text(required=True, validate=validate.Length(min=1))
    interest = one_of(PRODUCT_INTEREST, load_default=None, allow_none=True)


class ReportIn(Schema):
    experience = Text(required=True, validate=validate.Length(min=1))
    products_viewed = fields.List(fields.Nested(ProductViewed), load_default=list)
    outcome = one_of(RECEPTION_OUTCOMES, required=True)
    notes = Text(load_default=None, allow_none=True)


class ReportOut(ReportIn):
    reported_at = fields.DateTime()


class ReportRevision(Schema):
    """A returned report revised: only the fields sent change."""

    experience = Text(validate=validate.Length(min=1))
    products_viewed = fields.List(fields.Nested(ProductViewed))
    outcome = one_of(RECEPTION_OUTCOMES)
    notes = Text(allow_none=True)


class ReviewIn(Schema):
    """接待报告的审查: `comment` says what to revise when the report is returned."""

    decision = one_of(REVIEW_DECISIONS, required=True)
    comment = Text(allow_none=True, validate=validate.Length(max=2000))


class ReviewOut(Schema):
    status = one_of(REVIEW_STATUSES)
    comment = Text(allow_none=True)
    by = Id(allow_none=True)
    at = fields.DateTime(allow_none=True)


class ReportVersionOut(Schema):
    """One version of the report (its time as an ISO 8601 string), with its review if it had one."""

    version = fields.Integer()
    at = Text()
    by = Id()
    experience = Text(allow_none=True)
    products_viewed = fields.List(fields.Nested(ProductViewed))
    outcome = Text(allow_none=True)
    notes = Text(allow_none=True)
    review = fields.Dict(allow_none=True)


class ReceptionOut(Schema):
    id = Id()
    customer_id = Id()
    host_id = Id()
    status = one_of(RECEPTION_STATUSES)
    scheduled_at = fields.DateTime()
    party_size = fields.Integer()
    needs = Text(allow_none=True)
    location = Text(allow_none=True)
    hosts = fields.List(Text())
    arrangements = fields.Nested(Arrangements)
    funded_amount = Money(allow_none=True)
    approver_id = Id(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    reason = Text(allow_none=True)
    report = fields.Nested(ReportOut, allow_none=True)
    review = fields.Nested(ReviewOut, allow_none=True)
    versions = fields.List(fields.Nested(ReportVersionOut))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


class ReceptionFilter(ListArgs):
    customer_id = Id(load_default=None)
    status = one_of(RECEPTION_STATUSES, load_default=None)
    review = one_of(REVIEW_STATUSES, load_default=None,
                    metadata={"description": "pending: reports waiting for review (接待报告的审查)"})


# Deals
class OriginRef(Schema):
    type = one_of(ORIGIN_TYPES, required=True)
    id = Id(required=True, validate=validate.Length(min=1))


class DealItemIn(Schema):
    sku = Text(required=True, validate=validate.Length(min=1, max=64))
    description = Text(required=True, validate=validate.Length(min=1, max=500))
    quantity = fields.Integer(required=True, validate=validate.Range(min=1))
    unit_price = Money(required=True)


class DealItemOut(DealItemIn):
    line_total = Money()
    in_catalog = fields.Boolean(allow_none=True, metadata={"description": "false: free text, not a catalog sku"})


class Delivery(Schema):
    method = one_of(DELIVERY_METHODS, required=True)
    address = Text(load_default=None, allow_none=True)
    date = fields.Date(load_default=None, allow_none=True)


class DeliveryOut(Delivery):
    delivered_at = fields.DateTime(allow_none=True)


class DealIn(Schema):
    """`discount` is an amount in CNY taken off the subtotal (not a rate)."""

    customer_id = Id(required=True)
    origin = fields.Nested(OriginRef, required=True)
    items = fields.List(fields.Nested(DealItemIn), required=True, validate=validate.Length(min=1, max=100))
    discount = Money(load_default=None, allow_none=True)
    delivery = fields.Nested(Delivery, required=True)


class OriginOut(Schema):
    type = one_of(DEAL_ORIGIN_TYPES)
    id = Id()


class DealOut(Schema):
    id = Id()
    customer_id = Id()
    seller_id = Id()
    status = one_of(DEAL_STATUSES)
    origin = fields.Nested(OriginOut)
    items = fields.List(fields.Nested(DealItemOut))
    subtotal = Money()
    discount = Money()
    total = Money()
    repeat_sale = fields.Boolean()
    delivery = fields.Nested(DeliveryOut)
    closed_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


class DealFilter(ListArgs):
    customer_id = Id(load_default=None)
    status = one_of(DEAL_STATUSES, load_default=None)


# Service tickets
class Piece(Schema):
    description = Text(required=True, validate=validate.Length(min=1))
    certificate_no = Text(load_default=None, allow_none=True)
    material = Text(load_default=None, allow_none=True)
    weight = Text(load_default=None, allow_none=True)


class TicketIn(Schema):
    customer_id = Id(required=True)
    kind = one_of(TICKET_KINDS, required=True)
    description = Text(required=True, validate=validate.Length(min=1))
    piece = fields.Nested(Piece, load_default=None, allow_none=True)
    intake_notes = Text(load_default=None, allow_none=True)
    resale_mode = one_of(RESALE_MODES, load_default=None, allow_none=True)
    valuation = Money(load_default=None, allow_none=True)
    scheduled_at = fields.AwareDateTime(load_default=None, allow_none=True)
    notify_channel = one_of(NOTICE_CHANNELS, load_default=None, allow_none=True)


class ResolveIn(Schema):
    resolution = Text(required=True, validate=validate.Length(min=1))


class TicketOut(TicketIn):
    id = Id()
    owner_id = Id()
    status = one_of(TICKET_STATUSES)
    resolution = Text(allow_none=True)
    quote = Money(allow_none=True)
    deposit = Money(allow_none=True)
    deposit_paid = Money(allow_none=True)
    balance_due = Money(allow_none=True)
    estimate = Money(allow_none=True)
    due_date = fields.Date(allow_none=True)
    asking_price = Money(allow_none=True)
    commission_rate = fields.Decimal(as_string=True, allow_none=True)
    until = fields.Date(allow_none=True)
    sale_price = Money(allow_none=True)
    buyer_customer_id = Id(allow_none=True)
    commission = Money(allow_none=True)
    payout = Money(allow_none=True)
    deal_id = Id(allow_none=True)
    opened_at = fields.DateTime()
    started_at = fields.DateTime(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)
    updated_at = fields.DateTime()
    history = fields.List(fields.Nested(StepOut))
    images = fields.List(fields.Nested(ImageOut))
    actions = fields.List(fields.String())


class TicketFilter(ListArgs):
    customer_id = Id(load_default=None)
    status = one_of(TICKET_STATUSES, load_default=None)
    kind = one_of(TICKET_KINDS, load_default=None)


# Return visits
class ReturnVisitIn(Schema):
    customer_id = Id(required=True)
    task_id = Id(load_default=None, allow_none=True)
    occurred_at = fields.AwareDateTime(required=True)
    method = one_of(RETURN_VISIT_METHODS, required=True)
    content = Text(required=True, validate=validate.Length(min=1))
    feedback = Text(load_default=None, allow_none=True)
    next_steps = Text(load_default=None, allow_none=True)


class ReturnVisitOut(ReturnVisitIn):
    id = Id()
    developer_id = Id()
    recorded_at = fields.DateTime()


class ReturnVisitFilter(ListArgs):
    customer_id = Id(load_default=None)


ReceptionPage = page_of(ReceptionOut)
DealPage = page_of(DealOut)
TicketPage = page_of(TicketOut)
ReturnVisitPage = page_of(ReturnVisitOut)


class CustomerHeld(Schema):
    """PIPL: everything the service holds on one customer that the caller may see."""

    receptions = fields.List(fields.Nested(ReceptionOut))
    deals = fields.List(fields.Nested(DealOut))
    service_tickets = fields.List(fields.Nested(TicketOut))
    return_visits = fields.List(fields.Nested(ReturnVisitOut))
