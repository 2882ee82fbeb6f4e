"""The visits service's payloads, HTTP and RPC alike (the events are in contracts.py)."""
from marshmallow import Schema, fields, validate

from kam.schemas import ListArgs, Money, SubjectRef
from services.visits.terms import (
    CLAIM_STATUSES,
    EXPENSE_CATEGORIES,
    MAX_LOGISTICS_DAYS,
    MAX_RECEIPT_BYTES,
    REVIEW_DECISIONS,
    REVIEW_STATUSES,
    SUBJECT_TYPES,
    SUPPORT_KINDS,
    VISIT_METHODS,
    VISIT_STATUSES,
)

__all__ = ["MAX_RECEIPT_BYTES"]  # re-exported for api.py: the upload limit
Text = fields.String


def required_text(max_length=2000):
    return fields.String(required=True, validate=validate.Length(min=1, max=max_length))


class OfferIn(Schema):
    product = required_text(200)
    discount = fields.Decimal(required=True, as_string=True, validate=validate.Range(min=0, max=1, max_inclusive=False),
                              metadata={"description": "fraction off the list price: 0.10 is 10 % off (九折)"})
    note = Text(allow_none=True)


class TransportIn(Schema):
    company_car = fields.Boolean(required=True)
    note = Text(allow_none=True)


class PreparationIn(Schema):
    products = fields.List(fields.String(validate=validate.Length(min=1, max=200)), load_default=list)
    offers = fields.List(fields.Nested(OfferIn), load_default=list)
    gift = Text(allow_none=True, metadata={"description": "empty: the gift suggested for the customer's category"})
    gift_product_id = fields.String(allow_none=True, validate=validate.Length(max=32),
                                    metadata={"description": "the catalog's gift product chosen, if any"})
    transport = fields.Nested(TransportIn, allow_none=True)


class VisitIn(Schema):
    customer_id = required_text(32)
    planned_at = fields.AwareDateTime(required=True)
    place = Text(allow_none=True, validate=validate.Length(max=300))
    method = fields.String(load_default="in_person", validate=validate.OneOf(VISIT_METHODS))
    objectives = Text(allow_none=True)
    preparation = fields.Nested(PreparationIn, load_default=dict)
    companions = fields.List(fields.String(validate=validate.Length(min=1, max=100)), load_default=list,
                             metadata={"description": "who goes with the visitor: user ids or names"})
    budget = Money(allow_none=True)


class VisitPatch(VisitIn):
    class Meta:
        exclude = ("customer_id",)


class FundingIn(Schema):
    funded_amount = Money(required=True)


class ReasonIn(Schema):
    reason = required_text()


class LocationIn(Schema):
    lat = fields.Float(required=True, validate=validate.Range(min=-90, max=90))
    lng = fields.Float(required=True, validate=validate.Range(min=-180, max=180))


class CheckInIn(Schema):
    """签到 on arrival: `at` defaults to now; `location` from the browser's geolocation, or null."""

    at = fields.AwareDateTime(allow_none=True)
    place = Text(allow_none=True, validate=validate.Length(max=300))
    location = fields.Nested(LocationIn, allow_none=True)


class RecordIn(Schema):
    occurred_at = fields.AwareDateTime(metadata={"description": "the check-in's time when left out"})
    place = Text(allow_none=True, validate=validate.Length(max=300))
    method = fields.String(validate=validate.OneOf(VISIT_METHODS))
    talking_points = Text(allow_none=True)
    customer_feedback = Text(allow_none=True)
    next_steps = Text(allow_none=True)
    next_visit_at = fields.AwareDateTime(allow_none=True)


class ReviewIn(Schema):
    """报告检查: `comment` says what to revise when the report is returned."""

    decision = fields.String(required=True, validate=validate.OneOf(REVIEW_DECISIONS))
    comment = Text(allow_none=True, validate=validate.Length(max=2000))


class RevisionIn(Schema):
    """A returned report revised: the record form's fields but the visit's time, and the summary."""

    place = Text(allow_none=True, validate=validate.Length(max=300))
    method = fields.String(validate=validate.OneOf(VISIT_METHODS))
    talking_points = Text(allow_none=True)
    customer_feedback = Text(allow_none=True)
    next_steps = Text(allow_none=True)
    next_visit_at = fields.AwareDateTime(allow_none=True)
    summary = Text(validate=validate.Length(min=1, max=10000))


