"""Visits and the events service together in nameko on the real RabbitMQ and PostgreSQL: an event's
expense claim waits for the event's report and is checked against its funding; a visit's customer is
invited to an event the events service knows."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, NotFound
from services.events.service import EventsService
from services.visits.service import VisitsService
from tests.integration.test_visits_service import CatalogStandIn, CustomersStandIn, ReceptionStandIn

PLANNER = {"user_id": "planner-1", "role": "planner"}
MANAGER = {"user_id": "m-1", "role": "manager"}
DEV1 = {"user_id": "dev-1", "role": "developer"}
STARTS = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
NOW = STARTS - timedelta(days=3)


@pytest.fixture
def system(service_harness):
    return service_harness(VisitsService, EventsService, CustomersStandIn, ReceptionStandIn, CatalogStandIn,
                           now=NOW)


def approved_event(system, funded="3000.00"):
    data = {"title": "结婚周年品鉴会", "kind": "appraisal_salon", "starts_at": STARTS.isoformat(),
            "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部品鉴厅", "capacity": 30,
            "budget": "3500.00", "description": None}
    with system.as_(PLANNER, "events") as planner, system.as_(MANAGER, "events") as manager:
        event = planner.create_event(data)
        planner.submit_event(event["id"])
        return manager.approve_event(event["id"], {"funded_amount": funded})


def claim_items(*amounts):
    return [{"category": "meal", "amount": Decimal(amount), "note": "茶歇与点心"} for amount in amounts]


def test_no_event_report_no_claim_submission_then_checked_against_the_funded_amount(system):
    event = approved_event(system)
    subject = {"type": "event", "id": event["id"]}
    with system.as_(PLANNER) as planner:
        first = planner.open_claim({"subject": subject, "items": claim_items("2000.00")})
        assert first["customer_id"] is None and first["funded_amount"] == "3000.00"
        with pytest.raises(Conflict) as refused:
            planner.submit_claim(first["id"])
        assert refused.value.error_code == "report_required"
    system.clock.set(STARTS + timedelta(hours=4))
    with system.as_(PLANNER, "events") as planner_events:
        planner_events.report_event(event["id"], {"summary": "到场二十人，反响热烈", "highlights": [],
                                                  "attendance_notes": None})
    with system.as_(PLANNER) as planner, system.as_(MANAGER) as manager:
        assert planner.submit_claim(first["id"])["over_funded"] is False
        second = planner.open_claim({"subject": subject, "items": claim_items("1200.00")})
        second = planner.submit_claim(second["id"])
        assert second["over_funded"] is True
        with pytest.raises(Conflict) as refused:
            manager.approve_claim(second["id"])
        assert refused.value.error_code == "over_funded_amount"
        manager.approve_claim(first["id"])
        manager.reimburse_claim(first["id"])
    reimbursed = [e for e in system.events("visits") if e["type"] == "expense_claim.reimbursed"]
    assert [(e["data"]["subject"], e["data"]["customer_id"], e["data"]["total"]) for e in reimbursed] == [
        (subject, None, "2000.00")]


def test_only_the_one_who_runs_the_event_files_its_claims(system):
    event = approved_event(system)
    subject = {"type": "event", "id": event["id"]}
    with system.as_(DEV1) as developer, pytest.raises(Forbidden):
        developer.open_claim({"subject": subject, "items": claim_items("10.00")})
    with system.as_({"user_id": "planner-2", "role": "planner"}) as other, pytest.raises(NotFound):
        other.open_claim({"subject": subject, "items": claim_items("10.00")})
    with system.as_(PLANNER) as planner, pytest.raises(NotFound):
        planner.open_claim({"subject": {"type": "event", "id": "no-such-event"}, "items": claim_items("10.00")})


def test_the_planner_invites_a_visits_customer_to_an_approved_event_and_the_visitor_sees_it(system):
    event = approved_event(system)
    with system.as_(DEV1) as developer:
        visit = developer.plan_visit({"customer_id": "c1", "planned_at": (NOW + timedelta(days=1)).isoformat(),
                                      "method": "in_person"})
    with system.as_(PLANNER) as planner:
        added = planner.add_support(visit["id"], {"kind": "event_invitation", "event_id": event["id"],
                                                  "note": "请客户来品鉴会"})
        with pytest.raises(NotFound):
            planner.add_support(visit["id"], {"kind": "event_invitation", "event_id": "no-such-event"})
    with system.as_(DEV1) as developer:
        seen = developer.get_visit(visit["id"])
        with pytest.raises(Forbidden):
            developer.add_support(visit["id"], {"kind": "headquarters_invitation"})
    assert [(s["id"], s["kind"], s["event_id"], s["added_by"]) for s in seen["support"]] == [
        (added["id"], "event_invitation", event["id"], "planner-1")]


def test_a_visit_already_made_takes_no_support(system):
    with system.as_(DEV1) as developer, system.as_(MANAGER) as manager:
        visit = developer.plan_visit({"customer_id": "c1", "planned_at": (NOW - timedelta(hours=3)).isoformat()})
        developer.submit_visit(visit["id"])
        manager.approve_visit(visit["id"], Decimal("500.00"))
        developer.record_visit(visit["id"], {"occurred_at": (NOW - timedelta(hours=2)).isoformat()})
        with pytest.raises(Conflict) as refused:
            manager.add_support(visit["id"], {"kind": "senior_leader", "leader_name": "周总"})
    assert refused.value.error_code == "invalid_transition"
