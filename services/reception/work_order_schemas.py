"""The custom centre's payloads: the bodies of the work orders' steps, their history and pictures."""
from marshmallow import Schema, fields, validate

from kam.schemas import Money
from services.reception.terms import IMAGE_PURPOSES, RESALE_MODES

Text = fields.String
Id = fields.String


def one_of(values, **kwargs):
    return fields.String(validate=validate.OneOf(values), **kwargs)


class StepOut(Schema):
    action = Text()
    from_status = Text()
    to_status = Text()
    by = Id(allow_none=True)
    by_role = Text(allow_none=True)
    at = fields.DateTime()
    figures = fields.Dict(keys=Text(), values=fields.Raw(allow_none=True))


class ImageOut(Schema):
    id = Id()
    purpose = one_of(IMAGE_PURPOSES)
    filename = Text(allow_none=True)
    content_type = Text()
    size = fields.Integer()
    uploaded_by = Id()
    created_at = fields.DateTime()
    url = Text()
    thumbnail_url = Text()


class ImageContentOut(Schema):
    id = Id()
    content_type = Text()
    content_b64 = Text()


class ImageUpload(Schema):
    """What the gateway forwards of a multipart upload: the bytes in base64, the purpose as sent."""

    filename = Text(load_default=None, allow_none=True)
    purpose = one_of(IMAGE_PURPOSES, load_default="other")
    content_b64 = Text(required=True)


class ImageForm(Schema):
    purpose = one_of(IMAGE_PURPOSES, load_default="other")


# The bodies of the work orders' steps (API.md "Custom centre work orders")
class NoteIn(Schema):
    note = Text(load_default=None, allow_none=True)


class QuoteIn(Schema):
    amount = Money(required=True)
    deposit = Money(load_default=None, allow_none=True)


class AmountIn(Schema):
    amount = Money(required=True)


class QualityCheckIn(NoteIn):
    passed = fields.Boolean(required=True)


class EstimateIn(Schema):
    amount = Money(required=True)
    due_date = fields.Date(required=True)


class AgreeIn(Schema):
    asking_price = Money(required=True)
    commission_rate = fields.Decimal(required=True, validate=validate.Range(min=0, max=1))
    mode = one_of(RESALE_MODES, required=True)
    until = fields.Date(load_default=None, allow_none=True)


class ExtendIn(Schema):
    until = fields.Date(required=True)


class SellIn(Schema):
    price = Money(required=True)
    buyer_customer_id = Id(load_default=None, allow_none=True)


STEP_BODIES = {
    "quote": QuoteIn, "pay-deposit": AmountIn, "approve-design": NoteIn, "quality-check": QualityCheckIn,
    "hand-over": NoteIn, "estimate": EstimateIn, "accept-estimate": NoteIn, "decline-estimate": NoteIn,
    "finish": NoteIn, "pick-up": NoteIn, "agree": AgreeIn, "sell": SellIn, "pay-out": NoteIn, "return": NoteIn,
    "extend": ExtendIn,
}
