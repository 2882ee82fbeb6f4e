"""Deals and gifts draw from real stock: a piece named in a deal is sold (to the customer it is held for,
if held), counted stock goes down, and a dip below the reorder level asks the analyst to restock."""
from sqlalchemy import exists, insert, select, update

from kam.errors import Conflict, Invalid
from services.catalog.contracts import GiftHandedOut, StockLow
from services.catalog.domain.products import crossed_reorder_level
from services.catalog.models import deal_claims, gift_handouts, products, reservations
from services.catalog.terms import HELD


def _held_for_customer(product_id, customer_id):
    return exists().where(reservations.c.product_id == product_id, reservations.c.status.in_(HELD),
                          reservations.c.customer_id == customer_id)


def sell_piece(session, product, customer_id, now):
    """In stock, or held for this very customer: sold, in one conditional update. Sold already, or held
    for someone else: 409 `not_available`."""
    sold = session.execute(update(products).where(
        products.c.id == product["id"], products.c.tracking == "piece",
        (products.c.status == "in_stock") | (products.c.status.in_(HELD)
                                             & _held_for_customer(product["id"], customer_id)))
        .values(status="sold", updated_at=now))
    if sold.rowcount != 1:
        raise Conflict(f"the piece {product['sku']} is not available", code="not_available")
    session.execute(update(reservations).where(reservations.c.product_id == product["id"],
                                               reservations.c.status.in_(HELD))
                    .values(status="sold", updated_at=now))


def take_stock(uow, product, quantity, now):
    """Down by `quantity`, never below zero (a conditional update); below the reorder level: `stock.low`."""
    taken = uow.session.execute(update(products).where(products.c.id == product["id"], products.c.quantity >= quantity)
                                .values(quantity=products.c.quantity - quantity, updated_at=now))
    if taken.rowcount != 1:
        raise Conflict(f"not enough {product['sku']} in stock", code="not_available")
    after = uow.session.scalar(select(products.c.quantity).where(products.c.id == product["id"]))
    if crossed_reorder_level(after + quantity, after, product["reorder_level"]):
        uow.collect(StockLow.of({**product, "product_id": product["id"], "quantity": after}))


def claim_items_for_deal(uow, actor, now, *, deal_id, customer_id, items):
    """Asked by reception when a deal is created. Once per deal: a repeated claim answers as the first."""
    if uow.session.execute(select(deal_claims.c.deal_id).where(deal_claims.c.deal_id == deal_id)).first():
        return {"deal_id": deal_id, "items": _claimed(uow.session, deal_id, items)}
    skus = [item["sku"] for item in items]
    found = {row["sku"]: dict(row) for row in uow.session.execute(
        select(products).where(products.c.sku.in_(skus))).mappings()}
    for item in items:
        product = found.get(item["sku"])
        if product is None:
            continue  # the store sells things the department does not stock: free text on the deal
        if product["tracking"] == "piece":
            if item["quantity"] != 1:
                raise Invalid("a unique piece is sold one at a time", errors={"items": [f"{item['sku']}: quantity 1"]})
            sell_piece(uow.session, product, customer_id, now)
        else:
            take_stock(uow, product, item["quantity"], now)
        uow.session.execute(insert(deal_claims).values(deal_id=deal_id, product_id=product["id"],
                                                       quantity=item["quantity"], tracking=product["tracking"],
                                                       released=False, claimed_at=now))
    return {"deal_id": deal_id, "items": _claimed(uow.session, deal_id, items)}


def _claimed(session, deal_id, items):
    found = {row["sku"]: row for row in session.execute(
        select(products.c.sku, products.c.id, products.c.tracking).where(
            products.c.sku.in_([item["sku"] for item in items]))).mappings()}
    return [{"sku": item["sku"], "in_catalog": item["sku"] in found,
             "product_id": found[item["sku"]]["id"] if item["sku"] in found else None,
             "tracking": found[item["sku"]]["tracking"] if item["sku"] in found else None} for item in items]


def release_deal_items(uow, actor, now, *, deal_id):
    """The deal was not recorded after all (reception could not save it): what it drew goes back."""
    claims = uow.session.execute(select(deal_claims).where(deal_claims.c.deal_id == deal_id,
                                                           deal_claims.c.released.is_(False))).mappings().all()
    for claim in claims:
        if claim["tracking"] == "piece":
            uow.session.execute(update(products).where(products.c.id == claim["product_id"], products.c.status == "sold")
                                .values(status="in_stock", updated_at=now))
        else:
            uow.session.execute(update(products).where(products.c.id == claim["product_id"])
                                .values(quantity=products.c.quantity + claim["quantity"], updated_at=now))
    uow.session.execute(update(deal_claims).where(deal_claims.c.deal_id == deal_id).values(released=True))
    return {"deal_id": deal_id, "released": len(claims)}


def hand_out_gift(uow, now, visit):
    """The visit took place: its gift left stock (once per visit, whatever the redeliveries)."""
    product_id = visit.get("gift_product_id")
    if not product_id:
        return
    product = uow.session.execute(select(products).where(products.c.id == product_id)).mappings().first()
    if product is None or product["tracking"] != "stock" or uow.session.execute(
            select(gift_handouts.c.visit_id).where(gift_handouts.c.visit_id == visit["visit_id"])).first():
        return
    handout = {"visit_id": visit["visit_id"], "product_id": product_id, "customer_id": visit["customer_id"],
               "category": visit.get("customer_category"), "led_to_deal": False, "handed_out_at": visit["occurred_at"]}
    uow.session.execute(insert(gift_handouts).values(**handout))
    if product["quantity"] > 0:
        take_stock(uow, dict(product), 1, now)
    uow.collect(GiftHandedOut.of({**handout, "name": product["name"]}))


def note_deal(uow, deal):
    """A deal from a visit: the gift of that visit led to a deal."""
    if deal["origin"]["type"] == "visit":
        uow.session.execute(update(gift_handouts).where(gift_handouts.c.visit_id == deal["origin"]["id"])
                            .values(led_to_deal=True))
