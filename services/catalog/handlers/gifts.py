"""Gifts by customer type, from data: the analyst names the gift product for each category, visits are
suggested it, and the figures show which gifts went with visits that led to deals."""
from sqlalchemy import case, delete, func, insert, select, update

from kam.errors import Invalid
from kam.records import load
from services.catalog.domain.products import ensure_editor, ensure_reader
from services.catalog.models import gift_handouts, gift_rules, products
from services.catalog.terms import CUSTOMER_CATEGORIES


def _rules(session):
    rows = session.execute(select(gift_rules, products.c.name, products.c.sku, products.c.quantity).join(
        products, products.c.id == gift_rules.c.product_id)).mappings()
    return {row["category"]: dict(row) for row in rows}


def list_gift_rules(session, actor, now):
    """Every category, with its gift or none yet."""
    ensure_reader(actor)
    found = _rules(session)
    return {"items": [found.get(category, {"category": category}) for category in CUSTOMER_CATEGORIES]}


def set_gift_rule(uow, actor, now, *, category, rule):
    ensure_editor(actor)
    product = load(uow.session, products, rule["product_id"], "product")
    if product["tracking"] != "stock":
        raise Invalid("a gift is a counted stock product", errors={"product_id": ["not a stock product"]})
    values = {"product_id": product["id"], "note": rule.get("note"), "updated_by": actor.user_id, "updated_at": now}
    uow.session.execute(delete(gift_rules).where(gift_rules.c.category == category))
    uow.session.execute(insert(gift_rules).values(category=category, **values))
    return _rules(uow.session)[category]


def suggest_gift(session, actor, now, *, category):
    """The gift for a customer of this category; no rule is `{"category": …}` alone (the caller decides)."""
    return _rules(session).get(category, {"category": category}) if category else {"category": None}


def gift_outcomes(session, actor, now):
    """Per category and gift: visits it went with, and how many of them led to a deal."""
    ensure_reader(actor)
    led = func.sum(case((gift_handouts.c.led_to_deal.is_(True), 1), else_=0))
    rows = session.execute(select(gift_handouts.c.category, gift_handouts.c.product_id, products.c.name,
                                  func.count().label("visits"), led.label("led_to_deal"))
                           .join(products, products.c.id == gift_handouts.c.product_id, isouter=True)
                           .group_by(gift_handouts.c.category, gift_handouts.c.product_id, products.c.name)
                           .order_by(gift_handouts.c.category, func.count().desc())).mappings()
    return {"items": [{**row, "led_to_deal": int(row["led_to_deal"] or 0)} for row in rows]}


def forget_customer(uow, customer_id):
    uow.session.execute(update(gift_handouts).where(gift_handouts.c.customer_id == customer_id)
                        .values(customer_id=None))
