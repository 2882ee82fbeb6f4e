"""接待报告的审查: a manager reviews a reception's report; its claims wait for the acceptance. The use cases on
a fake unit of work; the claim's approval in the visits service asks the reception for its review."""
from datetime import timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.reception.handlers import receptions
from services.visits.handlers import claims
from services.visits.models import metadata as visits_metadata
from tests.unit.test_reception_handlers import DEV1, MANAGER, NO_MEAL_TO_CAP, NOW, REPORT, create

OTHER_MANAGER = Actor("m-2", "manager")


@pytest.fixture
def uow():
    with FakeUnitOfWork(receptions.receptions.metadata) as fake:
        yield fake


def reported(uow):
    created = create(uow)
    receptions.submit_reception(uow, DEV1, NOW, reception_id=created["id"])
    receptions.approve_reception(uow, MANAGER, NOW, reception_id=created["id"], data={"funded_amount": Decimal("300")},
                                  **NO_MEAL_TO_CAP)
    return receptions.report_reception(uow, DEV1, NOW + timedelta(days=3), reception_id=created["id"], data=REPORT)


def review(uow, reception, decision, comment=None, actor=MANAGER):
    return receptions.review_reception(uow, actor, NOW, reception_id=reception["id"],
                                       data={"decision": decision, "comment": comment})


def test_a_reported_reception_waits_for_review_by_a_manager_other_than_its_host(uow):
    reception = reported(uow)
    assert reception["review"]["status"] == "pending" and "review" not in reception["actions"]
    assert receptions.get_reception(uow.session, MANAGER, NOW, reception_id=reception["id"])["actions"] == ["review"]
    pending = receptions.list_receptions(uow.session, MANAGER, NOW, args={"review": "pending"})["items"]
    assert [item["id"] for item in pending] == [reception["id"]]
    with pytest.raises(Forbidden):
        review(uow, reception, "accepted", actor=DEV1)


def test_a_manager_does_not_review_a_reception_they_hosted(uow):
    created = create(uow, MANAGER, "c-2")
    receptions.submit_reception(uow, MANAGER, NOW, reception_id=created["id"])
    receptions.approve_reception(uow, OTHER_MANAGER, NOW, reception_id=created["id"], data={}, **NO_MEAL_TO_CAP)
    hosted = receptions.report_reception(uow, MANAGER, NOW, reception_id=created["id"], data=REPORT)
    assert "review" not in hosted["actions"]
    with pytest.raises(Conflict) as refused:
        review(uow, hosted, "accepted")
    assert refused.value.error_code == "own_submission"
    assert review(uow, hosted, "accepted", actor=OTHER_MANAGER)["review"]["status"] == "accepted"


def test_a_returned_reception_report_can_be_revised_and_reviewed_again(uow):
    reception = reported(uow)
    with pytest.raises(Invalid):
        review(uow, reception, "returned")
    returned = review(uow, reception, "returned", "请写明客户看过的款式")
    assert returned["review"]["comment"] == "请写明客户看过的款式"
    assert receptions.get_reception(uow.session, DEV1, NOW, reception_id=reception["id"])["actions"] == ["revise"]
    with pytest.raises(InvalidTransition):
        review(uow, reception, "accepted")
    viewed = [{"sku": "D-1.20-GIA", "description": "1.20克拉钻戒", "interest": "high"}]
    revised = receptions.revise_report(uow, DEV1, NOW, reception_id=reception["id"],
                                       changes={"products_viewed": viewed})
    assert revised["review"]["status"] == "pending" and revised["report"]["products_viewed"] == viewed
    assert revised["report"]["experience"] == REPORT["experience"]
    first, second = revised["versions"]
    assert (first["products_viewed"], first["review"]["status"]) == ([], "returned")
    assert (second["products_viewed"], second["review"]) == (viewed, None)
    assert review(uow, reception, "accepted")["review"]["status"] == "accepted"


def test_no_review_no_reception_claim_approval():
    """The visits service approves a reception's claim only once reception says its review is accepted."""
    seen = {"id": "r-1", "customer_id": "c-1", "host_id": "dev-1", "status": "reported",
            "funded_amount": Decimal("300.00"), "review": {"status": "pending"}}
    reception = FakeRemote(get_reception=lambda reception_id: seen)
    remotes = {"customers": FakeRemote(), "reception": reception, "events": FakeRemote()}
    with FakeUnitOfWork(visits_metadata) as uow:
        data = {"subject": {"type": "reception", "id": "r-1"}, "items": [{"category": "meal", "amount": Decimal("200")}]}
        claim = claims.open_claim(uow, DEV1, NOW, data=data, **remotes)
        claim = claims.submit_claim(uow, DEV1, NOW, claim_id=claim["id"], **remotes)
        for status in ("pending", "returned"):
            seen["review"] = {"status": status}
            with pytest.raises(Conflict) as refused:
                claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=reception)
            assert refused.value.error_code == "review_required"
        seen["review"] = {"status": "accepted"}
        approved = claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None,
                                        reception=reception)
        assert approved["status"] == "approved"
