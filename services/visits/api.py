"""HTTP routes of the visits service (visits, the coordinator's list, expense claims and receipts);
mounted by the gateway, they parse, call RPC and dump."""
import base64

from flask import Response

from kam.schemas import page_of
from kam.web import Blueprint, display_names, file_responses, rpc
from services.visits.hospitality_schemas import (
    OverrideArgs,
    OverrideOut,
    PolicyIn,
    PolicyOut,
    VisitApprovalIn,
)
from services.visits.schemas import (
    MAX_RECEIPT_BYTES,
    AdviceIn,
    AdviceList,
    AdviceOut,
    CheckInIn,
    ClaimApprovalIn,
    ClaimArgs,
    ClaimIn,
    ClaimOut,
    ClaimPatch,
    LogisticsArgs,
    LogisticsOut,
    ReasonIn,
    ReceiptOut,
    ReceiptUpload,
    RecordIn,
    ReviewIn,
    RevisionIn,
    SummaryIn,
    SupportIn,
    SupportOut,
    VisitArgs,
    VisitIn,
    VisitOut,
    VisitPatch,
)

blp = Blueprint("visits", __name__, url_prefix="/api", description="拜访计划、审批、拜访记录、总结与费用报销",
                replies_dumped=True)


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


@blp.route("/visits/<visit_id>/withdraw", methods=["POST"])
@blp.response(200, VisitOut)
def withdraw_visit(visit_id):
    """Its visitor withdraws a draft (`withdrawn`, kept on file); once submitted: 409 `not_a_draft`."""
    return visits().withdraw_visit(visit_id)


@blp.route("/visits/<visit_id>/redraft", methods=["POST"])
@blp.response(200, VisitOut)
def redraft_visit(visit_id):
    """Its visitor takes a rejected plan back as a draft, to revise (PATCH) and submit again."""
    return visits().redraft_visit(visit_id)


@blp.route("/visits/<visit_id>/approve", methods=["POST"])
@blp.arguments(VisitApprovalIn)
@blp.response(200, VisitOut)
def approve_visit(data, visit_id):
    """A gift (at its catalog list price) above the hospitality cap of the customer's category needs
    `override_reason`, else 409 `over_hospitality_cap`; the override is logged."""
    return visits().approve_visit(visit_id, data["funded_amount"], data.get("override_reason"))


@blp.route("/visits/<visit_id>/reject", methods=["POST"])
@blp.arguments(ReasonIn)
@blp.response(200, VisitOut)
def reject_visit(data, visit_id):
    return visits().reject_visit(visit_id, data["reason"])


@blp.route("/visits/<visit_id>/check-in", methods=["POST"])
@blp.arguments(CheckInIn)
@blp.response(200, VisitOut)
def check_in_visit(data, visit_id):
    """签到, by the visitor on arrival at an approved visit, once. The record form then takes `occurred_at`
    from it when not given.

    Example: `{"at": "2026-03-02T10:05:00+08:00", "place": "客户办公室", "location": {"lat": 31.2304, "lng": 121.4737}}`
    (`location` null when the browser gave none)
    """
    return visits().check_in_visit(visit_id, data)


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


@blp.route("/visits/<visit_id>/review", methods=["POST"])
@blp.arguments(ReviewIn)
@blp.response(200, VisitOut)
def review_visit(data, visit_id):
    """报告检查, by a manager, on a completed or summarized visit: `{"decision": "accepted"}` or
    `{"decision": "returned", "comment": "请补充客户对报价的反馈"}`. Its expense claims are approved only once
    accepted (409 `review_required`)."""
    return visits().review_visit(visit_id, data)


@blp.route("/visits/<visit_id>/revise", methods=["POST"])
@blp.arguments(RevisionIn)
@blp.response(200, VisitOut)
def revise_visit(changes, visit_id):
    """Its visitor revises a returned record or summary (only the fields sent change; when it happened
    stays); it waits for review again and the earlier version stays in `versions`.

    Example: `{"customer_feedback": "客户希望下次带铂金款", "summary": "客户有意向，约定两周后再访"}`
    """
    return visits().revise_visit(visit_id, changes)


@blp.route("/visits/<visit_id>/support", methods=["POST"])
@blp.arguments(SupportIn)
@blp.response(201, SupportOut)
def add_support(data, visit_id):
    """Raise the visit's level (提升拜访等级), by the event planner or a manager, before the visit is made:
    a senior leader joins (`leader_name`), or the customer is invited to the company or to an approved
    event still to come (`event_id`; else 409 `event_not_open`). After the visit: 409 `invalid_transition`.

    Example: `{"kind": "senior_leader", "leader_name": "周总", "note": "周总陪同，带去新品图册"}`
    """
    return visits().add_support(visit_id, data)


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
    """The coordinator's list: approved visits and receptions of the coming days, soonest first, and who
    is where today (`checked_in`: the visits checked in today, with the visitor's name)."""
    view = visits().list_logistics(args["days"])
    names = display_names()
    for item in view["items"]:
        item["people"] = [names.get(person, person) for person in item["people"]]
    for item in view["checked_in"]:
        item["visitor_name"] = names.get(item["visitor_id"], item["visitor_id"])
    return view


