"""Expense claims on events (活动费用): filed by the one who runs the event, submitted only once it is
reported, checked against its funded amount like a visit's. No broker, no database server."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, NotFound
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.visits.domain import claims as rules
from services.visits.handlers import claims
from services.visits.models import metadata

NOW = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)
PLANNER = Actor("planner-1", "planner")
OTHER_PLANNER = Actor("planner-2", "planner")
MANAGER = Actor("m-1", "manager")
DEV = Actor("dev-1", "developer")


def event(status="reported", funded="3000.00", planner_id="planner-1"):
    return {"id": "ev1", "planner_id": planner_id, "status": status, "funded_amount": Decimal(funded)}


def remotes(found):
    return {"customers": FakeRemote(), "reception": FakeRemote(), "events": FakeRemote(get_event=lambda _id: found)}


def lines(*amounts):
    return [{"category": "meal", "amount": Decimal(amount), "note": "品鉴会茶歇"} for amount in amounts]


def opened(uow, actor=PLANNER, found=None, *amounts):
    data = {"subject": {"type": "event", "id": "ev1"}, "items": lines(*(amounts or ("1200.00",)))}
    return claims.open_claim(uow, actor, NOW, data=data, **remotes(found or event()))


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def test_no_event_report_no_claim_submission():
    claim, _ = rules.open_claim(id="x1", claimant_id="planner-1", subject_type="event", subject=event("approved"),
                                items=lines("100.00"), now=NOW)
    with pytest.raises(Conflict) as refused:
        rules.submit_claim(claim, event("approved"), Decimal(0), NOW)
    assert refused.value.error_code == "report_required"
    assert rules.submit_claim(claim, event("reported"), Decimal(0), NOW)["status"] == "submitted"


def test_an_event_claim_is_checked_against_the_funded_amount():
    claim, _ = rules.open_claim(id="x1", claimant_id="planner-1", subject_type="event", subject=event(),
                                items=lines("1200.00"), now=NOW)
    within = rules.submit_claim(claim, event(), Decimal("1800.00"), NOW)
    assert (within["funded_amount"], within["over_funded"]) == (Decimal("3000.00"), False)
    beyond = {**claim, **rules.submit_claim(claim, event(), Decimal("1800.01"), NOW)}
    assert beyond["over_funded"] is True
    with pytest.raises(Conflict) as refused:
        rules.approve_claim(beyond, "m-1", None, NOW)
    assert refused.value.error_code == "over_funded_amount"
    assert rules.approve_claim(beyond, "m-1", "场地加时", NOW)["override_reason"] == "场地加时"


def test_an_event_is_claimed_for_only_once_approved():
    for status in ("draft", "pending_approval", "rejected", "cancelled"):
        with pytest.raises(Conflict) as refused:
            rules.open_claim(id="x1", claimant_id="planner-1", subject_type="event", subject=event(status),
                             items=lines("100.00"), now=NOW)
        assert refused.value.error_code == "subject_not_approved"


def test_an_event_claim_has_no_one_customer(uow):
    claim = opened(uow)
    assert (claim["customer_id"], claim["subject"], claim["actions"]) == (None, {"type": "event", "id": "ev1"},
                                                                            ["submit", "edit", "withdraw"])


def test_a_developer_cannot_file_a_claim_on_an_event(uow):
    with pytest.raises(Forbidden):
        opened(uow, DEV)


def test_only_the_one_who_runs_the_event_files_its_claims(uow):
    with pytest.raises(NotFound):
        opened(uow, OTHER_PLANNER)
    with pytest.raises(NotFound):
        opened(uow, MANAGER)
    assert opened(uow, MANAGER, event(planner_id="m-1"))["claimant_id"] == "m-1"


def test_the_earlier_claims_on_the_same_event_count_towards_its_funding(uow):
    first = opened(uow, PLANNER, None, "2000.00")
    first = claims.submit_claim(uow, PLANNER, NOW, claim_id=first["id"], **remotes(event()))
    second = opened(uow, PLANNER, None, "1500.00")
    second = claims.submit_claim(uow, PLANNER, NOW, claim_id=second["id"], **remotes(event()))
    assert (first["over_funded"], second["over_funded"]) == (False, True)


def test_an_event_claim_reaches_analytics_with_its_subject_and_no_customer(uow):
    claim = opened(uow)
    claims.submit_claim(uow, PLANNER, NOW, claim_id=claim["id"], **remotes(event()))
    claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=FakeRemote())
    claims.reimburse_claim(uow, MANAGER, NOW, claim_id=claim["id"])
    reimbursed = uow.published[-1]
    assert reimbursed["type"] == "expense_claim.reimbursed"
    assert reimbursed["data"]["subject"] == {"type": "event", "id": "ev1"}
    assert (reimbursed["data"]["customer_id"], reimbursed["data"]["total"]) == (None, "1200.00")


def test_the_planner_lists_their_own_claims(uow):
    opened(uow)
    assert [c["claimant_id"] for c in claims.list_claims(uow.session, PLANNER, NOW, args={})["items"]] == ["planner-1"]
    assert claims.list_claims(uow.session, OTHER_PLANNER, NOW, args={})["items"] == []


def test_analytics_reads_a_reimbursed_event_claim_as_spend_with_no_customer(uow):
    from services.analytics.contracts import PROJECTED
    from services.analytics.domain.projections import project

    claim = opened(uow)
    claims.submit_claim(uow, PLANNER, NOW, claim_id=claim["id"], **remotes(event()))
    claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=FakeRemote())
    claims.reimburse_claim(uow, MANAGER, NOW, claim_id=claim["id"])
    data = uow.published[-1]["data"]
    facts = project("expense_claim.reimbursed", PROJECTED["expense_claim.reimbursed"]().load(data), NOW).facts
    assert [(f.metric, f.customer_id, f.developer_id, f.amount) for f in facts] == [
        ("expense", None, "planner-1", Decimal("1200.00"))]
