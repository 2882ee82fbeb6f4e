"""Use cases of the analytics service."""
from datetime import datetime

from sqlalchemy import insert, select, update

from services.analytics.domain import counters_moved_by
from services.analytics.models import counters, event_log


def record_event(uow, event):
    """Keep the event in the log and move the read models it feeds."""
    uow.session.execute(insert(event_log).values(
        event_id=event["id"], type=event["type"],
        occurred_at=datetime.fromisoformat(event["occurred_at"]), envelope=event))
    for name in counters_moved_by(event["type"]):
        _add(uow.session, name, 1)
    uow.commit()


def _add(session, name, amount):
    moved = session.execute(update(counters).where(counters.c.name == name)
                            .values(value=counters.c.value + amount)).rowcount
    if not moved:
        session.execute(insert(counters).values(name=name, value=amount))


def overview(session, actor):
    actor.require_role("manager", "analyst", "developer")
    values = dict(session.execute(select(counters.c.name, counters.c.value)).all())
    return {"customers": values.get("customers", 0), "events": values.get("events", 0)}
