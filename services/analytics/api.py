"""HTTP routes of the analytics service: developers get their own figures, managers and the analyst
the department's. Periods are `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive (UTC), both optional."""
import base64
from urllib.parse import quote

from flask import Response
from marshmallow import RAISE

from kam.web import Blueprint, display_names, file_responses, rpc
from services.analytics.schemas import (
    CustomerFigures,
    DeveloperList,
    EventFigures,
    EventList,
    Funnel,
    GroupList,
    Overview,
    PeriodArgs,
    Report,
    ReportArgs,
)

blp = Blueprint("analytics", __name__, url_prefix="/api/analytics", description="数据分析 Analytics",
                replies_dumped=True)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@blp.route("/overview", methods=["GET"])
@blp.response(200, Overview)
def overview():
    """The dashboard's headline: all-time totals, customers by stage, events logged."""
    return rpc("analytics").overview()


@blp.route("/funnel", methods=["GET"])
@blp.arguments(PeriodArgs, location="query", unknown=RAISE)
@blp.response(200, Funnel)
def funnel(period):
    """Customers reaching each of the seven stages in the period; conversion is a stage's count over the
    previous stage's (null when that is 0); median days from the stage a customer came from."""
    return rpc("analytics").funnel(_day(period["from"]), _day(period["to"]))


@blp.route("/developers", methods=["GET"])
@blp.arguments(PeriodArgs, location="query", unknown=RAISE)
@blp.response(200, DeveloperList)
def developers(period):
    """Per developer: customers, contacts, visits, callbacks on time, receptions, deals, revenue, expenses
    and return on spend (revenue / reimbursed expenses, null without expenses)."""
    figures = rpc("analytics").developers(_day(period["from"]), _day(period["to"]))
    _name(figures["items"])
    return figures


@blp.route("/customers/<customer_id>", methods=["GET"])
@blp.response(200, CustomerFigures)
def customer(customer_id):
    """One customer's figures, all time, and its latest assessment's forecast against actual revenue."""
    return rpc("analytics").customer(customer_id)


@blp.route("/events", methods=["GET"])
@blp.arguments(PeriodArgs, location="query", unknown=RAISE)
@blp.response(200, EventList)
def events(period):
    """The events that start in the period, each with its figures, title, kind, status, times and return
    on spend (revenue after / cost, null without cost). Managers, the analyst and the planner see the
    department's figures; a developer only their own customers' guests and their own claims."""
    return rpc("analytics").events(_day(period["from"]), _day(period["to"]))


@blp.route("/events/<event_id>", methods=["GET"])
@blp.response(200, EventFigures)
def event(event_id):
    """One event: invited, accepted (a yes, or came) and attended guests, its cost (reimbursed claims), and
    the deals and revenue of the guests who came, from their check-in to 90 days after the event ended."""
    return rpc("analytics").event(event_id)


@blp.route("/sources", methods=["GET"])
@blp.arguments(PeriodArgs, location="query", unknown=RAISE)
@blp.response(200, GroupList)
def sources(period):
    """By source channel (信息渠道): customers registered, conversion to won, deals, revenue, spend."""
    return rpc("analytics").groups("source_channel", _day(period["from"]), _day(period["to"]))


@blp.route("/categories", methods=["GET"])
@blp.arguments(PeriodArgs, location="query", unknown=RAISE)
@blp.response(200, GroupList)
def categories(period):
    """By customer category (大客户分类): customers registered, conversion to won, deals, revenue, spend."""
    return rpc("analytics").groups("category", _day(period["from"]), _day(period["to"]))


@blp.route("/report", methods=["GET"])
@blp.arguments(ReportArgs, location="query", unknown=RAISE)
@blp.response(200, Report)
@blp.doc(responses=file_responses(XLSX, description="the report, or with format=xlsx its workbook", json=Report))
def report(args):
    """定期汇报开发情况总结报告 for the period: JSON for the console, or `format=xlsx` for a workbook with the
    sheets 概览, 漏斗, 开发人员, 来源渠道, 客户类别."""
    start, end = _day(args["from"]), _day(args["to"])
    if args["format"] == "xlsx":
        workbook = rpc("analytics").report_workbook(start, end, display_names())
        return Response(base64.b64decode(workbook["content"]), mimetype=XLSX, headers={
            "Content-Disposition": _attachment(workbook["filename"])})
    built = rpc("analytics").report(start, end)
    _name(built["developers"])
    return built


def _day(value):
    return value.isoformat() if value else None


def _name(rows):
    names = display_names()
    for row in rows:
        row["display_name"] = names.get(row["developer_id"], row["developer_id"])


def _attachment(filename):
    """RFC 6266 with an RFC 5987 `filename*` for the Chinese name, and an ASCII fallback."""
    fallback = "kam-report" + filename[filename.index("_"):] if "_" in filename else "kam-report.xlsx"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
