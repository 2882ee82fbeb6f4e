"""The hospitality caps' payloads (规格根据公司规定): the policy, an approval's override, the override log."""
from marshmallow import Schema, fields, validate

from kam.schemas import ListArgs, Money
from services.visits.terms import CUSTOMER_CATEGORIES, HOSPITALITY_KINDS


class CapIn(Schema):
    gift_value = Money(load_default=None, allow_none=True, metadata={"description": "the most a gift may be worth"})
    meal_per_head = Money(load_default=None, allow_none=True,
                          metadata={"description": "the most a meal out may cost per head"})


class PolicyIn(Schema):
    """Example: `{"caps": {"important": {"gift_value": "200.00", "meal_per_head": "150.00"}}}`; a category
    left out, or a null, has no cap."""

    caps = fields.Dict(keys=fields.String(validate=validate.OneOf(CUSTOMER_CATEGORIES)),
                       values=fields.Nested(CapIn), required=True)


class CapOut(Schema):
    gift_value = Money(allow_none=True)
    meal_per_head = Money(allow_none=True)


class PolicyOut(Schema):
    caps = fields.Dict(keys=fields.String(), values=fields.Nested(CapOut))


class OverrideReasonIn(Schema):
    override_reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000),
                                    metadata={"description": "required when the gift is above the cap"})


class VisitApprovalIn(OverrideReasonIn):
    funded_amount = Money(required=True)


class HospitalityReviewIn(OverrideReasonIn):
    """What the reception service asks when a manager approves a reception."""

    subject_type = fields.String(required=True, validate=validate.OneOf(("visit", "reception")))
    subject_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    category = fields.String(allow_none=True, load_default=None)
    kind = fields.String(required=True, validate=validate.OneOf(HOSPITALITY_KINDS))
    amount = fields.Decimal(allow_none=True, load_default=None)


class HospitalityOverride(Schema):
    """An approval above a cap: what was over, by how much, and the manager's reason."""

    category = fields.String(allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(HOSPITALITY_KINDS))
    amount = Money(required=True)
    cap = Money(required=True)
    reason = fields.String(required=True)


class HospitalityReviewOut(Schema):
    over_cap = fields.Boolean()
    override = fields.Nested(HospitalityOverride, allow_none=True)


class OverrideOut(Schema):
    id = fields.String()
    subject_type = fields.String()
    subject_id = fields.String()
    customer_id = fields.String()
    category = fields.String(allow_none=True)
    kind = fields.String()
    amount = Money()
    cap = Money()
    reason = fields.String(allow_none=True)
    approver_id = fields.String()
    at = fields.DateTime()


class OverrideArgs(ListArgs):
    subject_type = fields.String(validate=validate.OneOf(("visit", "reception")))
    category = fields.String(validate=validate.OneOf(CUSTOMER_CATEGORIES))
