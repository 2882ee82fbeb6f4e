"""HTTP routes of the visits service; mounted by the gateway, they parse, call RPC and dump."""
from kam.schemas import page_of
from kam.web import display_names, rpc
from services.visits import api_claims  # noqa: F401 - registers the expense-claim routes on the blueprint
from services.visits.blueprint import blp
from services.visits.schemas import (
    AdviceIn,
    AdviceList,
    AdviceOut,
    FundingIn,
    LogisticsArgs,
    LogisticsOut,
    ReasonIn,
    RecordIn,
    SummaryIn,
    VisitArgs,
    VisitIn,
    VisitOut,
    VisitPatch,
)

__all__ = ["blp"]


def visits():
    return rpc("visits")


@blp.route("/visits", methods=["POST"])
@blp.arguments(VisitIn)
@blp.response(201, VisitOut)
def plan_visit(data):
    """Plan a visit to a customer of yours; it starts as a draft.

    Example: `{"customer_id": "…", "planned_at": "2026-03-02T10:00:00+08:00", "place": "客户办公室",
    "method": "in_person", "objectives": "介绍结婚周年克拉钻",
    "preparation": {"products": ["1克拉结婚周年钻戒"], "offers": [{"product": "1克拉结婚周年钻戒", "discount": "0.08"}],
    "transport": {"company_car": true}}, "companions": ["王芳"], "budget": "800.00"}`
    """
    return visits().plan_visit(data)


@blp.route("/visits", methods=["GET"])
@blp.arguments(VisitArgs, location="query")
@blp.response(200, page_of(VisitOut))
def list_visits(args):
    return visits().list_visits(args)


@blp.route("/visits/<visit_id>", methods=["GET"])
@blp.response(200, VisitOut)
def get_visit(visit_id):
    return visits().get_visit(visit_id)


@blp.route("/visits/<visit_id>", methods=["PATCH"])
@blp.arguments(VisitPatch(partial=True))
@blp.response(200, VisitOut)
def edit_visit(changes, visit_id):
    """Change a draft plan (only a draft)."""
    return visits().edit_visit(visit_id, changes)


@blp.route("/visits/<visit_id>/submit", methods=["POST"])
@blp.response(200, VisitOut)
def submit_visit(visit_id):
    """Submit for approval; offers beyond the developer's discount authority are 409 `discount_exceeds_authority`."""
    return visits().submit_visit(visit_id)


@blp.route("/visits/<visit_id>/approve", methods=["POST"])
@blp.arguments(FundingIn)
@blp.response(200, VisitOut)
def approve_visit(data, visit_id):
    return visits().approve_visit(visit_id, data["funded_amount"])


@blp.route("/visits/<visit_id>/reject", methods=["POST"])
@blp.arguments(ReasonIn)
@blp.response(200, VisitOut)
def reject_visit(data, visit_id):
    return visits().reject_visit(visit_id, data["reason"])


@blp.route("/visits/<visit_id>/record", methods=["POST"])
@blp.arguments(RecordIn)
@blp.response(200, VisitOut)
def record_visit(form, visit_id):
    """The visit record form (客户拜访记录表), by the visitor, on an approved visit only."""
    return visits().record_visit(visit_id, form)


@blp.route("/visits/<visit_id>/summary", methods=["POST"])
@blp.arguments(SummaryIn)
@blp.response(200, VisitOut)
def summarize_visit(data, visit_id):
    return visits().summarize_visit(visit_id, data["text"])


@blp.route("/visits/<visit_id>/advice", methods=["POST"])
@blp.arguments(AdviceIn)
@blp.response(201, AdviceOut)
def add_advice(data, visit_id):
    """The pre-visit discussion (拜访前讨论): advice on how to approach this customer."""
    return visits().add_advice(visit_id, data)


@blp.route("/visits/<visit_id>/advice", methods=["GET"])
@blp.response(200, AdviceList)
def list_advice(visit_id):
    return visits().list_advice(visit_id)


@blp.route("/logistics", methods=["GET"])
@blp.arguments(LogisticsArgs, location="query")
@blp.response(200, LogisticsOut)
def list_logistics(args):
    """The coordinator's list: approved visits and receptions of the coming days, soonest first."""
    view = visits().list_logistics(args["days"])
    names = display_names()
    for item in view["items"]:
        item["people"] = [names.get(person, person) for person in item["people"]]
    return view
