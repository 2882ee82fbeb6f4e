"""The network (人脉): who referred whom, influence links, the circle around a customer, referrer credit."""
from decimal import Decimal

from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict, Invalid
from services.customers.domain.access import CUSTOMERS, ensure_may_change
from services.customers.models import customer_links, customers, deals


def link_customers(uow, actor, now, *, customer_id, data):
    """An influence link (spouse, relative, colleague, classmate, same club, …) between two customers."""
    ensure_may_change(actor, CUSTOMERS.load(uow.session, customers, actor, customer_id))
    CUSTOMERS.load(uow.session, customers, actor, data["to_customer_id"])
    if data["to_customer_id"] == customer_id:
        raise Invalid("a customer cannot be linked to itself", errors={"to_customer_id": ["must be another customer"]})
    link = {"id": new_id(), "from_id": customer_id, "to_id": data["to_customer_id"], "kind": data["kind"],
            "note": data.get("note"), "created_by": actor.user_id, "created_at": now}
    try:
        uow.session.execute(insert(customer_links).values(**link))
    except IntegrityError as error:
        raise Conflict("these customers are already linked so", code="link_exists") from error
    return link


def customer_network(session, actor, now, *, customer_id, depth=1):
    """The circle within `depth` steps through referrals and links, walked only through customers the
    caller sees: a hidden customer is neither shown nor a bridge to anyone (its distance would tell)."""
    CUSTOMERS.load(session, customers, actor, customer_id)
    distances, edges, frontier = {customer_id: 0}, {}, {customer_id}
    for step in range(1, depth + 1):
        found = _edges_of(session, frontier)
        reached = _visible_ids(session, actor, {n for edge in found for n in (edge["from_id"], edge["to_id"])}
                               - set(distances))
        distances.update(dict.fromkeys(reached, step))
        for edge in found:
            if edge["from_id"] in distances and edge["to_id"] in distances:
                edges[(edge["from_id"], edge["to_id"], edge["kind"])] = edge
        frontier = reached
        if not frontier:
            break
    return {"customer_id": customer_id, "depth": depth, "nodes": _nodes(session, distances),
            "edges": list(edges.values()), "credit": referrer_credit(session, actor, customer_id)}


def referrer_credit(session, actor, referrer_id):
    """The customers a referrer brought, and the revenue of their closed deals: of those the caller sees."""
    brought = (customers.c.referrer_id == referrer_id) & CUSTOMERS.where(actor, customers)
    referred = session.scalar(select(func.count()).select_from(customers).where(brought))
    revenue = session.scalar(select(func.coalesce(func.sum(deals.c.total), 0)).select_from(
        deals.join(customers, customers.c.id == deals.c.customer_id)).where(brought))
    return {"referred_customers": referred, "revenue": Decimal(revenue or 0)}


def _edges_of(session, ids):
    ids = list(ids)
    referrals = session.execute(select(customers.c.referrer_id, customers.c.id).where(
        or_(customers.c.id.in_(ids), customers.c.referrer_id.in_(ids)), customers.c.referrer_id.is_not(None)))
    found = [{"from_id": referrer, "to_id": referred, "kind": "referred"} for referrer, referred in referrals]
    links = session.execute(select(customer_links.c.from_id, customer_links.c.to_id, customer_links.c.kind).where(
        or_(customer_links.c.from_id.in_(ids), customer_links.c.to_id.in_(ids)))).mappings()
    return found + [dict(link) for link in links]


def _visible_ids(session, actor, ids):
    if not ids:
        return set()
    return set(session.scalars(select(customers.c.id).where(customers.c.id.in_(list(ids)),
                                                            CUSTOMERS.where(actor, customers))))


def _nodes(session, distances):
    rows = session.execute(select(customers.c.id, customers.c.name, customers.c.kind, customers.c.category,
                                  customers.c.stage).where(customers.c.id.in_(list(distances)))).mappings()
    nodes = [{**row, "distance": distances[row["id"]]} for row in rows]
    return sorted(nodes, key=lambda node: (node["distance"], node["name"]))
