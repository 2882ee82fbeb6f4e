"""The events service in nameko on the real RabbitMQ and PostgreSQL, with a stand-in customers service:
the last seat under concurrent acceptances, the door, and what it publishes."""
import threading
from datetime import UTC, datetime, timedelta

import pytest
from nameko.rpc import rpc

from kam.errors import Conflict, Forbidden, NotFound
from kam.service import CurrentActor
from services.events.service import EventsService

PLANNER = {"user_id": "p-1", "role": "planner"}
MANAGER = {"user_id": "m-1", "role": "manager"}
DEV1 = {"user_id": "dev-1", "role": "developer"}
STARTS = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
NOW = STARTS - timedelta(days=3)
CUSTOMERS = {f"c-{n}": {"id": f"c-{n}", "name": f"客户{n}", "phone": f"1380000000{n}", "owner_id": "dev-1",
                        "outreach_opt_out": n == 9} for n in range(1, 10)}


class StandInCustomers:
    name = "customers"
    actor = CurrentActor()

    @rpc
    def customer_summary(self, customer_id):
        customer = CUSTOMERS.get(customer_id)
        if customer is None or (self.actor.role == "developer" and customer["owner_id"] != self.actor.user_id):
            raise NotFound("no such customer")
        return customer

    @rpc
    def customers_in_segment(self, segment):
        return {"items": [c for c in CUSTOMERS.values()
                          if self.actor.role != "developer" or c["owner_id"] == self.actor.user_id]}


@pytest.fixture
def harness(service_harness):
    return service_harness(EventsService, StandInCustomers, now=NOW)


def approved_event(harness, capacity):
    data = {"title": "俱乐部之夜", "kind": "club", "starts_at": STARTS.isoformat(),
            "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部品鉴厅", "capacity": capacity,
            "budget": "20000.00", "description": None}
    with harness.as_(PLANNER) as planner, harness.as_(MANAGER) as manager:
        event = planner.create_event(data)
        planner.submit_event(event["id"])
        return manager.approve_event(event["id"], {"funded_amount": "18000.00"})


def test_two_concurrent_acceptances_of_the_last_seat_have_exactly_one_winner(harness):
    event = approved_event(harness, capacity=1)
    with harness.as_(PLANNER) as planner:
        assert planner.invite_customers(event["id"], {"segment": {}})["invited"] == 8
        guests = planner.list_invitations(event["id"], {"limit": 50})["items"]
    outcomes, start = [], threading.Barrier(len(guests))

    def accept(invitation_id):
        with harness.as_(PLANNER) as planner:
            start.wait()
            try:
                outcomes.append(planner.answer_invitation(invitation_id, {"response": "accepted"})["status"])
            except Conflict as error:
                outcomes.append(error.error_code)

    threads = [threading.Thread(target=accept, args=(guest["id"],)) for guest in guests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["accepted"] + ["capacity_reached"] * (len(guests) - 1), outcomes
    with harness.as_(PLANNER) as planner:
        seen = planner.get_event(event["id"])
    assert (seen["seats_taken"], seen["counts"]["accepted"]) == (1, 1)


def test_invitations_over_rpc_skip_the_invited_and_the_opted_out_and_publish(harness):
    event = approved_event(harness, capacity=30)
    with harness.as_(DEV1) as dev:
        first = dev.invite_customers(event["id"], {"customer_ids": ["c-1", "c-9"]})
        again = dev.invite_customers(event["id"], {"customer_ids": ["c-1"]})
        with pytest.raises(Forbidden):
            dev.create_event({"title": "x", "kind": "club", "starts_at": STARTS.isoformat(),
                              "ends_at": (STARTS + timedelta(hours=1)).isoformat(), "venue": "v", "capacity": 1,
                              "budget": "1.00"})
    assert first == {"invited": 1, "skipped": [{"customer_id": "c-9", "reason": "opted_out"}]}
    assert again == {"invited": 0, "skipped": [{"customer_id": "c-1", "reason": "already_invited"}]}
    sent = [e["data"] for e in harness.events() if e["type"] == "invitation.sent"]
    assert [(s["customer_id"], s["owner_id"], s["venue"]) for s in sent] == [("c-1", "dev-1", "总部品鉴厅")]


def test_the_door_opens_an_hour_before_and_check_in_is_published(harness):
    event = approved_event(harness, capacity=30)
    with harness.as_(PLANNER) as planner:
        planner.invite_customers(event["id"], {"customer_ids": ["c-2"]})
        (guest,) = planner.list_invitations(event["id"], {"limit": 5})["items"]
        with pytest.raises(Conflict):
            planner.check_in_guest(guest["id"])
        harness.clock.set(STARTS - timedelta(minutes=30))
        assert planner.check_in_guest(guest["id"])["status"] == "attended"
    (checked,) = [e["data"] for e in harness.events() if e["type"] == "guest.checked_in"]
    assert (checked["customer_id"], checked["owner_id"]) == ("c-2", "dev-1")
