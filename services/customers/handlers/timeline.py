"""The customer's timeline, built from every service's events that name a customer."""
from datetime import datetime

from sqlalchemy import insert, select

from kam.pagination import keyset_page
from services.customers.domain.access import CUSTOMERS
from services.customers.domain.timeline import source_of, summarize
from services.customers.models import customers, timeline


def record_timeline_entry(uow, event, now):
    data = event["data"]
    customer_id = data.get("customer_id")
    if customer_id:
        source = source_of(event["type"], data)
        uow.session.execute(insert(timeline).values(
            event_id=event["id"], customer_id=str(customer_id), at=datetime.fromisoformat(event["occurred_at"]),
            kind=event["type"], summary=summarize(event["type"], data), source_type=source["type"],
            source_id=source["id"]))


def customer_timeline(session, actor, now, *, customer_id, limit=None, cursor=None):
    CUSTOMERS.load(session, customers, actor, customer_id)
    query = select(timeline).where(timeline.c.customer_id == customer_id)
    page = keyset_page(session, query, [timeline.c.at, timeline.c.event_id], limit, cursor)
    page["items"] = [{"at": item["at"], "kind": item["kind"], "summary": item["summary"],
                      "source": {"type": item["source_type"], "id": item["source_id"]}} for item in page["items"]]
    return page