@blp.route("/expense-claims", methods=["POST"])
@blp.arguments(ClaimIn)
@blp.response(201, ClaimOut)
def open_claim(data):
    """Claim expenses of your development plan, visit or reception.

    Example: `{"subject": {"type": "visit", "id": "…"}, "items": [{"category": "travel", "amount": "120.00",
    "note": "往返出租车"}, {"category": "gift", "amount": "380.00", "note": "珍珠胸针礼盒"}]}`
    """
    return visits().open_claim(data)


@blp.route("/expense-claims", methods=["GET"])
@blp.arguments(ClaimArgs, location="query")
@blp.response(200, page_of(ClaimOut))
def list_claims(args):
    return visits().list_claims(args)


@blp.route("/expense-claims/<claim_id>", methods=["GET"])
@blp.response(200, ClaimOut)
def get_claim(claim_id):
    return visits().get_claim(claim_id)


@blp.route("/expense-claims/<claim_id>", methods=["PATCH"])
@blp.arguments(ClaimPatch)
@blp.response(200, ClaimOut)
def edit_claim(changes, claim_id):
    """Its claimant replaces a draft's lines; the total is their sum. Once submitted: 409 `not_a_draft`.

    Example: `{"items": [{"category": "meal", "amount": "320.00", "note": "午餐"}, {"category": "travel", "amount": "86.00"}]}`
    """
    return visits().edit_claim(claim_id, changes)


@blp.route("/expense-claims/<claim_id>/withdraw", methods=["POST"])
@blp.response(200, ClaimOut)
def withdraw_claim(claim_id):
    """Its claimant withdraws a draft (`withdrawn`); once submitted: 409 `not_a_draft`."""
    return visits().withdraw_claim(claim_id)


@blp.route("/expense-claims/<claim_id>/redraft", methods=["POST"])
@blp.response(200, ClaimOut)
def redraft_claim(claim_id):
    """Its claimant takes a rejected claim back as a draft, to change its lines or receipts and submit again."""
    return visits().redraft_claim(claim_id)


@blp.route("/expense-claims/<claim_id>/submit", methods=["POST"])
@blp.response(200, ClaimOut)
def submit_claim(claim_id):
    """409 `summary_required` for a visit without its summary, `report_required` for a reception without its report."""
    return visits().submit_claim(claim_id)


@blp.route("/expense-claims/<claim_id>/approve", methods=["POST"])
@blp.arguments(ClaimApprovalIn)
@blp.response(200, ClaimOut)
def approve_claim(data, claim_id):
    """A claim above the funded amount needs `{"override_reason": "…"}`, else 409 `over_funded_amount`.
    Within the funded amount no body is needed."""
    return visits().approve_claim(claim_id, data.get("override_reason"))


@blp.route("/expense-claims/<claim_id>/reject", methods=["POST"])
@blp.arguments(ReasonIn)
@blp.response(200, ClaimOut)
def reject_claim(data, claim_id):
    return visits().reject_claim(claim_id, data["reason"])


@blp.route("/expense-claims/<claim_id>/reimburse", methods=["POST"])
@blp.response(200, ClaimOut)
def reimburse_claim(claim_id):
    """Once only: a repeat is 409 `invalid_transition` and changes nothing."""
    return visits().reimburse_claim(claim_id)


@blp.route("/expense-claims/<claim_id>/receipts", methods=["POST"])
@blp.arguments(ReceiptUpload, location="files")
@blp.response(201, ReceiptOut)
def attach_receipt(files, claim_id):
    """A JPEG, PNG or PDF of at most 10 MB, as multipart field `file`."""
    upload = files["file"]
    content = upload.stream.read(MAX_RECEIPT_BYTES + 1)  # one byte over is enough for the service to refuse it
    return visits().attach_receipt(claim_id, {"filename": upload.filename, "content_type": upload.mimetype,
                                              "content_b64": base64.b64encode(content).decode()})


@blp.route("/expense-claims/<claim_id>/receipts/<receipt_id>", methods=["GET"])
@blp.doc(responses=file_responses("application/pdf", "image/jpeg", "image/png"))
def read_receipt(claim_id, receipt_id):
    receipt = visits().read_receipt(claim_id, receipt_id)
    return Response(base64.b64decode(receipt["content_b64"]), mimetype=receipt["content_type"],
                    headers={"Content-Disposition": f'attachment; filename="receipt-{receipt["id"]}"',
                             "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"})


@blp.route("/policies/hospitality", methods=["GET"])
@blp.response(200, PolicyOut)
def get_hospitality_policy():
    """The hospitality caps (规格根据公司规定) per customer category; null: no cap. Everyone signed in reads them."""
    return visits().get_hospitality_policy()


@blp.route("/policies/hospitality", methods=["PUT"])
@blp.arguments(PolicyIn)
@blp.response(200, PolicyOut)
def set_hospitality_policy(policy):
    """Managers set the caps; the policy sent replaces the one kept.

    Example: `{"caps": {"important": {"gift_value": "200.00", "meal_per_head": "150.00"}}}`
    """
    return visits().set_hospitality_policy(policy)


@blp.route("/policies/hospitality/overrides", methods=["GET"])
@blp.arguments(OverrideArgs, location="query")
@blp.response(200, page_of(OverrideOut))
def list_hospitality_overrides(args):
    """Every approval above a cap, with the manager's reason, newest first (managers)."""
    return visits().list_hospitality_overrides(args)
