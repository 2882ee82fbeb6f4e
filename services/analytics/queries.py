"""The figures, aggregated from the read models per request: by developer, stage, group and customer."""
from collections import defaultdict

from sqlalchemy import and_, func, select, true

from services.analytics.domain.figures import as_utc, median_days, money, money_ratio, ratio, return_on_spend
from services.analytics.models import customer_profiles, event_log, facts, stages_reached
from services.analytics.terms import (
    CALLBACK,
    CALLBACK_ON_TIME,
    CONTACT,
    CUSTOMER,
    DEAL,
    EVENT_ATTENDED,
    EXPENSE,
    RECEPTION,
    SERVICE_REVENUE,
    STAGES,
    VISIT,
)

COUNTS = {CUSTOMER: "customers", CONTACT: "contacts", VISIT: "visits", CALLBACK: "callbacks",
          CALLBACK_ON_TIME: "callbacks_on_time", RECEPTION: "receptions", DEAL: "deals",
          EVENT_ATTENDED: "events_attended"}


def _in_period(column, period):
    clauses = []
    if period.start:
        clauses.append(column >= period.start)
    if period.end:
        clauses.append(column <= period.end)
    return and_(true(), *clauses)


def _figures(counts, sums):
    """A row of counts and money from {metric: count} and {metric: amount}."""
    row = {name: counts.get(metric, 0) for metric, name in COUNTS.items()}
    row["revenue"] = money(sums.get(DEAL)) + money(sums.get(SERVICE_REVENUE))
    row["expenses"] = money(sums.get(EXPENSE))
    row["return_on_spend"] = return_on_spend(row["revenue"], row["expenses"])
    return row


def _by_metric(session, query):
    counts, sums = defaultdict(dict), defaultdict(dict)
    for group, metric, count, amount in session.execute(query):
        counts[group][metric], sums[group][metric] = count, amount
    return counts, sums


def developer_figures(session, period, developer_id=None):
    """One row per person a fact is attributed to (the actor named in the event), for the period."""
    query = (select(facts.c.developer_id, facts.c.metric, func.count(), func.sum(facts.c.amount))
             .where(_in_period(facts.c.occurred_on, period), facts.c.developer_id.is_not(None))
             .group_by(facts.c.developer_id, facts.c.metric))
    everyone = select(facts.c.developer_id).where(facts.c.developer_id.is_not(None)).distinct()
    if developer_id is not None:
        query = query.where(facts.c.developer_id == developer_id)
        everyone = everyone.where(facts.c.developer_id == developer_id)
    counts, sums = _by_metric(session, query)
    people = set(session.scalars(everyone)) | ({developer_id} if developer_id else set())
    return [{"developer_id": person, **_figures(counts[person], sums[person])} for person in sorted(people)]


def summary(session, period, developer_id=None):
    """The period's totals: the department's, or one developer's."""
    query = (select(true(), facts.c.metric, func.count(), func.sum(facts.c.amount))
             .where(_in_period(facts.c.occurred_on, period)).group_by(facts.c.metric))
    if developer_id is not None:
        query = query.where(facts.c.developer_id == developer_id)
    counts, sums = _by_metric(session, query)
    return _figures(counts[True], sums[True])


def _owned(query, owner_id):
    if owner_id is None:
        return query
    return query.where(customer_profiles.c.owner_id == owner_id)


def funnel(session, period, owner_id=None):
    """Per stage: customers who reached it in the period, the share of the previous stage's count, and
    the median days from the stage they came from (direct moves only)."""
    reached = _owned(select(stages_reached.c.customer_id, stages_reached.c.stage, stages_reached.c.reached_at,
                            stages_reached.c.previous_stage, stages_reached.c.skipped)
                     .join(customer_profiles, customer_profiles.c.customer_id == stages_reached.c.customer_id),
                     owner_id)
    rows = session.execute(reached).mappings().all()
    when = {(row["customer_id"], row["stage"]): as_utc(row["reached_at"]) for row in rows}
    counted, durations = defaultdict(int), defaultdict(list)
    for row in rows:
        at = when[(row["customer_id"], row["stage"])]
        if not _within(at, period):
            continue
        counted[row["stage"]] += 1
        came_from = when.get((row["customer_id"], row["previous_stage"]))
        if not row["skipped"] and came_from is not None:
            durations[row["stage"]].append(at - came_from)
    stages, previous = [], None
    for stage in STAGES:
        stages.append({"stage": stage, "customers": counted[stage],
                       "conversion": ratio(counted[stage], counted[previous]) if previous else None,
                       "median_days_from_previous": median_days(durations[stage])})
        previous = stage
    return stages


