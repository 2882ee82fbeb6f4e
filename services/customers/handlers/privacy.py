"""PIPL: the access log of sensitive reads, export of everything held, and erasure everywhere."""
from sqlalchemy import delete, insert, select, update

from kam.db import new_id
from kam.errors import Forbidden, InvalidTransition
from kam.pagination import keyset_page
from kam.privacy import erase_customer_events
from kam.records import load
from services.customers import exports
from services.customers.contracts import CustomerErased
from services.customers.domain.access import CUSTOMERS, ensure_manager, sees_sensitive
from services.customers.domain.customer import erased_values
from services.customers.handlers.records import view
from services.customers.models import (
    access_log,
    assessments,
    contacts,
    customer_history,
    customer_links,
    customers,
    deals,
    development_plans,
    metadata,
    search_tokens,
    timeline,
)
from services.customers.terms import SENSITIVE_FIELDS

HELD = {"history": customer_history, "contacts": contacts, "assessments": assessments,
        "development_plans": development_plans, "deals": deals, "timeline": timeline}


def access_log_page(session, actor, now, *, customer_id, limit=None, cursor=None):
    ensure_manager(actor, "read the access log")
    load(session, customers, customer_id, "customer")
    query = select(access_log).where(access_log.c.customer_id == customer_id)
    return keyset_page(session, query, [access_log.c.at, access_log.c.id], limit, cursor)


def export_customer(uow, actor, now, *, customer_id, sealer):
    """Everything this service holds on the customer (its sensitive part read, and the read logged)."""
    row = CUSTOMERS.load(uow.session, customers, actor, customer_id)
    sensitive = sealer.open(row["sensitive_sealed"]) if row["sensitive_sealed"] else None
    if sensitive and sees_sensitive(actor, row):
        uow.session.execute(insert(access_log).values(
            id=new_id(), customer_id=customer_id, at=now, user_id=actor.user_id,
            fields=[f for f in SENSITIVE_FIELDS if sensitive.get(f)], purpose="个人信息导出（PIPL）"))
    held = {"customer": view(row,
                             sensitive if sees_sensitive(actor, row) else None)}
    shown = {**HELD, "access_log": access_log} if actor.role == "manager" else HELD  # as /access-log
    for name, table in shown.items():
        held[name] = [dict(r) for r in uow.session.execute(
            select(table).where(table.c.customer_id == customer_id)).mappings()]
    held["links"] = [dict(r) for r in uow.session.execute(select(customer_links).where(
        (customer_links.c.from_id == customer_id) | (customer_links.c.to_id == customer_id))).mappings()]
    return held


def export_everywhere(uow, actor, now, *, customer_id, sealer, cluster):
    """All the system holds on the customer, for its owner and managers: this service's part and every
    other service's (gathered before this one's read is logged, so no write waits on another service)."""
    row = CUSTOMERS.load(uow.session, customers, actor, customer_id)
    if not sees_sensitive(actor, row):
        raise Forbidden("only the owner or a manager may export a customer's data")
    elsewhere = exports.gather(cluster, exports.other_services("customers"), customer_id)
    here = export_customer(uow, actor, now, customer_id=customer_id, sealer=sealer)
    return {"customer_id": customer_id, "services": {"customers": {"status": "ok", "data": here}, **elsewhere}}


def erase_customer(uow, actor, now, *, customer_id):
    """Identity and sensitive data go, here and (through `customer.erased`) in every service; the id and
    the anonymous figures (category, stage, dates, revenue, links) stay. Erasing twice is refused."""
    ensure_manager(actor, "erase a customer")
    row = load(uow.session, customers, customer_id, "customer", lock=True)
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
    session.execute(update(access_log).where(access_log.c.customer_id == customer_id).values(purpose=None))
    erase_customer_events(session, metadata, customer_id)
    uow.publish(CustomerErased, {"customer_id": customer_id})
    return view(load(session, customers, customer_id, "customer"))