class SummaryIn(Schema):
    text = required_text(10000)


class AdviceIn(Schema):
    text = required_text()
    advisor = fields.String(validate=validate.Length(min=1, max=100),
                            metadata={"description": "who gave the advice (user id or name); the caller by default"})


class VisitArgs(ListArgs):
    customer_id = fields.String()
    status = fields.String(validate=validate.OneOf(VISIT_STATUSES))
    review = fields.String(validate=validate.OneOf(REVIEW_STATUSES),
                           metadata={"description": "pending: reports waiting for review (报告检查)"})


class OfferOut(Schema):
    product = fields.String()
    discount = fields.String()
    note = fields.String(allow_none=True)


class PreparationOut(Schema):
    products = fields.List(fields.String())
    offers = fields.List(fields.Nested(OfferOut))
    gift = fields.String()
    gift_product_id = fields.String(allow_none=True)
    gift_suggested = fields.Boolean()
    transport = fields.Dict()


class CallbackOut(Schema):
    status = fields.String()
    due_at = fields.DateTime()
    done_at = fields.DateTime(allow_none=True)
    on_time = fields.Boolean(allow_none=True)


class CheckInOut(Schema):
    at = fields.DateTime()
    place = fields.String(allow_none=True)
    location = fields.Dict(allow_none=True)


class RecordOut(Schema):
    occurred_at = fields.DateTime()
    place = fields.String(allow_none=True)
    method = fields.String()
    talking_points = fields.String(allow_none=True)
    customer_feedback = fields.String(allow_none=True)
    next_steps = fields.String(allow_none=True)
    next_visit_at = fields.DateTime(allow_none=True)


class ReviewOut(Schema):
    status = fields.String(metadata={"description": "pending | accepted | returned"})
    comment = fields.String(allow_none=True)
    by = fields.String(allow_none=True)
    at = fields.DateTime(allow_none=True)


class VersionOut(Schema):
    """One version of the visit's report (times as ISO 8601 strings), with its review if it had one."""

    version = fields.Integer()
    at = fields.String()
    by = fields.String()
    occurred_at = fields.String()
    place = fields.String(allow_none=True)
    method = fields.String(allow_none=True)
    talking_points = fields.String(allow_none=True)
    customer_feedback = fields.String(allow_none=True)
    next_steps = fields.String(allow_none=True)
    next_visit_at = fields.String(allow_none=True)
    summary = fields.String(allow_none=True)
    review = fields.Dict(allow_none=True)


class SupportIn(Schema):
    """提升拜访等级: `leader_name` with a senior leader, `event_id` with an event invitation."""

    kind = fields.String(required=True, validate=validate.OneOf(SUPPORT_KINDS))
    note = Text(allow_none=True, validate=validate.Length(max=2000))
    leader_name = Text(allow_none=True, validate=validate.Length(max=100))
    event_id = Text(allow_none=True, validate=validate.Length(max=32))


class SupportOut(Schema):
    id = fields.String()
    visit_id = fields.String()
    kind = fields.String()
    note = fields.String(allow_none=True)
    leader_name = fields.String(allow_none=True)
    event_id = fields.String(allow_none=True)
    added_by = fields.String()
    added_at = fields.DateTime()


