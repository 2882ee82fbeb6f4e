"""签到: the visitor checks in on an approved visit; the record takes its time from the check-in; the
coordinator sees who is where today. On a fake unit of work."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Forbidden, Invalid, InvalidTransition
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.visits.handlers import logistics, visits
from services.visits.models import metadata
from services.visits.models import visits as visits_table

NOW = datetime(2026, 3, 2, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai
DEV, OTHER = Actor("dev-1", "developer"), Actor("dev-2", "developer")
COORDINATOR, MANAGER = Actor("co-1", "coordinator"), Actor("m-1", "manager")
HERE = {"lat": 31.2304, "lng": 121.4737}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def visit(uow, visit_id="v1", status="approved", visitor_id="dev-1"):
    uow.session.execute(visits_table.insert().values(
        id=visit_id, customer_id="c1", customer_name="王丽", visitor_id=visitor_id, status=status, planned_at=NOW,
        place="客户公司", method="in_person", preparation={}, companions=[], funded_amount=Decimal("500.00"),
        created_at=NOW, updated_at=NOW))


def check_in(uow, data, actor=DEV, now=NOW, visit_id="v1"):
    return visits.check_in_visit(uow, actor, now, visit_id=visit_id, data=data)


def test_the_visitor_checks_in_once_on_an_approved_visit(uow):
    visit(uow)
    assert "check_in" in visits.get_visit(uow.session, DEV, NOW, visit_id="v1")["actions"]
    assert "check_in" not in visits.get_visit(uow.session, MANAGER, NOW, visit_id="v1")["actions"]
    with pytest.raises(Forbidden):
        check_in(uow, {}, actor=MANAGER)
    checked = check_in(uow, {"at": NOW - timedelta(minutes=5), "place": "客户公司前台", "location": HERE})
    assert checked["check_in"] == {"at": NOW - timedelta(minutes=5), "place": "客户公司前台", "location": HERE}
    assert "check_in" not in checked["actions"] and checked["status"] == "approved"
    with pytest.raises(InvalidTransition):
        check_in(uow, {})


def test_only_an_approved_visit_is_checked_in(uow):
    visit(uow, status="pending_approval")
    with pytest.raises(InvalidTransition):
        check_in(uow, {})


def test_a_check_in_without_location_or_time_is_now_at_the_planned_place(uow):
    visit(uow)
    checked = check_in(uow, {"location": None})
    assert checked["check_in"] == {"at": NOW, "place": "客户公司", "location": None}


def test_a_check_in_is_not_ahead_of_the_clock(uow):
    visit(uow)
    with pytest.raises(Invalid) as refused:
        check_in(uow, {"at": NOW + timedelta(hours=1)})
    assert "at" in refused.value.errors


def test_the_record_takes_its_time_from_the_check_in_and_the_callback_counts_from_it(uow):
    visit(uow)
    arrived = NOW - timedelta(hours=2)
    check_in(uow, {"at": arrived, "place": "客户公司会议室"}, now=arrived)
    recorded = visits.record_visit(uow, DEV, NOW, visit_id="v1", form={"talking_points": "克拉钻"})
    assert recorded["record"]["occurred_at"] == arrived and recorded["record"]["place"] == "客户公司会议室"
    assert recorded["callback"]["due_at"] == arrived + timedelta(days=7)
    assert uow.published[-1]["data"]["occurred_at"] == arrived.isoformat()


def test_without_a_check_in_the_record_names_its_time(uow):
    visit(uow)
    with pytest.raises(Invalid) as refused:
        visits.record_visit(uow, DEV, NOW, visit_id="v1", form={"talking_points": "克拉钻"})
    assert "occurred_at" in refused.value.errors


def test_the_logistics_view_shows_who_is_where_today(uow):
    visit(uow, "v1")
    visit(uow, "v2", visitor_id="dev-2")
    visit(uow, "v3")
    check_in(uow, {"place": "客户公司", "location": HERE}, now=NOW - timedelta(hours=1))
    check_in(uow, {"place": "国金中心"}, actor=OTHER, visit_id="v2")
    check_in(uow, {"place": "昨天的地方"}, now=NOW - timedelta(days=1), visit_id="v3")
    view = logistics.list_logistics(uow.session, COORDINATOR, NOW, days=7)
    assert [(item["visit_id"], item["visitor_id"], item["place"]) for item in view["checked_in"]] == [
        ("v2", "dev-2", "国金中心"), ("v1", "dev-1", "客户公司")]
    assert view["checked_in"][1]["location"] == HERE
