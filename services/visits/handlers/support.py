"""Raising a visit's level (提升拜访等级): the event planner or a manager adds support to a visit still to
come; whoever sees the visit sees its support."""
from sqlalchemy import insert, select

from kam.db import new_id
from services.visits.domain import visits as rules
from services.visits.domain.access import VISITS
from services.visits.models import visit_support, visits
from services.visits.terms import SUPPORTER_ROLES


def add_support(uow, actor, now, *, visit_id, data, events):
    """The event invited to is asked for (over RPC: 404 if unknown) before the visit's row is locked."""
    actor.require_role(*SUPPORTER_ROLES)
    visit = VISITS.load(uow.session, visits, actor, visit_id)
    item = rules.support_item(visit, data, id=new_id(), added_by=actor.user_id, now=now)
    if item["event_id"]:
        rules.ensure_invitable_event(events.get_event(item["event_id"]), now)
    visit = VISITS.load(uow.session, visits, actor, visit_id, lock=True)
    rules.support_item(visit, data, id=item["id"], added_by=actor.user_id, now=now)
    uow.session.execute(insert(visit_support).values(**item))
    return item


def support_of(session, visit_ids):
    """{visit id: its support, oldest first}, in one query for a whole page."""
    found = {visit_id: [] for visit_id in visit_ids}
    if not visit_ids:
        return found
    rows = session.execute(select(visit_support).where(visit_support.c.visit_id.in_(list(visit_ids)))
                           .order_by(visit_support.c.added_at, visit_support.c.id)).mappings()
    for row in rows:
        found[row["visit_id"]].append(dict(row))
    return found
