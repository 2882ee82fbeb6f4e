"""A segment of the customers the caller sees (category, stage, owner, a wedding anniversary within N
days), for inviting them to an event."""
from datetime import date, timedelta

from sqlalchemy import select

from services.customers.domain.access import CUSTOMERS, ensure_may_list
from services.customers.models import customers

MAX_SEGMENT = 500
MEMBER = (customers.c.id, customers.c.name, customers.c.phone, customers.c.owner_id, customers.c.outreach_opt_out,
          customers.c.key_dates)


def customers_in_segment(session, actor, now, *, segment):
    ensure_may_list(actor)
    query = select(*MEMBER).where(customers.c.erased_at.is_(None), CUSTOMERS.where(actor, customers))
    for name in ("category", "stage", "owner_id"):
        if segment.get(name):
            query = query.where(customers.c[name] == segment[name])
    rows = session.execute(query.order_by(customers.c.created_at, customers.c.id).limit(MAX_SEGMENT)).mappings()
    within = segment.get("anniversary_within_days")
    today = now.date()
    return {"items": [dict(row) for row in rows
                      if within is None or anniversary_within(row["key_dates"], today, within)]}


def anniversary_within(key_dates, today, days):
    """The next wedding anniversary falls within `days` of today (29 February is kept on 28 February)."""
    for key_date in key_dates or []:
        if key_date.get("kind") == "wedding_anniversary" and key_date.get("date"):
            married = date.fromisoformat(str(key_date["date"])[:10])
            if (_next(married, today) - today) <= timedelta(days=days):
                return True
    return False


def _next(married, today):
    for year in (today.year, today.year + 1):
        try:
            day = married.replace(year=year)
        except ValueError:
            day = date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("an anniversary comes every year")