class VisitOut(Schema):
    id = fields.String()
    customer_id = fields.String()
    customer_name = fields.String(allow_none=True)
    visitor_id = fields.String()
    status = fields.String()
    planned_at = fields.DateTime()
    place = fields.String(allow_none=True)
    method = fields.String()
    objectives = fields.String(allow_none=True)
    preparation = fields.Nested(PreparationOut)
    companions = fields.List(fields.String())
    budget = Money(allow_none=True)
    funded_amount = Money(allow_none=True)
    approver_id = fields.String(allow_none=True)
    rejection_reason = fields.String(allow_none=True)
    check_in = fields.Nested(CheckInOut, allow_none=True)
    record = fields.Nested(RecordOut, allow_none=True)
    callback = fields.Nested(CallbackOut, allow_none=True)
    summary = fields.String(allow_none=True)
    summarized_at = fields.DateTime(allow_none=True)
    review = fields.Nested(ReviewOut, allow_none=True)
    versions = fields.List(fields.Nested(VersionOut))
    support = fields.List(fields.Nested(SupportOut))
    submitted_at = fields.DateTime(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


class AdviceOut(Schema):
    id = fields.String()
    visit_id = fields.String()
    author_id = fields.String()
    advisor = fields.String()
    text = fields.String(allow_none=True)
    created_at = fields.DateTime()


class AdviceList(Schema):
    items = fields.List(fields.Nested(AdviceOut))


class ClaimItemIn(Schema):
    category = fields.String(required=True, validate=validate.OneOf(EXPENSE_CATEGORIES))
    amount = Money(required=True)
    note = Text(allow_none=True, validate=validate.Length(max=500))


class SubjectIn(Schema):
    type = fields.String(required=True, validate=validate.OneOf(SUBJECT_TYPES))
    id = required_text(32)


class ClaimIn(Schema):
    subject = fields.Nested(SubjectIn, required=True)
    items = fields.List(fields.Nested(ClaimItemIn), required=True, validate=validate.Length(min=1, max=100))


class ClaimPatch(Schema):
    """A draft claim's lines, replaced as a whole."""

    items = fields.List(fields.Nested(ClaimItemIn), required=True, validate=validate.Length(min=1, max=100))


class ClaimApprovalIn(Schema):
    override_reason = Text(validate=validate.Length(min=1, max=2000),
                           metadata={"description": "required when the claim exceeds the funded amount"})


class ClaimArgs(ListArgs):
    status = fields.String(validate=validate.OneOf(CLAIM_STATUSES))
    customer_id = fields.String()
    subject_type = fields.String(validate=validate.OneOf(SUBJECT_TYPES))
    subject_id = fields.String()


class ClaimItemOut(Schema):
    category = fields.String()
    amount = Money()
    note = fields.String(allow_none=True)


class ReceiptOut(Schema):
    id = fields.String()
    claim_id = fields.String()
    filename = fields.String(allow_none=True)
    content_type = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    uploaded_by = fields.String()
    created_at = fields.DateTime()


class ClaimOut(Schema):
    id = fields.String()
    claimant_id = fields.String()
    customer_id = fields.String(allow_none=True)
    subject = fields.Nested(SubjectRef)
    status = fields.String()
    items = fields.List(fields.Nested(ClaimItemOut))
    total = Money()
    funded_amount = Money()
    over_funded = fields.Boolean()
    reason = fields.String(allow_none=True)
    override_reason = fields.String(allow_none=True)
    decided_by = fields.String(allow_none=True)
    reimbursed_by = fields.String(allow_none=True)
    receipts = fields.List(fields.Nested(ReceiptOut))
    submitted_at = fields.DateTime(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    reimbursed_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String())


class ReceiptContentOut(ReceiptOut):
    content_b64 = fields.String()


class UploadIn(Schema):
    """A receipt as the gateway forwards it: the file's bytes in base64."""

    filename = fields.String(allow_none=True)
    content_type = fields.String(allow_none=True)
    content_b64 = fields.String(required=True)


class ReceiptUpload(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class LogisticsArgs(Schema):
    days = fields.Integer(load_default=7, validate=validate.Range(min=1, max=MAX_LOGISTICS_DAYS))


class LogisticsItemOut(Schema):
    type = fields.String(metadata={"description": "visit | reception"})
    id = fields.String()
    customer_id = fields.String()
    customer_name = fields.String(allow_none=True)
    at = fields.DateTime()
    place = fields.String(allow_none=True)
    method = fields.String(allow_none=True)
    transport = fields.Dict(allow_none=True)
    company_car = fields.Boolean(allow_none=True)
    gift = fields.String(allow_none=True)
    party_size = fields.Integer(allow_none=True)
    people = fields.List(fields.String())
    lead_id = fields.String(allow_none=True)


class WhereaboutsOut(Schema):
    """Who is where today: a visit checked in today."""

    visit_id = fields.String()
    visitor_id = fields.String()
    visitor_name = fields.String(allow_none=True, metadata={"description": "added by the gateway"})
    customer_id = fields.String()
    customer_name = fields.String(allow_none=True)
    status = fields.String()
    at = fields.DateTime()
    place = fields.String(allow_none=True)
    location = fields.Dict(allow_none=True)


class LogisticsOut(Schema):
    days = fields.Integer()
    items = fields.List(fields.Nested(LogisticsItemOut))
    checked_in = fields.List(fields.Nested(WhereaboutsOut))
    next_cursor = fields.String(allow_none=True)
