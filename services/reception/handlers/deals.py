"""Deals: close one (with its origin checked and its totals computed), deliver it, read them."""
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict
from services.reception.contracts import DealClosed, DealDelivered
from services.reception.domain.deals import Deal, DealItem, check_origin, close_deal
from services.reception.domain.workflow import ensure_may_change, ensure_reader, ensure_visible
from services.reception.handlers.common import customer_of_caller, list_page, load_row
from services.reception.handlers.receptions import get_reception
from services.reception.models import deal_items, deals

WHAT = "deal"
DELIVERERS = ("developer", "manager", "coordinator")
DEAL_COLUMNS = [column.name for column in deals.columns]


def as_output(deal):
    return {
        "id": deal.id, "customer_id": deal.customer_id, "seller_id": deal.seller_id, "status": deal.status,
        "origin": {"type": deal.origin_type, "id": deal.origin_id},
        "items": [{"sku": i.sku, "description": i.description, "quantity": i.quantity,
                   "unit_price": i.unit_price, "line_total": i.line_total} for i in deal.items],
        "subtotal": deal.subtotal, "discount": deal.discount, "total": deal.total,
        "repeat_sale": deal.repeat_sale,
        "delivery": {"method": deal.delivery_method, "address": deal.delivery_address,
                     "date": deal.delivery_date, "delivered_at": deal.delivered_at},
        "closed_at": deal.closed_at, "updated_at": deal.updated_at,
    }


def create_deal(uow, actor, now, customers, visits, data):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    origin_type, origin_id = data["origin"]["type"], data["origin"]["id"]
    origin = (visits.get_visit(origin_id) if origin_type == "visit"
              else get_reception(uow.session, actor, origin_id))
    check_origin(origin_type, origin, customer["id"])
    previous = uow.session.scalar(select(func.count()).select_from(deals)
                                  .where(deals.c.customer_id == customer["id"]))
    deal = close_deal(id=new_id(), customer=customer, seller_id=actor.user_id, data=data,
                      previous_deals=previous, now=now)
    try:
        _insert(uow.session, deal)
    except IntegrityError as error:
        raise Conflict("another deal of this customer was recorded at the same moment; try again",
                       code="concurrent_deal") from error
    uow.publish(DealClosed, {"deal_id": deal.id, "customer_id": deal.customer_id, "seller_id": deal.seller_id,
                             "origin": {"type": deal.origin_type, "id": deal.origin_id}, "total": deal.total,
                             "closed_at": deal.closed_at, "repeat_sale": deal.repeat_sale,
                             "item_count": len(deal.items)})
    uow.commit()
    return as_output(deal)


def deliver_deal(uow, actor, now, deal_id):
    deal = _load(uow.session, deal_id, for_update=True)
    ensure_may_change(actor, deal.seller_id, deal.customer_owner_id, WHAT, roles=DELIVERERS)
    deal.deliver(now)
    uow.session.execute(update(deals).where(deals.c.id == deal.id).values(
        status=deal.status, delivered_at=now, updated_at=now))
    uow.publish(DealDelivered, {"deal_id": deal.id, "customer_id": deal.customer_id,
                                "seller_id": deal.seller_id, "delivered_at": now,
                                "method": deal.delivery_method})
    uow.commit()
    return as_output(deal)


def get_deal(session, actor, deal_id):
    ensure_reader(actor)
    deal = _load(session, deal_id)
    ensure_visible(actor, deal.seller_id, deal.customer_owner_id, WHAT)
    return as_output(deal)


def list_deals(session, actor, args):
    page = list_page(session, actor, deals, owner_column=deals.c.seller_id, order_column=deals.c.created_at,
                     filters={"customer_id": args.get("customer_id"), "status": args.get("status")},
                     args=args, to_item=dict)
    items_of = _items_of(session, [row["id"] for row in page["items"]])
    page["items"] = [as_output(Deal(**row, items=items_of.get(row["id"], []))) for row in page["items"]]
    return page


def deals_of_customer(session, customer_id, visible):
    rows = session.execute(select(deals).where(deals.c.customer_id == customer_id, visible)
                           .order_by(deals.c.sequence)).mappings().all()
    items_of = _items_of(session, [row["id"] for row in rows])
    return [as_output(Deal(**row, items=items_of.get(row["id"], []))) for row in rows]


def _load(session, deal_id, for_update=False):
    row = load_row(session, deals, deal_id, WHAT, for_update=for_update)
    return Deal(**row, items=_items_of(session, [deal_id]).get(deal_id, []))


def _items_of(session, deal_ids):
    if not deal_ids:
        return {}
    rows = session.execute(select(deal_items).where(deal_items.c.deal_id.in_(deal_ids))
                           .order_by(deal_items.c.deal_id, deal_items.c.line_no)).mappings()
    found = {}
    for row in rows:
        found.setdefault(row["deal_id"], []).append(
            DealItem(row["sku"], row["description"], row["quantity"], row["unit_price"]))
    return found


def _insert(session, deal):
    session.execute(insert(deals).values(**{name: getattr(deal, name) for name in DEAL_COLUMNS}))
    session.execute(insert(deal_items), [
        {"deal_id": deal.id, "line_no": number, "sku": item.sku, "description": item.description,
         "quantity": item.quantity, "unit_price": item.unit_price, "line_total": item.line_total}
        for number, item in enumerate(deal.items, start=1)])
