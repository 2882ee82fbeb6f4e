"""The pre-visit discussion: colleagues' advice on how to approach this customer, kept with the plan.

Anyone who can see the plan adds to it: the visitor records what colleagues said at the discussion
meeting, naming who gave each piece of advice; managers, the coordinator and the planner add their own."""
from sqlalchemy import insert, select

from kam.db import new_id
from services.visits.domain import visits as rules
from services.visits.domain.access import VISITS
from services.visits.models import visit_advice, visits


def add_advice(uow, actor, now, *, visit_id, data):
    visit = VISITS.load(uow.session, visits, actor, visit_id)
    rules.ensure_discussable(visit)
    advice = {"id": new_id(), "visit_id": visit_id, "author_id": actor.user_id,
              "advisor": data.get("advisor") or actor.user_id, "text": data["text"], "created_at": now}
    uow.session.execute(insert(visit_advice).values(**advice))
    return advice


def list_advice(session, actor, now, *, visit_id):
    VISITS.load(session, visits, actor, visit_id)
    rows = session.execute(select(visit_advice).where(visit_advice.c.visit_id == visit_id)
                           .order_by(visit_advice.c.created_at, visit_advice.c.id)).mappings().all()
    return {"items": [dict(row) for row in rows]}