def _within(instant, period):
    day = instant.date()
    return (period.start is None or day >= period.start) and (period.end is None or day <= period.end)


def group_figures(session, period, column_name, owner_id=None):
    """Per category or source channel (their current values): the customers registered in the period,
    how many of them have won by the period's end, and the deals and spend of the period."""
    column = customer_profiles.c[column_name]
    activity = _owned(select(column, facts.c.metric, func.count(), func.sum(facts.c.amount))
                      .join(customer_profiles, customer_profiles.c.customer_id == facts.c.customer_id)
                      .where(_in_period(facts.c.occurred_on, period)).group_by(column, facts.c.metric), owner_id)
    counts, sums = _by_metric(session, activity)
    won = _owned(select(column, func.count()).select_from(facts)
                 .join(customer_profiles, customer_profiles.c.customer_id == facts.c.customer_id)
                 .join(stages_reached, and_(stages_reached.c.customer_id == facts.c.customer_id,
                                            stages_reached.c.stage == "won"))
                 .where(facts.c.metric == CUSTOMER, _in_period(facts.c.occurred_on, period))
                 .group_by(column), owner_id)
    if period.end_instant:
        won = won.where(stages_reached.c.reached_at < period.end_instant)
    won_counts = dict(session.execute(won).all())
    items = []
    for key in sorted(set(counts) | set(won_counts), key=lambda k: (k is None, k or "")):
        row = _figures(counts[key], sums[key])
        won_customers = won_counts.get(key, 0)
        items.append({"key": key, "customers": row["customers"], "won_customers": won_customers,
                      "conversion_to_won": ratio(won_customers, row["customers"]), "deals": row["deals"],
                      "revenue": row["revenue"], "expenses": row["expenses"],
                      "return_on_spend": row["return_on_spend"]})
    return items


def customer_profile(session, customer_id):
    return session.execute(select(customer_profiles).where(
        customer_profiles.c.customer_id == customer_id)).mappings().first()


def customer_figures(session, profile):
    """Everything counted for one customer, all time, and its latest forecast against what happened."""
    rows = session.execute(select(facts.c.metric, func.count(), func.sum(facts.c.amount),
                                  func.max(facts.c.occurred_at))
                           .where(facts.c.customer_id == profile["customer_id"]).group_by(facts.c.metric)).all()
    counts = {metric: count for metric, count, _, _ in rows}
    sums = {metric: amount for metric, _, amount, _ in rows}
    latest = {metric: as_utc(at) for metric, _, _, at in rows}
    figures = _figures(counts, sums)
    return {
        "customer_id": profile["customer_id"], "owner_id": profile["owner_id"], "category": profile["category"],
        "source_channel": profile["source_channel"], "stage": profile["stage"],
        "contacts": figures["contacts"], "last_contact_at": latest.get(CONTACT),
        "visits": figures["visits"], "last_visit_at": latest.get(VISIT), "receptions": figures["receptions"],
        "deals": figures["deals"], "revenue": figures["revenue"], "expenses_reimbursed": figures["expenses"],
        "return_on_spend": figures["return_on_spend"], "forecast": _forecast(profile, figures["revenue"]),
    }


def _forecast(profile, revenue):
    if profile["assessed_at"] is None:
        return None
    expected = money(profile["expected_revenue"])
    return {"assessed_at": as_utc(profile["assessed_at"]), "expected_revenue": expected,
            "expected_profit": money(profile["expected_profit"]), "total_cost": money(profile["total_cost"]),
            "worth_developing": profile["worth_developing"],
            "revenue_attained": money_ratio(revenue, expected), "revenue_difference": revenue - expected}


def stage_counts(session, owner_id=None):
    query = _owned(select(customer_profiles.c.stage, func.count()).where(customer_profiles.c.stage.is_not(None))
                   .group_by(customer_profiles.c.stage), owner_id)
    return dict(session.execute(query).all())


def logged_events(session):
    return session.scalar(select(func.count()).select_from(event_log))
