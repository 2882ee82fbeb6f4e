"""报告检查: a manager reviews a visit's record and summary; its claims wait for the acceptance. On a fake
unit of work: no broker, no PostgreSQL."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.visits.handlers import claims, visits
from services.visits.models import metadata
from services.visits.models import visits as visits_table

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
DEV, MANAGER = Actor("dev-1", "developer"), Actor("m-1", "manager")
REMOTES = {"customers": FakeRemote(), "reception": FakeRemote(), "events": FakeRemote()}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def recorded(uow, next_visit_at=None):
    uow.session.execute(visits_table.insert().values(
        id="v1", customer_id="c1", customer_name="王丽", visitor_id="dev-1", status="approved", planned_at=NOW,
        method="in_person", preparation={}, companions=[], funded_amount=Decimal("500.00"), created_at=NOW,
        updated_at=NOW))
    form = {"occurred_at": NOW - timedelta(hours=2), "talking_points": "结婚周年克拉钻", "next_visit_at": next_visit_at}
    return visits.record_visit(uow, DEV, NOW, visit_id="v1", form=form)


def summarized(uow, **kwargs):
    recorded(uow, **kwargs)
    return visits.summarize_visit(uow, DEV, NOW, visit_id="v1", text="客户有意向")


def review(uow, decision, comment=None, actor=MANAGER):
    return visits.review_visit(uow, actor, NOW, visit_id="v1", data={"decision": decision, "comment": comment})


def submitted_claim(uow):
    data = {"subject": {"type": "visit", "id": "v1"}, "items": [{"category": "travel", "amount": Decimal("80.00")}]}
    claim = claims.open_claim(uow, DEV, NOW, data=data, **REMOTES)
    return claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **REMOTES)


def approve(uow, claim):
    return claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=FakeRemote())


def test_a_recorded_visit_waits_for_review_offered_to_managers_only(uow):
    visit = recorded(uow)
    assert visit["review"]["status"] == "pending" and "review" not in visit["actions"]
    seen = visits.get_visit(uow.session, MANAGER, NOW, visit_id="v1")
    assert seen["actions"] == ["review"]
    listed = visits.list_visits(uow.session, MANAGER, NOW, args={"review": "pending"})["items"]
    assert [item["id"] for item in listed] == ["v1"]
    assert visits.list_visits(uow.session, MANAGER, NOW, args={"review": "accepted"})["items"] == []


def test_no_review_no_claim_approval(uow):
    summarized(uow)
    claim = submitted_claim(uow)  # submitting needs the summary only
    with pytest.raises(Conflict) as refused:
        approve(uow, claim)
    assert refused.value.error_code == "review_required"
    review(uow, "returned", "请补充客户反馈")
    with pytest.raises(Conflict) as refused:
        approve(uow, claim)
    assert refused.value.error_code == "review_required"
    assert uow.published_types().count("expense_claim.approved") == 0
    visits.revise_visit(uow, DEV, NOW, visit_id="v1", changes={"customer_feedback": "客户喜欢铂金款"})
    review(uow, "accepted")
    assert approve(uow, claim)["status"] == "approved"


def test_a_returned_report_can_be_revised_and_reviewed_again(uow):
    summarized(uow)
    returned = review(uow, "returned", "请补充客户反馈")
    assert returned["review"] == {"status": "returned", "comment": "请补充客户反馈", "by": "m-1", "at": NOW}
    assert visits.get_visit(uow.session, DEV, NOW, visit_id="v1")["actions"] == ["revise"]
    with pytest.raises(InvalidTransition):
        review(uow, "accepted")  # nothing new to review until it is revised
    revised = visits.revise_visit(uow, DEV, NOW, visit_id="v1",
                                  changes={"customer_feedback": "客户喜欢铂金款", "summary": "约定两周后再访"})
    assert revised["review"]["status"] == "pending" and revised["summary"] == "约定两周后再访"
    assert revised["record"]["customer_feedback"] == "客户喜欢铂金款"
    first, second = revised["versions"]
    assert (first["summary"], first["customer_feedback"], first["review"]["status"]) == ("客户有意向", None, "returned")
    assert (second["summary"], second["customer_feedback"], second["review"]) == ("约定两周后再访", "客户喜欢铂金款", None)
    accepted = review(uow, "accepted")
    assert accepted["review"]["status"] == "accepted" and accepted["versions"][-1]["review"]["status"] == "accepted"
    assert uow.published_types()[-3:] == ["visit.reviewed", "visit.revised", "visit.reviewed"]


def test_only_a_returned_report_is_revised_by_its_visitor(uow):
    summarized(uow)
    with pytest.raises(InvalidTransition):
        visits.revise_visit(uow, DEV, NOW, visit_id="v1", changes={"next_steps": "再访"})
    review(uow, "returned", "请补充")
    with pytest.raises(Invalid) as refused:
        visits.revise_visit(uow, DEV, NOW, visit_id="v1", changes={"next_visit_at": NOW - timedelta(days=1)})
    assert "next_visit_at" in refused.value.errors


def test_a_returned_report_says_what_to_revise(uow):
    summarized(uow)
    with pytest.raises(Invalid) as refused:
        review(uow, "returned", "  ")
    assert "comment" in refused.value.errors and uow.published_types()[-1] == "visit.summarized"


def test_only_a_recorded_visit_is_reviewed_and_only_by_a_manager(uow):
    recorded(uow)
    with pytest.raises(Forbidden):
        review(uow, "accepted", actor=DEV)
    uow.session.execute(visits_table.update().values(status="approved", review_status=None))
    with pytest.raises(InvalidTransition):
        review(uow, "accepted")


def test_a_summary_written_after_acceptance_is_reviewed_again(uow):
    recorded(uow)
    review(uow, "accepted")
    visit = visits.summarize_visit(uow, DEV, NOW, visit_id="v1", text="客户有意向")
    assert visit["review"]["status"] == "pending" and len(visit["versions"]) == 2
