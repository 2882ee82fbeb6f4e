"""客户移交: a manager hands one customer, or every customer of a developer who leaves, to another developer.
The file and its open development plans move here in the same transaction; `customer.transferred`
tells the other services to move their open work."""
from sqlalchemy import select, update

from services.customers.contracts import CustomerTransferred
from services.customers.domain.access import CUSTOMERS, ensure_manager
from services.customers.domain.customer import ensure_not_erased
from services.customers.domain.transfer import (
    OPEN_PLAN_STATUSES,
    customer_actions,
    ensure_new_owner,
    ensure_reason,
    leaver,
    receiver,
    transferred,
)
from services.customers.handlers.records import record_history, view
from services.customers.models import customers, development_plans


def transfer_customer(uow, actor, now, *, customer_id, data, people):
    """Managers only (403); the customer must be visible (404) and not erased (409 `customer_erased`)."""
    ensure_manager(actor, "transfer a customer")
    row = CUSTOMERS.load(uow.session, customers, actor, customer_id, lock=True)
    ensure_not_erased(row)
    to, reason = receiver(people, data["to_owner_id"]), ensure_reason(data["reason"])
    ensure_new_owner(row, to["id"])
    row = hand_over(uow, actor, now, row, to=to, reason=reason, people=people)
    return {**view(row), "actions": customer_actions(actor, row)}


def transfer_customers(uow, actor, now, *, data, people):
    """Every customer of `from_owner_id` that still has a file (not erased) to `to_owner_id`."""
    ensure_manager(actor, "transfer customers")
    to, reason = receiver(people, data["to_owner_id"]), ensure_reason(data["reason"])
    source = leaver(people, data["from_owner_id"], to["id"])
    rows = uow.session.execute(
        select(customers).where(customers.c.owner_id == source["id"], customers.c.erased_at.is_(None))
        .order_by(customers.c.created_at, customers.c.id).with_for_update()).mappings().all()
    moved = [hand_over(uow, actor, now, dict(row), to=to, reason=reason, people=people)["id"] for row in rows]
    return {"from_owner_id": source["id"], "to_owner_id": to["id"], "transferred": len(moved), "customer_ids": moved}


def hand_over(uow, actor, now, row, *, to, reason, people):
    """The owner changes in the file and its history; its open plans go with it; the event tells the rest."""
    session, customer_id = uow.session, row["id"]
    session.execute(update(customers).where(customers.c.id == customer_id).values(owner_id=to["id"], updated_at=now))
    record_history(session, customer_id, actor.user_id, {"owner_id": {"before": row["owner_id"], "after": to["id"]}},
                   now)
    session.execute(update(development_plans).where(
        development_plans.c.customer_id == customer_id, development_plans.c.status.in_(OPEN_PLAN_STATUSES))
        .values(developer_id=to["id"], updated_at=now))
    session.execute(update(development_plans).where(development_plans.c.customer_id == customer_id)
                    .values(customer_owner_id=to["id"]))
    uow.publish(CustomerTransferred, transferred(row, to=to, actor=actor, reason=reason, people=people))
    return {**row, "owner_id": to["id"], "updated_at": now}
