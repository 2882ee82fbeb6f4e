"""Developing a customer: first contact, the worth-developing assessment, and development plans."""
from sqlalchemy import insert, select

from kam.db import new_id
from kam.pagination import keyset_page
from kam.records import save
from services.customers.contracts import AssessmentRecorded, ContactLogged
from services.customers.domain.access import (
    CUSTOMERS,
    PLANS,
    ensure_manager,
    ensure_may_change,
    ensure_may_list,
)
from services.customers.domain.customer import ensure_not_erased
from services.customers.domain.development import (
    OWNERS_STEPS,
    assess,
    edit_plan,
    ensure_event_fits_methods,
    ensure_owner_step,
    ensure_worth_developing,
    move_plan,
    with_actions,
)
from services.customers.domain.first_contact import render
from services.customers.domain.plan_steps import may_add_steps
from services.customers.handlers.plan_steps import progress_of
from services.customers.handlers.stages import advance_stage
from services.customers.models import assessments, contacts, customers, development_plans
from services.customers.terms import CONTACT_CHANNELS


def _workable_customer(session, actor, customer_id):
    row = ensure_may_change(actor, CUSTOMERS.load(session, customers, actor, customer_id))
    ensure_not_erased(row)
    return row


def log_contact(uow, actor, now, *, customer_id, data):
    """A first (or later) contact: logged, and the customer has now been contacted."""
    row = _workable_customer(uow.session, actor, customer_id)
    contact = {"id": new_id(), "customer_id": customer_id, "developer_id": actor.user_id,
               "channel": data["channel"], "topic": data.get("topic"), "content": data.get("content"),
               "outcome": data.get("outcome"), "occurred_at": data.get("occurred_at") or now}
    uow.session.execute(insert(contacts).values(**contact))
    uow.publish(ContactLogged, {"contact_id": contact["id"], "customer_id": customer_id,
                                "developer_id": actor.user_id, "channel": contact["channel"],
                                "occurred_at": contact["occurred_at"]})
    advance_stage(uow, row, "contact.logged", now)
    return contact


def list_contacts(session, actor, now, *, customer_id, limit=None, cursor=None):
    CUSTOMERS.load(session, customers, actor, customer_id)
    query = select(contacts).where(contacts.c.customer_id == customer_id)
    return keyset_page(session, query, [contacts.c.occurred_at, contacts.c.id], limit, cursor)


def contact_templates(session, actor, now, *, customer_id, args):
    """First-contact templates filled from the customer and the developer's own contact details."""
    row = _workable_customer(session, actor, customer_id)
    channels = [args["channel"]] if args.get("channel") else list(CONTACT_CHANNELS)
    card = {"name": actor.display_name, **{k: args.get(k) for k in ("phone", "wechat", "email")}}
    return {"items": [render(row, card, channel, args.get("language") or "zh-CN", now.month)
                      for channel in channels]}


def record_assessment(uow, actor, now, *, customer_id, data):
    _workable_customer(uow.session, actor, customer_id)
    figures = assess(data["expected_revenue"], data["expected_profit"], data["costs"], data["risk_factor"])
    assessment = {"id": new_id(), "customer_id": customer_id, "developer_id": actor.user_id, "created_at": now,
                  **{k: v for k, v in figures.items() if k != "net_value"}}
    uow.session.execute(insert(assessments).values(**assessment))
    uow.publish(AssessmentRecorded, {"assessment_id": assessment["id"], "customer_id": customer_id,
                                     "developer_id": actor.user_id, "worth_developing": figures["worth_developing"],
                                     "expected_revenue": figures["expected_revenue"],
                                     "expected_profit": figures["expected_profit"],
                                     "total_cost": figures["total_cost"]})
    return {**assessment, "net_value": figures["net_value"]}


def create_development_plan(uow, actor, now, *, data):
    customer = _workable_customer(uow.session, actor, data["customer_id"])
    ensure_event_fits_methods(data["methods"], data.get("event_id"))
    plan = {"id": new_id(), "customer_id": data["customer_id"], "developer_id": customer["owner_id"],
            "customer_owner_id": customer["owner_id"], "methods": list(data["methods"]), "plan": data["plan"], "budget": data["budget"],
            "event_id": data.get("event_id"), "status": "draft",
            "reason": None, "decided_by": None, "created_at": now, "updated_at": now}
    uow.session.execute(insert(development_plans).values(**plan))
    return _shown(uow.session, actor, now, plan)


def get_development_plan(session, actor, now, *, plan_id):
    """A plan, for whoever may see its customer (visits reads it for expense claims)."""
    return _shown(session, actor, now, PLANS.load(session, development_plans, actor, plan_id))


def list_development_plans(session, actor, now, *, args):
    ensure_may_list(actor)
    query = select(development_plans).where(PLANS.where(actor, development_plans))
    if args.get("customer_id"):
        query = query.where(development_plans.c.customer_id == args["customer_id"])
    if args.get("status"):
        query = query.where(development_plans.c.status == args["status"])
    page = keyset_page(session, query, [development_plans.c.created_at, development_plans.c.id],
                       args.get("limit"), args.get("cursor"))
    progress = progress_of(session, page["items"], now)
    return {**page, "items": [{**with_actions(actor, plan), "progress": progress[plan["id"]],
                               "may_add_steps": may_add_steps(actor, plan)} for plan in page["items"]]}


def edit_development_plan(uow, actor, now, *, plan_id, changes):
    """Its developer changes a draft (PATCH)."""
    plan = PLANS.load(uow.session, development_plans, actor, plan_id, lock=True)
    ensure_owner_step(actor, plan)
    plan = save(uow.session, development_plans, plan, {**edit_plan(plan, changes), "updated_at": now})
    return with_actions(actor, plan)


def move_development_plan(uow, actor, now, *, plan_id, action, reason=None):
    """submit (its developer or a manager) → pending_approval; approve / reject (managers only);
    withdraw a draft, redraft a rejected plan (its developer only). An approved plan moves the customer
    to `developing`."""
    plan = PLANS.load(uow.session, development_plans, actor, plan_id, lock=True)
    customer = CUSTOMERS.load(uow.session, customers, actor, plan["customer_id"])
    if action in OWNERS_STEPS:
        ensure_owner_step(actor, plan)
    elif action == "submit":
        ensure_may_change(actor, customer)
        ensure_worth_developing(_latest_assessment(uow.session, plan["customer_id"]))
    else:
        ensure_manager(actor, f"{action} a development plan")
    values, moved = move_plan(plan, action, actor.user_id, reason=reason)
    plan = save(uow.session, development_plans, plan, {**values, "updated_at": now})
    if moved is not None:
        uow.collect(moved)
    if action == "approve":
        advance_stage(uow, customer, "development_plan.approved", now)
    return _shown(uow.session, actor, now, plan)


def _shown(session, actor, now, plan):
    """The plan with what the caller may do on it and how far its steps are."""
    return {**with_actions(actor, plan), "progress": progress_of(session, [plan], now)[plan["id"]],
            "may_add_steps": may_add_steps(actor, plan)}


def _latest_assessment(session, customer_id):
    return session.execute(select(assessments).where(assessments.c.customer_id == customer_id)
                           .order_by(assessments.c.created_at.desc(), assessments.c.id.desc()).limit(1)
                           ).mappings().first()
