"""The catalog's rules on a fake unit of work and fake visits: products, reservations, deals and stock."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.catalog.handlers import products, reservations, stock
from services.catalog.models import metadata

NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
DEV1, DEV2 = Actor("dev-1", "developer"), Actor("dev-2", "developer")
ANALYST, COORDINATOR = Actor("a-1", "analyst"), Actor("co-1", "coordinator")
VISITS = {
    "v-1": {"id": "v-1", "customer_id": "c-1", "visitor_id": "dev-1", "status": "approved", "planned_at": NOW},
    "v-2": {"id": "v-2", "customer_id": "c-2", "visitor_id": "dev-2", "status": "approved", "planned_at": NOW},
    "v-3": {"id": "v-3", "customer_id": "c-1", "visitor_id": "dev-1", "status": "draft", "planned_at": NOW},
}
VISITS_REMOTE = FakeRemote(get_visit=lambda visit_id: VISITS[visit_id])
PIECE = {"sku": "R-1001", "name": "1克拉圆钻结婚周年戒指", "kind": "ring", "tracking": "piece",
         "list_price": Decimal("68000.00"), "gem": {"carat": Decimal("1.01"), "cut": "EX"},
         "certificate": {"lab": "GIA", "number": "2141438171"}}
GIFT = {"sku": "G-01", "name": "珠宝保养礼包", "kind": "gift", "tracking": "stock", "list_price": Decimal("120.00"),
        "quantity": 3, "reorder_level": 2}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def piece(uow, **changes):
    return products.create_product(uow, ANALYST, NOW, data={**PIECE, **changes})


def reserve(uow, product, actor=DEV1, visit_id="v-1"):
    return reservations.reserve_piece(uow, actor, NOW, data={"product_id": product["id"], "subject": {
        "type": "visit", "id": visit_id}}, visits=VISITS_REMOTE, reception=None)


def claim(uow, items, customer_id="c-1", deal_id="d-1"):
    return stock.claim_items_for_deal(uow, DEV1, NOW, deal_id=deal_id, customer_id=customer_id, items=items)


def status_of(uow, product):
    return products.get_product(uow.session, DEV1, NOW, product_id=product["id"])["status"]


def test_only_the_analyst_and_managers_edit_the_catalog(uow):
    with pytest.raises(Forbidden):
        products.create_product(uow, DEV1, NOW, data=PIECE)
    created = piece(uow)
    assert created["status"] == "in_stock" and created["certificate"]["number"] == "2141438171"
    assert products.get_product(uow.session, COORDINATOR, NOW, product_id=created["id"])["sku"] == "R-1001"


def test_skus_are_unique(uow):
    piece(uow)
    with pytest.raises(Conflict) as refused:
        piece(uow, name="另一件")
    assert refused.value.error_code == "duplicate_sku"


def test_a_piece_has_no_quantity_and_stock_has_no_certificate(uow):
    with pytest.raises(Invalid) as refused:
        piece(uow, quantity=2)
    assert "quantity" in refused.value.errors
    with pytest.raises(Invalid):
        products.create_product(uow, ANALYST, NOW, data={**GIFT, "certificate": {"number": "X"}})


def test_search_finds_by_chinese_name_certificate_and_carat(uow):
    piece(uow)
    piece(uow, sku="N-1", name="珍珠项链", kind="necklace", gem={"carat": Decimal("0.3")},
          certificate={"number": "NGTC-1"})
    found = lambda **args: [p["sku"] for p in products.list_products(uow.session, DEV1, NOW, args=args)["items"]]  # noqa: E731
    assert found(q="圆钻") == ["R-1001"]
    assert found(q="ngtc") == ["N-1"]
    assert found(min_carat=Decimal("1")) == ["R-1001"]
    assert sorted(found(max_price=Decimal("70000"))) == ["N-1", "R-1001"]


def test_a_piece_not_in_stock_is_not_available(uow):
    product = piece(uow)
    assert reserve(uow, product)["status"] == "reserved"
    with pytest.raises(Conflict) as refused:
        reserve(uow, product, DEV2, "v-2")
    assert refused.value.error_code == "not_available"


def test_a_developer_reserves_only_for_their_own_approved_visit(uow):
    product = piece(uow)
    with pytest.raises(NotFound):
        reserve(uow, product, DEV1, "v-2")
    with pytest.raises(Conflict):
        reserve(uow, product, DEV1, "v-3")
    assert status_of(uow, product) == "in_stock"


def test_the_coordinator_checks_a_piece_out_and_back_in(uow):
    product = piece(uow)
    reservation = reserve(uow, product)
    with pytest.raises(Forbidden):
        reservations.check_out(uow, DEV1, NOW, reservation_id=reservation["id"])
    out = reservations.check_out(uow, COORDINATOR, NOW, reservation_id=reservation["id"])
    assert out["status"] == "checked_out" and status_of(uow, product) == "checked_out"
    back = reservations.check_in(uow, COORDINATOR, NOW, reservation_id=reservation["id"])
    assert back["status"] == "returned" and status_of(uow, product) == "in_stock"
    assert uow.published_types() == ["reservation.returned"]
    with pytest.raises(InvalidTransition):
        reservations.check_in(uow, COORDINATOR, NOW, reservation_id=reservation["id"])


def test_another_developers_reservation_is_404(uow):
    reservation = reserve(uow, piece(uow))
    with pytest.raises(NotFound):
        reservations.cancel_reservation(uow, DEV2, NOW, reservation_id=reservation["id"])


def test_a_piece_out_a_day_after_its_visit_is_overdue_once(uow):
    reservation = reserve(uow, piece(uow))
    reservations.check_out(uow, COORDINATOR, NOW, reservation_id=reservation["id"])
    assert reservations.announce_overdue(uow, NOW + timedelta(hours=23)) == 0
    assert reservations.announce_overdue(uow, NOW + timedelta(days=1, hours=1)) == 1
    assert reservations.announce_overdue(uow, NOW + timedelta(days=2)) == 0
    assert uow.published_types() == ["reservation.overdue"]


def test_reservations_are_released_when_their_visit_is_rejected(uow):
    product = piece(uow)
    reserve(uow, product)
    assert reservations.release_for_subject(uow, NOW, "visit", "v-1") == 1
    assert status_of(uow, product) == "in_stock"


def test_reservations_are_released_when_their_customer_is_erased(uow):
    product = piece(uow)
    reserve(uow, product)
    assert reservations.release_for_erased_customer(uow, NOW, "c-1") == 1
    assert status_of(uow, product) == "in_stock"


def test_a_piece_is_never_sold_twice(uow):
    product = piece(uow)
    assert claim(uow, [{"sku": "R-1001", "quantity": 1}])["items"][0]["in_catalog"] is True
    assert status_of(uow, product) == "sold"
    with pytest.raises(Conflict) as refused:
        claim(uow, [{"sku": "R-1001", "quantity": 1}], deal_id="d-2")
    assert refused.value.error_code == "not_available"


def test_a_piece_reserved_for_another_customer_is_not_available(uow):
    product = piece(uow)
    reserve(uow, product)  # for c-1's visit
    with pytest.raises(Conflict):
        claim(uow, [{"sku": "R-1001", "quantity": 1}], customer_id="c-2")
    claim(uow, [{"sku": "R-1001", "quantity": 1}], customer_id="c-1")
    assert status_of(uow, product) == "sold"


def test_a_sku_not_in_the_catalog_stays_free_text(uow):
    claimed = claim(uow, [{"sku": "店内-999", "quantity": 2}])
    assert claimed["items"] == [{"sku": "店内-999", "in_catalog": False, "product_id": None, "tracking": None}]


def test_stock_below_its_reorder_level_asks_for_restock_once(uow):
    gift = products.create_product(uow, ANALYST, NOW, data=GIFT)
    claim(uow, [{"sku": "G-01", "quantity": 1}])
    assert uow.published_types() == []
    claim(uow, [{"sku": "G-01", "quantity": 1}], deal_id="d-2")
    claim(uow, [{"sku": "G-01", "quantity": 1}], deal_id="d-3")
    assert uow.published_types() == ["stock.low"]
    assert products.get_product(uow.session, ANALYST, NOW, product_id=gift["id"])["quantity"] == 0
    with pytest.raises(Conflict):
        claim(uow, [{"sku": "G-01", "quantity": 1}], deal_id="d-4")


def test_a_deal_that_was_not_recorded_gives_its_piece_back(uow):
    product = piece(uow)
    claim(uow, [{"sku": "R-1001", "quantity": 1}])
    assert stock.release_deal_items(uow, DEV1, NOW, deal_id="d-1")["released"] == 1
    assert status_of(uow, product) == "in_stock"


def test_a_gift_handed_out_on_a_visit_leaves_stock_once(uow):
    gift = products.create_product(uow, ANALYST, NOW, data=GIFT)
    visit = {"visit_id": "v-1", "customer_id": "c-1", "occurred_at": NOW, "gift_product_id": gift["id"],
             "customer_category": "high_value"}
    stock.hand_out_gift(uow, NOW, visit)
    stock.hand_out_gift(uow, NOW, visit)
    assert products.get_product(uow.session, ANALYST, NOW, product_id=gift["id"])["quantity"] == 2
