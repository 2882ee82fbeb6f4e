"""HTTP routes of the customers service; mounted by the gateway, they parse and call RPC (the service
dumps its replies with the very schemas documented here)."""
import base64

from flask import Response

from kam.schemas import ListArgs, page_of
from kam.web import Blueprint, colleagues, display_names, file_responses, rpc
from services.customers.schemas.http import (
    AccessLogOut,
    CustomerIn,
    CustomerListArgs,
    CustomerOut,
    CustomerPatch,
    CustomerSummaryOut,
    HistoryOut,
    ImportFile,
    ImportJobList,
    ImportJobOut,
    ImportReport,
    SpreadsheetArgs,
    TimelineOut,
    TransferIn,
    TransfersIn,
    TransfersOut,
)
from services.customers.schemas.work import (
    AssessmentIn,
    AssessmentOut,
    ContactIn,
    ContactOut,
    LinkIn,
    LinkOut,
    NetworkArgs,
    NetworkOut,
    PlanIn,
    PlanListArgs,
    PlanOut,
    PlanPatch,
    RejectIn,
    StepDoneIn,
    StepIn,
    StepOut,
    TemplateArgs,
    TemplateList,
)

blp = Blueprint("customers", __name__, url_prefix="/api", description="客户档案 Customers", replies_dumped=True)


def customers():
    return rpc("customers")


@blp.route("/customers", methods=["POST"])
@blp.arguments(CustomerIn)
@blp.response(201, CustomerOut)
def create_customer(data):
    """Register a customer; the caller becomes its owner.

    Example: `{"name": "王丽", "kind": "person", "category": "high_value", "phone": "13812345678"}`
    """
    return customers().create_customer(data)


@blp.route("/customers", methods=["GET"])
@blp.arguments(CustomerListArgs, location="query")
@blp.response(200, page_of(CustomerSummaryOut))
def list_customers(args):
    """Search by name (王丽, 欧阳娜娜, pinyin initials `wl`), phone or WeChat; filter by category, stage, owner."""
    return customers().list_customers(args)


@blp.route("/customers/import", methods=["POST"])
@blp.arguments(ImportFile, location="files")
@blp.response(200, ImportReport)
def import_customers(files):
    """Import an .xlsx or .csv file (multipart field `file`): good rows in, each bad row named with why."""
    upload = files["file"]
    return customers().import_customers(upload.filename, base64.b64encode(upload.read()).decode())


@blp.route("/customers/imports", methods=["POST"])
@blp.arguments(ImportFile, location="files")
@blp.response(202, ImportJobOut)
def queue_import(files):
    """Import a large .xlsx or .csv file (multipart field `file`) in the background: the answer is the job;
    `GET /api/customers/imports/{id}` tells how far it is, then its rejected rows."""
    upload = files["file"]
    return customers().queue_import(upload.filename, base64.b64encode(upload.read()).decode())


@blp.route("/customers/imports", methods=["GET"])
@blp.response(200, ImportJobList)
def list_imports():
    """The caller's own import jobs, the newest first (20)."""
    return customers().list_imports()


@blp.route("/customers/imports/<job_id>", methods=["GET"])
@blp.response(200, ImportJobOut)
def get_import(job_id):
    """An import job (its uploader and managers): status, rows done of the total, imported, rejected."""
    return customers().get_import(job_id)


