"""The rows the event figures are made of: events, their guests, their claims and the attendees' revenue."""
from datetime import UTC, datetime, time

from sqlalchemy import select

from services.analytics.models import event_costs, event_guests, event_profiles, facts
from services.analytics.terms import DEAL, SERVICE_REVENUE


def event_profile(session, event_id):
    return session.execute(select(event_profiles).where(event_profiles.c.event_id == event_id)).mappings().first()


def events_starting_in(session, period):
    """The events that start in the period (UTC days, both inclusive), in the order they happen."""
    query = select(event_profiles).where(event_profiles.c.starts_at.is_not(None))
    if period.start:
        query = query.where(event_profiles.c.starts_at >= datetime.combine(period.start, time(), UTC))
    if period.end_instant:
        query = query.where(event_profiles.c.starts_at < period.end_instant)
    return session.execute(query.order_by(event_profiles.c.starts_at, event_profiles.c.event_id)).mappings().all()


def guests_of(session, event_ids, owner_id=None):
    """{event_id: [guest]}; a developer's scope keeps only the guests who are their customers."""
    query = select(event_guests).where(event_guests.c.event_id.in_(event_ids))
    if owner_id is not None:
        query = query.where(event_guests.c.owner_id == owner_id)
    return _by_event(session.execute(query).mappings())


def claims_of(session, event_ids, claimant_id=None):
    """{event_id: [reimbursed claim]}; a developer's scope keeps only their own claims."""
    query = select(event_costs).where(event_costs.c.event_id.in_(event_ids))
    if claimant_id is not None:
        query = query.where(event_costs.c.claimant_id == claimant_id)
    return _by_event(session.execute(query).mappings())


def revenue_of(session, customer_ids):
    """The deals and the custom centre's revenue of these customers (the window is the rules' to apply)."""
    if not customer_ids:
        return []
    query = select(facts.c.metric, facts.c.customer_id, facts.c.occurred_at, facts.c.amount).where(
        facts.c.metric.in_((DEAL, SERVICE_REVENUE)), facts.c.customer_id.in_(sorted(customer_ids)))
    return [dict(row) for row in session.execute(query).mappings()]


def _by_event(rows):
    found = {}
    for row in rows:
        found.setdefault(row["event_id"], []).append(dict(row))
    return found
