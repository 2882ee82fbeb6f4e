"""Use cases of carrying out a development plan: add a step, mark it done, list them, and the recorded
work (a visit, attending an event) that does a step by itself."""
from datetime import datetime

from sqlalchemy import and_, insert, select

from kam.db import new_id
from kam.errors import NotFound
from kam.pagination import keyset_page
from kam.records import load, save
from services.customers.domain import plan_steps as steps
from services.customers.domain.access import CUSTOMERS, PLANS, ensure_may_change
from services.customers.domain.customer import ensure_not_erased
from services.customers.models import contacts, customers, development_plans, plan_steps, timeline


def add_plan_step(uow, actor, now, *, plan_id, data):
    """Its developer or a manager adds a step to an approved plan (409 otherwise), due today or later."""
    plan = _workable_plan(uow.session, actor, plan_id)
    step = steps.new_step(plan, data, step_id=new_id(), created_by=actor.user_id, now=now)
    uow.session.execute(insert(plan_steps).values(**step))
    uow.collect(steps.added(step, plan))
    return steps.step_view(actor, step, plan, steps.business_day(now))


def complete_plan_step(uow, actor, now, *, plan_id, step_id, data):
    """Mark a step done by the customer's visit, contact or event; once (409 `invalid_transition`)."""
    plan = _workable_plan(uow.session, actor, plan_id)
    step = load(uow.session, plan_steps, step_id, "plan step", lock=True)
    if step["plan_id"] != plan["id"]:
        raise NotFound("no such plan step")
    _ensure_work_of(uow.session, plan["customer_id"], data["done_by"])
    step = save(uow.session, plan_steps, step, steps.complete_step(step, data["done_by"], completed_by=actor.user_id,
                                                                   at=now))
    uow.collect(steps.completed(step, plan))
    return steps.step_view(actor, step, plan, steps.business_day(now))


def list_plan_steps(session, actor, now, *, plan_id, limit=None, cursor=None):
    plan = PLANS.load(session, development_plans, actor, plan_id)
    query = select(plan_steps).where(plan_steps.c.plan_id == plan_id)
    page = keyset_page(session, query, [plan_steps.c.created_at, plan_steps.c.id], limit, cursor,
                       newest_first=False)
    today = steps.business_day(now)
    return {**page, "items": [steps.step_view(actor, step, plan, today) for step in page["items"]]}


def progress_of(session, plans, now):
    """{plan id: progress} for a page of plans, in one query."""
    found = {plan["id"]: [] for plan in plans}
    if found:
        for step in session.execute(select(plan_steps).where(plan_steps.c.plan_id.in_(list(found)))).mappings():
            found[step["plan_id"]].append(dict(step))
    today = steps.business_day(now)
    return {plan_id: steps.progress(items, today) for plan_id, items in found.items()}


def complete_steps_by_work(uow, event, now):
    """`visit.completed`, `guest.checked_in`: the customer's earliest open step of that method, on an
    approved plan, is done by this work."""
    data = event["data"]
    method, link = steps.method_done_by(event["type"], data)
    if method is None:
        return
    rows = uow.session.execute(select(plan_steps, development_plans.c.developer_id).join(
        development_plans, development_plans.c.id == plan_steps.c.plan_id).where(and_(
            plan_steps.c.customer_id == data["customer_id"], plan_steps.c.status == "open",
            development_plans.c.status.in_(steps.PLAN_STATUSES_TAKING_STEPS))).with_for_update()).mappings()
    step = steps.step_for_work([dict(row) for row in rows], method)
    if step is None:
        return
    plan = {"id": step["plan_id"], "customer_id": step["customer_id"], "developer_id": step.pop("developer_id")}
    done = steps.complete_step(step, link, completed_by=None, at=datetime.fromisoformat(event["occurred_at"]))
    uow.collect(steps.completed(save(uow.session, plan_steps, step, done), plan))


def _workable_plan(session, actor, plan_id):
    plan = PLANS.load(session, development_plans, actor, plan_id, lock=True)
    ensure_not_erased(ensure_may_change(actor, CUSTOMERS.load(session, customers, actor, plan["customer_id"])))
    return plan


def _ensure_work_of(session, customer_id, link):
    """The work named is this customer's: a contact logged here, or a visit or event its timeline knows
    (a record the caller may not see, or of another customer, is 404)."""
    if link["kind"] == "contact":
        query = select(contacts.c.id).where(contacts.c.id == link["id"], contacts.c.customer_id == customer_id)
    else:
        query = select(timeline.c.event_id).where(timeline.c.customer_id == customer_id,
                                                  timeline.c.source_type == link["kind"],
                                                  timeline.c.source_id == link["id"]).limit(1)
    if session.execute(query).first() is None:
        raise NotFound(f"no such {link['kind']}")
