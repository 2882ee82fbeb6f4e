"""Developing a customer: first contact, the worth-developing assessment, and development plans."""
from sqlalchemy import insert, select, update

from kam.db import new_id
from kam.errors import NotFound
from kam.pagination import keyset_page
from services.customers.domain.access import ensure_manager, ensure_may_change
from services.customers.domain.customer import ensure_not_erased
from services.customers.domain.development import assess, ensure_worth_developing, move_plan
from services.customers.domain.first_contact import render
from services.customers.handlers.records import visible_customer
from services.customers.handlers.stages import advance_stage
from services.customers.models import assessments, contacts, development_plans
from services.customers.schemas.events import (
    AssessmentRecorded,
    ContactLogged,
    DevelopmentPlanApproved,
    DevelopmentPlanRejected,
    DevelopmentPlanSubmitted,
)
from services.customers.terms import CONTACT_CHANNELS

PLAN_EVENTS = {"submit": DevelopmentPlanSubmitted, "approve": DevelopmentPlanApproved,
               "reject": DevelopmentPlanRejected}


def _workable_customer(session, actor, customer_id):
    row = visible_customer(session, actor, customer_id)
    ensure_may_change(actor, row["owner_id"])
    ensure_not_erased(row)
    return row


def log_contact(uow, actor, customer_id, data, *, now):
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
    uow.commit()
    return contact


def list_contacts(session, actor, customer_id, limit=None, cursor=None):
    visible_customer(session, actor, customer_id)
    query = select(contacts).where(contacts.c.customer_id == customer_id)
    return keyset_page(session, query, [contacts.c.occurred_at, contacts.c.id], limit, cursor)


def contact_templates(session, actor, customer_id, args, *, now):
    """First-contact templates filled from the customer and the developer's own contact details."""
    row = _workable_customer(session, actor, customer_id)
    channels = [args["channel"]] if args.get("channel") else list(CONTACT_CHANNELS)
    card = {"name": actor.display_name, **{k: args.get(k) for k in ("phone", "wechat", "email")}}
    return {"items": [render(row, card, channel, args.get("language") or "zh-CN", now.month)
                      for channel in channels]}


def record_assessment(uow, actor, customer_id, data, *, now):
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
    uow.commit()
    return {**assessment, "net_value": figures["net_value"]}


def create_plan(uow, actor, data, *, now):
    customer = _workable_customer(uow.session, actor, data["customer_id"])
    plan = {"id": new_id(), "customer_id": data["customer_id"], "developer_id": customer["owner_id"],
            "methods": list(data["methods"]), "plan": data["plan"], "budget": data["budget"], "status": "draft",
            "reason": None, "decided_by": None, "created_at": now, "updated_at": now}
    uow.session.execute(insert(development_plans).values(**plan))
    uow.commit()
    return plan


def get_development_plan(session, actor, plan_id):
    """A plan, for whoever may see its customer (visits reads it for expense claims)."""
    plan = session.execute(select(development_plans).where(development_plans.c.id == plan_id)).mappings().first()
    if plan is None:
        raise NotFound("no such development plan")
    visible_customer(session, actor, plan["customer_id"])
    return dict(plan)


def list_plans(session, actor, args):
    query = select(development_plans)
    if actor.role == "developer":
        query = query.where(development_plans.c.developer_id == actor.user_id)
    if args.get("customer_id"):
        query = query.where(development_plans.c.customer_id == args["customer_id"])
    if args.get("status"):
        query = query.where(development_plans.c.status == args["status"])
    return keyset_page(session, query, [development_plans.c.created_at, development_plans.c.id],
                       args.get("limit"), args.get("cursor"))


def move_development_plan(uow, actor, plan_id, action, *, now, reason=None):
    """submit (its developer or a manager) → pending_approval; approve / reject (managers only).
    An approved plan moves the customer to `developing`."""
    plan = get_development_plan(uow.session, actor, plan_id)
    if action == "submit":
        ensure_may_change(actor, plan["developer_id"])
        ensure_worth_developing(_latest_assessment(uow.session, plan["customer_id"]))
    else:
        ensure_manager(actor, f"{action} a development plan")
    status = move_plan(plan["status"], action)
    decided_by = actor.user_id if action != "submit" else None
    values = {"status": status, "updated_at": now, "reason": reason if action == "reject" else plan["reason"],
              "decided_by": decided_by}
    uow.session.execute(update(development_plans).where(development_plans.c.id == plan_id).values(**values))
    plan.update(values)
    uow.publish(PLAN_EVENTS[action], {"plan_id": plan_id, "customer_id": plan["customer_id"],
                                      "developer_id": plan["developer_id"], "budget": plan["budget"],
                                      "status": status, "reason": plan["reason"], "decided_by": decided_by})
    if action == "approve":
        customer = visible_customer(uow.session, actor, plan["customer_id"])
        advance_stage(uow, customer, "development_plan.approved", now)
    uow.commit()
    return plan


def _latest_assessment(session, customer_id):
    return session.execute(select(assessments).where(assessments.c.customer_id == customer_id)
                           .order_by(assessments.c.created_at.desc(), assessments.c.id.desc()).limit(1)
                           ).mappings().first()

