"""HTTP routes of the reception service; mounted by the gateway, they parse, call RPC and dump."""
import base64

from flask import Response, request

from kam.images import MAX_IMAGE_BYTES
from kam.web import Blueprint, file_responses, rpc
from services.reception.schemas import (
    STEP_BODIES,
    ApproveIn,
    DealFilter,
    DealIn,
    DealOut,
    DealPage,
    ImageForm,
    ImageOut,
    ReceptionChange,
    ReceptionFilter,
    ReceptionIn,
    ReceptionOut,
    ReceptionPage,
    RejectIn,
    ReportIn,
    ReportRevision,
    ResolveIn,
    ReturnVisitFilter,
    ReturnVisitIn,
    ReturnVisitOut,
    ReturnVisitPage,
    ReviewIn,
    TicketFilter,
    TicketIn,
    TicketOut,
    TicketPage,
)

blp = Blueprint("reception", __name__, url_prefix="/api", replies_dumped=True,
                description="客户接待、成交与配送、售后服务 Reception and after-sales")


def service():
    return rpc("reception")


# Receptions (客户接待)
@blp.route("/receptions", methods=["POST"])
@blp.arguments(ReceptionIn)
@blp.response(201, ReceptionOut)
def create_reception(data):
    """Book a reception and plan it; the caller hosts it. Starts as `draft`.

    Example: `{"customer_id": "…", "scheduled_at": "2026-05-20T06:00:00+00:00", "party_size": 3,
    "needs": "结婚十周年，想看1克拉以上钻戒", "location": "总部", "hosts": ["张敏", "李华"],
    "arrangements": {"business_lounge": "3号商务室", "refreshments": ["茶水", "甜点"],
    "meal_out": {"venue": "香格里拉夏宫", "accompanying_leader": "刘总", "standard": "公司标准"}}}`
    """
    return service().create_reception(data)


@blp.route("/receptions", methods=["GET"])
@blp.arguments(ReceptionFilter, location="query")
@blp.response(200, ReceptionPage)
def list_receptions(args):
    return service().list_receptions(args)


@blp.route("/receptions/<reception_id>", methods=["GET"])
@blp.response(200, ReceptionOut)
def get_reception(reception_id):
    return service().get_reception(reception_id)


@blp.route("/receptions/<reception_id>", methods=["PATCH"])
@blp.arguments(ReceptionChange)
@blp.response(200, ReceptionOut)
def revise_reception(changes, reception_id):
    """Revise a draft's plan (date, party, needs, hosts, arrangements); once submitted it is fixed (409)."""
    return service().revise_reception(reception_id, changes)


@blp.route("/receptions/<reception_id>/submit", methods=["POST"])
@blp.response(200, ReceptionOut)
def submit_reception(reception_id):
    return service().submit_reception(reception_id)


@blp.route("/receptions/<reception_id>/withdraw", methods=["POST"])
@blp.response(200, ReceptionOut)
def withdraw_reception(reception_id):
    """Its host withdraws a draft (`withdrawn`, kept on file); once submitted: 409 `not_a_draft`."""
    return service().withdraw_reception(reception_id)


@blp.route("/receptions/<reception_id>/redraft", methods=["POST"])
@blp.response(200, ReceptionOut)
def redraft_reception(reception_id):
    """Its host takes a rejected reception back as a draft, to revise (PATCH) and submit again."""
    return service().redraft_reception(reception_id)


@blp.route("/receptions/<reception_id>/approve", methods=["POST"])
@blp.arguments(ApproveIn)
@blp.response(200, ReceptionOut)
def approve_reception(data, reception_id):
    """Managers approve; `funded_amount` is optional (the body may be left out)."""
    return service().approve_reception(reception_id, data)


@blp.route("/receptions/<reception_id>/reject", methods=["POST"])
@blp.arguments(RejectIn)
@blp.response(200, ReceptionOut)
def reject_reception(data, reception_id):
    return service().reject_reception(reception_id, data)


@blp.route("/receptions/<reception_id>/report", methods=["POST"])
@blp.arguments(ReportIn)
@blp.response(200, ReceptionOut)
def report_reception(data, reception_id):
    """The reception report, only after approval.

    Example: `{"experience": "客户对商务室环境满意，品鉴前沟通充分", "products_viewed": [{"sku": "D-1.20-GIA",
    "description": "1.20克拉钻石戒指 GIA证书", "interest": "high"}], "outcome": "deal", "notes": "夫人偏好铂金戒托"}`
    """
    return service().report_reception(reception_id, data)


@blp.route("/receptions/<reception_id>/review", methods=["POST"])
@blp.arguments(ReviewIn)
@blp.response(200, ReceptionOut)
def review_reception(data, reception_id):
    """接待报告的审查, by a manager other than its host, on a reported reception:
    `{"decision": "accepted"}` or `{"decision": "returned", "comment": "请补充客户对戒托的意见"}`.
    Its expense claims are approved only once accepted (409 `review_required`)."""
    return service().review_reception(reception_id, data)


@blp.route("/receptions/<reception_id>/revise", methods=["POST"])
@blp.arguments(ReportRevision)
@blp.response(200, ReceptionOut)
def revise_report(changes, reception_id):
    """Its host revises a returned report (only the fields sent change); it waits for review again and
    the earlier version stays in `versions`."""
    return service().revise_report(reception_id, changes)


