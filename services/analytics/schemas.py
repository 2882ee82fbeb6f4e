"""What analytics reads of other services' events, and what it answers over HTTP."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from kam.events import AnyEvent, ConsumedContract
from kam.schemas import Money
from services.analytics.terms import STAGES


def _consumed(event_type, **declared):
    return type(event_type.replace(".", "_").title().replace("_", ""), (ConsumedContract,),
                {"event_type": event_type, "version": 1, **declared})


def _id():
    return fields.String(required=True)


def _optional_id():
    return fields.String(allow_none=True, load_default=None)


def _customer_attributes():
    return {"customer_id": _id(), "owner_id": _id(),
            "category": fields.String(allow_none=True, load_default=None),
            "source_channel": fields.String(allow_none=True, load_default=None)}


CustomerCreated = _consumed("customer.created", stage=fields.String(required=True), **_customer_attributes())
CustomerUpdated = _consumed("customer.updated", **_customer_attributes())
CustomerClassified = _consumed("customer.classified", customer_id=_id(), category=fields.String(required=True))
CustomerStageChanged = _consumed("customer.stage_changed", customer_id=_id(), owner_id=_id(),
                                 stage=fields.String(required=True),
                                 previous_stage=fields.String(allow_none=True, load_default=None))
CustomerErased = _consumed("customer.erased", customer_id=_id())
ContactLogged = _consumed("contact.logged", contact_id=_id(), customer_id=_id(), developer_id=_id(),
                          occurred_at=fields.DateTime(allow_none=True, load_default=None))
AssessmentRecorded = _consumed("assessment.recorded", customer_id=_id(),
                               worth_developing=fields.Boolean(allow_none=True, load_default=None),
                               expected_revenue=Money(required=True), expected_profit=fields.Decimal(required=True),
                               total_cost=Money(required=True))
VisitCompleted = _consumed("visit.completed", visit_id=_id(), customer_id=_id(), visitor_id=_id(),
                           occurred_at=fields.DateTime(allow_none=True, load_default=None))
TaskCompleted = _consumed("task.completed", task_id=_id(), kind=fields.String(required=True),
                          customer_id=_optional_id(), assignee_id=_optional_id(), completed_by=_optional_id(),
                          completed_at=fields.DateTime(allow_none=True, load_default=None),
                          on_time=fields.Boolean(load_default=False))
ReceptionReported = _consumed("reception.reported", reception_id=_id(), customer_id=_id(), host_id=_id(),
                              reported_at=fields.DateTime(allow_none=True, load_default=None))
DealClosed = _consumed("deal.closed", deal_id=_id(), customer_id=_id(), seller_id=_id(), total=Money(required=True),
                       closed_at=fields.DateTime(allow_none=True, load_default=None))
ExpenseClaimReimbursed = _consumed("expense_claim.reimbursed", claim_id=_id(), claimant_id=_id(),
                                   customer_id=_optional_id(), total=Money(required=True))

# Read by the one handler that logs every event and projects it: one queue, so one order.
CONSUMED = (AnyEvent,)
PROJECTED = {contract.event_type: contract for contract in (
    CustomerCreated, CustomerUpdated, CustomerClassified, CustomerStageChanged, CustomerErased, ContactLogged,
    AssessmentRecorded, VisitCompleted, TaskCompleted, ReceptionReported, DealClosed, ExpenseClaimReimbursed)}


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


class Report(Period):
    generated_at = fields.DateTime()
    summary = fields.Nested(Summary)
    funnel = fields.List(fields.Nested(FunnelStage))
    developers = fields.List(fields.Nested(DeveloperFigures))
    sources = fields.List(fields.Nested(GroupFigures))
    categories = fields.List(fields.Nested(GroupFigures))
