"""Visit plans: plan, edit, submit, approve or reject, record, summarise; the callback's outcome and the
customer's name and category as they now are."""
from sqlalchemy import insert, select, update

from kam.db import new_id
from kam.pagination import keyset_page
from kam.records import save
from services.visits.domain import check_in, review
from services.visits.domain import visits as rules
from services.visits.domain.access import VISITS
from services.visits.handlers import hospitality
from services.visits.handlers.support import support_of
from services.visits.models import visits

RECORD_FIELDS = {"occurred_at": "occurred_at", "place": "record_place", "method": "record_method",
                 "talking_points": "talking_points", "customer_feedback": "customer_feedback",
                 "next_steps": "next_steps", "next_visit_at": "next_visit_at"}


def visit_out(row, actor):
    visit = dict(row)
    visit["record"] = ({field: visit[column] for field, column in RECORD_FIELDS.items()}
                       if visit.get("occurred_at") else None)
    visit["callback"] = rules.callback_of(visit)
    visit["review"] = review.review_of(visit)
    visit["check_in"] = check_in.check_in_of(visit)
    visit["versions"] = visit.get("versions") or []
    visit["actions"] = rules.VISIT.actions(actor, visit) + review.REVIEW.actions(actor, visit)
    return visit


def with_support(session, shown):
    """Visits as shown, each with the support added to it (提升拜访等级)."""
    found = support_of(session, [visit["id"] for visit in shown])
    return [{**visit, "support": found[visit["id"]]} for visit in shown]


def shown(session, row, actor):
    return with_support(session, [visit_out(row, actor)])[0]


def _own_visit(uow, actor, visit_id):
    return VISITS.ensure_owner(actor, VISITS.load(uow.session, visits, actor, visit_id, lock=True), "visitor_id")


def _decided_visit(uow, actor, visit_id):
    actor.require_role("manager")
    return VISITS.load(uow.session, visits, actor, visit_id, lock=True)


def _moved(uow, actor, visit, action, changes):
    visit = save(uow.session, visits, visit, changes)
    uow.collect(rules.event_of(action, visit))
    return shown(uow.session, visit, actor)


def suggested_gift(catalog, preparation, category):
    """The catalog's gift for the customer's category, asked only when the developer chose none."""
    if (preparation or {}).get("gift"):
        return None
    suggestion = catalog.suggest_gift(category)
    return suggestion if suggestion.get("product_id") else None


def plan_visit(uow, actor, now, *, data, customers, catalog):
    """Only for a customer the developer can see (customers.customer_summary enforces it: 404 otherwise)."""
    actor.require_role("developer")
    customer = customers.customer_summary(data["customer_id"])
    gift = suggested_gift(catalog, data.get("preparation"), customer.get("category"))
    visit = rules.plan_visit(id=new_id(), data=data, customer=customer, visitor_id=actor.user_id, now=now, gift=gift)
    uow.session.execute(insert(visits).values(**visit))
    return get_visit(uow.session, actor, now, visit_id=visit["id"])


def edit_visit(uow, actor, now, *, visit_id, changes, catalog):
    visit = _own_visit(uow, actor, visit_id)
    gift = (suggested_gift(catalog, changes["preparation"], visit.get("customer_category"))
            if "preparation" in changes else None)
    return shown(uow.session, save(uow.session, visits, visit, rules.edit_draft(visit, changes, now, gift)), actor)


def withdraw_visit(uow, actor, now, *, visit_id):
    visit = _own_visit(uow, actor, visit_id)
    return shown(uow.session, save(uow.session, visits, visit, rules.withdraw_visit(visit, now)), actor)


def redraft_visit(uow, actor, now, *, visit_id):
    visit = _own_visit(uow, actor, visit_id)
    return shown(uow.session, save(uow.session, visits, visit, rules.redraft_visit(visit, now)), actor)


def submit_visit(uow, actor, now, *, visit_id, max_discount):
    visit = _own_visit(uow, actor, visit_id)
    return _moved(uow, actor, visit, "submit", rules.submit_visit(visit, max_discount, now))


