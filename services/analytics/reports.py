"""Read use cases: who may see which figures, and the periodic development report. Each takes
`(session, actor, now, *, params)`."""
import base64

from kam.errors import Invalid, NotFound
from services.analytics import event_queries, queries
from services.analytics.domain.event_figures import event_figures, event_scope, listed
from services.analytics.domain.figures import Period, figures_scope
from services.analytics.terms import CATEGORY_LABELS, SOURCE_CHANNEL_LABELS, STAGE_LABELS, label
from services.analytics.workbook import build_workbook, report_filename

GROUP_LABELS = {"source_channel": SOURCE_CHANNEL_LABELS, "category": CATEGORY_LABELS}


def show_overview(session, actor, now):
    """The dashboard's headline: all-time totals (a developer's own), customers by stage, events logged."""
    scope = figures_scope(actor)
    totals = queries.summary(session, Period(), developer_id=scope)
    return {**totals, "events": queries.logged_events(session),
            "stages": queries.stage_counts(session, owner_id=scope)}


def show_funnel(session, actor, now, *, start=None, end=None):
    period, scope = Period.parse(start, end), figures_scope(actor)
    return {**period.as_dict(), "stages": _labelled_stages(queries.funnel(session, period, owner_id=scope))}


def list_developer_figures(session, actor, now, *, start=None, end=None):
    """Per person the events name as the actor (owner, visitor, host, seller, claimant); a developer
    gets their own row only."""
    period, scope = Period.parse(start, end), figures_scope(actor)
    return {**period.as_dict(), "items": queries.developer_figures(session, period, developer_id=scope)}


def list_group_figures(session, actor, now, *, dimension, start=None, end=None):
    """By category or by source channel: which lead sources bring value."""
    if dimension not in GROUP_LABELS:
        raise Invalid(f"no figures by {dimension!r}", errors={"dimension": ["category or source_channel"]})
    period, scope = Period.parse(start, end), figures_scope(actor)
    return {**period.as_dict(), "items": _grouped(session, period, dimension, scope)}


def show_customer_figures(session, actor, now, *, customer_id):
    scope = figures_scope(actor)
    profile = queries.customer_profile(session, customer_id)
    if profile is None or (scope is not None and profile["owner_id"] != scope):
        raise NotFound("no such customer")
    return queries.customer_figures(session, profile)


def build_report(session, actor, now, *, start=None, end=None):
    """定期汇报开发情况总结报告: the period's totals, funnel, developers, sources and categories."""
    period, scope = Period.parse(start, end), figures_scope(actor)
    return {
        **period.as_dict(), "generated_at": now,
        "summary": queries.summary(session, period, developer_id=scope),
        "funnel": _labelled_stages(queries.funnel(session, period, owner_id=scope)),
        "developers": queries.developer_figures(session, period, developer_id=scope),
        "sources": _grouped(session, period, "source_channel", scope),
        "categories": _grouped(session, period, "category", scope),
    }


def build_workbook_file(session, actor, now, *, start=None, end=None, display_names=None):
    """The report as XLSX: {"filename", "content" (base64)}; names label the developers' rows."""
    report = build_report(session, actor, now, start=start, end=end)
    name_developers(report["developers"], display_names or {})
    content = base64.b64encode(build_workbook(report)).decode("ascii")
    return {"filename": report_filename(report), "content": content}


def _grouped(session, period, dimension, scope):
    items = queries.group_figures(session, period, dimension, owner_id=scope)
    return [{**item, "label": label(GROUP_LABELS[dimension], item["key"])} for item in items]


def _labelled_stages(stages):
    return [{**stage, "label": STAGE_LABELS[stage["stage"]]} for stage in stages]


def name_developers(rows, display_names):
    """Presentation only: analytics has no users, the gateway knows their names."""
    for row in rows:
        row["display_name"] = display_names.get(row["developer_id"], row["developer_id"])
    return rows


def show_event_figures(session, actor, now, *, event_id):
    """One event's guests, cost and the deals that followed; a developer sees their own guests' part."""
    scope = event_scope(actor)
    event = event_queries.event_profile(session, event_id)
    if event is None:
        raise NotFound("no such event")
    return _event_rows(session, [event], scope)[0]


def list_event_figures(session, actor, now, *, start=None, end=None):
    """The events that start in the period, each with its figures and its return on spend."""
    period, scope = Period.parse(start, end), event_scope(actor)
    events = event_queries.events_starting_in(session, period)
    rows = _event_rows(session, events, scope)
    return {**period.as_dict(), "items": [listed(event, row) for event, row in zip(events, rows, strict=True)]}


def _event_rows(session, events, scope):
    ids = [event["event_id"] for event in events]
    guests = event_queries.guests_of(session, ids, owner_id=scope)
    claims = event_queries.claims_of(session, ids, claimant_id=scope)
    came = {guest["customer_id"] for rows in guests.values() for guest in rows if guest["attended_at"]}
    revenue = event_queries.revenue_of(session, came)
    return [event_figures(event, guests.get(event["event_id"], []), revenue, claims.get(event["event_id"], []))
            for event in events]
