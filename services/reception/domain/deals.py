"""Deals (成交) and their delivery (配送): totals, discount, origin, repeat sales."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from kam.errors import Conflict, Invalid
from kam.workflow import Step, Workflow, role
from services.reception.contracts import DealClosed, DealDelivered
from services.reception.domain.access import visible

CENT = Decimal("0.01")
DELIVERERS = ("developer", "manager", "coordinator")
WORKFLOW = Workflow(Step("deliver", "closed", "delivered", by=role(*DELIVERERS)))
SEEN = visible("deal", "seller_id")
ELIGIBLE_ORIGINS = {"visit": ("completed", "summarized"), "reception": ("approved", "reported")}


def cny(amount):
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class DealItem:
    sku: str
    description: str
    quantity: int
    unit_price: Decimal
    in_catalog: bool | None = None

    @property
    def line_total(self):
        return cny(self.unit_price * self.quantity)


@dataclass
class Deal:
    id: str
    customer_id: str
    customer_owner_id: str | None
    seller_id: str
    status: str
    origin_type: str
    origin_id: str
    items: list
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    sequence: int
    repeat_sale: bool
    delivery_method: str
    delivery_address: str | None
    delivery_date: date | None
    closed_at: datetime
    delivered_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def closed(self):
        return DealClosed.of({"deal_id": self.id, "customer_id": self.customer_id, "seller_id": self.seller_id,
                              "origin": {"type": self.origin_type, "id": self.origin_id}, "total": self.total,
                              "closed_at": self.closed_at, "repeat_sale": self.repeat_sale,
                              "item_count": len(self.items)})

    def deliver(self, now):
        self.status = WORKFLOW.target(self.status, "deliver")
        self.delivered_at = self.updated_at = now
        return DealDelivered.of({"deal_id": self.id, "customer_id": self.customer_id, "seller_id": self.seller_id,
                                 "delivered_at": now, "method": self.delivery_method})


def price(items, discount):
    """Subtotal, discount and total in CNY with two places; the discount is an amount, never above the
    subtotal."""
    subtotal = cny(sum((item.line_total for item in items), Decimal("0")))
    discount = cny(discount or 0)
    if discount > subtotal:
        raise Invalid("the discount is above the subtotal",
                      errors={"discount": [f"at most the subtotal {subtotal}"]})
    return subtotal, discount, subtotal - discount


def check_delivery(delivery):
    """Home delivery needs where and when; pickup needs neither."""
    if delivery["method"] != "home_delivery":
        return
    missing = {name: ["required for home delivery"] for name in ("address", "date")
               if not (str(delivery.get(name) or "")).strip()}
    if missing:
        raise Invalid("home delivery needs an address and a date", errors={"delivery": missing})


def check_origin(origin_type, origin, customer_id):
    """A deal comes from this customer's visit (completed or summarized) or reception (approved or
    reported)."""
    if origin["customer_id"] != customer_id:
        raise Conflict(f"the {origin_type} is another customer's", code="origin_mismatch")
    eligible = ELIGIBLE_ORIGINS[origin_type]
    if origin["status"] not in eligible:
        raise Conflict(f"a deal comes from a {origin_type} that is {' or '.join(eligible)}, "
                       f"not {origin['status']}", code="origin_not_eligible")


def close_deal(*, id, customer, seller_id, data, previous_deals, now):
    """A deal is closed when it is recorded; a customer's second and later deals are repeat sales."""
    items = [DealItem(i["sku"], i["description"], i["quantity"], cny(i["unit_price"])) for i in data["items"]]
    if not items:
        raise Invalid("a deal has at least one item", errors={"items": ["at least one item"]})
    subtotal, discount, total = price(items, data.get("discount"))
    delivery = data["delivery"]
    check_delivery(delivery)
    home = delivery["method"] == "home_delivery"
    return Deal(
        id=id, customer_id=customer["id"], customer_owner_id=customer.get("owner_id"), seller_id=seller_id,
        status="closed", origin_type=data["origin"]["type"], origin_id=data["origin"]["id"], items=items,
        subtotal=subtotal, discount=discount, total=total, sequence=previous_deals + 1,
        repeat_sale=previous_deals > 0, delivery_method=delivery["method"],
        delivery_address=delivery.get("address") if home else None,
        delivery_date=delivery.get("date") if home else None, closed_at=now, created_at=now, updated_at=now)
