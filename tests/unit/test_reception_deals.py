"""Deals: totals in CNY decimals, the discount, delivery, origin and repeat sales."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kam.errors import Conflict, Invalid, InvalidTransition
from services.reception.domain.deals import check_origin, close_deal

NOW = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)
CUSTOMER = {"id": "c-1", "owner_id": "dev-1"}
RING = {"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1,
        "unit_price": Decimal("68800.00")}
PENDANT = {"sku": "P-0.30-18K", "description": "0.30克拉18K金钻石吊坠", "quantity": 2,
           "unit_price": Decimal("4999.99")}
PICKUP = {"method": "pickup", "address": None, "date": None}


def deal(items=(RING,), discount=None, delivery=PICKUP, previous=0):
    data = {"customer_id": "c-1", "origin": {"type": "reception", "id": "r-1"}, "items": list(items),
            "discount": discount, "delivery": delivery}
    return close_deal(id="d-1", customer=CUSTOMER, seller_id="dev-1", data=data, previous_deals=previous, now=NOW)


def test_totals_are_computed_by_the_server_in_cny_decimals():
    closed = deal(items=(RING, PENDANT), discount=Decimal("3800"))
    assert closed.subtotal == Decimal("78799.98")
    assert closed.discount == Decimal("3800.00")
    assert closed.total == Decimal("74999.98")
    assert [item.line_total for item in closed.items] == [Decimal("68800.00"), Decimal("9999.98")]
    assert str(closed.total) == "74999.98"


def test_no_discount_means_zero():
    closed = deal()
    assert closed.discount == Decimal("0.00") and closed.total == Decimal("68800.00")


def test_discount_not_above_the_subtotal():
    with pytest.raises(Invalid) as raised:
        deal(discount=Decimal("68800.01"))
    assert "discount" in raised.value.errors
    assert deal(discount=Decimal("68800.00")).total == Decimal("0.00")


def test_a_deal_is_closed_when_recorded():
    closed = deal()
    assert closed.status == "closed" and closed.closed_at == NOW and closed.seller_id == "dev-1"


def test_home_delivery_needs_address_and_date():
    with pytest.raises(Invalid) as raised:
        deal(delivery={"method": "home_delivery", "address": "", "date": None})
    assert set(raised.value.errors["delivery"]) == {"address", "date"}
    home = deal(delivery={"method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": date(2026, 5, 28)})
    assert home.delivery_address == "上海市徐汇区衡山路8号" and home.delivery_date == date(2026, 5, 28)


def test_pickup_keeps_no_address():
    picked = deal(delivery={"method": "pickup", "address": "随便写的", "date": date(2026, 5, 28)})
    assert picked.delivery_address is None and picked.delivery_date is None


def test_delivering_twice_is_invalid():
    closed = deal()
    closed.deliver(NOW)
    assert closed.status == "delivered" and closed.delivered_at == NOW
    with pytest.raises(InvalidTransition):
        closed.deliver(NOW)


def test_a_customers_second_deal_is_a_repeat_sale():
    assert deal(previous=0).repeat_sale is False
    assert deal(previous=1).repeat_sale is True and deal(previous=1).sequence == 2
    assert deal(previous=4).repeat_sale is True


def test_deal_origin_must_be_the_same_customer():
    with pytest.raises(Conflict) as raised:
        check_origin("visit", {"customer_id": "c-2", "status": "completed"}, "c-1")
    assert raised.value.error_code == "origin_mismatch"


def test_deal_from_a_visit_needs_a_completed_or_summarized_visit():
    for status in ("completed", "summarized"):
        check_origin("visit", {"customer_id": "c-1", "status": status}, "c-1")
    for status in ("draft", "pending_approval", "approved", "rejected"):
        with pytest.raises(Conflict) as raised:
            check_origin("visit", {"customer_id": "c-1", "status": status}, "c-1")
        assert raised.value.error_code == "origin_not_eligible"


def test_deal_from_a_reception_needs_an_approved_or_reported_reception():
    for status in ("approved", "reported"):
        check_origin("reception", {"customer_id": "c-1", "status": status}, "c-1")
    for status in ("draft", "pending_approval", "rejected"):
        with pytest.raises(Conflict) as raised:
            check_origin("reception", {"customer_id": "c-1", "status": status}, "c-1")
        assert raised.value.error_code == "origin_not_eligible"
