"""客户移交 in every consumer of `customer.transferred`, each in nameko on the real RabbitMQ and PostgreSQL:
the open work passes to the new owner, past records keep who did them, the new owner sees them all, and a
redelivered event changes nothing (the inbox)."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, update

from kam import testing
from kam.errors import NotFound
from kam.relay import Publisher
from services.catalog.models import reservations
from services.catalog.service import CatalogService
from services.events.models import invitations
from services.events.service import EventsService
from services.notifications.models import (
    customer_facts,
    notifications,
    plan_step_deadlines,
    tasks,
    work_order_deadlines,
)
from services.notifications.service import NotificationsService
from services.reception.models import deals, receptions, return_visits, service_tickets
from services.reception.service import ReceptionService
from services.visits.models import visits
from services.visits.service import VisitsService

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
OLD, NEW, MANAGER = "dev-1", "dev-2", "m-1"
TRANSFER = {"customer_id": "c1", "name": "王丽", "from_owner_id": OLD, "to_owner_id": NEW,
            "reason": "张伟离职，由李娜接手", "transferred_by": MANAGER, "from_owner_name": "张伟",
            "to_owner_name": "李娜", "transferred_by_name": "王经理"}


def seed(harness, service, *rows):
    store = harness.store(service)
    try:
        with store.session() as session:
            for table, values in rows:
                session.execute(insert(table).values(**values))
            session.commit()
    finally:
        store.close()


def seed_statement(harness, service, statement):
    store = harness.store(service)
    try:
        with store.session() as session:
            session.execute(statement)
            session.commit()
    finally:
        store.close()


def read(harness, service, query):
    store = harness.store(service)
    try:
        with store.session() as session:
            return session.execute(query).all()
    finally:
        store.close()


def transfer_and_redeliver(harness, service, handler, undo):
    """Apply the transfer, put a change on top (`undo`), deliver the same event again: nothing moves back."""
    envelope = harness.publish("customer.transferred", TRANSFER, actor={"user_id": MANAGER, "role": "manager"})
    assert harness.applied(envelope, service) == [f"kam.{service}.{handler}"]
    after = undo()
    publisher = Publisher(harness.settings.amqp_uri)
    try:
        publisher.publish(envelope)
    finally:
        publisher.reset()
    testing.wait_until(lambda: testing.queue_settled(harness.settings.amqp_uri, f"kam.{service}.{handler}"),
                       message="the redelivered event to settle")
    return after


def visit(visit_id, status, visitor=OLD, customer_id="c1"):
    return visits, {"id": visit_id, "customer_id": customer_id, "customer_name": "王丽", "visitor_id": visitor,
                    "customer_owner_id": visitor, "status": status, "planned_at": NOW + timedelta(days=2),
                    "method": "in_person", "preparation": {}, "companions": [], "created_at": NOW, "updated_at": NOW}


def test_visits_not_yet_made_pass_to_the_new_owner_and_made_ones_keep_their_visitor(service_harness):
    harness = service_harness(VisitsService, now=NOW)
    seed(harness, "visits", visit("v-open", "approved"), visit("v-draft", "draft"), visit("v-done", "summarized"),
         visit("v-other", "approved", customer_id="c2"))

    def handed_back_since():  # as a later transfer back to the old owner would have done
        seed_statement(harness, "visits", update(visits).where(visits.c.id == "v-open").values(visitor_id=OLD))

    transfer_and_redeliver(harness, "visits", "transfer_customer", handed_back_since)

    rows = dict(read(harness, "visits", select(visits.c.id, visits.c.visitor_id)))
    assert rows == {"v-open": OLD, "v-draft": NEW, "v-done": OLD, "v-other": OLD}
    with harness.as_({"user_id": NEW, "role": "developer"}) as new_owner:
        assert new_owner.get_visit("v-done")["visitor_id"] == OLD
    with harness.as_({"user_id": OLD, "role": "developer"}) as old_owner, pytest.raises(NotFound):
        old_owner.get_visit("v-draft")


def test_receptions_and_open_tickets_pass_and_the_new_owner_sees_the_customers_deals(service_harness):
    harness = service_harness(ReceptionService, now=NOW)

    def reception(reception_id, status):
        return receptions, {"id": reception_id, "customer_id": "c1", "customer_owner_id": OLD, "host_id": OLD,
                            "status": status, "scheduled_at": NOW, "party_size": 2, "hosts": [], "arrangements": {},
                            "created_at": NOW, "updated_at": NOW}

    def ticket(ticket_id, resolved_at=None):
        return service_tickets, {"id": ticket_id, "customer_id": "c1", "customer_owner_id": OLD, "owner_id": OLD,
                                 "kind": "repair", "status": "picked_up" if resolved_at else "in_repair",
                                 "opened_at": NOW, "resolved_at": resolved_at, "updated_at": NOW}

    seed(harness, "reception", reception("r-open", "approved"), reception("r-done", "reported"),
         ticket("t-open"), ticket("t-done", NOW),
         (deals, {"id": "d1", "customer_id": "c1", "customer_owner_id": OLD, "seller_id": OLD, "status": "closed",
                  "origin_type": "reception", "origin_id": "r-done", "subtotal": Decimal("12800.00"),
                  "discount": Decimal("0.00"), "total": Decimal("12800.00"), "sequence": 1, "repeat_sale": False,
                  "delivery_method": "pickup", "closed_at": NOW, "created_at": NOW, "updated_at": NOW}),
         (return_visits, {"id": "rv1", "customer_id": "c1", "customer_owner_id": OLD, "developer_id": OLD,
                          "occurred_at": NOW, "method": "phone", "recorded_at": NOW}))

    transfer_and_redeliver(harness, "reception", "transfer_customer", lambda: None)

    assert dict(read(harness, "reception", select(receptions.c.id, receptions.c.host_id))) == {
        "r-open": NEW, "r-done": OLD}
    assert dict(read(harness, "reception", select(service_tickets.c.id, service_tickets.c.owner_id))) == {
        "t-open": NEW, "t-done": OLD}
    assert read(harness, "reception", select(deals.c.seller_id, deals.c.customer_owner_id)) == [(OLD, NEW)]
    with harness.as_({"user_id": NEW, "role": "developer"}) as new_owner:
        assert new_owner.get_reception("r-done")["host_id"] == OLD
        assert new_owner.get_deal("d1")["seller_id"] == OLD
    with harness.as_({"user_id": OLD, "role": "developer"}) as old_owner, pytest.raises(NotFound):
        old_owner.get_reception("r-open")


def test_open_tasks_pass_to_the_new_owner_who_is_told(service_harness):
    harness = service_harness(NotificationsService, now=NOW)

    def task(task_id, status, assignee=OLD):
        return tasks, {"id": task_id, "kind": "callback", "customer_id": "c1", "subject_type": "visit",
                       "subject_id": task_id, "assignee_id": assignee, "due_at": NOW, "original_due_at": NOW,
                       "status": status, "dedupe_key": task_id, "created_at": NOW, "details": {}}

    seed(harness, "notifications", task("t-open", "open"), task("t-back", "open"), task("t-done", "done"), task("t-mine", "open", "co-1"),
         (customer_facts, {"customer_id": "c1", "owner_id": OLD, "name": "王丽", "key_dates": [], "holdings": [],
                           "outreach_opt_out": False, "known_since": {}}),
         (work_order_deadlines, {"ticket_id": "t1", "kind": "repair_overdue", "customer_id": "c1", "owner_id": OLD,
                                 "due_on": NOW.date()}),
         (plan_step_deadlines, {"step_id": "s1", "plan_id": "p1", "customer_id": "c1", "owner_id": OLD,
                                "method": "visit", "due_on": NOW.date()}))

    def handed_back_since():
        seed_statement(harness, "notifications", update(tasks).where(tasks.c.id == "t-back").values(assignee_id=OLD))

    transfer_and_redeliver(harness, "notifications", "transfer_customer", handed_back_since)

    assert dict(read(harness, "notifications", select(tasks.c.id, tasks.c.assignee_id))) == {
        "t-open": NEW, "t-back": OLD, "t-done": OLD, "t-mine": "co-1"}
    assert read(harness, "notifications", select(customer_facts.c.owner_id)) == [(NEW,)]
    assert read(harness, "notifications", select(work_order_deadlines.c.owner_id)) == [(NEW,)]
    assert read(harness, "notifications", select(plan_step_deadlines.c.owner_id)) == [(NEW,)]
    told = read(harness, "notifications", select(notifications.c.recipient_id, notifications.c.body))
    assert told == [(NEW, "王经理将客户「王丽」由张伟移交给您，理由：张伟离职，由李娜接手")]
    with harness.as_({"user_id": NEW, "role": "developer"}) as new_owner:
        assert [t["id"] for t in new_owner.list_tasks({"status": "open"})["items"]] == ["t-open"]


def test_an_events_guest_follows_the_customer_to_its_new_owner(service_harness):
    harness = service_harness(EventsService, now=NOW)
    seed(harness, "events", (invitations, {"id": "i1", "event_id": "e1", "customer_id": "c1", "customer_owner_id": OLD,
                                           "status": "accepted", "invited_by": OLD, "created_at": NOW,
                                           "updated_at": NOW}))

    transfer_and_redeliver(harness, "events", "transfer_customer", lambda: None)

    assert read(harness, "events", select(invitations.c.customer_owner_id, invitations.c.invited_by)) == [(NEW, OLD)]


def test_pieces_held_for_the_customer_pass_with_its_work_and_returned_ones_keep_their_developer(service_harness):
    harness = service_harness(CatalogService, now=NOW)

    def reservation(reservation_id, product_id, status):
        return reservations, {"id": reservation_id, "product_id": product_id, "subject_type": "visit",
                              "subject_id": "v-open", "customer_id": "c1", "developer_id": OLD, "status": status,
                              "created_at": NOW, "updated_at": NOW}

    seed(harness, "catalog", reservation("res-held", "p1", "reserved"), reservation("res-out", "p2", "checked_out"),
         reservation("res-back", "p3", "returned"))

    transfer_and_redeliver(harness, "catalog", "transfer_customer", lambda: None)

    assert dict(read(harness, "catalog", select(reservations.c.id, reservations.c.developer_id))) == {
        "res-held": NEW, "res-out": NEW, "res-back": OLD}
