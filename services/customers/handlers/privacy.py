"""PIPL: the access log of sensitive reads, export of everything held, and erasure everywhere."""
from sqlalchemy import delete, insert, select, update

from kam.db import new_id
from kam.errors import Forbidden, InvalidTransition
from kam.pagination import keyset_page
from services.customers.domain.access import ensure_manager, ensure_visible, sees_sensitive
from services.customers.domain.customer import erased_values
from services.customers.handlers.records import load_customer, revenue_of, view, visible_customer
from services.customers.models import (
    access_log,
    assessments,
    contacts,
    customer_history,
    customer_links,
    customers,
    deals,
    development_plans,
    search_tokens,
    timeline,
)
from services.customers.schemas.events import CustomerErased
from services.customers.terms import SENSITIVE_FIELDS

HELD = {"history": customer_history, "contacts": contacts, "assessments": assessments,
        "development_plans": development_plans, "deals": deals, "timeline": timeline, "access_log": access_log}


def access_log_page(session, actor, customer_id, limit=None, cursor=None):
    ensure_manager(actor, "read the access log")
    load_customer(session, customer_id)
    query = select(access_log).where(access_log.c.customer_id == customer_id)
    return keyset_page(session, query, [access_log.c.at, access_log.c.id], limit, cursor)


def export_held(uow, actor, customer_id, *, now, sealer):
    """Everything this service holds on the customer (its sensitive part read, and the read logged)."""
    row = load_customer(uow.session, customer_id)
    ensure_visible(actor, row["owner_id"])
    sensitive = sealer.open(row["sensitive_sealed"]) if row["sensitive_sealed"] else None
    if sensitive and sees_sensitive(actor, row["owner_id"]):
        uow.session.execute(insert(access_log).values(
            id=new_id(), customer_id=customer_id, at=now, user_id=actor.user_id,
            fields=[f for f in SENSITIVE_FIELDS if sensitive.get(f)], purpose="个人信息导出（PIPL）"))
    held = {"customer": view(row, revenue_of(uow.session, [customer_id]).get(customer_id),
                             sensitive if sees_sensitive(actor, row["owner_id"]) else None)}
    for name, table in HELD.items():
        held[name] = [dict(r) for r in uow.session.execute(
            select(table).where(table.c.customer_id == customer_id)).mappings()]
    held["links"] = [dict(r) for r in uow.session.execute(select(customer_links).where(
        (customer_links.c.from_id == customer_id) | (customer_links.c.to_id == customer_id))).mappings()]
    uow.commit()
    return held


def ensure_may_export(session, actor, customer_id):
    """Export is for the customer's owner and managers."""
    row = visible_customer(session, actor, customer_id)
    if not sees_sensitive(actor, row["owner_id"]):
        raise Forbidden("only the owner or a manager may export a customer's data")
    return row


def erase_customer(uow, actor, customer_id, *, now):
    """Identity and sensitive data go, here and (through `customer.erased`) in every service; the id and
    the anonymous figures (category, stage, dates, revenue, links) stay. Erasing twice is refused."""
    ensure_manager(actor, "erase a customer")
    row = load_customer(uow.session, customer_id)
    if row["erased_at"] is not None:
        raise InvalidTransition("the customer is already erased", code="invalid_transition")
    session = uow.session
    session.execute(update(customers).where(customers.c.id == customer_id).values(**erased_values(now)))
    session.execute(delete(search_tokens).where(search_tokens.c.customer_id == customer_id))
    session.execute(delete(customer_history).where(customer_history.c.customer_id == customer_id))
    session.execute(update(contacts).where(contacts.c.customer_id == customer_id)
                    .values(topic=None, content=None, outcome=None))
    session.execute(update(development_plans).where(development_plans.c.customer_id == customer_id)
                    .values(plan=None, reason=None))
    session.execute(update(customer_links).where((customer_links.c.from_id == customer_id)
                                                 | (customer_links.c.to_id == customer_id)).values(note=None))
    uow.publish(CustomerErased, {"customer_id": customer_id})
    uow.commit()
    return view(load_customer(session, customer_id), revenue_of(session, [customer_id]).get(customer_id))
