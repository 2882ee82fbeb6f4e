"""Payloads of the development work: network, first contact, assessments and development plans."""
from marshmallow import Schema, fields, validate

from kam.schemas import Money
from services.customers.terms import (
    CONTACT_CHANNELS,
    DEVELOPMENT_METHODS,
    LANGUAGES,
    LINK_KINDS,
    PLAN_STATUSES,
    STEP_LINK_KINDS,
    STEP_STATUSES,
)


class LinkIn(Schema):
    to_customer_id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(LINK_KINDS))
    note = fields.String(allow_none=True)


class LinkOut(Schema):
    id = fields.String()
    from_id = fields.String()
    to_id = fields.String()
    kind = fields.String()
    note = fields.String(allow_none=True)
    created_at = fields.DateTime()


class NetworkArgs(Schema):
    depth = fields.Integer(load_default=1, validate=validate.Range(min=1, max=4))


class NetworkNode(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    category = fields.String(allow_none=True)
    stage = fields.String()
    distance = fields.Integer()


class NetworkEdge(Schema):
    from_id = fields.String(data_key="from")
    to_id = fields.String(data_key="to")
    kind = fields.String()


class Credit(Schema):
    referred_customers = fields.Integer()
    revenue = Money()


class NetworkOut(Schema):
    customer_id = fields.String()
    depth = fields.Integer()
    nodes = fields.List(fields.Nested(NetworkNode))
    edges = fields.List(fields.Nested(NetworkEdge))
    credit = fields.Nested(Credit)


class ContactIn(Schema):
    channel = fields.String(required=True, validate=validate.OneOf(CONTACT_CHANNELS))
    topic = fields.String(allow_none=True)
    content = fields.String(allow_none=True)
    outcome = fields.String(allow_none=True)
    occurred_at = fields.AwareDateTime(allow_none=True)


class ContactOut(Schema):
    id = fields.String()
    customer_id = fields.String()
    developer_id = fields.String()
    channel = fields.String()
    topic = fields.String(allow_none=True)
    content = fields.String(allow_none=True)
    outcome = fields.String(allow_none=True)
    occurred_at = fields.DateTime()


class TemplateArgs(Schema):
    channel = fields.String(load_default=None, validate=validate.OneOf(CONTACT_CHANNELS))
    language = fields.String(load_default="zh-CN", validate=validate.OneOf(LANGUAGES))
    phone = fields.String(load_default=None)
    wechat = fields.String(load_default=None)
    email = fields.String(load_default=None)


class TemplateOut(Schema):
    channel = fields.String()
    language = fields.String()
    text = fields.String()
    guidance = fields.String()


class TemplateList(Schema):
    items = fields.List(fields.Nested(TemplateOut))


class Costs(Schema):
    staff = Money(load_default=0)
    travel = Money(load_default=0)
    pr = Money(load_default=0)
    management = Money(load_default=0)


class AssessmentIn(Schema):
    expected_revenue = Money(required=True)
    expected_profit = Money(required=True)
    costs = fields.Nested(Costs, required=True)
    risk_factor = fields.Decimal(required=True, as_string=True, validate=validate.Range(min=0, max=1))


class AssessmentOut(Schema):
    id = fields.String()
    customer_id = fields.String()
    developer_id = fields.String()
    expected_revenue = Money()
    expected_profit = Money()
    costs = fields.Nested(Costs)
    total_cost = Money()
    risk_factor = fields.Decimal(as_string=True)
    risk_adjusted_profit = Money()
    net_value = fields.Decimal(as_string=True, places=2)
    worth_developing = fields.Boolean()
    created_at = fields.DateTime()


class PlanIn(Schema):
    customer_id = fields.String(required=True)
    methods = fields.List(fields.String(validate=validate.OneOf(DEVELOPMENT_METHODS)), required=True,
                          validate=validate.Length(min=1))
    plan = fields.String(required=True, validate=validate.Length(min=1))
    budget = Money(required=True)
    event_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(min=1, max=32),
                             metadata={"description": "the event the plan invites the customer to; only with an "
                                                      "event method (launch_invitation, promotion, club_event, "
                                                      "training)"})


class NextStep(Schema):
    id = fields.String()
    method = fields.String()
    due_on = fields.Date()


class Progress(Schema):
    total = fields.Integer()
    done = fields.Integer()
    overdue = fields.Integer(metadata={"description": "open steps whose due date has passed"})
    next_step = fields.Nested(NextStep, allow_none=True, metadata={"description": "the open step due first"})


class PlanPatch(Schema):
    """A draft plan's changes (only the fields sent)."""

    methods = fields.List(fields.String(validate=validate.OneOf(DEVELOPMENT_METHODS)),
                          validate=validate.Length(min=1))
    plan = fields.String(validate=validate.Length(min=1))
    budget = Money()
    event_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=32))


class PlanOut(Schema):
    id = fields.String()
    customer_id = fields.String()
    developer_id = fields.String()
    methods = fields.List(fields.String())
    plan = fields.String(allow_none=True)
    budget = Money()
    event_id = fields.String(allow_none=True)
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES))
    reason = fields.String(allow_none=True)
    decided_by = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    actions = fields.List(fields.String(), metadata={"description": "what the caller may do on it now"})
    progress = fields.Nested(Progress, metadata={"description": "its steps (实施开发计划): done of total, overdue, next"})
    may_add_steps = fields.Boolean(metadata={"description": "the caller may add steps to it now (approved; its "
                                                            "developer or a manager)"})


class PlanListArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String(load_default=None)
    customer_id = fields.String(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(PLAN_STATUSES))


class RejectIn(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1))


class StepIn(Schema):
    method = fields.String(required=True, validate=validate.OneOf(DEVELOPMENT_METHODS))
    due_on = fields.Date(required=True, metadata={"description": "today or later (the department's day)"})
    note = fields.String(allow_none=True, validate=validate.Length(max=2000))


class StepLinkIn(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(STEP_LINK_KINDS))
    id = fields.String(required=True, validate=validate.Length(min=1, max=64))


class StepDoneIn(Schema):
    done_by = fields.Nested(StepLinkIn, required=True,
                            metadata={"description": "the customer's visit, contact or event that did the step"})


class StepOut(Schema):
    id = fields.String()
    plan_id = fields.String()
    customer_id = fields.String()
    developer_id = fields.String()
    method = fields.String()
    due_on = fields.Date()
    note = fields.String(allow_none=True)
    status = fields.String(validate=validate.OneOf(STEP_STATUSES))
    overdue = fields.Boolean()
    done_by = fields.Nested(StepLinkIn, allow_none=True)
    done_at = fields.DateTime(allow_none=True)
    completed_by = fields.String(allow_none=True, metadata={"description": "who marked it; null when the work did"})
    created_by = fields.String()
    created_at = fields.DateTime()
    actions = fields.List(fields.String(), metadata={"description": "`complete` for its developer or a manager"})
