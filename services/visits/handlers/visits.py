"""Visit plans: plan, edit, submit, approve or reject, record, summarise; the callback's outcome."""
from sqlalchemy import insert, select

from kam.db import new_id
from kam.pagination import keyset_page
from services.visits.contracts import (
    VisitApproved,
    VisitCompleted,
    VisitRejected,
    VisitSubmitted,
    VisitSummarized,
)
from services.visits.domain import visits as rules
from services.visits.domain.access import VISIT_READERS, ensure_acts_as_owner, ensure_manager, ensure_sees
from services.visits.handlers.rows import load, save
from services.visits.models import visits

RECORD_FIELDS = {"occurred_at": "occurred_at", "place": "record_place", "method": "record_method",
                 "talking_points": "talking_points", "customer_feedback": "customer_feedback",
                 "next_steps": "next_steps", "next_visit_at": "next_visit_at"}


def visit_out(row):
    visit = dict(row)
    visit["record"] = ({field: visit[column] for field, column in RECORD_FIELDS.items()}
                       if visit.get("occurred_at") else None)
    visit["callback"] = rules.callback_of(visit)
    return visit


def load_visible_visit(session, actor, visit_id, lock=False):
    visit = load(session, visits, "id", visit_id, "visit", lock=lock)
    ensure_sees(actor, visit["visitor_id"], VISIT_READERS, "visit")
    return visit


def _own_visit(uow, actor, visit_id):
    visit = load_visible_visit(uow.session, actor, visit_id, lock=True)
    ensure_acts_as_owner(actor, visit["visitor_id"], VISIT_READERS, "visit")
    return visit


def _decided_visit(uow, actor, visit_id):
    ensure_manager(actor)
    return load_visible_visit(uow.session, actor, visit_id, lock=True)


def plan_visit(uow, actor, data, customers, now):
    """Only for a customer the developer can see (customers.get_customer enforces it: 404 otherwise)."""
    actor.require_role("developer")
    customer = customers.get_customer(data["customer_id"])
    visit = rules.plan_visit(id=new_id(), data=data, customer=customer, visitor_id=actor.user_id, now=now)
    uow.session.execute(insert(visits).values(**visit))
    uow.commit()
    return get_visit(uow.session, actor, visit["id"])


def edit_visit(uow, actor, visit_id, changes, now):
    visit = _own_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.edit_draft(visit, changes, now))
    uow.commit()
    return visit_out(visit)


def submit_visit(uow, actor, visit_id, max_discount, now):
    visit = _own_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.submit_visit(visit, max_discount, now))
    uow.publish(VisitSubmitted, {"visit_id": visit["id"], **visit})
    uow.commit()
    return visit_out(visit)


def approve_visit(uow, actor, visit_id, funded_amount, now):
    visit = _decided_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.approve_visit(visit, actor.user_id, funded_amount, now))
    uow.publish(VisitApproved, {"visit_id": visit["id"], **visit})
    uow.commit()
    return visit_out(visit)


def reject_visit(uow, actor, visit_id, reason, now):
    visit = _decided_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.reject_visit(visit, actor.user_id, reason, now))
    uow.publish(VisitRejected, {"visit_id": visit["id"], "reason": visit["rejection_reason"], **visit})
    uow.commit()
    return visit_out(visit)


def record_visit(uow, actor, visit_id, form, now):
    """`visit.completed` carries what the callback task and analytics need: visitor, customer, occurred_at."""
    visit = _own_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.record_visit(visit, form, now))
    uow.publish(VisitCompleted, {"visit_id": visit["id"], **visit, "method": visit["record_method"],
                                 "place": visit["record_place"]})
    uow.commit()
    return visit_out(visit)


def summarize_visit(uow, actor, visit_id, text, now):
    visit = _own_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, "id", visit, rules.summarize_visit(visit, text, now))
    uow.publish(VisitSummarized, {"visit_id": visit["id"], **visit})
    uow.commit()
    return visit_out(visit)


def get_visit(session, actor, visit_id):
    return visit_out(load_visible_visit(session, actor, visit_id))


def list_visits(session, actor, args):
    actor.require_role("developer", *VISIT_READERS)
    query = select(visits)
    if actor.role == "developer":
        query = query.where(visits.c.visitor_id == actor.user_id)
    for name in ("customer_id", "status"):
        if args.get(name):
            query = query.where(visits.c[name] == args[name])
    return keyset_page(session, query, [visits.c.created_at, visits.c.id], args.get("limit"), args.get("cursor"),
                       row_to_item=visit_out)


def note_callback_done(uow, event):
    """A `callback` task on a visit was completed (notifications' `task.completed`)."""
    data = event["data"]
    if data["kind"] != "callback" or data["subject"]["type"] != "visit":
        return
    found = uow.session.execute(select(visits).where(visits.c.id == data["subject"]["id"]).with_for_update())
    visit = found.mappings().first()
    if visit is not None:
        save(uow.session, visits, "id", dict(visit), rules.callback_done(dict(visit), data["completed_at"],
                                                                          data.get("on_time")))
    uow.commit()
