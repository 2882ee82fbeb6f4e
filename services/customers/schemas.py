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


class CustomerCreated(Contract):
    event_type = "customer.created"
    version = 1

    id = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    category = fields.String(allow_none=True)
    stage = fields.String(required=True)
    owner_id = fields.String(required=True)


PUBLISHED = (CustomerCreated,)
