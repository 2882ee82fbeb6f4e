"""The events and invitation rules on a fake unit of work and a fake customers service, each test named
after its rule (API.md "Events and club")."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from kam.errors import Conflict, Forbidden, InvalidTransition, NotFound
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.events.handlers import events, invitations
from services.events.models import metadata
from services.events.schemas import EventFilter, EventIn, InviteIn

STARTS = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
BEFORE = STARTS - timedelta(days=5)
PLANNER, MANAGER = Actor("p-1", "planner"), Actor("m-1", "manager")
DEV1, DEV2 = Actor("dev-1", "developer"), Actor("dev-2", "developer")
CUSTOMERS = {
    "c-1": {"id": "c-1", "name": "王丽", "phone": "13800000001", "owner_id": "dev-1", "outreach_opt_out": False},
    "c-2": {"id": "c-2", "name": "陈刚", "phone": "13800000002", "owner_id": "dev-2", "outreach_opt_out": False},
    "c-3": {"id": "c-3", "name": "赵敏", "phone": "13800000003", "owner_id": "dev-1", "outreach_opt_out": True},
    "c-4": {"id": "c-4", "name": "孙悦", "phone": "13800000004", "owner_id": "dev-1", "outreach_opt_out": False},
}


def customers_seen_by(actor):
    def visible(customer):
        return actor.role != "developer" or customer["owner_id"] == actor.user_id

    def customer_summary(customer_id):
        customer = CUSTOMERS.get(customer_id)
        if customer is None or not visible(customer):
            raise NotFound("no such customer")
        return customer

    def customers_in_segment(segment):
        return {"items": [c for c in CUSTOMERS.values() if visible(c)
                          and all(c.get(k) == v for k, v in segment.items() if v is not None and k == "owner_id")]}

    return FakeRemote(customer_summary=customer_summary, customers_in_segment=customers_in_segment)


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def plan(uow, actor=PLANNER, capacity=30):
    data = {"title": "春季品鉴会", "kind": "appraisal_salon", "starts_at": STARTS, "ends_at": STARTS + timedelta(hours=3),
            "venue": "总部品鉴厅", "capacity": capacity, "budget": Decimal("30000.00"), "description": None}
    return events.create_event(uow, actor, BEFORE, data=data)


def approved(uow, capacity=30):
    event = plan(uow, capacity=capacity)
    events.submit_event(uow, PLANNER, BEFORE, event_id=event["id"])
    return events.approve_event(uow, MANAGER, BEFORE, event_id=event["id"], data={"funded_amount": Decimal("25000.00")})


def invite(uow, event, ids, actor=PLANNER):
    return invitations.invite_customers(uow, actor, BEFORE, event_id=event["id"], data={"customer_ids": ids},
                                        customers=customers_seen_by(actor))


def guests(uow, event, actor=PLANNER, at=BEFORE):
    return invitations.list_invitations(uow.session, actor, at, event_id=event["id"], args={"limit": 50})["items"]


def rsvp(uow, invitation, response, actor=PLANNER, at=BEFORE):
    return invitations.answer_invitation(uow, actor, at, invitation_id=invitation["id"], data={"response": response})


def test_events_go_from_draft_through_approval_with_the_funded_amount(uow):
    event = plan(uow)
    assert (event["status"], event["actions"]) == ("draft", ["submit", "edit", "withdraw"])
    assert events.submit_event(uow, PLANNER, BEFORE, event_id=event["id"])["status"] == "pending_approval"
    done = events.approve_event(uow, MANAGER, BEFORE, event_id=event["id"], data={"funded_amount": Decimal("25000")})
    assert (done["status"], done["funded_amount"], done["approver_id"]) == ("approved", Decimal("25000"), "m-1")
    assert uow.published_types() == ["event.submitted", "event.approved"]


def test_a_rejected_event_keeps_the_reason(uow):
    event = plan(uow)
    events.submit_event(uow, PLANNER, BEFORE, event_id=event["id"])
    rejected = events.reject_event(uow, MANAGER, BEFORE, event_id=event["id"], data={"reason": "预算过高"})
    assert (rejected["status"], rejected["reason"]) == ("rejected", "预算过高")


def test_developers_cannot_create_events(uow):
    with pytest.raises(Forbidden):
        plan(uow, actor=DEV1)


def test_only_managers_approve_events(uow):
    event = plan(uow)
    events.submit_event(uow, PLANNER, BEFORE, event_id=event["id"])
    with pytest.raises(Forbidden):
        events.approve_event(uow, PLANNER, BEFORE, event_id=event["id"], data={"funded_amount": Decimal("1")})


def test_an_event_ends_after_it_starts():
    with pytest.raises(ValidationError) as error:
        EventIn().load({"title": "x", "kind": "club", "starts_at": STARTS.isoformat(), "ends_at": STARTS.isoformat(),
                        "venue": "v", "capacity": 1, "budget": "1.00"})
    assert "ends_at" in error.value.messages


def test_invitations_go_by_ids_or_by_segment_not_both():
    with pytest.raises(ValidationError):
        InviteIn().load({"customer_ids": ["c-1"], "segment": {"stage": "contacted"}})


def test_only_an_approved_event_takes_invitations(uow):
    with pytest.raises(InvalidTransition):
        invite(uow, plan(uow), ["c-1"])


def test_nobody_is_invited_twice(uow):
    event = approved(uow)
    assert invite(uow, event, ["c-1"])["invited"] == 1
    again = invite(uow, event, ["c-1", "c-4"])
    assert again == {"invited": 1, "skipped": [{"customer_id": "c-1", "reason": "already_invited"}]}


def test_opted_out_customers_are_skipped(uow):
    assert invite(uow, approved(uow), ["c-3"]) == {"invited": 0, "skipped": [{"customer_id": "c-3", "reason": "opted_out"}]}


def test_developers_invite_only_their_own_customers(uow):
    event = approved(uow)
    with pytest.raises(NotFound):
        invite(uow, event, ["c-2"], actor=DEV1)
    assert invite(uow, event, ["c-1"], actor=DEV1)["invited"] == 1


def test_a_segment_is_resolved_by_the_customers_service_against_the_callers_visibility(uow):
    event = approved(uow)
    result = invitations.invite_customers(uow, DEV1, BEFORE, event_id=event["id"], data={"segment": {}},
                                          customers=customers_seen_by(DEV1))
    assert result == {"invited": 2, "skipped": [{"customer_id": "c-3", "reason": "opted_out"}]}
    assert {guest["customer_id"] for guest in guests(uow, event, DEV1)} == {"c-1", "c-4"}


def test_each_invitation_is_published_for_notifications(uow):
    invite(uow, approved(uow), ["c-1"])
    sent = [e for e in uow.published if e["type"] == "invitation.sent"]
    assert sent[0]["data"]["customer_id"] == "c-1" and sent[0]["data"]["owner_id"] == "dev-1"


def test_an_acceptance_over_capacity_is_capacity_reached(uow):
    event = approved(uow, capacity=1)
    invite(uow, event, ["c-1", "c-4"])
    first, second = guests(uow, event)
    assert rsvp(uow, first, "accepted")["status"] == "accepted"
    with pytest.raises(Conflict) as error:
        rsvp(uow, second, "accepted")
    assert error.value.error_code == "capacity_reached"


def test_a_decline_gives_the_seat_back(uow):
    event = approved(uow, capacity=1)
    invite(uow, event, ["c-1", "c-4"])
    first, second = guests(uow, event)
    rsvp(uow, first, "accepted")
    rsvp(uow, first, "declined")
    assert rsvp(uow, second, "accepted")["status"] == "accepted"


def test_the_owner_records_their_customers_answer_and_others_do_not_see_it(uow):
    event = approved(uow)
    invite(uow, event, ["c-1"])
    (guest,) = guests(uow, event)
    assert rsvp(uow, guest, "accepted", actor=DEV1)["status"] == "accepted"
    with pytest.raises(NotFound):
        rsvp(uow, guest, "declined", actor=DEV2)


def test_check_in_only_while_the_event_is_on(uow):
    event = approved(uow)
    invite(uow, event, ["c-1"])
    (guest,) = guests(uow, event)
    rsvp(uow, guest, "accepted")
    for too_early_or_late in (STARTS - timedelta(minutes=61), STARTS + timedelta(hours=3, minutes=1)):
        with pytest.raises(Conflict) as error:
            invitations.check_in_guest(uow, PLANNER, too_early_or_late, invitation_id=guest["id"])
        assert error.value.error_code == "not_open"
    checked = invitations.check_in_guest(uow, PLANNER, STARTS - timedelta(minutes=60), invitation_id=guest["id"])
    assert checked["status"] == "attended"
    assert uow.published_types()[-1] == "guest.checked_in"


def test_developers_do_not_check_guests_in(uow):
    event = approved(uow)
    invite(uow, event, ["c-1"])
    (guest,) = guests(uow, event)
    with pytest.raises(Forbidden):
        invitations.check_in_guest(uow, DEV1, STARTS, invitation_id=guest["id"])


def test_the_door_finds_a_guest_by_name_or_phone(uow):
    event = approved(uow)
    invite(uow, event, ["c-1", "c-4"])
    find = lambda q: [g["customer_name"] for g in invitations.list_invitations(  # noqa: E731
        uow.session, PLANNER, STARTS, event_id=event["id"], args={"q": q, "limit": 10})["items"]]
    assert find("王丽") == ["王丽"] and find("0004") == ["孙悦"]
    assert "check_in" in invitations.list_invitations(uow.session, PLANNER, STARTS, event_id=event["id"],
                                                      args={"limit": 10})["items"][0]["actions"]


def test_an_event_is_reported_after_it_ends_and_accepted_guests_who_did_not_come_are_no_shows(uow):
    event = approved(uow)
    invite(uow, event, ["c-1", "c-4"])
    came, absent = guests(uow, event)
    rsvp(uow, came, "accepted")
    rsvp(uow, absent, "accepted")
    invitations.check_in_guest(uow, PLANNER, STARTS, invitation_id=came["id"])
    report = {"summary": "反响很好", "highlights": ["两位客户预约私人品鉴"], "attendance_notes": None}
    with pytest.raises(Conflict) as error:
        events.report_event(uow, PLANNER, STARTS + timedelta(hours=1), event_id=event["id"], data=report)
    assert error.value.error_code == "not_ended"
    reported = events.report_event(uow, PLANNER, STARTS + timedelta(hours=4), event_id=event["id"], data=report)
    assert reported["status"] == "reported"
    assert reported["counts"] == {"invited": 2, "accepted": 0, "declined": 0, "attended": 1, "no_show": 1}
    assert "guest.no_show" in uow.published_types() and uow.published_types()[-1] == "event.reported"


def test_cancelling_tells_everyone_invited(uow):
    event = approved(uow)
    invite(uow, event, ["c-1", "c-4"])
    cancelled = events.cancel_event(uow, PLANNER, BEFORE, event_id=event["id"], data={"reason": "场地变更"})
    assert cancelled["status"] == "cancelled"
    told = uow.published[-1]
    assert told["type"] == "event.cancelled" and {g["customer_id"] for g in told["data"]["guests"]} == {"c-1", "c-4"}


def test_the_calendar_lists_a_months_events_in_order(uow):
    approved(uow)
    page = events.list_events(uow.session, DEV1, BEFORE, args={"month": "2026-05", "limit": 10})
    assert [e["title"] for e in page["items"]] == ["春季品鉴会"]
    assert page["items"][0]["actions"] == ["invite"]
    assert events.list_events(uow.session, DEV1, BEFORE, args={"month": "2026-06", "limit": 10})["items"] == []


def test_the_calendar_month_is_the_departments(uow):
    """00:30 on 1 June in Shanghai is still 31 May in UTC: the event is June's."""
    early = datetime(2026, 5, 31, 16, 30, tzinfo=UTC)
    events.create_event(uow, PLANNER, BEFORE, data={
        "title": "六月首日早场", "kind": "club", "starts_at": early, "ends_at": early + timedelta(hours=2),
        "venue": "总部品鉴厅", "capacity": 20, "budget": Decimal("3000.00"), "description": None})
    june = events.list_events(uow.session, PLANNER, BEFORE, args={"month": "2026-06", "limit": 10})["items"]
    may = events.list_events(uow.session, PLANNER, BEFORE, args={"month": "2026-05", "limit": 10})["items"]
    assert [e["title"] for e in june] == ["六月首日早场"] and "六月首日早场" not in [e["title"] for e in may]


def test_bad_input_is_refused_field_by_field():
    with pytest.raises(ValidationError) as error:
        EventIn().load({"title": "", "kind": "party"})
    assert {"title", "kind", "venue", "capacity", "budget"} <= set(error.value.messages)


def test_a_calendar_month_outside_the_years_a_date_holds_is_422_not_500():
    for month in ("0000-01", "9999-12"):
        assert "month" in EventFilter().validate({"month": month})
    assert EventFilter().validate({"month": "2026-12"}) == {}
