"""Field types and payloads every service's HTTP API shares."""
from decimal import Decimal

from marshmallow import Schema, fields, validate

from kam.pagination import DEFAULT_LIMIT, MAX_LIMIT

MAX_MONEY = Decimal("9999999999.99")  # what a NUMERIC(12, 2) column holds


def Money(**kwargs):  # noqa: N802 - used like a field class
    """CNY as a decimal string with two places ("12800.00"), never a float; at most what the databases hold."""
    return fields.Decimal(as_string=True, places=2, validate=validate.Range(min=0, max=MAX_MONEY), **kwargs)


class ListArgs(Schema):
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT))
    cursor = fields.String(load_default=None)


def page_of(item_schema, name=None):
    """The schema of a list response: items and the cursor of the next page."""
    return type(name or f"{item_schema.__name__.removesuffix('Out')}Page", (Schema,), {
        "__module__": item_schema.__module__,  # so the page is named for the service its items belong to
        "items": fields.List(fields.Nested(item_schema)),
        "next_cursor": fields.String(allow_none=True),
    })


class SubjectRef(Schema):
    type = fields.String(required=True)
    id = fields.String(required=True)
