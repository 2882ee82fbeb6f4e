"""HTTP routes of expense claims and their receipts (part of the visits service's blueprint)."""
import base64

from flask import Response, request
from flask_smorest import abort
from marshmallow import ValidationError

from kam.schemas import page_of
from kam.web import rpc
from services.visits.blueprint import blp
from services.visits.schemas import (
    MAX_RECEIPT_BYTES,
    ClaimApprovalIn,
    ClaimArgs,
    ClaimIn,
    ClaimOut,
    ReasonIn,
    ReceiptOut,
    ReceiptUpload,
)


def visits():
    return rpc("visits")


def optional_body(schema):
    """A JSON body that may be left out entirely (but not sent malformed or with unknown fields)."""
    if not request.get_data(cache=True).strip():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, message="the body is not a JSON object")
    try:
        return schema().load(body)
    except ValidationError as error:
        abort(422, messages={"json": error.messages})


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


@blp.route("/expense-claims/<claim_id>/submit", methods=["POST"])
@blp.response(200, ClaimOut)
def submit_claim(claim_id):
    """409 `summary_required` for a visit without its summary, `report_required` for a reception without its report."""
    return visits().submit_claim(claim_id)


@blp.route("/expense-claims/<claim_id>/approve", methods=["POST"])
@blp.doc(requestBody={"required": False, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"override_reason": {"type": "string"}}}}}})
@blp.response(200, ClaimOut)
def approve_claim(claim_id):
    """A claim above the funded amount needs `{"override_reason": "…"}`, else 409 `over_funded_amount`.
    Within the funded amount no body is needed."""
    data = optional_body(ClaimApprovalIn)
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
def read_receipt(claim_id, receipt_id):
    receipt = visits().read_receipt(claim_id, receipt_id)
    return Response(base64.b64decode(receipt["content_b64"]), mimetype=receipt["content_type"],
                    headers={"Content-Disposition": f"inline; filename=receipt-{receipt['id']}",
                             "X-Content-Type-Options": "nosniff"})
