"""The catalog in nameko on the real RabbitMQ and PostgreSQL, with stand-ins for visits and reception:
of concurrent reservations or sales of one piece exactly one wins, and rejected visits release theirs."""
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from nameko.rpc import rpc

from kam.errors import Conflict, NotFound
from kam.service import CurrentActor
from services.catalog.handlers.reservations import announce_overdue
from services.catalog.service import CatalogService

NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
ANALYST = {"user_id": "a-1", "role": "analyst"}
COORDINATOR = {"user_id": "co-1", "role": "coordinator"}
DEVS = [{"user_id": f"dev-{n}", "role": "developer"} for n in range(8)]
VISITS = {f"v-{n}": {"id": f"v-{n}", "customer_id": f"c-{n}", "visitor_id": f"dev-{n}", "status": "approved",
                     "planned_at": NOW.isoformat(), "customer_name": "王丽", "preparation": {"offers": [], "gift": "礼盒"}}
          for n in range(8)}
PIECE = {"sku": "R-1001", "name": "1克拉圆钻结婚周年戒指", "kind": "ring", "tracking": "piece",
         "list_price": Decimal("68000.00"), "gem": {"carat": Decimal("1.01")}}


class VisitsStandIn:
    name = "visits"
    actor = CurrentActor()

    @rpc
    def get_visit(self, visit_id):
        visit = VISITS.get(visit_id)
        if visit is None or (self.actor.role == "developer" and visit["visitor_id"] != self.actor.user_id):
            raise NotFound("no such visit")
        return visit


class ReceptionStandIn:
    name = "reception"

    @rpc
    def get_reception(self, reception_id):
        raise NotFound("no such reception")


@pytest.fixture
def harness(service_harness):
    return service_harness(CatalogService, VisitsStandIn, ReceptionStandIn, now=NOW)


def created_piece(harness):
    with harness.as_(ANALYST) as catalog:
        return catalog.create_product(PIECE)


def at_once(calls):
    """Run every call in its own thread, started together; the results (or errors) in order."""
    results, gate = [None] * len(calls), threading.Barrier(len(calls))

    def run(index, call):
        gate.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - each loser's error is the result
            results[index] = error

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def reservation_by(harness, developer, product_id):
    def call():
        with harness.as_(developer) as catalog:
            return catalog.reserve_piece({"product_id": product_id, "for": {"type": "visit",
                                                                           "id": f"v-{developer['user_id'][4:]}"}})
    return call


def test_of_concurrent_reservations_of_one_piece_exactly_one_wins(harness):
    piece = created_piece(harness)
    results = at_once([reservation_by(harness, developer, piece["id"]) for developer in DEVS])
    won = [result for result in results if isinstance(result, dict)]
    lost = [result for result in results if isinstance(result, Conflict)]
    assert len(won) == 1 and len(lost) == len(DEVS) - 1, results
    assert {error.error_code for error in lost} == {"not_available"}
    with harness.as_(COORDINATOR) as catalog:
        assert catalog.get_product(piece["id"])["status"] == "reserved"
        assert len(catalog.list_reservations({})["items"]) == 1


def test_a_piece_is_sold_once_of_two_deals_at_once(harness):
    piece = created_piece(harness)

    def sale(deal_id):
        def call():
            with harness.as_(DEVS[0]) as catalog:
                return catalog.claim_items_for_deal(deal_id, "c-0", [{"sku": "R-1001", "quantity": 1}])
        return call

    results = at_once([sale("d-1"), sale("d-2"), sale("d-3")])
    assert sum(isinstance(result, dict) for result in results) == 1, results
    assert all(result.error_code == "not_available" for result in results if isinstance(result, Exception))
    with harness.as_(ANALYST) as catalog:
        assert catalog.get_product(piece["id"])["status"] == "sold"


def test_reservations_of_a_rejected_visit_are_released(harness):
    piece = created_piece(harness)
    reservation_by(harness, DEVS[1], piece["id"])()
    envelope = harness.publish("visit.rejected", {"visit_id": "v-1", "customer_id": "c-1", "visitor_id": "dev-1",
                                                  "reason": "时间冲突", "approver_id": "m-1"})
    harness.applied(envelope)
    with harness.as_(ANALYST) as catalog:
        assert catalog.get_product(piece["id"])["status"] == "in_stock"


def test_a_piece_out_a_day_after_its_visit_is_announced_overdue(harness):
    piece = created_piece(harness)
    reservation = reservation_by(harness, DEVS[2], piece["id"])()
    with harness.as_(COORDINATOR) as catalog:
        catalog.check_out(reservation["id"])
    harness.clock.set(NOW + timedelta(days=1, hours=2))
    store = harness.store()
    try:
        with store.unit_of_work(actor={"user_id": None, "role": "system"}) as uow:
            assert announce_overdue(uow, NOW + timedelta(days=1, hours=2)) == 1
            uow.commit()
    finally:
        store.close()
    assert [e["type"] for e in harness.events()].count("reservation.overdue") == 1
