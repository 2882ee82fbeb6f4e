"""The customers service's HTTP and RPC payloads."""
from marshmallow import Schema, fields, validate
from webargs.fields import DelimitedList

from kam.schemas import ListArgs, Money
from services.customers.schemas.profile import Consent, KeyDate, Profile, Sensitive, Source
from services.customers.terms import CATEGORIES, IMPORT_STATUSES, KINDS, STAGES


class CustomerIn(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(load_default="person", validate=validate.OneOf(KINDS))
    category = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(CATEGORIES))
    phone = fields.String(allow_none=True, validate=validate.Length(max=40))
    wechat = fields.String(allow_none=True, validate=validate.Length(max=100))
    email = fields.Email(allow_none=True)
    source = fields.Nested(Source)
    key_dates = fields.List(fields.Nested(KeyDate))
    profile = fields.Nested(Profile)
    sensitive = fields.Nested(Sensitive)
    consent = fields.Nested(Consent)
    outreach_opt_out = fields.Boolean()


class CustomerPatch(CustomerIn):
    name = fields.String(validate=validate.Length(min=1, max=200))
    kind = fields.String(validate=validate.OneOf(KINDS))
    category = fields.String(allow_none=True, validate=validate.OneOf(CATEGORIES))


class CustomerOut(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    category = fields.String(allow_none=True)
    stage = fields.String(validate=validate.OneOf(STAGES))
    owner_id = fields.String()
    phone = fields.String(allow_none=True)
    wechat = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    source = fields.Nested(Source)
    key_dates = fields.List(fields.Nested(KeyDate))
    profile = fields.Nested(Profile)
    sensitive = fields.Nested(Sensitive)
    consent = fields.Nested(Consent, allow_none=True)
    outreach_opt_out = fields.Boolean()
    score = fields.Integer(allow_none=True)
    score_reasons = fields.List(fields.String(), allow_none=True)
    revenue = Money()
    erased = fields.Boolean()
    erased_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String(), metadata={"description": "what the caller may do now: `transfer`"})


class CustomerSummaryOut(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    category = fields.String(allow_none=True)
    stage = fields.String()
    owner_id = fields.String()
    phone = fields.String(allow_none=True)
    wechat = fields.String(allow_none=True)
    created_at = fields.DateTime()


class CustomerBrief(Schema):
    """What another service needs of a customer it records work for or invites: never a sensitive field."""

    id = fields.String()
    name = fields.String()
    category = fields.String(allow_none=True)
    owner_id = fields.String()
    phone = fields.String(allow_none=True)
    wechat = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    outreach_opt_out = fields.Boolean()


class CustomerListArgs(ListArgs):
    q = fields.String(load_default=None)
    category = fields.String(load_default=None, validate=validate.OneOf(CATEGORIES))
    stage = fields.String(load_default=None, validate=validate.OneOf(STAGES))
    owner_id = fields.String(load_default=None)
    ids = DelimitedList(fields.String(), validate=validate.Length(max=200),
                        metadata={"description": "only these customers (comma-separated): names for a page of ids"})


class HistoryOut(Schema):
    id = fields.String()
    at = fields.DateTime()
    user_id = fields.String(allow_none=True)
    changes = fields.Dict()


class SourceRef(Schema):
    type = fields.String()
    id = fields.String()


class TimelineOut(Schema):
    at = fields.DateTime()
    kind = fields.String()
    summary = fields.String()
    source = fields.Nested(SourceRef)


class AccessLogOut(Schema):
    at = fields.DateTime()
    user_id = fields.String(allow_none=True)
    fields_ = fields.List(fields.String(), data_key="fields", attribute="fields")
    purpose = fields.String(allow_none=True)


class ImportReportRow(Schema):
    row = fields.Integer()
    status = fields.String()
    customer_id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    errors = fields.Dict()


class ImportReport(Schema):
    total = fields.Integer()
    imported = fields.Integer()
    rejected = fields.Integer()
    rows = fields.List(fields.Nested(ImportReportRow))


class ImportJobOut(Schema):
    """A file importing in the background: how far it is, and (once there are any) its rejected rows."""

    id = fields.String()
    filename = fields.String()
    status = fields.String(metadata={"enum": list(IMPORT_STATUSES)})
    total = fields.Integer(allow_none=True, metadata={"description": "non-empty rows in the file, once read"})
    done = fields.Integer()
    imported = fields.Integer()
    rejected = fields.Integer()
    error = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)
    rejected_rows = fields.List(fields.Nested(ImportReportRow), metadata={"description": "the first 1,000"})


class ImportJobList(Schema):
    items = fields.List(fields.Nested(ImportJobOut(exclude=("rejected_rows",))))


class ImportFile(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class SpreadsheetArgs(Schema):
    format = fields.String(load_default="xlsx", validate=validate.OneOf(("xlsx", "csv")))


class ExportedFile(Schema):
    filename = fields.String()
    content_type = fields.String()
    content_base64 = fields.String()



def _reason():
    return fields.String(required=True, validate=validate.Length(min=1, max=500))


class TransferIn(Schema):
    """客户移交: to another active developer, with the reason the timeline shows."""

    to_owner_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    reason = _reason()


class TransfersIn(TransferIn):
    """Every customer of one developer (someone leaving) to another."""

    from_owner_id = fields.String(required=True, validate=validate.Length(min=1, max=64))


class TransfersOut(Schema):
    from_owner_id = fields.String()
    to_owner_id = fields.String()
    transferred = fields.Integer(metadata={"description": "how many customers moved"})
    customer_ids = fields.List(fields.String())
