"""The customers service's payloads and the contracts of the events it publishes."""
from marshmallow import Schema, fields, validate

from kam.events import Contract
from services.customers.domain import CATEGORIES, KINDS, STAGES


class CustomerIn(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(load_default="person", validate=validate.OneOf(KINDS))
    category = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(CATEGORIES))


class CustomerOut(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    category = fields.String(allow_none=True)
    stage = fields.String(validate=validate.OneOf(STAGES))
    owner_id = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class KeyDateData(Schema):
    kind = fields.String(required=True)
    date = fields.Date(required=True)
    note = fields.String(allow_none=True)


class HoldingData(Schema):
    piece = fields.String(required=True)
    style = fields.String(allow_none=True)
    carat = fields.Decimal(as_string=True, allow_none=True)
    amount = fields.Decimal(as_string=True, allow_none=True)


class CustomerCreated(Contract):
    event_type = "customer.created"
    version = 1

    customer_id = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    category = fields.String(allow_none=True)
    stage = fields.String(required=True)
    owner_id = fields.String(required=True)
    source_channel = fields.String(allow_none=True, load_default=None)
    referrer_id = fields.String(allow_none=True, load_default=None)
    key_dates = fields.List(fields.Nested(KeyDateData), load_default=list)
    holdings = fields.List(fields.Nested(HoldingData), load_default=list)
    outreach_opt_out = fields.Boolean(load_default=False)


PUBLISHED = (CustomerCreated,)