def approve_visit(uow, actor, now, *, visit_id, funded_amount, override_reason=None, catalog):
    """A gift above the hospitality cap of the customer's category needs the manager's override_reason."""
    visit = _decided_visit(uow, actor, visit_id)
    changes = rules.approve_visit(visit, actor.user_id, funded_amount, now)
    hospitality.check_gift(uow.session, actor, now, visit=visit, catalog=catalog, override_reason=override_reason)
    return _moved(uow, actor, visit, "approve", changes)


def reject_visit(uow, actor, now, *, visit_id, reason):
    visit = _decided_visit(uow, actor, visit_id)
    return _moved(uow, actor, visit, "reject", rules.reject_visit(visit, actor.user_id, reason, now))


def check_in_visit(uow, actor, now, *, visit_id, data):
    """签到 by the visitor on arrival (no event: the record that follows tells the others)."""
    visit = _own_visit(uow, actor, visit_id)
    return shown(uow.session, save(uow.session, visits, visit, check_in.check_in(visit, data, now)), actor)


def record_visit(uow, actor, now, *, visit_id, form):
    visit = _own_visit(uow, actor, visit_id)
    return _moved(uow, actor, visit, "record", rules.record_visit(visit, form, now))


def summarize_visit(uow, actor, now, *, visit_id, text):
    visit = _own_visit(uow, actor, visit_id)
    return _moved(uow, actor, visit, "summarize", rules.summarize_visit(visit, text, now))


def review_visit(uow, actor, now, *, visit_id, data):
    """报告检查, by a manager: accepted, or returned to the visitor with what to revise."""
    visit = _decided_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, visit, review.review_visit(visit, actor, data["decision"], data.get("comment"),
                                                                 now))
    uow.collect(review.reviewed_event(visit))
    return shown(uow.session, visit, actor)


def revise_visit(uow, actor, now, *, visit_id, changes):
    """The visitor revises a returned report; it waits for review again."""
    visit = _own_visit(uow, actor, visit_id)
    visit = save(uow.session, visits, visit, review.revise_visit(visit, changes, now))
    uow.collect(review.revised_event(visit))
    return shown(uow.session, visit, actor)


def get_visit(session, actor, now, *, visit_id):
    return shown(session, VISITS.load(session, visits, actor, visit_id), actor)


def list_visits(session, actor, now, *, args):
    actor.require_role("developer", *VISITS.everyone)
    query = select(visits).where(VISITS.where(actor, visits))
    for name in ("customer_id", "status"):
        if args.get(name):
            query = query.where(visits.c[name] == args[name])
    if args.get("review"):
        query = query.where(visits.c.review_status == args["review"])
    page = keyset_page(session, query, [visits.c.created_at, visits.c.id], args.get("limit"), args.get("cursor"),
                       row_to_item=lambda row: visit_out(row, actor))
    return {**page, "items": with_support(session, page["items"])}


def note_callback_done(uow, event):
    """A `callback` task on a visit was completed (notifications' `task.completed`)."""
    data = event["data"]
    if data["kind"] != "callback" or data["subject"]["type"] != "visit":
        return
    found = uow.session.execute(select(visits).where(visits.c.id == data["subject"]["id"]).with_for_update())
    visit = found.mappings().first()
    if visit is not None:
        save(uow.session, visits, dict(visit), rules.callback_done(dict(visit), data["completed_at"],
                                                                    data.get("on_time")))


def transfer_customer(uow, event):
    """客户移交: a visit not yet made goes to the new owner; one made keeps its visitor (a past record),
    and the new owner sees them all."""
    data = event["data"]
    of_customer = visits.c.customer_id == data["customer_id"]
    uow.session.execute(update(visits).where(of_customer, visits.c.visitor_id == data["from_owner_id"],
                                             visits.c.status.in_(rules.NOT_YET_MADE))
                        .values(visitor_id=data["to_owner_id"]))
    uow.session.execute(update(visits).where(of_customer).values(customer_owner_id=data["to_owner_id"]))


def refresh_customer(uow, event):
    """The customer's copies on its visits follow `customer.updated` (the gift chosen at planning stays)."""
    data = event["data"]
    uow.session.execute(update(visits).where(visits.c.customer_id == data["customer_id"]).values(
        customer_name=data["name"], customer_category=data["category"]))
