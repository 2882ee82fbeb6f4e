"""What analytics answers over HTTP; what it reads of events and its RPC methods are in contracts.py."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from kam.schemas import Money
from services.analytics.terms import STAGES


class PeriodArgs(Schema):
    start = fields.Date(data_key="from", attribute="from", load_default=None)
    end = fields.Date(data_key="to", attribute="to", load_default=None)

    @validates_schema
    def _ordered(self, data, **kwargs):
        if data["from"] and data["to"] and data["from"] > data["to"]:
            raise ValidationError("must not be before from", "to")


class ReportArgs(PeriodArgs):
    format = fields.String(load_default="json", validate=validate.OneOf(("json", "xlsx")))


def _ratio():
    return fields.Decimal(as_string=True, places=2, allow_none=True)


class Overview(Schema):
    customers = fields.Integer()
    events = fields.Integer()
    contacts = fields.Integer()
    visits = fields.Integer()
    receptions = fields.Integer()
    deals = fields.Integer()
    revenue = Money()
    expenses = Money()
    return_on_spend = _ratio()
    stages = fields.Dict(keys=fields.String(), values=fields.Integer())


class FunnelStage(Schema):
    stage = fields.String(validate=validate.OneOf(STAGES))
    label = fields.String()
    customers = fields.Integer()
    conversion = fields.Float(allow_none=True)
    median_days_from_previous = fields.Float(allow_none=True)


class Period(Schema):
    """A figure's period, echoed as `from` and `to`."""

    start = fields.String(data_key="from", attribute="from", allow_none=True)
    end = fields.String(data_key="to", attribute="to", allow_none=True)


class Funnel(Period):
    stages = fields.List(fields.Nested(FunnelStage))


class Summary(Schema):
    customers = fields.Integer()
    contacts = fields.Integer()
    visits = fields.Integer()
    callbacks = fields.Integer()
    callbacks_on_time = fields.Integer()
    receptions = fields.Integer()
    deals = fields.Integer()
    revenue = Money()
    expenses = Money()
    return_on_spend = _ratio()


class DeveloperFigures(Summary):
    developer_id = fields.String()
    display_name = fields.String(allow_none=True)
    events_attended = fields.Integer()


class DeveloperList(Period):
    items = fields.List(fields.Nested(DeveloperFigures))


class ForecastOut(Schema):
    assessed_at = fields.DateTime()
    expected_revenue = Money()
    expected_profit = fields.Decimal(as_string=True, places=2)
    total_cost = Money()
    worth_developing = fields.Boolean(allow_none=True)
    revenue_attained = _ratio()
    revenue_difference = fields.Decimal(as_string=True, places=2)


class CustomerFigures(Schema):
    customer_id = fields.String()
    owner_id = fields.String(allow_none=True)
    category = fields.String(allow_none=True)
    source_channel = fields.String(allow_none=True)
    stage = fields.String(allow_none=True)
    contacts = fields.Integer()
    last_contact_at = fields.DateTime(allow_none=True)
    visits = fields.Integer()
    last_visit_at = fields.DateTime(allow_none=True)
    receptions = fields.Integer()
    deals = fields.Integer()
    revenue = Money()
    expenses_reimbursed = Money()
    return_on_spend = _ratio()
    forecast = fields.Nested(ForecastOut, allow_none=True)


class GroupFigures(Schema):
    key = fields.String(allow_none=True)
    label = fields.String()
    customers = fields.Integer()
    won_customers = fields.Integer()
    conversion_to_won = fields.Float(allow_none=True)
    deals = fields.Integer()
    revenue = Money()
    expenses = Money()
    return_on_spend = _ratio()


class GroupList(Period):
    items = fields.List(fields.Nested(GroupFigures))


class EventFigures(Schema):
    """GET /api/analytics/events/{id}: its guests, its cost (reimbursed claims) and the deals that followed."""

    event_id = fields.String()
    invited = fields.Integer()
    accepted = fields.Integer()
    attended = fields.Integer()
    cost = Money()
    deals_after = fields.Integer()
    revenue_after = Money()


class EventFiguresItem(EventFigures):
    title = fields.String()
    kind = fields.String()
    status = fields.String(allow_none=True)
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    return_on_spend = _ratio()


class EventList(Period):
    items = fields.List(fields.Nested(EventFiguresItem))


class Report(Period):
    generated_at = fields.DateTime()
    summary = fields.Nested(Summary)
    funnel = fields.List(fields.Nested(FunnelStage))
    developers = fields.List(fields.Nested(DeveloperFigures))
    sources = fields.List(fields.Nested(GroupFigures))
    categories = fields.List(fields.Nested(GroupFigures))


class Workbook(Schema):
    """The report as an XLSX file: its name and its bytes in base64."""

    filename = fields.String()
    content = fields.String()
