"""What analytics reads of other services' events, and what it answers."""
from marshmallow import Schema, fields

from kam.events import AnyEvent


class Overview(Schema):
    customers = fields.Integer()
    events = fields.Integer()


CONSUMED = (AnyEvent,)
