"""Deals: close one (with its origin checked and its totals computed), deliver it, read them."""
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict
from kam.records import save
from services.reception.domain.access import ensure_may, ensure_reader
from services.reception.domain.deals import SEEN, WORKFLOW, Deal, DealItem, check_origin, close_deal
from services.reception.handlers.common import customer_of_caller, list_page
from services.reception.handlers.receptions import get_reception
from services.reception.models import deal_items, deals

DEAL_COLUMNS = [column.name for column in deals.columns]


def as_output(deal, actor):
    out = {
        "id": deal.id, "customer_id": deal.customer_id, "seller_id": deal.seller_id, "status": deal.status,
        "origin": {"type": deal.origin_type, "id": deal.origin_id},
        "items": [{"sku": i.sku, "description": i.description, "quantity": i.quantity,
                   "unit_price": i.unit_price, "line_total": i.line_total, "in_catalog": i.in_catalog}
                  for i in deal.items],
        "subtotal": deal.subtotal, "discount": deal.discount, "total": deal.total,
        "repeat_sale": deal.repeat_sale,
        "delivery": {"method": deal.delivery_method, "address": deal.delivery_address,
                     "date": deal.delivery_date, "delivered_at": deal.delivered_at},
        "closed_at": deal.closed_at, "updated_at": deal.updated_at,
    }
    return {**out, "actions": WORKFLOW.actions(actor, out)}


def create_deal(uow, actor, now, *, data, customers, visits, catalog):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    origin_type, origin_id = data["origin"]["type"], data["origin"]["id"]
    origin = (visits.get_visit(origin_id) if origin_type == "visit"
              else get_reception(uow.session, actor, now, reception_id=origin_id))
    check_origin(origin_type, origin, customer["id"])
    previous = uow.session.scalar(select(func.count()).select_from(deals)
                                  .where(deals.c.customer_id == customer["id"]))
    deal = close_deal(id=new_id(), customer=customer, seller_id=actor.user_id, data=data,
                      previous_deals=previous, now=now)
    claimed = catalog.claim_items_for_deal(deal.id, customer["id"], [
        {"sku": item.sku, "quantity": item.quantity} for item in deal.items])  # 409 not_available: sold or held
    for item, found in zip(deal.items, claimed["items"], strict=True):
        item.in_catalog = found["in_catalog"]
    try:
        _insert(uow.session, deal)
    except IntegrityError as error:
        catalog.release_deal_items(deal.id)
        raise Conflict("another deal of this customer was recorded at the same moment; try again",
                       code="concurrent_deal") from error
    uow.collect(deal.closed())
    return as_output(deal, actor)


def deliver_deal(uow, actor, now, *, deal_id):
    row = SEEN.load(uow.session, deals, actor, deal_id, lock=True)
    ensure_may(WORKFLOW, actor, row, "deliver")
    deal = _with_items(uow.session, row)
    uow.collect(deal.deliver(now))
    save(uow.session, deals, row, {"status": deal.status, "delivered_at": now, "updated_at": now})
    return as_output(deal, actor)


def get_deal(session, actor, now, *, deal_id):
    ensure_reader(actor)
    return as_output(_with_items(session, SEEN.load(session, deals, actor, deal_id)), actor)


def list_deals(session, actor, now, *, args):
    page = list_page(session, actor, deals, SEEN, order_column=deals.c.created_at,
                     filters={"customer_id": args.get("customer_id"), "status": args.get("status")},
                     args=args, to_item=dict)
    return {**page, "items": _as_outputs(session, actor, page["items"])}


def deals_of_customer(session, actor, customer_id):
    rows = session.execute(select(deals).where(deals.c.customer_id == customer_id, SEEN.where(actor, deals))
                           .order_by(deals.c.sequence)).mappings().all()
    return _as_outputs(session, actor, rows)


def _as_outputs(session, actor, rows):
    items_of = _items_of(session, [row["id"] for row in rows])
    return [as_output(Deal(**row, items=items_of.get(row["id"], [])), actor) for row in rows]


def _with_items(session, row):
    return Deal(**row, items=_items_of(session, [row["id"]]).get(row["id"], []))


def _items_of(session, deal_ids):
    if not deal_ids:
        return {}
    rows = session.execute(select(deal_items).where(deal_items.c.deal_id.in_(deal_ids))
                           .order_by(deal_items.c.deal_id, deal_items.c.line_no)).mappings()
    found = {}
    for row in rows:
        found.setdefault(row["deal_id"], []).append(
            DealItem(row["sku"], row["description"], row["quantity"], row["unit_price"], row["in_catalog"]))
    return found


def _insert(session, deal):
    session.execute(insert(deals).values(**{name: getattr(deal, name) for name in DEAL_COLUMNS}))
    session.execute(insert(deal_items), [
        {"deal_id": deal.id, "line_no": number, "sku": item.sku, "description": item.description,
         "quantity": item.quantity, "unit_price": item.unit_price, "line_total": item.line_total,
         "in_catalog": item.in_catalog}
        for number, item in enumerate(deal.items, start=1)])
