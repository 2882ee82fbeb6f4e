"""What is known about a customer beyond identity: the non-sensitive profile and the sensitive part."""
from marshmallow import Schema, fields, validate

from kam.schemas import Money
from services.customers.terms import KEY_DATE_KINDS, SENSITIVITY_LEVELS, SOURCE_CHANNELS


class KeyDate(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KEY_DATE_KINDS))
    date = fields.Date(required=True)
    note = fields.String(allow_none=True)


class Source(Schema):
    channel = fields.String(allow_none=True, validate=validate.OneOf(SOURCE_CHANNELS))
    referrer_id = fields.String(allow_none=True)
    note = fields.String(allow_none=True)


class Holding(Schema):
    """Jewelry the customer already owns (已有款式、数量、金额)."""

    piece = fields.String(required=True, validate=validate.Length(min=1, max=200))
    style = fields.String(allow_none=True)
    carat = fields.Decimal(as_string=True, allow_none=True, validate=validate.Range(min=0))
    certificate = fields.String(allow_none=True)
    quantity = fields.Integer(load_default=1, validate=validate.Range(min=1))
    amount = Money(allow_none=True)
    bought_on = fields.Date(allow_none=True)
    bought_where = fields.String(allow_none=True)


class Needs(Schema):
    purchase = fields.String(allow_none=True)
    style = fields.String(allow_none=True)
    service = fields.String(allow_none=True)
    problems = fields.String(allow_none=True)
    decision_habits = fields.String(allow_none=True)


class Sensitivity(Schema):
    """Sensitivity to product, price and setting (产品/价格/环境敏感度)."""

    product = fields.String(allow_none=True, validate=validate.OneOf(SENSITIVITY_LEVELS))
    price = fields.String(allow_none=True, validate=validate.OneOf(SENSITIVITY_LEVELS))
    setting = fields.String(allow_none=True, validate=validate.OneOf(SENSITIVITY_LEVELS))
    note = fields.String(allow_none=True)


class Organization(Schema):
    size = fields.Integer(allow_none=True, validate=validate.Range(min=0))
    industry = fields.String(allow_none=True)
    decision_makers = fields.List(fields.String())
    buyers = fields.List(fields.String())
    users = fields.List(fields.String())
    decision_process = fields.String(allow_none=True)
    initiating_department = fields.String(allow_none=True)
    deciding_department = fields.String(allow_none=True)
    strategy = fields.String(allow_none=True)


class Profile(Schema):
    occupation = fields.String(allow_none=True)
    age = fields.Integer(allow_none=True, validate=validate.Range(min=0, max=130))
    hobbies = fields.List(fields.String())
    personality = fields.String(allow_none=True)
    culture = fields.String(allow_none=True)
    aspirations = fields.String(allow_none=True)
    work = fields.String(allow_none=True)
    social_circle = fields.String(allow_none=True)
    life_circle = fields.String(allow_none=True)
    holdings = fields.List(fields.Nested(Holding))
    needs = fields.Nested(Needs)
    sensitivity = fields.Nested(Sensitivity)
    purchase_weight = fields.String(allow_none=True)
    organization = fields.Nested(Organization)


class Sensitive(Schema):
    """Health, family and finances: sensitive personal information under PIPL."""

    health = fields.String(allow_none=True)
    family = fields.String(allow_none=True)
    finances = fields.String(allow_none=True)


class Consent(Schema):
    sensitive = fields.Boolean(required=True)
    purpose = fields.String(allow_none=True)
    given_at = fields.DateTime(dump_only=True)
