"""Event figures in analytics: guests, cost and the deals that follow, projected from the events and
visits services' facts (read through our own contracts) and counted by the rules named here."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Forbidden, NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.analytics import handlers, queries, reports
from services.analytics.contracts import PROJECTED
from services.analytics.domain.event_figures import deals_after, event_scope, follows_the_event, guest_counts
from services.analytics.domain.figures import Period
from services.analytics.domain.projections import project
from services.analytics.handlers import apply_event
from services.analytics.models import metadata
from services.analytics.terms import DEAL, EVENT_ATTENDED, SERVICE_REVENUE

STARTS = datetime(2026, 11, 20, 18, tzinfo=UTC)
ENDS = STARTS + timedelta(hours=3)
MANAGER, PLANNER, ANALYST = Actor("m-1", "manager"), Actor("p-1", "planner"), Actor("a-1", "analyst")


def at(**delta):
    return ENDS + timedelta(**delta)


def guest(customer_id, attended_at=None, response=None):
    return {"customer_id": customer_id, "attended_at": attended_at, "response": response}


def revenue(customer_id, occurred_at, amount="1000.00", metric=DEAL):
    return {"metric": metric, "customer_id": customer_id, "occurred_at": occurred_at, "amount": Decimal(amount)}


def test_deals_count_after_an_event_only_within_90_days():
    came = STARTS + timedelta(minutes=10)
    assert follows_the_event(ENDS, came, at(days=90))
    assert not follows_the_event(ENDS, came, at(days=90, seconds=1))
    count, amount = deals_after(ENDS, [guest("c-1", came)], [
        revenue("c-1", at(days=1), "12800.00"), revenue("c-1", at(days=89), "3000.00"),
        revenue("c-1", at(days=91), "99999.00")])
    assert (count, amount) == (2, Decimal("15800.00"))


def test_a_deal_closed_at_the_event_counts_one_closed_before_the_guest_came_does_not():
    came = STARTS + timedelta(minutes=30)
    assert follows_the_event(ENDS, came, came + timedelta(minutes=5))
    assert deals_after(ENDS, [guest("c-1", came)], [revenue("c-1", came - timedelta(days=2))]) == (0, Decimal("0.00"))


def test_only_the_guests_who_came_bring_deals_to_an_event():
    guests = [guest("c-came", STARTS), guest("c-accepted", response="accepted"), guest("c-invited")]
    facts = [revenue(customer, at(days=3)) for customer in ("c-came", "c-accepted", "c-invited", "c-other")]
    assert deals_after(ENDS, guests, facts) == (1, Decimal("1000.00"))


def test_the_custom_centres_money_is_revenue_after_an_event_but_not_a_deal():
    facts = [revenue("c-1", at(days=2), "5000.00", SERVICE_REVENUE), revenue("c-1", at(days=2), "20000.00")]
    assert deals_after(ENDS, [guest("c-1", STARTS)], facts) == (1, Decimal("25000.00"))


def test_a_guest_who_came_accepted_and_the_latest_answer_counts():
    guests = [guest("c-1", STARTS), guest("c-2", response="accepted"), guest("c-3", response="declined"),
              guest("c-4")]
    assert guest_counts(guests) == {"invited": 4, "accepted": 2, "attended": 1}


def test_the_planner_managers_and_the_analyst_see_the_departments_event_figures_a_developer_their_own():
    for actor in (MANAGER, PLANNER, ANALYST):
        assert event_scope(actor) is None
    assert event_scope(Actor("dev-1", "developer")) == "dev-1"
    for role in ("coordinator", "admin"):
        with pytest.raises(Forbidden):
            event_scope(Actor("x", role))


def claim(event_type="expense_claim.reimbursed", subject_type="event", customer_id=None, claim_id="x-1"):
    return {"claim_id": claim_id, "claimant_id": "p-1", "customer_id": customer_id, "total": "4200.00",
            "subject": {"type": subject_type, "id": "e-1"}, "status": "reimbursed"}


def test_only_reimbursed_claims_count_as_event_cost():
    reimbursed = project("expense_claim.reimbursed", PROJECTED["expense_claim.reimbursed"]().load(claim()), ENDS)
    assert [(cost.event_id, cost.amount) for cost in reimbursed.costs] == [("e-1", Decimal("4200.00"))]
    assert reimbursed.facts[0].customer_id is None  # an event's claim names no customer
    for not_yet in ("expense_claim.submitted", "expense_claim.approved", "expense_claim.rejected"):
        assert project(not_yet, claim(), ENDS).costs == []
    on_a_visit = PROJECTED["expense_claim.reimbursed"]().load(claim(subject_type="visit", customer_id="c-1"))
    assert project("expense_claim.reimbursed", on_a_visit, ENDS).costs == []


def test_attendance_counts_for_the_guests_owner():
    data = PROJECTED["guest.checked_in"]().load(checked_in("i-1", "c-1", "dev-1", STARTS))
    [fact] = project("guest.checked_in", data, STARTS).facts
    assert (fact.metric, fact.subject_id, fact.customer_id, fact.developer_id) == (EVENT_ATTENDED, "i-1", "c-1",
                                                                                    "dev-1")


# Through the read models (SQLite), as the handler applies the facts.

def envelope(event_type, data, occurred_at):
    return {"type": event_type, "version": 1, "occurred_at": occurred_at.isoformat(), "data": data}


def event_fact(event_type, occurred_at, event_id="e-1", starts_at=STARTS):
    return envelope(event_type, {"event_id": event_id, "title": "春季珠宝品鉴会", "kind": "appraisal_salon",
                                 "planner_id": "p-1", "starts_at": starts_at.isoformat(),
                                 "ends_at": (starts_at + timedelta(hours=3)).isoformat()}, occurred_at)


def invited(invitation_id, customer_id, owner_id, event_id="e-1"):
    return {"invitation_id": invitation_id, "event_id": event_id, "customer_id": customer_id, "owner_id": owner_id}


def sent(invitation_id, customer_id, owner_id, occurred_at):
    return envelope("invitation.sent", {**invited(invitation_id, customer_id, owner_id), "invited_by": "p-1",
                                        "title": "春季珠宝品鉴会", "kind": "appraisal_salon",
                                        "starts_at": STARTS.isoformat(), "ends_at": ENDS.isoformat(),
                                        "venue": "总部"}, occurred_at)


def answered(invitation_id, customer_id, owner_id, response, occurred_at):
    return envelope("invitation.answered", {**invited(invitation_id, customer_id, owner_id), "response": response},
                    occurred_at)


def checked_in(invitation_id, customer_id, owner_id, came_at):
    return {**invited(invitation_id, customer_id, owner_id), "title": "春季珠宝品鉴会", "kind": "appraisal_salon",
            "ends_at": ENDS.isoformat(), "checked_in_at": came_at.isoformat()}


def deal(deal_id, customer_id, closed_at, total):
    return envelope("deal.closed", {"deal_id": deal_id, "customer_id": customer_id, "seller_id": "dev-1",
                                    "total": total, "closed_at": closed_at.isoformat()}, closed_at)


def reimbursed(claim_id, occurred_at):
    return envelope("expense_claim.reimbursed", claim(claim_id=claim_id), occurred_at)


def an_event(session):
    before = STARTS - timedelta(days=10)
    for item in [
        event_fact("event.submitted", before), event_fact("event.approved", before + timedelta(hours=1)),
        sent("i-1", "c-1", "dev-1", before + timedelta(hours=2)), sent("i-2", "c-2", "dev-2", before + timedelta(hours=2)),
        sent("i-3", "c-3", "dev-1", before + timedelta(hours=2)),
        answered("i-1", "c-1", "dev-1", "accepted", before + timedelta(days=1)),
        answered("i-2", "c-2", "dev-2", "accepted", before + timedelta(days=2)),
        envelope("guest.checked_in", checked_in("i-1", "c-1", "dev-1", STARTS), STARTS),
        envelope("guest.checked_in", checked_in("i-3", "c-3", "dev-1", STARTS), STARTS),
        deal("d-1", "c-1", at(days=5), "12800.00"), deal("d-2", "c-2", at(days=5), "50000.00"),
        deal("d-3", "c-3", at(days=120), "8000.00"),
        reimbursed("x-1", at(days=2)), reimbursed("x-1", at(days=3)),  # announced twice, counted once
        event_fact("event.reported", at(hours=2)),
    ]:
        apply_event(session, item)


def test_an_events_figures_from_its_facts():
    with FakeUnitOfWork(metadata) as uow:
        an_event(uow.session)
        figures = reports.show_event_figures(uow.session, PLANNER, ENDS, event_id="e-1")
    assert figures == {"event_id": "e-1", "invited": 3, "accepted": 3, "attended": 2, "cost": Decimal("4200.00"),
                       "deals_after": 1, "revenue_after": Decimal("12800.00")}


def test_a_developer_sees_only_their_own_customers_part_of_an_event():
    with FakeUnitOfWork(metadata) as uow:
        an_event(uow.session)
        mine = reports.show_event_figures(uow.session, Actor("dev-2", "developer"), ENDS, event_id="e-1")
    assert (mine["invited"], mine["accepted"], mine["attended"], mine["deals_after"]) == (1, 1, 0, 0)
    assert mine["cost"] == Decimal("0.00")  # the planner's claims are not theirs


def test_an_unknown_event_is_not_found():
    with FakeUnitOfWork(metadata) as uow, pytest.raises(NotFound):
        reports.show_event_figures(uow.session, MANAGER, ENDS, event_id="nope")


def test_the_latest_answer_counts_whatever_the_order_they_arrive_in():
    with FakeUnitOfWork(metadata) as uow:
        apply_event(uow.session, sent("i-1", "c-1", "dev-1", STARTS - timedelta(days=9)))
        apply_event(uow.session, answered("i-1", "c-1", "dev-1", "declined", STARTS - timedelta(days=2)))
        apply_event(uow.session, answered("i-1", "c-1", "dev-1", "accepted", STARTS - timedelta(days=5)))
        figures = reports.show_event_figures(uow.session, MANAGER, ENDS, event_id="e-1")
    assert (figures["invited"], figures["accepted"]) == (1, 0)


def test_an_events_status_is_its_latest_own_fact_and_the_list_is_by_start():
    later = STARTS + timedelta(days=7)
    with FakeUnitOfWork(metadata) as uow:
        apply_event(uow.session, event_fact("event.cancelled", STARTS - timedelta(days=1), "e-2", later))
        apply_event(uow.session, event_fact("event.approved", STARTS - timedelta(days=3), "e-2", later))
        an_event(uow.session)
        listed = reports.list_event_figures(uow.session, ANALYST, ENDS, start="2026-11-01", end="2026-11-30")
        december = reports.list_event_figures(uow.session, ANALYST, ENDS, start="2026-12-01")
    assert [(row["event_id"], row["status"]) for row in listed["items"]] == [("e-1", "reported"), ("e-2", "cancelled")]
    assert listed["items"][0]["return_on_spend"] == Decimal("3.05") and listed["items"][1]["return_on_spend"] is None
    assert december["items"] == []


def test_developers_figures_count_the_event_attendance_of_their_customers():
    with FakeUnitOfWork(metadata) as uow:
        an_event(uow.session)
        rows = {row["developer_id"]: row for row in queries.developer_figures(uow.session, Period())}
    assert rows["dev-1"]["events_attended"] == 2  # c-1 and c-3 came; dev-2's c-2 only said yes
    assert sum(row["events_attended"] for row in rows.values()) == 2


def test_a_customers_export_holds_their_event_invitations():
    with FakeUnitOfWork(metadata) as uow:
        an_event(uow.session)
        exported = handlers.export_customer(uow.session, MANAGER, "c-1")
    [invitation] = exported["event_guests"]
    assert (invitation["event_id"], invitation["response"]) == ("e-1", "accepted")