# Deals (成交与配送)
@blp.route("/deals", methods=["POST"])
@blp.arguments(DealIn)
@blp.response(201, DealOut)
def create_deal(data):
    """Record a closed deal; the server computes subtotal, discount (an amount in CNY) and total.

    Example: `{"customer_id": "…", "origin": {"type": "reception", "id": "…"}, "items": [{"sku": "D-1.20-GIA",
    "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1, "unit_price": "68800.00"}], "discount": "3800.00",
    "delivery": {"method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": "2026-05-28"}}`
    """
    return service().create_deal(data)


@blp.route("/deals", methods=["GET"])
@blp.arguments(DealFilter, location="query")
@blp.response(200, DealPage)
def list_deals(args):
    return service().list_deals(args)


@blp.route("/deals/<deal_id>", methods=["GET"])
@blp.response(200, DealOut)
def get_deal(deal_id):
    return service().get_deal(deal_id)


@blp.route("/deals/<deal_id>/deliver", methods=["POST"])
@blp.response(200, DealOut)
def deliver_deal(deal_id):
    return service().deliver_deal(deal_id)


# After-sales service tickets (售后服务)
@blp.route("/service-tickets", methods=["POST"])
@blp.arguments(TicketIn)
@blp.response(201, TicketOut)
def create_ticket(data):
    """Open a ticket. A repair needs `intake_notes` and `piece`; a resale needs `resale_mode` and `valuation`.

    Example: `{"customer_id": "…", "kind": "repair", "description": "戒托松动", "intake_notes": "主石无损，爪口磨损",
    "piece": {"description": "1.20克拉钻石戒指", "certificate_no": "GIA 2141438167", "material": "PT950"}}`
    """
    return service().create_ticket(data)


@blp.route("/service-tickets", methods=["GET"])
@blp.arguments(TicketFilter, location="query")
@blp.response(200, TicketPage)
def list_tickets(args):
    return service().list_tickets(args)


@blp.route("/service-tickets/<ticket_id>", methods=["GET"])
@blp.response(200, TicketOut)
def get_ticket(ticket_id):
    return service().get_ticket(ticket_id)


@blp.route("/service-tickets/<ticket_id>/start", methods=["POST"])
@blp.response(200, TicketOut)
def start_ticket(ticket_id):
    return service().start_ticket(ticket_id)


@blp.route("/service-tickets/<ticket_id>/resolve", methods=["POST"])
@blp.arguments(ResolveIn)
@blp.response(200, TicketOut)
def resolve_ticket(data, ticket_id):
    return service().resolve_ticket(ticket_id, data)


# Custom-centre work orders (定制中心): custom design, repair, resale
def _work_order_step(action, body):
    def take_step(data, ticket_id):
        return service().advance_work_order(ticket_id, action, data)

    take_step.__name__ = f"work_order_{action.replace('-', '_')}"
    take_step.__doc__ = f"The work order's `{action}` step (API.md, Custom centre work orders); out of order: 409."
    blp.route(f"/service-tickets/<ticket_id>/{action}", methods=["POST"], endpoint=take_step.__name__)(
        blp.arguments(body)(blp.response(200, TicketOut)(take_step)))


for _action, _body in STEP_BODIES.items():
    _work_order_step(_action, _body)


@blp.route("/service-tickets/<ticket_id>/images", methods=["POST"])
@blp.arguments(ImageForm, location="form")
@blp.response(201, ImageOut)
def attach_image(form, ticket_id):
    """A design image or intake photo (multipart field `file`, JPEG or PNG, at most 10 MB); `purpose`:
    design, intake or other."""
    upload = request.files.get("file")
    content = upload.stream.read(MAX_IMAGE_BYTES + 1) if upload else b""
    return service().attach_image(ticket_id, {"filename": upload.filename if upload else None,
                                              "purpose": form["purpose"],
                                              "content_b64": base64.b64encode(content).decode()})


@blp.route("/service-tickets/<ticket_id>/images/<image_id>", methods=["GET"])
@blp.doc(responses=file_responses("image/jpeg", "image/png", description="the picture as uploaded (JPEG or PNG)"))
def read_image(ticket_id, image_id):
    return _picture(service().read_image(ticket_id, image_id, False))


@blp.route("/service-tickets/<ticket_id>/images/<image_id>/thumbnail", methods=["GET"])
@blp.doc(responses=file_responses("image/jpeg", description="the picture made small (always JPEG)"))
def read_thumbnail(ticket_id, image_id):
    return _picture(service().read_image(ticket_id, image_id, True))


def _picture(image):
    return Response(base64.b64decode(image["content_b64"]), mimetype=image["content_type"],
                    headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"})


# Return visits (定期回访)
@blp.route("/return-visits", methods=["POST"])
@blp.arguments(ReturnVisitIn)
@blp.response(201, ReturnVisitOut)
def create_return_visit(data):
    """Record a return visit; with `task_id` it completes that return-visit task.

    Example: `{"customer_id": "…", "task_id": "…", "occurred_at": "2026-06-04T02:00:00+00:00", "method": "phone",
    "content": "回访佩戴感受", "feedback": "很满意，夫人常戴", "next_steps": "周年纪念日前推荐对戒"}`
    """
    return service().create_return_visit(data)


@blp.route("/return-visits", methods=["GET"])
@blp.arguments(ReturnVisitFilter, location="query")
@blp.response(200, ReturnVisitPage)
def list_return_visits(args):
    return service().list_return_visits(args)


@blp.route("/return-visits/<return_visit_id>", methods=["GET"])
@blp.response(200, ReturnVisitOut)
def get_return_visit(return_visit_id):
    return service().get_return_visit(return_visit_id)
