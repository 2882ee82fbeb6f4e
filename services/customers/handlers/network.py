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
    """The circle within `depth` steps through referrals and links; hidden customers are left out."""
    CUSTOMERS.load(session, customers, actor, customer_id)
    distances, edges, frontier = {customer_id: 0}, {}, {customer_id}
    for step in range(1, depth + 1):
        found = _edges_of(session, frontier)
        frontier = set()
        for edge in found:
            edges[(edge["from_id"], edge["to_id"], edge["kind"])] = edge
            for node in (edge["from_id"], edge["to_id"]):
                if node not in distances:
                    distances[node] = step
                    frontier.add(node)
        if not frontier:
            break
    nodes = _visible_nodes(session, actor, distances)
    shown = {node["id"] for node in nodes}
    return {"customer_id": customer_id, "depth": depth, "nodes": nodes,
            "edges": [edge for edge in edges.values() if edge["from_id"] in shown and edge["to_id"] in shown],
            "credit": referrer_credit(session, customer_id)}


def referrer_credit(session, referrer_id):
    """The customers a referrer brought, and the revenue of their closed deals."""
    referred = session.scalar(select(func.count()).select_from(customers).where(customers.c.referrer_id == referrer_id))
    revenue = session.scalar(select(func.coalesce(func.sum(deals.c.total), 0)).select_from(
        deals.join(customers, customers.c.id == deals.c.customer_id)).where(customers.c.referrer_id == referrer_id))
    return {"referred_customers": referred, "revenue": Decimal(revenue or 0)}


def _edges_of(session, ids):
    ids = list(ids)
    referrals = session.execute(select(customers.c.referrer_id, customers.c.id).where(
        or_(customers.c.id.in_(ids), customers.c.referrer_id.in_(ids)), customers.c.referrer_id.is_not(None)))
    found = [{"from_id": referrer, "to_id": referred, "kind": "referred"} for referrer, referred in referrals]
    links = session.execute(select(customer_links.c.from_id, customer_links.c.to_id, customer_links.c.kind).where(
        or_(customer_links.c.from_id.in_(ids), customer_links.c.to_id.in_(ids)))).mappings()
    return found + [dict(link) for link in links]


def _visible_nodes(session, actor, distances):
    rows = session.execute(select(customers.c.id, customers.c.name, customers.c.kind, customers.c.category,
                                  customers.c.stage, customers.c.owner_id)
                           .where(customers.c.id.in_(list(distances)))).mappings()
    nodes = []
    for row in rows:
        if not CUSTOMERS.sees(actor, row):
            continue
        nodes.append({**{k: row[k] for k in ("id", "name", "kind", "category", "stage")},
                      "distance": distances[row["id"]]})
    return sorted(nodes, key=lambda node: (node["distance"], node["name"]))
