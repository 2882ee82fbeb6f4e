"""The catalog's payloads, HTTP and RPC alike (its events are in contracts.py)."""
from marshmallow import Schema, fields, validate

from kam.schemas import ListArgs, Money, SubjectRef
from services.catalog.terms import (
    CUSTOMER_CATEGORIES,
    KINDS,
    PIECE_STATUSES,
    RESERVATION_STATUSES,
    RESERVED_FOR,
    TRACKINGS,
)

MAX_IMAGE_UPLOAD = 10 * 1024 * 1024


def text(max_length=200, **kwargs):
    return fields.String(validate=validate.Length(min=1, max=max_length), **kwargs)


def optional(max_length=200):
    return fields.String(allow_none=True, validate=validate.Length(max=max_length))


def count(**kwargs):
    return fields.Integer(validate=validate.Range(min=0, max=1_000_000), **kwargs)


class GemIn(Schema):
    carat = fields.Decimal(as_string=True, allow_none=True, places=2, validate=validate.Range(min=0, max=1000))
    cut = optional(40)
    color = optional(20)
    clarity = optional(20)


class CertificateIn(Schema):
    lab = optional(40)
    number = optional(60)


class ProductIn(Schema):
    sku = text(64, required=True)
    name = text(200, required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    tracking = fields.String(required=True, validate=validate.OneOf(TRACKINGS))
    list_price = Money(required=True)
    quantity = count(allow_none=True, metadata={"description": "stock only: how many are on hand"})
    reorder_level = count(allow_none=True, metadata={"description": "stock only: below it the analyst restocks"})
    gem = fields.Nested(GemIn, allow_none=True)
    metal = optional(60)
    certificate = fields.Nested(CertificateIn, allow_none=True)
    description = optional(4000)


class ProductPatch(ProductIn):
    class Meta:
        exclude = ("sku", "tracking")


class ImageOut(Schema):
    id = fields.String()
    url = fields.String()
    thumbnail_url = fields.String()
    content_type = fields.String()


class GemOut(Schema):
    carat = fields.Decimal(as_string=True, allow_none=True)
    cut = fields.String(allow_none=True)
    color = fields.String(allow_none=True)
    clarity = fields.String(allow_none=True)


class CertificateOut(Schema):
    lab = fields.String(allow_none=True)
    number = fields.String(allow_none=True)


class ProductOut(Schema):
    id = fields.String()
    sku = fields.String()
    name = fields.String()
    kind = fields.String()
    tracking = fields.String()
    status = fields.String(allow_none=True)
    quantity = fields.Integer(allow_none=True)
    reorder_level = fields.Integer(allow_none=True)
    low_stock = fields.Boolean()
    list_price = Money()
    gem = fields.Nested(GemOut)
    metal = fields.String(allow_none=True)
    certificate = fields.Nested(CertificateOut)
    description = fields.String(allow_none=True)
    images = fields.List(fields.Nested(ImageOut))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


class ProductArgs(ListArgs):
    q = fields.String(validate=validate.Length(max=100))
    kind = fields.String(validate=validate.OneOf(KINDS))
    tracking = fields.String(validate=validate.OneOf(TRACKINGS))
    status = fields.String(validate=validate.OneOf(PIECE_STATUSES))
    min_carat = fields.Decimal(as_string=True, validate=validate.Range(min=0))
    max_carat = fields.Decimal(as_string=True, validate=validate.Range(min=0))
    max_price = fields.Decimal(as_string=True, validate=validate.Range(min=0))
    low_stock = fields.Boolean()


class ImageUpload(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class UploadIn(Schema):
    content_b64 = fields.String(required=True)


class ImageContentOut(Schema):
    content_type = fields.String()
    content_b64 = fields.String()


class ReservedFor(Schema):
    type = fields.String(required=True, validate=validate.OneOf(RESERVED_FOR))
    id = text(32, required=True)


class ReservationIn(Schema):
    product_id = text(32, required=True)
    subject = fields.Nested(ReservedFor, required=True, data_key="for")


class ReservationOut(Schema):
    id = fields.String()
    product_id = fields.String()
    sku = fields.String()
    name = fields.String()
    subject = fields.Nested(SubjectRef, data_key="for")
    customer_id = fields.String(allow_none=True)
    developer_id = fields.String()
    status = fields.String()
    subject_at = fields.DateTime(allow_none=True)
    due_back_at = fields.DateTime(allow_none=True)
    checked_out_at = fields.DateTime(allow_none=True)
    returned_at = fields.DateTime(allow_none=True)
    overdue = fields.Boolean()
    created_at = fields.DateTime()
    actions = fields.List(fields.String())


class ReservationArgs(ListArgs):
    status = fields.String(validate=validate.OneOf(RESERVATION_STATUSES))
    product_id = fields.String()
    for_type = fields.String(validate=validate.OneOf(RESERVED_FOR))
    for_id = fields.String()


class KitPiece(Schema):
    product_id = fields.String()
    sku = fields.String()
    name = fields.String()
    list_price = Money()
    gem = fields.Nested(GemOut)
    metal = fields.String(allow_none=True)
    images = fields.List(fields.Nested(ImageOut))
    reservation_id = fields.String()
    status = fields.String()


class KitOffer(Schema):
    product = fields.String()
    discount = fields.String()
    note = fields.String(allow_none=True)


class KitGift(Schema):
    name = fields.String(allow_none=True)
    product_id = fields.String(allow_none=True)
    images = fields.List(fields.Nested(ImageOut))


class KitOut(Schema):
    visit_id = fields.String()
    customer_name = fields.String(allow_none=True)
    planned_at = fields.DateTime(allow_none=True)
    pieces = fields.List(fields.Nested(KitPiece))
    offers = fields.List(fields.Nested(KitOffer))
    gift = fields.Nested(KitGift, allow_none=True)


class DealItemIn(Schema):
    sku = text(64, required=True)
    quantity = fields.Integer(required=True, validate=validate.Range(min=1))


class ClaimedItem(Schema):
    sku = fields.String()
    in_catalog = fields.Boolean()
    product_id = fields.String(allow_none=True)
    tracking = fields.String(allow_none=True)


class ClaimOut(Schema):
    deal_id = fields.String()
    items = fields.List(fields.Nested(ClaimedItem))


class ReleaseOut(Schema):
    deal_id = fields.String()
    released = fields.Integer()


class GiftRuleIn(Schema):
    product_id = text(32, required=True)
    note = optional(2000)


class GiftRuleOut(Schema):
    category = fields.String()
    product_id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    sku = fields.String(allow_none=True)
    quantity = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)
    updated_at = fields.DateTime(allow_none=True)


class GiftRuleList(Schema):
    items = fields.List(fields.Nested(GiftRuleOut))


class GiftOutcome(Schema):
    category = fields.String(allow_none=True)
    product_id = fields.String()
    name = fields.String(allow_none=True)
    visits = fields.Integer()
    led_to_deal = fields.Integer()


class GiftOutcomeList(Schema):
    items = fields.List(fields.Nested(GiftOutcome))


def category_field(**kwargs):
    return fields.String(validate=validate.OneOf(CUSTOMER_CATEGORIES), **kwargs)


class ImportRow(Schema):
    row = fields.Integer()
    status = fields.String()
    sku = fields.String(allow_none=True)
    product_id = fields.String()
    errors = fields.Dict()


class ImportOut(Schema):
    total = fields.Integer()
    imported = fields.Integer()
    rejected = fields.Integer()
    rows = fields.List(fields.Nested(ImportRow))


class WorkbookOut(Schema):
    content_b64 = fields.String()
    filename = fields.String()