@blp.route("/customers/export", methods=["GET"])
@blp.arguments(SpreadsheetArgs, location="query")
@blp.doc(responses=file_responses("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                  "text/csv; charset=utf-8"))
def export_customers(args):
    """The customers the caller may see as XLSX or CSV (never their sensitive data)."""
    exported = customers().export_customers(args["format"], display_names())
    return Response(base64.b64decode(exported["content_base64"]), content_type=exported["content_type"],
                    headers={"Content-Disposition": f'attachment; filename="{exported["filename"]}"'})


@blp.route("/customers/transfers", methods=["POST"])
@blp.arguments(TransfersIn)
@blp.response(200, TransfersOut)
@blp.alt_response(403, description="not a manager")
def transfer_customers(data):
    """客户移交 when someone leaves (managers): every customer of `from_owner_id` with its open work to
    another active developer; the answer says how many moved.

    Example: `{"from_owner_id": "…", "to_owner_id": "…", "reason": "张伟离职，客户由李娜接手"}`
    """
    return customers().transfer_customers(data, colleagues())


@blp.route("/customers/<customer_id>", methods=["GET"])
@blp.response(200, CustomerOut)
def get_customer(customer_id):
    """An erased customer answers with `erased: true`, its id and anonymous figures only."""
    return customers().get_customer(customer_id)


@blp.route("/customers/<customer_id>", methods=["PATCH"])
@blp.arguments(CustomerPatch)
@blp.response(200, CustomerOut)
def update_customer(data, customer_id):
    return customers().update_customer(customer_id, data)


@blp.route("/customers/<customer_id>", methods=["DELETE"])
@blp.response(200, CustomerOut)
def erase_customer(customer_id):
    """PIPL erasure (managers): identity and sensitive data removed in every service."""
    return customers().erase_customer(customer_id)


@blp.route("/customers/<customer_id>/transfer", methods=["POST"])
@blp.arguments(TransferIn)
@blp.response(200, CustomerOut)
@blp.alt_response(403, description="not a manager")
@blp.alt_response(409, description="`already_owner`: the developer already owns it; `customer_erased`")
def transfer_customer(data, customer_id):
    """客户移交 (managers): the customer and all its open work pass to another active developer
    (`to_owner_id`, else 422 on that field); past records keep who did them.

    Example: `{"to_owner_id": "…", "reason": "客户搬到浦东，由李娜就近跟进"}`
    """
    return customers().transfer_customer(customer_id, data, colleagues())


@blp.route("/customers/<customer_id>/history", methods=["GET"])
@blp.arguments(ListArgs, location="query")
@blp.response(200, page_of(HistoryOut))
def customer_history(args, customer_id):
    return customers().customer_history(customer_id, args["limit"], args["cursor"])


@blp.route("/customers/<customer_id>/network", methods=["GET"])
@blp.arguments(NetworkArgs, location="query")
@blp.response(200, NetworkOut)
def customer_network(args, customer_id):
    """The circle within `depth` steps (referrals and influence links) and the customer's referrer credit."""
    return customers().customer_network(customer_id, args["depth"])


@blp.route("/customers/<customer_id>/links", methods=["POST"])
@blp.arguments(LinkIn)
@blp.response(201, LinkOut)
def link_customers(data, customer_id):
    """Example: `{"to_customer_id": "…", "kind": "spouse"}`"""
    return customers().link_customers(customer_id, data)


@blp.route("/customers/<customer_id>/contacts", methods=["POST"])
@blp.arguments(ContactIn)
@blp.response(201, ContactOut)
def log_contact(data, customer_id):
    return customers().log_contact(customer_id, data)


@blp.route("/customers/<customer_id>/contacts", methods=["GET"])
@blp.arguments(ListArgs, location="query")
@blp.response(200, page_of(ContactOut))
def list_contacts(args, customer_id):
    return customers().list_contacts(customer_id, args["limit"], args["cursor"])


@blp.route("/customers/<customer_id>/contact-templates", methods=["GET"])
@blp.arguments(TemplateArgs, location="query")
@blp.response(200, TemplateList)
def contact_templates(args, customer_id):
    """First-contact templates; pass your own `phone`, `wechat`, `email` to sign them."""
    return customers().contact_templates(customer_id, args)


@blp.route("/customers/<customer_id>/assessments", methods=["POST"])
@blp.arguments(AssessmentIn)
@blp.response(201, AssessmentOut)
def record_assessment(data, customer_id):
    return customers().record_assessment(customer_id, data)


@blp.route("/customers/<customer_id>/timeline", methods=["GET"])
@blp.arguments(ListArgs, location="query")
@blp.response(200, page_of(TimelineOut))
def customer_timeline(args, customer_id):
    return customers().customer_timeline(customer_id, args["limit"], args["cursor"])


@blp.route("/customers/<customer_id>/access-log", methods=["GET"])
@blp.arguments(ListArgs, location="query")
@blp.response(200, page_of(AccessLogOut))
def access_log(args, customer_id):
    return customers().access_log(customer_id, args["limit"], args["cursor"])


@blp.route("/customers/<customer_id>/export", methods=["GET"])
@blp.doc(responses={"200": {"description": "{customer_id, services: {name: {status, data}}}, as each service holds it",
                            "content": {"application/json": {"schema": {"type": "object"}}}}})
def export_customer(customer_id):
    """Everything the system holds on the customer, across services (owner, managers)."""
    return customers().export_customer_everywhere(customer_id)


@blp.route("/development-plans", methods=["POST"])
@blp.arguments(PlanIn)
@blp.response(201, PlanOut)
def create_development_plan(data):
    return customers().create_development_plan(data)


@blp.route("/development-plans", methods=["GET"])
@blp.arguments(PlanListArgs, location="query")
@blp.response(200, page_of(PlanOut))
def list_development_plans(args):
    return customers().list_development_plans(args)


@blp.route("/development-plans/<plan_id>", methods=["GET"])
@blp.response(200, PlanOut)
def get_development_plan(plan_id):
    return customers().get_development_plan(plan_id)


@blp.route("/development-plans/<plan_id>", methods=["PATCH"])
@blp.arguments(PlanPatch)
@blp.response(200, PlanOut)
def edit_development_plan(changes, plan_id):
    """Its developer changes a draft (only the fields sent); once submitted: 409 `not_a_draft`."""
    return customers().edit_development_plan(plan_id, changes)


@blp.route("/development-plans/<plan_id>/withdraw", methods=["POST"])
@blp.response(200, PlanOut)
def withdraw_development_plan(plan_id):
    """Its developer withdraws a draft (`withdrawn`, kept on file); once submitted: 409 `not_a_draft`."""
    return customers().move_development_plan(plan_id, "withdraw")


@blp.route("/development-plans/<plan_id>/redraft", methods=["POST"])
@blp.response(200, PlanOut)
def redraft_development_plan(plan_id):
    """Its developer takes a rejected plan back as a draft, to revise (PATCH) and submit again."""
    return customers().move_development_plan(plan_id, "redraft")


@blp.route("/development-plans/<plan_id>/submit", methods=["POST"])
@blp.response(200, PlanOut)
def submit_development_plan(plan_id):
    return customers().move_development_plan(plan_id, "submit")


@blp.route("/development-plans/<plan_id>/approve", methods=["POST"])
@blp.response(200, PlanOut)
def approve_development_plan(plan_id):
    return customers().move_development_plan(plan_id, "approve")


@blp.route("/development-plans/<plan_id>/reject", methods=["POST"])
@blp.arguments(RejectIn)
@blp.response(200, PlanOut)
def reject_development_plan(data, plan_id):
    return customers().move_development_plan(plan_id, "reject", data["reason"])


@blp.route("/development-plans/<plan_id>/steps", methods=["GET"])
@blp.arguments(ListArgs, location="query")
@blp.response(200, page_of(StepOut))
def list_plan_steps(args, plan_id):
    """The plan's steps in the order they were added, each with `overdue` and its `actions`."""
    return customers().list_plan_steps(plan_id, args["limit"], args["cursor"])


@blp.route("/development-plans/<plan_id>/steps", methods=["POST"])
@blp.arguments(StepIn)
@blp.response(201, StepOut)
def add_plan_step(data, plan_id):
    """A step of an approved plan (its developer or a manager; 409 `plan_not_approved` otherwise).

    Example: `{"method": "visit", "due_on": "2026-12-15", "note": "带新款克拉钻图册上门"}`
    """
    return customers().add_plan_step(plan_id, data)


@blp.route("/development-plans/<plan_id>/steps/<step_id>", methods=["PATCH"])
@blp.arguments(StepDoneIn)
@blp.response(200, StepOut)
def complete_plan_step(data, plan_id, step_id):
    """Mark the step done by the customer's visit, contact or event (once; 409 `invalid_transition`).

    Example: `{"done_by": {"kind": "visit", "id": "…"}}`
    """
    return customers().complete_plan_step(plan_id, step_id, data)
